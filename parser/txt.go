package parser

import (
	"context"
	"regexp"
	"strings"
	"sync"
)

// converterResidue matches markers that docx-to-text converters leave in the
// text, such as "[bookmark: _GoBack]".
var converterResidue = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[bookmark: [^\]]*\]`) })

// ctxCheckEvery is how many lines or tokens a reader handles between checks
// of its context.
const ctxCheckEvery = 4096

// srcLine is one line of a text source with its 1-based line number.
type srcLine struct {
	text  string
	no    int
	glued bool // a part of a line that ran tables together (glued.go), or of a spaced row (stream.go)
	// whole is set on the parts of a line that ran whole tables together
	// (gluedParts): there, a row label right after another is a row
	// whose cells show nothing.
	whole bool
}

// parseTxt reads a plain-text report. Tables are recognised one by one, each
// in the layout it is written in (see layout.go):
//
//  1. tab-prefixed cells, one per line, a blank line ending the row (the
//     layout of a .docx dumped by docx2python and similar tools);
//  2. one row per line with cells separated by tabs (copied from Word, WPS
//     or Excel);
//  3. Markdown pipe tables, and HTML <table> elements embedded in Markdown;
//  4. pandoc's plain-text tables: grid tables and simple or multiline
//     tables with dashed column rules;
//  5. and 6. one cell per line with empty cells as empty lines (docx2txt,
//     LibreOffice's Text export);
//  7. one cell per line without empty cells (text copied from a web page);
//  8. streams of cells whose row ends are not marked (stream.go): one cell
//     per line with a blank line after each, cells between lines of "|",
//     pipe rows without a leading pipe, broken over lines or on one line;
//  9. tables run together on one line, cell boundaries lost (glued.go);
//  10. rows of a label and numbers separated by spaces (pdftotext).
//
// Any other line that is not blank is a paragraph. Page-number lines and
// page headers repeated over page breaks are dropped first.
//
// The read stops with a LimitError at the first line longer than
// lim.MaxLineBytes or beyond lim.MaxLines, and as soon as a table being
// read goes past lim.MaxCells or lim.MaxRows (see grow) or the tables past
// lim.MaxTables.
func parseTxt(ctx context.Context, path, text string, lim Limits) (*Document, error) {
	var lines []srcLine
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		n++
		if n%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if len(line) > lim.MaxLineBytes {
			return nil, limitErr(LimitLineBytes, lim.MaxLineBytes)
		}
		if n > lim.MaxLines {
			return nil, limitErr(LimitLines, lim.MaxLines)
		}
		if strings.Contains(line, "[bookmark: ") {
			line = converterResidue().ReplaceAllString(line, "")
		}
		if strings.ContainsRune(line, '\f') {
			line = strings.ReplaceAll(line, "\f", "")
			lines = append(lines, srcLine{text: pageBreakMark, no: n})
		}
		lines = append(lines, srcLine{text: line, no: n})
	}
	s := &textScanner{ctx: ctx, path: path, lim: lim, lines: splitGlued(dropPageFurniture(lines)), doc: &Document{Path: path, Format: "txt"}}
	if err := s.run(); err != nil {
		return nil, err
	}
	mergeT4Groups(s.doc)
	return s.doc, nil
}

// textScanner splits the lines of a text source into paragraphs and tables.
type textScanner struct {
	ctx     context.Context
	path    string
	lim     Limits
	lines   []srcLine
	doc     *Document
	tableNo int
	paraNo  int
	steps   int

	// The tables kept so far hold cells cells in rows rows; the reader
	// being tried has read pendingCells more in pendingRows rows (grow).
	// err is the LimitError that ends the read.
	cells, rows               int
	pendingCells, pendingRows int
	err                       error
}

// A tableReader tries to read a table that starts at line i. It returns the
// table's rows and the index of the first line after it, or ok false when
// the lines at i are not such a table.
type tableReader func(s *textScanner, i int) (rows []Row, next int, ok bool)

// readers are tried in order at every line that is not blank.
var readers = []tableReader{
	readHTMLTable,
	readGridTable,
	readPipeTable,
	readLoosePipeTable,
	readDashTable,
	readTabTable,
	readFlatTable,
	readSpacedRowsTable,
}

func (s *textScanner) run() error {
	for i := 0; i < len(s.lines); {
		if err := s.tick(); err != nil {
			return err
		}
		if isBlank(s.lines[i].text) {
			i++
			continue
		}
		read := false
		for _, r := range readers {
			s.pendingCells, s.pendingRows = 0, 0
			rows, next, ok := r(s, i)
			if s.err != nil {
				return s.err
			}
			if !ok || next <= i {
				continue
			}
			if err := s.tick(); err != nil {
				return err
			}
			if err := s.addTable(rows, s.lines[i].no); err != nil {
				return err
			}
			i, read = next, true
			break
		}
		if read {
			continue
		}
		s.addPara(s.lines[i])
		i++
	}
	return nil
}

// grow counts a row of cells more read by the reader being tried and
// reports whether the limits still allow it, with the tables kept so far.
// When they do not, it records the LimitError that ends the read, and the
// reader stops where it is: a table past a limit is never read to its end.
func (s *textScanner) grow(cells int) bool {
	s.pendingCells += cells
	s.pendingRows++
	switch {
	case s.cells+s.pendingCells > s.lim.MaxCells:
		s.err = limitErr(LimitCells, s.lim.MaxCells)
	case s.rows+s.pendingRows > s.lim.MaxRows:
		s.err = limitErr(LimitRows, s.lim.MaxRows)
	}
	return s.err == nil
}

// tick counts work and checks the context now and then.
func (s *textScanner) tick() error {
	s.steps++
	if s.steps%ctxCheckEvery == 0 {
		return s.ctx.Err()
	}
	return nil
}

func (s *textScanner) addPara(l srcLine) {
	s.paraNo++
	s.doc.Blocks = append(s.doc.Blocks, Block{Para: &Paragraph{
		Text: stripMarkdown(l.text),
		Pos:  Pos{File: s.path, Line: l.no, Para: s.paraNo},
	}})
}

// addTable appends a table of rows, numbering it and its rows and filling
// in the positions' file, table and row; readers set Line and Col. It
// returns a LimitError when the table takes the document past a limit.
func (s *textScanner) addTable(rows []Row, line int) error {
	var kept []Row
	for _, r := range rows {
		if len(r.Cells) > 0 {
			kept = append(kept, r)
			s.cells += len(r.Cells)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	s.rows += len(kept)
	switch {
	case s.cells > s.lim.MaxCells:
		return limitErr(LimitCells, s.lim.MaxCells)
	case s.rows > s.lim.MaxRows:
		return limitErr(LimitRows, s.lim.MaxRows)
	case s.tableNo+1 > s.lim.MaxTables:
		return limitErr(LimitTables, s.lim.MaxTables)
	}
	s.tableNo++
	t := &Table{Index: s.tableNo, Pos: Pos{File: s.path, Line: line, Table: s.tableNo}}
	for ri := range kept {
		r := &kept[ri]
		r.Pos.File, r.Pos.Table, r.Pos.Row = s.path, s.tableNo, ri+1
		if r.Pos.Line == 0 {
			r.Pos.Line = r.Cells[0].Pos.Line
		}
		for ci := range r.Cells {
			c := &r.Cells[ci]
			c.Pos.File, c.Pos.Table, c.Pos.Row = s.path, s.tableNo, ri+1
			if c.Pos.Col == 0 {
				c.Pos.Col = ci + 1
			}
			if c.Span == 0 {
				c.Span = 1
			}
		}
	}
	t.Rows = kept
	s.doc.Blocks = append(s.doc.Blocks, Block{Table: t})
	return nil
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// readTabTable reads a table in layout 1 (tab-prefixed cells) or layout 2
// (tab-separated rows), whichever the lines from i are written in.
func readTabTable(s *textScanner, i int) ([]Row, int, bool) {
	if !strings.Contains(s.lines[i].text, "\t") {
		return nil, i, false
	}
	if isTabPrefixed(s.lines, i) {
		return readTabPrefixed(s, i)
	}
	return readTSV(s, i)
}

// isTabPrefixed reports whether the tab lines from i are mostly lines
// holding a single leading tab (layout 1) rather than tab-separated rows.
func isTabPrefixed(lines []srcLine, i int) bool {
	prefixed, separated := 0, 0
	for j := i; j < len(lines) && j < i+200; j++ {
		t := lines[j].text
		if !strings.Contains(t, "\t") {
			continue
		}
		if strings.HasPrefix(t, "\t") && strings.Count(t, "\t") == 1 {
			prefixed++
		} else {
			separated++
		}
	}
	return prefixed > 2*separated
}

// readTabPrefixed reads layout 1: a line starting with a tab starts a table
// cell, a following line without a tab continues that cell, a blank line
// ends a row, and two blank lines in a row or a line of body text end the
// table.
func readTabPrefixed(s *textScanner, i int) ([]Row, int, bool) {
	var (
		rows   []Row
		row    *Row
		blanks int
	)
	endRow := func() bool {
		if row != nil && len(row.Cells) > 0 {
			rows = append(rows, *row)
			row = nil
			return s.grow(len(rows[len(rows)-1].Cells))
		}
		row = nil
		return true
	}
	j := i
loop:
	for ; j < len(s.lines); j++ {
		l := s.lines[j]
		switch {
		case strings.HasPrefix(l.text, "\t"):
			if row == nil {
				row = &Row{Pos: Pos{Line: l.no}}
			}
			blanks = 0
			row.Cells = append(row.Cells, Cell{Text: l.text[1:], Span: 1, Pos: Pos{Line: l.no, Col: len(row.Cells) + 1}})
		case isBlank(l.text):
			if row != nil {
				if !endRow() {
					break loop
				}
				blanks = 1
				continue
			}
			blanks++
			if blanks >= 2 {
				break loop
			}
		case row != nil:
			// A line without a tab inside an open row continues the last cell.
			c := &row.Cells[len(row.Cells)-1]
			c.Text += "\n" + l.text
		default:
			break loop
		}
	}
	endRow()
	return rows, j, len(rows) > 0
}

// mdHeading matches the marks of a Markdown heading or block quote.
var mdHeading = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s{0,3}(?:#{1,6}\s+|>\s?)`) })

// stripMarkdown removes the Markdown marks pandoc writes around report text:
// heading and quote marks, "**" of bold text and the backslash of a hard
// line break. Other text is unchanged.
func stripMarkdown(s string) string {
	if !strings.ContainsAny(s, "#>*\\") {
		return s
	}
	s = mdHeading().ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "**", "")
	return strings.TrimSuffix(s, "\\")
}
