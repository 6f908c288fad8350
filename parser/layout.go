package parser

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/nianbao/nianbao/format"
)

// This file holds the readers of the plain-text table layouts that keep
// every cell, blank ones included: pandoc's grid, simple and multiline
// tables, Markdown pipe tables and tab-separated rows. The layouts that
// write one cell per line are in flat.go.

// ---- page furniture ----

// pageBreakMark stands for a form feed in the line list; it is dropped
// with the page numbers.
const pageBreakMark = "\f"

// pageNumber matches a line that is only a page number: "- 4 -", "-4-",
// "— 4 —", "第4页", "第 4 页 共 12 页", "4/12".
var pageNumber = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[\s\x{3000}]*(?:[-－—–]+[\s\x{3000}]*\d+[\s\x{3000}]*[-－—–]+|第[\s\x{3000}]*\d+[\s\x{3000}]*页(?:[\s\x{3000}，,]*共[\s\x{3000}]*\d+[\s\x{3000}]*页)?|共[\s\x{3000}]*\d+[\s\x{3000}]*页[\s\x{3000}，,]*第[\s\x{3000}]*\d+[\s\x{3000}]*页|\d+[\s\x{3000}]*/[\s\x{3000}]*\d+)[\s\x{3000}]*$`)
})

// dropPageFurniture removes page-number lines, form feeds, and the page
// headers and footers repeated over page breaks: a line next to a page
// break (the nearest line that is not blank on either side) whose text
// occurs more than once in the document. Empty lines next to what it
// removes are removed with it.
func dropPageFurniture(lines []srcLine) []srcLine {
	isBreak := func(t string) bool { return t == pageBreakMark || pageNumber().MatchString(t) }
	var breaks []int
	for i, l := range lines {
		if isBreak(l.text) {
			breaks = append(breaks, i)
		}
	}
	if len(breaks) == 0 {
		return lines
	}
	count := map[string]int{}
	for _, l := range lines {
		if t := strings.TrimSpace(l.text); t != "" {
			count[t]++
		}
	}
	drop := make([]bool, len(lines))
	for _, b := range breaks {
		drop[b] = true
		for _, dir := range []int{-1, 1} {
			for j := b + dir; j >= 0 && j < len(lines); j += dir {
				t := strings.TrimSpace(lines[j].text)
				if t == "" || isBreak(lines[j].text) {
					continue
				}
				if count[t] > 1 {
					drop[j] = true
				}
				break
			}
		}
	}
	// The empty lines around what was dropped go too, so that a page
	// break cannot pass for empty table cells.
	for i := range lines {
		if !drop[i] || !isBreak(lines[i].text) && count[strings.TrimSpace(lines[i].text)] <= 1 {
			continue
		}
		for _, dir := range []int{-1, 1} {
			for j := i + dir; j >= 0 && j < len(lines) && (drop[j] || isBlank(lines[j].text)); j += dir {
				drop[j] = true
			}
		}
	}
	kept := lines[:0:0]
	for i, l := range lines {
		if !drop[i] {
			kept = append(kept, l)
		}
	}
	return kept
}

// ---- display columns ----

// runeWidth is the number of columns r takes in a monospaced rendering,
// as pandoc counts them: 2 for East Asian wide and full-width characters.
func runeWidth(r rune) int {
	if r < 0x1100 {
		return 1
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// displayIndex returns the byte offset in s of the first rune that starts
// at or after display column col (0-based), or len(s).
func displayIndex(s string, col int) int {
	w := 0
	for i, r := range s {
		if w >= col {
			return i
		}
		w += runeWidth(r)
	}
	return len(s)
}

// sliceColumns returns the text of s between display columns from and to
// (to < 0: the end of the line).
func sliceColumns(s string, from, to int) string {
	a := displayIndex(s, from)
	if to < 0 {
		return s[a:]
	}
	b := displayIndex(s, to)
	if b < a {
		b = a
	}
	return s[a:b]
}

// joinCellLines joins the lines of one cell of a text table: surrounding
// spaces and Markdown marks (bold, hard line breaks) are removed and empty
// lines dropped; the lines are joined with
// "\n" like the paragraphs of a .docx cell.
func joinCellLines(parts []string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(stripMarkdown(strings.TrimSpace(p))); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n")
}

// ---- grid tables (pandoc) ----

var gridBorder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*\+(?:[-=:]+\+)+\s*$`) })

