package schema

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/nianbao/nianbao/parser"
)

// Build maps doc to a Report. It never fails: what cannot be mapped is
// recorded as missing cells and Issues for the rules to report.
func Build(doc *parser.Document) *Report {
	b := &builder{
		rep: &Report{
			Path:     doc.Path,
			Format:   doc.Format,
			Encoding: doc.Encoding,
			Tables:   map[string]parser.Pos{},
			Cells:    map[string]*Cell{},
		},
		signals: map[string]bool{},
	}
	b.readText(doc)
	for _, t := range doc.Tables() {
		switch classifyTable(t) {
		case T3:
			if b.claimTable(T3, t) {
				b.mapT3(t)
			}
		case T4:
			if b.claimTable(T4, t) {
				b.mapT4(t)
			}
		case T2:
			if _, ok := b.rep.Tables[T2]; !ok {
				b.rep.Tables[T2] = t.Pos
			}
			b.mapT2(t)
		}
	}
	b.decideVersion()
	b.fillKeys()
	b.readYears()
	return b.rep
}

type builder struct {
	rep     *Report
	signals map[string]bool // version signals already recorded
	r6Row   bool            // table 三 has the single （六）其他处理 row
	r6Sub   bool            // table 三 has the three （六） sub-rows

	preamble    string // paragraphs between the title and section 一
	preamblePos parser.Pos

	slab []Cell // cells are cut from here, a few allocations a report
}

// newCell returns a zero cell for the report.
func (b *builder) newCell() *Cell {
	if len(b.slab) == cap(b.slab) {
		b.slab = make([]Cell, 0, 128)
	}
	b.slab = b.slab[:len(b.slab)+1]
	return &b.slab[len(b.slab)-1]
}

// claimTable records t as the table of kind; a second table of the same
// kind is reported and skipped.
func (b *builder) claimTable(kind string, t *parser.Table) bool {
	if _, ok := b.rep.Tables[kind]; ok {
		b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueDuplicateTable, Table: kind, Pos: t.Pos})
		return false
	}
	b.rep.Tables[kind] = t.Pos
	return true
}

// ---- tables ----

// classifyTable says which of the three tables t is, by its labels.
func classifyTable(t *parser.Table) string {
	var t2, t3 bool
	var fu, su bool
	for _, row := range t.Rows {
		for _, c := range row.Cells {
			_, core := splitLabel(c.Text)
			switch {
			case core == "自然人" || strings.Contains(core, "本年新收政府信息公开申请"):
				t3 = true
			case core == "行政复议":
				fu = true
			case core == "行政诉讼":
				su = true
			case strings.HasPrefix(core, t2CaptionCore) || core == t2ItemLabelCore:
				t2 = true
			}
		}
	}
	switch {
	case t3:
		return T3
	case fu && su:
		return T4
	case t2:
		return T2
	}
	return ""
}

// noteSignal records a version signal carried by a label, once per label.
func (b *builder) noteSignal(text string, pos parser.Pos) {
	if !hasNonASCII(text) {
		return // every signal is Chinese: numbers and empty cells carry none
	}
	n := parser.NormalizeLabel(text)
	for _, v := range []Version{V2019, V2021} {
		for _, sig := range versionSignals[v] {
			if strings.Contains(n, sig) && !b.signals[sig] {
				b.signals[sig] = true
				b.rep.Evidence = append(b.rep.Evidence, Evidence{Version: v, Label: strings.ReplaceAll(parser.TrimCell(text), "\n", ""), Pos: pos})
			}
		}
	}
}

// hasNonASCII reports whether s has a byte outside ASCII.
func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// setCell stores the cell under key, parsing raw for the kind.
func (b *builder) setCell(key string, kind parser.NumberKind, c parser.Cell, label string) {
	if _, dup := b.rep.Cells[key]; dup {
		return
	}
	var (
		v     float64
		class parser.NumberClass
		unit  string
	)
	if kind == parser.Money {
		v, unit, class = parser.ParseMoney(c.Text)
	} else {
		v, class = parser.ParseNumber(c.Text, kind)
	}
	cell := b.newCell()
	*cell = Cell{Key: key, Kind: kind, Raw: c.Text, Pos: c.Pos, Unit: unit}
	switch class {
	case parser.ClassBlank:
		cell.State = StateBlank
	case parser.ClassNA:
		cell.State = StateNA
	case parser.ClassNumber:
		cell.State, cell.Value = StateNumber, v
	default:
		cell.State = StateText
	}
	b.rep.Cells[key] = cell
}

