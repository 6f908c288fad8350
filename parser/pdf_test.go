package parser

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNonPDFNeverLoadsPDFium parses every fixture that is not a PDF and
// proves the PDF engine was never started: a process that reads no PDF
// pays nothing for it. It runs in a child process, so that the order of
// the other tests does not matter.
func TestNonPDFNeverLoadsPDFium(t *testing.T) {
	if os.Getenv("NIANBAO_TEST_NO_PDF") != "1" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestNonPDFNeverLoadsPDFium$", "-test.count=1")
		cmd.Env = append(os.Environ(), "NIANBAO_TEST_NO_PDF=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return
	}
	var files []string
	for _, pat := range []string{"../testdata/*.txt", "../testdata/docx/*", "../testdata/doc/*.doc", "../testdata/rtf/*.rtf", "../testdata/disguised/*"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("only %d fixtures", len(files))
	}
	for _, f := range files {
		_, _ = ParseFile(context.Background(), f, DefaultLimits()) // some are hostile on purpose
	}
	if engine.started.Load() {
		t.Fatal("the PDF engine was started for files that are not PDFs")
	}
}

// TestPDFPages reads a LibreOffice PDF whose first table runs from page 1
// onto page 2: one table, its rows on their pages, no page number or
// heading lost.
func TestPDFPages(t *testing.T) {
	doc, err := ParseFile(context.Background(), "../testdata/pdf/seed-2020-lo.pdf", DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "pdf" {
		t.Errorf("format %q", doc.Format)
	}
	ts := doc.Tables()
	if len(ts) != 3 {
		t.Fatalf("%d tables, want 3", len(ts))
	}
	first := ts[0]
	if p0, pn := first.Rows[0].Pos.Page, first.Rows[len(first.Rows)-1].Pos.Page; p0 != 1 || pn != 2 {
		t.Errorf("table 1 runs from page %d to %d, want 1 to 2", p0, pn)
	}
	last := first.Rows[len(first.Rows)-1]
	if got := last.Cells[0].Text; got != "政府集中采购" || last.Cells[0].Pos.Page != 2 || last.Cells[0].Pos.Table != 1 {
		t.Errorf("last row of table 1: %q at %+v", got, last.Cells[0].Pos)
	}
	ps := doc.Paragraphs()
	if ps[0].Text != "清凉峰镇2020年政府信息公开工作年度报告" || ps[0].Pos.Page != 1 {
		t.Errorf("title %q on page %d", ps[0].Text, ps[0].Pos.Page)
	}
	if got := ps[len(ps)-1]; got.Text != "本年度无其他需要报告的事项。" || got.Pos.Page != 3 {
		t.Errorf("last paragraph %q on page %d", got.Text, got.Pos.Page)
	}
}

// TestPDFFailures: what cannot be read says why, through the sentinels.
func TestPDFFailures(t *testing.T) {
	for name, want := range map[string]error{
		"scanned.pdf":   ErrScanned,
		"encrypted.pdf": ErrEncrypted,
		"truncated.pdf": ErrCorruptPDF,
	} {
		_, err := ParseFile(context.Background(), filepath.Join("../testdata/pdf", name), DefaultLimits())
		if !errors.Is(err, want) {
			t.Errorf("%s: err = %v, want %v", name, err, want)
		}
	}
	// A scan is a format nianbao does not read, a damaged PDF a corrupt file.
	if !errors.Is(ErrScanned, ErrUnsupportedFormat) || !errors.Is(ErrCorruptPDF, ErrCorrupt) {
		t.Error("sentinels wrap the wrong errors")
	}
	_, err := Parse(context.Background(), "x.pdf", []byte("%PDF-1.4\n"+strings.Repeat("0 0 m 1 1 l S\n", 10)), DefaultLimits())
	if !errors.Is(err, ErrCorruptPDF) {
		t.Errorf("garbage after a PDF header: err = %v", err)
	}
}

// TestPageFurniture: page numbers and running headers are dropped, other
// short lines in the margins kept.
func TestPageFurniture(t *testing.T) {
	p := &pdfPage{h: 800}
	line := func(s string, y float64) *pdfTextLine {
		var gs []pdfGlyph
		for i, r := range []rune(s) {
			gs = append(gs, pdfGlyph{r: r, x0: float64(10 * i), x1: float64(10*i + 9), y0: y, y1: y + 10})
		}
		return &textLines(gs)[0]
	}
	running := map[string]bool{"某某县人民政府": true}
	for _, c := range []struct {
		text string
		y    float64
		want bool
	}{
		{"- 3 -", 770, true},
		{"第3页", 770, true},
		{"3", 770, true},
		{"某某县人民政府", 20, true},
		{"3", 400, false},          // a number in the body
		{"2023年1月20日", 770, false}, // a date low on the last page
	} {
		if got := pageFurniture(line(c.text, c.y), p, running); got != c.want {
			t.Errorf("%q at %v: %v, want %v", c.text, c.y, got, c.want)
		}
	}
}

// FuzzParsePDF: no PDF makes the reader panic, hang or build a table of
// the wrong shape.
func FuzzParsePDF(f *testing.F) {
	addSeeds(f, "../testdata/pdf/v2021-clean-lo.pdf", "../testdata/pdf/truncated.pdf")
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>endobj 4 0 obj<</Length 44>>stream\n0 0 m 100 0 l 100 100 l 0 100 l h S 50 0 m 50 100 l S\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(context.Background(), "fuzz.pdf", b, DefaultLimits())
		if err != nil {
			return
		}
		checkShape(t, doc)
	})
}

// BenchmarkParsePDF reads each LibreOffice or Chromium fixture with the
// engine warm (started before the timer).
func BenchmarkParsePDF(b *testing.B) {
	files, err := filepath.Glob("../testdata/pdf/*-*.pdf")
	if err != nil || len(files) == 0 {
		b.Fatal("no fixtures", err)
	}
	if _, err := pdfPool(); err != nil {
		b.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			for b.Loop() {
				if _, err := Parse(context.Background(), f, data, DefaultLimits()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestPDFCancelled: a cancelled read stops with the context's error.
func TestPDFCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ParseFile(ctx, "../testdata/pdf/v2021-clean-lo.pdf", DefaultLimits())
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
