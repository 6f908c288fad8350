package parser

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdfiumerr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// This file is the one home of PDFium: the engine (PDFium compiled to
// WebAssembly, run by wazero, no cgo) is started the first time a PDF is
// read, never for other formats, and gives each page's glyphs and ruling
// lines to pdf.go. Nothing else in nianbao imports go-pdfium.

// Bounds of a PDF read besides Limits. They are fixed: a report has a few
// dozen pages of a few thousand characters.
const (
	pdfTimeout      = 60 * time.Second // one file, from opening to the last page
	pdfMaxPages     = 500
	pdfMaxPageChars = 100_000
	pdfMaxPageObjs  = 50_000 // page objects (and objects of forms inside them) read for lines
	pdfMaxSegments  = 200_000
	pdfMemoryPages  = 4096 // 64 KiB WebAssembly pages: 256 MiB of engine memory
	pdfFormDepth    = 4    // forms (XObjects) inside forms followed for lines
)

// engine is the process's PDFium pool, made on first use (pdfPool).
var engine struct {
	once    sync.Once
	started atomic.Bool // tests prove other formats never start it
	pool    pdfium.Pool
	err     error
}

// pdfCacheDir is where wazero keeps the compiled engine: $NIANBAO_CACHE,
// else nianbao/pdfium in the user's cache directory; "" when neither is
// known (the engine is then compiled at every start).
func pdfCacheDir() string {
	if d := os.Getenv("NIANBAO_CACHE"); d != "" {
		return filepath.Join(d, "pdfium")
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "nianbao", "pdfium")
}

// pdfPool starts the engine once. The module sees an empty file system
// (the PDF is handed over as bytes), writes nowhere, and has at most
// pdfMemoryPages of memory.
func pdfPool() (pdfium.Pool, error) {
	engine.once.Do(func() {
		engine.started.Store(true)
		rc := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithMemoryLimitPages(pdfMemoryPages).
			WithCloseOnContextDone(true)
		if dir := pdfCacheDir(); dir != "" {
			if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
		}
		workers := min(runtime.GOMAXPROCS(0), 4)
		engine.pool, engine.err = webassembly.Init(webassembly.Config{
			MinIdle:       0,
			MaxIdle:       workers,
			MaxTotal:      workers,
			FSConfig:      wazero.NewFSConfig(),
			RuntimeConfig: rc,
			Stdout:        io.Discard,
			Stderr:        io.Discard,
			ReuseWorkers:  true,
		})
		if engine.err != nil {
			engine.err = fmt.Errorf("start the PDF engine: %w", engine.err)
		}
	})
	return engine.pool, engine.err
}

// pdfGlyph is one character on a page, its box in points from the page's
// top left corner (y grows downwards).
type pdfGlyph struct {
	r              rune
	x0, y0, x1, y1 float64
}

// pdfSeg is a horizontal or vertical line on a page, in the coordinates of
// pdfGlyph: x0 <= x1, y0 <= y1, and x0 == x1 or y0 == y1 once snapped.
type pdfSeg struct {
	x0, y0, x1, y1 float64
}

func (s pdfSeg) horizontal() bool { return s.y1-s.y0 < s.x1-s.x0 }

// pdfPage is what pdf.go reads of one page.
type pdfPage struct {
	n      int // 1-based
	w, h   float64
	glyphs []pdfGlyph
	segs   []pdfSeg
	images int // image objects on the page
}

// readPDFPages opens data in the engine and reads every page's glyphs and
// lines, within lim, pdfTimeout and the bounds above. A file that needs a
// password fails with ErrEncrypted, one PDFium cannot open with ErrCorrupt.
func readPDFPages(ctx context.Context, data []byte, lim Limits) ([]pdfPage, error) {
	if int64(len(data)) > lim.MaxFileBytes {
		return nil, limitErr(LimitFileBytes, lim.MaxFileBytes)
	}
	pool, err := pdfPool()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, pdfTimeout)
	defer cancel()
	inst, err := pool.GetInstanceWithContext(ctx)
	if err != nil {
		return nil, fmt.Errorf("PDF engine: %w", err)
	}
	// A hostile file that keeps the engine busy is stopped when the time is
	// up or the caller cancels: Kill interrupts the WebAssembly call.
	var killed bool
	var mu sync.Mutex
	stop := context.AfterFunc(ctx, func() {
		mu.Lock()
		killed = true
		mu.Unlock()
		_ = inst.Kill() // the worker is replaced; its error says only that
	})
	defer func() {
		if stop() {
			_ = inst.Close() // returns the worker to the pool; nothing to report
		}
	}()
	pages, err := readPDFWith(ctx, inst, data, lim)
	mu.Lock()
	k := killed
	mu.Unlock()
	if k {
		if ctx.Err() == context.DeadlineExceeded {
			return nil, tooLarge(LimitStructure, int64(pdfTimeout/time.Second), "the PDF took more than %v to read", pdfTimeout)
		}
		return nil, ctx.Err()
	}
	return pages, err
}

