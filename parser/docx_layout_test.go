package parser

import (
	"slices"
	"testing"
)

// blockTexts lists a document's blocks as a browser shows them: a
// paragraph's text, or "T:" and the first cell of each row of a table.
func blockTexts(doc *Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		if b.Para != nil {
			out = append(out, b.Para.Text)
			continue
		}
		s := "T:"
		for _, r := range b.Table.Rows {
			s += r.Cells[0].Text + "|"
		}
		out = append(out, s)
	}
	return out
}

// TestDocxLayoutTable checks that a report wrapped in one cell of an outer
// table (a Word web export, a .docx made from a web page) reads as the
// report itself: the paragraphs in the cell are body paragraphs and the
// tables in it are tables, in order; and that tables which only look
// alike are left as they are.
func TestDocxLayoutTable(t *testing.T) {
	inner := tbl(tr(tc("", p(r("自然人"))), tc("", p(r("总计")))), tr(tc("", p(r("一、本年新收"))), tc("", p(r("3")))))
	inner2 := tbl(tr(tc("", p(r("行政复议"))), tc("", p(r("0")))))
	tests := []struct {
		name   string
		body   string
		want   []string
		tables int
	}{
		{
			name: "one-cell layout table",
			body: p(r("标题")) + tbl(tr(tc("", p(r("一、总体情况")), p(r("正文")), inner, p(r("四、复议")), inner2, p(r("落款"))))),
			want: []string{"标题", "一、总体情况", "正文", "T:自然人|一、本年新收|", "四、复议", "T:行政复议|", "落款"},
		},
		{
			name: "layout table over several one-cell rows",
			body: tbl(tr(tc("", p(r("导航")))), tr(tc("", p(r("正文")), inner))),
			want: []string{"导航", "正文", "T:自然人|一、本年新收|"},
		},
		{
			name: "layout table inside a layout table",
			body: tbl(tr(tc("", tbl(tr(tc("", p(r("正文")), inner)))))),
			want: []string{"正文", "T:自然人|一、本年新收|"},
		},
		{
			name: "menu beside the report",
			body: tbl(tr(tc("", p(r("菜单"))), tc("", p(r("正文")), inner))),
			want: []string{"菜单", "正文", "T:自然人|一、本年新收|"},
		},
		{
			name: "a two-column table holding another table is a table",
			body: tbl(tr(tc("", p(r("左"))), tc("", tbl(tr(tc("", p(r("签章"))), tc("", p(r("日期")))))))),
			want: []string{"T:左|"},
		},
		{
			name: "a one-cell table without a table in it is a table",
			body: tbl(tr(tc("", p(r("提示"))))),
			want: []string{"T:提示|"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseBytes(t, docxOf(t, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if got := blockTexts(doc); !slices.Equal(got, tt.want) {
				t.Errorf("blocks %q, want %q", got, tt.want)
			}
			for i, tb := range doc.Tables() {
				if tb.Index != i+1 || tb.Rows[0].Cells[0].Pos.Table != i+1 {
					t.Errorf("table %d numbered %d, its cells %d", i+1, tb.Index, tb.Rows[0].Cells[0].Pos.Table)
				}
			}
			for i, p := range doc.Paragraphs() {
				if p.Pos.Para != i+1 {
					t.Errorf("paragraph %q numbered %d, want %d", p.Text, p.Pos.Para, i+1)
				}
			}
		})
	}
}

// TestDocxSaved checks that the date a .docx was last saved is read from
// its core properties, as Word, WPS and LibreOffice write them, and that a
// package without them reads with none.
func TestDocxSaved(t *testing.T) {
	for name, want := range map[string]string{
		"filled-2021-wps.docx":    "2025-12-08T22:17:24Z", // WPS
		"seed-2020-pandoc.docx":   "2026-11-26T16:44:11Z", // pandoc
		"filled-2021-gov-lo.docx": "",                     // LibreOffice from a web page writes no date
	} {
		if doc := parseFixture(t, name); doc.Saved != want {
			t.Errorf("%s: saved %q, want %q", name, doc.Saved, want)
		}
	}
	doc, err := parseBytes(t, docxOf(t, p(r("正文"))))
	if err != nil || doc.Saved != "" {
		t.Errorf("no properties: saved %q, %v", doc.Saved, err)
	}
}
