package parser

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML reads a published report page. The page is decoded as
// decodeHTML says and parsed with golang.org/x/net/html, which repairs
// malformed markup as browsers do; then:
//
//   - script, style, noscript, template, head, nav, footer, aside, form
//     controls and elements whose class or id names page chrome (menus,
//     breadcrumbs, share bars, copyright) are skipped, and so is a page
//     <header> outside <article> and <main>;
//   - text outside tables becomes paragraphs: each block element (<p>,
//     <div>, <h1>…<h6>, <li>, …) and each <br> ends one, so a heading
//     written as <p><strong>一、总体情况</strong></p> is a paragraph;
//   - a table that holds another table is a layout table (sites wrap the
//     article in one): its cells are read as blocks and the tables inside
//     it are read in turn, so no report table is hidden;
//   - every other table becomes a Table with one Cell per <td> or <th>,
//     Span set from colspan, and, for each row a rowspan covers, a Merged
//     empty cell at that grid position, as the .docx reader writes Word's
//     vertically merged cells. <br> and block elements inside a cell give
//     "\n"; &nbsp; is kept as U+00A0.
//
// Positions carry Table, Row and Col (the grid column) for cells and Para
// for paragraphs; HTML gives no lines.
func parseHTML(ctx context.Context, path string, data []byte, lim Limits) (*Document, error) {
	text, enc, err := decodeHTML(data)
	if err != nil {
		return nil, err
	}
	if err := checkHTMLCounts(text, lim); err != nil {
		return nil, err
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// Reading a string cannot fail: the parser's one error is its
		// own limit on nesting (512 open elements).
		return nil, tooLarge(LimitDepth, 512, "parse html: %v", err)
	}
	w := &htmlWalker{ctx: ctx, path: path, lim: lim, doc: &Document{Path: path, Format: "html", Encoding: enc}}
	if err := w.walk(root, 0); err != nil {
		return nil, err
	}
	w.flush()
	if len(w.doc.Blocks) == 0 {
		return nil, fmt.Errorf("%w: no text in the page", ErrEmpty)
	}
	return w.doc, nil
}

// checkHTMLCounts counts the start tags of text with the tokenizer, which
// keeps nothing, before the page is parsed into a tree: more table cells
// (td, th), rows or tables than lim allows, in any table, or more than
// lim.MaxElements elements (the parser builds a node for each, many times
// the bytes of its tags), stop the read with a LimitError.
//
// Most pages are far under the limits, and the tokenizer costs a fifth of
// reading a page (1.1 of 5.4 ms for the real 2025-pingtan-zone page), so
// the tags are first counted by a quick scan (quickTagCounts) that never
// counts fewer than the tokenizer: only when that count reaches a limit
// does the tokenizer count again, exactly.
func checkHTMLCounts(text string, lim Limits) error {
	if quickTagCounts(text).over(lim) == nil {
		return nil
	}
	_, err := tokenTagCounts(text, lim)
	return err
}

// tagCounts counts start tags: td and th, tr, table, and all of them.
type tagCounts struct{ cells, rows, tables, elems int }

// over returns the LimitError of the first count past its limit in lim,
// or nil.
func (c tagCounts) over(lim Limits) error {
	switch {
	case c.cells > lim.MaxCells:
		return limitErr(LimitCells, lim.MaxCells)
	case c.rows > lim.MaxRows:
		return limitErr(LimitRows, lim.MaxRows)
	case c.tables > lim.MaxTables:
		return limitErr(LimitTables, lim.MaxTables)
	case c.elems > lim.MaxElements:
		return limitErr(LimitElements, lim.MaxElements)
	}
	return nil
}

// tokenTagCounts counts the start tags of text with the tokenizer, and
// stops with the LimitError of the first count that passes lim.
func tokenTagCounts(text string, lim Limits) (tagCounts, error) {
	var c tagCounts
	z := html.NewTokenizer(strings.NewReader(text))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return c, nil // io.EOF: a string reader has no other error
		case html.StartTagToken, html.SelfClosingTagToken:
		default:
			continue
		}
		name, _ := z.TagName()
		c.elems++
		switch atom.Lookup(name) {
		case atom.Td, atom.Th:
			c.cells++
		case atom.Tr:
			c.rows++
		case atom.Table:
			c.tables++
		}
		if err := c.over(lim); err != nil {
			return c, err
		}
	}
}

