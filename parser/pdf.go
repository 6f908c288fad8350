package parser

import (
	"context"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// This file turns the pages of a PDF (pdfium.go reads them, pdf_grid.go
// rebuilds their tables) into a Document: the narrative's lines joined
// into paragraphs in reading order, tables continued over page breaks
// joined into one, page numbers and running headers dropped.

// pdfMagic starts every PDF file (a few producers put bytes before it).
var pdfMagic = []byte("%PDF-")

// parsePDF reads a PDF.
func parsePDF(ctx context.Context, path string, data []byte, lim Limits) (*Document, error) {
	pages, err := readPDFPages(ctx, data, lim)
	if err != nil {
		return nil, err
	}
	glyphs, images := 0, 0
	for _, p := range pages {
		glyphs += len(p.glyphs)
		images += p.images
	}
	if glyphs == 0 {
		if images > 0 || len(pages) > 0 {
			return nil, ErrScanned
		}
		return nil, ErrEmpty
	}
	b := pdfBuilder{path: path, lim: lim, doc: &Document{Path: path, Format: "pdf"}}
	running := runningLines(pages)
	blocks := make([][]pdfBlock, len(pages))
	b.left, b.right = math.Inf(1), math.Inf(-1)
	for i := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if blocks[i], err = b.pageBlocks(&pages[i], running); err != nil {
			return nil, err
		}
	}
	b.pitch = linePitch(blocks)
	for i := range pages {
		if err := b.page(blocks[i], pages[i].n); err != nil {
			return nil, err
		}
	}
	b.endPara()
	if err := b.endTable(); err != nil {
		return nil, err
	}
	return b.doc, nil
}

// pdfBuilder gathers the blocks of a document page by page.
type pdfBuilder struct {
	path string
	lim  Limits
	doc  *Document

	para     []pdfTextLine // lines of the paragraph being read
	paraPage int
	paraNo   int
	prev     *pdfTextLine // the last line read, nil after a table
	left     float64      // the document's left and right text margins
	right    float64
	pitch    float64 // the usual distance from a line to the next

	table  []pdfPiece // the pieces of the table being read
	cells  int
	rows   int
	tables int
}

// linePitch returns the most common distance from the top of a line to
// the top of the next line of the narrative on the same page, to the half
// point; 0 when no two lines follow each other.
func linePitch(pages [][]pdfBlock) float64 {
	count := map[float64]int{}
	best, bestN := 0.0, 0
	for _, bs := range pages {
		for k := 1; k < len(bs); k++ {
			if bs[k].line == nil || bs[k-1].line == nil {
				continue
			}
			d := math.Round(2*(bs[k].line.y0-bs[k-1].line.y0)) / 2
			if count[d]++; count[d] > bestN || count[d] == bestN && d < best {
				best, bestN = d, count[d]
			}
		}
	}
	return best
}

// pdfBlock is a line or a table piece of a page, in reading order.
type pdfBlock struct {
	y     float64
	line  *pdfTextLine
	piece *pdfPiece
}

// pageBlocks returns the lines and table pieces of a page in reading
// order, and widens the document's margins to its lines.
func (b *pdfBuilder) pageBlocks(p *pdfPage, running map[string]bool) ([]pdfBlock, error) {
	used := make([]bool, len(p.glyphs))
	pieces, err := pageTables(p, used)
	if err != nil {
		return nil, err
	}
	var rest []pdfGlyph
	for i, g := range p.glyphs {
		if !used[i] {
			rest = append(rest, g)
		}
	}
	var blocks []pdfBlock
	lines := textLines(rest)
	for i := range lines {
		l := &lines[i]
		if pageFurniture(l, p, running) {
			continue
		}
		b.left, b.right = math.Min(b.left, l.x0), math.Max(b.right, l.x1)
		blocks = append(blocks, pdfBlock{y: l.y0, line: l})
	}
	for i := range pieces {
		blocks = append(blocks, pdfBlock{y: pieces[i].y0, piece: &pieces[i]})
	}
	sortBlocks(blocks)
	return blocks, nil
}