// readGridTable reads a grid table:
//
//	+------+------+
//	| cell | cell |
//	+======+======+
//
// Columns are found from the "+" of the top border; a row ends at the next
// border line. A cell whose right border is missing in a row spans into the
// next column.
func readGridTable(s *textScanner, i int) ([]Row, int, bool) {
	if !gridBorder().MatchString(s.lines[i].text) {
		return nil, i, false
	}
	var bounds []int // display columns of the "+" of the top border
	col := 0
	for _, r := range s.lines[i].text {
		if r == '+' {
			bounds = append(bounds, col)
		}
		col += runeWidth(r)
	}
	var (
		rows  []Row
		block []srcLine
	)
	flush := func() {
		if len(block) == 0 {
			return
		}
		row := Row{Pos: Pos{Line: block[0].no}}
		c := 0
		for c+1 < len(bounds) {
			end := c + 1
			// A missing "|" at a boundary in the row's first line: a span.
			for end+1 < len(bounds) && !hasBarAt(block[0].text, bounds[end]) {
				end++
			}
			var parts []string
			for _, l := range block {
				parts = append(parts, sliceColumns(l.text, bounds[c]+1, bounds[end]))
			}
			row.Cells = append(row.Cells, Cell{Text: joinCellLines(parts), Span: end - c, Pos: Pos{Line: block[0].no, Col: c + 1}})
			c = end
		}
		rows = append(rows, row)
		block = nil
		s.grow(len(row.Cells))
	}
	j := i + 1
	for ; j < len(s.lines) && s.err == nil; j++ {
		t := s.lines[j].text
		if gridBorder().MatchString(t) {
			flush()
			continue
		}
		if !strings.HasPrefix(strings.TrimSpace(t), "|") {
			break
		}
		block = append(block, s.lines[j])
	}
	if len(block) > 0 { // no closing border
		flush()
	}
	return rows, j, len(rows) > 0 && len(bounds) > 1
}

// hasBarAt reports whether line has a "|" at display column col.
func hasBarAt(line string, col int) bool {
	k := displayIndex(line, col)
	return k < len(line) && line[k] == '|'
}

// ---- pipe tables (Markdown) ----

var (
	pipeRow       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*\|.*\|\s*$`) })
	pipeSeparator = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$`) })
	htmlBreak     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)<br\s*/?>`) })
)

// readPipeTable reads a Markdown pipe table: every line is a row, cells are
// separated by "|", the "|---|" separator line is skipped; "<br>" in a cell
// is a line break and backslash escapes are removed. In a table with one
// separator, a row below it must have as many cells as it has columns.
func readPipeTable(s *textScanner, i int) ([]Row, int, bool) {
	if !pipeRow().MatchString(s.lines[i].text) {
		return nil, i, false
	}
	// A table with one separator line (a header, the separator, the
	// body) has as many columns as the separator; a converter that writes
	// a separator after every row says nothing about the rows after it.
	seps, cols := 0, 0
	for j := i; j < len(s.lines) && pipeRow().MatchString(s.lines[j].text); j++ {
		if pipeSeparator().MatchString(s.lines[j].text) {
			seps++
		}
	}
	var rows []Row
	j, check := i, false
	for ; j < len(s.lines); j++ {
		l := s.lines[j]
		if !pipeRow().MatchString(l.text) {
			break
		}
		fields := splitPipes(l.text)
		if pipeSeparator().MatchString(l.text) {
			cols, check = len(fields), seps == 1
			continue
		}
		if check && len(fields) != cols {
			// A row with more or fewer cells than the separator has
			// columns lost or gained a cell: it keeps only its first
			// cell (its label), so that it is reported, not read shifted.
			fields = fields[:1]
		}
		row := Row{Pos: Pos{Line: l.no}}
		for k, f := range fields {
			text := htmlBreak().ReplaceAllString(strings.TrimSpace(f), "\n")
			row.Cells = append(row.Cells, Cell{Text: unescapeMarkdown(text), Span: 1, Pos: Pos{Line: l.no, Col: k + 1}})
		}
		rows = append(rows, row)
		if !s.grow(len(row.Cells)) {
			break
		}
	}
	return rows, j, len(rows) > 0
}

// splitPipes splits a pipe-table line into its cells, honouring "\|".
func splitPipes(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = line[:len(line)-1]
	}
	return splitCells(line)
}

// splitCells splits line at every "|" that is not escaped ("\|").
func splitCells(line string) []string {
	var cells []string
	var b strings.Builder
	for k := 0; k < len(line); k++ {
		switch {
		case line[k] == '\\' && k+1 < len(line) && line[k+1] == '|':
			b.WriteString(`\|`)
			k++
		case line[k] == '|':
			cells = append(cells, b.String())
			b.Reset()
		default:
			b.WriteByte(line[k])
		}
	}
	return append(cells, b.String())
}

// unescapeMarkdown removes the backslash before escaped ASCII punctuation.
func unescapeMarkdown(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for k := 0; k < len(s); k++ {
		if s[k] == '\\' && k+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!|<>\"'~^=/:;,", s[k+1]) >= 0 {
			k++
		}
		b.WriteByte(s[k])
	}
	return b.String()
}

// ---- simple and multiline tables (pandoc) ----

var dashRule = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*-{3,}(?:\s+-{3,})*\s*$`) })

