package schema

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
)

// ---- header trees (tables 三 and 四) ----

type hcell struct {
	core string
	text string
	pos  parser.Pos
}

// leaf is one data column read from the header rows.
type leaf struct {
	key   string // "" for a column the format does not have
	label string
	pos   parser.Pos
}

// headerLeaves reads header rows as a tree of labels and returns the data
// columns in order. Each group label takes its children from the next
// header row, left to right, as long as they are its own children.
func headerLeaves(rows [][]hcell, tree []format.HeaderNode) ([]leaf, bool) {
	byKey := map[string]*format.HeaderNode{}
	for i := range tree {
		byKey[tree[i].Key] = &tree[i]
	}
	var nodes []*format.HeaderNode // reused by every find
	find := func(core string, keys []string) *format.HeaderNode {
		nodes = nodes[:0]
		if keys == nil {
			for i := range tree {
				nodes = append(nodes, &tree[i])
			}
		} else {
			for _, k := range keys {
				nodes = append(nodes, byKey[k])
			}
		}
		i := bestMatch(core, len(nodes), func(i int) []string { return nodes[i].Core })
		if i < 0 {
			return nil
		}
		return nodes[i]
	}
	cursor := make([]int, len(rows))
	var leaves []leaf
	ok := true
	var expand func(n *format.HeaderNode, r int, prefix string, c hcell)
	expand = func(n *format.HeaderNode, r int, prefix string, c hcell) {
		p := prefix
		if n.Prefix {
			p = joinKey(prefix, n.Key)
		}
		if len(n.Children) == 0 {
			leaves = append(leaves, leaf{key: joinKey(p, n.Key), label: c.text, pos: c.pos})
			return
		}
		next := r + 1
		if next >= len(rows) {
			ok = false
			return
		}
		taken := map[string]bool{}
		for cursor[next] < len(rows[next]) {
			hc := rows[next][cursor[next]]
			child := find(hc.core, n.Children)
			if child == nil {
				if find(hc.core, nil) != nil {
					break // a label of another group
				}
				cursor[next]++
				leaves = append(leaves, leaf{label: hc.text, pos: hc.pos})
				continue
			}
			if taken[child.Key] {
				break
			}
			taken[child.Key] = true
			cursor[next]++
			expand(child, next, p, hc)
		}
		if len(taken) == 0 {
			ok = false
		}
	}
	for len(rows) > 0 && cursor[0] < len(rows[0]) {
		hc := rows[0][cursor[0]]
		cursor[0]++
		n := find(hc.core, nil)
		if n == nil {
			leaves = append(leaves, leaf{label: hc.text, pos: hc.pos})
			continue
		}
		expand(n, 0, "", hc)
	}
	for r := range rows {
		if cursor[r] < len(rows[r]) {
			ok = false
		}
	}
	return leaves, ok
}

func joinKey(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// headerCells returns the non-empty cells of a header row, skipping the
// corner note of table 三.
func headerCells(row parser.Row) []hcell {
	var hs []hcell
	for _, c := range row.Cells {
		n := format.NormalizeLabel(c.Text)
		if n == "" || format.IsCornerNote(n) || unitNote(n) {
			continue
		}
		_, core := splitLabel(c.Text)
		hs = append(hs, hcell{core: core, text: format.TrimCell(c.Text), pos: c.Pos})
	}
	return hs
}

// unitNote reports whether a normalised header cell only states the unit
// of the table ("单位：件", "(单位:个)").
func unitNote(n string) bool {
	n = strings.Trim(n, "()（）")
	return strings.HasPrefix(n, "单位") && utf8.RuneCountInString(n) <= 8
}

// reportLeaves records unknown columns; it returns false when the header
// could not be read.
func (b *builder) reportLeaves(table string, leaves []leaf, ok bool, pos parser.Pos) bool {
	if !ok || len(leaves) == 0 {
		b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnreadableHeader, Table: table, Pos: pos})
		return false
	}
	for _, l := range leaves {
		if l.key == "" {
			b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnknownColumn, Table: table, Label: l.label, Pos: l.pos})
		}
	}
	return true
}

// dropStrayLeaves drops the header cells the format does not have when the
// data rows show that they head no column: no data row has more values at
// its end than the columns the format does have (a note such as "单位：件",
// text a converter moved into the header). They are reported all the same
// (reportLeaves). A header cell over a column of values stays, and its
// column is not read.
func dropStrayLeaves(leaves []leaf, rows []parser.Row) []leaf {
	known := 0
	for _, l := range leaves {
		if l.key != "" {
			known++
		}
	}
	if known == len(leaves) || known == 0 {
		return leaves
	}
	for _, row := range rows {
		run := 0
		for i := len(row.Cells) - 1; i >= 0 && valueLike(row.Cells[i].Text); i-- {
			run++
		}
		if run > known && run < len(row.Cells) {
			return leaves
		}
	}
	kept := make([]leaf, 0, known)
	for _, l := range leaves {
		if l.key != "" {
			kept = append(kept, l)
		}
	}
	return kept
}

