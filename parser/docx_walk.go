package parser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/nianbao/nianbao/format"
)

// frameKind says what an open element means to the walker.
type frameKind uint8

const (
	kOther       frameKind = iota
	kSkip                  // root of a subtree that is not read
	kPara                  // w:p; flag: its paragraph mark is deleted
	kRun                   // w:r; flag: hidden (w:vanish)
	kText                  // w:t whose character data is read
	kTable                 // a top-level w:tbl
	kNestedTable           // a w:tbl inside a cell or a text box
	kLayoutTable           // a w:tbl read through: its cells' contents are body blocks
	kRow                   // w:tr of the top-level table
	kCell                  // w:tc of the top-level table
	kAlt                   // mc:AlternateContent; flag: a branch was taken
	kSdt                   // w:sdt; flag: showing placeholder text
	kPlaceholder           // w:sdtContent of an sdt showing its placeholder
)

// frame is an open element. Its name is kept in the walker's names
// arena, not in the scanner's window, which moves on; the frame holds
// offsets into the arena rather than slices, so that the stack has no
// pointers for the garbage collector to follow or for writes to announce.
type frame struct {
	at, local, end uint32 // the qualified name is names[at:end], its local part names[local:end]
	kind           frameKind
	flag           bool
}

// is reports whether the name b equals s, without allocating.
func is(b []byte, s string) bool { return string(b) == s }

// qname and lname return the qualified and the local name of f.
func (w *docxWalker) qname(f *frame) []byte { return w.names[f.at:f.end] }
func (w *docxWalker) lname(f *frame) []byte { return w.names[f.local:f.end] }

// frameOf returns the frame of the start tag s is at, its name copied to
// the names arena. The arena is cut back when the frame is popped (see
// pop); a frame that is never pushed (an empty element) leaves its name
// there until the next pop, which is harmless: the arena holds at most the
// names of the open elements and of one empty element per level.
func (w *docxWalker) frameOf(s *xmlScanner) frame {
	at := len(w.names)
	w.names = append(w.names, s.buf[s.nameAt:s.nameEnd]...)
	return frame{at: uint32(at), local: uint32(at + s.local - s.nameAt), end: uint32(len(w.names))}
}

// pop removes the top frame and its name.
func (w *docxWalker) pop() frame {
	f := w.stack[len(w.stack)-1]
	w.stack = w.stack[:len(w.stack)-1]
	w.names = w.names[:f.at]
	return f
}

