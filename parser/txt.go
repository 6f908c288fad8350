package parser

import (
	"context"
	"regexp"
	"strings"
)

// converterResidue matches markers that docx-to-text converters leave in the
// text, such as "[bookmark: _GoBack]".
var converterResidue = regexp.MustCompile(`\[bookmark: [^\]]*\]`)

// ctxCheckEvery is how many lines or tokens a reader handles between checks
// of its context.
const ctxCheckEvery = 4096

// parseTxt reads the tab-prefixed layout of a .docx dumped to text: a line
// starting with a tab starts a table cell, a following line without a tab
// continues that cell, a blank line ends a row, and two blank lines in a row
// or a line of body text end the table. Any other line is a paragraph.
func parseTxt(ctx context.Context, path, text string) (*Document, error) {
	doc := &Document{Path: path, Format: "txt"}
	var (
		table   *Table
		row     *Row
		blanks  int // consecutive blank lines seen inside a table
		lineNo  int
		tableNo int
		paraNo  int
	)
	endRow := func() {
		if row != nil && len(row.Cells) > 0 {
			table.Rows = append(table.Rows, *row)
		}
		row = nil
	}
	endTable := func() {
		if table == nil {
			return
		}
		endRow()
		if len(table.Rows) > 0 {
			doc.Blocks = append(doc.Blocks, Block{Table: table})
		} else {
			tableNo--
		}
		table = nil
	}
	for line := range strings.SplitSeq(text, "\n") {
		lineNo++
		if lineNo%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if strings.Contains(line, "[bookmark: ") {
			line = converterResidue.ReplaceAllString(line, "")
		}
		switch {
		case strings.HasPrefix(line, "\t"):
			if table == nil {
				tableNo++
				table = &Table{Index: tableNo, Pos: Pos{File: path, Line: lineNo, Table: tableNo}}
			}
			if row == nil {
				row = &Row{Pos: Pos{File: path, Line: lineNo, Table: tableNo, Row: len(table.Rows) + 1}}
			}
			blanks = 0
			p := row.Pos
			p.Line, p.Col = lineNo, len(row.Cells)+1
			row.Cells = append(row.Cells, Cell{Text: line[1:], Span: 1, Pos: p})
		case strings.TrimSpace(line) == "":
			if table == nil {
				continue
			}
			if row != nil {
				endRow()
				blanks = 1
				continue
			}
			blanks++
			if blanks >= 2 {
				endTable()
			}
		case row != nil:
			// A line without a tab inside an open row continues the last cell.
			c := &row.Cells[len(row.Cells)-1]
			c.Text += "\n" + line
		default:
			endTable()
			paraNo++
			doc.Blocks = append(doc.Blocks, Block{Para: &Paragraph{
				Text: line,
				Pos:  Pos{File: path, Line: lineNo, Para: paraNo},
			}})
		}
	}
	endTable()
	return doc, nil
}
