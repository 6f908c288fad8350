package parser

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// parseDocx reads a WordprocessingML package (.docx as written by Word, WPS
// Office, LibreOffice, pandoc and others) held in data into a Document.
func parseDocx(ctx context.Context, path string, data []byte, lim Limits) (*Document, error) {
	return parseDocxAt(ctx, path, memReader(data), int64(len(data)), lim)
}

// parseDocxAt reads the package of size bytes that r holds (a file, or
// bytes in memory) into a Document.
//
// Only the main document part is read; headers, footers, footnotes,
// comments and styles are not. The package is opened behind the guards of
// docxPackage, and the main part is inflated through a fixed window
// (docxWindow) and walked as a token stream (see docxWalker): memory grows
// with what is kept of the document, its text and cells, not with its
// markup. The limits are checked as the part is read.
func parseDocxAt(ctx context.Context, path string, r io.ReaderAt, size int64, lim Limits) (*Document, error) {
	pkg, err := openPackageAt(r, size, lim)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	main, err := pkg.mainPart()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	winp := windows.Get().(*[]byte)
	defer windows.Put(winp)
	w := walkers.Get().(*docxWalker)
	defer w.release()
	doc, err := w.layoutWalk(ctx, path, lim, pkg, main, *winp)
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		return nil, fmt.Errorf("read %s: %w", main.Name, err)
	}
	doc.Saved = pkg.savedAt()
	return doc, nil
}

// docxWindow is the size of the window the main part is read through:
// large enough that refilling it costs little, small enough to be nothing
// beside the document it reads.
const docxWindow = 32 << 10

// DocxElementsPerHTML is how many times Limits.MaxElements a .docx main
// part may hold: WordprocessingML spends four to ten elements on a cell
// (cell, paragraph, run, text and their properties) where HTML spends one
// or two, and the part is streamed, so its elements cost time, not memory.
const DocxElementsPerHTML = 8

// docxMaxElements is the elements limit of a .docx main part.
func docxMaxElements(lim Limits) int {
	if lim.MaxElements > math.MaxInt/DocxElementsPerHTML {
		return math.MaxInt
	}
	return lim.MaxElements * DocxElementsPerHTML
}

// savedAt returns when the document was last saved, as its core
// properties say (dcterms:modified, else dcterms:created, W3CDTF), or "".
// The properties are not the report: a part that is missing or cannot be
// read leaves the date unknown and the document readable.
func (p *docxPackage) savedAt() string {
	f := p.find("docProps/core.xml")
	if f == nil {
		return ""
	}
	for _, elem := range []string{"modified", "created"} {
		if v, err := p.scanMeta(f, elem, nil); err == nil && v != "" {
			return v
		}
	}
	return ""
}

// layoutWalk walks the main part into a Document, and walks it once more,
// reading through them, when the first walk found layout tables (see
// docxWalker).
func (w *docxWalker) layoutWalk(ctx context.Context, path string, lim Limits, pkg *docxPackage, main *zip.File, window []byte) (*Document, error) {
	rc, err := pkg.open(main, lim.MaxInflatedBytes)
	if err != nil {
		return nil, err
	}
	doc := &Document{Path: path, Format: "docx"}
	w.init(path, lim, doc)
	err = w.walkFrom(ctx, rc, window)
	rc.Close()
	if err != nil || len(w.layouts) == 0 {
		return doc, err
	}
	unwrap := slices.Clone(w.layouts)
	if rc, err = pkg.reopen(main); err != nil {
		return nil, err
	}
	defer rc.Close()
	doc = &Document{Path: path, Format: "docx"}
	w.init(path, lim, doc)
	w.unwrap = unwrap
	return doc, w.walkFrom(ctx, rc, window)
}

// Buffers reused between parses: the windows the main part is read
// through and the walker's scratch. Scratch grown past these sizes by a
// large document is left to the garbage collector rather than kept.
const maxPooledScratch = 1 << 20 // bytes of text; other slices in proportion

var (
	windows = sync.Pool{New: func() any { b := make([]byte, 0, docxWindow); return &b }}
	walkers = sync.Pool{New: func() any { return new(docxWalker) }}
)

// Content types and relationship types that name the main part of a
// WordprocessingML package, in Transitional and Strict OOXML.
const (
	relOfficeDocument = "/officeDocument" // suffix of both relationship type URIs
	defaultMainPart   = "word/document.xml"
)

var mainContentTypes = []string{
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
	"application/vnd.ms-word.document.macroEnabled.main+xml",
	"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}

// mainPart finds the main document part the way a consumer should: the
// package relationship of type officeDocument, else the part that
// [Content_Types].xml declares as a document main part, else
// word/document.xml, where Word, WPS and LibreOffice all put it.
func (p *docxPackage) mainPart() (*zip.File, error) {
	if f := p.find("_rels/.rels"); f != nil {
		target, err := p.scanMeta(f, "Relationship", func(a []byte) string {
			if strings.HasSuffix(attr(a, "Type"), relOfficeDocument) && attr(a, "TargetMode") != "External" {
				return attr(a, "Target")
			}
			return ""
		})
		if err != nil {
			return nil, err
		}
		if target != "" {
			if u, err := url.PathUnescape(target); err == nil {
				target = u
			}
			if m := p.find(strings.TrimPrefix(path.Clean("/"+target), "/")); m != nil {
				return m, nil
			}
		}
	}
	if f := p.find("[Content_Types].xml"); f != nil {
		part, err := p.scanMeta(f, "Override", func(a []byte) string {
			ct := strings.TrimSpace(attr(a, "ContentType"))
			for _, t := range mainContentTypes {
				if strings.EqualFold(ct, t) {
					return attr(a, "PartName")
				}
			}
			return ""
		})
		if err != nil {
			return nil, err
		}
		if part != "" {
			if m := p.find(strings.TrimPrefix(path.Clean("/"+part), "/")); m != nil {
				return m, nil
			}
		}
	}
	if m := p.find(defaultMainPart); m != nil {
		return m, nil
	}
	return nil, ErrNoDocumentXML
}

// toUTF8 converts a part written in UTF-16 (with BOM, which OPC requires
// for it) to UTF-8, and returns any other part unchanged.
func toUTF8(b []byte) ([]byte, error) {
	if hasUTF16BOM(b) {
		// ExpectBOM lets the BOM choose the byte order.
		u, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil {
			return nil, corrupt(err)
		}
		return u, nil
	}
	return b, nil
}

// utf16Reader returns a reader of the UTF-16 bytes of r, which start
// with a BOM, decoded to UTF-8: toUTF8 for a stream.
func utf16Reader(r io.Reader) io.Reader {
	// ExpectBOM lets the BOM choose the byte order.
	return transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
}

func hasUTF16BOM(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF)
}

// corrupt wraps an error met while reading the main part as ErrCorrupt,
// unless the entry reader already wrapped it in a sentinel.
func corrupt(err error) error {
	if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrTooLarge) {
		return err
	}
	return fmt.Errorf("%w: %v", ErrCorrupt, err)
}