// readPDFWith reads the document with one engine instance; a panic of the
// binding (it has some on hostile files) is turned into ErrCorrupt.
func readPDFWith(ctx context.Context, inst pdfium.Pdfium, data []byte, lim Limits) (pages []pdfPage, err error) {
	defer func() {
		if r := recover(); r != nil {
			pages, err = nil, fmt.Errorf("%w: PDF engine failed: %v", ErrCorruptPDF, r)
		}
	}()
	empty := ""
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data, Password: &empty})
	if err != nil {
		switch {
		case errors.Is(err, pdfiumerr.ErrPassword), errors.Is(err, pdfiumerr.ErrSecurity):
			return nil, ErrEncrypted
		}
		return nil, fmt.Errorf("%w: %v", ErrCorruptPDF, err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document}) //nolint:errcheck // closing frees engine memory; nothing to report
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorruptPDF, err)
	}
	if count.PageCount > pdfMaxPages {
		return nil, tooLarge(LimitStructure, pdfMaxPages, "more than %d pages", pdfMaxPages)
	}
	cells := 0
	for i := range count.PageCount {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, err := readPDFPage(inst, doc.Document, i)
		if err != nil {
			return nil, err
		}
		if cells += len(p.glyphs); cells > lim.MaxCells*8 {
			return nil, tooLarge(LimitStructure, lim.MaxCells*8, "more than %d characters", lim.MaxCells*8)
		}
		pages = append(pages, p)
	}
	return pages, nil
}

