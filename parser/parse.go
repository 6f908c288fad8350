package parser

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Limits bounds what a reader may consume. The zero value is not useful;
// start from DefaultLimits.
type Limits struct {
	// MaxFileBytes is the largest input file read, in bytes.
	MaxFileBytes int64
	// MaxInflatedBytes is the largest total size a .docx package may inflate to.
	MaxInflatedBytes int64
	// MaxCompressionRatio is the largest inflated/compressed ratio accepted
	// for one zip entry.
	MaxCompressionRatio int64
	// MaxCells is the largest number of table cells in one document.
	MaxCells int
	// MaxRows is the largest number of table rows in one document.
	MaxRows int
	// MaxTables is the largest number of tables in one document.
	MaxTables int
	// MaxLineBytes is the longest line of a text file, in bytes of UTF-8
	// (and of the file as written); no report has a line near it.
	MaxLineBytes int
	// MaxLines is the largest number of lines in a text file: the longest
	// real report converted to text has about 1,100. Every line costs the
	// reader and the later stages some tens of microseconds.
	MaxLines int
	// MaxDepth is the deepest XML nesting accepted.
	MaxDepth int
	// MaxElements is the largest number of elements in a web page, whose
	// tree costs memory per element (a report page, chrome included, has
	// some thousands). The main part of a .docx, which is streamed and
	// spends several elements on each cell and run, may have
	// DocxElementsPerHTML times as many.
	MaxElements int
}

// DefaultLimits returns the limits used unless the caller sets others.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:        64 << 20,
		MaxInflatedBytes:    256 << 20,
		MaxCompressionRatio: 200,
		MaxCells:            200_000,
		MaxRows:             50_000,
		MaxTables:           1_000,
		MaxLineBytes:        1 << 20,
		MaxLines:            20_000,
		MaxDepth:            256,
		MaxElements:         500_000,
	}
}

// Extensions lists the file extensions (lower case, with dot) that
// directories are searched for: the formats Parse reads (.doc and .wps
// as Word 97-2003 files or as what their content is, .mht as a web page,
// .rtf),
// and .pdf (text PDFs, through pdfium.go). Markdown (.md) is read as text (its pipe tables) when a
// file is named, but not looked for in folders: there a .md file is a
// README or a note far more often than a report.
var Extensions = []string{".txt", ".docx", ".html", ".htm", ".doc", ".wps", ".mht", ".mhtml", ".rtf", ".pdf"}

// Supported reports whether path has one of Extensions.
func Supported(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range Extensions {
		if e == ext {
			return true
		}
	}
	return false
}

// ParseFile reads the file at path within lim and parses it. A file that
// is not a regular file (a named pipe, a device) is refused before it is
// opened, since opening it may block; a file larger than
// lim.MaxFileBytes is refused with ErrTooLarge before it is read.
func ParseFile(ctx context.Context, path string, lim Limits) (*Document, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("open %s: not a regular file: %s", path, fileType(fi.Mode()))
	}
	if fi.Size() > lim.MaxFileBytes {
		return nil, fmt.Errorf("read %s: %w", path, limitErr(LimitFileBytes, lim.MaxFileBytes))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	if fi.Size() > streamFrom {
		// A large package is read from the file, not from a copy of it
		// in memory (see parseDocxAt).
		var head [4]byte
		if _, err := f.ReadAt(head[:], 0); err == nil && bytes.Equal(head[:], zipMagic) {
			return parseDocxAt(ctx, path, f, fi.Size(), lim)
		}
	}
	// One buffer of the file's size: io.ReadAll would grow its buffer by
	// doubling, allocating about twice the file.
	var buf bytes.Buffer
	buf.Grow(int(fi.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, lim.MaxFileBytes+1)); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	data := buf.Bytes()
	if int64(len(data)) > lim.MaxFileBytes {
		return nil, fmt.Errorf("read %s: %w", path, limitErr(LimitFileBytes, lim.MaxFileBytes))
	}
	return Parse(ctx, path, data, lim)
}

// streamFrom is the file size from which ParseFile reads a .docx package
// from the file rather than from memory: below it, reading the whole file
// at once costs less than reading its entries piece by piece.
const streamFrom = 4 << 20

// zipMagic starts a zip package (.docx).
var zipMagic = []byte("PK\x03\x04")

