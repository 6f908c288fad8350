package schema

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
)

// cellsHint sizes a report's cells map for the cells of a whole report
// (186 to 212 keys by version), so that filling it never grows it.
const cellsHint = 224

// Build maps doc to a Report. It never fails: what cannot be mapped is
// recorded as missing cells and Issues for the rules to report.
func Build(doc *parser.Document) *Report {
	b := &builder{
		rep: &Report{
			Path:     doc.Path,
			Format:   doc.Format,
			Encoding: doc.Encoding,
			Saved:    savedTime(doc.Saved),
			Tables:   map[string]parser.Pos{},
			Cells:    make(map[string]*Cell, cellsHint),
		},
		signals: map[string]bool{},
	}
	b.readText(doc)
	for _, t := range doc.Tables() {
		switch classifyTable(t) {
		case format.T3:
			if b.claimTable(format.T3, t) {
				b.mapT3(t)
			}
		case format.T4:
			if b.claimTable(format.T4, t) {
				b.mapT4(t)
			}
		case format.T2:
			if _, ok := b.rep.Tables[format.T2]; !ok {
				b.rep.Tables[format.T2] = t.Pos
			}
			b.mapT2(t)
		}
	}
	b.findUnreadTables(doc)
	b.decideVersion()
	b.fillKeys()
	b.readYears()
	b.findCut(doc)
	b.findStart(doc)
	return b.rep
}

// findUnreadTables reports a table the text shows but no reader could
// build: the words of its header stand in a paragraph of their own
// ("行政复议行政诉讼", a converter's flattening of table 四's header). It
// is an unreadable header, not a missing table: saying it is missing
// would contradict what the reviewer sees.
func (b *builder) findUnreadTables(doc *parser.Document) {
	if _, ok := b.rep.Tables[format.T4]; ok {
		return
	}
	head := format.T4Header[0].Label + format.T4Header[1].Label
	for _, p := range doc.Paragraphs() {
		if len(p.Text) > 8*len(head) {
			continue // a sentence, not a header line
		}
		if n := format.NormalizeLabel(p.Text); strings.HasPrefix(n, head) && len(n) <= 4*len(head) {
			b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnreadableHeader, Table: format.T4, Pos: p.Pos})
			return
		}
	}
}

// findCut sets Report.Cut when the document's last block is table 二 or
// 三 and the table lacks its last row: the text stops inside it.
func (b *builder) findCut(doc *parser.Document) {
	t, last := b.reportTableAt(doc, len(doc.Blocks)-1)
	if t == "" {
		return
	}
	rows := tableRows(b.rep, t)
	read := "" // the last row read
	for _, row := range rows {
		if rowRead(b.rep, row) {
			read = row
		}
	}
	if len(rows) == 0 || read == rows[len(rows)-1] {
		return // the table is whole: the text ends with it
	}
	end := last.Pos
	if n := len(last.Rows); n > 0 {
		end = last.Rows[n-1].Pos
	}
	b.rep.Cut = &Cut{Table: t, Row: read, Pos: end}
}

// findStart sets Report.Start when the document begins with table 二 or
// 三 — no title, preamble or heading before it — and the table lacks its
// first rows: the text starts inside it.
func (b *builder) findStart(doc *parser.Document) {
	t, first := b.reportTableAt(doc, 0)
	if t == "" {
		return
	}
	rows := tableRows(b.rep, t)
	i := slices.IndexFunc(rows, func(row string) bool { return rowRead(b.rep, row) })
	if i <= 0 {
		return // nothing read, or the table is whole from its first row
	}
	b.rep.Start = &Cut{Table: t, Row: rows[i], Pos: first.Pos}
}

// reportTableAt returns which of tables 二 and 三 the document's block i
// is, with the block's table; "" when it is neither.
func (b *builder) reportTableAt(doc *parser.Document, i int) (string, *parser.Table) {
	if i < 0 || i >= len(doc.Blocks) || doc.Blocks[i].Table == nil {
		return "", nil
	}
	tb := doc.Blocks[i].Table
	for _, t := range []string{format.T2, format.T3} {
		if pos, ok := b.rep.Tables[t]; ok && pos == tb.Pos {
			return t, tb
		}
	}
	return "", nil
}

// tableRows lists the rows of table t ("t3.R1") in template order.
func tableRows(r *Report, t string) []string {
	var rows []string
	for _, k := range r.Keys {
		if row := k[:strings.LastIndexByte(k, '.')]; strings.HasPrefix(k, t+".") && !slices.Contains(rows, row) {
			rows = append(rows, row)
		}
	}
	return rows
}