// docxWalker turns the token stream of a main document part into Blocks.
//
// Elements are recognised by local name only, so Transitional and Strict
// OOXML namespaces read alike. The choices it makes:
//
//   - Text comes from w:t and w:tab, w:ptab, w:br, w:cr, w:sym,
//     w:noBreakHyphen inside a run. A tab is "\t" in body paragraphs and a
//     space inside table cells, where a tab would read like a cell
//     separator in the .txt layout. Breaks are "\n".
//   - Field codes (w:instrText) are not text; field results are.
//   - Tracked changes read as accepted: w:ins and w:moveTo are read,
//     w:del and w:moveFrom are not, a row marked deleted is dropped, and a
//     paragraph whose mark is deleted runs on into the next one.
//   - A run with w:vanish in its own properties is hidden and not read.
//     Hidden text set through a style is read (styles are not parsed).
//   - w:sdt, w:customXml, w:smartTag, w:hyperlink, w:fldSimple, w:dir and
//     w:bdo are transparent at every level (around rows, cells, runs and
//     paragraphs). A content control still showing its placeholder
//     ("click here to enter text") keeps its structure but reads as empty.
//   - mc:AlternateContent is read once: the first mc:Choice, else the
//     mc:Fallback. The Choice is what a current Word displays, and Word
//     writes the same text into both, so reading either avoids doubling
//     text-box contents.
//   - Only top-level tables become Tables. A table nested in a cell, or in
//     a text box, is flattened into the enclosing cell or paragraph: each
//     of its paragraphs becomes one more "\n"-separated line. The schema
//     never needs nested tables as tables, and no text is lost.
//   - A layout table is read through: a table that holds another table
//     and is one cell wide or holds a table of the report (one with
//     第二十条, 自然人 or 行政复议 in it), as a Word web export or a .docx
//     made from a web page wraps the whole report (headings, paragraphs and
//     the three tables) in a cell of an outer table, maybe beside a menu. Its paragraphs become body paragraphs
//     and the tables in it top-level tables, as a browser shows them and
//     as the HTML reader reads such a page. The walker cannot know a
//     layout table before its end, so a document that has one is walked
//     twice: the first walk finds the layout tables, the second reads
//     through them (see layoutWalk).
//   - Text-box paragraphs inside a paragraph are appended to it after a
//     "\n".
//   - A cell continuing a vertical merge (w:vMerge without w:val="restart")
//     is a Cell with Merged set and empty Text, like the .txt reader's
//     empty continuation cells. A w:gridSpan cell is one Cell with Span.
//     w:gridBefore shifts the grid column of the row's first cell and
//     w:gridAfter is ignored; neither makes cells. A legacy w:hMerge
//     continuation widens the cell before it instead of making a cell.
//   - Cell.Pos.Col is the 1-based grid column where the cell starts.
//     Paragraph.Pos.Para numbers the emitted body paragraphs (those not
//     blank after trimming), as the .txt reader does, so it equals the
//     paragraph's index in Document.Paragraphs plus one.
//
// The model is built in scratch indexed by position (all text in one
// arena; all cells and all rows each in fixed blocks of compact records,
// which grow without copying; tables and paragraphs each in one slice) and
// copied out once at the end (see finish), so that a document costs a
// handful of allocations however many cells it has, and a large one at
// most its cells and text twice, briefly. The part itself is never held:
// it is read through the scanner's window (walkFrom). Walkers and their
// scratch are reused between parses.
type docxWalker struct {
	path string
	lim  Limits
	doc  *Document
	s    xmlScanner

	stack       []frame
	names       []byte // names of the open elements (see frameOf)
	elements    int    // elements read, for the elements limit
	zero        frame  // what top and up return beyond the stack
	skip        int    // stack depth of the skipped subtree's root; 0 when reading
	placeholder int    // open placeholder sdtContent elements
	rootSeen    bool
	cellCount   int // every w:tc seen, nested ones included
	rowCount    int // every w:tr seen, nested ones included

	// The model under construction. text holds the text of every
	// paragraph and cell kept so far; the *Text slices say which part is
	// whose, and rowCells and tableRows which cells and rows belong to a
	// row and a table.
	text      []byte
	paras     []Paragraph
	paraText  []span
	cells     chunks[cellRec]
	rows      chunks[rowRec]
	tables    []Table
	tableRows []span
	blocks    []blockRef

	paraNo    int
	paraDepth int  // open w:p elements, wherever they are
	paraStart int  // start in text of the open body paragraph
	carry     bool // the last body paragraph's mark was deleted

	tableNo   int
	tableOpen bool
	tableRow0 int // index in rows of the open table's first row
	nested    int // open nested tables

	// Layout tables. tblSeen numbers every w:tbl start in document order,
	// nested ones included, the same in both walks; shapes holds the shape
	// of each open table; layouts collects the numbers of the layout
	// tables the walk finds, and unwrap those the walk reads through.
	tblSeen  int
	shapes   []tableShape
	layouts  []int
	unwrap   []int
	rowOpen  bool
	rowDel   bool
	rowNo    int // 1-based number of the open row among the table's kept rows
	rowCell0 int // index in cells of the open row's first cell
	rowText0 int // length of text when the open row started
	gridCol  int // 0-based grid column of the next cell

	cellOpen  bool
	cellStart int // start in text of the open cell
	cellParas int
	cellSep   bool // a "\n" is due before the cell's next paragraph
	cellCol   int
	cellSpan  int
	cellMerge bool // vMerge continuation
	cellHCont bool // hMerge continuation

	replay replayCache // properties bodies skipped when seen again (see docx_replay.go)
}

