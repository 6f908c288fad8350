package parser

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nianbao/nianbao/format"
)

// This file reads the layouts that write one table cell per line and no
// row marks: docx2txt and LibreOffice's Text export (layouts 5 and 6, where
// an empty cell is an empty line) and text copied from a web page (layout
// 7, where an empty cell leaves no trace).
//
// Such a text says where a cell ends but not where a row does. Data rows
// are found from the text itself: a row is its label lines followed by its
// value lines. Header rows cannot be found that way, so this reader knows
// the header labels of the national format (flatTree and flatColumns below,
// taken from package format), and only
// them: it uses them to tell a table's header from the text around it, to
// put the header cells in the rows the format has, to join a header cell
// written over two lines ("商业" "企业"), and to know how many values a data
// row of the table has. It never decides what a row or a column means; the
// schema maps the rebuilt table by its labels as it maps a .docx table, and
// rejects a header it cannot read.

// hdrKind says what part a header label plays in the table.
type hdrKind uint8

const (
	hNone    hdrKind = iota
	hCaption         // "第二十条第（一）项": a row of its own (table 二)
	hItem            // "信息内容": starts the header row of a table 二 block
	hColumn          // a column label of table 二
	hCorner          // the corner note of table 三
	hTree            // a label of the column tree of tables 三 and 四
)

// hdrLabel describes a header label: for tree labels, the header rows
// (bit r for row r) where the format puts it and whether it groups other
// columns.
type hdrLabel struct {
	kind  hdrKind
	rows  uint8
	group bool
}

// flatTree holds the column labels of tables 三 and 四, normalised, with
// the header rows where the format puts them: a label's depth in the
// column tree of format.T3Header or format.T4Header (a label such as 总计
// sits at several depths). Never modified.
var flatTree = sync.OnceValue(func() map[string]hdrLabel {
	m := map[string]hdrLabel{}
	for _, tree := range [][]format.HeaderNode{format.T3Header, format.T4Header} {
		byKey := map[string]format.HeaderNode{}
		child := map[string]bool{}
		for _, h := range tree {
			byKey[h.Key] = h
			for _, c := range h.Children {
				child[c] = true
			}
		}
		var visit func(h format.HeaderNode, depth int)
		visit = func(h format.HeaderNode, depth int) {
			for _, c := range h.Core {
				l := m[c]
				l.kind, l.group = hTree, len(h.Children) > 0
				l.rows |= 1 << depth
				m[c] = l
			}
			for _, c := range h.Children {
				visit(byKey[c], depth+1)
			}
		}
		for _, h := range tree {
			if !child[h.Key] {
				visit(h, 0)
			}
		}
	}
	return m
})

// flatColumns holds the column labels of table 二 (both versions),
// normalised; a label matches one of them exactly or followed by a unit in
// brackets ("采购总金额（万元）"). Never modified.
var flatColumns = sync.OnceValue(func() []string {
	var cols []string
	for _, c := range format.T2Cols {
		cols = append(cols, c.Core[0])
	}
	return cols
})

// flatColumnRunes holds flatColumns as characters, for format.MisprintRunes.
var flatColumnRunes = sync.OnceValue(func() [][]rune {
	var cols [][]rune
	for _, c := range flatColumns() {
		cols = append(cols, []rune(c))
	}
	return cols
})

// maxLabelLen bounds the text lookupHeader considers, in bytes: every label
// it knows is under a hundred characters, even spaced out.
const maxLabelLen = 1024

