package parser

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// parseRTF reads an RTF document (what office systems' "export to Word"
// often writes, named .doc, and what Word, WPS and LibreOffice save as
// .rtf) into a Document: body paragraphs, and tables from the paragraph
// marks RTF gives them (\intbl paragraphs, \cell, \row) with the grid
// from each row's cell boundaries (\cellx), so that a cell spanning grid
// columns gets its Span and a continued vertical merge (\clvmrg) is a
// Merged cell, as the .docx reader writes them. Text comes from \uN
// escapes and from \'hh bytes in the document's code page (\ansicpg) or
// the current font's character set (\fcharset: GB2312, Big5 and the
// others RTF names). Headers, footers, footnotes, pictures, field
// instructions, hidden text and every unknown \* destination are left
// out. No library: the Go module proxy serves no maintained RTF reader
// that gives tables.
func parseRTF(ctx context.Context, path string, data []byte, lim Limits) (*Document, error) {
	r := &rtfReader{ctx: ctx, path: path, lim: lim, data: data, doc: &Document{Path: path, Format: "rtf"}}
	r.st = rtfState{uc: 1}
	r.fontCharset = map[int]int{}
	if err := r.read(); err != nil {
		return nil, err
	}
	r.st = rtfState{}
	r.paragraphEnd() // text after the last \par
	r.endTable()
	if len(r.doc.Blocks) == 0 {
		return nil, fmt.Errorf("%s: %w: no text in the RTF document", path, ErrEmpty)
	}
	return r.doc, nil
}

// rtfState is the part of the reader's state that a group ({…}) saves
// and restores.
type rtfState struct {
	skip   bool // inside a destination whose text is not the report's
	hidden bool // \v
	intbl  bool // the paragraph is in a table
	uc     int  // bytes of fallback after \uN
	font   int  // \fN
	fonts  bool // inside \fonttbl
}

type rtfReader struct {
	ctx  context.Context
	path string
	lim  Limits
	data []byte
	i    int

	st    rtfState
	stack []rtfState

	codepage    encoding.Encoding // \ansicpg; nil: Windows-1252
	fontCharset map[int]int       // \fN → \fcharsetM, from \fonttbl
	pending     []byte            // \'hh bytes not yet decoded
	surrogate   rune              // a high surrogate from \uN waiting for its pair
	text        strings.Builder   // the paragraph or cell being read

	doc   *Document
	paras int

	// The table being read: rows of cells, each row's cell boundaries
	// and merge marks as its \trowd…\cellx definition gives them.
	table      *Table
	row        []rtfCell
	rowDef     []rtfCellDef
	defPending rtfCellDef // marks given before the next \cellx
	defShared  bool       // rowDef is held by a row
	rows       [][]rtfCell
	defs       [][]rtfCellDef
	cells      int
	rowCount   int
	tables     int
}

type rtfCell struct{ text string }

// maxRTFRowCells bounds the cells a row defines: Word allows 63 columns.
const maxRTFRowCells = 256

type rtfCellDef struct {
	right        int  // \cellx: the cell's right edge, in twips
	vCont, hCont bool // \clvmrg, \clmrg: continues a merge
}

// read tokenises the whole document.
func (r *rtfReader) read() error {
	d := r.data
	for n := 0; r.i < len(d); n++ {
		if n&0xfff == 0 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		c := d[r.i]
		switch c {
		case '{':
			r.flush()
			if len(r.stack) >= r.lim.MaxDepth {
				return tooLarge(LimitDepth, int64(r.lim.MaxDepth), "RTF groups nested deeper than %d", r.lim.MaxDepth)
			}
			r.stack = append(r.stack, r.st)
			r.i++
			// An ignorable destination: {\*\name …} is skipped unless
			// the reader knows the name.
			if bytes.HasPrefix(d[r.i:], []byte(`\*`)) {
				r.i += 2
				r.st.skip = true
			}
		case '}':
			r.flush()
			if n := len(r.stack); n > 0 {
				r.st = r.stack[n-1]
				r.stack = r.stack[:n-1]
			}
			r.i++
		case '\\':
			if err := r.control(); err != nil {
				return err
			}
		case '\r', '\n':
			r.i++
		default:
			r.byteChar(c)
			r.i++
		}
	}
	r.flush()
	return nil
}