// tableShape is what the walker notes of an open table to tell a layout
// table: how many cells its widest row has, whether it holds a table and
// whether one of those is a table of the report.
type tableShape struct {
	n        int // number in tblSeen
	textAt   int // length of text when the table started
	rowCells int // cells of the open row so far
	maxCells int // cells of its widest row
	nested   bool
	report   bool
}

// isLayout reports whether a table of this shape is a layout table: it
// holds another table, and is one cell wide (a frame) or holds a table of
// the report (a page of menu and article).
func (t tableShape) isLayout() bool { return t.nested && (t.maxCells <= 1 || t.report) }

// reportMarks are words that only the report's tables have in a cell of
// their own; a table whose text has one is taken for a report table.
var reportMarks = [][]byte{[]byte(format.T2CaptionCore), []byte(format.MarkT3Column), []byte(format.MarkT4Review)}

// span is a range [from, to) of indexes.
type span struct{ from, to int }

// cellRec is a Cell of the model under construction: its text in the
// walker's text, and its Span, Merged and Pos without the path, which
// every cell shares. It takes a third of a Cell's room.
type cellRec struct {
	text                  span
	span, table, row, col int32
	merged                bool
}

// rowRec is a Row of the model under construction: its cells in the
// walker's cells.
type rowRec struct {
	cells      span
	table, row int32
}

// blockRef is a Block of the model under construction: the index of a
// paragraph or a table.
type blockRef struct {
	table bool
	i     int
}

// init prepares w, fresh or reused, for a parse, keeping the capacity of
// its scratch slices.
func (w *docxWalker) init(path string, lim Limits, doc *Document) {
	*w = docxWalker{
		path: path, lim: lim, doc: doc,
		stack:     w.stack[:0],
		names:     w.names[:0],
		text:      w.text[:0],
		paras:     w.paras[:0],
		paraText:  w.paraText[:0],
		cells:     w.cells,
		rows:      w.rows,
		tables:    w.tables[:0],
		tableRows: w.tableRows[:0],
		blocks:    w.blocks[:0],
		shapes:    w.shapes[:0],
		layouts:   w.layouts[:0],
		replay:    replayCache{sets: w.replay.sets},
	}
	w.cells.reset(len(w.cells.blocks))
	w.rows.reset(len(w.rows.blocks))
}

// release returns w to the pool, dropping what it must not keep: the
// document, the part, and scratch grown large by a large document.
func (w *docxWalker) release() {
	if cap(w.text) > maxPooledScratch || cap(w.stack) > 4096 || cap(w.names) > 64<<10 {
		*w = docxWalker{}
	} else {
		w.init("", Limits{}, nil)
		w.cells.reset(maxPooledScratch / 64 / chunkLen)
		w.rows.reset(maxPooledScratch / 64 / chunkLen)
	}
	walkers.Put(w)
}

// walk reads the part data to its end and fills w.doc (see walkFrom).
func (w *docxWalker) walk(ctx context.Context, data []byte) error {
	data, err := toUTF8(data)
	if err != nil {
		return err
	}
	w.s.reset(data)
	return w.scanAll(ctx)
}

// walkFrom reads the part r returns to its end through window and fills
// w.doc. It fails with ErrCorrupt on any syntax error, a mismatched end
// tag or a part that ends with elements open, and with ErrTooLarge beyond
// MaxDepth, MaxCells, MaxRows, MaxTables, the elements limit (see
// docxMaxElements) or a token longer than MaxLineBytes.
func (w *docxWalker) walkFrom(ctx context.Context, r io.Reader, window []byte) error {
	maxTok := max(w.lim.MaxLineBytes, cap(window))
	s := &w.s
	s.resetReader(r, window, maxTok)
	// A part in UTF-16 (with BOM, which OPC requires for it) is decoded to
	// UTF-8 on its way into the window.
	for len(s.buf) < 2 && !s.eof {
		if err := s.fill(); err != nil {
			return corrupt(err)
		}
	}
	if hasUTF16BOM(s.buf) {
		head := bytes.NewReader(slices.Clone(s.buf))
		s.resetReader(utf16Reader(io.MultiReader(head, r)), window, maxTok)
	}
	return w.scanAll(ctx)
}