// dashColumns returns the display columns where the runs of dashes of a
// column rule start.
func dashColumns(line string) []int {
	var starts []int
	col, prev := 0, ' '
	for _, r := range line {
		if r == '-' && prev != '-' {
			starts = append(starts, col)
		}
		prev = r
		col += runeWidth(r)
	}
	return starts
}

// readDashTable reads pandoc's simple and multiline tables, with or
// without a header:
//
//	------- -------          header   header
//	cell    cell             -------  -------
//	                         cell     cell
//	cell    cell
//	------- -------
//
// Column extents come from the runs of dashes. When the body has blank
// lines, they separate rows and a row's lines are joined per column
// (multiline table); otherwise every line is a row (simple table).
func readDashTable(s *textScanner, i int) ([]Row, int, bool) {
	var (
		header []srcLine
		rule   int  // index of the column rule
		simple bool // a simple table with a header: no closing rule
	)
	t := s.lines[i].text
	switch {
	case dashRule().MatchString(t) && len(dashColumns(t)) >= 2:
		rule = i
	case dashRule().MatchString(t):
		// A multiline table with a header starts with a full-width rule.
		k := i + 1
		for ; k < len(s.lines) && k < i+12 && !isBlank(s.lines[k].text) && !dashRule().MatchString(s.lines[k].text); k++ {
		}
		if k >= len(s.lines) || k == i+1 || !dashRule().MatchString(s.lines[k].text) || len(dashColumns(s.lines[k].text)) < 2 {
			return nil, i, false
		}
		header, rule = s.lines[i+1:k], k
	case i+1 < len(s.lines) && dashRule().MatchString(s.lines[i+1].text) && len(dashColumns(s.lines[i+1].text)) >= 2:
		header, rule, simple = s.lines[i:i+1], i+1, true
	default:
		return nil, i, false
	}
	cols := dashColumns(s.lines[rule].text)
	// The body runs to a closing rule, or for a simple table with a header
	// to the first blank line.
	end, closed := rule+1, false
	for ; end < len(s.lines); end++ {
		if dashRule().MatchString(s.lines[end].text) {
			closed = true
			break
		}
		if simple && isBlank(s.lines[end].text) {
			break
		}
	}
	if !closed && !simple {
		return nil, i, false
	}
	body := s.lines[rule+1 : end]
	multiline := false
	for _, l := range body {
		if isBlank(l.text) {
			multiline = true
			break
		}
	}
	var blocks [][]srcLine
	if len(header) > 0 {
		blocks = append(blocks, header)
	}
	var cur []srcLine
	for _, l := range body {
		switch {
		case isBlank(l.text):
			if cur != nil {
				blocks = append(blocks, cur)
				cur = nil
			}
		case multiline:
			cur = append(cur, l)
		default:
			blocks = append(blocks, []srcLine{l})
		}
	}
	if cur != nil {
		blocks = append(blocks, cur)
	}
	var rows []Row
	for _, b := range blocks {
		row := Row{Pos: Pos{Line: b[0].no}}
		for c := range cols {
			to := -1
			if c+1 < len(cols) {
				to = cols[c+1]
			}
			var parts []string
			for _, l := range b {
				parts = append(parts, sliceColumns(l.text, cols[c], to))
			}
			row.Cells = append(row.Cells, Cell{Text: joinCellLines(parts), Span: 1, Pos: Pos{Line: b[0].no, Col: c + 1}})
		}
		rows = append(rows, row)
		if !s.grow(len(row.Cells)) {
			break
		}
	}
	next := end
	if closed {
		next = end + 1
	}
	return rows, next, len(rows) > 0
}

// ---- HTML tables inside text (Markdown) ----

