package parser

import (
	"fmt"
	"strconv"
)

// Pos locates a node in a source document. The zero Pos is "unknown".
//
// Line is 1-based in text sources and 0 where the source has no lines
// (.docx). Table, Row and Col are 1-based indexes into the document's tables
// as a person counts them in Word (the n-th table, its n-th row, its n-th
// cell or grid column); they are 0 outside tables. Para is the 1-based index
// of the paragraph among the document's body paragraphs, where known; Page
// the page of a PDF.
type Pos struct {
	File  string `json:"file,omitempty"`
	Line  int    `json:"line,omitempty"`
	Table int    `json:"table,omitempty"`
	Row   int    `json:"row,omitempty"`
	Col   int    `json:"column,omitempty"`
	Para  int    `json:"paragraph,omitempty"`
	// Page is the 1-based page of a PDF the node is on; 0 for formats
	// without pages.
	Page int `json:"page,omitempty"`
}

// IsZero reports whether p carries no location at all.
func (p Pos) IsZero() bool { return p == Pos{} }

// String formats p as "file:line" when a line is known, otherwise as
// "file:tableN[r,c]", "file:paraN" or "file", degrading like
// go/token.Position; a PDF's page comes first ("file:page2:table3[4,5]").
// It is for developers (logs, test failures); printers write positions in
// the user's language.
func (p Pos) String() string {
	s := p.File
	if s == "" {
		s = "-"
	}
	if p.Page > 0 {
		s += ":page" + strconv.Itoa(p.Page)
	}
	switch {
	case p.Line > 0:
		s += ":" + strconv.Itoa(p.Line)
	case p.Table > 0 && p.Row > 0:
		s += fmt.Sprintf(":table%d[%d,%d]", p.Table, p.Row, p.Col)
	case p.Para > 0:
		s += fmt.Sprintf(":para%d", p.Para)
	}
	return s
}