// scanAll walks the tokens of w.s to the end of the part.
func (w *docxWalker) scanAll(ctx context.Context) error {
	s := &w.s
	maxElems := docxMaxElements(w.lim)
	for n := 1; ; n++ {
		if n%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		// What s.next does, without a call per token when the token
		// lies in the window.
		var skip bool
		var err error
		if s.pos < len(s.buf) {
			if skip, err = s.scan(s.buf[s.pos:]); err == errShort && !s.eof {
				skip, err = s.step()
			}
		} else {
			skip, err = s.step()
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			if err == errShort {
				err = s.syntax(len(s.buf), "unexpected EOF")
			}
			return corrupt(err)
		}
		if skip {
			continue
		}
		s.any = true
		switch s.kind {
		case tokStart:
			if w.elements++; w.elements > maxElems {
				return limitErr(LimitElements, maxElems)
			}
			// Fast path for the elements that mean nothing to the walker
			// (most of them: formatting properties); start does the same
			// for them, more slowly.
			if local := s.buf[s.local:s.nameEnd]; w.rootSeen && !mayMatter(local) && len(w.stack) < w.lim.MaxDepth {
				if w.replay.on {
					w.replay.note(len(w.stack))
				}
				if !s.empty {
					w.stack = append(w.stack, w.frameOf(s))
					if isProps(local) {
						w.propsStart(s, maxElems)
					}
				}
				continue
			}
			w.replay.clean = false // start may read it: a body holding it is not kept
			if err := w.start(s); err != nil {
				return err
			}
		case tokEnd:
			if err := w.end(s.name()); err != nil {
				return fmt.Errorf("%w: %v", ErrCorrupt, s.syntax(s.pos, err.Error()))
			}
			if w.replay.on {
				w.replayEnd(s)
			}
		case tokText:
			if err := w.charData(s.text(), s.cdata); err != nil {
				return fmt.Errorf("%w: %v", ErrCorrupt, s.syntax(s.textAt, err.Error()))
			}
		}
	}
	if !w.rootSeen {
		return fmt.Errorf("%w: no root element", ErrCorrupt)
	}
	if len(w.stack) > 0 {
		return fmt.Errorf("%w: unexpected end of part inside <%s>", ErrCorrupt, w.qname(&w.stack[len(w.stack)-1]))
	}
	w.flushCarry()
	w.finish()
	return nil
}

// finish copies the model out of the scratch slices into w.doc: one
// string for all text, one slice each for cells, rows, tables, paragraphs
// and blocks.
func (w *docxWalker) finish() {
	if len(w.blocks) == 0 {
		return
	}
	text := string(w.text)
	cells := make([]Cell, w.cells.len())
	for i := range cells {
		c := w.cells.at(i)
		cells[i] = Cell{
			Text:   text[c.text.from:c.text.to],
			Span:   int(c.span),
			Merged: c.merged,
			Pos:    Pos{File: w.path, Table: int(c.table), Row: int(c.row), Col: int(c.col)},
		}
	}
	rows := make([]Row, w.rows.len())
	for i := range rows {
		r := w.rows.at(i)
		sp := r.cells
		rows[i] = Row{Cells: cells[sp.from:sp.to:sp.to], Pos: Pos{File: w.path, Table: int(r.table), Row: int(r.row)}}
	}
	tables := make([]Table, len(w.tables))
	for i, t := range w.tables {
		sp := w.tableRows[i]
		t.Rows = rows[sp.from:sp.to:sp.to]
		tables[i] = t
	}
	paras := make([]Paragraph, len(w.paras))
	for i, p := range w.paras {
		sp := w.paraText[i]
		p.Text = text[sp.from:sp.to]
		paras[i] = p
	}
	blocks := make([]Block, len(w.blocks))
	for i, b := range w.blocks {
		if b.table {
			blocks[i].Table = &tables[b.i]
		} else {
			blocks[i].Para = &paras[b.i]
		}
	}
	w.doc.Blocks = blocks
}