// readPDFPage reads the glyphs and lines of page i (0-based).
func readPDFPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, i int) (pdfPage, error) {
	p := pdfPage{n: i + 1}
	lp, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: i})
	if err != nil {
		return p, fmt.Errorf("%w: page %d: %v", ErrCorruptPDF, i+1, err)
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page}) //nolint:errcheck // frees engine memory
	page := requests.Page{ByReference: &lp.Page}
	w, err := inst.FPDF_GetPageWidth(&requests.FPDF_GetPageWidth{Page: page})
	if err != nil {
		return p, fmt.Errorf("%w: page %d: %v", ErrCorruptPDF, i+1, err)
	}
	h, err := inst.FPDF_GetPageHeight(&requests.FPDF_GetPageHeight{Page: page})
	if err != nil {
		return p, fmt.Errorf("%w: page %d: %v", ErrCorruptPDF, i+1, err)
	}
	p.w, p.h = w.Width, h.Height
	if !(p.w > 0 && p.h > 0 && p.w < 20_000 && p.h < 20_000) {
		return p, tooLarge(LimitStructure, 20_000, "page %d is %.0f×%.0f points", i+1, p.w, p.h)
	}

	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
	if err != nil {
		return p, fmt.Errorf("%w: page %d: %v", ErrCorruptPDF, i+1, err)
	}
	n, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage}) //nolint:errcheck // frees engine memory
	if err != nil {
		return p, fmt.Errorf("%w: page %d: %v", ErrCorruptPDF, i+1, err)
	}
	if n.Count > pdfMaxPageChars {
		return p, tooLarge(LimitStructure, pdfMaxPageChars, "page %d has more than %d characters", i+1, pdfMaxPageChars)
	}
	if n.Count > 0 {
		st, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{Page: page, Mode: requests.GetPageTextStructuredModeChars})
		if err != nil {
			return p, fmt.Errorf("%w: page %d: %v", ErrCorruptPDF, i+1, err)
		}
		for _, c := range st.Chars {
			r := []rune(c.Text)
			if len(r) != 1 {
				continue
			}
			b := c.PointPosition
			p.glyphs = append(p.glyphs, pdfGlyph{r: r[0], x0: b.Left, x1: b.Right, y0: p.h - b.Top, y1: p.h - b.Bottom})
		}
	}
	objs, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	if err != nil {
		return p, fmt.Errorf("%w: page %d: %v", ErrCorruptPDF, i+1, err)
	}
	if objs.Count > pdfMaxPageObjs {
		return p, tooLarge(LimitStructure, pdfMaxPageObjs, "page %d has more than %d objects", i+1, pdfMaxPageObjs)
	}
	lr := lineReader{inst: inst, page: &p, budget: pdfMaxPageObjs, segBudget: pdfMaxSegments}
	for j := range objs.Count {
		o, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: page, Index: j})
		if err != nil {
			return p, fmt.Errorf("%w: page %d: %v", ErrCorruptPDF, i+1, err)
		}
		if err := lr.object(o.PageObject, identity, 0); err != nil {
			return p, fmt.Errorf("page %d: %w", i+1, err)
		}
	}
	return p, nil
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m applied after n: a point goes through n, then m.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		n[0]*m[0] + n[1]*m[2], n[0]*m[1] + n[1]*m[3],
		n[2]*m[0] + n[3]*m[2], n[2]*m[1] + n[3]*m[3],
		n[4]*m[0] + n[5]*m[2] + m[4], n[4]*m[1] + n[5]*m[3] + m[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// lineReader collects the ruling lines of one page from its path objects,
// following forms, within budgets of objects and segments.
type lineReader struct {
	inst      pdfium.Pdfium
	page      *pdfPage
	budget    int
	segBudget int
}

// maxLineWidth is the thickest filled rectangle read as a line (points);
// thicker ones are shading, whose edges are read only when stroked.
const maxLineWidth = 2.5

func (lr *lineReader) object(o references.FPDF_PAGEOBJECT, outer matrix, depth int) error {
	if lr.budget--; lr.budget < 0 {
		return tooLarge(LimitStructure, pdfMaxPageObjs, "more than %d objects", pdfMaxPageObjs)
	}
	t, err := lr.inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: o})
	if err != nil {
		return fmt.Errorf("%w: %v", ErrCorruptPDF, err)
	}
	switch t.Type {
	case enums.FPDF_PAGEOBJ_IMAGE:
		lr.page.images++
		return nil
	case enums.FPDF_PAGEOBJ_FORM:
		if depth >= pdfFormDepth {
			return nil
		}
		m, err := lr.matrix(o)
		if err != nil {
			return err
		}
		n, err := lr.inst.FPDFFormObj_CountObjects(&requests.FPDFFormObj_CountObjects{PageObject: o})
		if err != nil {
			return fmt.Errorf("%w: %v", ErrCorruptPDF, err)
		}
		for k := range n.Count {
			c, err := lr.inst.FPDFFormObj_GetObject(&requests.FPDFFormObj_GetObject{PageObject: o, Index: uint64(k)})
			if err != nil {
				return fmt.Errorf("%w: %v", ErrCorruptPDF, err)
			}
			if err := lr.object(c.PageObject, outer.mul(m), depth+1); err != nil {
				return err
			}
		}
		return nil
	case enums.FPDF_PAGEOBJ_PATH:
		return lr.path(o, outer)
	}
	return nil
}

func (lr *lineReader) matrix(o references.FPDF_PAGEOBJECT) (matrix, error) {
	m, err := lr.inst.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: o})
	if err != nil {
		return identity, fmt.Errorf("%w: %v", ErrCorruptPDF, err)
	}
	x := m.Matrix
	return matrix{float64(x.A), float64(x.B), float64(x.C), float64(x.D), float64(x.E), float64(x.F)}, nil
}

