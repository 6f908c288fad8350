package parser

// Document is the reader-independent model of one source file.
type Document struct {
	// Path is the file as named by the caller.
	Path string
	// Format is the input format: "txt", "docx", "doc" (Word 97-2003,
	// also for .wps files in its layout) or "html".
	Format string
	// Encoding names the character encoding the text was decoded from
	// ("utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030"); empty for
	// formats that define their own.
	Encoding string
	// Blocks holds paragraphs and tables in document order.
	Blocks []Block
	// Saved is when the file was last saved as its own properties say
	// (.docx core properties, W3CDTF as written: "2023-01-18T02:15:00Z"),
	// "" when unknown.
	Saved string
}

// Block is one paragraph or one table; exactly one field is non-nil.
type Block struct {
	Para  *Paragraph
	Table *Table
}

// Paragraph is a run of body text outside tables.
type Paragraph struct {
	Text string
	Pos  Pos
}

// Table is a table as the author laid it out: rows of cells in source order.
type Table struct {
	// Index is the 1-based number of the table in the document.
	Index int
	Rows  []Row
	Pos   Pos
}

// Row is one table row.
type Row struct {
	Cells []Cell
	Pos   Pos
	// Glued is set on a row of a text whose table digits ran together
	// (glued.go) when they could not be split into the row's cells
	// without guessing: the row keeps its label and is unreadable.
	Glued bool
}

// Cell is one table cell.
type Cell struct {
	// Text is the cell's text with paragraphs joined by "\n"; it is not
	// trimmed, so that the raw value is kept.
	Text string
	// Span is the number of grid columns the cell covers (1 when unknown).
	Span int
	// Merged is true for a cell that continues a vertical merge from the row
	// above; its Text is empty.
	Merged bool
	Pos    Pos
}

// Paragraphs returns the document's paragraphs in order, skipping tables.
func (d *Document) Paragraphs() []*Paragraph {
	var ps []*Paragraph
	for _, b := range d.Blocks {
		if b.Para != nil {
			ps = append(ps, b.Para)
		}
	}
	return ps
}

// Tables returns the document's tables in order.
func (d *Document) Tables() []*Table {
	var ts []*Table
	for _, b := range d.Blocks {
		if b.Table != nil {
			ts = append(ts, b.Table)
		}
	}
	return ts
}
