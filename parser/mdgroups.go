package parser

import (
	"strings"

	"github.com/nianbao/nianbao/format"
)

// mergeT4Groups joins table 四 written as three small tables, each under a
// heading that names its group ("行政复议", "行政诉讼（未经复议直接起诉）",
// "行政诉讼（复议后起诉）"), with the five result columns and one row of values
// (Markdown made from PDF reports), into the one table of the format, as
// the one-cell-per-line reader builds it. Every part must be exact: the
// heading right before the table (or read into it as its first row) names
// its group, the header is the five result labels in the format's order,
// and the one row has five cells; otherwise nothing is joined.
func mergeT4Groups(doc *Document) {
	b := doc.Blocks
	for i := range b {
		var (
			values []Cell
			keep   []Block // the paragraphs among the parts
			j      = i
		)
		for _, group := range format.T4Groups {
			v, paras, next, ok := t4Group(b, j, group)
			if !ok {
				values = nil
				break
			}
			values, keep, j = append(values, v...), append(keep, paras...), next
		}
		if values == nil {
			continue
		}
		var leaves []string
		for _, k := range append(append([]string(nil), format.T4Parts...), "total") {
			leaves = append(leaves, t4Label(k))
		}
		header := func(line int, labels ...string) Row {
			r := Row{Pos: Pos{Line: line}}
			for _, l := range labels {
				r.Cells = append(r.Cells, Cell{Text: l, Span: 1, Pos: Pos{Line: line}})
			}
			return r
		}
		line := values[0].Pos.Line
		merged := &Table{Pos: Pos{File: doc.Path, Line: line}, Rows: []Row{
			header(line, t4Label("rev"), t4Label("lit")),
			header(line, append(append([]string(nil), leaves...), t4Label("lit_direct"), t4Label("lit_after"))...),
			header(line, append(append([]string(nil), leaves...), leaves...)...),
			{Cells: values, Pos: values[0].Pos},
		}}
		out := append(b[:i:i], keep...)
		out = append(out, Block{Table: merged})
		doc.Blocks = append(out, b[j:]...)
		renumberTables(doc)
		return
	}
}

// t4Group reads the part of table 四 for group at block i: a heading that
// names the group and a table of the five result labels and five values,
// or such a table whose first row is the heading. It returns the values,
// the heading paragraph if any, and the block after the part.
func t4Group(b []Block, i int, group string) (values []Cell, paras []Block, next int, ok bool) {
	if i >= len(b) {
		return nil, nil, i, false
	}
	if t := b[i].Table; t != nil && len(t.Rows) == 3 && len(t.Rows[0].Cells) == 1 && namesT4Group(t.Rows[0].Cells[0].Text, group) {
		v, ok := t4Part(t.Rows[1:])
		return v, nil, i + 1, ok
	}
	if p := b[i].Para; p != nil && i+1 < len(b) && b[i+1].Table != nil && namesT4Group(p.Text, group) {
		v, ok := t4Part(b[i+1].Table.Rows)
		return v, b[i : i+1], i + 2, ok
	}
	return nil, nil, i, false
}

// t4Label returns the label of the node of format.T4Header with key k.
func t4Label(k string) string {
	for _, h := range format.T4Header {
		if h.Key == k {
			return h.Label
		}
	}
	return ""
}

// namesT4Group reports whether a heading names the group of table 四.
func namesT4Group(text, group string) bool {
	n := format.NormalizeLabel(text)
	switch group {
	case "rev":
		return n == format.NormalizeLabel(t4Label("rev"))
	case "lit_direct":
		return strings.Contains(n, format.NormalizeLabel(t4Label("lit_direct")))
	case "lit_after":
		return strings.Contains(n, format.NormalizeLabel(t4Label("lit_after"))) && !strings.Contains(n, format.NormalizeLabel(t4Label("lit_direct")))
	}
	return false
}

// t4Part returns the five values of the rows of a small table that is
// one group of table 四: a header of the five result labels in order and
// one row of five cells.
func t4Part(rows []Row) ([]Cell, bool) {
	if len(rows) != 2 || len(rows[0].Cells) != 5 || len(rows[1].Cells) != 5 {
		return nil, false
	}
	for c, k := range append(append([]string(nil), format.T4Parts...), "total") {
		if format.NormalizeLabel(rows[0].Cells[c].Text) != format.NormalizeLabel(t4Label(k)) {
			return nil, false
		}
	}
	return rows[1].Cells, true
}

// renumberTables numbers the tables of doc anew, with their rows and
// cells.
func renumberTables(doc *Document) {
	n := 0
	for _, bl := range doc.Blocks {
		t := bl.Table
		if t == nil {
			continue
		}
		n++
		t.Index, t.Pos.Table = n, n
		for ri := range t.Rows {
			r := &t.Rows[ri]
			r.Pos.File, r.Pos.Table, r.Pos.Row = doc.Path, n, ri+1
			for ci := range r.Cells {
				c := &r.Cells[ci]
				c.Pos.File, c.Pos.Table, c.Pos.Row, c.Pos.Col = doc.Path, n, ri+1, ci+1
			}
		}
	}
}
