package parser

import (
	"errors"
	"fmt"
)

var (
	// ErrUnsupportedFormat is returned for a file whose extension or content
	// is not a report format nianbao reads.
	ErrUnsupportedFormat = errors.New("unsupported file format")

	// ErrLegacyDoc is returned for a .doc or .wps file in a format older
	// than Word 97-2003, which nianbao does not read: an OLE compound file
	// without a Word document in it (early WPS formats) or with a Word 6.0
	// or 95 one. Word 97-2003 files, and the .wps files of WPS Office that
	// use their layout, are read.
	ErrLegacyDoc = errors.New("legacy .doc/.wps file")

	// ErrEncrypted is returned for a password-protected document.
	ErrEncrypted = errors.New("encrypted document")

	// ErrNoDocumentXML is returned for a zip package without word/document.xml.
	ErrNoDocumentXML = errors.New("no word/document.xml in package")

	// ErrCorrupt is returned for a package or XML stream that is truncated or
	// malformed.
	ErrCorrupt = errors.New("corrupt document")

	// ErrCorruptPDF is returned for a .pdf file that is damaged, truncated
	// or not a PDF at all; it wraps ErrCorrupt.
	ErrCorruptPDF = fmt.Errorf("%w: damaged PDF", ErrCorrupt)

	// ErrScanned is returned for a PDF whose pages are images without a
	// text layer (a scan): nianbao does not guess text by OCR. It wraps
	// ErrUnsupportedFormat.
	ErrScanned = fmt.Errorf("%w: a scanned PDF without a text layer", ErrUnsupportedFormat)

	// ErrTooLarge is returned when a file, an entry or a structure exceeds a
	// configured limit.
	ErrTooLarge = errors.New("input exceeds limit")

	// ErrBinary is returned for a text file whose bytes are not text in any
	// encoding nianbao reads.
	ErrBinary = errors.New("not a text file")

	// ErrEmpty is returned for a file that holds no text: zero bytes, or
	// only white space, byte order marks and line ends.
	ErrEmpty = errors.New("empty file")
)

// A Limit names one of the bounds a read can stop at.
type Limit uint8

// The limits a LimitError names.
const (
	LimitFileBytes Limit = iota + 1 // Limits.MaxFileBytes
	LimitCells                      // Limits.MaxCells
	LimitRows                       // Limits.MaxRows
	LimitTables                     // Limits.MaxTables
	LimitLineBytes                  // Limits.MaxLineBytes
	LimitLines                      // Limits.MaxLines
	LimitElements                   // Limits.MaxElements: the elements of a web page or a .docx main part
	LimitInflated                   // Limits.MaxInflatedBytes: what a .docx part inflates to
	LimitDepth                      // Limits.MaxDepth: element nesting
	LimitRatio                      // Limits.MaxCompressionRatio: a zip bomb
	LimitStructure                  // a fixed bound of the format (zip entries, a 4 GiB part)
)

// LimitError reports that a read stopped because the input went past one
// of Limits: the read ends at the first thing beyond the limit, not after
// the whole file. It wraps ErrTooLarge, so errors.Is(err, ErrTooLarge)
// holds for it; callers that name the limit to people use errors.As.
type LimitError struct {
	Limit  Limit
	Max    int64  // the limit's value
	Detail string // what went past it, in English, when more can be said
}

func (e *LimitError) Error() string {
	if e.Detail != "" {
		return fmt.Sprintf("%v: %s", ErrTooLarge, e.Detail)
	}
	what := map[Limit]string{
		LimitFileBytes: "bytes",
		LimitCells:     "table cells",
		LimitRows:      "table rows",
		LimitTables:    "tables",
		LimitLineBytes: "bytes in one line",
		LimitLines:     "lines",
		LimitElements:  "elements",
		LimitInflated:  "bytes inflated",
		LimitDepth:     "levels of nesting",
	}[e.Limit]
	return fmt.Sprintf("%v: more than %d %s", ErrTooLarge, e.Max, what)
}

// Unwrap returns ErrTooLarge.
func (e *LimitError) Unwrap() error { return ErrTooLarge }

// limitErr returns the LimitError of l at max.
func limitErr[T int | int64](l Limit, max T) error { return &LimitError{Limit: l, Max: int64(max)} }

// tooLarge returns the LimitError of l at max with what went past it.
func tooLarge[T int | int64](l Limit, max T, format string, args ...any) error {
	return &LimitError{Limit: l, Max: int64(max), Detail: fmt.Sprintf(format, args...)}
}
