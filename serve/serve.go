package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"net"
	"net/http"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/report"
)

// DefaultMaxUpload is the largest file accepted unless Options.MaxUpload
// says otherwise: 20 MB, far above any real report.
const DefaultMaxUpload = 20 << 20

// multipartSlack is what the multipart framing (boundaries, part headers,
// a few small fields) may add to the file in the request body.
const multipartSlack = 64 << 10

// Options configure the handler. The zero value is not useful; start from
// DefaultOptions.
type Options struct {
	// Lint configures the checks: rules, their options and severities, and
	// the parser limits that bound what one file may cost. Retain,
	// Aggregate, Prev, Jobs and Progress are set per request.
	Lint lint.Options
	// MaxUpload is the largest file accepted, in bytes; 0 means
	// DefaultMaxUpload.
	MaxUpload int64
	// Lang is the language of the page and the API when the request has no
	// ?lang=: "zh" (the default when empty) or "en".
	Lang string
	// Jobs is the number of files checked at once; 0 means GOMAXPROCS.
	// Requests beyond it wait in the queue.
	Jobs int
	// Queue is the number of uploads that may wait for one of the Jobs;
	// 0 means 8×Jobs. QueueBytes bounds the sizes of the uploads admitted
	// (read, waiting or checked) together, by their Content-Length, or
	// MaxUpload when they have none; 0 means 6×MaxUpload. An upload beyond
	// either is refused at once, before its body is read, with 503 and
	// Retry-After: many small reports wait their turn, few large files do.
	Queue      int
	QueueBytes int64
	// FreeAfter is the upload size from which the server, once it has no
	// check left to do, gives the memory the check used back to the
	// operating system (debug.FreeOSMemory); 0 means 4 MB, a negative
	// value never.
	FreeAfter int64
	// Timeout bounds one check; 0 means two minutes.
	Timeout time.Duration
}

// DefaultOptions returns a fresh Options: every rule, the default limits,
// a 20 MB upload limit and a Chinese page.
func DefaultOptions() Options {
	return Options{Lint: lint.DefaultOptions(), MaxUpload: DefaultMaxUpload, Lang: "zh"}
}

// handler is the http.Handler of Handler. opts, sem and mux are set once
// and only read afterwards (sem is a counting semaphore: a slot for every
// check running); the admission counters are guarded by mu.
type handler struct {
	opts Options
	sem  chan struct{}
	mux  *http.ServeMux

	mu       sync.Mutex
	admitted int   // uploads being read, waiting or checked
	reserved int64 // their sizes (see Options.QueueBytes)
	// big is set when an upload of at least FreeAfter bytes was admitted,
	// so that the last to finish frees memory.
	big atomic.Bool
}

// Handler returns the handler of the check page and its API (see the
// package documentation for the routes). It panics if opts.Lang is not a
// language the printer knows; validate it with report.NewPrinter first.
func Handler(opts Options) http.Handler {
	if opts.MaxUpload <= 0 {
		opts.MaxUpload = DefaultMaxUpload
	}
	if opts.Lang == "" {
		opts.Lang = "zh"
	}
	if _, err := report.NewPrinter(opts.Lang); err != nil {
		panic(fmt.Sprintf("serve.Handler: %v", err))
	}
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.GOMAXPROCS(0)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 2 * time.Minute
	}
	if opts.Queue <= 0 {
		opts.Queue = 8 * opts.Jobs
	}
	if opts.QueueBytes <= 0 {
		opts.QueueBytes = 6 * opts.MaxUpload
	}
	if opts.FreeAfter == 0 {
		opts.FreeAfter = 4 << 20
	}
	h := &handler{opts: opts, sem: make(chan struct{}, opts.Jobs), mux: http.NewServeMux()}
	h.mux.HandleFunc("GET /{$}", h.page)
	h.mux.HandleFunc("GET /healthz", h.healthz)
	h.mux.Handle("GET /assets/", http.StripPrefix("/assets/", http.HandlerFunc(asset)))
	h.mux.HandleFunc("POST /api/check", func(w http.ResponseWriter, r *http.Request) {
		format := r.URL.Query().Get("format")
		switch format {
		case "", "json":
			format = "json"
		case "xlsx", "html":
		default:
			h.fail(w, r, http.StatusBadRequest, fmt.Errorf("%w %q", errFormat, format))
			return
		}
		h.check(w, r, format)
	})
	h.mux.HandleFunc("POST /api/check.xlsx", func(w http.ResponseWriter, r *http.Request) { h.check(w, r, "xlsx") })
	h.mux.HandleFunc("POST /api/check.html", func(w http.ResponseWriter, r *http.Request) { h.check(w, r, "html") })
	return h
}

