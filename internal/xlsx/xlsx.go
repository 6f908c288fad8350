// Package xlsx writes an Office Open XML workbook (.xlsx) as a stream: the
// sheets one after another, each row written to the package as it is
// given, so that a workbook of any size is written in the same memory.
//
// It writes the subset the review workbook uses: text, numbers and empty
// cells; cell styles (font, fill, bottom border, alignment); column widths
// and row heights; frozen header rows and columns; an autofilter; links
// to a place in the workbook; A4 pages, landscape and one page wide where
// asked, the header rows repeated on every printed page. Text is stored inline (t="inlineStr"), so there is no shared
// string table to hold. What it writes is read back by excelize in the
// tests and opened by LibreOffice.
package xlsx

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Style is a cell style. The zero Style is the workbook's default.
type Style struct {
	Bold      bool
	Size      float64 // font size in points; 0: 11
	Color     string  // font colour, RRGGBB; "": automatic
	Fill      string  // solid fill, RRGGBB; "": none
	Border    string  // thin bottom border colour, RRGGBB; "": none
	Underline bool
	Wrap      bool   // wrap text
	VAlign    string // "top", "center", "bottom" or ""
	NumFormat int    // built-in number format ID (0: General)
}

// Cell is one value with its style (an ID from Workbook.Style). Value is
// nil (an empty cell), a string, an int, an int64 or a float64.
type Cell struct {
	Value any
	Style int
}

// SheetOptions describe a sheet before its rows.
type SheetOptions struct {
	Name string
	// Widths are the column widths in characters, from column A; 0 keeps
	// a column's default width.
	Widths []float64
	// Freeze keeps rows 1..Freeze in view when scrolling (0: none), and
	// FreezeCols columns A.. (0: none).
	Freeze, FreezeCols int
	// PrintTitles repeats rows 1..PrintTitles at the top of every printed
	// page (0: none).
	PrintTitles int
	// FilterRow, when positive, puts an autofilter on that row over
	// FilterCols columns, down to the last row written.
	FilterRow, FilterCols int
	// Landscape prints across the page, one page wide. Every sheet prints
	// on A4.
	Landscape bool
	// Footer, when set, is printed at the bottom left of every page, with
	// the page number and the number of pages at the bottom right.
	Footer string
}

// Workbook is a workbook being written.
type Workbook struct {
	zw     *zip.Writer
	styles []Style
	sheets []SheetOptions
	// lastRows holds the last row written to each ended sheet.
	lastRows []int
	cur      *Sheet
	err      error
}

// New starts a workbook written to w. Close must be called to complete it.
//
// The parts are compressed at flate.BestSpeed: a workbook of a national
// batch holds hundreds of thousands of rows, and at the default level
// compressing them was the largest part of writing it: for 20,000
// reports, writing the workbook took 8.6 s of CPU at the default level
// and 5.6 s at BestSpeed, for a file 35% larger (15.3 → 20.7 MB); the
// workbook of the 28 real reports of testdata/real grew 7% (46.5 → 49.7
// KB).
func New(w io.Writer) *Workbook {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	return &Workbook{zw: zw, styles: []Style{{}}}
}

// Style registers a cell style and returns its ID for Cell.Style.
func (wb *Workbook) Style(s Style) int {
	wb.styles = append(wb.styles, s)
	return len(wb.styles) - 1
}

// Sheet is a sheet being written: rows go in ascending order.
type Sheet struct {
	wb      *Workbook
	w       *bufio.Writer
	opts    SheetOptions
	lastRow int
	buf     []byte
	links   []link
}

// link is a cell that leads to a place in the workbook.
type link struct{ ref, location string }

// ErrRowOrder is returned for a row at or above one already written.
var ErrRowOrder = errors.New("xlsx: rows must be written in ascending order")

