package parser_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/schema"
)

const layoutsDir = "../testdata/layouts"

// layoutGroups lists, for each reference .docx, the files holding the same
// report in another layout, encoding or format, with the encoding each must
// be read in.
var layoutGroups = []struct {
	ref    string
	inputs map[string]string // file in testdata/layouts (or ../testdata) → encoding
}{
	{"../testdata/docx/seed-2020-lo.docx", map[string]string{
		"seed-2020.pandoc-plain.txt":     parser.EncUTF8,
		"seed-2020.pandoc-md.txt":        parser.EncUTF8,
		"seed-2020.gfm.txt":              parser.EncUTF8,
		"seed-2020.docx2txt.txt":         parser.EncUTF8,
		"seed-2020.docx2txt.gb18030.txt": parser.EncGB18030,
		"seed-2020.lo-text.txt":          parser.EncUTF8BOM,
		"seed-2020.tsv.txt":              parser.EncUTF8,
		"seed-2020.tsv.utf16be.txt":      parser.EncUTF16BE,
		"seed-2020.lo.html":              parser.EncUTF8,
		"../seed-2020.txt":               parser.EncUTF8,
		"../docx/seed-2020.html":         parser.EncUTF8,
	}},
	{"../testdata/docx/filled-2021-wps.docx", map[string]string{
		"filled-2021.pandoc-md.txt":       parser.EncUTF8,
		"filled-2021.gfm.txt":             parser.EncUTF8,
		"filled-2021.docx2txt.txt":        parser.EncUTF8,
		"filled-2021.docx2txt-pages.txt":  parser.EncUTF8,
		"filled-2021.lo-text.txt":         parser.EncUTF8BOM,
		"filled-2021.lo-text.utf16le.txt": parser.EncUTF16LE,
		"filled-2021.tsv.txt":             parser.EncUTF8,
		"filled-2021.web.txt":             parser.EncUTF8,
		"filled-2021.web.gb18030.txt":     parser.EncGB18030,
		"filled-2021.lo.html":             parser.EncUTF8,
		"filled-2021.gov.html":            parser.EncGB18030,
		"filled-2021.gov.utf8.html":       parser.EncUTF8,
		"filled-2021.bs4-spaced.txt":      parser.EncUTF8,
		"filled-2021.html2text.md":        parser.EncUTF8,
		"filled-2021.gov.html2text.md":    parser.EncUTF8,
	}},
}

// titleLost lists the inputs whose converter split or buried the title
// (bs4 gives the three runs of the title as three strings; html2text keeps
// the site's navigation above it): their cells and sections must be those
// of the .docx, but the year and agency taken from the title, and the
// findings that depend on them, are the title reader's business.
var titleLost = map[string]bool{
	"filled-2021.bs4-spaced.txt":   true,
	"filled-2021.gov.html2text.md": true,
}

func build(t *testing.T, path string) *schema.Report {
	t.Helper()
	doc, err := parser.ParseFile(context.Background(), path, parser.DefaultLimits())
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return schema.Build(doc)
}

// findingKeys lists the findings of a report as "rule cell format",
// without positions, which differ between formats.
func findingKeys(rep *schema.Report) []string {
	var keys []string
	for _, f := range rules.Run(rep, rules.All(), rules.Options{}) {
		keys = append(keys, fmt.Sprintf("%s %s %s", f.Rule, f.Cell, f.Msg.Format))
	}
	slices.Sort(keys)
	return keys
}