// valueLike reports whether a cell's text reads as a data cell's: a
// number (signed or decimal), a blank or a "not applicable" mark.
func valueLike(text string) bool {
	if _, c := format.ParseNumber(text, format.Signed); c != format.ClassText {
		return true
	}
	_, c := format.ParseNumber(text, format.Money)
	return c != format.ClassText
}

// ---- table 三 ----

// t3StartRow returns the index of the first data row of table 三.
func t3StartRow(t *parser.Table) int {
	for i, row := range t.Rows {
		for _, c := range row.Cells {
			_, core := splitLabel(c.Text)
			for _, r := range format.T3Rows {
				if (r.Key == "NEW" || r.Key == "CARRY_IN" || r.Key == "R1") && matchScore(core, r.Core) >= 0 {
					return i
				}
			}
			if matchScore(core, format.T3RowGroups[0].Core) >= 0 {
				return i
			}
		}
	}
	return -1
}

func (b *builder) mapT3(t *parser.Table) {
	start := t3StartRow(t)
	if start <= 0 {
		b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnreadableHeader, Table: format.T3, Pos: t.Pos})
		return
	}
	var hrows [][]hcell
	for _, row := range t.Rows[:start] {
		if hs := headerCells(row); len(hs) > 0 {
			hrows = append(hrows, hs)
		}
	}
	leaves, ok := headerLeaves(hrows, format.T3Header)
	if !namesApplicants(leaves) {
		// Placeholder headers (类别、数据1…数据6、总计 of an OCR or
		// converter) name no applicant column: nothing but the total
		// could be placed by its label, and a total without its parts
		// checks nothing. The table is unreadable, not a table whose
		// rows are missing.
		ok = false
	}
	if !b.reportLeaves(format.T3, leaves, ok, t.Pos) {
		return
	}
	leaves = dropStrayLeaves(leaves, t.Rows[start:])
	group := ""
	for _, row := range t.Rows[start:] {
		if !nonEmpty(row.Cells) {
			continue
		}
		for _, c := range row.Cells {
			b.noteSignal(c.Text, c.Pos)
		}
		n := len(leaves)
		if len(row.Cells) <= n {
			is := Issue{Kind: IssueUnreadableRow, Table: format.T3, Label: firstText(row.Cells), Pos: row.Pos, Found: len(row.Cells), Want: n + 1, Glued: row.Glued}
			for _, c := range row.Cells {
				_, core := splitLabel(c.Text)
				if k := t3RowOf(core, group); k != "" && format.TrimCell(c.Text) != "" {
					is.Row = format.T3 + "." + k
				}
			}
			b.rep.Issues = append(b.rep.Issues, is)
			continue
		}
		labels, values := row.Cells[:len(row.Cells)-n], row.Cells[len(row.Cells)-n:]
		if surplus(labels) {
			// More numbers than columns (a cell split in two): reading
			// from the right would shift the row.
			b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnreadableRow, Table: format.T3, Label: firstText(row.Cells), Pos: row.Pos, Found: len(row.Cells), Want: n + 1, Glued: row.Glued})
			continue
		}
		key, label, pos, fragOf := "", "", row.Pos, ""
		var nonEmptyLabels []parser.Cell
		for _, c := range labels {
			if format.TrimCell(c.Text) != "" {
				nonEmptyLabels = append(nonEmptyLabels, c)
			}
		}
		for i, c := range nonEmptyLabels {
			last := i == len(nonEmptyLabels)-1
			_, core := splitLabel(c.Text)
			label, pos = format.TrimCell(c.Text), c.Pos
			if g := t3GroupOf(core); g != "" && !(g == "R6" && last) {
				group = g
				continue
			}
			key = t3RowOf(core, group)
			if key == "" && !last {
				// A piece of a group label broken over a page or a line
				// ("（四）无" / "法提供" of （四）无法提供): it names the group
				// only if the row label after it is of that group.
				if g := t3GroupFragment(c.Text); g != "" {
					group, fragOf = g, g
					continue
				}
			}
			if key == "" {
				break
			}
		}
		if key != "" && fragOf != "" && !inT3Group(key, fragOf) {
			key = "" // the pieces do not agree: nothing is read
		}
		if key == "" {
			if keys := mergedT3Rows(label, group); len(keys) > 1 {
				// Rows a layout merged (no ruling line between them in a
				// PDF): their labels are there, their values are not
				// readable one by one.
				for _, k := range keys {
					b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueMergedRows, Table: format.T3, Label: label, Row: format.T3 + "." + k, Pos: pos, Found: len(keys)})
				}
				continue
			}
			if len(nonEmptyLabels) > 0 {
				b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnknownRow, Table: format.T3, Label: label, Pos: pos})
			}
			continue
		}
		switch {
		case key == "R6":
			b.r6Row = true
		case strings.HasPrefix(key, "R6_"):
			b.r6Sub = true
		}
		switch key {
		case "NEW", "CARRY_IN", "CARRY_OUT":
			group = ""
		}
		if _, dup := b.rep.Cells[format.T3+"."+key+"."+format.T3Columns[0]]; dup {
			b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueDuplicateRow, Table: format.T3, Label: label, Pos: pos})
			continue
		}
		for i, l := range leaves {
			if l.key != "" {
				b.setCell(format.JoinKey(format.T3, key, l.key), format.Count, values[i], label)
			}
		}
	}
}

