package parser

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const seedPath = "../testdata/seed-2020.txt"

func TestParseTxtSeedStructure(t *testing.T) {
	doc, err := ParseFile(context.Background(), seedPath, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "txt" || doc.Encoding != EncUTF8 {
		t.Errorf("format, encoding = %q, %q", doc.Format, doc.Encoding)
	}
	tables := doc.Tables()
	if len(tables) != 3 {
		t.Fatalf("got %d tables, want 3", len(tables))
	}
	// Table 二 of the 2019 format: five blocks of caption, header and rows
	// (5 + 5 + 8).
	if got := len(tables[0].Rows); got != 18 {
		t.Errorf("table 1 has %d rows, want 18", got)
	}
	// A cell continued over a line without a tab is one cell.
	hdr := tables[0].Rows[1]
	if hdr.Cells[1].Text != "本年新\n制作数量" || hdr.Cells[1].Pos.Line != 12 {
		t.Errorf("continued cell = %q at line %d", hdr.Cells[1].Text, hdr.Cells[1].Pos.Line)
	}
	// Table 三: 3 header rows and 23 data rows; a row of the sub-items of
	// （三） has two merged-over label cells, the label and seven values.
	t3 := tables[1]
	if got := len(t3.Rows); got != 26 {
		t.Errorf("table 2 has %d rows, want 26", got)
	}
	r := t3.Rows[8] // 2.其他法律行政法规禁止公开
	if len(r.Cells) != 10 || r.Cells[0].Text != "" || r.Cells[1].Text != "" || r.Cells[2].Text != "2.其他法律行政法规禁止公开" {
		t.Errorf("row 8 of table 2 = %+v", r.Cells)
	}
	if r.Pos.Table != 2 || r.Pos.Row != 9 || r.Cells[2].Pos.Col != 3 || r.Cells[2].Pos.Line != 157 {
		t.Errorf("row position = %+v, cell position = %+v", r.Pos, r.Cells[2].Pos)
	}
	// Table 四: 3 header rows and the data row of 15 cells.
	t4 := tables[2]
	if len(t4.Rows) != 4 || len(t4.Rows[3].Cells) != 15 {
		t.Errorf("table 3 shape: %d rows, last has %d cells", len(t4.Rows), len(t4.Rows[len(t4.Rows)-1].Cells))
	}
	// Paragraphs: title first, converter residue removed.
	ps := doc.Paragraphs()
	if ps[0].Text != "清凉峰镇2020年政府信息公开工作年度报告" || ps[0].Pos.Line != 1 {
		t.Errorf("first paragraph = %q at %v", ps[0].Text, ps[0].Pos)
	}
	for _, p := range ps {
		if strings.Contains(p.Text, "[bookmark") {
			t.Errorf("converter residue kept at %v: %q", p.Pos, p.Text)
		}
	}
}

func TestDecodeText(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.ReplaceAll(string(seed), "\r\n", "\n")
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(seed)
	if err != nil {
		t.Fatal(err)
	}
	u16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(seed)
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes(seed)
	crlf := []byte(strings.ReplaceAll(string(seed), "\n", "\r\n"))
	tests := []struct {
		name string
		in   []byte
		enc  string
	}{
		{"utf-8", seed, EncUTF8},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, seed...), EncUTF8BOM},
		{"utf-8 CRLF", crlf, EncUTF8},
		{"gb18030", gb, EncGB18030},
		{"utf-16le", u16le, EncUTF16LE},
		{"utf-16be", u16be, EncUTF16BE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := decodeText(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.enc || got != want {
				t.Errorf("encoding %q (want %q), text equal: %v", enc, tt.enc, got == want)
			}
		})
	}
}

func TestDecodeBinary(t *testing.T) {
	for name, in := range map[string][]byte{
		"NUL bytes":   []byte("abc\x00\x00\x00def"),
		"PNG header":  {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'},
		"random high": {0xff, 0xfe, 0xfd, 0x80, 0x81, 0x00, 0x01, 0x02},
	} {
		if _, _, err := decodeText(in); !errors.Is(err, ErrBinary) {
			t.Errorf("%s: err = %v, want ErrBinary", name, err)
		}
	}
}

// An OLE compound file is read as a Word 97-2003 document whatever its
// extension: a real one is read, a damaged one is corrupt.
func TestParseSniffsOLE(t *testing.T) {
	ole := append(append([]byte{}, oleMagic...), make([]byte, 512)...)
	doc, err := os.ReadFile("../testdata/doc/filled-2021-wps.doc")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, name := range []string{"report.docx", "report.txt", "report.doc", "report.wps"} {
		if _, err := Parse(ctx, name, ole, DefaultLimits()); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: err = %v, want ErrCorrupt", name, err)
		}
		if d, err := Parse(ctx, name, doc, DefaultLimits()); err != nil || d.Format != "doc" {
			t.Errorf("%s: err = %v, want a .doc", name, err)
		}
	}
}

func TestParseLimits(t *testing.T) {
	lim := DefaultLimits()
	lim.MaxFileBytes = 10
	if _, err := Parse(context.Background(), "a.txt", []byte("0123456789abc"), lim); !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
	if _, err := Parse(context.Background(), "a.pdf", []byte("%PDF-1.4"), DefaultLimits()); !errors.Is(err, ErrCorruptPDF) {
		t.Errorf("pdf: err = %v, want ErrCorruptPDF", err)
	}
}

func TestParseTxtCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	text := strings.Repeat("\tx\n\n", ctxCheckEvery)
	if _, err := parseTxt(ctx, "big.txt", text, DefaultLimits()); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// addSeeds adds every file matching the patterns to the fuzz corpus.
func addSeeds(f *testing.F, patterns ...string) {
	f.Helper()
	n := 0
	for _, pat := range patterns {
		files, err := filepath.Glob(pat)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range files {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
			n++
		}
	}
	if n == 0 {
		f.Fatalf("no seeds in %v", patterns)
	}
}

// FuzzParseTxt feeds the tab-prefixed seed and every other text layout
// through the text reader.
func FuzzParseTxt(f *testing.F) {
	addSeeds(f, "../testdata/*.txt", "../testdata/layouts/*.txt", "../testdata/layouts/*.md", "../testdata/layouts/real/*.txt", "../testdata/layouts/real/*.md")
	f.Add([]byte("\t\n\n\n\t"))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(context.Background(), "fuzz.txt", b, DefaultLimits())
		if err != nil {
			return
		}
		checkShape(t, doc)
	})
}

// checkShape fails on a table row without cells or a cell whose span or
// position is not one a reader may give.
func checkShape(t *testing.T, doc *Document) {
	t.Helper()
	for _, tb := range doc.Tables() {
		for _, r := range tb.Rows {
			if len(r.Cells) == 0 {
				t.Fatalf("empty row at %v", r.Pos)
			}
			for _, c := range r.Cells {
				if c.Span < 1 || c.Pos.Col < 1 || c.Pos.Row != r.Pos.Row {
					t.Fatalf("bad cell %+v in row %v", c, r.Pos)
				}
			}
		}
	}
}

func TestDropPageFurniture(t *testing.T) {
	text := "某镇2022年政府信息公开工作年度报告\n一、总体情况\n正文\n\n- 2 -\n\n某镇2022年政府信息公开工作年度报告\n续文\n第3页\n\f结尾\n1/12\n"
	var lines []srcLine
	for i, l := range strings.Split(text, "\n") {
		lines = append(lines, srcLine{text: l, no: i + 1})
	}
	var got []string
	for _, l := range dropPageFurniture(lines) {
		got = append(got, l.text)
	}
	want := []string{"某镇2022年政府信息公开工作年度报告", "一、总体情况", "正文", "续文", "\f结尾"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, s := range []string{"- 4 -", "-4-", "— 12 —", "第4页", "第 4 页 共 9 页", "共9页 第4页", "3/10"} {
		if !pageNumber().MatchString(s) {
			t.Errorf("%q is not a page number", s)
		}
	}
	for _, s := range []string{"4", "-", "0.35", "第二十条第（一）项", "-4", "本年增/减"} {
		if pageNumber().MatchString(s) {
			t.Errorf("%q taken for a page number", s)
		}
	}
}

// Table layouts not produced by the fixtures' tools: pandoc tables with a
// header row, and a pipe table with escapes and <br>.
func TestTextTableForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want [][]string
	}{
		{"simple with header", "信息内容 数量\n-------- ----\n规章     1\n规范     2\n\n后文\n",
			[][]string{{"信息内容", "数量"}, {"规章", "1"}, {"规范", "2"}}},
		{"multiline with header", "-------------\n项目   数量\n------ ------\n规章   1\n       \n行政\n许可   2\n-------------\n",
			[][]string{{"项目", "数量"}, {"规章", "1"}, {"行政\n许可", "2"}}},
		{"pipe", "| 信息内容 | 本年新<br>制作数量 |\n|---|:-:|\n| 规章 \\| 文件 | 1 |\n",
			[][]string{{"信息内容", "本年新\n制作数量"}, {"规章 | 文件", "1"}}},
		{"grid with span", "+------+----+\n| 第二十条  |\n+======+====+\n| 规章 | 1  |\n+------+----+\n",
			[][]string{{"第二十条"}, {"规章", "1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseTxt(context.Background(), "t.txt", tt.text, DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			ts := doc.Tables()
			if len(ts) != 1 {
				t.Fatalf("%d tables", len(ts))
			}
			var got [][]string
			for _, r := range ts[0].Rows {
				var row []string
				for _, c := range r.Cells {
					row = append(row, c.Text)
				}
				got = append(got, row)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Markdown files are text: .md and .markdown read as the same text in a
// .txt does when named; directories are not searched for them (a
// folder's README is not a report).
func TestMarkdownIsText(t *testing.T) {
	data, err := os.ReadFile("../testdata/layouts/filled-2021.gfm.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse(context.Background(), "r.txt", data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"r.md", "R.MD", "r.markdown"} {
		if Supported(name) {
			t.Errorf("%s: looked for in folders", name)
		}
		doc, err := Parse(context.Background(), name, data, DefaultLimits())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if doc.Format != want.Format || len(doc.Blocks) != len(want.Blocks) {
			t.Errorf("%s: format %q, %d blocks; want %q, %d", name, doc.Format, len(doc.Blocks), want.Format, len(want.Blocks))
		}
	}
}