// ---- version and keys ----

func (b *builder) decideVersion() {
	n := map[Version]int{}
	for _, e := range b.rep.Evidence {
		n[e.Version]++
	}
	switch {
	case n[V2019] > n[V2021]:
		b.rep.Version = V2019
	case n[V2021] > n[V2019]:
		b.rep.Version = V2021
	case b.r6Sub && !b.r6Row:
		b.rep.Version = V2021
	default:
		b.rep.Version = VUnknown
	}
}

// fillKeys lists the data cells of the detected version and marks those the
// document lacks as missing.
func (b *builder) fillKeys() {
	r := b.rep
	v := r.Version
	r.R6Split = b.r6Sub || (!b.r6Row && v == V2021)
	r.Keys = KeysFor(v, r.R6Split)
	if v != VUnknown && ((v == V2021 && b.r6Row && !b.r6Sub) || (v == V2019 && b.r6Sub && !b.r6Row)) {
		pos := r.Tables[T3]
		if c, ok := r.Cells[T3+".R6.NP"]; ok && !r.R6Split {
			pos = c.Pos
		} else if c, ok := r.Cells[T3+".R6_1.NP"]; ok {
			pos = c.Pos
		}
		r.Issues = append(r.Issues, Issue{Kind: IssueOtherR6Layout, Table: T3, Label: "（六）其他处理", Pos: pos})
	}
	for _, k := range r.Keys {
		if _, ok := r.Cells[k]; !ok {
			c := b.newCell()
			*c = Cell{Key: k, State: StateMissing, Kind: KindOf(k)}
			r.Cells[k] = c
		}
	}
}

// KeysFor lists the data cell keys of a format version in template order:
// table 二 (none for VUnknown), table 三 with one or three （六） rows, and
// table 四. The slice is shared by every report of the version: callers
// must not modify it (appending copies it).
func KeysFor(v Version, r6Split bool) []string {
	if ks, ok := keySets[keySet{v, r6Split}]; ok {
		return ks
	}
	return slices.Clip(keysFor(v, r6Split))
}

// cellKey returns the key table+"."+row+"."+col (table+"."+col when row is
// ""), the string of KeysFor when it lists the key: most cells of a report
// need no key of their own.
func cellKey(table, row, col string) string {
	if k, ok := keyStrings[[3]string{table, row, col}]; ok {
		return k
	}
	if row == "" {
		return table + "." + col
	}
	return table + "." + row + "." + col
}

// keyStrings finds the strings of keySets by their parts. Never modified.
var keyStrings = func() map[[3]string]string {
	m := map[[3]string]string{}
	for _, ks := range keySets {
		for _, k := range ks {
			table, rest, _ := strings.Cut(k, ".")
			row, col := "", rest
			if i := strings.LastIndexByte(rest, '.'); i >= 0 && table != T4 {
				row, col = rest[:i], rest[i+1:]
			}
			m[[3]string{table, row, col}] = k
		}
	}
	return m
}()

// keySet names one list of KeysFor.
type keySet struct {
	v       Version
	r6Split bool
}

// keySets holds KeysFor of every version, computed once: each report
// refers to its list instead of holding a copy. Never modified.
var keySets = func() map[keySet][]string {
	m := map[keySet][]string{}
	for _, v := range []Version{V2019, V2021, VUnknown} {
		for _, split := range []bool{false, true} {
			m[keySet{v, split}] = slices.Clip(keysFor(v, split))
		}
	}
	return m
}()

func keysFor(v Version, r6Split bool) []string {
	var keys []string
	for _, bl := range t2Layout[v] {
		for _, row := range bl.Rows {
			for _, col := range bl.Cols {
				keys = append(keys, T2+"."+bl.Block+"."+row+"."+col)
			}
		}
	}
	for _, row := range T3RowKeys(r6Split) {
		for _, col := range T3Columns {
			keys = append(keys, T3+"."+row+"."+col)
		}
	}
	for _, g := range T4Groups {
		for _, p := range append(append([]string{}, T4Parts...), "total") {
			keys = append(keys, T4+"."+g+"."+p)
		}
	}
	return keys
}

// KindOf returns the number kind of a cell key.
func KindOf(key string) parser.NumberKind {
	if strings.HasPrefix(key, T2+".") {
		col := key[strings.LastIndexByte(key, '.')+1:]
		for _, c := range t2Cols {
			if c.Key == col {
				return c.Kind
			}
		}
	}
	return parser.Count
}