// charData handles character data: it is kept inside a readable w:t and only
// checked everywhere else.
func (w *docxWalker) charData(raw []byte, cdata bool) error {
	if w.skip == 0 && len(w.stack) > 0 && w.stack[len(w.stack)-1].kind == kText && w.sinkOpen() {
		n := len(w.text)
		if cdata {
			w.text = append(w.text, raw...)
		} else {
			var err error
			if w.text, err = appendUnescaped(w.text, raw); err != nil {
				return err
			}
		}
		if !utf8.Valid(w.text[n:]) {
			return errors.New("invalid UTF-8 in text")
		}
		return nil
	}
	if !cdata {
		return checkRefs(raw)
	}
	return nil
}

func (w *docxWalker) top() *frame {
	if len(w.stack) == 0 {
		w.zero = frame{}
		return &w.zero
	}
	return &w.stack[len(w.stack)-1]
}

// up returns the frame n levels above the top (0 is the top), or a zero
// frame.
func (w *docxWalker) up(n int) *frame {
	if i := len(w.stack) - 1 - n; i >= 0 {
		return &w.stack[i]
	}
	w.zero = frame{}
	return &w.zero
}

func (w *docxWalker) start(s *xmlScanner) error {
	if len(w.stack) >= w.lim.MaxDepth {
		return tooLarge(LimitDepth, int64(w.lim.MaxDepth), "XML nesting deeper than %d", w.lim.MaxDepth)
	}
	name, attrs, local := s.name(), s.attrs(), s.buf[s.local:s.nameEnd]
	f := w.frameOf(s)
	if !w.rootSeen {
		w.rootSeen = true
		if !is(local, "document") {
			return fmt.Errorf("%w: main part has root <%s>, not a WordprocessingML document", ErrNoDocumentXML, name)
		}
	}
	if w.skip > 0 {
		if s.empty {
			w.names = w.names[:f.at]
		} else {
			w.stack = append(w.stack, f)
		}
		return nil
	}
	parent := w.top()
	// Every case of the switch below must be listed in readNames.
	if !mayMatter(local) {
		// Most elements (formatting properties) mean nothing to the
		// walker; one table lookup tells most of them apart.
		local = nil
	}
	switch string(local) {
	case "p":
		f.kind = kPara
		w.startPara()
	case "r":
		f.kind = kRun
	case "t":
		if parent.kind == kRun && !parent.flag && w.placeholder == 0 {
			f.kind = kText
		}
	case "tab", "ptab":
		if w.visible(parent) {
			if w.cellOpen {
				w.write(" ")
			} else {
				w.write("\t")
			}
		}
	case "br", "cr":
		if w.visible(parent) {
			w.write("\n")
		}
	case "noBreakHyphen":
		if w.visible(parent) {
			w.write("-")
		}
	case "sym":
		if w.visible(parent) {
			// An unreadable w:char is content, not a stream error: the
			// symbol is left out as Word leaves out what it cannot draw.
			v, _ := attrValue(attrs, "char")
			if c, err := strconv.ParseUint(string(v), 16, 32); err == nil && utf8.ValidRune(rune(c)) && c != 0 && w.sinkOpen() {
				w.text = utf8.AppendRune(w.text, rune(c))
			}
		}
	case "vanish":
		if is(w.lname(parent), "rPr") && w.up(1).kind == kRun && attrOn(attrs) {
			w.up(1).flag = true
		}
	case "del", "moveFrom":
		switch string(w.lname(parent)) {
		case "trPr":
			if w.rowOpen && w.nested == 0 {
				w.rowDel = true
			}
		case "rPr":
			if is(w.lname(w.up(1)), "pPr") && w.up(2).kind == kPara {
				w.up(2).flag = true
			}
		default:
			f.kind = kSkip
		}
	case "rPrChange", "pPrChange", "tcPrChange", "trPrChange", "tblPrChange",
		"tblPrExChange", "tblGridChange", "sectPrChange", "numberingChange",
		"sdtEndPr", "customXmlPr", "smartTagPr":
		// Former formatting and control properties hold no text, but some
		// hold gridSpan or vMerge values that must not be mistaken for the
		// current ones. (sdtPr is read: it says whether the control shows
		// its placeholder; it holds no text and no cell properties.)
		f.kind = kSkip
	case "showingPlcHdr":
		if is(w.lname(parent), "sdtPr") && w.up(1).kind == kSdt && attrOn(attrs) {
			w.up(1).flag = true
		}
	case "sdt":
		f.kind = kSdt
	case "sdtContent":
		if parent.kind == kSdt && parent.flag {
			f.kind = kPlaceholder
			w.placeholder++
		}
	case "AlternateContent":
		f.kind = kAlt
	case "Choice", "Fallback":
		if parent.kind == kAlt {
			if parent.flag {
				f.kind = kSkip
			} else {
				parent.flag = true
			}
		}
	case "tbl":
		w.tblSeen++
		if w.tblSeen > w.lim.MaxTables {
			return limitErr(LimitTables, w.lim.MaxTables)
		}
		if n := len(w.shapes); n > 0 {
			w.shapes[n-1].nested = true
		}
		w.shapes = append(w.shapes, tableShape{n: w.tblSeen, textAt: len(w.text)})
		switch {
		case slices.Contains(w.unwrap, w.tblSeen):
			f.kind = kLayoutTable
		case !w.tableOpen && w.paraDepth == 0:
			f.kind = kTable
			w.flushCarry()
			w.tableNo++
			w.tableOpen = true
			w.tableRow0 = w.rows.len()
		default:
			f.kind = kNestedTable
			w.nested++
		}
	case "tr":
		if n := len(w.shapes); n > 0 {
			w.shapes[n-1].rowCells = 0
		}
		if w.rowCount++; w.rowCount > w.lim.MaxRows {
			return limitErr(LimitRows, w.lim.MaxRows)
		}
		if w.tableOpen && w.nested == 0 && !w.rowOpen {
			f.kind = kRow
			w.rowOpen, w.rowDel, w.gridCol = true, false, 0
			w.rowNo = w.rows.len() - w.tableRow0 + 1
			w.rowCell0, w.rowText0 = w.cells.len(), len(w.text)
		}
	case "tc":
		if n := len(w.shapes); n > 0 {
			t := &w.shapes[n-1]
			t.rowCells++
			t.maxCells = max(t.maxCells, t.rowCells)
		}
		w.cellCount++
		if w.cellCount > w.lim.MaxCells {
			return limitErr(LimitCells, w.lim.MaxCells)
		}
		if w.rowOpen && w.nested == 0 && !w.cellOpen {
			f.kind = kCell
			w.cellOpen = true
			w.cellStart = len(w.text)
			w.cellParas, w.cellSep = 0, false
			w.cellCol, w.cellSpan = w.gridCol+1, 1
			w.cellMerge, w.cellHCont = false, false
		}
	case "gridSpan":
		if w.ownProps(parent, "tcPr") {
			w.cellSpan = max(1, attrInt(attrs))
		}
	case "vMerge":
		if w.ownProps(parent, "tcPr") {
			w.cellMerge = !attrIs(attrs, "val", "restart")
		}
	case "hMerge":
		if w.ownProps(parent, "tcPr") {
			w.cellHCont = !attrIs(attrs, "val", "restart")
		}
	case "gridBefore":
		if is(w.lname(parent), "trPr") && w.up(1).kind == kRow {
			w.gridCol += attrInt(attrs)
		}
	}
	switch {
	case s.empty:
		// A self-closing element ends here, without going on the stack.
		if f.kind != kSkip {
			w.close(&f)
		}
		w.names = w.names[:f.at]
	case f.kind == kSkip:
		w.stack = append(w.stack, f)
		w.skip = len(w.stack)
	default:
		w.stack = append(w.stack, f)
	}
	return nil
}