// control reads one control word or symbol at r.i (a backslash).
func (r *rtfReader) control() error {
	d := r.data
	r.i++
	if r.i >= len(d) {
		return nil
	}
	c := d[r.i]
	if !isASCIILetter(c) {
		r.i++
		switch c {
		case '\'':
			if r.i+2 <= len(d) {
				if b, err := strconv.ParseUint(string(d[r.i:r.i+2]), 16, 8); err == nil {
					r.i += 2
					if !r.st.skip && !r.st.hidden {
						r.pending = append(r.pending, byte(b))
					}
					return nil
				}
			}
		case '\\', '{', '}':
			r.byteChar(c)
		case '~':
			r.emit("\u00a0")
		case '_':
			r.emit("-")
		case '\r', '\n':
			r.paragraphEnd() // a backslash before a line end is \par
		}
		return nil
	}
	start := r.i
	for r.i < len(d) && isASCIILetter(d[r.i]) {
		r.i++
	}
	word := string(d[start:r.i])
	param, hasParam := 0, false
	if r.i < len(d) && (d[r.i] == '-' || d[r.i] >= '0' && d[r.i] <= '9') {
		p := r.i
		r.i++
		for r.i < len(d) && d[r.i] >= '0' && d[r.i] <= '9' && r.i-p < 11 {
			r.i++
		}
		param, _ = strconv.Atoi(string(d[p:r.i]))
		hasParam = true
	}
	if r.i < len(d) && d[r.i] == ' ' {
		r.i++ // the delimiting space belongs to the control word
	}
	return r.word(word, param, hasParam)
}

// rtfSkipped are the destinations whose text is not the body's.
var rtfSkipped = map[string]bool{
	"colortbl": true, "stylesheet": true, "info": true, "pict": true, "object": true,
	"header": true, "headerl": true, "headerr": true, "headerf": true, "footer": true,
	"footerl": true, "footerr": true, "footerf": true, "footnote": true, "annotation": true,
	"fldinst": true, "listtable": true, "listoverridetable": true, "rsidtbl": true,
	"generator": true, "xmlnstbl": true, "themedata": true, "colorschememapping": true,
	"datastore": true, "latentstyles": true, "pgdsctbl": true, "revtbl": true, "shp": true,
	"nonshppict": true, "shppict": true, "bkmkstart": true, "bkmkend": true, "txe": true,
	"xe": true, "tc": true, "atnid": true, "atnauthor": true, "comment": true, "private": true,
	"filetbl": true, "mmathPr": true, "pgdsc": true, "userprops": true, "docvar": true,
}

func (r *rtfReader) word(w string, param int, hasParam bool) error {
	if rtfSkipped[w] {
		r.flush()
		r.st.skip = true
		return nil
	}
	switch w {
	case "bin":
		// Binary data of the given length follows: skipped unread.
		r.i += max(0, min(param, len(r.data)-r.i))
		return nil
	case "fonttbl":
		r.flush()
		r.st.skip, r.st.fonts = true, true
	case "f":
		r.flush()
		r.st.font = param
	case "fcharset":
		if r.st.fonts {
			r.fontCharset[r.st.font] = param
		}
	case "ansicpg":
		r.codepage = codepageEncoding(param)
	case "uc":
		r.st.uc = max(0, param)
	case "u":
		if !hasParam {
			return nil
		}
		r.unicode(param)
		r.skipFallback()
	case "v":
		r.flush()
		r.st.hidden = !hasParam || param != 0
	case "par":
		r.paragraphEnd()
	case "line":
		r.emit("\n")
	case "tab":
		r.emit("\t")
	case "emdash":
		r.emit("—")
	case "endash":
		r.emit("–")
	case "bullet":
		r.emit("•")
	case "lquote":
		r.emit("‘")
	case "rquote":
		r.emit("’")
	case "ldblquote":
		r.emit("“")
	case "rdblquote":
		r.emit("”")
	case "pard":
		r.flush()
		r.st.intbl = false
	case "intbl":
		r.st.intbl = true
	case "cell":
		return r.cellEnd()
	case "nestcell", "nestrow":
		r.emit("\n") // a nested table's cells stay in the outer cell
	case "row":
		return r.rowEnd()
	case "trowd":
		// A row's definition; Word repeats it after the row's cells, so
		// the last one before \row is the row's.
		r.rowDef, r.defPending, r.defShared = nil, rtfCellDef{}, false
	case "clvmrg":
		r.defPending.vCont = true
	case "clmrg":
		r.defPending.hCont = true
	case "cellx":
		if len(r.rowDef) >= maxRTFRowCells {
			return tooLarge(LimitStructure, maxRTFRowCells, "an RTF row defines more than %d cells", maxRTFRowCells)
		}
		if r.defShared {
			// Cell edges after a row without \trowd start a new
			// definition; the row's stays as it was.
			r.rowDef, r.defShared = nil, false
		}
		r.defPending.right = param
		r.rowDef = append(r.rowDef, r.defPending)
		r.defPending = rtfCellDef{}
	}
	return nil
}

