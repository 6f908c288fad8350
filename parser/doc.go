// Package parser turns the bytes of an annual report into a [Document]: an
// ordered list of paragraphs and tables, each node carrying the [Pos] it came
// from so that findings can point back into the source.
//
// # Document model
//
// A Document is a flat sequence of [Block] values, each either a [Paragraph]
// or a [Table]. A Table is a list of rows; a row is a list of cells in the
// order the source wrote them. A cell that a vertical merge continues is kept
// as an empty cell with Merged set, so rows keep the shape the author saw.
// Styles, images, headers and footers are not part of the model: the checker
// reads text and table structure only.
//
// Readers never interpret numbers or labels; that is the schema package's
// job. They only decode text (UTF-8 with or without BOM, UTF-16 with or
// without BOM, GB18030 when the bytes are not UTF-8; for HTML also the
// charset of the <meta> declaration) and rebuild structure.
//
// # Readers
//
// .docx files are read by docx.go. Word 97-2003 files (.doc, and .wps
// files of WPS Office in the same layout; any OLE compound file that is not
// an encrypted .docx) are read by word97.go into the same grid: the
// compound file through cfb.go, streams bounded by the file's size, text by
// MaxInflatedBytes, cells by MaxCells, table and field nesting by MaxDepth.
// .html and .htm files, and .txt files
// that start with an HTML document type or <html>, are read by html.go: a
// table is rebuilt on its grid from rowspan and colspan into the shape the
// .docx reader gives, layout tables are flattened and page chrome is
// skipped. Plain text is read by txt.go, which recognises each table's
// layout on its own (layout.go, flat.go): tab-prefixed cells, tab-separated
// rows, Markdown pipe tables and embedded HTML tables, pandoc's grid,
// simple and multiline tables, and the layouts that write one cell per line
// (docx2txt, LibreOffice's Text export, text copied from a web page).
// Page-number lines and page headers repeated over page breaks are dropped.
//
// Where a layout loses blank cells (a web copy, collapsed tabs) and a row's
// values cannot be aligned with the table's columns, the row is written
// with its label and fewer cells than the columns need (or, under a table
// 二 header, its label alone) so that the schema reports it: a value is
// never shifted into a neighbouring column.
//
// # Errors
//
// Parse returns an error wrapping one of the sentinels in errors.go when a
// file cannot be read as a report; callers turn it into a finding for that
// file and go on with the batch.
package parser