var _ http.Handler = (*handler)(nil)

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	hd.Set("Cache-Control", "no-store")
	if _, pattern := h.mux.Handler(r); pattern == "" || strings.HasPrefix(pattern, "GET /assets/") {
		// The mux's own 404 and 405, and the assets' 404, are plain
		// text: answer them in JSON like the API's other errors.
		w = &jsonStatus{ResponseWriter: w, h: h, r: r}
	}
	h.mux.ServeHTTP(w, r)
}

// jsonStatus turns a 404 or 405 written through it (by http.Error) into
// the JSON error of handler.fail; other answers pass through.
type jsonStatus struct {
	http.ResponseWriter
	h       *handler
	r       *http.Request
	written bool // an error was written: the plain text that follows is dropped
}

func (w *jsonStatus) WriteHeader(code int) {
	switch code {
	case http.StatusNotFound:
		w.written = true
		w.h.fail(w.ResponseWriter, w.r, code, errNotFound)
	case http.StatusMethodNotAllowed:
		w.written = true
		w.h.fail(w.ResponseWriter, w.r, code, errMethod)
	default:
		w.ResponseWriter.WriteHeader(code)
	}
}

func (w *jsonStatus) Write(b []byte) (int, error) {
	if w.written {
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

// healthz answers GET /healthz: {"status":"ok"} with the checks running
// and the uploads admitted, for a monitor or a load balancer.
func (h *handler) healthz(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	admitted := h.admitted
	h.mu.Unlock()
	body, err := json.Marshal(struct {
		Status   string `json:"status"`
		Checking int    `json:"checking"`
		Admitted int    `json:"admitted"`
		Capacity int    `json:"capacity"`
	}{"ok", len(h.sem), admitted, h.opts.Jobs + h.opts.Queue})
	if err != nil {
		h.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(append(body, '\n'))
}

// printer returns the printer of the language the request asks for
// (?lang=), or of the default language. An unknown language falls back to
// the default.
func (h *handler) printer(r *http.Request) *report.Printer {
	if l := r.URL.Query().Get("lang"); l != "" {
		if p, err := report.NewPrinter(l); err == nil {
			return p
		}
	}
	p, err := report.NewPrinter(h.opts.Lang)
	if err != nil {
		panic(err) // checked by Handler
	}
	return p
}

// Texts of the API's error answers.
const (
	msgTooLarge     = "The file is larger than the limit of %s."
	msgNotMultipart = "The request is not a file upload (multipart/form-data with the field “file”)."
	msgNoFile       = "No file received: upload the report in the form field “file”."
	msgBadUpload    = "The upload could not be read: %s"
	msgFormat       = "Unknown format %q: use json, xlsx or html."
	msgTimeout      = "The check took too long and was stopped."
	msgInternal     = "nianbao could not write the result: %s"
	msgBusy         = "The server is busy checking other files: try again in a few seconds."
	msgNotFound     = "There is no page %s here."
	msgMethod       = "%s cannot be used on %s (use %s)."
)

// retryAfter is the Retry-After of a 503 answered when the queue is full,
// in seconds: a few checks' time.
const retryAfter = "5"

// errBusy marks an upload refused because Jobs+Queue uploads are in.
var errBusy = errors.New("server busy")

// errNotFound and errMethod mark a path that is not a route, and a method
// the route does not take.
var (
	errNotFound = errors.New("not found")
	errMethod   = errors.New("method not allowed")
)

// errTooLarge marks an upload above Options.MaxUpload.
var errTooLarge = errors.New("upload too large")

// errNoFile marks a multipart body without the "file" field.
var errNoFile = errors.New("no file field")

// errFormat marks an unknown ?format=.
var errFormat = errors.New("unknown format")

// errNotMultipart marks a body that is not multipart/form-data.
var errNotMultipart = errors.New("not multipart/form-data")

// upload reads the "file" part of a multipart request into memory and
// returns its base name and content. It never spools to disk (unlike
// Request.ParseMultipartForm) and reads at most MaxUpload bytes of the file
// and multipartSlack more of the body, into one buffer: of the request's
// Content-Length when it has one, so that the buffer is not regrown.
func (h *handler) upload(w http.ResponseWriter, r *http.Request) (string, []byte, error) {
	max := h.opts.MaxUpload
	r.Body = http.MaxBytesReader(w, r.Body, max+multipartSlack)
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "multipart/form-data" {
		return "", nil, errNotMultipart
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return "", nil, fmt.Errorf("%w: %v", errNotMultipart, err)
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return "", nil, errNoFile
		}
		if err != nil {
			return "", nil, tooLarge(err)
		}
		if part.FormName() != "file" {
			if _, err := io.Copy(io.Discard, part); err != nil {
				return "", nil, tooLarge(err)
			}
			continue
		}
		name := part.FileName() // already reduced to a base name
		if name == "" || name == "." || name == string(filepath.Separator) {
			name = "upload"
		}
		var buf bytes.Buffer
		if r.ContentLength > 0 {
			buf.Grow(int(min(r.ContentLength, max+1)) + bytes.MinRead)
		}
		if _, err := buf.ReadFrom(io.LimitReader(part, max+1)); err != nil {
			return "", nil, tooLarge(err)
		}
		if int64(buf.Len()) > max {
			return "", nil, errTooLarge
		}
		return name, buf.Bytes(), nil
	}
}

// tooLarge turns the error of http.MaxBytesReader into errTooLarge.
func tooLarge(err error) error {
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return errTooLarge
	}
	return err
}

// Admission control: an upload is refused before its body is read when
// its Content-Length is over the limit (413) or when Jobs+Queue uploads,
// or QueueBytes of them, are already in (503 with Retry-After); else it is
// admitted while it is read, waits for a slot of sem, and is checked. The
// connection of a refused upload is closed rather than its body drained.

// admit admits an upload of size bytes, or reports false when the queue
// is full. One upload is always admitted when none is in.
func (h *handler) admit(size int64) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.admitted >= h.opts.Jobs+h.opts.Queue || (h.admitted > 0 && h.reserved+size > h.opts.QueueBytes) {
		return false
	}
	h.admitted++
	h.reserved += size
	return true
}