// NewSheet ends the sheet being written, if any, and starts the next.
// Sheet names are at most 31 characters, without []:*?/\.
func (wb *Workbook) NewSheet(opts SheetOptions) (*Sheet, error) {
	if err := wb.endSheet(); err != nil {
		return nil, err
	}
	if n := utf8.RuneCountInString(opts.Name); n == 0 || n > 31 || strings.ContainsAny(opts.Name, `[]:*?/\`) {
		return nil, fmt.Errorf("xlsx: sheet name %q", opts.Name)
	}
	wb.sheets = append(wb.sheets, opts)
	f, err := wb.zw.Create(fmt.Sprintf("xl/worksheets/sheet%d.xml", len(wb.sheets)))
	if err != nil {
		return nil, wb.fail(err)
	}
	s := &Sheet{wb: wb, w: bufio.NewWriterSize(f, 32<<10), opts: opts}
	w := s.w
	w.WriteString(header)
	w.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	if opts.Landscape {
		w.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	}
	w.WriteString(`<sheetViews><sheetView workbookViewId="0"`)
	if len(wb.sheets) == 1 {
		w.WriteString(` tabSelected="1"`)
	}
	w.WriteString(`>`)
	if opts.Freeze > 0 || opts.FreezeCols > 0 {
		top := ColumnName(opts.FreezeCols+1) + strconv.Itoa(opts.Freeze+1)
		pane := "bottomLeft"
		switch {
		case opts.Freeze > 0 && opts.FreezeCols > 0:
			pane = "bottomRight"
		case opts.FreezeCols > 0:
			pane = "topRight"
		}
		w.WriteString(`<pane`)
		if opts.FreezeCols > 0 {
			fmt.Fprintf(w, ` xSplit="%d"`, opts.FreezeCols)
		}
		if opts.Freeze > 0 {
			fmt.Fprintf(w, ` ySplit="%d"`, opts.Freeze)
		}
		fmt.Fprintf(w, ` topLeftCell="%s" activePane="%s" state="frozen"/><selection pane="%s" activeCell="%s" sqref="%s"/>`,
			top, pane, pane, top, top)
	}
	w.WriteString(`</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	if slices.ContainsFunc(opts.Widths, func(w float64) bool { return w > 0 }) {
		w.WriteString(`<cols>`)
		for i, wd := range opts.Widths {
			if wd > 0 {
				fmt.Fprintf(w, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, i+1, i+1, num(wd))
			}
		}
		w.WriteString(`</cols>`)
	}
	w.WriteString(`<sheetData>`)
	wb.cur = s
	return s, nil
}

// Row writes row number row (from 1) with the cells from column A; height
// 0 keeps the default height.
func (s *Sheet) Row(row int, height float64, cells ...Cell) error {
	if s.wb.err != nil {
		return s.wb.err
	}
	if s.wb.cur != s {
		return s.wb.fail(errors.New("xlsx: row written to a sheet already ended"))
	}
	if row <= s.lastRow {
		return s.wb.fail(ErrRowOrder)
	}
	s.lastRow = row
	b := s.buf[:0]
	b = append(b, `<row r="`...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = append(b, num(height)...)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i, c := range cells {
		if c.Value == nil && c.Style == 0 {
			continue
		}
		ref := ColumnName(i+1) + strconv.Itoa(row)
		b = append(b, `<c r="`...)
		b = append(b, ref...)
		b = append(b, '"')
		if c.Style != 0 {
			if c.Style < 0 || c.Style >= len(s.wb.styles) {
				return s.wb.fail(fmt.Errorf("xlsx: no style %d", c.Style))
			}
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(c.Style), 10)
			b = append(b, '"')
		}
		var err error
		if b, err = appendValue(b, c.Value); err != nil {
			return s.wb.fail(fmt.Errorf("xlsx: cell %s: %w", ref, err))
		}
	}
	b = append(b, `</row>`...)
	s.buf = b
	if _, err := s.w.Write(b); err != nil {
		return s.wb.fail(err)
	}
	return nil
}

// Link makes the cell at row, col (from 1) of the sheet being written lead
// to location, a place in the workbook such as Ref("问题清单", 1, 5). The
// cell's value is written by Row as usual.
func (s *Sheet) Link(row, col int, location string) {
	s.links = append(s.links, link{ColumnName(col) + strconv.Itoa(row), location})
}

// Ref is the place of cell col, row (from 1) of the named sheet, as a link
// or a formula names it.
func Ref(sheet string, col, row int) string {
	return quoteSheet(sheet) + "!" + ColumnName(col) + strconv.Itoa(row)
}

// quoteSheet quotes a sheet name for a reference: 'name', with ' doubled.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// appendValue writes the rest of a <c> element: its type and value.
func appendValue(b []byte, v any) ([]byte, error) {
	var n string
	switch v := v.(type) {
	case nil:
		return append(b, `/>`...), nil
	case string:
		b = append(b, ` t="inlineStr"><is><t xml:space="preserve">`...)
		b = appendEscaped(b, v)
		return append(b, `</t></is></c>`...), nil
	case int:
		n = strconv.Itoa(v)
	case int64:
		n = strconv.FormatInt(v, 10)
	case float64:
		n = num(v)
	default:
		return b, fmt.Errorf("value of type %T", v)
	}
	b = append(b, `><v>`...)
	b = append(b, n...)
	return append(b, `</v></c>`...), nil
}

// num formats a number as the file stores it: the shortest form that
// reads back the same.
func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// appendEscaped appends s escaped for XML text, dropping the characters
// XML 1.0 cannot hold.
func appendEscaped(b []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '"':
			b = append(b, "&quot;"...)
		case r == '\t' || r == '\n' || r == '\r':
			b = append(b, byte(r))
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError:
			// not allowed in XML 1.0
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}

// endSheet completes the sheet being written, if any.
func (wb *Workbook) endSheet() error {
	s := wb.cur
	if s == nil || wb.err != nil {
		return wb.err
	}
	wb.cur = nil
	w := s.w
	w.WriteString(`</sheetData>`)
	if o := s.opts; o.FilterRow > 0 && o.FilterCols > 0 {
		fmt.Fprintf(w, `<autoFilter ref="%s"/>`, filterRef(o, s.lastRow))
	}
	if len(s.links) > 0 {
		w.WriteString(`<hyperlinks>`)
		for _, l := range s.links {
			fmt.Fprintf(w, `<hyperlink ref="%s" location="%s"/>`, l.ref, attr(l.location))
		}
		w.WriteString(`</hyperlinks>`)
	}
	w.WriteString(`<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	// paperSize 9 is A4.
	if s.opts.Landscape {
		w.WriteString(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`)
	} else {
		w.WriteString(`<pageSetup paperSize="9" orientation="portrait"/>`)
	}
	if s.opts.Footer != "" {
		// "&" starts a code in a header or footer: "&&" is the character.
		left := strings.ReplaceAll(s.opts.Footer, "&", "&&")
		w.WriteString(`<headerFooter><oddFooter>`)
		w.Write(appendEscaped(nil, "&L"+left+"&R&P / &N"))
		w.WriteString(`</oddFooter></headerFooter>`)
	}
	w.WriteString(`</worksheet>`)
	if err := w.Flush(); err != nil {
		return wb.fail(err)
	}
	wb.lastRows = append(wb.lastRows, s.lastRow)
	return nil
}