// quickTagCounts counts in text every '<' followed by an ASCII letter, and
// among those the names td, th, tr and table (in any case) ending where
// the tokenizer ends a tag name. Every start tag the HTML tokenizer reads
// begins so, and more: "<td" in a script, a comment or an attribute value
// is counted too. So each count is at least the tokenizer's
// (TestQuickTagCountsBound).
func quickTagCounts(text string) tagCounts {
	var c tagCounts
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '<')
		if j < 0 {
			return c
		}
		i += j + 1
		if i >= len(text) {
			return c
		}
		if l := text[i] | 0x20; l < 'a' || l > 'z' {
			continue
		}
		c.elems++
		switch {
		case tagNameIs(text[i:], "td"), tagNameIs(text[i:], "th"):
			c.cells++
		case tagNameIs(text[i:], "tr"):
			c.rows++
		case tagNameIs(text[i:], "table"):
			c.tables++
		}
	}
}

// tagNameIs reports whether s starts with the tag name name, in any case,
// followed by what ends a name for the tokenizer (space, '/', '>') or by
// nothing.
func tagNameIs(s, name string) bool {
	if len(s) < len(name) || !strings.EqualFold(s[:len(name)], name) {
		return false
	}
	if len(s) == len(name) {
		return true
	}
	switch s[len(name)] {
	case ' ', '\t', '\n', '\f', '\r', '/', '>':
		return true
	}
	return false
}

// htmlFragmentTables parses s, a piece of HTML holding tables, and returns
// the rows of each data table in it. Positions hold only Row and Col.
func htmlFragmentTables(s string) [][]Row {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return nil
	}
	w := &htmlWalker{ctx: context.Background(), lim: DefaultLimits(), doc: &Document{}}
	for _, n := range nodes {
		if err := w.walk(n, 0); err != nil {
			return nil
		}
	}
	var out [][]Row
	for _, t := range w.doc.Tables() {
		out = append(out, t.Rows)
	}
	return out
}

type htmlWalker struct {
	ctx     context.Context
	path    string
	lim     Limits
	doc     *Document
	para    strings.Builder
	paraNo  int
	tableNo int
	cells   int
	grid    int // cells of the rebuilt grids, merged ones included
	steps   int
}

// skipped lists elements whose content is never report text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Svg: true, atom.Canvas: true, atom.Select: true, atom.Button: true,
	atom.Input: true, atom.Textarea: true, atom.Map: true, atom.Audio: true, atom.Video: true,
}

// blockElems end a paragraph before and after their content.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Blockquote: true, atom.Pre: true, atom.Center: true, atom.Address: true, atom.Figure: true,
	atom.Figcaption: true, atom.Hr: true, atom.Header: true, atom.Body: true, atom.Html: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Caption: true, atom.Form: true, atom.Fieldset: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Table: true,
}

// chromeWord matches the parts of a class or id that name page chrome.
// chromeWords are the class and id words of page chrome, in lower case.
var chromeWords = []string{"nav", "navbar", "navigation", "menu", "mainmenu", "submenu", "topnav", "footer", "foot", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "share", "copyright", "sidebar", "toolbar", "skip", "search"}

// chromeWord reports whether part is one of chromeWords in any case
// (strings.EqualFold folds as a case-insensitive regexp does).
func chromeWord(part string) bool {
	if len(part) < 3 || len(part) > 3*len("breadcrumbs") {
		return false // a folded letter (K for k) takes at most 3 bytes
	}
	for _, w := range chromeWords {
		if strings.EqualFold(part, w) {
			return true
		}
	}
	return false
}

// isChrome reports whether n is page chrome by its element or its class
// and id.
func isChrome(n *html.Node) bool {
	if n.DataAtom == atom.Header {
		for p := n.Parent; p != nil; p = p.Parent {
			if p.DataAtom == atom.Article || p.DataAtom == atom.Main {
				return false
			}
		}
		return true
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, part := range strings.FieldsFunc(a.Val, func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == '\t' }) {
			if chromeWord(part) {
				return true
			}
		}
	}
	return false
}

func (w *htmlWalker) walk(n *html.Node, depth int) error {
	if depth > w.lim.MaxDepth {
		return tooLarge(LimitDepth, int64(w.lim.MaxDepth), "html nesting deeper than %d", w.lim.MaxDepth)
	}
	w.steps++
	if w.steps%ctxCheckEvery == 0 {
		if err := w.ctx.Err(); err != nil {
			return err
		}
	}
	switch n.Type {
	case html.TextNode:
		w.para.WriteString(collapseSpace(n.Data))
		return nil
	case html.ElementNode:
		if skipped[n.DataAtom] || isChrome(n) {
			return nil
		}
		switch n.DataAtom {
		case atom.Br:
			w.flush()
			return nil
		case atom.Table:
			if !hasDescendant(n, atom.Table) {
				w.flush()
				return w.table(n)
			}
		}
		if blockElems[n.DataAtom] {
			w.flush()
			defer w.flush()
		}
	case html.DocumentNode:
	default:
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := w.walk(c, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// flush ends the open paragraph.
func (w *htmlWalker) flush() {
	text := strings.TrimSpace(w.para.String())
	w.para.Reset()
	if text == "" {
		return
	}
	w.paraNo++
	w.doc.Blocks = append(w.doc.Blocks, Block{Para: &Paragraph{Text: text, Pos: Pos{File: w.path, Para: w.paraNo}}})
}

// collapseSpace turns each run of HTML white space into one space, as a
// browser shows it; U+00A0 and U+3000 are kept.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, " \t\n\r\f") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func hasDescendant(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == a || hasDescendant(c, a)) {
			return true
		}
	}
	return false
}