// TestLayoutsEquivalent reads the same report in every layout, encoding and
// format and checks that each gives the cells (state and value), the
// version, the sections and the findings of its .docx.
func TestLayoutsEquivalent(t *testing.T) {
	for _, g := range layoutGroups {
		ref := build(t, g.ref)
		refFindings := findingKeys(ref)
		names := make([]string, 0, len(g.inputs))
		for name := range g.inputs {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			t.Run(name, func(t *testing.T) {
				path := filepath.Join(layoutsDir, name)
				rep := build(t, path)
				if rep.Encoding != g.inputs[name] {
					t.Errorf("encoding %q, want %q", rep.Encoding, g.inputs[name])
				}
				if rep.Version != ref.Version || len(rep.Keys) != len(ref.Keys) || !titleLost[name] && (rep.Year != ref.Year || rep.Agency != ref.Agency) {
					t.Errorf("version %s/%s, year %d/%d, agency %q/%q, %d/%d keys", rep.Version, ref.Version, rep.Year, ref.Year, rep.Agency, ref.Agency, len(rep.Keys), len(ref.Keys))
				}
				for _, k := range ref.Keys {
					want, got := ref.Cell(k), rep.Cell(k)
					if got == nil || want.State != got.State || want.Value != got.Value {
						t.Errorf("%s: %v, want %s %v (%q)", k, got, want.State, want.Value, want.Raw)
					}
				}
				var secs, refSecs []int
				for _, s := range rep.Sections {
					secs = append(secs, s.Number)
				}
				for _, s := range ref.Sections {
					refSecs = append(refSecs, s.Number)
				}
				if !slices.Equal(secs, refSecs) {
					t.Errorf("sections %v, want %v", secs, refSecs)
				}
				if got := findingKeys(rep); !titleLost[name] && !slices.Equal(got, refFindings) {
					t.Errorf("findings differ:\n got %q\nwant %q", got, refFindings)
				}
			})
		}
	}
}

// Layouts where a blank cell leaves no trace: a row whose values cannot
// be aligned with the columns is reported, never read shifted.
func TestUnalignedRowsReported(t *testing.T) {
	for _, name := range []string{"filled-2021.web-missing.txt", "filled-2021.tsv-collapsed-missing.txt"} {
		t.Run(name, func(t *testing.T) {
			rep := build(t, filepath.Join(layoutsDir, name))
			found := false
			for _, is := range rep.Issues {
				if is.Kind == schema.IssueUnreadableRow && is.Table == format.T3 && strings.Contains(is.Label, "部分公开") {
					found = true
				}
			}
			if !found {
				t.Errorf("no unreadable-row issue for 表三（二）部分公开: %+v", rep.Issues)
			}
			var p0002 bool
			for _, f := range rules.Run(rep, rules.All(), rules.Options{}) {
				if f.Rule == rules.P0002.ID {
					p0002 = true
				}
			}
			if !p0002 {
				t.Error("no P0002 finding")
			}
			// The row's cells are left unread, not filled from the
			// neighbouring columns.
			for _, col := range format.T3Columns {
				if c := rep.Cell("t3.R2." + col); c.State != schema.StateMissing {
					t.Errorf("t3.R2.%s = %s %v, want missing", col, c.State, c.Value)
				}
			}
			// Every other row of table 三 is read as in the .docx.
			ref := build(t, "../testdata/docx/filled-2021-wps.docx")
			for _, k := range ref.Keys {
				if !strings.HasPrefix(k, "t3.") || strings.HasPrefix(k, "t3.R2.") {
					continue
				}
				if a, b := ref.Cell(k), rep.Cell(k); a.State != b.State || a.Value != b.Value {
					t.Errorf("%s: %s %v, want %s %v", k, b.State, b.Value, a.State, a.Value)
				}
			}
		})
	}
	// Table 二 in the web copy: 行政规范性文件 lost its 本年废止件数; its
	// values are not read into 本年制发件数 and 现行有效件数.
	rep := build(t, filepath.Join(layoutsDir, "filled-2021.web-missing.txt"))
	for _, col := range []string{"issued", "repealed", "inforce"} {
		if c := rep.Cell("t2.a1.norm." + col); c.State == schema.StateNumber {
			t.Errorf("t2.a1.norm.%s = %v, want not read", col, c.Value)
		}
	}
	if c := rep.Cell("t2.a1.reg.issued"); c.State != schema.StateNumber || c.Value != 0 {
		t.Errorf("t2.a1.reg.issued = %s %v, want 0", c.State, c.Value)
	}
}

