package parser

import (
	"context"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Special characters of the main text.
const (
	chCellMark   = 0x07 // end of a cell, or of a row (the TTP paragraph)
	chTab        = 0x09
	chLineBreak  = 0x0B
	chPageBreak  = 0x0C // a page break, or a section mark ending a paragraph
	chParaMark   = 0x0D
	chColBreak   = 0x0E
	chFieldBegin = 0x13
	chFieldSep   = 0x14
	chFieldEnd   = 0x15
	chNBHyphen   = 0x1E
)

// w97Para is one paragraph of the main text as the walker reads it.
type w97Para struct {
	text    string
	term    rune // the mark that ended it: chParaMark, chCellMark, chPageBreak; 0 at the end of the text
	pap     papInfo
	markDel bool // the mark is a tracked deletion
}

// word97Walker reads the main text, character by character in CP order
// through the piece table, into paragraphs with their properties:
//
//   - A paragraph ends at a paragraph mark, a cell mark, or a section mark
//     (0x0C that ends a run of paragraph properties; elsewhere 0x0C is a
//     page break and reads as "\n", as w:br does in a .docx).
//   - Field codes (between 0x13 and 0x14, or 0x15 when the field has no
//     result) are not text; field results are. Fields nest.
//   - Hidden text (sprmCFVanish) and tracked deletions (sprmCFRMarkDel)
//     are not read; tracked insertions are, as the .docx reader reads
//     changes as accepted.
//   - A tab is "\t", a line or column break "\n", a non-breaking hyphen
//     "-"; other control characters (pictures, drawn objects, footnote
//     and comment anchors, optional hyphens) are left out.
//
// Properties come from the FKP run that holds the character's FC and
// from the piece's property modifier when it points into the CLX (Prm1);
// styles are not read, as the .docx reader reads none.
type word97Walker struct {
	lim     Limits
	wd      []byte
	data    []byte // the Data stream; nil when the file has none
	pieces  []piece
	prcs    [][]byte
	papx    *binTable
	chpx    *binTable
	ccpText uint32

	buf    []byte // text of the open paragraph
	total  int    // bytes of text read so far
	fields []bool // open fields, innermost last: true once past the separator
	code   int    // open fields still in their code
	hi     rune   // a high surrogate waiting for its pair

	// The character properties of the last run looked up.
	chpRun   fkpRun
	chpOK    bool
	chpPiece int
	chp      chpInfo
}

// walk reads the main text into paragraphs.
func (w *word97Walker) walk(ctx context.Context) ([]w97Para, error) {
	var paras []w97Para
	w.chpPiece = -1
	steps := 0
	for pi, p := range w.pieces {
		end := min(p.cp1, w.ccpText)
		for cp := p.cp0; cp < end; cp++ {
			if steps++; steps%ctxCheckEvery == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			fc := p.fc + (cp-p.cp0)*p.width()
			var c rune
			if p.compressed {
				c = charmap.Windows1252.DecodeByte(w.wd[fc])
			} else {
				c = rune(binary.LittleEndian.Uint16(w.wd[fc:]))
			}
			chp := w.charProps(pi, fc)
			switch c {
			case chParaMark, chCellMark:
			case chPageBreak:
				if !w.endsParagraph(fc + p.width()) {
					c = chLineBreak
				}
			}
			switch c {
			case chParaMark, chCellMark, chPageBreak:
				pap, err := w.paraProps(pi, fc)
				if err != nil {
					return nil, err
				}
				paras = append(paras, w97Para{text: string(w.buf), term: c, pap: pap, markDel: chp.deleted})
				w.buf, w.hi = w.buf[:0], 0
				continue
			case chFieldBegin:
				if len(w.fields) >= w.lim.MaxDepth {
					return nil, fmt.Errorf("%w: fields nested deeper than %d", ErrTooLarge, w.lim.MaxDepth)
				}
				w.fields = append(w.fields, false)
				w.code++
				continue
			case chFieldSep:
				if n := len(w.fields); n > 0 && !w.fields[n-1] {
					w.fields[n-1] = true
					w.code--
				}
				continue
			case chFieldEnd:
				if n := len(w.fields); n > 0 {
					if !w.fields[n-1] {
						w.code--
					}
					w.fields = w.fields[:n-1]
				}
				continue
			}
			if w.code > 0 || chp.vanish || chp.deleted {
				continue
			}
			if err := w.write(c); err != nil {
				return nil, err
			}
		}
	}
	if len(w.buf) > 0 {
		pap, err := w.paraProps(len(w.pieces)-1, ^uint32(0))
		if err != nil {
			return nil, err
		}
		paras = append(paras, w97Para{text: string(w.buf), pap: pap})
	}
	return paras, nil
}

// write appends the character c of the text to the open paragraph.
func (w *word97Walker) write(c rune) error {
	switch {
	case c >= 0xD800 && c < 0xDC00:
		w.hi = c
		return nil
	case c >= 0xDC00 && c < 0xE000:
		if w.hi == 0 {
			return nil
		}
		c = 0x10000 + (w.hi-0xD800)<<10 + (c - 0xDC00)
	}
	w.hi = 0
	switch c {
	case chTab:
		c = '\t'
	case chLineBreak, chColBreak:
		c = '\n'
	case chNBHyphen:
		c = '-'
	default:
		if c < 0x20 {
			return nil
		}
	}
	n := len(w.buf)
	w.buf = utf8.AppendRune(w.buf, c)
	if w.total += len(w.buf) - n; int64(w.total) > w.lim.MaxInflatedBytes {
		return fmt.Errorf("%w: text larger than %d bytes", ErrTooLarge, w.lim.MaxInflatedBytes)
	}
	return nil
}

// prm returns the property modifiers that the piece pi points to in the
// CLX, or nil. (A Prm0, one sprm coded in the descriptor itself, holds
// no property the reader reads.)
func (w *word97Walker) prm(pi int) []byte {
	if pi < 0 || pi >= len(w.pieces) {
		return nil
	}
	if prm := w.pieces[pi].prm; prm&1 != 0 && int(prm>>1) < len(w.prcs) {
		return w.prcs[prm>>1]
	}
	return nil
}

// charProps returns the character properties of the character at fc in
// piece pi.
func (w *word97Walker) charProps(pi int, fc uint32) chpInfo {
	if w.chpOK && pi == w.chpPiece && w.chpRun.fc0 <= fc && fc < w.chpRun.fc1 {
		return w.chp
	}
	var c chpInfo
	run, ok := w.chpx.lookup(fc)
	if ok {
		c.apply(run.grpprl)
	}
	c.apply(w.prm(pi))
	w.chpRun, w.chpOK, w.chpPiece, w.chp = run, ok, pi, c
	return c
}

// paraProps returns the properties of the paragraph whose mark is at fc
// in piece pi.
func (w *word97Walker) paraProps(pi int, fc uint32) (papInfo, error) {
	var p papInfo
	if run, ok := w.papx.lookup(fc); ok {
		p.apply(run.grpprl, w.data)
	}
	p.apply(w.prm(pi), w.data)
	if p.itap > w.lim.MaxDepth {
		return p, fmt.Errorf("%w: tables nested deeper than %d", ErrTooLarge, w.lim.MaxDepth)
	}
	return p, nil
}

// endsParagraph reports whether a run of paragraph properties ends at fc:
// a 0x0C before it is a section mark, not a page break.
func (w *word97Walker) endsParagraph(fc uint32) bool {
	run, ok := w.papx.lookup(fc - 1)
	return ok && run.fc1 == fc
}

// word97Builder turns the walker's paragraphs into a Document, the way the
// .docx reader builds one:
//
//   - Paragraphs at table depth 0 are body paragraphs; blank ones are
//     dropped, and one whose mark is a tracked deletion runs on into the
//     next.
//   - At depth 1 a paragraph ending in a cell mark ends a cell, the TTP
//     paragraph ends a row, and other paragraphs are more lines of the
//     open cell. Paragraphs of nested tables (depth 2 and more) are lines
//     of the enclosing cell, as the .docx reader flattens nested tables.
//   - A tab inside a cell is a space. A row whose end mark is a tracked
//     deletion is dropped; a row or table without cells is dropped.
//   - A layout table is read through, as the .docx reader reads it (see
//     tableShape.isLayout): a table that holds another table and is one
//     cell wide or holds a table of the report. Its paragraphs become body
//     paragraphs and the tables in it top-level tables.
//   - Spans come from the row definitions: the cell edges of every row of
//     a table make its grid (as Word's own column grid is made), a cell
//     spans the grid columns between its edges, a cell merged into the one
//     before it (fMerged) widens that cell, and a cell continuing a
//     vertical merge is Merged with empty text. Cell.Pos.Col is the grid
//     column where the cell starts.
type word97Builder struct {
	path  string
	lim   Limits
	doc   *Document
	cells int // every cell end seen, nested ones included

	carry  []byte // text of body paragraphs whose marks are deleted
	paraNo int

	table    *Table
	tableNo  int
	rows     []w97Row
	open     []string // lines of the open cell
	cellOpen bool
	rowCells []string
}

// w97Row is a row of the open table: its cells' text and definition.
type w97Row struct {
	cells []string
	def   *rowDef
}

func (b *word97Builder) build(paras []w97Para) error {
	readThroughLayouts(paras)
	for _, p := range paras {
		d := p.pap.depth()
		if d == 0 {
			b.endTable()
			b.bodyPara(p)
			continue
		}
		if b.table == nil {
			b.startTable()
		}
		switch {
		case d == 1 && p.pap.ttp:
			if err := b.endCell(false); err != nil {
				return err
			}
			b.endRow(p.pap.row, p.markDel)
		case d == 1:
			b.line(p.text)
			if p.term == chCellMark {
				if err := b.endCell(true); err != nil {
					return err
				}
			}
		default:
			if p.pap.innerTtp {
				continue
			}
			b.line(p.text)
			if p.pap.innerCell {
				if err := b.count(); err != nil {
					return err
				}
			}
		}
	}
	b.endTable()
	if len(b.carry) > 0 {
		b.emit("")
	}
	return nil
}

func (b *word97Builder) bodyPara(p w97Para) {
	if p.markDel && p.term == chParaMark {
		b.carry = append(b.carry, p.text...)
		return
	}
	b.emit(p.text)
}

// emit keeps a body paragraph unless it is blank.
func (b *word97Builder) emit(text string) {
	if len(b.carry) > 0 {
		text = string(append(b.carry, text...))
		b.carry = b.carry[:0]
	}
	if strings.TrimSpace(text) == "" {
		return
	}
	b.paraNo++
	b.doc.Blocks = append(b.doc.Blocks, Block{Para: &Paragraph{Text: text, Pos: Pos{File: b.path, Para: b.paraNo}}})
}

func (b *word97Builder) startTable() {
	if len(b.carry) > 0 {
		b.emit("")
	}
	b.tableNo++
	b.table = &Table{Index: b.tableNo, Pos: Pos{File: b.path, Table: b.tableNo}}
	b.rows = b.rows[:0]
}

// line adds a paragraph to the open cell.
func (b *word97Builder) line(text string) {
	b.open = append(b.open, strings.ReplaceAll(text, "\t", " "))
	b.cellOpen = true
}

func (b *word97Builder) count() error {
	b.cells++
	if b.cells > b.lim.MaxCells {
		return fmt.Errorf("%w: more than %d table cells", ErrTooLarge, b.lim.MaxCells)
	}
	return nil
}

// endCell closes the open cell; marked says a cell mark closed it, else
// the open cell is closed only if it has text (a row end or the end of
// the table came before its mark).
func (b *word97Builder) endCell(marked bool) error {
	if !marked && !b.cellOpen {
		return nil
	}
	if err := b.count(); err != nil {
		return err
	}
	b.rowCells = append(b.rowCells, strings.Join(b.open, "\n"))
	b.open, b.cellOpen = b.open[:0], false
	return nil
}

func (b *word97Builder) endRow(def *rowDef, deleted bool) {
	cells := b.rowCells
	b.rowCells = nil
	if deleted || len(cells) == 0 {
		return
	}
	b.rows = append(b.rows, w97Row{cells: cells, def: def})
}

// endTable closes the open table, placing its cells on the grid of its
// rows' cell edges.
func (b *word97Builder) endTable() {
	if b.table == nil {
		return
	}
	_ = b.endCell(false) // counted when the cell was opened
	b.endRow(nil, false)
	t := b.table
	b.table = nil
	if len(b.rows) == 0 {
		b.tableNo--
		return
	}
	grid := tableGrid(b.rows)
	t.Rows = make([]Row, 0, len(b.rows))
	for _, r := range b.rows {
		rowNo := len(t.Rows) + 1
		row := Row{Pos: Pos{File: b.path, Table: t.Index, Row: rowNo}, Cells: make([]Cell, 0, len(r.cells))}
		col := 0 // 0-based grid column after the last cell
		for i, text := range r.cells {
			span, at := 1, col
			var flags uint16
			if r.def != nil && i < len(r.def.flags) {
				flags = r.def.flags[i]
				at = gridIndex(grid, r.def.edges[i])
				span = max(1, gridIndex(grid, r.def.edges[i+1])-at)
				if at < col {
					at = col
				}
			}
			if flags&tcMerged != 0 && flags&tcFirstMerged == 0 && len(row.Cells) > 0 {
				row.Cells[len(row.Cells)-1].Span += span
				col = at + span
				continue
			}
			c := Cell{Text: text, Span: span, Pos: Pos{File: b.path, Table: t.Index, Row: rowNo, Col: at + 1}}
			if flags&tcVertMerge != 0 && flags&tcVertRestart == 0 {
				c.Merged, c.Text = true, ""
			}
			row.Cells = append(row.Cells, c)
			col = at + span
		}
		t.Rows = append(t.Rows, row)
	}
	b.doc.Blocks = append(b.doc.Blocks, Block{Table: t})
}

// gridSnap is how close (in twips, 1/1440 inch) two cell edges may be and
// still be one grid line: writers round widths differently row by row.
const gridSnap = 150

// tableGrid returns the grid lines of a table: the distinct cell edges of
// its rows, sorted, edges closer than gridSnap taken as one.
func tableGrid(rows []w97Row) []int {
	var edges []int
	for _, r := range rows {
		if r.def != nil {
			edges = append(edges, r.def.edges...)
		}
	}
	sort.Ints(edges)
	var grid []int
	for _, e := range edges {
		if len(grid) == 0 || e-grid[len(grid)-1] > gridSnap {
			grid = append(grid, e)
		}
	}
	return grid
}

// gridIndex returns the index of the grid line nearest to the edge e.
func gridIndex(grid []int, e int) int {
	i := sort.SearchInts(grid, e)
	if i > 0 && (i == len(grid) || e-grid[i-1] <= grid[i]-e) {
		i--
	}
	return i
}

// readThroughLayouts finds the layout tables among the top-level tables of
// paras and lifts their contents one level: paragraphs of their cells
// become body paragraphs, their own cell and row marks go, and the tables
// nested in them become top-level tables, whose cell and row marks
// (sprmPFInnerTableCell, sprmPFInnerTtp) become the marks of depth 1.
func readThroughLayouts(paras []w97Para) {
	for i := 0; i < len(paras); {
		if paras[i].pap.depth() == 0 {
			i++
			continue
		}
		j := i
		var shape tableShape
		cells := 0
		for ; j < len(paras) && paras[j].pap.depth() > 0; j++ {
			p := &paras[j]
			switch {
			case p.pap.depth() > 1:
				shape.nested = true
				for _, m := range reportMarks {
					if strings.Contains(p.text, string(m)) {
						shape.report = true
					}
				}
			case p.pap.ttp:
				cells = 0
			case p.term == chCellMark:
				cells++
				shape.maxCells = max(shape.maxCells, cells)
			}
		}
		if shape.isLayout() {
			for k := i; k < j; k++ {
				liftParagraph(&paras[k])
			}
		}
		i = j
	}
}

// liftParagraph moves a paragraph of a layout table one level up.
func liftParagraph(p *w97Para) {
	d := p.pap.depth()
	switch {
	case d == 1:
		if p.pap.ttp {
			p.text = "" // a row end: no text, and a blank paragraph is dropped
		}
		p.pap, p.term, p.markDel = papInfo{}, chParaMark, false
	case d == 2:
		switch {
		case p.pap.innerTtp:
			p.term, p.pap.ttp = chCellMark, true
		case p.pap.innerCell:
			p.term = chCellMark
		default:
			p.term = chParaMark
		}
		p.pap.itap, p.pap.inTable, p.pap.innerCell, p.pap.innerTtp = 1, true, false, false
	default:
		p.pap.itap = d - 1
	}
}