// bracketed matches a unit in brackets after a column label, normalised.
var bracketed = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\([^()]{1,16}\)$`) })

// lookupHeader classifies the text of a line as a header label.
func lookupHeader(text string) hdrLabel {
	if len(text) > maxLabelLen {
		return hdrLabel{} // a paragraph, not a label: do not normalise it
	}
	n := format.NormalizeLabel(text)
	switch {
	case n == "":
		return hdrLabel{}
	case strings.HasPrefix(n, format.T2CaptionCore) && utf8.RuneCountInString(n) <= 16:
		return hdrLabel{kind: hCaption}
	case n == format.T2ItemLabelCore:
		return hdrLabel{kind: hItem}
	case strings.Contains(n, format.T3CornerMarker) && utf8.RuneCountInString(n) <= 60:
		return hdrLabel{kind: hCorner}
	}
	if h, ok := flatTree()[n]; ok {
		return h
	}
	for _, c := range flatColumns() {
		if rest, ok := strings.CutPrefix(n, c); ok && (rest == "" || bracketed().MatchString(rest)) {
			return hdrLabel{kind: hColumn}
		}
	}
	// A column label with a misprint ("本年废纸件数", "现行有效件"), as the
	// schema takes it (format.Misprint): the schema names the column.
	var buf [64]rune
	label := format.AppendRunes(buf[:0], n)
	for _, c := range flatColumnRunes() {
		if _, ok := format.MisprintRunes(label, c); ok {
			return hdrLabel{kind: hColumn}
		}
	}
	return hdrLabel{}
}

// startsTable reports whether a header label can be the first cell of a
// table.
func (h hdrLabel) startsTable() bool {
	switch h.kind {
	case hCaption, hItem, hCorner:
		return true
	case hTree:
		return h.rows&1 != 0
	}
	return false
}

// maxJoin is how many label lines a data row may have.
const maxJoin = 4

// maxHeaderParts is how many lines a header cell may be written over
// ("法 律 服 务" / "机构" cut at the spaces is five).
const maxHeaderParts = 6

// flat reads one table in a one-cell-per-line layout.
type flat struct {
	s          *textScanner
	blankCells bool // empty lines are empty cells (layouts 5, 6)
	stream     bool // the lines are the cells of a stream (stream.go)
}

// maxExtraSlots bounds how many values or empty cells past the n of a
// row are looked at in a stream.
const maxExtraSlots = 64

// headerAt reads the header label at line j, joining it with the lines
// after it when the label is written over several. It returns the label,
// its text, the line after it and whether the line holds a header label.
func (f *flat) headerAt(j int) (hdrLabel, string, int, bool) {
	lines := f.s.lines
	if j >= len(lines) || isBlank(lines[j].text) {
		return hdrLabel{}, "", j, false
	}
	// A label of the column tree or of table 二 may be written over
	// lines; the longest label wins ("其他" "结果" is 其他结果, not 其他).
	if !enumerator().MatchString(lines[j].text) && !f.isValue(j) {
		var parts []string
		size := 0
		// A "/" between two parts is part of the label ("本年增" "/" "减"):
		// some converters write it as a string of its own.
		for k := j; k < len(lines) && k < j+maxHeaderParts && !isBlank(lines[k].text) && (!f.isValue(k) || k > j && strings.TrimSpace(lines[k].text) == "/"); k++ {
			if k > j && enumerator().MatchString(lines[k].text) {
				break
			}
			if size += len(lines[k].text); size > maxLabelLen {
				break // no label is that long: the lines are text
			}
			parts = append(parts, strings.TrimSpace(lines[k].text))
		}
		for m := len(parts); m >= 2; m-- {
			joined := strings.Join(parts[:m], "")
			if h := lookupHeader(joined); h.kind == hTree || h.kind == hColumn || h.kind == hItem || h.kind == hCorner && closesNote(joined) && !closesNote(parts[0]) {
				return h, strings.Join(parts[:m], "\n"), j + m, true
			}
		}
	}
	if h := lookupHeader(lines[j].text); h.kind != hNone {
		return h, strings.TrimSpace(lines[j].text), j + 1, true
	}
	return hdrLabel{}, "", j, false
}

// closesNote reports whether t ends with a closing bracket, as the corner
// note of table 三 does: a note written over lines is joined up to its end.
func closesNote(t string) bool {
	return strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")")
}

// maxValueBytes bounds the text of a value: longer text is not one.
const maxValueBytes = 256

func (f *flat) isValue(j int) bool {
	if len(f.s.lines[j].text) > maxValueBytes {
		return false
	}
	t := format.TrimCell(f.s.lines[j].text)
	return t != "" && (isValueText(t) || f.s.lines[j].glued && strings.Trim(strings.TrimRight(t, "元"), "0123456789") == "")
}

// isText reports whether line j is a label line: not blank, not a value,
// not overly long.
func (f *flat) isText(j int) bool {
	if len(f.s.lines[j].text) > 4*80 {
		return false // more than 80 characters
	}
	t := format.TrimCell(f.s.lines[j].text)
	return t != "" && !isValueText(t) && utf8.RuneCountInString(t) <= 80
}

// nextNonBlank returns the index of the first line from j that is not
// blank, or len(lines).
func (f *flat) nextNonBlank(j int) int {
	for j < len(f.s.lines) && isBlank(f.s.lines[j].text) {
		j++
	}
	return j
}

// readFlatTable reads a table written one cell per line. It starts at a
// header label that can open a table (see startsTable) and must have at
// least one data row.
func readFlatTable(s *textScanner, i int) ([]Row, int, bool) {
	if strings.Contains(s.lines[i].text, "\t") {
		return nil, i, false
	}
	if h, _, _, ok := (&flat{s: s}).headerAt(i); !ok || !h.startsTable() {
		return nil, i, false
	}
	if src, ok := spacedCells(s, i); ok {
		rows, next, ok := readWindowed(s, src)
		if !ok {
			return nil, i, false
		}
		return rows, next, true
	}
	return readFlat(s, i, detectBlanks)
}

// blankMode says how a one-cell-per-line table writes an empty cell.
type blankMode uint8

const (
	detectBlanks   blankMode = iota // decide from the table (detectBlankCells)
	blanksAreCells                  // an empty line is an empty cell
	noBlankCells                    // an empty cell leaves no trace
)

// readFlat reads a table written one cell per line from line i, with
// empty cells written as mode says.
func readFlat(s *textScanner, i int, mode blankMode) ([]Row, int, bool) {
	f := &flat{s: s}
	h, _, _, ok := f.headerAt(i)
	if !ok || !h.startsTable() {
		return nil, i, false
	}
	switch mode {
	case detectBlanks:
		// The parts of a run-together line have no empty lines.
		f.blankCells = !s.lines[i].glued && f.detectBlankCells(i)
	case blanksAreCells:
		f.blankCells, f.stream = true, true
	case noBlankCells:
		f.stream = true
	}
	var (
		rows     []Row
		itemMode bool // the table has table 二 blocks
		n        int  // values in a data row of the current block
		data     int  // data rows read
	)
	j := i
	for j < len(s.lines) {
		if err := s.tick(); err != nil {
			return nil, i, false
		}
		k := f.nextNonBlank(j)
		if k >= len(s.lines) {
			break
		}
		if h, _, _, ok := f.headerAt(k); ok && h.startsTable() {
			item := h.kind == hCaption || h.kind == hItem
			if data > 0 && !(itemMode && item) {
				break // another table starts
			}
			hrows, next, hn, hItemMode := f.readHeader(k)
			rows = append(rows, hrows...)
			for _, r := range hrows {
				s.grow(len(r.Cells))
			}
			if s.err != nil {
				break
			}
			itemMode = itemMode || hItemMode
			if hn > 0 || !hItemMode {
				n = hn
			}
			j = next
			continue
		}
		if n == 0 {
			break
		}
		noLabel := data == 0 && !itemMode
		row, next, ok := f.readDataRow(j, n, itemMode, noLabel)
		if !ok {
			break
		}
		rows = append(rows, row)
		data++
		j = next
		if !s.grow(len(row.Cells)) {
			break
		}
		if t := format.TrimCell(row.Cells[0].Text); noLabel && (t == "" || isValueText(t)) {
			break // a row without label (table 四) is the table's only row
		}
	}
	if data == 0 {
		return nil, i, false
	}
	return rows, j, true
}

// detectBlankCells reports whether the table from line i writes empty cells
// as empty lines: some value line is followed, after empty lines, by
// another value line, and some line is followed directly by another (a
// table with a blank line after every cell is read by spacedCells; one
// that only looks so is not read with blank cells).
func (f *flat) detectBlankCells(i int) bool {
	lines := f.s.lines
	sawValue, blank, gap, tight := false, false, false, false
	for j := i; j < len(lines) && j < i+1000; j++ {
		if j > i && !isBlank(lines[j].text) && !isBlank(lines[j-1].text) {
			tight = true
		}
		switch {
		case isBlank(lines[j].text):
			blank = sawValue
		case f.isValue(j):
			gap = gap || blank
			sawValue, blank = true, false
		case len(lines[j].text) > 80 && utf8.RuneCountInString(lines[j].text) > 80:
			return gap && tight
		default:
			sawValue, blank = false, false
		}
		if gap && tight {
			return true
		}
	}
	return false
}

// readHeader reads the header rows starting at line j: a caption row, a
// table 二 header row ("信息内容" and its column labels) or the column
// tree of table 三 or 四, whose labels go to the header row the format
// puts them in. It returns the rows, the line after the header, the number
// of values a data row has under it, and whether it was a table 二 header.
func (f *flat) readHeader(j int) ([]Row, int, int, bool) {
	var (
		rows     []Row
		item     = -1 // index in rows of the table 二 header row
		tree     [3]*Row
		cur      int
		seen     [3]map[string]bool
		leaves   int
		itemMode bool
		columns  int
	)
	cell := func(text string, line int, r *Row) Cell {
		return Cell{Text: text, Span: 1, Pos: Pos{Line: line, Col: len(r.Cells) + 1}}
	}
	for {
		k := f.nextNonBlank(j)
		h, text, next, ok := f.headerAt(k)
		if !ok {
			break
		}
		if (h.kind == hCaption || h.kind == hItem) && tree[0] != nil {
			break
		}
		if (h.kind == hTree || h.kind == hCorner) && itemMode {
			break
		}
		line := f.s.lines[k].no
		switch h.kind {
		case hCaption:
			if len(rows) > 0 && item >= 0 {
				return rows, k, columns, true // the next block's caption
			}
			r := Row{Pos: Pos{Line: line}}
			r.Cells = append(r.Cells, cell(text, line, &r))
			rows = append(rows, r)
			itemMode = true
		case hItem:
			r := Row{Pos: Pos{Line: line}}
			r.Cells = append(r.Cells, cell(text, line, &r))
			rows = append(rows, r)
			item, itemMode, columns = len(rows)-1, true, 0
		case hColumn:
			if item >= 0 {
				r := &rows[item]
				r.Cells = append(r.Cells, cell(text, line, r))
				columns++
				break
			}
			fallthrough
		default: // tree labels and the corner note
			norm := format.NormalizeLabel(text)
			if h.kind == hTree {
				higher := h.rows &^ (1<<(cur+1) - 1)
				if h.rows&(1<<cur) == 0 || (seen[cur][norm] && higher != 0) {
					for r := cur + 1; r < 3; r++ {
						if h.rows&(1<<r) != 0 {
							cur = r
							break
						}
					}
				}
				if !h.group {
					leaves++
				}
			}
			if tree[cur] == nil {
				tree[cur] = &Row{Pos: Pos{Line: line}}
				if seen[cur] == nil {
					seen[cur] = map[string]bool{}
				}
			}
			seen[cur][norm] = true
			tree[cur].Cells = append(tree[cur].Cells, cell(text, line, tree[cur]))
		}
		j = next
	}
	for _, r := range tree {
		if r != nil {
			rows = append(rows, *r)
		}
	}
	if itemMode {
		return rows, j, columns, true
	}
	return rows, j, leaves, false
}

// enumerator matches the numbering that starts a row label: "一、", "（三）",
// "(3)", "1.", "1、".
var enumerator = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[\s\x{3000}]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9０-９]+[)）]|[0-9０-９]+[、.．])`)
})