var htmlTableOpen = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^\s*<table\b`) })

// readHTMLTable reads an HTML <table> element written into a text file, as
// pandoc does in Markdown for tables with merged cells.
func readHTMLTable(s *textScanner, i int) ([]Row, int, bool) {
	if !htmlTableOpen().MatchString(s.lines[i].text) {
		return nil, i, false
	}
	depth := 0
	var b strings.Builder
	for j := i; j < len(s.lines); j++ {
		t := strings.ToLower(s.lines[j].text)
		depth += strings.Count(t, "<table") - strings.Count(t, "</table")
		b.WriteString(s.lines[j].text)
		b.WriteByte('\n')
		if depth <= 0 {
			tables := htmlFragmentTables(b.String())
			if len(tables) == 0 {
				return nil, i, false
			}
			rows := tables[0]
			for ri := range rows {
				rows[ri].Pos.Line = s.lines[i].no
				for ci := range rows[ri].Cells {
					rows[ri].Cells[ci].Pos.Line = s.lines[i].no
				}
			}
			return rows, j + 1, true
		}
	}
	return nil, i, false
}

// ---- tab-separated rows ----

// readTSV reads layout 2: one row per line, cells separated by tabs. A cell
// in double quotes may hold tabs, line breaks and doubled quotes, as Excel
// writes it. A line without a tab ends the table.
func readTSV(s *textScanner, i int) ([]Row, int, bool) {
	var rows []Row
	j := i
	for j < len(s.lines) && strings.Contains(s.lines[j].text, "\t") {
		fields, next := splitTSV(s.lines, j)
		row := Row{Pos: Pos{Line: s.lines[j].no}}
		for k, f := range fields {
			row.Cells = append(row.Cells, Cell{Text: f, Span: 1, Pos: Pos{Line: s.lines[j].no, Col: k + 1}})
		}
		rows = append(rows, row)
		j = next
		if !s.grow(len(row.Cells)) {
			break
		}
	}
	return alignCollapsed(rows), j, len(rows) > 0
}

// maxQuotedLines bounds how many lines one quoted TSV cell may span.
const maxQuotedLines = 20

// splitTSV splits the row starting at line j into fields and returns the
// index of the line after the row.
func splitTSV(lines []srcLine, j int) ([]string, int) {
	line := lines[j].text
	var fields []string
	for {
		k := strings.IndexByte(line, '\t')
		f := line
		if k >= 0 {
			f = line[:k]
		}
		if strings.HasPrefix(f, `"`) {
			if text, rest, next, ok := quotedField(lines, j, line); ok {
				fields = append(fields, text)
				j = next
				if !strings.HasPrefix(rest, "\t") {
					return fields, j + 1
				}
				line = rest[1:]
				continue
			}
		}
		fields = append(fields, f)
		if k < 0 {
			return fields, j + 1
		}
		line = line[k+1:]
	}
}

// quotedField reads a quoted field that starts line (a suffix of line j),
// possibly continued over the following lines. It returns the field's
// text, what follows its closing quote, and the line index where it ended.
func quotedField(lines []srcLine, j int, line string) (text, rest string, end int, ok bool) {
	var b strings.Builder
	cur := line[1:]
	for n := 0; n < maxQuotedLines; n++ {
		for k := 0; k < len(cur); k++ {
			if cur[k] != '"' {
				continue
			}
			if k+1 < len(cur) && cur[k+1] == '"' {
				b.WriteString(cur[:k+1])
				cur = cur[k+2:]
				k = -1
				continue
			}
			if after := cur[k+1:]; after == "" || after[0] == '\t' {
				b.WriteString(cur[:k])
				return b.String(), after, j, true
			}
			return "", "", 0, false
		}
		b.WriteString(cur)
		if j+1 >= len(lines) {
			return "", "", 0, false
		}
		b.WriteByte('\n')
		j++
		cur = lines[j].text
	}
	return "", "", 0, false
}

