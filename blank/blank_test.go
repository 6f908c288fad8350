package blank

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

var (
	update = flag.Bool("update", false, "rewrite templates/*.docx from ../testdata/docx/template-*-wps.docx")
	out    = flag.String("out", "", "write template-2019.docx and template-2025.docx into this folder (see testdata/render.sh)")
)

// corePart is the package part whose content the embedded templates replace
// by neutralCore.
const corePart = "docProps/core.xml"

// neutralCore names no author and no dates; Word and WPS fill them in
// when the clerk saves.
const neutralCore = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><cp:revision>1</cp:revision></cp:coreProperties>`

// fixtures maps each embedded template to the fixture it is made from.
var fixtures = []struct {
	version  format.Version
	template string
	fixture  string
}{
	{format.V2019, "templates/v2019.docx", "../testdata/docx/template-2019-wps.docx"},
	{format.V2021, "templates/v2021.docx", "../testdata/docx/template-2021-wps.docx"},
}

// TestTemplatesUpToDate checks that each embedded template is its fixture
// with a neutral docProps/core.xml: same entries in the same order, same
// content. With -update it rewrites the templates first.
func TestTemplatesUpToDate(t *testing.T) {
	for _, f := range fixtures {
		t.Run(string(f.version), func(t *testing.T) {
			fixture, err := os.ReadFile(f.fixture)
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				b, err := neutralise(fixture)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(f.template, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := os.ReadFile(f.template)
			if err != nil {
				t.Fatal(err)
			}
			embedded, err := templateFor(f.version)
			if err != nil {
				t.Fatal(err)
			}
			if !*update && !bytes.Equal(got, embedded) {
				t.Fatalf("%s differs from the embedded copy", f.template)
			}
			wantNames, want := entries(t, fixture)
			gotNames, gotParts := entries(t, got)
			if !slices.Equal(gotNames, wantNames) {
				t.Fatalf("%s: entries %q, fixture has %q (run go test ./blank -update)", f.template, gotNames, wantNames)
			}
			want[corePart] = []byte(neutralCore)
			for _, name := range wantNames {
				if !bytes.Equal(gotParts[name], want[name]) {
					t.Errorf("%s: %s differs from %s (run go test ./blank -update, then review)", f.template, name, f.fixture)
				}
			}
		})
	}
}

// neutralise returns the fixture package with corePart replaced by
// neutralCore. Other entries are copied raw, time stamps included.
func neutralise(fixture []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(fixture), int64(len(fixture)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		if f.Name != corePart {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		found = true
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(w, neutralCore); err != nil {
			return nil, err
		}
	}
	if !found {
		return nil, fmt.Errorf("fixture has no %s", corePart)
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// entries returns the names of a package's entries in order and their
// inflated contents.
func entries(t *testing.T, pkg []byte) ([]string, map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatalf("not a zip package: %v", err)
	}
	var names []string
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("open %s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("read %s: %v", f.Name, err)
		}
		names = append(names, f.Name)
		parts[f.Name] = b
	}
	return names, parts
}

// TestTemplateTitleIsOneRun checks that the placeholder title is the whole
// text of exactly one run in each template, so that replacing it cannot
// leave half a title.
func TestTemplateTitleIsOneRun(t *testing.T) {
	for _, f := range fixtures {
		tpl, err := templateFor(f.version)
		if err != nil {
			t.Fatal(err)
		}
		_, parts := entries(t, tpl)
		doc := string(parts["word/document.xml"])
		if n := strings.Count(doc, "<w:t>"+templateTitle+"</w:t>"); n != 1 {
			t.Errorf("%s: title run found %d times, want 1", f.template, n)
		}
		if n := strings.Count(doc, templateTitle); n != 1 {
			t.Errorf("%s: title text found %d times, want 1", f.template, n)
		}
	}
}

// readBack parses b as nianbao does and maps it to cells.
func readBack(t *testing.T, b []byte) *schema.Report {
	t.Helper()
	doc, err := parser.Parse(context.Background(), "blank.docx", b, parser.DefaultLimits())
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return schema.Build(doc)
}

func TestWrite(t *testing.T) {
	tests := []struct {
		year      int
		agency    string
		version   format.Version
		cells     int
		title     string
		agencyOut string // schema.Report.Agency
	}{
		{2019, "某某镇人民政府", format.V2019, 198, "某某镇人民政府2019年政府信息公开工作年度报告", "某某镇人民政府"},
		{2020, "", format.V2019, 198, "XX2020年政府信息公开工作年度报告", "XX"},
		{2021, "某某县人民政府办公室", format.V2021, 200, "某某县人民政府办公室2021年政府信息公开工作年度报告", "某某县人民政府办公室"},
		{2025, "", format.V2021, 200, "XX2025年政府信息公开工作年度报告", "XX"},
		{2025, " 某某市交通运输局\u3000", format.V2021, 200, "某某市交通运输局2025年政府信息公开工作年度报告", "某某市交通运输局"},
		{2099, "A&B<局>", format.V2021, 200, "A&B<局>2099年政府信息公开工作年度报告", "A&B<局>"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d/%s", tt.year, tt.agency), func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, tt.year, tt.agency); err != nil {
				t.Fatal(err)
			}
			if got := Title(tt.year, tt.agency); got != tt.title {
				t.Errorf("Title = %q, want %q", got, tt.title)
			}
			rep := readBack(t, buf.Bytes())
			if rep.Version != tt.version {
				t.Errorf("read back as format %q, want %q", rep.Version, tt.version)
			}
			if rep.Title != tt.title {
				t.Errorf("title %q, want %q", rep.Title, tt.title)
			}
			if rep.Year != tt.year || rep.TitleYear.Year != tt.year {
				t.Errorf("year %d (title year %d), want %d", rep.Year, rep.TitleYear.Year, tt.year)
			}
			if want := format.NormalizeLabel(tt.agencyOut); rep.Agency != want {
				t.Errorf("agency %q, want %q", rep.Agency, want)
			}
			if len(rep.Sections) != 6 {
				t.Errorf("%d sections, want 6", len(rep.Sections))
			}
			for i, s := range rep.Sections {
				if s.Number != i+1 {
					t.Errorf("section %d numbered %d", i+1, s.Number)
				}
			}
			for _, table := range []string{format.T2, format.T3, format.T4} {
				if _, ok := rep.Tables[table]; !ok {
					t.Errorf("table %s not found", table)
				}
			}
			if len(rep.Issues) != 0 {
				t.Errorf("mapping issues: %+v", rep.Issues)
			}
			if len(rep.Keys) != tt.cells {
				t.Errorf("%d cell keys, want %d", len(rep.Keys), tt.cells)
			}
			if len(rep.Cells) != len(rep.Keys) {
				t.Errorf("%d cells for %d keys", len(rep.Cells), len(rep.Keys))
			}
			for _, k := range rep.Keys {
				if c := rep.Cell(k); c.State != schema.StateBlank {
					t.Errorf("cell %s: state %s (raw %q), want blank", k, c.State, c.Raw)
				}
			}
		})
	}
}

func TestFormat(t *testing.T) {
	for year, want := range map[int]format.Version{2019: format.V2019, 2020: format.V2019, 2021: format.V2021, 2025: format.V2021, 2099: format.V2021} {
		if got, err := Format(year); err != nil || got != want {
			t.Errorf("Format(%d) = %q, %v; want %q", year, got, err, want)
		}
	}
}

func TestUnsupportedYear(t *testing.T) {
	for _, year := range []int{2018, 1999, 0, -2025, 2100} {
		var buf bytes.Buffer
		err := Write(&buf, year, "某某镇人民政府")
		if !errors.Is(err, ErrUnsupportedYear) {
			t.Errorf("Write(%d): error %v, want ErrUnsupportedYear", year, err)
		}
		if buf.Len() != 0 {
			t.Errorf("Write(%d) wrote %d bytes with an error", year, buf.Len())
		}
		if _, err := Format(year); !errors.Is(err, ErrUnsupportedYear) {
			t.Errorf("Format(%d): error %v, want ErrUnsupportedYear", year, err)
		}
	}
}

func TestInvalidAgency(t *testing.T) {
	for _, agency := range []string{"某某镇\n人民政府", "某某镇\t人民政府", "某某\x00镇", "\xff镇", "../某某镇", `某某镇\人民政府`, "a/b"} {
		if _, err := Bytes(2025, agency); !errors.Is(err, ErrInvalidAgency) {
			t.Errorf("Bytes(2025, %q): error %v, want ErrInvalidAgency", agency, err)
		}
	}
}

type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

func TestWriteError(t *testing.T) {
	sentinel := errors.New("disk full")
	if err := Write(failWriter{sentinel}, 2025, ""); !errors.Is(err, sentinel) {
		t.Errorf("Write to a failing writer: error %v, want it to wrap %v", err, sentinel)
	}
}

// TestDeterministic checks that the output depends only on the arguments:
// the same bytes twice, and no entry stamped with the current time.
func TestDeterministic(t *testing.T) {
	for _, year := range []int{2020, 2025} {
		a, err := Bytes(year, "某某镇人民政府")
		if err != nil {
			t.Fatal(err)
		}
		b, err := Bytes(year, "某某镇人民政府")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%d: two calls gave different bytes", year)
		}
		zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if f.Modified.Year() > 1980 {
				t.Errorf("%d: entry %s stamped %v, want no time stamp", year, f.Name, f.Modified)
			}
		}
	}
}

// TestOutputKeepsTemplate checks that the title run and the rows' page
// breaking are the only changes: every entry but word/document.xml is the
// template's, and the document differs only in the title text and the
// rows' properties (keepRows).
func TestOutputKeepsTemplate(t *testing.T) {
	for _, f := range fixtures {
		year := 2020
		if f.version == format.V2021 {
			year = 2025
		}
		tpl, err := templateFor(f.version)
		if err != nil {
			t.Fatal(err)
		}
		out, err := Bytes(year, "")
		if err != nil {
			t.Fatal(err)
		}
		tplNames, tplParts := entries(t, tpl)
		outNames, outParts := entries(t, out)
		if !slices.Equal(outNames, tplNames) {
			t.Fatalf("%s: entries %q, template has %q", f.template, outNames, tplNames)
		}
		tplParts["word/document.xml"] = []byte(keepRows(string(bytes.Replace(tplParts["word/document.xml"], []byte(templateTitle), []byte(Title(year, "")), 1))))
		for _, name := range tplNames {
			if !bytes.Equal(outParts[name], tplParts[name]) {
				t.Errorf("%s: %s changed beyond the title", f.template, name)
			}
		}
	}
}

// TestWriteFiles writes the 2019 and 2025 templates into the folder given
// by -out, for testdata/render.sh to convert and look at. Without -out it is
// skipped.
func TestWriteFiles(t *testing.T) {
	if *out == "" {
		t.Skip("no -out folder")
	}
	for _, year := range []int{2019, 2025} {
		var buf bytes.Buffer
		if err := Write(&buf, year, ""); err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(*out, fmt.Sprintf("template-%d.docx", year))
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTitleFits checks the title's layout: one line at 18 pt when it fits,
// 16 pt when that makes it fit, else two lines broken after the agency —
// never a line of one character.
func TestTitleFits(t *testing.T) {
	for _, c := range []struct {
		agency string
		lines  int
		size   int
	}{
		{"", 1, 36},
		{"某镇人民政府", 1, 36},
		{"某某镇人民政府", 1, 32}, // at 18 pt LibreOffice put 告 alone on line 2
		{"苏州市吴中区人民政府", 2, 36},
		{"苏州市吴中区人民政府办公室", 2, 36},
		{"中国（上海）自由贸易试验区临港新片区管理委员会办公室", 2, 30},
	} {
		l := layTitle(2025, c.agency)
		if len(l.lines) != c.lines || l.size != c.size {
			t.Errorf("%q: %d lines at %d half-points %q, want %d at %d", c.agency, len(l.lines), l.size, l.lines, c.lines, c.size)
		}
		if strings.Join(l.lines, "") != Title(2025, c.agency) {
			t.Errorf("%q: lines %q do not make the title", c.agency, l.lines)
		}
		for _, line := range l.lines {
			if utf8.RuneCountInString(line) < 2 {
				t.Errorf("%q: a line of one character: %q", c.agency, l.lines)
			}
		}
		if len(l.lines) == 2 && l.lines[1] != "2025年政府信息公开工作年度报告" {
			t.Errorf("%q: second line %q", c.agency, l.lines[1])
		}
	}
	out, err := Bytes(2025, "中国（上海）自由贸易试验区临港新片区管理委员会办公室")
	if err != nil {
		t.Fatal(err)
	}
	_, parts := entries(t, out)
	doc := string(parts["word/document.xml"])
	if !strings.Contains(doc, `<w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr><w:t>中国（上海）自由贸易试验区临港新片区管理委员会办公室</w:t><w:br/><w:t>2025年政府信息公开工作年度报告</w:t>`) {
		t.Error("the two-line title is not in the document")
	}
}

// TestRowsKeptTogether checks that no row splits across pages and that
// table 三's header rows — and only those — repeat on each page.
func TestRowsKeptTogether(t *testing.T) {
	for _, year := range []int{2020, 2025} {
		out, err := Bytes(year, "")
		if err != nil {
			t.Fatal(err)
		}
		_, parts := entries(t, out)
		doc := string(parts["word/document.xml"])
		rows := strings.Count(doc, "<w:tr ") + strings.Count(doc, "<w:tr>")
		if n := strings.Count(doc, "<w:cantSplit/>"); n != rows || rows == 0 {
			t.Errorf("%d: %d of %d rows kept on one page", year, n, rows)
		}
		tables := strings.Split(doc, "<w:tbl>")
		for i, tb := range tables[1:] {
			n := strings.Count(tb, "<w:tblHeader/>")
			isT3 := strings.Contains(tb, "本年新收政府信息公开申请数量")
			switch {
			case isT3 && (n < 2 || n > 4):
				t.Errorf("%d: table 三 repeats %d header rows, want its 2–4 header rows", year, n)
			case !isT3 && n != 0:
				t.Errorf("%d: table %d repeats %d rows", year, i+1, n)
			}
			if isT3 {
				first := strings.Index(tb, "本年新收政府信息公开申请数量")
				if strings.Contains(tb[first:], "<w:tblHeader/>") {
					t.Errorf("%d: a data row of table 三 is marked as a header", year)
				}
			}
		}
	}
}