// mergedT3Rows returns the rows of table 三 whose labels one label holds
// one after another, each starting with its number ("1.申请人无正当理由…
// 2.申请人逾期未按…3.其他"), or nil unless every piece names a row of the
// group, in order.
func mergedT3Rows(label, group string) []string {
	var pieces []string
	start := 0
	for i := 1; i+1 < len(label); i++ {
		c, prev := label[i], label[i-1]
		if c >= '1' && c <= '9' && !(prev >= '0' && prev <= '9') && (label[i+1] == '.' || strings.HasPrefix(label[i+1:], "．") || strings.HasPrefix(label[i+1:], "、")) {
			pieces = append(pieces, label[start:i])
			start = i
		}
	}
	if len(pieces) == 0 {
		return nil
	}
	pieces = append(pieces, label[start:])
	var keys []string
	for _, p := range pieces {
		_, core := splitLabel(p)
		k := t3RowOf(core, group)
		if k == "" || slices.Contains(keys, k) {
			return nil
		}
		keys = append(keys, k)
	}
	return keys
}

// namesApplicants reports whether a table-三 header names at least one
// applicant column (自然人, a kind of 法人或其他组织), not only the total.
func namesApplicants(leaves []leaf) bool {
	for _, l := range leaves {
		if l.key != "" && l.key != format.T3Columns[len(format.T3Columns)-1] {
			return true
		}
	}
	return false
}

func firstText(cs []parser.Cell) string {
	for _, c := range cs {
		if t := format.TrimCell(c.Text); t != "" {
			return t
		}
	}
	return ""
}

// t3GroupOf returns the group key of a group label, or "".
func t3GroupOf(core string) string {
	i := bestMatch(core, len(format.T3RowGroups), func(i int) []string { return format.T3RowGroups[i].Core })
	if i < 0 {
		return ""
	}
	return format.T3RowGroups[i].Key
}

// t3GroupFragment returns the group whose label text is a piece of: its
// start with the enumerator ("（四）无") or its end ("法提供", at least two
// characters), and of no other group; "" otherwise.
func t3GroupFragment(text string) string {
	n := format.NormalizeLabel(text)
	if n == "" {
		return ""
	}
	enum, _ := splitLabel(text)
	found := ""
	for _, g := range format.T3RowGroups {
		full := format.NormalizeLabel(g.Label)
		if n == full {
			continue
		}
		prefix := enum != "" && strings.HasPrefix(full, n)
		suffix := utf8.RuneCountInString(n) >= 2 && strings.HasSuffix(full, n)
		if prefix || suffix {
			if found != "" {
				return "" // a piece of two labels names neither
			}
			found = g.Key
		}
	}
	return found
}

// inT3Group reports whether the row key lies under group: in it, or, for
// the results group, in any of its subgroups.
func inT3Group(key, group string) bool {
	for _, r := range format.T3Rows {
		if r.Key == key {
			return r.Group == group || group == "RESULTS" && r.Group != ""
		}
	}
	return false
}

// t3RowOf returns the row key of a row label read under group, or "".
// Sub-item labels are looked up in their group first; "3.其他" only means
// R6_3 under （六）其他处理.
func t3RowOf(core, group string) string {
	cands := make([]*format.T3Row, 0, len(format.T3Rows))
	for i := range format.T3Rows {
		r := &format.T3Rows[i]
		if r.Group == "" || r.Group == "RESULTS" || r.Group == group {
			cands = append(cands, r)
		}
	}
	if i := bestMatch(core, len(cands), func(i int) []string { return cands[i].Core }); i >= 0 {
		return cands[i].Key
	}
	// A sub-item whose group label was lost: accept an unambiguous match in
	// any group, except the bare "其他".
	cands = cands[:0]
	for i := range format.T3Rows {
		if r := &format.T3Rows[i]; r.Key != "R6_3" {
			cands = append(cands, r)
		}
	}
	if i := bestMatch(core, len(cands), func(i int) []string { return cands[i].Core }); i >= 0 {
		return cands[i].Key
	}
	return ""
}