// alignCollapsed protects tables whose blank cells may have been lost.
// A table where some row has an empty cell between two cells that are not
// empty kept its blank cells and is returned as keepWidth leaves it.
// Otherwise the tool that wrote it may have collapsed runs of tabs, and a
// row with blank cells cannot be told from a shorter one; the empty cells
// at the end of its rows say nothing and are dropped (a row that lost its
// only value would read one as a blank). The table is then read in
// blocks: rows without values (captions, headers), then rows with values,
// whose values are the cells after the last text cell. Under a single
// header row (table 二, whose values the schema reads from the left) a row
// must have as many values as the header has column labels; elsewhere
// (values read from the right) as many as the fullest row of the table. A
// row that has not is not aligned: it keeps only its label under a single
// header, else its last label and its values, fewer cells than the columns
// need. Either way the schema reports the row instead of reading a number
// into the wrong column.
func alignCollapsed(rows []Row) []Row {
	for _, row := range rows {
		first, last := -1, -1
		for c, cell := range row.Cells {
			if format.TrimCell(cell.Text) != "" {
				if first < 0 {
					first = c
				}
				last = c
			}
		}
		for c := first + 1; c < last; c++ {
			if format.TrimCell(row.Cells[c].Text) == "" {
				return keepWidth(rows) // blank cells are kept
			}
		}
	}
	// Empty cells at the end of a row say nothing once runs of tabs
	// are collapsed: a row without values keeps no empty cell to be read
	// as a blank.
	for ri := range rows {
		c := rows[ri].Cells
		for len(c) > 1 && format.TrimCell(c[len(c)-1].Text) == "" {
			c = c[:len(c)-1]
		}
		rows[ri].Cells = c
	}
	type info struct {
		label  int // index of the last text cell, -1 if none
		values int // cells after it that are not blank
	}
	infos := make([]info, len(rows))
	tableMax := 0
	for r, row := range rows {
		in := info{label: -1}
		for c, cell := range row.Cells {
			if t := format.TrimCell(cell.Text); t != "" && !isValueText(t) {
				in.label = c
			}
		}
		in.values = nonBlankCells(row.Cells[in.label+1:])
		tableMax = max(tableMax, in.values)
		infos[r] = in
	}
	for start := 0; start < len(rows); {
		if infos[start].values > 0 {
			start++
			continue
		}
		h, multi, labels := start, 0, 0
		for h < len(rows) && infos[h].values == 0 {
			if n := nonBlankCells(rows[h].Cells); n >= 2 {
				multi++
				labels = n - 1
			}
			h++
		}
		end := h
		for end < len(rows) && infos[end].values > 0 {
			end++
		}
		leftAligned := multi == 1
		want := tableMax
		if leftAligned {
			want = labels
		}
		for r := h; r < end; r++ {
			in := infos[r]
			if in.values == want {
				continue
			}
			var keep []Cell
			if in.label >= 0 {
				keep = append(keep, rows[r].Cells[in.label])
			}
			if !leftAligned {
				for _, c := range rows[r].Cells[in.label+1:] {
					if format.TrimCell(c.Text) != "" {
						keep = append(keep, c)
					}
				}
			}
			rows[r].Cells = keep
		}
		start = end
	}
	return rows
}

// keepWidth protects a table whose rows all have the same number of cells
// (a tool that pads spans with empty cells, as Excel does): when at least
// two rows in three have one width, a row with more or fewer cells gained
// or lost one and keeps only its last text cell (its label), or without
// one its first cell, so that it is reported instead of read shifted.
func keepWidth(rows []Row) []Row {
	count := map[int]int{}
	width, most := 0, 0
	for _, r := range rows {
		count[len(r.Cells)]++
		if n := count[len(r.Cells)]; n > most {
			width, most = len(r.Cells), n
		}
	}
	if 3*most < 2*len(rows) {
		return rows
	}
	for ri := range rows {
		r := &rows[ri]
		if len(r.Cells) == width {
			continue
		}
		keep := r.Cells[:1]
		for c := range r.Cells {
			if t := format.TrimCell(r.Cells[c].Text); t != "" && !isValueText(t) {
				keep = r.Cells[c : c+1]
			}
		}
		r.Cells = keep
	}
	return rows
}

func nonBlankCells(cs []Cell) int {
	n := 0
	for _, c := range cs {
		if format.TrimCell(c.Text) != "" {
			n++
		}
	}
	return n
}

// valueUnit matches a number followed by a unit, as reports write amounts
// ("251000元", "103.3879万元").
var valueUnit = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[+\-]?[0-9]+(?:\.[0-9]+)?\s*(?:` + strings.Join(valueUnits, "|") + `)$`)
})

// valueUnits are the units a cell's number may be written with ("984361元",
// "2笔"), longest first: the cell is a value, which the rules report as
// written with a unit.
var valueUnits = []string{"万元", "人次", "元", "件", "条", "个", "项", "次", "笔"}

// unitAt returns the length of the unit of valueUnits that s starts with,
// or 0.
func unitAt(s string) int {
	for _, u := range valueUnits {
		if strings.HasPrefix(s, u) {
			return len(u)
		}
	}
	return 0
}

// isValueText reports whether the trimmed text t of a cell reads as a value
// rather than a label: a number (signed or decimal, half- or full-width), a
// not-applicable mark, or a number with a unit.
func isValueText(t string) bool {
	if _, c := format.ParseNumber(t, format.Signed); c == format.ClassNumber || c == format.ClassNA {
		return true
	}
	if _, c := format.ParseNumber(t, format.Money); c == format.ClassNumber {
		return true
	}
	if len(t) <= 4*16 && format.HasDigit(t) && utf8.RuneCountInString(t) <= 16 && valueUnit().MatchString(width.Narrow.String(t)) {
		return true
	}
	return false
}