// release lets an upload of size bytes go. The last upload out, when a
// large one was checked since the server was last idle, frees the memory
// the checks used: the runtime would keep the heap it grew to until the
// next collections, which an idle server does not run.
func (h *handler) release(size int64) {
	h.mu.Lock()
	h.admitted--
	h.reserved -= size
	idle := h.admitted == 0
	h.mu.Unlock()
	if idle && h.big.CompareAndSwap(true, false) {
		// Not in the way of the answer, which is flushed when the
		// handler returns.
		go debug.FreeOSMemory()
	}
}

// check answers one upload in format: json, xlsx or html.
func (h *handler) check(w http.ResponseWriter, r *http.Request, format string) {
	if r.ContentLength > h.opts.MaxUpload+multipartSlack {
		w.Header().Set("Connection", "close")
		h.fail(w, r, http.StatusRequestEntityTooLarge, errTooLarge)
		return
	}
	size := r.ContentLength
	if size <= 0 {
		size = h.opts.MaxUpload + multipartSlack
	}
	if !h.admit(size) {
		w.Header().Set("Connection", "close")
		w.Header().Set("Retry-After", retryAfter)
		h.fail(w, r, http.StatusServiceUnavailable, errBusy)
		return
	}
	defer h.release(size)
	name, data, err := h.upload(w, r)
	if err != nil {
		status := http.StatusBadRequest
		if errors.Is(err, errTooLarge) {
			status = http.StatusRequestEntityTooLarge
			// The rest of the body is not read: close the connection
			// rather than drain it.
			w.Header().Set("Connection", "close")
		}
		h.fail(w, r, status, err)
		return
	}
	if h.opts.FreeAfter > 0 && int64(len(data)) >= h.opts.FreeAfter {
		h.big.Store(true)
	}
	ctx := r.Context()
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return // the client has gone
	}
	ctx, cancel := context.WithTimeout(ctx, h.opts.Timeout)
	defer cancel()
	opts := h.opts.Lint // a copy: the slices in it are only read
	opts.Jobs, opts.Prev, opts.Progress, opts.Fixes = 1, nil, nil, false
	// As nianbao check does for the same format.
	opts.Retain, opts.Aggregate = report.Needs(format)
	res := lint.CheckBytes(ctx, name, data, opts)
	<-h.sem
	if ctx.Err() != nil {
		if r.Context().Err() == nil {
			h.fail(w, r, http.StatusServiceUnavailable, ctx.Err())
		}
		return
	}
	b, err := lint.BatchOf([]lint.FileResult{res}, opts)
	if err != nil {
		h.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	p := h.printer(r)
	var buf bytes.Buffer
	switch format {
	case "html":
		err = report.HTMLFragment(&buf, b.Files[0], p)
	default:
		err = report.Write(&buf, format, b, p)
	}
	if err != nil {
		h.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	hd := w.Header()
	switch format {
	case "json":
		hd.Set("Content-Type", "application/json; charset=utf-8")
	case "html":
		hd.Set("Content-Type", "text/html; charset=utf-8")
	case "xlsx":
		hd.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		out := strings.TrimSuffix(name, filepath.Ext(name)) + "-" + p.Sprintf(msgXLSXSuffix) + ".xlsx"
		hd.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": out}))
	}
	hd.Set("Content-Length", strconv.Itoa(buf.Len()))
	buf.WriteTo(w)
}

// fail answers an API request with {"error": message} in the request's
// language.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	p := h.printer(r)
	var msg string
	switch {
	case errors.Is(err, errTooLarge):
		msg = p.Sprintf(msgTooLarge, FormatSize(h.opts.MaxUpload, p))
	case errors.Is(err, errNotMultipart):
		msg = p.Sprintf(msgNotMultipart)
	case errors.Is(err, errNoFile):
		msg = p.Sprintf(msgNoFile)
	case errors.Is(err, errFormat):
		msg = p.Sprintf(msgFormat, r.URL.Query().Get("format"))
	case errors.Is(err, context.DeadlineExceeded):
		msg = p.Sprintf(msgTimeout)
	case errors.Is(err, errBusy):
		msg = p.Sprintf(msgBusy)
	case errors.Is(err, errNotFound):
		msg = p.Sprintf(msgNotFound, r.URL.Path)
	case errors.Is(err, errMethod):
		msg = p.Sprintf(msgMethod, r.Method, r.URL.Path, w.Header().Get("Allow"))
	case status == http.StatusInternalServerError:
		msg = p.Sprintf(msgInternal, err.Error())
	default:
		msg = p.Sprintf(msgBadUpload, err.Error())
	}
	body, jerr := json.Marshal(struct {
		Error  string `json:"error"`
		Status int    `json:"status"`
	}{msg, status})
	if jerr != nil {
		body = []byte(`{"error":"internal error"}`)
	}
	hd := w.Header()
	hd.Set("Content-Type", "application/json; charset=utf-8")
	hd.Set("Content-Length", strconv.Itoa(len(body)+1))
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

// FormatSize prints a byte count as people write it, in p's language:
// "20 MB", "512 KB", "999 字节" or "999 bytes" (binary multiples), as the
// P0001 messages do (lint.SizeArgs).
func FormatSize(n int64, p *report.Printer) string {
	num, unit := lint.SizeArgs(n)
	return p.Sprintf("%s %s", num, unit)
}

// ParseSize reads a size as given to --max-upload: a number of bytes with
// an optional unit B, K/KB, M/MB or G/GB (binary multiples, any case):
// "20MB", "512k", "1048576".
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("invalid size %q (want e.g. 20MB, 512KB or a number of bytes)", s)
	}
	return n * mult, nil
}

// NewServer returns an http.Server for h with the timeouts a server facing
// a browser needs: a slow or stalled client cannot hold a connection open
// for ever. errLog receives the server's own errors (nil: the log
// package's standard logger).
func NewServer(h http.Handler, errLog *log.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // a 20 MB upload over a slow link
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          errLog,
	}
}

// ShutdownTimeout is how long Serve waits for checks in progress once its
// context is cancelled.
const ShutdownTimeout = 10 * time.Second

// Serve answers requests on ln with srv until ctx is cancelled, then shuts
// srv down: it stops accepting connections and waits up to ShutdownTimeout
// for the requests in progress. It returns nil after a clean shutdown, or
// the error that stopped the server. ln is closed either way.
func Serve(ctx context.Context, ln net.Listener, srv *http.Server) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}
