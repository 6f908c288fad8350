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
// job. They only decode text (UTF-8 with or without BOM, UTF-16 with BOM,
// GB18030 when the bytes are not UTF-8) and rebuild structure.
//
// # Errors
//
// Parse returns an error wrapping one of the sentinels in errors.go when a
// file cannot be read as a report; callers turn it into a finding for that
// file and go on with the batch.
package parser
