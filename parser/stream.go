package parser

import (
	"strings"
	"unicode/utf8"
)

// This file reads the layouts that write a table as a stream of cells in
// which the ends of rows are not marked, or not reliably: one cell per line
// with a blank line after every cell (text taken from a web page with a
// blank line between its strings), cells separated by lines of "|" only
// (html2text on a page whose cells hold paragraphs), and pipe rows without
// a leading pipe, broken over lines or run together on one line (html2text
// on other pages). Each is turned into a list of cells, an empty cell only
// where the layout shows it unambiguously, and the list is read by the
// one-cell-per-line reader of flat.go, which finds the rows from the header
// labels and the number of values a row has: a row whose cells cannot be
// counted out exactly keeps only its label and is reported, never shifted.

// streamCell is one cell of a stream: its text ("" for an empty cell) and
// the index in s.lines of the line it starts on.
type streamCell struct {
	text  string
	line  int
	glued bool // a part of a line whose cells ran together (glued.go)
}

// maxStreamCells bounds how many cells one stream table is read from, so
// that every line where a table may start costs a bounded amount of work:
// the largest table (三, 2021 format) has under 300 cells, labels written
// over several lines included.
const maxStreamCells = 1000

// readStream reads a table from cells with the one-cell-per-line reader;
// blankCells says whether the stream shows empty cells. It returns the
// rows and the index in s.lines of the first line after the table: the
// line of the first cell not read, or the line after it when the table
// ended inside that line.
func readStream(s *textScanner, cells []streamCell, blankCells bool) ([]Row, int, bool) {
	if len(cells) == 0 {
		return nil, 0, false
	}
	sub := &textScanner{ctx: s.ctx, path: s.path, lim: s.lim, lines: make([]srcLine, len(cells)), steps: s.steps}
	for k, c := range cells {
		sub.lines[k] = srcLine{text: c.text, no: s.lines[c.line].no, glued: c.glued}
	}
	mode := noBlankCells
	if blankCells {
		mode = blanksAreCells
	}
	rows, next, ok := readFlat(sub, 0, mode)
	s.steps = sub.steps
	if !ok {
		return nil, 0, false
	}
	if next >= len(cells) {
		return rows, cells[len(cells)-1].line + 1, true
	}
	end := cells[next].line
	if next > 0 && cells[next-1].line == end {
		end++
	}
	return rows, end, true
}

// A streamSource gives the cells of a stream table from its start: at
// most limit of them, whether the stream shows empty cells, and whether
// they are all there are.
type streamSource func(limit int) (cells []streamCell, blankCells, all bool)

// firstWindow is how many cells a stream table is read from first: more
// than the header of any table and its first row, so that a line where no
// table starts costs little.
const firstWindow = 96

// readWindowed reads a stream table from src, first from firstWindow
// cells, then, when the table runs to the end of them, from
// maxStreamCells.
func readWindowed(s *textScanner, src streamSource) ([]Row, int, bool) {
	var (
		rows []Row
		next int
		ok   bool
	)
	for _, limit := range []int{firstWindow, maxStreamCells} {
		cells, blank, all := src(limit)
		if rows, next, ok = readStream(s, cells, blank); !ok {
			return nil, 0, false
		}
		if all || next <= cells[len(cells)-1].line {
			break
		}
	}
	return rows, next, true
}

// isPipeLine reports whether the trimmed line t holds only "|" and spaces.
func isPipeLine(t string) bool {
	return t != "" && strings.Trim(t, "| \t\u3000") == ""
}

// isRule reports whether the trimmed line t is a Markdown table rule
// ("---", "---|---").
func isRule(t string) bool {
	return strings.Contains(t, "-") && pipeSeparator().MatchString(t)
}

// streamText is the text of a cell of a stream: spaces and Markdown marks
// removed.
func streamText(t string) string {
	return strings.TrimSpace(stripMarkdown(strings.TrimSpace(t)))
}

// spacedEvidence is how many lines, each followed by a blank line, make
// a table spaced (see spacedCells); twice as many are looked at.
const spacedEvidence = 8

