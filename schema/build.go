package schema

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"golang.org/x/text/width"
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

// ---- text: title, sections ----

func (b *builder) readText(doc *parser.Document) {
	var cur *Section
	var body []string
	flush := func() {
		if cur != nil {
			cur.Text = strings.Join(body, "\n")
			b.rep.Sections = append(b.rep.Sections, *cur)
		}
		body = nil
	}
	var preamble []*parser.Paragraph
	for _, p := range doc.Paragraphs() {
		text := format.TrimCell(p.Text)
		if text == "" {
			continue
		}
		if n := headingNumber(text); n > 0 {
			flush()
			cur = &Section{Number: n, Title: text, Pos: p.Pos}
			continue
		}
		if cur == nil {
			preamble = append(preamble, p)
			continue
		}
		body = append(body, text)
		cur.Paragraphs = append(cur.Paragraphs, Paragraph{Text: text, Pos: p.Pos})
	}
	flush()
	b.readTitle(preamble)
	var texts []string
	for _, p := range preamble {
		if p.Pos == b.rep.TitlePos {
			continue
		}
		if len(texts) == 0 {
			b.preamblePos = p.Pos
		}
		texts = append(texts, format.TrimCell(p.Text))
		b.rep.Preamble = append(b.rep.Preamble, Paragraph{Text: format.TrimCell(p.Text), Pos: p.Pos})
	}
	b.preamble = strings.Join(texts, "\n")
}

// headingNumber returns the section number (1…6) when text is one of the
// six headings, else 0. The numeral as written is not trusted; the heading
// text decides.
func headingNumber(text string) int {
	if utf8.RuneCountInString(text) > 40 {
		return 0
	}
	enum, core := splitLabel(text)
	if enum == "" || !strings.ContainsAny(enum, "一二三四五六七八九十") || strings.HasPrefix(enum, "(") {
		return 0
	}
	i := bestMatch(core, len(format.Sections), func(i int) []string { return format.Sections[i].Core })
	if i < 0 {
		return 0
	}
	return format.Sections[i].Number
}

// maxTitleLen bounds the paragraphs taken for the title, in bytes: a title
// is one line, and a whole text without line breaks is not one.
const maxTitleLen = 1024

var titleRe = regexp.MustCompile(`^(.*?)((?:19|20)\d{2})年度?` + format.TitleSuffix)

func (b *builder) readTitle(preamble []*parser.Paragraph) {
	var title *parser.Paragraph
	for _, p := range preamble {
		if len(p.Text) <= maxTitleLen && strings.Contains(format.NormalizeLabel(p.Text), "年度报告") {
			title = p
			break
		}
	}
	if title == nil && len(preamble) > 0 && len(preamble[0].Text) <= maxTitleLen {
		title = preamble[0]
	}
	if title == nil {
		return
	}
	b.rep.Title = format.TrimCell(title.Text)
	b.rep.TitlePos = title.Pos
	norm := ChineseYears(format.NormalizeLabel(b.rep.Title))
	if m := titleRe.FindStringSubmatch(norm); m != nil {
		b.rep.Agency = m[1]
		y, _ := strconv.Atoi(m[2])
		b.rep.TitleYear = YearRef{Year: y, Text: b.rep.Title, Pos: title.Pos}
	} else if i := strings.Index(norm, format.TitleSuffix); i > 0 {
		b.rep.Agency = norm[:i]
	}
}

var chineseYearRe = regexp.MustCompile(`[〇零○Ｏ一二三四五六七八九]{4}年`)

// ChineseYears rewrites years written in characters ("二〇二〇年") with digits.
func ChineseYears(s string) string {
	if !strings.ContainsAny(s, "〇零○Ｏ") {
		return s // every year 2000–2099 written in characters has a zero
	}
	return chineseYearRe.ReplaceAllStringFunc(s, func(m string) string {
		var sb strings.Builder
		for _, r := range m {
			if d, ok := format.ChineseDigits[r]; ok {
				sb.WriteRune(d)
			} else {
				sb.WriteRune(r)
			}
		}
		return sb.String()
	})
}

var (
	periodRe   = regexp.MustCompile(`((?:19|20)\d{2})年1月1日\D{0,4}?(?:((?:19|20)\d{2})年)?12月31日`)
	bodyYearRe = regexp.MustCompile(`((?:19|20)\d{2})年`)
)

// readYears finds the statistics period and the year cited at the start of
// section 一, and settles the report year.
func (b *builder) readYears() {
	r := b.rep
	// The statistics period is usually stated in the preamble, sometimes in
	// section 一 or at the end.
	texts := append([]Section{{Text: b.preamble, Pos: b.preamblePos}}, r.Sections...)
	for _, s := range texts {
		text := stripSpace(s.Text)
		if !strings.Contains(text, "月31日") && !strings.Contains(text, "月３１日") {
			continue
		}
		text = ChineseYears(width.Narrow.String(text))
		if m := periodRe.FindStringSubmatch(text); m != nil {
			y, _ := strconv.Atoi(m[1])
			r.PeriodYear = YearRef{Year: y, Text: m[0], Pos: s.Pos}
			break
		}
	}
	if s := r.Section(1); s != nil {
		head := s.Text
		if i := runeOffset(head, 100); i < len(head) {
			head = head[:i]
		}
		head = ChineseYears(width.Narrow.String(head))
		if m := bodyYearRe.FindStringSubmatchIndex(head); m != nil {
			rest := head[m[1]:]
			if !strings.HasPrefix(rest, "修订") && !strings.HasPrefix(rest, "颁布") {
				y, _ := strconv.Atoi(head[m[2]:m[3]])
				r.BodyYear = YearRef{Year: y, Text: head[m[0]:m[1]], Pos: s.Pos}
			}
		}
	}
	for _, y := range []YearRef{r.TitleYear, r.PeriodYear, r.BodyYear} {
		if y.Year != 0 {
			r.Year = y.Year
			break
		}
	}
}

// runeOffset returns the byte offset of the n-th rune of s, or len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
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
				Label: format.TrimCell(cells[first].Text), Pos: cells[first].Pos, Found: len(values) + 1, Want: labeled + 1})
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
		if n == "" || strings.Contains(n, format.T3CornerMarker) {
			continue
		}
		_, core := splitLabel(c.Text)
		hs = append(hs, hcell{core: core, text: format.TrimCell(c.Text), pos: c.Pos})
	}
	return hs
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
	if !b.reportLeaves(format.T3, leaves, ok, t.Pos) {
		return
	}
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
			is := Issue{Kind: IssueUnreadableRow, Table: format.T3, Label: firstText(row.Cells), Pos: row.Pos, Found: len(row.Cells), Want: n + 1}
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
		key, label, pos := "", "", row.Pos
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
			if key == "" {
				break
			}
		}
		if key == "" {
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
		b.rep.Issues = append(b.rep.Issues, Issue{Kind: IssueUnreadableRow, Table: format.T4, Pos: row.Pos, Found: len(row.Cells), Want: len(leaves)})
		return
	}
	values := row.Cells[len(row.Cells)-len(leaves):]
	for i, l := range leaves {
		if l.key != "" {
			b.setCell(format.JoinKey(format.T4, "", l.key), format.Count, values[i], "")
		}
	}
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
		r.Issues = append(r.Issues, Issue{Kind: IssueOtherR6Layout, Table: format.T3, Label: "（六）其他处理", Pos: pos})
	}
	for _, k := range r.Keys {
		if _, ok := r.Cells[k]; !ok {
			c := b.newCell()
			*c = Cell{Key: k, State: StateMissing, Kind: format.KindOf(k)}
			r.Cells[k] = c
		}
	}
}