// maxSpan bounds colspan and rowspan values.
const maxSpan = 1000

// spanAttr returns the integer value of a span attribute clamped to
// [1, maxSpan]; absent, invalid or zero values are 1.
func spanAttr(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return 1
			}
			return min(v, maxSpan)
		}
	}
	return 1
}

// tableRows lists the <tr> of table t in order, through <thead>, <tbody>
// and <tfoot>, without entering nested tables.
func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				visit(c)
			}
		}
	}
	visit(t)
	return rows
}

// table rebuilds a data table on its grid.
func (w *htmlWalker) table(t *html.Node) error {
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Caption {
			w.para.WriteString(cellText(c))
			w.flush()
		}
	}
	type pending struct{ left, span int }
	open := map[int]pending{} // by grid column of the cell a rowspan continues
	tb := &Table{Index: w.tableNo + 1, Pos: Pos{File: w.path, Table: w.tableNo + 1}}
	for _, tr := range tableRows(t) {
		rowNo := len(tb.Rows) + 1
		row := Row{Pos: Pos{File: w.path, Table: tb.Index, Row: rowNo}}
		col := 0
		// merged writes the Merged cell that continues the rowspan open at
		// column k, if any, and moves col past it.
		merged := func(k int) bool {
			p, ok := open[k]
			if !ok {
				return false
			}
			row.Cells = append(row.Cells, Cell{Span: p.span, Merged: true, Pos: Pos{File: w.path, Table: tb.Index, Row: rowNo, Col: k + 1}})
			if p.left--; p.left == 0 {
				delete(open, k)
			} else {
				open[k] = p
			}
			col = k + p.span
			return true
		}
		cells := 0
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
				continue
			}
			for merged(col) {
			}
			span, rows := spanAttr(c, "colspan"), spanAttr(c, "rowspan")
			for k := range open {
				if k > col && k < col+span {
					delete(open, k) // overlapped by this cell: malformed
				}
			}
			w.cells++
			if w.cells > w.lim.MaxCells {
				return limitErr(LimitCells, w.lim.MaxCells)
			}
			row.Cells = append(row.Cells, Cell{Text: cellText(c), Span: span, Pos: Pos{File: w.path, Table: tb.Index, Row: rowNo, Col: col + 1}})
			if rows > 1 {
				open[col] = pending{left: rows - 1, span: span}
			}
			col += span
			cells++
		}
		if cells == 0 {
			continue
		}
		// Rowspans still open after the row's last cell.
		keys := make([]int, 0, len(open))
		for k := range open {
			if k >= col {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			merged(k)
		}
		tb.Rows = append(tb.Rows, row)
		// Cells that continue a rowspan count too: a few cells spanning
		// many rows must not make a grid past the limit.
		if w.grid += len(row.Cells); w.grid > w.lim.MaxCells {
			return limitErr(LimitCells, w.lim.MaxCells)
		}
	}
	if len(tb.Rows) == 0 {
		return nil
	}
	w.tableNo++
	w.doc.Blocks = append(w.doc.Blocks, Block{Table: tb})
	return nil
}

// cellText returns the text of a table cell: <br> and block elements give
// line breaks, white space runs collapse, lines are trimmed of ASCII
// spaces, and empty lines are dropped.
func cellText(n *html.Node) string {
	var b strings.Builder
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		if depth > 64 {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(collapseSpace(c.Data))
			case html.ElementNode:
				if skipped[c.DataAtom] {
					continue
				}
				if c.DataAtom == atom.Br {
					b.WriteByte('\n')
					continue
				}
				block := blockElems[c.DataAtom]
				if block {
					b.WriteByte('\n')
				}
				visit(c, depth+1)
				if block {
					b.WriteByte('\n')
				}
			}
		}
	}
	visit(n, 0)
	var lines []string
	for l := range strings.SplitSeq(b.String(), "\n") {
		if l = strings.Trim(l, " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
