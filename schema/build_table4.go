package schema

import (
	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
)

// ---- table 四 ----

func (b *builder) mapT4(t *parser.Table) {
	var hrows [][]hcell
	data := -1
	for i, row := range t.Rows {
		hs := headerCells(row)
		known := false
		for _, h := range hs {
			if bestMatch(h.core, len(format.T4Header), func(i int) []string { return format.T4Header[i].Core }) >= 0 {
				known = true
				break
			}
		}
		if known {
			hrows = append(hrows, hs)
			continue
		}
		if len(hrows) > 0 {
			// The first row after the header without a header label holds
			// the data, even when every cell is blank.
			data = i
			break
		}
	}
	leaves, ok := headerLeaves(hrows, format.T4Header)
	if !b.reportLeaves(format.T4, leaves, ok, t.Pos) {
		return
	}
	if data < 0 {
		b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnreadableRow, Table: format.T4, Pos: t.Pos, Want: len(leaves)})
		return
	}
	row := t.Rows[data]
	if len(row.Cells) < len(leaves) {
		b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnreadableRow, Table: format.T4, Pos: row.Pos, Found: len(row.Cells), Want: len(leaves), Glued: row.Glued})
		return
	}
	if surplus(row.Cells[:len(row.Cells)-len(leaves)]) {
		// More numbers than columns: a cell split in two, read from the
		// right, would shift every value.
		b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnreadableRow, Table: format.T4, Pos: row.Pos, Found: len(row.Cells), Want: len(leaves), Glued: row.Glued})
		return
	}
	values := row.Cells[len(row.Cells)-len(leaves):]
	for i, l := range leaves {
		if l.key != "" {
			b.setCell(format.JoinKey(format.T4, "", l.key), format.Count, values[i], "")
		}
	}
}

// surplus reports whether the cell right before a row's values holds a
// number: the row has more numbers than the table has columns. (A number
// further left, such as an enumerator in a cell of its own before the
// label, is not one.)
func surplus(cells []parser.Cell) bool {
	if len(cells) == 0 {
		return false
	}
	t := cells[len(cells)-1].Text
	if len(t) > 64 || !format.HasDigit(t) {
		return false // a label: not worth parsing as a number
	}
	_, class := format.ParseNumber(t, format.Money)
	return class == format.ClassNumber
}