// page adds the blocks of page n.
func (b *pdfBuilder) page(blocks []pdfBlock, n int) error {
	for k, bl := range blocks {
		if bl.piece != nil {
			b.endPara()
			if len(b.table) > 0 && !(k == 0 && continues(b.table[len(b.table)-1], *bl.piece)) {
				if err := b.endTable(); err != nil {
					return err
				}
			}
			b.table = append(b.table, *bl.piece)
			b.prev = nil
			continue
		}
		if err := b.endTable(); err != nil {
			return err
		}
		b.line(*bl.line, n)
	}
	return nil
}

// sortBlocks orders blocks top to bottom.
func sortBlocks(bs []pdfBlock) {
	for i := 1; i < len(bs); i++ {
		for j := i; j > 0 && bs[j].y < bs[j-1].y; j-- {
			bs[j], bs[j-1] = bs[j-1], bs[j]
		}
	}
}

// continues reports whether piece, the first thing on its page, carries on
// the table whose last piece is last: it is on the next page and has the
// same left and right edges.
func continues(last, piece pdfPiece) bool {
	return piece.page == last.page+1 && math.Abs(piece.x0-last.x0) <= 3*snap && math.Abs(piece.x1-last.x1) <= 3*snap
}

// pageFurniture reports whether l is a page number or a running header or
// footer: a line in the top or bottom tenth of the page that numbers the
// page or repeats on other pages.
func pageFurniture(l *pdfTextLine, p *pdfPage, running map[string]bool) bool {
	if l.y0 > 0.1*p.h && l.y1 < 0.9*p.h {
		return false
	}
	s := strings.TrimSpace(l.text())
	return pageNumber().MatchString(s) || strings.Trim(s, "0123456789") == "" || running[s]
}

// runningLines returns the texts of the lines in the top or bottom tenth
// of more than one page, with their digits taken as one: page headers and
// footers. A document of one page has none.
func runningLines(pages []pdfPage) map[string]bool {
	seen := map[string]map[int]bool{}
	for _, p := range pages {
		for _, l := range textLines(p.glyphs) {
			if l.y0 > 0.1*p.h && l.y1 < 0.9*p.h {
				continue
			}
			s := strings.TrimSpace(l.text())
			if seen[s] == nil {
				seen[s] = map[int]bool{}
			}
			seen[s][p.n] = true
		}
	}
	out := map[string]bool{}
	for s, ps := range seen {
		if len(ps) > 1 && len(pages) > 2 {
			out[s] = true
		}
	}
	return out
}