// skipFallback skips the st.uc characters that stand for a \uN in
// readers without Unicode: bytes, \'hh escapes or control words.
func (r *rtfReader) skipFallback() {
	d := r.data
	for n := r.st.uc; n > 0 && r.i < len(d); n-- {
		switch d[r.i] {
		case '{', '}':
			return
		case '\\':
			if r.i+1 < len(d) && d[r.i+1] == '\'' {
				r.i += 4
				continue
			}
			j := r.i + 1
			for j < len(d) && isASCIILetter(d[j]) {
				j++
			}
			for j < len(d) && (d[j] == '-' || d[j] >= '0' && d[j] <= '9') {
				j++
			}
			if j < len(d) && d[j] == ' ' {
				j++
			}
			r.i = max(j, r.i+2)
		default:
			r.i++
		}
	}
	r.i = min(r.i, len(d))
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// byteChar takes one literal byte of text, decoded with the \'hh bytes
// around it in the current code page.
func (r *rtfReader) byteChar(c byte) {
	if r.st.skip || r.st.hidden {
		return
	}
	r.pending = append(r.pending, c)
}

// unicode takes the character of \uN (N a signed 16-bit number).
func (r *rtfReader) unicode(n int) {
	if r.st.skip || r.st.hidden {
		return
	}
	r.flush()
	if n < 0 {
		n += 65536
	}
	c := rune(n)
	switch {
	case utf16.IsSurrogate(c) && c < 0xdc00:
		r.surrogate = c
		return
	case utf16.IsSurrogate(c) && r.surrogate != 0:
		c = utf16.DecodeRune(r.surrogate, c)
	}
	r.surrogate = 0
	r.text.WriteRune(c)
}

// emit adds text that is not in the document's bytes (\line, \emdash …).
func (r *rtfReader) emit(s string) {
	if r.st.skip || r.st.hidden {
		return
	}
	r.flush()
	r.text.WriteString(s)
}

// flush decodes the pending bytes into the text.
func (r *rtfReader) flush() {
	if len(r.pending) == 0 {
		return
	}
	enc := r.codepage
	if cs, ok := r.fontCharset[r.st.font]; ok {
		if e := charsetEncoding(cs); e != nil {
			enc = e
		}
	}
	if enc == nil {
		enc = charmap.Windows1252
	}
	b, err := enc.NewDecoder().Bytes(r.pending)
	if err != nil {
		b = bytes.ToValidUTF8(r.pending, []byte("\ufffd"))
	}
	r.text.Write(b)
	r.pending = r.pending[:0]
}

// paragraphEnd ends a paragraph: in a cell, a line of the cell's text.
func (r *rtfReader) paragraphEnd() {
	if r.st.skip {
		return
	}
	r.flush()
	if r.st.intbl {
		r.text.WriteByte('\n')
		return
	}
	r.endTable()
	r.paras++
	if t := r.text.String(); strings.TrimSpace(t) != "" {
		r.doc.Blocks = append(r.doc.Blocks, Block{Para: &Paragraph{Text: t, Pos: Pos{File: r.path, Para: r.paras}}})
	}
	r.text.Reset()
}

func (r *rtfReader) cellEnd() error {
	if r.st.skip {
		return nil
	}
	r.flush()
	if r.cells++; r.cells > r.lim.MaxCells {
		return limitErr(LimitCells, r.lim.MaxCells)
	}
	r.row = append(r.row, rtfCell{text: strings.TrimSuffix(r.text.String(), "\n")})
	r.text.Reset()
	return nil
}

func (r *rtfReader) rowEnd() error {
	if r.st.skip {
		return nil
	}
	r.flush()
	if r.rowCount++; r.rowCount > r.lim.MaxRows {
		return limitErr(LimitRows, r.lim.MaxRows)
	}
	if r.table == nil {
		r.tables++
		if r.tables > r.lim.MaxTables {
			return limitErr(LimitTables, r.lim.MaxTables)
		}
		r.table = &Table{Index: r.tables, Pos: Pos{File: r.path, Table: r.tables}}
	}
	if len(r.row) == 0 {
		return nil // a row without cells: nothing to keep
	}
	r.rows = append(r.rows, r.row)
	// Rows under one definition share it: what is kept is bounded by the
	// \cellx words of the input, however many rows repeat them.
	r.defs = append(r.defs, r.rowDef)
	r.defShared = true
	r.row = nil
	r.text.Reset()
	return nil
}

// endTable builds the table read so far: the grid columns are the cell
// edges of all its rows; a cell covering several is a span, a cell that
// continues a horizontal merge joins the one before it, and one that
// continues a vertical merge is Merged.
func (r *rtfReader) endTable() {
	if r.table == nil {
		return
	}
	var edges []int
	for _, def := range r.defs {
		for _, c := range def {
			edges = append(edges, c.right)
		}
	}
	slices.Sort(edges)
	edges = slices.Compact(edges)
	t := r.table
	for ri, cells := range r.rows {
		def := r.defs[ri]
		row := Row{Pos: Pos{File: r.path, Table: t.Index, Row: ri + 1}}
		left, col := minEdge(def), 1
		for ci, c := range cells {
			span, right, vCont, hCont := 1, 0, false, false
			if ci < len(def) {
				right, vCont, hCont = def[ci].right, def[ci].vCont, def[ci].hCont
				span = max(1, countEdges(edges, left, right))
			}
			if hCont && len(row.Cells) > 0 {
				row.Cells[len(row.Cells)-1].Span += span
				col += span
				left = right
				continue
			}
			cell := Cell{Text: c.text, Span: span, Merged: vCont, Pos: Pos{File: r.path, Table: t.Index, Row: ri + 1, Col: col}}
			if vCont {
				cell.Text = ""
			}
			row.Cells = append(row.Cells, cell)
			col += span
			if ci < len(def) {
				left = right
			}
		}
		t.Rows = append(t.Rows, row)
	}
	r.doc.Blocks = append(r.doc.Blocks, Block{Table: t})
	r.table, r.rows, r.defs = nil, nil, nil
}

// minEdge is the left edge of a row: below its first cell's right edge.
func minEdge(def []rtfCellDef) int {
	if len(def) == 0 {
		return 0
	}
	return min(0, def[0].right-1)
}

// countEdges counts the grid edges (sorted) in (left, right].
func countEdges(edges []int, left, right int) int {
	lo, _ := slices.BinarySearch(edges, left+1)
	hi, _ := slices.BinarySearch(edges, right+1)
	return max(0, hi-lo)
}

// codepageEncoding is the encoding of a Windows code page (\ansicpg).
func codepageEncoding(cp int) encoding.Encoding {
	switch cp {
	case 936:
		return simplifiedchinese.GB18030
	case 950:
		return traditionalchinese.Big5
	case 1252:
		return charmap.Windows1252
	}
	return nil
}

// charsetEncoding is the encoding of an RTF font character set
// (\fcharset), nil for symbol fonts and those left to the code page.
func charsetEncoding(cs int) encoding.Encoding {
	switch cs {
	case 134: // GB2312
		return simplifiedchinese.GB18030
	case 136: // Big5
		return traditionalchinese.Big5
	}
	return nil
}
