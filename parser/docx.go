package parser

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// parseDocx reads a WordprocessingML package (.docx as written by Word, WPS
// Office, LibreOffice, pandoc and others) into a Document.
//
// Only the main document part is read; headers, footers, footnotes,
// comments and styles are not. The package is opened behind the guards of
// docxPackage, and the part is walked as a token stream (see docxWalker),
// so memory stays proportional to the text, not to the markup.
func parseDocx(ctx context.Context, path string, data []byte, lim Limits) (*Document, error) {
	pkg, err := openPackage(data, lim)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	main, err := pkg.mainPart()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rc, err := pkg.open(main, lim.MaxInflatedBytes)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	doc := &Document{Path: path, Format: "docx"}
	w := &docxWalker{path: path, lim: lim, doc: doc}
	if err := w.walk(ctx, rc); err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		return nil, fmt.Errorf("read %s: %w", main.Name, err)
	}
	return doc, nil
}

// Content types and relationship types that name the main part of a
// WordprocessingML package, in Transitional and Strict OOXML.
const (
	relOfficeDocument = "/officeDocument" // suffix of both relationship type URIs
	defaultMainPart   = "word/document.xml"
)

var mainContentTypes = []string{
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
	"application/vnd.ms-word.document.macroEnabled.main+xml",
	"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}

// mainPart finds the main document part the way a consumer should: the
// package relationship of type officeDocument, else the part that
// [Content_Types].xml declares as a document main part, else
// word/document.xml, where Word, WPS and LibreOffice all put it.
func (p *docxPackage) mainPart() (*zip.File, error) {
	if f := p.find("_rels/.rels"); f != nil {
		target, err := p.scanMeta(f, "Relationship", func(a []xml.Attr) string {
			if strings.HasSuffix(attr(a, "Type"), relOfficeDocument) && attr(a, "TargetMode") != "External" {
				return attr(a, "Target")
			}
			return ""
		})
		if err != nil {
			return nil, err
		}
		if target != "" {
			if u, err := url.PathUnescape(target); err == nil {
				target = u
			}
			if m := p.find(strings.TrimPrefix(path.Clean("/"+target), "/")); m != nil {
				return m, nil
			}
		}
	}
	if f := p.find("[Content_Types].xml"); f != nil {
		part, err := p.scanMeta(f, "Override", func(a []xml.Attr) string {
			ct := strings.TrimSpace(attr(a, "ContentType"))
			for _, t := range mainContentTypes {
				if strings.EqualFold(ct, t) {
					return attr(a, "PartName")
				}
			}
			return ""
		})
		if err != nil {
			return nil, err
		}
		if part != "" {
			if m := p.find(strings.TrimPrefix(path.Clean("/"+part), "/")); m != nil {
				return m, nil
			}
		}
	}
	if m := p.find(defaultMainPart); m != nil {
		return m, nil
	}
	return nil, ErrNoDocumentXML
}

// scanMeta reads the small XML part f and returns the first non-empty
// result of pick for an element with local name elem.
func (p *docxPackage) scanMeta(f *zip.File, elem string, pick func([]xml.Attr) string) (string, error) {
	b, err := p.readAll(f, maxMetaPartBytes)
	if err != nil {
		return "", err
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		// Token, not RawToken: it checks that elements nest, so a
		// truncated part is an error here too.
		tok, err := d.Token()
		if err == io.EOF {
			return "", nil
		}
		if err != nil {
			return "", fmt.Errorf("%w: read %s: %v", ErrCorrupt, f.Name, err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == elem {
			if v := pick(se.Attr); v != "" {
				return v, nil
			}
		}
	}
}

// attr returns the value of the attribute with local name local.
func attr(as []xml.Attr, local string) string {
	for _, a := range as {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// attrOn reports whether an OOXML on/off property is on: absent w:val
// means on, "false", "0" and "off" mean off.
func attrOn(attrs []byte) bool {
	v, _ := attrValue(attrs, "val")
	switch string(v) {
	case "false", "0", "off":
		return false
	}
	return true
}

// attrIs reports whether the attribute local of a start tag has value v.
func attrIs(attrs []byte, local, v string) bool {
	got, ok := attrValue(attrs, local)
	return ok && string(got) == v
}

// maxGridSpan bounds gridSpan and gridBefore values; Word allows 63
// columns, so anything larger is damage, and clamping keeps column
// arithmetic far from overflow.
const maxGridSpan = 1 << 12

// attrInt returns the w:val of an integer property clamped to [0, maxGridSpan].
func attrInt(attrs []byte) int {
	v, _ := attrValue(attrs, "val")
	n, err := strconv.Atoi(string(bytes.TrimSpace(v)))
	if err != nil || n < 0 {
		// A malformed count is content, not a stream error: Word treats
		// it as absent.
		return 0
	}
	return min(n, maxGridSpan)
}

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
	kRow                   // w:tr of the top-level table
	kCell                  // w:tc of the top-level table
	kAlt                   // mc:AlternateContent; flag: a branch was taken
	kSdt                   // w:sdt; flag: showing placeholder text
	kPlaceholder           // w:sdtContent of an sdt showing its placeholder
)

type frame struct {
	qname, local string // local is a substring of qname
	kind         frameKind
	flag         bool
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
type docxWalker struct {
	path string
	lim  Limits
	doc  *Document

	stack       []frame
	names       map[string]string // see intern
	scratch     []byte
	skip        int // stack depth of the skipped subtree's root; 0 when reading
	placeholder int // open placeholder sdtContent elements
	rootSeen    bool
	cells       int // every w:tc seen, nested ones included

	paraNo    int
	paraDepth int    // open w:p elements, wherever they are
	para      []byte // text of the open body paragraph
	carry     bool   // the last body paragraph's mark was deleted

	tableNo int
	table   *Table
	nested  int // open nested tables
	row     *Row
	rowDel  bool
	gridCol int // 0-based grid column of the next cell

	cellOpen  bool
	cell      []byte
	cellParas int
	cellSep   bool // a "\n" is due before the cell's next paragraph
	cellCol   int
	cellSpan  int
	cellMerge bool // vMerge continuation
	cellHCont bool // hMerge continuation
}

// walk reads the part from r to its end. It fails with ErrCorrupt on any
// syntax error, a mismatched end tag or a stream that ends with elements
// open, and with ErrTooLarge beyond MaxDepth or MaxCells.
func (w *docxWalker) walk(ctx context.Context, r io.Reader) error {
	r, err := utf16Reader(r)
	if err != nil {
		return err
	}
	s := newXMLScanner(r)
	for n := 1; ; n++ {
		if n%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return corrupt(err)
		}
		switch s.kind {
		case tokStart:
			if err := w.start(s.name, s.attrs); err != nil {
				return err
			}
			if s.empty {
				if err := w.end(s.name); err != nil {
					return err
				}
			}
		case tokEnd:
			if err := w.end(s.name); err != nil {
				return fmt.Errorf("%w: %v", ErrCorrupt, s.syntax(s.pos, err.Error()))
			}
		case tokText:
			if err := w.text(s.text, s.cdata); err != nil {
				return fmt.Errorf("%w: %v", ErrCorrupt, s.syntax(s.pos-len(s.text), err.Error()))
			}
		}
	}
	if !w.rootSeen {
		return fmt.Errorf("%w: no root element", ErrCorrupt)
	}
	if len(w.stack) > 0 {
		return fmt.Errorf("%w: unexpected end of part inside <%s>", ErrCorrupt, w.stack[len(w.stack)-1].qname)
	}
	w.flushCarry()
	return nil
}

// text handles character data: it is kept inside a readable w:t and only
// checked everywhere else.
func (w *docxWalker) text(raw []byte, cdata bool) error {
	var dst *[]byte
	if w.skip == 0 && len(w.stack) > 0 && w.stack[len(w.stack)-1].kind == kText {
		dst = w.sink()
	}
	if dst == nil {
		if !cdata && bytes.IndexByte(raw, '&') >= 0 {
			w.scratch = w.scratch[:0]
			var err error
			w.scratch, err = appendUnescaped(w.scratch, raw)
			return err
		}
		return nil
	}
	n := len(*dst)
	if cdata {
		*dst = append(*dst, raw...)
	} else {
		var err error
		if *dst, err = appendUnescaped(*dst, raw); err != nil {
			return err
		}
	}
	if !utf8.Valid((*dst)[n:]) {
		return errors.New("invalid UTF-8 in text")
	}
	return nil
}

// intern returns a string equal to b, shared between all elements of the
// same name so that the element stack does not allocate per element.
func (w *docxWalker) intern(b []byte) string {
	if s, ok := w.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if w.names == nil {
		w.names = make(map[string]string, 128)
	}
	if len(w.names) < maxInterned {
		w.names[s] = s
	}
	return s
}

// maxInterned bounds the name table against documents made of endless
// distinct element names.
const maxInterned = 4096

// utf16Reader converts a part written in UTF-16 (with BOM, which OPC
// requires for it) to UTF-8; encoding/xml reads only UTF-8.
func utf16Reader(r io.Reader) (io.Reader, error) {
	var head [2]byte
	n := 0
	for zero := 0; n < len(head); {
		m, err := r.Read(head[n:])
		n += m
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, corrupt(err)
		}
		if m == 0 {
			if zero++; zero > 100 {
				return nil, corrupt(io.ErrNoProgress)
			}
		}
	}
	r = io.MultiReader(bytes.NewReader(head[:n]), r)
	if n == 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) {
		// ExpectBOM lets the BOM choose the byte order.
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Reader(r), nil
	}
	return r, nil
}

// corrupt wraps an error met while reading the main part as ErrCorrupt,
// unless the entry reader already wrapped it in a sentinel.
func corrupt(err error) error {
	if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrTooLarge) {
		return err
	}
	return fmt.Errorf("%w: %v", ErrCorrupt, err)
}

func (w *docxWalker) top() *frame {
	if len(w.stack) == 0 {
		return &frame{}
	}
	return &w.stack[len(w.stack)-1]
}

// up returns the frame n levels above the top (0 is the top), or a zero
// frame.
func (w *docxWalker) up(n int) *frame {
	if i := len(w.stack) - 1 - n; i >= 0 {
		return &w.stack[i]
	}
	return &frame{}
}

func (w *docxWalker) start(name, attrs []byte) error {
	if len(w.stack) >= w.lim.MaxDepth {
		return fmt.Errorf("%w: XML nesting deeper than %d", ErrTooLarge, w.lim.MaxDepth)
	}
	q := w.intern(name)
	f := frame{qname: q, local: q[len(q)-len(localName(name)):]}
	if !w.rootSeen {
		w.rootSeen = true
		if f.local != "document" {
			return fmt.Errorf("%w: main part has root <%s>, not a WordprocessingML document", ErrNoDocumentXML, q)
		}
	}
	if w.skip > 0 {
		w.stack = append(w.stack, f)
		return nil
	}
	parent := w.top()
	switch f.local {
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
			if c, err := strconv.ParseUint(string(v), 16, 32); err == nil && utf8.ValidRune(rune(c)) && c != 0 {
				w.write(string(rune(c)))
			}
		}
	case "vanish":
		if parent.local == "rPr" && w.up(1).kind == kRun && attrOn(attrs) {
			w.up(1).flag = true
		}
	case "del", "moveFrom":
		switch parent.local {
		case "trPr":
			if w.row != nil && w.nested == 0 {
				w.rowDel = true
			}
		case "rPr":
			if w.up(1).local == "pPr" && w.up(2).kind == kPara {
				w.up(2).flag = true
			}
		default:
			f.kind = kSkip
		}
	case "rPrChange", "pPrChange", "tcPrChange", "trPrChange", "tblPrChange",
		"tblPrExChange", "tblGridChange", "sectPrChange", "numberingChange",
		"sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr":
		// Former formatting and control properties hold no text, but some
		// hold gridSpan or vMerge values that must not be mistaken for the
		// current ones. sdtPr is scanned for showingPlcHdr first.
		if f.local != "sdtPr" {
			f.kind = kSkip
		}
	case "showingPlcHdr":
		if parent.local == "sdtPr" && w.up(1).kind == kSdt && attrOn(attrs) {
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
		if w.table == nil && w.paraDepth == 0 {
			f.kind = kTable
			w.flushCarry()
			w.tableNo++
			w.table = &Table{Index: w.tableNo, Pos: Pos{File: w.path, Table: w.tableNo}}
		} else {
			f.kind = kNestedTable
			w.nested++
		}
	case "tr":
		if w.table != nil && w.nested == 0 && w.row == nil {
			f.kind = kRow
			n := len(w.table.Rows) + 1
			w.row = &Row{Pos: Pos{File: w.path, Table: w.tableNo, Row: n}}
			w.rowDel, w.gridCol = false, 0
		}
	case "tc":
		w.cells++
		if w.cells > w.lim.MaxCells {
			return fmt.Errorf("%w: more than %d table cells", ErrTooLarge, w.lim.MaxCells)
		}
		if w.row != nil && w.nested == 0 && !w.cellOpen {
			f.kind = kCell
			w.cellOpen = true
			w.cell = w.cell[:0]
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
		if parent.local == "trPr" && w.up(1).kind == kRow {
			w.gridCol += attrInt(attrs)
		}
	}
	if f.kind == kSkip {
		w.stack = append(w.stack, f)
		w.skip = len(w.stack)
		return nil
	}
	w.stack = append(w.stack, f)
	return nil
}

// ownProps reports whether an element whose parent is the frame parent
// belongs to the properties element props of the open top-level cell.
func (w *docxWalker) ownProps(parent *frame, props string) bool {
	return parent.local == props && w.up(1).kind == kCell
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
	f := w.stack[len(w.stack)-1]
	if f.qname != string(name) {
		return fmt.Errorf("element <%s> closed by </%s>", f.qname, name)
	}
	w.stack = w.stack[:len(w.stack)-1]
	if w.skip > 0 {
		if w.skip == len(w.stack)+1 {
			w.skip = 0
		}
		return nil
	}
	switch f.kind {
	case kPara:
		w.endPara(f.flag)
	case kPlaceholder:
		w.placeholder--
	case kNestedTable:
		w.nested--
	case kCell:
		w.endCell()
	case kRow:
		if !w.rowDel && len(w.row.Cells) > 0 {
			w.table.Rows = append(w.table.Rows, *w.row)
		}
		w.row = nil
	case kTable:
		if len(w.table.Rows) > 0 {
			w.doc.Blocks = append(w.doc.Blocks, Block{Table: w.table})
		} else {
			w.tableNo--
		}
		w.table = nil
	}
	return nil
}

// sink returns the buffer that text goes to, or nil where text has no
// place in the model (inside a table but outside its cells).
func (w *docxWalker) sink() *[]byte {
	switch {
	case w.cellOpen:
		return &w.cell
	case w.table != nil:
		return nil
	case w.paraDepth > 0:
		return &w.para
	}
	return nil
}

func (w *docxWalker) write(s string) {
	if b := w.sink(); b != nil {
		*b = append(*b, s...)
	}
}

func (w *docxWalker) startPara() {
	switch {
	case w.cellOpen:
		if w.cellParas > 0 && w.cellSep {
			w.cell = append(w.cell, '\n')
		}
		w.cellParas++
		w.cellSep = true
	case w.table != nil:
	case w.paraDepth > 0:
		// A text-box paragraph inside a body paragraph.
		if len(w.para) > 0 {
			w.para = append(w.para, '\n')
		}
	default:
		if !w.carry {
			w.para = w.para[:0]
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
	case w.table != nil || w.paraDepth > 0:
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

func (w *docxWalker) emitPara() {
	if len(bytes.TrimSpace(w.para)) == 0 {
		return
	}
	w.paraNo++
	w.doc.Blocks = append(w.doc.Blocks, Block{Para: &Paragraph{
		Text: string(w.para),
		Pos:  Pos{File: w.path, Para: w.paraNo},
	}})
}

func (w *docxWalker) endCell() {
	w.cellOpen = false
	span := w.cellSpan
	if cs := w.row.Cells; w.cellHCont && len(cs) > 0 {
		cs[len(cs)-1].Span += span
	} else {
		c := Cell{
			Span:   span,
			Merged: w.cellMerge,
			Pos:    Pos{File: w.path, Table: w.tableNo, Row: w.row.Pos.Row, Col: w.cellCol},
		}
		if !w.cellMerge {
			c.Text = string(w.cell)
		}
		w.row.Cells = append(w.row.Cells, c)
	}
	w.gridCol += span
}
