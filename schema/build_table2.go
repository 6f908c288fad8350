package schema

import (
	"strings"

	"github.com/nianbao/nianbao/parser"
)

// ---- table 二 ----

func (b *builder) mapT2(t *parser.Table) {
	var header []string // column keys of the current block, "" for unlabeled
	var headerKinds []parser.NumberKind
	seenRows := map[string]bool{}
	for _, row := range t.Rows {
		cells := row.Cells
		first := -1
		for i, c := range cells {
			if parser.TrimCell(c.Text) != "" {
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
		norm := parser.NormalizeLabel(cells[first].Text)
		switch {
		case strings.HasPrefix(norm, t2CaptionCore):
			header = nil
			continue
		case core == t2ItemLabelCore:
			header, headerKinds = nil, nil
			for _, c := range cells[first+1:] {
				key, kind, ok := t2Column(c.Text)
				if !ok {
					b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnknownColumn, Table: T2, Label: parser.TrimCell(c.Text), Pos: c.Pos})
				}
				header = append(header, key)
				headerKinds = append(headerKinds, kind)
			}
			continue
		}
		block, item := findT2Item(core)
		if block == "" {
			b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnknownRow, Table: T2, Label: parser.TrimCell(cells[first].Text), Pos: cells[first].Pos})
			continue
		}
		rowKey := block + "." + item
		if seenRows[rowKey] {
			b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueDuplicateRow, Table: T2, Label: parser.TrimCell(cells[first].Text), Pos: cells[first].Pos})
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
			b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnreadableRow, Table: T2, Row: T2 + "." + rowKey,
				Label: parser.TrimCell(cells[first].Text), Pos: cells[first].Pos, Found: len(values) + 1, Want: labeled + 1})
			continue
		}
		for i, v := range values {
			if i >= len(header) || header[i] == "" {
				continue
			}
			b.setCell(cellKey(T2, rowKey, header[i]), headerKinds[i], v, "")
		}
	}
}

func nonEmpty(cs []parser.Cell) bool {
	for _, c := range cs {
		if parser.TrimCell(c.Text) != "" {
			return true
		}
	}
	return false
}

// t2Column maps a header label of table 二 to its column key. An empty
// label gives ("", true): an unlabeled column holds no data cell.
func t2Column(text string) (string, parser.NumberKind, bool) {
	n := parser.NormalizeLabel(text)
	if n == "" {
		return "", parser.Count, true
	}
	best, bestLen := -1, 0
	for i, c := range t2Cols {
		for _, core := range c.Core {
			// Longest prefix wins: "本年处理决定数量" over "处理决定数量".
			if strings.HasPrefix(n, core) && len(core) > bestLen {
				best, bestLen = i, len(core)
			}
		}
	}
	if best < 0 {
		best = bestMatch(n, len(t2Cols), func(i int) []string { return t2Cols[i].Core })
	}
	if best < 0 {
		return "", parser.Count, false
	}
	return t2Cols[best].Key, t2Cols[best].Kind, true
}

// findT2Item finds the block and row key of a row label of table 二.
func findT2Item(core string) (block, item string) {
	type ref struct{ b, i int }
	var refs []ref
	for bi, bl := range t2Blocks {
		for ii := range bl.Rows {
			refs = append(refs, ref{bi, ii})
		}
	}
	i := bestMatch(core, len(refs), func(i int) []string { return t2Blocks[refs[i].b].Rows[refs[i].i].Core })
	if i < 0 {
		return "", ""
	}
	bl := t2Blocks[refs[i].b]
	return bl.Key, bl.Rows[refs[i].i].Key
}