// rowRead reports whether a cell of row was found in the document.
func rowRead(r *Report, row string) bool {
	for _, k := range r.Keys {
		if strings.HasPrefix(k, row+".") && r.Cells[k].State != StateMissing {
			return true
		}
	}
	return false
}

type builder struct {
	rep     *Report
	signals map[string]bool // version signals already recorded
	r6Row   bool            // table 三 has the single （六）其他处理 row
	r6Sub   bool            // table 三 has the three （六） sub-rows

	preamble    string // paragraphs between the title and section 一
	preamblePos parser.Pos
	titleParas  []parser.Pos // the title's paragraphs: one, or two read as one

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
			case core == format.MarkT3Column || strings.Contains(core, format.MarkT3FirstRow):
				t3 = true
			case core == format.MarkT4Review:
				fu = true
			case core == format.MarkT4Litigation:
				su = true
			case strings.HasPrefix(core, format.T2CaptionCore) || core == format.T2ItemLabelCore:
				t2 = true
			}
		}
	}
	switch {
	case t3:
		return format.T3
	case fu && su:
		return format.T4
	case t2:
		return format.T2
	}
	return ""
}

// noteSignal records a version signal carried by a label, once per label.
func (b *builder) noteSignal(text string, pos parser.Pos) {
	if !hasNonASCII(text) {
		return // every signal is Chinese: numbers and empty cells carry none
	}
	n := format.NormalizeLabel(text)
	for _, v := range []format.Version{format.V2019, format.V2021} {
		for _, sig := range format.VersionSignals[v] {
			if strings.Contains(n, sig) && !b.signals[sig] {
				b.signals[sig] = true
				b.rep.Evidence = append(b.rep.Evidence, Evidence{Version: v, Label: strings.ReplaceAll(format.TrimCell(text), "\n", ""), Pos: pos})
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
func (b *builder) setCell(key string, kind format.NumberKind, c parser.Cell, label string) {
	if _, dup := b.rep.Cells[key]; dup {
		return
	}
	var (
		v     float64
		class format.NumberClass
		unit  string
	)
	if kind == format.Money {
		v, unit, class = format.ParseMoney(c.Text)
	} else {
		v, class = format.ParseNumber(c.Text, kind)
	}
	cell := b.newCell()
	*cell = Cell{Key: key, Kind: kind, Raw: c.Text, Pos: c.Pos, Unit: unit}
	switch class {
	case format.ClassBlank:
		cell.State = StateBlank
	case format.ClassNA:
		cell.State = StateNA
	case format.ClassNumber:
		cell.State, cell.Value = StateNumber, v
	default:
		cell.State = StateText
	}
	b.rep.Cells[key] = cell
}

// ---- version and keys ----

func (b *builder) decideVersion() {
	n := map[format.Version]int{}
	for _, e := range b.rep.Evidence {
		n[e.Version]++
	}
	switch {
	case n[format.V2019] > n[format.V2021]:
		b.rep.Version = format.V2019
	case n[format.V2021] > n[format.V2019]:
		b.rep.Version = format.V2021
	case b.r6Sub && !b.r6Row:
		b.rep.Version = format.V2021
	default:
		b.rep.Version = format.VUnknown
	}
}

// fillKeys lists the data cells of the detected version and marks those the
// document lacks as missing.
func (b *builder) fillKeys() {
	r := b.rep
	v := r.Version
	r.R6Split = b.r6Sub || (!b.r6Row && v == format.V2021)
	r.Keys = format.KeysFor(v, r.R6Split)
	if v != format.VUnknown && ((v == format.V2021 && b.r6Row && !b.r6Sub) || (v == format.V2019 && b.r6Sub && !b.r6Row)) {
		pos := r.Tables[format.T3]
		if c, ok := r.Cells[format.T3+".R6.NP"]; ok && !r.R6Split {
			pos = c.Pos
		} else if c, ok := r.Cells[format.T3+".R6_1.NP"]; ok {
			pos = c.Pos
		}
		r.Issues = append(r.Issues, Issue{Kind: IssueOtherR6Layout, Table: format.T3, Label: format.T3Group("R6").Label, Pos: pos})
	}
	for _, k := range r.Keys {
		if _, ok := r.Cells[k]; !ok {
			c := b.newCell()
			*c = Cell{Key: k, State: StateMissing, Kind: format.KindOf(k)}
			r.Cells[k] = c
		}
	}
}

// savedTime reads a W3CDTF date of the document's properties
// ("2023-01-18T02:15:00Z", "2023-01-18"); the zero time when it cannot.
func savedTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
