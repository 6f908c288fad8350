package parser

import (
	"strings"
	"testing"
)

// glyphsAt lays s out from (x, y), one 10-point glyph a character.
func glyphsAt(s string, x, y float64) []pdfGlyph {
	var gs []pdfGlyph
	for i, r := range []rune(s) {
		gs = append(gs, pdfGlyph{r: r, x0: x + float64(10*i), x1: x + float64(10*i) + 9, y0: y, y1: y + 9})
	}
	return gs
}

// pdfTableShape renders a table's rows as "text/span" cells, "^" for merged.
func pdfTableShape(tb *Table) string {
	var rows []string
	for _, r := range tb.Rows {
		var cs []string
		for _, c := range r.Cells {
			s := c.Text
			if c.Merged {
				s = "^"
			}
			cs = append(cs, s+"/"+string(rune('0'+c.Span)))
		}
		rows = append(rows, strings.Join(cs, " "))
	}
	return strings.Join(rows, " | ")
}

// TestGridPiece: a grid line missing between two cells merges them, across
// (the top row) and down (the left column); double strokes half a point
// apart are one line; a glyph goes to the cell its centre is in.
func TestGridPiece(t *testing.T) {
	h := func(y, x0, x1 float64) pdfSeg { return pdfSeg{x0, y, x1, y} }
	v := func(x, y0, y1 float64) pdfSeg { return pdfSeg{x, y0, x, y1} }
	p := &pdfPage{n: 1, w: 600, h: 800, segs: []pdfSeg{
		h(100, 100, 400), h(100.5, 100, 400), h(130, 100, 400), h(160, 200, 400), h(190, 100, 400),
		v(100, 100, 190), v(200, 130, 190), v(300, 130, 190), v(400, 100, 190),
	}}
	p.glyphs = append(p.glyphs, glyphsAt("标题", 220, 110)...)
	p.glyphs = append(p.glyphs, glyphsAt("行名", 120, 155)...)
	p.glyphs = append(p.glyphs, glyphsAt("12", 220, 140)...)
	p.glyphs = append(p.glyphs, glyphsAt("3", 320, 140)...)
	p.glyphs = append(p.glyphs, glyphsAt("4", 220, 170)...)
	p.glyphs = append(p.glyphs, glyphsAt("正文", 100, 300)...)
	used := make([]bool, len(p.glyphs))
	pieces, err := pageTables(p, used)
	if err != nil || len(pieces) != 1 {
		t.Fatalf("%d pieces, err %v", len(pieces), err)
	}
	b := pdfBuilder{path: "t.pdf", lim: DefaultLimits(), doc: &Document{}, table: pieces}
	if err := b.endTable(); err != nil {
		t.Fatal(err)
	}
	want := "标题/3 | 行名/1 12/1 3/1 | ^/1 4/1 /1"
	if got := pdfTableShape(b.doc.Tables()[0]); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if used[len(used)-1] {
		t.Error("a glyph outside the table was taken into it")
	}
}

// testPiece is a table piece on page with rows of cells 100 points wide.
func testPiece(page int, rows ...[]string) pdfPiece {
	p := pdfPiece{page: page, x0: 0, x1: float64(100 * len(rows[0]))}
	for _, r := range rows {
		var row pdfRow
		for i, s := range r {
			row.cells = append(row.cells, pdfCell{x0: float64(100 * i), x1: float64(100 * (i + 1)), text: s})
		}
		p.rows = append(p.rows, row)
	}
	return p
}

// TestTableOverPages: a header repeated at the top of the next page is
// dropped, a header row cut by the page is joined, data rows are kept as
// they are.
func TestTableOverPages(t *testing.T) {
	for _, c := range []struct {
		name   string
		pieces []pdfPiece
		want   string
	}{
		{"repeated header", []pdfPiece{
			testPiece(1, []string{"项目", "数量"}, []string{"规章", "1"}),
			testPiece(2, []string{"项目", "数量"}, []string{"规范性文件", "2"})},
			"项目/1 数量/1 | 规章/1 1/1 | 规范性文件/1 2/1"},
		{"no repeated header", []pdfPiece{
			testPiece(1, []string{"项目", "数量"}, []string{"规章", "1"}),
			testPiece(2, []string{"规范性文件", "2"})},
			"项目/1 数量/1 | 规章/1 1/1 | 规范性文件/1 2/1"},
		{"header cut by the page", []pdfPiece{
			testPiece(1, []string{"项目", "申请人"}),
			testPiece(2, []string{"", "情况"}, []string{"规章", "1"})},
			"项目/1 申请人情况/1 | 规章/1 1/1"},
		// A data row is never joined to the row above; its empty label
		// under a label is that label's merged cell, cut by the page.
		{"data row with an empty label", []pdfPiece{
			testPiece(1, []string{"项目", "数量"}, []string{"规章", "1"}),
			testPiece(2, []string{"", "2"})},
			"项目/1 数量/1 | 规章/1 1/1 | ^/1 2/1"},
	} {
		b := pdfBuilder{path: "t.pdf", lim: DefaultLimits(), doc: &Document{}, table: c.pieces}
		if err := b.endTable(); err != nil {
			t.Fatal(err)
		}
		if got := pdfTableShape(b.doc.Tables()[0]); got != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.name, got, c.want)
		}
	}
}