// filterRef is the range of a sheet's autofilter: its row down to the last
// row written (at least one row below it).
func filterRef(o SheetOptions, lastRow int) string {
	return fmt.Sprintf("A%d:%s%d", o.FilterRow, ColumnName(o.FilterCols), max(lastRow, o.FilterRow+1))
}

func (wb *Workbook) fail(err error) error {
	if wb.err == nil {
		wb.err = err
	}
	return wb.err
}

// Close ends the last sheet and writes the parts that describe the
// workbook. It does not close the underlying writer.
func (wb *Workbook) Close() error {
	if err := wb.endSheet(); err != nil {
		return err
	}
	if len(wb.sheets) == 0 {
		return wb.fail(errors.New("xlsx: a workbook needs a sheet"))
	}
	parts := []struct {
		name string
		body func(*bufio.Writer)
	}{
		{"[Content_Types].xml", wb.contentTypes},
		{"_rels/.rels", func(w *bufio.Writer) {
			w.WriteString(header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
		}},
		{"xl/workbook.xml", wb.workbook},
		{"xl/_rels/workbook.xml.rels", wb.workbookRels},
		{"xl/styles.xml", wb.styleSheet},
	}
	for _, p := range parts {
		f, err := wb.zw.Create(p.name)
		if err != nil {
			return wb.fail(err)
		}
		w := bufio.NewWriter(f)
		p.body(w)
		if err := w.Flush(); err != nil {
			return wb.fail(err)
		}
	}
	return wb.fail(wb.zw.Close())
}
