package report

import (
	"testing"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/schema"
)

// TestFoldCells checks that a finding lists at most eight cells: all when
// they fit, else the suggested cell and the largest contributions, in
// their order, and a count of the rest.
func TestFoldCells(t *testing.T) {
	mk := func(vals ...float64) []schema.Cell {
		var cs []schema.Cell
		for i, v := range vals {
			cs = append(cs, schema.Cell{Key: string(rune('a' + i)), State: schema.StateNumber, Value: v})
		}
		return cs
	}
	if shown, more := foldCells(mk(1, 2, 3), nil); len(shown) != 3 || more != 0 {
		t.Errorf("three cells: %d shown, %d more", len(shown), more)
	}
	cells := mk(0, 5, 0, 0, 4, 0, 9, 0, 0, 1, 0, 2, 0, 3)
	cells[2].State = schema.StateBlank
	shown, more := foldCells(cells, []rules.Fix{{Cell: "a", From: 0, To: 1}})
	var keys string
	for _, c := range shown {
		keys += c.Key
	}
	// a is suggested; then 9 (g), 5 (b), 4 (e), 3 (n), 2 (l), 1 (j).
	if keys != "abegjln" || more != 7 {
		t.Errorf("shown %q, %d more", keys, more)
	}
}

// TestPosPage: a position in a PDF names its page first, in both
// languages; other positions print as before.
func TestPosPage(t *testing.T) {
	zh, err := NewPrinter("zh")
	if err != nil {
		t.Fatal(err)
	}
	en, err := NewPrinter("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		pos    parser.Pos
		zh, en string
	}{
		{parser.Pos{File: "a.pdf", Page: 2, Table: 2, Row: 4, Col: 5}, "a.pdf（第 2 页第 2 个表格第 4 行第 5 列）", "a.pdf (page 2, table 2, row 4, column 5)"},
		{parser.Pos{File: "a.pdf", Page: 3, Para: 7}, "a.pdf（第 3 页第 7 段）", "a.pdf (page 3, paragraph 7)"},
		{parser.Pos{File: "a.pdf", Page: 1}, "a.pdf（第 1 页）", "a.pdf (page 1)"},
		{parser.Pos{File: "a.docx", Table: 1, Row: 2, Col: 3}, "a.docx（第 1 个表格第 2 行第 3 列）", "a.docx (table 1, row 2, column 3)"},
	} {
		if got := zh.Pos(c.pos); got != c.zh {
			t.Errorf("zh %+v: %q, want %q", c.pos, got, c.zh)
		}
		if got := en.Pos(c.pos); got != c.en {
			t.Errorf("en %+v: %q, want %q", c.pos, got, c.en)
		}
	}
}