// readNames lists every local name the walker's start switch handles.
var readNames = []string{
	"p", "r", "t", "tab", "ptab", "br", "cr", "noBreakHyphen", "sym", "vanish",
	"del", "moveFrom", "rPrChange", "pPrChange", "tcPrChange", "trPrChange",
	"tblPrChange", "tblPrExChange", "tblGridChange", "sectPrChange",
	"numberingChange", "sdtEndPr", "customXmlPr", "smartTagPr", "showingPlcHdr",
	"sdt", "sdtContent", "AlternateContent", "Choice", "Fallback", "tbl", "tr",
	"tc", "gridSpan", "vMerge", "hMerge", "gridBefore",
}

// nameFilter has a bit for each (length, first byte) pair of readNames,
// bit c%64 of nameFilter[len][c/64], and lastFilter one for each (length,
// last byte) pair.
var nameFilter, lastFilter = func() (first, last [32][4]uint64) {
	for _, n := range readNames {
		c := n[len(n)-1]
		first[len(n)][n[0]/64] |= 1 << (n[0] % 64)
		last[len(n)][c/64] |= 1 << (c % 64)
	}
	return first, last
}()

// mayMatter reports whether the local name may be one of readNames; false
// means it certainly is not. Few other names pass (tblCellMar,
// textDirection, pgNumType): that matters to replaying, which does not
// keep a body where one passes.
func mayMatter(local []byte) bool {
	n := len(local)
	if n == 0 || n >= len(nameFilter) {
		return false
	}
	c, e := local[0], local[n-1]
	return nameFilter[n][c/64]&(1<<(c%64)) != 0 && lastFilter[n][e/64]&(1<<(e%64)) != 0
}

