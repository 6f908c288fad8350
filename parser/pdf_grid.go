package parser

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// This file rebuilds the tables of a PDF page from its ruling lines: the
// lines that touch each other make one table; their distinct heights and
// offsets are the grid; a grid line missing between two grid cells merges
// them (a row or column span); each glyph goes to the cell its centre is
// in. Coordinates are points from the page's top left corner.

// snap is how far apart two coordinates may be and still be one grid line:
// producers draw a border as two strokes half a point apart, or end a line
// a little short of the one it meets.
const snap = 2.5

// pdfMaxTableSegs bounds the lines of one page that tables are made of:
// the grouping below is quadratic, and a report's page has a few hundred.
const pdfMaxTableSegs = 6000

// pdfPiece is the part of a table on one page.
type pdfPiece struct {
	page           int
	x0, y0, x1, y1 float64
	rows           []pdfRow
}

// pdfRow is one grid row of a piece.
type pdfRow struct {
	y0, y1 float64
	cells  []pdfCell
}

// pdfCell is one cell of a row: a region of the grid, or the part in this
// row of a region that began in a row above (merged).
type pdfCell struct {
	x0, x1 float64
	text   string
	merged bool
}

// cluster returns the distinct values of vs, sorted, values closer than
// snap to the previous one taken as it (the mean of each group).
func cluster(vs []float64) []float64 {
	if len(vs) == 0 {
		return nil
	}
	s := slices.Clone(vs)
	slices.Sort(s)
	var out []float64
	sum, n, last := s[0], 1.0, s[0]
	for _, v := range s[1:] {
		if v-last <= snap {
			sum, n, last = sum+v, n+1, v
			continue
		}
		out = append(out, sum/n)
		sum, n, last = v, 1, v
	}
	return append(out, sum/n)
}

// unionFind is a disjoint-set forest over 0..n-1.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) { u[u.find(a)] = u.find(b) }

// touch reports whether two segments meet, within snap.
func touch(a, b pdfSeg) bool {
	return a.x0-snap <= b.x1 && b.x0-snap <= a.x1 && a.y0-snap <= b.y1 && b.y0-snap <= a.y1
}

// pageTables finds the tables of page p and gives each its glyphs; used[i]
// is set for every glyph inside a table.
func pageTables(p *pdfPage, used []bool) ([]pdfPiece, error) {
	segs := p.segs
	if len(segs) > pdfMaxTableSegs {
		return nil, tooLarge(LimitStructure, pdfMaxTableSegs, "page %d has more than %d lines", p.n, pdfMaxTableSegs)
	}
	u := newUnionFind(len(segs))
	for i := range segs {
		for j := i + 1; j < len(segs); j++ {
			if touch(segs[i], segs[j]) {
				u.union(i, j)
			}
		}
	}
	groups := map[int][]pdfSeg{}
	var roots []int
	for i, s := range segs {
		r := u.find(i)
		if groups[r] == nil {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], s)
	}
	var pieces []pdfPiece
	for _, r := range roots {
		if t, ok := gridPiece(p, groups[r], used); ok {
			pieces = append(pieces, t)
		}
	}
	sort.SliceStable(pieces, func(i, j int) bool { return pieces[i].y0 < pieces[j].y0 })
	return pieces, nil
}

// gridPiece makes the table of one group of touching lines, if they make
// a grid of at least one cell.
func gridPiece(p *pdfPage, segs []pdfSeg, used []bool) (pdfPiece, bool) {
	var hy, vx []float64
	var hs, vs []pdfSeg
	for _, s := range segs {
		if s.horizontal() {
			hs, hy = append(hs, s), append(hy, s.y0)
		} else {
			vs, vx = append(vs, s), append(vx, s.x0)
		}
	}
	ys, xs := cluster(hy), cluster(vx)
	if len(ys) < 2 || len(xs) < 2 {
		return pdfPiece{}, false
	}
	nr, nc := len(ys)-1, len(xs)-1
	// covered reports whether a line of ls at coordinate at (within snap)
	// runs through the middle of [a, b] along it.
	covered := func(ls []pdfSeg, horiz bool, at, a, b float64) bool {
		mid := (a + b) / 2
		for _, s := range ls {
			if horiz && math.Abs(s.y0-at) <= snap && s.x0-snap <= mid && mid <= s.x1+snap {
				return true
			}
			if !horiz && math.Abs(s.x0-at) <= snap && s.y0-snap <= mid && mid <= s.y1+snap {
				return true
			}
		}
		return false
	}
	u := newUnionFind(nr * nc)
	for r := range nr {
		for c := range nc {
			if c+1 < nc && !covered(vs, false, xs[c+1], ys[r], ys[r+1]) {
				u.union(r*nc+c, r*nc+c+1)
			}
			if r+1 < nr && !covered(hs, true, ys[r+1], xs[c], xs[c+1]) {
				u.union(r*nc+c, (r+1)*nc+c)
			}
		}
	}
	// The extent of each region in grid rows and columns.
	type region struct{ r0, r1, c0, c1 int }
	regs := map[int]*region{}
	for r := range nr {
		for c := range nc {
			k := u.find(r*nc + c)
			g := regs[k]
			if g == nil {
				regs[k] = &region{r, r, c, c}
				continue
			}
			g.r0, g.r1, g.c0, g.c1 = min(g.r0, r), max(g.r1, r), min(g.c0, c), max(g.c1, c)
		}
	}
	// Glyphs to regions. A cell whose text a page break cuts (Chromium)
	// has its side lines run on past the table's last grid line: glyphs
	// between them are the last row's.
	x0, y0, x1, y1 := xs[0], ys[0], xs[nc], ys[nr]
	top, bottom := y0, y1
	for _, s := range vs {
		top, bottom = math.Min(top, s.y0), math.Max(bottom, s.y1)
	}
	texts := map[int][]pdfGlyph{}
	for i, g := range p.glyphs {
		cx, cy := (g.x0+g.x1)/2, (g.y0+g.y1)/2
		if used[i] || cx < x0 || cx > x1 || cy < top || cy > bottom {
			continue
		}
		used[i] = true
		if unicode.IsSpace(g.r) {
			continue
		}
		r := min(max(sort.SearchFloat64s(ys, cy)-1, 0), nr-1)
		c := min(max(sort.SearchFloat64s(xs, cx)-1, 0), nc-1)
		k := u.find(r*nc + c)
		texts[k] = append(texts[k], g)
	}
	t := pdfPiece{page: p.n, x0: x0, y0: y0, x1: x1, y1: y1}
	for r := range nr {
		row := pdfRow{y0: ys[r], y1: ys[r+1]}
		for c := 0; c < nc; {
			k := u.find(r*nc + c)
			g := regs[k]
			cell := pdfCell{x0: xs[c], x1: xs[g.c1+1], merged: g.r0 < r}
			if !cell.merged {
				cell.text = glyphText(texts[k])
			}
			row.cells = append(row.cells, cell)
			c = g.c1 + 1
		}
		t.rows = append(t.rows, row)
	}
	return t, true
}

