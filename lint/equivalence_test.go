package lint

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// The same report read from different formats and producers gives the same
// cells, cell for cell: state and value (raw text may differ in white
// space the converters add or drop).
func TestCellsEquivalentAcrossFormats(t *testing.T) {
	groups := [][]string{
		{"../testdata/seed-2020.txt", "../testdata/docx/seed-2020-lo.docx", "../testdata/docx/seed-2020-pandoc.docx", "../testdata/docx/seed-2020-wps.docx",
			"../testdata/doc/seed-2020-wps.doc", "../testdata/rtf/seed-2020-wps.rtf", "../testdata/rtf/seed-2020-pandoc.rtf",
			"../testdata/pdf/seed-2020-lo.pdf", "../testdata/pdf/seed-2020-wps-doc.pdf"},
		{"../testdata/v2021-clean.txt", "../testdata/docx/v2021-clean-lo.docx", "../testdata/doc/v2021-clean-lo.doc", "../testdata/rtf/v2021-clean-lo.rtf",
			"../testdata/pdf/v2021-clean-lo.pdf", "../testdata/pdf/v2021-clean-chromium.pdf",
			"../testdata/pdf/v2021-clean-chromium-cut-label.pdf", "../testdata/pdf/v2021-clean-chromium-cut-header.pdf"},
		{"../testdata/docx/filled-2021-wps.docx", "../testdata/docx/filled-2021-lo.docx", "../testdata/docx/filled-2021-split.docx",
			"../testdata/docx/filled-2021-tracked.docx", "../testdata/docx/filled-2021-hidden.docx", "../testdata/docx/filled-2021-sdt.docx",
			"../testdata/docx/filled-2021-gov-lo.docx",
			"../testdata/doc/filled-2021-wps.doc", "../testdata/doc/filled-2021-tracked.doc", "../testdata/doc/filled-2021-hidden.doc",
			"../testdata/doc/filled-2021-gov-lo.doc",
			// "Word" files that are web pages inside (testdata/disguised).
			"../testdata/disguised/filled-2021-lo-html.doc", "../testdata/disguised/filled-2021-blink-mht.doc",
			"../testdata/disguised/filled-2021-gov-py.mht", "../testdata/disguised/filled-2021-lo-rtf.doc",
			"../testdata/rtf/filled-2021-lo.rtf", "../testdata/rtf/filled-2021-pandoc.rtf",
			// PDFs exported by LibreOffice (testdata/pdf).
			"../testdata/pdf/filled-2021-wps.pdf"},
	}
	// A report saved from a web page keeps the page around it: menus and
	// a breadcrumb before the title, the site's footer after the text.
	webExport := map[string]bool{"../testdata/docx/filled-2021-gov-lo.docx": true, "../testdata/doc/filled-2021-gov-lo.doc": true,
		"../testdata/disguised/filled-2021-gov-py.mht": true}
	opts := DefaultOptions()
	for _, g := range groups {
		ref := CheckFile(context.Background(), g[0], opts)
		if ref.Report == nil {
			t.Fatalf("%s: %v", g[0], ref.Err)
		}
		for _, path := range g[1:] {
			t.Run(path, func(t *testing.T) {
				r := CheckFile(context.Background(), path, opts)
				if r.Report == nil {
					t.Fatalf("%v", r.Err)
				}
				a, b := ref.Report, r.Report
				if a.Version != b.Version || a.Year != b.Year || a.Agency != b.Agency || len(a.Keys) != len(b.Keys) {
					t.Errorf("version %s/%s, year %d/%d, agency %q/%q, %d/%d keys", a.Version, b.Version, a.Year, b.Year, a.Agency, b.Agency, len(a.Keys), len(b.Keys))
				}
				for _, k := range a.Keys {
					x, y := a.Cell(k), b.Cell(k)
					if x.State != y.State || x.Value != y.Value {
						t.Errorf("%s: %s %v (%q) vs %s %v (%q)", k, x.State, x.Value, x.Raw, y.State, y.Value, y.Raw)
					}
				}
				if len(a.Sections) != len(b.Sections) {
					t.Fatalf("%d vs %d sections", len(a.Sections), len(b.Sections))
				}
				for i := range a.Sections {
					x, y := a.Sections[i], b.Sections[i]
					if webExport[path] && i == len(a.Sections)-1 && strings.HasPrefix(y.Text, x.Text) {
						continue // the page's footer follows the last section
					}
					if filepath.Ext(path) == ".pdf" {
						// A PDF keeps no white space at the end of a line.
						x.Text = trimLineEnds(x.Text)
					}
					if x.Number != y.Number || x.Text != y.Text {
						t.Errorf("section %d differs", a.Sections[i].Number)
					}
				}
				if len(ref.Findings) != len(r.Findings) {
					t.Errorf("%d vs %d findings", len(ref.Findings), len(r.Findings))
				}
			})
		}
	}
}

// trimLineEnds removes the white space at the end of each line of s.
func trimLineEnds(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\u3000")
	}
	return strings.Join(lines, "\n")
}