// spacedCells returns the cells of the table starting at line i when it
// is written one cell per line with a blank line after every line: the
// first 2*spacedEvidence lines that are not blank from i (at least
// spacedEvidence) are each followed by a blank line; or at least three of
// them are lines of "|" only, each followed by a blank line. Such lines
// separate cells (html2text on a page whose cells hold paragraphs): a cell
// is the text between two of them, written over lines when it has
// several (a line break in a cell may leave no blank line); a line holding k pipes
// closes a cell and holds k-1 empty ones, and a line ending in two spaces
// (a Markdown line break) ends a row; a pipe that ends a row stands
// before an empty cell or one the converter dropped, and no cell is read
// there. Without such lines every line is a
// cell, and an empty cell shows only as three (2k+1) blank lines in a row
// among cells separated by one: then blankCells is true. The cells run to
// a line of more than 80 characters (a paragraph) or maxStreamCells.
func spacedCells(s *textScanner, i int) (streamSource, bool) {
	lines := s.lines
	seen, tight, pipes := 0, false, 0
	for j := i; j < len(lines) && seen < 2*spacedEvidence; j++ {
		t := strings.TrimSpace(lines[j].text)
		if t == "" {
			continue
		}
		spaced := j+1 < len(lines) && isBlank(lines[j+1].text)
		if isPipeLine(t) {
			if !spaced {
				return nil, false
			}
			pipes++
		}
		tight = tight || !spaced
		seen++
	}
	if pipes >= 3 {
		return func(limit int) ([]streamCell, bool, bool) {
			cells, all := pipeStreamCells(s, i, limit)
			return cells, true, all
		}, true
	}
	if tight || pipes > 0 || seen < spacedEvidence {
		return nil, false
	}
	return func(limit int) (cells []streamCell, blankCells, all bool) {
		blankRun := 0
		for j := i; j < len(lines); j++ {
			t := lines[j].text
			if isBlank(t) {
				blankRun++
				continue
			}
			if len(cells) >= limit {
				return cells, blankCells, false
			}
			if len(t) > 80 && utf8.RuneCountInString(t) > 80 {
				break
			}
			if len(cells) > 0 && blankRun >= 3 && blankRun%2 == 1 {
				for e := 1; e < blankRun; e += 2 {
					cells = append(cells, streamCell{line: j - blankRun + e})
				}
				blankCells = true
			}
			blankRun = 0
			cells = append(cells, streamCell{text: streamText(t), line: j})
		}
		return cells, blankCells, true
	}, true
}

// pipeStreamCells returns the cells of a spaced table whose cells are
// separated by lines of "|" (see spacedCells).
func pipeStreamCells(s *textScanner, i, limit int) (cells []streamCell, all bool) {
	var (
		cur   []string
		start int
		open  bool // a cell has begun: after a pipe, or text
	)
	emit := func(line int) {
		if !open {
			start = line
		}
		cells = append(cells, streamCell{text: strings.Join(cur, "\n"), line: start})
		cur, open = nil, false
	}
	for j := i; j < len(s.lines); j++ {
		if len(cells) >= limit {
			return cells, false
		}
		raw := s.lines[j].text
		t := strings.TrimSpace(raw)
		rowEnd := strings.HasSuffix(raw, "  ")
		switch {
		case t == "" || isRule(t):
			continue
		case isPipeLine(t):
			emit(j)
			for range strings.Count(t, "|") - 1 {
				cells = append(cells, streamCell{line: j})
			}
			open, start = true, j
			if rowEnd {
				// A pipe that ends a row stands before a cell that is
				// empty, or that the converter dropped: no cell is read.
				cur, open = nil, false
			}
			continue
		case len(t) > 80 && utf8.RuneCountInString(t) > 80:
			return cells, true
		}
		if !open {
			start = j
		}
		cur, open = append(cur, streamText(t)), true
		if rowEnd {
			emit(j)
		}
	}
	if open {
		emit(len(s.lines) - 1)
	}
	return cells, true
}