// pdfTextLine is one line of glyphs, left to right.
type pdfTextLine struct {
	glyphs         []pdfGlyph
	x0, y0, x1, y1 float64
}

// textLines groups glyphs into lines: a glyph belongs to a line when their
// heights overlap by more than half of the smaller. Lines come top to
// bottom, glyphs left to right; white space the producer or PDFium added
// is dropped (text() puts spaces back where the gaps are).
func textLines(gs []pdfGlyph) []pdfTextLine {
	var sorted []pdfGlyph
	for _, g := range gs {
		if !unicode.IsSpace(g.r) && g.r != 0 && g.y1 > g.y0 {
			sorted = append(sorted, g)
		}
	}
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y0 < sorted[j].y0 })
	var lines []pdfTextLine
	for _, g := range sorted {
		placed := false
		for k := len(lines) - 1; k >= 0 && k >= len(lines)-3; k-- {
			l := &lines[k]
			ov := math.Min(l.y1, g.y1) - math.Max(l.y0, g.y0)
			if ov > 0.5*math.Min(l.y1-l.y0, g.y1-g.y0) {
				l.glyphs = append(l.glyphs, g)
				l.x0, l.x1 = math.Min(l.x0, g.x0), math.Max(l.x1, g.x1)
				l.y0, l.y1 = math.Min(l.y0, g.y0), math.Max(l.y1, g.y1)
				placed = true
				break
			}
		}
		if !placed {
			lines = append(lines, pdfTextLine{glyphs: []pdfGlyph{g}, x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y1})
		}
	}
	for k := range lines {
		slices.SortStableFunc(lines[k].glyphs, func(a, b pdfGlyph) int { return cmpFloat(a.x0, b.x0) })
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].y0 < lines[j].y0 })
	return lines
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// text is the line's text: a space where the gap between two glyphs that
// are not Chinese is wider than a quarter of the height, none between
// Chinese characters (a justified line spreads them).
func (l pdfTextLine) text() string {
	var b strings.Builder
	for i, g := range l.glyphs {
		if i > 0 {
			prev := l.glyphs[i-1]
			h := math.Max(g.y1-g.y0, prev.y1-prev.y0)
			gap := 0.25 * h
			if isASCIIDigit(prev.r) && isASCIIDigit(g.r) {
				gap = 0.5 * h // a justified line spreads a number's digits
			}
			if g.x0-prev.x1 > gap && !isWide(prev.r) && !isWide(g.r) && !strings.ContainsRune(".,;:)]%", g.r) && !strings.ContainsRune("([", prev.r) {
				b.WriteByte(' ')
			}
		}
		b.WriteRune(g.r)
	}
	return b.String()
}

// isWide reports whether r is a Chinese character or a sign Chinese text
// sets full width, beside which Chinese writes no spaces.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		(r >= 0x2018 && r <= 0x201F) || r == 0x2014 || r == 0x2026 || r == 0x00B7 // “”‘’—…·, as Chinese sets them
}

// glyphText is the text of a cell's glyphs: its lines joined without a
// separator (a cell's text wraps where the cell ends, not where its
// author broke it), with a space between two Latin words.
func glyphText(gs []pdfGlyph) string {
	var b strings.Builder
	var last rune
	for _, l := range textLines(gs) {
		s := l.text()
		if s == "" {
			continue
		}
		first := []rune(s)[0]
		if b.Len() > 0 && isLatin(last) && isLatin(first) {
			b.WriteByte(' ')
		}
		b.WriteString(s)
		r := []rune(s)
		last = r[len(r)-1]
	}
	return b.String()
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLatin(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