// fileType names the kind of a file that is not a regular file.
func fileType(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// oleMagic starts every OLE compound file: Word 97-2003 .doc, WPS .wps and
// the container of an encrypted .docx.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Parse parses data, the content of the file named path. The reader is
// chosen by the content where it is unambiguous (a zip package, an OLE
// container) and by the extension otherwise. Errors wrap one of the
// sentinels of this package.
func Parse(ctx context.Context, path string, data []byte, lim Limits) (*Document, error) {
	if int64(len(data)) > lim.MaxFileBytes {
		return nil, limitErr(LimitFileBytes, lim.MaxFileBytes)
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case len(data) == 0:
		// Zero bytes are no document of any format: an empty .docx is an
		// empty file, not a corrupt package.
		return nil, fmt.Errorf("%s: %w", path, ErrEmpty)
	case bytes.HasPrefix(data, oleMagic):
		if oleHasStream(data, "EncryptedPackage") {
			return nil, ErrEncrypted // a password-protected .docx
		}
		return parseWord97(ctx, path, data, lim)
	case bytes.HasPrefix(data, zipMagic):
		return parseDocx(ctx, path, data, lim)
	case isPDF(data, ext):
		return parsePDF(ctx, path, data, lim)
	case ext == ".pdf":
		return nil, fmt.Errorf("%s: %w", path, ErrCorruptPDF)
	case isWordExt(ext):
		return parseDisguised(ctx, path, data, lim, ext)
	case ext == ".html" || ext == ".htm" || (isTextExt(ext) && looksLikeHTML(data)):
		return parseHTML(ctx, path, data, lim)
	case isTextExt(ext):
		if err := checkLines(data, lim); err != nil {
			return nil, err
		}
		text, enc, err := decodeText(data)
		if err != nil {
			return nil, err
		}
		doc, err := parseTxt(ctx, path, text, lim)
		if err != nil {
			return nil, err
		}
		doc.Encoding = enc
		return doc, nil
	}
	return nil, fmt.Errorf("%w: %s", ErrUnsupportedFormat, ext)
}

// isPDF reports whether data is a PDF: it starts with "%PDF-", or, named
// .pdf, has it within its first 1024 bytes as readers allow.
func isPDF(data []byte, ext string) bool {
	if bytes.HasPrefix(data, pdfMagic) {
		return true
	}
	return ext == ".pdf" && bytes.Contains(data[:min(len(data), 1024)], pdfMagic)
}

// isWordExt reports whether ext (lower case, with dot) names a file Word
// opens as its own: .docx, .doc, .wps, and Word's single-file web pages
// (.mht, .mhtml), and RTF. Such a file that is neither a zip package nor an OLE
// file is read by what its content is (disguised.go).
func isWordExt(ext string) bool {
	switch ext {
	case ".docx", ".doc", ".wps", ".mht", ".mhtml", ".rtf":
		return true
	}
	return false
}

// isTextExt reports whether ext (lower case, with dot) names a file the
// text reader reads: .txt, Markdown, or no extension.
func isTextExt(ext string) bool {
	switch ext {
	case ".txt", ".md", ".markdown", "":
		return true
	}
	return false
}

// checkLines refuses a text file with a line longer than lim.MaxLineBytes
// or more than lim.MaxLines lines before it is decoded, from its bytes. It
// looks only at files that are not UTF-16 (no UTF-16 byte order mark, no
// zero bytes): in UTF-8 and GB18030 every byte '\n' or '\r' ends a line.
// The text reader checks the decoded lines of all, in UTF-8.
func checkLines(data []byte, lim Limits) error {
	if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) || bytes.IndexByte(data, 0) >= 0 {
		return nil
	}
	lines, start := 1, 0
	for i, c := range data {
		if c != '\n' && c != '\r' {
			continue
		}
		if i-start > lim.MaxLineBytes {
			return limitErr(LimitLineBytes, lim.MaxLineBytes)
		}
		if c == '\n' || i+1 == len(data) || data[i+1] != '\n' {
			if lines++; lines > lim.MaxLines {
				return limitErr(LimitLines, lim.MaxLines)
			}
		}
		start = i + 1
	}
	if len(data)-start > lim.MaxLineBytes {
		return limitErr(LimitLineBytes, lim.MaxLineBytes)
	}
	return nil
}

// looksLikeHTML reports whether data starts, after a byte order mark and
// white space, with "<!DOCTYPE html" or "<html" (any case). Only UTF-8
// and ASCII-compatible encodings are sniffed.
func looksLikeHTML(data []byte) bool {
	data = bytes.TrimPrefix(data, bomUTF8)
	data = bytes.TrimLeft(data, " \t\r\n\f")
	head := bytes.ToLower(data[:min(len(data), 14)])
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}
