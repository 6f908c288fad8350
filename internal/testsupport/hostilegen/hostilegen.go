// Package hostilegen generates the large inputs of the hostile-input tests,
// the benchmarks and the soak test (issue 15), so that they are built in
// memory rather than committed.
package hostilegen

import (
	"bytes"
	"strconv"
	"strings"
)

// NumberRows is about size bytes of lines of cols tab-separated numbers,
// each line ending in "\n".
func NumberRows(cols, size int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		numberLine(&b, i, cols)
	}
	return b.Bytes()
}

// Numbers is n lines of cols tab-separated numbers.
func Numbers(n, cols int) []byte {
	var b bytes.Buffer
	for i := range n {
		numberLine(&b, i, cols)
	}
	return b.Bytes()
}

func numberLine(b *bytes.Buffer, i, cols int) {
	for j := range cols {
		if j > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(strconv.Itoa((i*cols + j) % 100_000))
	}
	b.WriteByte('\n')
}

// Markup names the elements of a table in a markup language and how a
// cell holds its text.
type Markup struct {
	Table, Row, Cell string
	// Text wraps the text of a cell: "%s" is replaced by it.
	Text string
}

// HTML and Word are the markups of an HTML page and of WordprocessingML.
var (
	HTML = Markup{Table: "table", Row: "tr", Cell: "td", Text: "%s"}
	Word = Markup{Table: "w:tbl", Row: "w:tr", Cell: "w:tc", Text: "<w:p><w:r><w:t>%s</w:t></w:r></w:p>"}
)

// Table is a table in m of rows rows and cols cells holding numbers.
func Table(m Markup, rows, cols int) string {
	var b strings.Builder
	b.WriteString("<" + m.Table + ">")
	for i := range rows {
		b.WriteString("<" + m.Row + ">")
		for j := range cols {
			b.WriteString("<" + m.Cell + ">" + strings.Replace(m.Text, "%s", strconv.Itoa(i*cols+j), 1) + "</" + m.Cell + ">")
		}
		b.WriteString("</" + m.Row + ">")
	}
	b.WriteString("</" + m.Table + ">")
	return b.String()
}