// path adds the horizontal and vertical pieces of a path: its straight
// segments when it is stroked, and a filled rectangle thinner than
// maxLineWidth as the line along its middle.
func (lr *lineReader) path(o references.FPDF_PAGEOBJECT, outer matrix) error {
	mode, err := lr.inst.FPDFPath_GetDrawMode(&requests.FPDFPath_GetDrawMode{PageObject: o})
	if err != nil {
		return fmt.Errorf("%w: %v", ErrCorruptPDF, err)
	}
	filled := mode.FillMode != enums.FPDF_FILLMODE_NONE
	if !mode.Stroke && !filled {
		return nil
	}
	if outer == identity {
		// Most borders are one thin path: its bounds (on the page) are
		// the line, read in one call instead of four a segment.
		bd, err := lr.inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: o})
		if err != nil {
			return fmt.Errorf("%w: %v", ErrCorruptPDF, err)
		}
		x0, y0, x1, y1 := float64(bd.Left), float64(bd.Bottom), float64(bd.Right), float64(bd.Top)
		switch {
		case y1-y0 <= maxLineWidth && x1-x0 > y1-y0:
			lr.add(x0, (y0+y1)/2, x1, (y0+y1)/2)
			return nil
		case x1-x0 <= maxLineWidth && y1-y0 > x1-x0:
			lr.add((x0+x1)/2, y0, (x0+x1)/2, y1)
			return nil
		}
	}
	m, err := lr.matrix(o)
	if err != nil {
		return err
	}
	m = outer.mul(m)
	n, err := lr.inst.FPDFPath_CountSegments(&requests.FPDFPath_CountSegments{PageObject: o})
	if err != nil {
		return fmt.Errorf("%w: %v", ErrCorruptPDF, err)
	}
	if lr.segBudget -= n.Count; lr.segBudget < 0 {
		return tooLarge(LimitStructure, pdfMaxSegments, "more than %d path segments", pdfMaxSegments)
	}
	var pts [][2]float64 // the current subpath's points in page space
	closed := false
	flush := func() {
		defer func() { pts, closed = pts[:0], false }()
		if len(pts) < 2 {
			return
		}
		if closed && pts[0] != pts[len(pts)-1] {
			pts = append(pts, pts[0])
		}
		x0, y0, x1, y1 := pts[0][0], pts[0][1], pts[0][0], pts[0][1]
		for _, q := range pts {
			x0, y0, x1, y1 = math.Min(x0, q[0]), math.Min(y0, q[1]), math.Max(x1, q[0]), math.Max(y1, q[1])
		}
		if filled && !mode.Stroke {
			// A thin filled rectangle is a line; a wide one is shading.
			switch {
			case y1-y0 <= maxLineWidth && x1-x0 > y1-y0:
				lr.add(x0, (y0+y1)/2, x1, (y0+y1)/2)
			case x1-x0 <= maxLineWidth && y1-y0 > x1-x0:
				lr.add((x0+x1)/2, y0, (x0+x1)/2, y1)
			}
			return
		}
		for k := 1; k < len(pts); k++ {
			lr.add(pts[k-1][0], pts[k-1][1], pts[k][0], pts[k][1])
		}
	}
	for k := range n.Count {
		s, err := lr.inst.FPDFPath_GetPathSegment(&requests.FPDFPath_GetPathSegment{PageObject: o, Index: k})
		if err != nil {
			return fmt.Errorf("%w: %v", ErrCorruptPDF, err)
		}
		pt, err := lr.inst.FPDFPathSegment_GetPoint(&requests.FPDFPathSegment_GetPoint{PathSegment: s.PathSegment})
		if err != nil {
			return fmt.Errorf("%w: %v", ErrCorruptPDF, err)
		}
		ty, err := lr.inst.FPDFPathSegment_GetType(&requests.FPDFPathSegment_GetType{PathSegment: s.PathSegment})
		if err != nil {
			return fmt.Errorf("%w: %v", ErrCorruptPDF, err)
		}
		cl, err := lr.inst.FPDFPathSegment_GetClose(&requests.FPDFPathSegment_GetClose{PathSegment: s.PathSegment})
		if err != nil {
			return fmt.Errorf("%w: %v", ErrCorruptPDF, err)
		}
		x, y := m.apply(float64(pt.X), float64(pt.Y))
		switch ty.Type {
		case enums.FPDF_SEGMENT_MOVETO:
			flush()
			pts = append(pts, [2]float64{x, y})
		case enums.FPDF_SEGMENT_BEZIERTO:
			flush() // a curve is no ruling line
			pts = append(pts, [2]float64{x, y})
		default:
			pts = append(pts, [2]float64{x, y})
		}
		if cl.IsClose {
			closed = true
			flush()
		}
	}
	flush()
	return nil
}

// add keeps the segment from (x0,y0) to (x1,y1), in PDF space, when it is
// horizontal or vertical, turned into page space from the top.
func (lr *lineReader) add(x0, y0, x1, y1 float64) {
	const slack = 0.5
	h := lr.page.h
	switch {
	case math.Abs(y1-y0) <= slack && math.Abs(x1-x0) > slack:
		y := h - (y0+y1)/2
		lr.page.segs = append(lr.page.segs, pdfSeg{math.Min(x0, x1), y, math.Max(x0, x1), y})
	case math.Abs(x1-x0) <= slack && math.Abs(y1-y0) > slack:
		x := (x0 + x1) / 2
		lr.page.segs = append(lr.page.segs, pdfSeg{x, h - math.Max(y0, y1), x, h - math.Min(y0, y1)})
	}
}
