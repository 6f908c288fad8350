package parser

import (
	"bytes"
	"context"
	"fmt"
	"io"
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
	// MaxDepth is the deepest XML nesting accepted.
	MaxDepth int
}

// DefaultLimits returns the limits used unless the caller sets others.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:        64 << 20,
		MaxInflatedBytes:    256 << 20,
		MaxCompressionRatio: 200,
		MaxCells:            200_000,
		MaxDepth:            256,
	}
}

// Extensions lists the file extensions (lower case, with dot) that
// directories are searched for: the formats Parse reads, and the report
// formats it does not read (.doc, .wps, .pdf), so that such files are
// reported with advice instead of being passed over silently.
var Extensions = []string{".txt", ".docx", ".html", ".htm", ".doc", ".wps", ".pdf"}

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

// ParseFile reads the file at path within lim and parses it.
func ParseFile(ctx context.Context, path string, lim Limits) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, lim.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > lim.MaxFileBytes {
		return nil, fmt.Errorf("read %s: %w: larger than %d bytes", path, ErrTooLarge, lim.MaxFileBytes)
	}
	return Parse(ctx, path, data, lim)
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
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrTooLarge, lim.MaxFileBytes)
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.HasPrefix(data, oleMagic):
		return nil, sniffOLE(data)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || ext == ".docx":
		return parseDocx(ctx, path, data, lim)
	case ext == ".html" || ext == ".htm" || ((ext == ".txt" || ext == "") && looksLikeHTML(data)):
		return parseHTML(ctx, path, data, lim)
	case ext == ".txt" || ext == "":
		text, enc, err := decodeText(data)
		if err != nil {
			return nil, err
		}
		doc, err := parseTxt(ctx, path, text)
		if err != nil {
			return nil, err
		}
		doc.Encoding = enc
		return doc, nil
	}
	return nil, fmt.Errorf("%w: %s", ErrUnsupportedFormat, ext)
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

// sniffOLE tells an encrypted OOXML package (an OLE container holding an
// "EncryptedPackage" stream, as Office and WPS write a password-protected
// .docx) from a legacy binary document (.doc, .wps), which is everything
// else in an OLE container.
func sniffOLE(data []byte) error {
	if oleHasStream(data, "EncryptedPackage") {
		return ErrEncrypted
	}
	return ErrLegacyDoc
}