// readDataRow reads the data row at line j: its label lines, then its n
// values. noLabel allows a row without label (table 四). A label line that
// does not start with an enumerator continues the label line before it.
//
// With blank cells (layouts 5, 6) the n lines after the label are the
// values, empty lines being blank values; a row is only read when all n
// are values or empty. Without (layout 7) the values are the value lines
// that follow; when there are not exactly n of them the row cannot be
// aligned with the columns: under a table 二 header it keeps only its
// label, else its last label and the values found, fewer cells than the
// columns need, so that the schema reports it and no value lands in a
// wrong column.
func (f *flat) readDataRow(j, n int, itemMode, noLabel bool) (Row, int, bool) {
	lines := f.s.lines
	var labels []Cell
	labelGlued := false // the last label is a part of a line of whole tables run together
	k := j
	if noLabel && f.blankCells && f.slotsFrom(j, n) {
		// A row of values only, possibly starting with blank ones.
	} else {
	scan:
		for k < len(lines) {
			switch {
			case isBlank(lines[k].text):
				if f.blankCells && len(labels) > 0 {
					break scan
				}
				k++
				continue
			case f.isValue(k):
				break scan
			case !f.isText(k) || len(labels) >= maxJoin:
				return Row{}, j, false
			}
			if h, _, _, ok := f.headerAt(k); ok && h.startsTable() {
				return Row{}, j, false
			}
			if isTableCaption(lines[k].text) {
				// "表二：主动公开政府信息情况", a converter's caption
				// between rows (a table cut at a page): not a label.
				k++
				continue
			}
			if len(labels) > 0 && lines[k].glued && endsGluedRow(labels[len(labels)-1].Text, lines[k].text) {
				// A row label of the format after another: the row before
				// shows no number at all, as the text of a row whose
				// cells are all empty does. Its cells are blank.
				row := Row{Cells: lastOf(labels), Pos: Pos{Line: labels[len(labels)-1].Pos.Line}}
				row.Cells[0].Pos.Col = 1
				if labelGlued {
					for c := range n {
						row.Cells = append(row.Cells, Cell{Span: 1, Pos: Pos{Line: row.Pos.Line, Col: c + 2}})
					}
				}
				return row, k, true
			}
			if len(labels) > 0 && !enumerator().MatchString(lines[k].text) {
				c := &labels[len(labels)-1]
				c.Text += "\n" + strings.TrimSpace(lines[k].text)
			} else {
				labels = append(labels, Cell{Text: strings.TrimSpace(lines[k].text), Span: 1, Pos: Pos{Line: lines[k].no}})
				labelGlued = lines[k].whole
			}
			k++
		}
	}
	if (len(labels) == 0 && !noLabel) || k >= len(lines) {
		return Row{}, j, false
	}
	var values []Cell
	glued := !f.blankCells // every value is a part of a run-together line
	if f.blankCells {
		// A row is its label and exactly n values or empty cells (empty
		// cells after them are ignored). With more values it is not
		// aligned (a cell split, or a cell too many): it keeps only its
		// label, or without label its first value, so that it is reported,
		// and the rows after it are read. With fewer cells, in a stream
		// (every cell in it) the same; elsewhere the table ends there.
		m, filled := 0, 0
		for ; k+m < len(lines) && m < n+maxExtraSlots && (isBlank(lines[k+m].text) || f.isValue(k+m)); m++ {
			if !isBlank(lines[k+m].text) {
				filled = m + 1
			}
		}
		switch {
		case filled > n || f.stream && m < n:
			var cells []Cell
			if len(labels) > 0 {
				cells = lastOf(labels)
			} else if filled > 0 {
				cells = []Cell{{Text: lines[k].text, Span: 1, Pos: Pos{Line: lines[k].no}}}
			} else {
				return Row{}, j, false
			}
			cells[0].Pos.Col = 1
			return Row{Cells: cells, Pos: Pos{Line: cells[0].Pos.Line}}, k + m, true
		case m < n:
			return Row{}, j, false
		}
		if nb := f.nextNonBlank(k); !f.stream && nb < len(lines) && len(labels) > 0 {
			if h, _, _, ok := f.headerAt(nb); ok && h.startsTable() {
				return Row{}, j, false // a heading before the next table
			}
		}
		for ; len(values) < n; k++ {
			values = append(values, Cell{Text: lines[k].text, Span: 1, Pos: Pos{Line: lines[k].no}})
		}
	} else {
		if !f.isValue(k) {
			return Row{}, j, false
		}
		for ; k < len(lines); k++ {
			if isBlank(lines[k].text) {
				continue
			}
			if !f.isValue(k) {
				break
			}
			values = append(values, Cell{Text: lines[k].text, Span: 1, Pos: Pos{Line: lines[k].no}})
			glued = glued && lines[k].glued
		}
	}
	var row Row
	if glued {
		// Numbers run together: split only where it is forced
		// (glued.go); otherwise the row is not aligned, as below.
		if v, ok := splitForced(values, n); ok {
			values = v
		} else {
			row.Glued = len(values) != n
		}
	}
	switch {
	case len(values) == n:
		row.Cells = append(labels, values...)
	case itemMode || len(values) > n:
		row.Cells = lastOf(labels)
	default:
		row.Cells = append(lastOf(labels), values...)
	}
	if len(row.Cells) == 0 {
		// Too many values and no label: one cell, which no table reads.
		row.Cells = values[:1]
	}
	for c := range row.Cells {
		row.Cells[c].Pos.Col = c + 1
	}
	row.Pos.Line = row.Cells[0].Pos.Line
	return row, k, true
}

// slotsFrom reports whether the n lines from j exist and are all values or
// empty.
func (f *flat) slotsFrom(j, n int) bool {
	if j+n > len(f.s.lines) {
		return false
	}
	for m := j; m < j+n; m++ {
		if !isBlank(f.s.lines[m].text) && !f.isValue(m) {
			return false
		}
	}
	return true
}

func lastOf(cs []Cell) []Cell {
	if len(cs) == 0 {
		return nil
	}
	return []Cell{cs[len(cs)-1]}
}

// isTableCaption reports whether t is a caption such as
// "表二：主动公开政府信息情况" or "表三 收到和处理政府信息公开申请情况".
func isTableCaption(t string) bool {
	t = strings.TrimSpace(t)
	r, n := utf8.DecodeRuneInString(strings.TrimPrefix(t, "表"))
	if !strings.HasPrefix(t, "表") || !strings.ContainsRune("一二三四", r) {
		return false
	}
	rest := strings.TrimSpace(t[len("表")+n:])
	return strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":") || strings.HasSuffix(rest, "情况") && utf8.RuneCountInString(rest) <= 30
}