// headingStart matches the start of a line that begins a heading or a
// numbered paragraph: "一、", "（一）", "1." and the like. It is compiled
// when a PDF is first read, not at every start.
var headingStart = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])`)
})

// line adds a line of the narrative: it continues the paragraph being read
// unless it is indented, starts a heading, follows a short line or a gap,
// or comes after a table.
func (b *pdfBuilder) line(l pdfTextLine, page int) {
	h := l.y1 - l.y0
	if prev := b.prev; prev != nil && len(b.para) > 0 {
		ph := prev.y1 - prev.y0
		em := math.Max(h, ph)
		samePage := page == b.paraPage
		gap := l.y0 - prev.y0
		if b.pitch > 0 {
			gap /= b.pitch
		} else {
			gap /= 1.5 * em
		}
		mid, lmid, pmid := (b.left+b.right)/2, (l.x0+l.x1)/2, (prev.x0+prev.x1)/2
		// A centred line (a title) wraps to a centred line.
		centred := math.Abs(lmid-mid) < em && math.Abs(pmid-mid) < em && prev.x1-prev.x0 > 0.8*(b.right-b.left)
		breaks := (l.x0 > b.left+0.8*em && !centred) ||
			prev.x1 < b.right-1.5*em ||
			headingStart().MatchString(l.text()) ||
			(samePage && gap > 1.35) ||
			math.Abs(h-ph) > 0.25*em
		if !breaks {
			b.para = append(b.para, l)
			b.prev = &b.para[len(b.para)-1]
			return
		}
	}
	b.endPara()
	b.para = append(b.para, l)
	b.paraPage = page
	b.prev = &b.para[len(b.para)-1]
}

// endPara adds the paragraph being read.
func (b *pdfBuilder) endPara() {
	if len(b.para) == 0 {
		return
	}
	var s strings.Builder
	var last rune
	for _, l := range b.para {
		t := l.text()
		r := []rune(t)
		if s.Len() > 0 && isLatin(last) && isLatin(r[0]) {
			s.WriteByte(' ')
		}
		s.WriteString(t)
		last = r[len(r)-1]
	}
	b.paraNo++
	b.doc.Blocks = append(b.doc.Blocks, Block{Para: &Paragraph{Text: s.String(), Pos: Pos{File: b.path, Para: b.paraNo, Page: b.paraPage}}})
	b.para = nil
	b.prev = nil
}

// endTable adds the table being read: its pieces' rows on one grid of
// columns (the edges of all its cells), a header row that a piece repeats
// from the first dropped.
func (b *pdfBuilder) endTable() error {
	if len(b.table) == 0 {
		return nil
	}
	pieces := b.table
	b.table = nil
	if b.tables++; b.tables > b.lim.MaxTables {
		return limitErr(LimitTables, b.lim.MaxTables)
	}
	var rows []pageRow
	var edges []float64
	for k, p := range pieces {
		start := 0
		if k > 0 {
			start = repeatedHeader(pieces[0].rows, p.rows)
		}
		for r, row := range p.rows[start:] {
			if k > 0 && r == 0 && start == 0 && inHeader(rows) && splitRow(rows[len(rows)-1].row, row) {
				// The row broken by the page: its cells' text goes on.
				last := &rows[len(rows)-1].row
				joinRow(last, row)
				continue
			}
			if !hasText(row) && len(rows) > 0 {
				// A sliver between two strokes of a cut cell's border:
				// nothing in it but empty and merged cells.
				continue
			}
			if k > 0 && r == 0 {
				joinCutLabels(rows, &row, p.rows[start:])
			}
			rows = append(rows, pageRow{row, p.page})
			for _, c := range row.cells {
				edges = append(edges, c.x0, c.x1)
			}
		}
	}
	mergeEmptyLabels(rows)
	cols := cluster(edges)
	col := func(x float64) int {
		best := 0
		for i, c := range cols {
			if math.Abs(c-x) < math.Abs(cols[best]-x) {
				best = i
			}
		}
		return best
	}
	t := &Table{Index: b.tables, Pos: Pos{File: b.path, Table: b.tables, Page: pieces[0].page}}
	for i, pr := range rows {
		if b.rows++; b.rows > b.lim.MaxRows {
			return limitErr(LimitRows, b.lim.MaxRows)
		}
		row := Row{Pos: Pos{File: b.path, Table: t.Index, Row: i + 1, Page: pr.page}}
		for _, c := range pr.row.cells {
			if b.cells++; b.cells > b.lim.MaxCells {
				return limitErr(LimitCells, b.lim.MaxCells)
			}
			c0 := col(c.x0)
			span := max(col(c.x1)-c0, 1)
			row.Cells = append(row.Cells, Cell{Text: c.text, Span: span, Merged: c.merged,
				Pos: Pos{File: b.path, Table: t.Index, Row: i + 1, Col: c0 + 1, Page: pr.page}})
		}
		t.Rows = append(t.Rows, row)
	}
	b.doc.Blocks = append(b.doc.Blocks, Block{Table: t})
	return nil
}

// pageRow is a row of a table and the page it is on.
type pageRow struct {
	row  pdfRow
	page int
}

// mergeEmptyLabels marks as merged an empty cell among a row's labels
// (before its first number) under a cell of the same columns that is
// merged or has a label: a merged label that a page break cut, which
// Chromium closes with a line at the break.
func mergeEmptyLabels(rows []pageRow) {
	for i := 1; i < len(rows); i++ {
		above := rows[i-1].row.cells
		for k := range rows[i].row.cells {
			c := &rows[i].row.cells[k]
			if isNumberCell(*c) {
				break
			}
			if c.text != "" || c.merged {
				continue
			}
			for _, a := range above {
				if math.Abs(a.x0-c.x0) <= snap && math.Abs(a.x1-c.x1) <= snap && (a.merged || a.text != "" && !isNumberCell(a)) {
					c.merged = true
				}
			}
		}
	}
}

// hasText reports whether a cell of r has text.
func hasText(r pdfRow) bool {
	return slices.ContainsFunc(r.cells, func(c pdfCell) bool { return c.text != "" })
}

// joinCutLabels joins to the label it continues each label of row, the
// first row of a page: a label cell (before the row's first number) that
// does not start as labels do ("（四）", "1."), under a label of the same
// columns on the page before, and merged with the cell below it (or in
// the header, before any number), is the rest of a merged label the page
// cut ("三、本年度办理结" / "果", "自然" / "人"). rest is the page's rows
// from row on.
func joinCutLabels(rows []pageRow, row *pdfRow, rest []pdfRow) {
	if len(rows) == 0 || len(rest) < 2 {
		return
	}
	header := inHeader(rows)
	for k := range row.cells {
		c := &row.cells[k]
		if isNumberCell(*c) {
			return
		}
		if c.text == "" || c.merged || headingStart().MatchString(c.text) || !(header || mergedBelow(rest[1], *c)) {
			continue
		}
		if top := labelAbove(rows, *c); top != nil {
			top.text += c.text
			c.text, c.merged = "", true
		}
	}
}

// sameColumns reports whether two cells cover the same columns.
func sameColumns(a, b pdfCell) bool {
	return math.Abs(a.x0-b.x0) <= snap && math.Abs(a.x1-b.x1) <= snap
}

// mergedBelow reports whether next has a merged cell in c's columns.
func mergedBelow(next pdfRow, c pdfCell) bool {
	return slices.ContainsFunc(next.cells, func(d pdfCell) bool { return d.merged && sameColumns(c, d) })
}

// labelAbove returns the cell that holds the text of the label in c's
// columns in the last of rows (going up through merged cells), or nil
// when it is no label.
func labelAbove(rows []pageRow, c pdfCell) *pdfCell {
	for i := len(rows) - 1; i >= 0; i-- {
		k := slices.IndexFunc(rows[i].row.cells, func(d pdfCell) bool { return sameColumns(c, d) })
		if k < 0 {
			return nil
		}
		d := &rows[i].row.cells[k]
		if !d.merged {
			if d.text == "" || isNumberCell(*d) {
				return nil
			}
			return d
		}
	}
	return nil
}

// repeatedHeader returns how many of the first rows of next repeat the
// first rows of first, cell for cell (a header repeated on each page).
func repeatedHeader(first, next []pdfRow) int {
	n := 0
	for n < len(first) && n < len(next) && rowText(first[n]) == rowText(next[n]) && rowText(first[n]) != "" {
		n++
	}
	// A repeat is of header rows: the rows of a label and numbers are
	// never repeated; two equal data rows at a page break are kept.
	for i := range n {
		if hasDigitCell(first[i]) {
			return 0
		}
	}
	return n
}

func rowText(r pdfRow) string {
	var s strings.Builder
	for _, c := range r.cells {
		s.WriteString(c.text)
		s.WriteByte('|')
	}
	return s.String()
}

// hasDigitCell reports whether a cell of r is a number.
func hasDigitCell(r pdfRow) bool {
	return slices.ContainsFunc(r.cells, isNumberCell)
}

// isNumberCell reports whether c holds a number.
func isNumberCell(c pdfCell) bool {
	return c.text != "" && strings.Trim(c.text, "0123456789.,，%") == ""
}

// splitRow reports whether next, the first row of a page, is the rest of
// last, the last row of the page before, broken by the page: the same
// cells, and a first cell with no text of its own (the label was all on
// the first page) while others go on.
func splitRow(last, next pdfRow) bool {
	if len(last.cells) != len(next.cells) || len(next.cells) < 2 {
		return false
	}
	for i := range last.cells {
		if math.Abs(last.cells[i].x0-next.cells[i].x0) > 2*snap || math.Abs(last.cells[i].x1-next.cells[i].x1) > 2*snap {
			return false
		}
	}
	if next.cells[0].text != "" || next.cells[0].merged {
		return false
	}
	some := false
	for _, c := range next.cells[1:] {
		if c.text != "" {
			some = true
		}
	}
	return some && !hasDigitCell(next)
}

// inHeader reports whether rows, not none, are all header rows: no cell
// is a number. Only a header row broken by a page is joined: a data row's
// first cell on the next page is empty when its label is merged.
func inHeader(rows []pageRow) bool {
	for _, r := range rows {
		if hasDigitCell(r.row) {
			return false
		}
	}
	return len(rows) > 0
}

// joinRow appends the text of next's cells to last's.
func joinRow(last *pdfRow, next pdfRow) {
	for i := range last.cells {
		last.cells[i].text += next.cells[i].text
	}
}
