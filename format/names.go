package format

import "strings"

// CellName is how a cell is shown to people: its table, row and column.
type CellName struct {
	Table, Row, Col string
}

// String joins the parts as "表三 （七）总计 / 总计".
func (n CellName) String() string {
	s := n.Table
	if n.Row != "" {
		s += " " + n.Row
	}
	if n.Col != "" {
		s += " / " + n.Col
	}
	return s
}

// NameOf returns the Chinese name of a cell key (english false) or its
// English name. Unknown keys are returned as they are.
func NameOf(key string, english bool) CellName {
	lang := 0
	if english {
		lang = 1
	}
	parts := strings.Split(key, ".")
	tn, ok := tableNames[parts[0]]
	if !ok {
		return CellName{Table: key}
	}
	n := CellName{Table: tn[lang]}
	switch {
	case parts[0] == T3 && len(parts) == 3:
		for _, r := range T3Rows {
			if r.Key == parts[1] {
				n.Row = r.Label
				if r.Group != "" && r.Group != "RESULTS" {
					for _, g := range T3RowGroups {
						if g.Key == r.Group {
							n.Row = g.Label[:strings.Index(g.Label, "）")+len("）")] + r.Label
						}
					}
				}
				if english {
					n.Row = r.English
				}
			}
		}
		for _, h := range T3Header {
			if h.Key == parts[2] {
				n.Col = pick(h.Label, h.English, english)
			}
		}
	case parts[0] == T4 && len(parts) == 3:
		for _, h := range T4Header {
			if h.Key == parts[1] {
				n.Row = pick(h.Label, h.English, english)
			}
			if h.Key == parts[2] {
				n.Col = pick(h.Label, h.English, english)
			}
		}
	case parts[0] == T2 && len(parts) == 4:
		for _, b := range T2Blocks {
			if b.Key != parts[1] {
				continue
			}
			for _, it := range b.Rows {
				if it.Key == parts[2] {
					n.Row = pick(b.Caption+" "+it.Label, "Art. 20 "+parts[1]+" "+it.English, english)
				}
			}
		}
		for _, c := range T2Cols {
			if c.Key == parts[3] {
				n.Col = pick(c.Label, c.English, english)
			}
		}
	}
	return n
}

// ColumnName returns the display name of a table 三 column key.
func ColumnName(col string, english bool) string {
	for _, h := range T3Header {
		if h.Key == col {
			return pick(h.Label, h.English, english)
		}
	}
	return col
}

// TableName returns the display name of T2, T3 or T4.
func TableName(t string, english bool) string {
	if n, ok := tableNames[t]; ok {
		return pick(n[0], n[1], english)
	}
	return t
}

// TableTitle returns "表三（收到和处理政府信息公开申请情况）" for T3.
func TableTitle(t string, english bool) string {
	n, ok := tableNames[t]
	if !ok {
		return t
	}
	if english {
		return n[1] + " (" + n[3] + ")"
	}
	return n[0] + "（" + n[2] + "）"
}

// RowName returns the display name of a row key such as "t3.R7" or
// "t4.rev".
func RowName(key string, english bool) string {
	n := NameOf(key+".TOT", english)
	if strings.HasPrefix(key, T4+".") {
		n = NameOf(key+".total", english)
	}
	if strings.HasPrefix(key, T2+".") {
		parts := strings.Split(key, ".")
		if len(parts) == 3 {
			for _, c := range T2Cols {
				if n2 := NameOf(key+"."+c.Key, english); n2.Row != "" {
					return n2.Row
				}
			}
		}
	}
	return n.Row
}

// SectionHeading returns the canonical heading of section n (1…6).
func SectionHeading(n int, english bool) string {
	for _, s := range Sections {
		if s.Number == n {
			return pick(s.Heading, s.English, english)
		}
	}
	return ""
}

// ResultRows returns the result rows of table 三 (（一）…（六）) whose sum is
// （七）总计, for a table with split or single （六）其他处理 rows.
func ResultRows(r6Split bool) []string {
	var rows []string
	for _, r := range T3Rows {
		if r.Key == "R7" || r.Key == "NEW" || r.Key == "CARRY_IN" || r.Key == "CARRY_OUT" {
			continue
		}
		if r.Key == "R6" && r6Split || strings.HasPrefix(r.Key, "R6_") && !r6Split {
			continue
		}
		rows = append(rows, r.Key)
	}
	return rows
}

// T3RowKeys returns every data row key of table 三 for the given （六） layout.
func T3RowKeys(r6Split bool) []string {
	rows := []string{"NEW", "CARRY_IN"}
	rows = append(rows, ResultRows(r6Split)...)
	return append(rows, "R7", "CARRY_OUT")
}

func pick(zh, en string, english bool) string {
	if english && en != "" {
		return en
	}
	return zh
}

// SumName names the sum of several cells for people: cells of one table
// and column are written "表三 （一）予以公开 + （二）部分公开 / 总计", and all
// the rows of a group of table 三 "表三 （三）不予公开（各项之和） / 总计".
func SumName(keys []string, english bool) string {
	if len(keys) == 1 {
		return NameOf(keys[0], english).String()
	}
	var rows []string
	first := NameOf(keys[0], english)
	same := true
	for _, k := range keys {
		n := NameOf(k, english)
		same = same && n.Table == first.Table && n.Col == first.Col
		rows = append(rows, n.Row)
	}
	if !same {
		var names []string
		for _, k := range keys {
			names = append(names, NameOf(k, english).String())
		}
		return strings.Join(names, " + ")
	}
	if g := wholeGroup(keys); g != nil {
		label := g.Label + "（各项之和）"
		if english {
			label = "group " + g.Key + " (all items)"
		}
		return CellName{Table: first.Table, Row: label, Col: first.Col}.String()
	}
	return CellName{Table: first.Table, Row: strings.Join(rows, " + "), Col: first.Col}.String()
}

// wholeGroup returns the group of table 三 whose rows are exactly those of
// keys, or nil.
func wholeGroup(keys []string) *T3RowGroup {
	var rows []string
	for _, k := range keys {
		parts := strings.Split(k, ".")
		if len(parts) != 3 || parts[0] != T3 {
			return nil
		}
		rows = append(rows, parts[1])
	}
	for i := range T3RowGroups {
		g := &T3RowGroups[i]
		var members []string
		for _, r := range T3Rows {
			if r.Group == g.Key {
				members = append(members, r.Key)
			}
		}
		if len(members) > 1 && strings.Join(members, ",") == strings.Join(rows, ",") {
			return g
		}
	}
	return nil
}