// ownProps reports whether an element whose parent is the frame parent
// belongs to the properties element props of the open top-level cell.
func (w *docxWalker) ownProps(parent *frame, props string) bool {
	return is(w.lname(parent), props) && w.up(1).kind == kCell
}

// visible reports whether a run-content element under parent produces
// text: it must sit directly in a run that is not hidden, outside
// placeholders.
func (w *docxWalker) visible(parent *frame) bool {
	return parent.kind == kRun && !parent.flag && w.placeholder == 0
}

func (w *docxWalker) end(name []byte) error {
	if len(w.stack) == 0 {
		return fmt.Errorf("unexpected end element </%s>", name)
	}
	if q := w.qname(&w.stack[len(w.stack)-1]); string(q) != string(name) {
		return fmt.Errorf("element <%s> closed by </%s>", q, name)
	}
	f := w.pop()
	if w.skip > 0 {
		if w.skip == len(w.stack)+1 {
			w.skip = 0
		}
		return nil
	}
	w.close(&f)
	return nil
}

// close does what the end of an element that was read means.
func (w *docxWalker) close(f *frame) {
	switch f.kind {
	case kPara:
		w.endPara(f.flag)
	case kPlaceholder:
		w.placeholder--
	case kNestedTable:
		w.nested--
		w.endShape()
	case kLayoutTable:
		w.endShape()
	case kCell:
		w.endCell()
	case kRow:
		w.endRow()
	case kTable:
		w.endTable()
		w.endShape()
	}
}

// endShape closes the shape of a table and notes it when it is a layout
// table.
func (w *docxWalker) endShape() {
	n := len(w.shapes) - 1
	if n < 0 {
		return
	}
	t := w.shapes[n]
	if t.isLayout() && !slices.Contains(w.unwrap, t.n) {
		w.layouts = append(w.layouts, t.n)
	}
	if n > 0 && t.textAt <= len(w.text) {
		for _, m := range reportMarks {
			if bytes.Contains(w.text[t.textAt:], m) {
				w.shapes[n-1].report = true
				break
			}
		}
	}
	w.shapes = w.shapes[:n]
}