// The encodings and page furniture of a text file do not change what is
// read; empty and binary files give their errors.
func TestUnreadableTextFiles(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, parser.ErrEmpty},
		{"spaces and line ends", []byte(" \r\n\t\n\u3000\n"), parser.ErrEmpty},
		{"BOM only", []byte{0xEF, 0xBB, 0xBF}, parser.ErrEmpty},
		{"UTF-16 BOM and spaces", []byte{0xFF, 0xFE, ' ', 0, '\n', 0}, parser.ErrEmpty},
		{"binary junk", []byte("\x00\x01\x02\x03\xff\xfe\xfd\x89PNG\x00\x00\x1a\x0a\x00\x00"), parser.ErrBinary},
		{"mostly replacement characters", []byte(strings.Repeat("\x80\xff\xfe", 50) + "ok"), parser.ErrBinary},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		for _, ext := range []string{".txt", ".html"} {
			t.Run(tt.name+ext, func(t *testing.T) {
				path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+ext)
				if err := os.WriteFile(path, tt.data, 0o644); err != nil {
					t.Fatal(err)
				}
				_, err := parser.ParseFile(context.Background(), path, parser.DefaultLimits())
				if !errors.Is(err, tt.want) {
					t.Errorf("err = %v, want %v", err, tt.want)
				}
				// The driver turns the error into its P0001 message.
				msg := rules.MsgP0001Binary
				if tt.want == parser.ErrEmpty {
					msg = rules.MsgP0001Empty
				}
				res := lint.CheckFile(context.Background(), path, lint.DefaultOptions())
				if len(res.Findings) != 1 || res.Findings[0].Rule != rules.P0001.ID || res.Findings[0].Msg.Format != msg {
					t.Errorf("findings %+v, want one P0001 %q", res.Findings, msg)
				}
			})
		}
	}
}

// pandoc 2.17 cannot write table 三 of the WPS template (merged cells) as
// plain text and writes "[TABLE]" instead: the table is not in the file,
// and the user is told that table 三 is missing, never given numbers.
func TestPandocPlainLostTable(t *testing.T) {
	rep := build(t, filepath.Join(layoutsDir, "filled-2021.pandoc-plain.txt"))
	if _, ok := rep.Tables[format.T3]; ok {
		t.Fatal("table 三 found")
	}
	for _, k := range rep.Keys {
		if strings.HasPrefix(k, "t3.") && rep.Cell(k).State != schema.StateMissing {
			t.Errorf("%s = %s", k, rep.Cell(k).State)
		}
	}
	var c1002 bool
	for _, f := range rules.Run(rep, rules.All(), rules.Options{}) {
		c1002 = c1002 || f.Rule == "C1002"
	}
	if !c1002 {
		t.Error("no C1002 finding for the missing table")
	}
	// Tables 二 and 四 are read as in the .docx.
	ref := build(t, "../testdata/docx/filled-2021-wps.docx")
	for _, k := range ref.Keys {
		if strings.HasPrefix(k, "t3.") {
			continue
		}
		if a, b := ref.Cell(k), rep.Cell(k); a.State != b.State || a.Value != b.Value {
			t.Errorf("%s: %s %v, want %s %v", k, b.State, b.Value, a.State, a.Value)
		}
	}
}

// In every degraded input (blank cells lost in a web copy or in collapsed
// tabs, values deleted) each number read is the number of the .docx in
// that cell: rows that cannot be aligned are reported, never shifted.
func TestNeverShifted(t *testing.T) {
	for _, tt := range []struct{ ref, name string }{
		{"../testdata/docx/seed-2020-lo.docx", "seed-2020.web.txt"},
		{"../testdata/docx/seed-2020-lo.docx", "seed-2020.tsv-collapsed.txt"},
		{"../testdata/docx/filled-2021-wps.docx", "filled-2021.web-missing.txt"},
		{"../testdata/docx/filled-2021-wps.docx", "filled-2021.tsv-collapsed-missing.txt"},
		{"../testdata/docx/seed-2020-lo.docx", "seed-2020.bs4-spaced.txt"},
		{"../testdata/docx/seed-2020-lo.docx", "seed-2020.html2text.md"},
		{"../testdata/docx/seed-2020-lo.docx", "seed-2020.html2text-rows.md"},
		{"../testdata/docx/seed-2020-lo.docx", "seed-2020.html2text-pad.md"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ref, rep := build(t, tt.ref), build(t, filepath.Join(layoutsDir, tt.name))
			unread := 0
			for _, k := range ref.Keys {
				got, want := rep.Cell(k), ref.Cell(k)
				switch {
				case got.State == schema.StateMissing:
					unread++
				case got.State != want.State || got.Value != want.Value:
					t.Errorf("%s = %s %v, want %s %v", k, got.State, got.Value, want.State, want.Value)
				}
			}
			var p0002 int
			for _, f := range rules.Run(rep, rules.All(), rules.Options{}) {
				if f.Rule == rules.P0002.ID {
					p0002++
				}
			}
			if unread == 0 || p0002 == 0 {
				t.Errorf("%d cells unread, %d P0002 findings; want some of both", unread, p0002)
			}
		})
	}
}