// readLoosePipeTable reads pipe rows that are not Markdown pipe rows: rows
// without a leading pipe ("规章 | 0 | 0 | 0 |", html2text's "规章| 0| 0| 0"),
// padded, a row whose end falls on the next line, a whole table on one
// line, header rows with "|||" filler. The table is the run of lines that
// are not blank from i (and the blank lines inside a row that a line
// ending in a pipe left open), of which line i or i+1 holds a pipe and at
// least two hold pipes (or one holds four). Every pipe and every line end
// ends a cell; Markdown separator lines and lines of pipes only are
// dropped. A leading or trailing pipe only marks the line's start or
// end: a trailing pipe may close a row, stand before an empty last cell
// (html2text) or before one the converter dropped, so it is never read as
// an empty cell. An empty cell between two pipes is an empty cell. The
// first cell must be a label that opens a table, so that a line where
// none starts costs little.
func readLoosePipeTable(s *textScanner, i int) ([]Row, int, bool) {
	lines := s.lines
	if !strings.Contains(lines[i].text, "|") && (i+1 >= len(lines) || !strings.Contains(lines[i+1].text, "|")) {
		return nil, i, false
	}
	withPipes, most := 0, 0
	src := func(limit int) (cells []streamCell, blank, all bool) {
		withPipes, most = 0, 0
		open := false // a line ending in a pipe left the row open
		for j := i; j < len(lines); j++ {
			t := strings.TrimSpace(lines[j].text)
			switch n := strings.Count(t, "|"); {
			case t == "":
				if !open {
					return cells, blank, true
				}
				continue
			case isPipeLine(t):
				open = true
				continue
			case isRule(t):
				continue
			case n > 0:
				withPipes++
				most = max(most, n)
				open = strings.HasSuffix(t, "|")
			}
			if len(cells) >= limit {
				return cells, blank, false
			}
			for _, f := range splitPipes(t) {
				c := streamText(unescapeMarkdown(htmlBreak().ReplaceAllString(f, "\n")))
				blank = blank || c == ""
				cells = append(cells, streamCell{text: c, line: j})
			}
		}
		return cells, blank, true
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(lines[i].text), "|"), "|")
	if len(first) > maxLabelLen || !lookupHeader(stripMarkdown(first)).startsTable() {
		return nil, i, false // no table starts here
	}
	rows, next, ok := readWindowed(s, src)
	if !ok || withPipes < 2 && most < 4 {
		return nil, i, false
	}
	return rows, next, true
}

// readSpacedRowsTable reads a table whose rows are lines of cells
// separated by spaces, as pdftotext writes them ("一、本年新收政府信息公开申请数量
// 3001 53 0 0 61 4 3119"), header labels broken over lines and between
// characters ("法 律 服 务" / "机构") included. Each line from i to the next
// blank line is cut as a run-together line is (gluedTokens), and the parts
// are read as a stream, numbers split only where it is forced. Line i
// must start with a label that opens a table (tried after readFlatTable,
// which reads a table whose cells have lines of their own).
func readSpacedRowsTable(s *textScanner, i int) ([]Row, int, bool) {
	t := strings.TrimSpace(s.lines[i].text)
	if len(t) > maxLabelLen {
		return nil, i, false
	}
	if k := strings.IndexAny(t, " \u3000"); k > 0 {
		t = t[:k]
	}
	if !lookupHeader(t).startsTable() {
		return nil, i, false
	}
	rows, next, ok := readWindowed(s, func(limit int) (cells []streamCell, _, all bool) {
		for j := i; j < len(s.lines) && !isBlank(s.lines[j].text) && len(s.lines[j].text) <= maxLabelLen; j++ {
			if len(cells) >= limit {
				return cells, false, false
			}
			for _, p := range gluedTokens(s.lines[j].text) {
				cells = append(cells, streamCell{text: p, line: j, glued: true})
			}
		}
		return cells, false, true
	})
	if !ok {
		return nil, i, false
	}
	return rows, next, true
}
