package schema

import (
	"strings"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
)

// ---- table 二 ----

func (b *builder) mapT2(t *parser.Table) {
	var header []string // column keys of the current block, "" for unlabeled
	var headerKinds []format.NumberKind
	seenRows := map[string]bool{}
	for _, row := range t.Rows {
		cells := row.Cells
		first := -1
		for i, c := range cells {
			if format.TrimCell(c.Text) != "" {
				first = i
				break
			}
		}
		if first < 0 {
			continue
		}
		for _, c := range cells {
			b.noteSignal(c.Text, c.Pos)
		}
		_, core := splitLabel(cells[first].Text)
		norm := format.NormalizeLabel(cells[first].Text)
		switch {
		case strings.HasPrefix(norm, format.T2CaptionCore):
			header = nil
			continue
		case core == format.T2ItemLabelCore:
			header, headerKinds = nil, nil
			for _, c := range cells[first+1:] {
				key, kind, ok := t2Column(c.Text)
				if !ok {
					b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnknownColumn, Table: format.T2, Label: format.TrimCell(c.Text), Pos: c.Pos})
				}
				header = append(header, key)
				headerKinds = append(headerKinds, kind)
			}
			continue
		}
		block, item := findT2Item(core)
		if block == "" {
			b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnknownRow, Table: format.T2, Label: format.TrimCell(cells[first].Text), Pos: cells[first].Pos})
			continue
		}
		rowKey := block + "." + item
		if seenRows[rowKey] {
			b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueDuplicateRow, Table: format.T2, Label: format.TrimCell(cells[first].Text), Pos: cells[first].Pos})
			continue
		}
		seenRows[rowKey] = true
		values := cells[first+1:]
		labeled := 0
		for _, k := range header {
			if k != "" {
				labeled++
			}
		}
		// Values are read left to right under the header: a row with fewer
		// values than labeled columns (a layout that lost a blank cell) or
		// with values beyond the header cannot be aligned, and is reported
		// rather than shifted.
		if header == nil || len(values) < labeled || len(values) > len(header) && nonEmpty(values[len(header):]) {
			b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnreadableRow, Table: format.T2, Row: format.T2 + "." + rowKey,
				Label: format.TrimCell(cells[first].Text), Pos: cells[first].Pos, Found: len(values) + 1, Want: labeled + 1, Glued: row.Glued})
			continue
		}
		for i, v := range values {
			if i >= len(header) || header[i] == "" {
				continue
			}
			b.setCell(format.JoinKey(format.T2, rowKey, header[i]), headerKinds[i], v, "")
		}
	}
}

func nonEmpty(cs []parser.Cell) bool {
	for _, c := range cs {
		if format.TrimCell(c.Text) != "" {
			return true
		}
	}
	return false
}

// t2Column maps a header label of table 二 to its column key. An empty
// label gives ("", true): an unlabeled column holds no data cell.
func t2Column(text string) (string, format.NumberKind, bool) {
	n := format.NormalizeLabel(text)
	if n == "" {
		return "", format.Count, true
	}
	best, bestLen := -1, 0
	for i, c := range format.T2Cols {
		for _, core := range c.Core {
			// Longest prefix wins: "本年处理决定数量" over "处理决定数量".
			if strings.HasPrefix(n, core) && len(core) > bestLen {
				best, bestLen = i, len(core)
			}
		}
	}
	if best < 0 {
		best = bestMatch(n, len(format.T2Cols), func(i int) []string { return format.T2Cols[i].Core })
	}
	if best < 0 {
		return "", format.Count, false
	}
	return format.T2Cols[best].Key, format.T2Cols[best].Kind, true
}

// findT2Item finds the block and row key of a row label of table 二.
func findT2Item(core string) (block, item string) {
	type ref struct{ b, i int }
	var refs []ref
	for bi, bl := range format.T2Blocks {
		for ii := range bl.Rows {
			refs = append(refs, ref{bi, ii})
		}
	}
	i := bestMatch(core, len(refs), func(i int) []string { return format.T2Blocks[refs[i].b].Rows[refs[i].i].Core })
	if i < 0 {
		return "", ""
	}
	bl := format.T2Blocks[refs[i].b]
	return bl.Key, bl.Rows[refs[i].i].Key
}
