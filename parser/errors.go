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

// Limits a read can exceed, named in a LimitError.
const (
	LimitFileSize  = "max-file-size" // bytes of the file
	LimitInflated  = "max-inflated"  // bytes a .docx part inflates to, or its ratio
	LimitCells     = "max-cells"     // table cells of one document
	LimitDepth     = "max-depth"     // element nesting
	LimitRatio     = "ratio"         // inflated/compressed size of a .docx part (a zip bomb)
	LimitStructure = "structure"     // a fixed bound of the format (zip entries, 4 GiB part)
)

// LimitError is ErrTooLarge with the limit that was exceeded: Limit names
// it (the option that sets it, LimitFileSize …) and Max is its value, so
// that the message can tell the user which option to raise.
type LimitError struct {
	Limit  string
	Max    int64
	Detail string // what exceeded it, in English
}

func (e *LimitError) Error() string { return ErrTooLarge.Error() + ": " + e.Detail }
func (e *LimitError) Unwrap() error { return ErrTooLarge }

// tooLarge returns a LimitError for limit at max, detail formatted.
func tooLarge(limit string, max int64, format string, args ...any) error {
	return &LimitError{Limit: limit, Max: max, Detail: fmt.Sprintf(format, args...)}
}