// sinkOpen reports whether text has a place in the model here: in a cell
// of a top-level table, or in a body paragraph (not in a table outside
// its cells).
func (w *docxWalker) sinkOpen() bool {
	return w.cellOpen || !w.tableOpen && w.paraDepth > 0
}

func (w *docxWalker) write(s string) {
	if w.sinkOpen() {
		w.text = append(w.text, s...)
	}
}

func (w *docxWalker) startPara() {
	switch {
	case w.cellOpen:
		if w.cellParas > 0 && w.cellSep {
			w.text = append(w.text, '\n')
		}
		w.cellParas++
		w.cellSep = true
	case w.tableOpen:
	case w.paraDepth > 0:
		// A text-box paragraph inside a body paragraph.
		if len(w.text) > w.paraStart {
			w.text = append(w.text, '\n')
		}
	default:
		if !w.carry {
			w.paraStart = len(w.text)
		}
		w.carry = false
	}
	w.paraDepth++
}

func (w *docxWalker) endPara(markDeleted bool) {
	w.paraDepth--
	switch {
	case w.cellOpen:
		w.cellSep = !markDeleted
	case w.tableOpen || w.paraDepth > 0:
	case markDeleted:
		w.carry = true
	default:
		w.emitPara()
	}
}

// flushCarry emits a body paragraph held back because its mark was
// deleted, when no paragraph follows to take its text.
func (w *docxWalker) flushCarry() {
	if w.carry {
		w.carry = false
		w.emitPara()
	}
}

// emitPara keeps the body paragraph that starts at paraStart, unless it
// is blank.
func (w *docxWalker) emitPara() {
	if len(bytes.TrimSpace(w.text[w.paraStart:])) == 0 {
		w.text = w.text[:w.paraStart]
		return
	}
	w.paraNo++
	w.paras = append(w.paras, Paragraph{Pos: Pos{File: w.path, Para: w.paraNo}})
	w.paraText = append(w.paraText, span{w.paraStart, len(w.text)})
	w.blocks = append(w.blocks, blockRef{i: len(w.paras) - 1})
}

func (w *docxWalker) endCell() {
	w.cellOpen = false
	sp := w.cellSpan
	switch {
	case w.cellHCont && w.cells.len() > w.rowCell0:
		w.cells.at(w.cells.len() - 1).span += int32(sp)
		w.text = w.text[:w.cellStart]
	default:
		if w.cellMerge {
			w.text = w.text[:w.cellStart]
		}
		w.cells.add(cellRec{
			text:   span{w.cellStart, len(w.text)},
			span:   int32(sp),
			merged: w.cellMerge,
			table:  int32(w.tableNo), row: int32(w.rowNo), col: int32(w.cellCol),
		})
	}
	w.gridCol += sp
}

// endRow keeps the open row unless it is marked deleted or has no cells.
func (w *docxWalker) endRow() {
	w.rowOpen = false
	if w.rowDel || w.cells.len() == w.rowCell0 {
		w.cells.truncate(w.rowCell0)
		w.text = w.text[:w.rowText0]
		return
	}
	w.rows.add(rowRec{cells: span{w.rowCell0, w.cells.len()}, table: int32(w.tableNo), row: int32(w.rowNo)})
}

// endTable keeps the open table unless it has no rows.
func (w *docxWalker) endTable() {
	w.tableOpen = false
	if w.rows.len() == w.tableRow0 {
		w.tableNo--
		return
	}
	w.tables = append(w.tables, Table{Index: w.tableNo, Pos: Pos{File: w.path, Table: w.tableNo}})
	w.tableRows = append(w.tableRows, span{w.tableRow0, w.rows.len()})
	w.blocks = append(w.blocks, blockRef{table: true, i: len(w.tables) - 1})
}
