package parser

import "errors"

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
