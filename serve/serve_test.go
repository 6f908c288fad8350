package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/report"
	"github.com/xuri/excelize/v2"
)

// upload builds a multipart body with one file in field.
func upload(t testing.TB, field, name string, data []byte) (io.Reader, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	if err := mw.WriteField("note", "ignored"); err != nil {
		t.Fatal(err)
	}
	fw, err := mw.CreateFormFile(field, name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return &b, mw.FormDataContentType()
}

// post sends a file to path on srv and returns the status and body. It is
// safe to call from several goroutines; it reports failures with Errorf.
func post(t testing.TB, srv *httptest.Server, path, name string, data []byte) (int, http.Header, []byte) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, err := mw.CreateFormFile("file", name)
	if err == nil {
		_, err = fw.Write(data)
	}
	if err == nil {
		err = mw.Close()
	}
	if err != nil {
		t.Errorf("build body: %v", err)
		return 0, nil, nil
	}
	resp, err := srv.Client().Post(srv.URL+path, mw.FormDataContentType(), &b)
	if err != nil {
		t.Errorf("POST %s: %v", path, err)
		return 0, nil, nil
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Errorf("read %s: %v", path, err)
	}
	return resp.StatusCode, resp.Header, body
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// checkJSON is the part of the JSON of check --format json that the test
// compares: everything but the file's path, which differs (the upload has
// only the base name).
type checkJSON struct {
	Files []struct {
		Path     string `json:"path"`
		Format   string `json:"format"`
		Template string `json:"template"`
		Year     int    `json:"year"`
		Agency   string `json:"agency"`
		Findings []struct {
			Rule     string     `json:"rule"`
			Severity string     `json:"severity"`
			Message  string     `json:"message"`
			Cell     string     `json:"cell"`
			Related  []string   `json:"related"`
			Expected *float64   `json:"expected"`
			Actual   *float64   `json:"actual"`
			Location parser.Pos `json:"location"`
		} `json:"findings"`
	} `json:"files"`
	Summary report.Summary `json:"summary"`
}

func decode(t testing.TB, data []byte) checkJSON {
	t.Helper()
	var v checkJSON
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("decode %s: %v", data, err)
	}
	for i := range v.Files {
		v.Files[i].Path = filepath.Base(v.Files[i].Path)
		for j := range v.Files[i].Findings {
			loc := &v.Files[i].Findings[j].Location
			loc.File = filepath.Base(loc.File)
		}
	}
	return v
}

// want is what report.JSON gives for lint.CheckFile on path.
func want(t testing.TB, path string) checkJSON {
	t.Helper()
	p, err := report.NewPrinter("zh")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	r := lint.CheckFile(context.Background(), path, lint.DefaultOptions())
	if err := report.JSON(&b, []lint.FileResult{r}, p); err != nil {
		t.Fatal(err)
	}
	return decode(t, b.Bytes())
}

func newServer(t testing.TB, opts Options) *httptest.Server {
	srv := httptest.NewServer(Handler(opts))
	t.Cleanup(srv.Close)
	return srv
}

// rules lists "rule cell" per finding, for readable failures.
func rulesOf(v checkJSON) []string {
	var out []string
	for _, f := range v.Files {
		for _, fd := range f.Findings {
			out = append(out, fd.Rule+" "+fd.Cell)
		}
	}
	return out
}

// TestCheckGood uploads good reports: the answer is the JSON of check
// --format json for the same file, finding for finding.
func TestCheckGood(t *testing.T) {
	srv := newServer(t, DefaultOptions())
	for _, path := range []string{"../testdata/seed-2020.txt", "../testdata/docx/filled-2021-wps.docx", "../testdata/seed-2020-r7-total.txt"} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			status, hd, body := post(t, srv, "/api/check", filepath.Base(path), readFile(t, path))
			if status != http.StatusOK {
				t.Fatalf("status %d: %s", status, body)
			}
			if ct := hd.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			got, exp := decode(t, body), want(t, path)
			if len(got.Files) != 1 || got.Files[0].Path != filepath.Base(path) {
				t.Fatalf("files: %+v", got.Files)
			}
			if g, w := rulesOf(got), rulesOf(exp); !reflect.DeepEqual(g, w) {
				t.Errorf("findings differ\n got %q\nwant %q", g, w)
			}
			if !reflect.DeepEqual(got, exp) {
				t.Errorf("JSON differs\n got %+v\nwant %+v", got, exp)
			}
			if got.Files[0].Template == "" || got.Files[0].Year == 0 {
				t.Errorf("report not recognised: %+v", got.Files[0])
			}
		})
	}
}

// truncated returns the first half of a good .docx.
func truncated(t testing.TB) []byte {
	data := readFile(t, "../testdata/docx/filled-2021-wps.docx")
	return data[:len(data)/2]
}

// TestCheckBroken uploads a truncated .docx: the answer is a P0001
// finding, as on the command line, not an HTTP error.
func TestCheckBroken(t *testing.T) {
	srv := newServer(t, DefaultOptions())
	status, _, body := post(t, srv, "/api/check", "草稿.docx", truncated(t))
	if status != http.StatusOK {
		t.Fatalf("status %d: %s", status, body)
	}
	got := decode(t, body)
	if r := rulesOf(got); !reflect.DeepEqual(r, []string{"P0001 "}) {
		t.Fatalf("findings %q, want one P0001", r)
	}
	if f := got.Files[0]; f.Path != "草稿.docx" || f.Findings[0].Severity != "error" || f.Findings[0].Message == "" {
		t.Errorf("file %+v", f)
	}
	if got.Summary.Errors != 1 {
		t.Errorf("summary %+v", got.Summary)
	}
	// The same truncation from disk gives the same finding.
	dir := t.TempDir()
	path := filepath.Join(dir, "草稿.docx")
	if err := os.WriteFile(path, truncated(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if exp := want(t, path); !reflect.DeepEqual(got, exp) {
		t.Errorf("JSON differs from CheckFile\n got %+v\nwant %+v", got, exp)
	}
}

// errorBody decodes an API error and checks its status field.
func errorBody(t *testing.T, status int, body []byte) string {
	t.Helper()
	var e struct {
		Error  string `json:"error"`
		Status int    `json:"status"`
	}
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("error body %q: %v", body, err)
	}
	if e.Status != status || e.Error == "" {
		t.Errorf("error body %+v, want status %d", e, status)
	}
	return e.Error
}

// errorAnswer reads resp, closes it and checks that it is the JSON error
// of status with every one of want in its message.
func errorAnswer(t *testing.T, resp *http.Response, status int, want ...string) {
	t.Helper()
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		t.Fatalf("status %d: %s", resp.StatusCode, data)
	}
	msg := errorBody(t, status, data)
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q, want %q in it", msg, w)
		}
	}
}

// TestTooLarge uploads a file above the limit, with and without a
// Content-Length: 413 with a message naming the limit.
func TestTooLarge(t *testing.T) {
	opts := DefaultOptions()
	opts.MaxUpload = 1 << 20
	srv := newServer(t, opts)
	big := bytes.Repeat([]byte("一二三四五六七八九十\n"), 40000) // 1.2 MB
	for _, chunked := range []bool{false, true} {
		t.Run(fmt.Sprintf("chunked=%v", chunked), func(t *testing.T) {
			body, ct := upload(t, "file", "big.txt", big)
			if chunked {
				body = struct{ io.Reader }{body} // hides the length
			}
			req, err := http.NewRequest("POST", srv.URL+"/api/check", body)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", ct)
			if chunked && req.ContentLength != 0 {
				t.Fatalf("ContentLength %d", req.ContentLength)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			errorAnswer(t, resp, http.StatusRequestEntityTooLarge, "1 MB", "文件超过大小上限")
		})
	}
	// Just below the limit is checked.
	status, _, data := post(t, srv, "/api/check", "ok.txt", big[:1<<20-1<<12])
	if status != http.StatusOK {
		t.Errorf("below the limit: status %d: %s", status, data)
	}
}

// TestTooLargeDefault uploads one byte more than the default 20 MB.
func TestTooLargeDefault(t *testing.T) {
	srv := newServer(t, DefaultOptions())
	status, _, data := post(t, srv, "/api/check", "big.txt", make([]byte, DefaultMaxUpload+1))
	if status != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d: %s", status, data)
	}
	if msg := errorBody(t, 413, data); !strings.Contains(msg, "20 MB") {
		t.Errorf("message %q", msg)
	}
}

// TestBadRequest sends what is not an upload of a file.
func TestBadRequest(t *testing.T) {
	srv := newServer(t, DefaultOptions())
	noFile, ct := upload(t, "document", "a.txt", []byte("x"))
	tests := []struct {
		name, method, path, ct string
		body                   io.Reader
		status                 int
		msg                    string
	}{
		{"missing field", "POST", "/api/check", ct, noFile, 400, "未收到文件"},
		{"not multipart", "POST", "/api/check", "application/json", strings.NewReader(`{"file":"x"}`), 400, "不是文件上传"},
		{"no content type", "POST", "/api/check.html", "", strings.NewReader("x"), 400, "不是文件上传"},
		{"broken multipart", "POST", "/api/check", "multipart/form-data; boundary=zz", strings.NewReader("--zz\r\nbroken"), 400, "无法读取"},
		{"unknown format", "POST", "/api/check?format=pdf", ct, strings.NewReader(""), 400, "未知的格式"},
		{"English", "POST", "/api/check.xlsx?lang=en", "text/plain", strings.NewReader("x"), 400, "not a file upload"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, srv.URL+tt.path, tt.body)
			if err != nil {
				t.Fatal(err)
			}
			if tt.ct != "" {
				req.Header.Set("Content-Type", tt.ct)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			data, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d: %s", resp.StatusCode, data)
			}
			if msg := errorBody(t, tt.status, data); !strings.Contains(msg, tt.msg) {
				t.Errorf("message %q, want %q in it", msg, tt.msg)
			}
		})
	}
	for _, m := range []string{"GET", "PUT"} {
		req, _ := http.NewRequest(m, srv.URL+"/api/check", nil)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s /api/check: status %d", m, resp.StatusCode)
		}
	}
}

// TestConcurrent checks 20 uploads at once, of different files and in the
// three formats: every answer is the one the file gets alone. Run it with
// -race.
func TestConcurrent(t *testing.T) {
	opts := DefaultOptions()
	opts.Jobs = 3   // fewer slots than requests: some wait
	opts.Queue = 20 // and none is refused
	srv := newServer(t, opts)
	files := []struct {
		name string
		data []byte
	}{
		{"seed-2020.txt", readFile(t, "../testdata/seed-2020.txt")},
		{"filled-2021-wps.docx", readFile(t, "../testdata/docx/filled-2021-wps.docx")},
		{"seed-2020-r7-total.txt", readFile(t, "../testdata/seed-2020-r7-total.txt")},
		{"broken.docx", truncated(t)},
		{"v2021-errors.txt", readFile(t, "../testdata/v2021-errors.txt")},
	}
	paths := []string{"/api/check", "/api/check.html", "/api/check?format=json&lang=en"}
	// What each file gets alone.
	alone := map[string][]byte{}
	for _, f := range files {
		for _, p := range paths {
			status, _, body := post(t, srv, p, f.name, f.data)
			if status != http.StatusOK {
				t.Fatalf("%s %s: status %d: %s", p, f.name, status, body)
			}
			alone[p+" "+f.name] = body
		}
	}
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			f, p := files[i%len(files)], paths[i%len(paths)]
			status, _, body := post(t, srv, p, f.name, f.data)
			if status != http.StatusOK {
				t.Errorf("%s %s: status %d: %s", p, f.name, status, body)
				return
			}
			if !bytes.Equal(body, alone[p+" "+f.name]) {
				t.Errorf("%s %s: answer differs from the file checked alone", p, f.name)
			}
		})
	}
	wg.Wait()
}

// TestXLSX downloads the workbook of a report with errors.
func TestXLSX(t *testing.T) {
	srv := newServer(t, DefaultOptions())
	path := "../testdata/seed-2020-r7-total.txt"
	for _, route := range []string{"/api/check.xlsx", "/api/check?format=xlsx"} {
		status, hd, body := post(t, srv, route, "清凉峰镇2020年报.txt", readFile(t, path))
		if status != http.StatusOK {
			t.Fatalf("%s: status %d: %s", route, status, body)
		}
		if ct := hd.Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
			t.Errorf("Content-Type %q", ct)
		}
		_, params, err := mime.ParseMediaType(hd.Get("Content-Disposition"))
		if err != nil || params["filename"] != "清凉峰镇2020年报-问题清单.xlsx" {
			t.Errorf("Content-Disposition %q: %v", hd.Get("Content-Disposition"), err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("问题清单")
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if n := len(want(t, path).Files[0].Findings); len(rows) != n+1 {
			t.Errorf("%d rows in 问题清单, want %d findings + header", len(rows), n)
		}
	}
}

// TestHTMLFragment checks the fragment the page shows: the legend, the
// findings and the three tables with the faulty cell highlighted.
func TestHTMLFragment(t *testing.T) {
	srv := newServer(t, DefaultOptions())
	status, hd, body := post(t, srv, "/api/check.html", "seed-2020-r7-total.txt", readFile(t, "../testdata/seed-2020-r7-total.txt"))
	if status != http.StatusOK {
		t.Fatalf("status %d: %s", status, body)
	}
	if ct := hd.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	s := string(body)
	for _, want := range []string{`<p class="legend">`, `<table class="findings">`, `class="grid t2"`, `class="grid t3"`, `class="grid t4"`, `sev-error`, `A2001`, "seed-2020-r7-total.txt"} {
		if !strings.Contains(s, want) {
			t.Errorf("fragment lacks %q", want)
		}
	}
	for _, bad := range []string{"<html", "<script", "<style"} {
		if strings.Contains(s, bad) {
			t.Errorf("fragment has %q", bad)
		}
	}
}

// externalRef matches a reference to another origin in src, href, action
// or a CSS url()/@import.
var externalRef = regexp.MustCompile(`(?i)((src|href|action)\s*=\s*["']?\s*(https?:)?//)|url\(\s*["']?\s*(https?:)?//|@import|https?://`)

// TestPage fetches the page and its assets: the upload form is there,
// every text is in the page's language, and nothing refers to another
// origin.
func TestPage(t *testing.T) {
	srv := newServer(t, DefaultOptions())
	get := func(path string) (int, http.Header, string) {
		resp, err := srv.Client().Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header, string(data)
	}
	status, hd, page := get("/")
	if status != 200 || hd.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("GET /: %d %q", status, hd.Get("Content-Type"))
	}
	for _, want := range []string{`<html lang="zh-CN">`, `<form id="upload"`, `<input type="file" id="file" name="file"`, "年度报告自查", "不超过 20 MB", `<script src="/assets/app.js"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if m := externalRef.FindString(page); m != "" {
		t.Errorf("page refers to another origin: %q", m)
	}
	if csp := hd.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(refs) < 3 {
		t.Fatalf("references %q", refs)
	}
	for _, ref := range refs {
		u := ref[1]
		if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "/?lang=") {
			continue
		}
		status, hd, body := get(u)
		if status != 200 || body == "" {
			t.Errorf("GET %s: status %d", u, status)
		}
		if ct := hd.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") && !strings.HasPrefix(ct, "text/javascript") {
			t.Errorf("GET %s: Content-Type %q", u, ct)
		}
		if m := externalRef.FindString(body); m != "" {
			t.Errorf("%s refers to another origin: %q", u, m)
		}
	}
	_, _, en := get("/?lang=en")
	if !strings.Contains(en, `<html lang="en">`) || !strings.Contains(en, "Annual report self-check") || strings.Contains(en, "年度报告自查") {
		t.Errorf("English page:\n%s", en)
	}
	for _, path := range []string{"/nothing", "/assets/index.html", "/assets/missing.js"} {
		if status, _, _ := get(path); status != http.StatusNotFound {
			t.Errorf("GET %s: status %d", path, status)
		}
	}
}

// TestTextsTranslated checks that every text of the page and the API has
// a Chinese text in the catalogue.
func TestTextsTranslated(t *testing.T) {
	p, err := report.NewPrinter("zh")
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{msgTooLarge, msgNotMultipart, msgNoFile, msgBadUpload, msgFormat, msgTimeout, msgInternal, msgBusy, msgNotFound, msgMethod}
	for _, x := range pageTexts {
		keys = append(keys, x.key)
	}
	han := regexp.MustCompile(`\p{Han}`)
	for _, k := range keys {
		if zh := p.Sprintf(k); !han.MatchString(zh) {
			t.Errorf("no Chinese text for %q", k)
		}
	}
}

// TestTimeout stops a check that takes longer than Options.Timeout.
func TestTimeout(t *testing.T) {
	opts := DefaultOptions()
	opts.Timeout = time.Nanosecond
	srv := newServer(t, opts)
	status, _, body := post(t, srv, "/api/check", "filled-2021-wps.docx", readFile(t, "../testdata/docx/filled-2021-wps.docx"))
	if status != http.StatusServiceUnavailable {
		t.Fatalf("status %d: %s", status, body)
	}
	if msg := errorBody(t, 503, body); !strings.Contains(msg, "时间过长") {
		t.Errorf("message %q", msg)
	}
}

// TestServe starts a server and stops it by cancelling the context.
func TestServe(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	srv := NewServer(Handler(DefaultOptions()), nil)
	if srv.ReadHeaderTimeout == 0 || srv.ReadTimeout == 0 || srv.WriteTimeout == 0 || srv.IdleTimeout == 0 {
		t.Errorf("timeouts not set: %+v", srv)
	}
	go func() { done <- Serve(ctx, ln, srv) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(ShutdownTimeout):
		t.Fatal("Serve did not return")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("still serving after shutdown")
	}
}

func TestSize(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
	}{{"20MB", 20 << 20}, {"20m", 20 << 20}, {"512KB", 512 << 10}, {"1048576", 1 << 20}, {" 2 GB ", 2 << 30}, {"100B", 100}} {
		got, err := ParseSize(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "MB", "-1MB", "0", "1.5MB", "20 TB", "9999999999GB"} {
		if n, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", bad, n)
		}
	}
	zh, err := report.NewPrinter("zh")
	if err != nil {
		t.Fatal(err)
	}
	en, err := report.NewPrinter("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		n      int64
		zh, en string
	}{
		{20 << 20, "20 MB", "20 MB"}, {512 << 10, "512 KB", "512 KB"}, {1 << 30, "1 GB", "1 GB"},
		{1500000, "1.4 MB", "1.4 MB"}, {999, "999 字节", "999 bytes"}, {1000, "1000 字节", "1000 bytes"},
	} {
		if got := FormatSize(tt.n, zh); got != tt.zh {
			t.Errorf("FormatSize(%d, zh) = %q, want %q", tt.n, got, tt.zh)
		}
		if got := FormatSize(tt.n, en); got != tt.en {
			t.Errorf("FormatSize(%d, en) = %q, want %q", tt.n, got, tt.en)
		}
	}
}

// hangingUpload starts a POST of a file whose body stops half way until
// release is closed, and returns the channel of its status. The server
// holds an admission slot for it while it waits for the rest.
func hangingUpload(t *testing.T, srv *httptest.Server, data []byte, release <-chan struct{}) <-chan int {
	t.Helper()
	body, ct := upload(t, "file", "seed-2020.txt", data)
	all, err := io.ReadAll(body)
	if err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	go func() {
		pw.Write(all[:len(all)/2])
		<-release
		pw.Write(all[len(all)/2:])
		pw.Close()
	}()
	req, err := http.NewRequest("POST", srv.URL+"/api/check", pr)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ct)
	req.ContentLength = int64(len(all))
	status := make(chan int, 1)
	go func() {
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Errorf("hanging upload: %v", err)
			status <- 0
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		status <- resp.StatusCode
	}()
	return status
}

// waitAdmitted polls /healthz until n uploads are admitted.
func waitAdmitted(t *testing.T, srv *httptest.Server, n int) {
	t.Helper()
	for range 500 {
		resp, err := srv.Client().Get(srv.URL + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		var h struct{ Admitted int }
		err = json.NewDecoder(resp.Body).Decode(&h)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if h.Admitted == n {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("never %d uploads admitted", n)
}

// TestBusy fills the workers and the queue with uploads that are still
// being sent: the next upload gets 503 at once, with Retry-After and the
// Chinese (or English) JSON error, and the ones admitted are answered.
func TestBusy(t *testing.T) {
	opts := DefaultOptions()
	opts.Jobs, opts.Queue = 1, 1
	srv := newServer(t, opts)
	seed := readFile(t, "../testdata/seed-2020.txt")
	release := make(chan struct{})
	var once sync.Once
	open := func() { once.Do(func() { close(release) }) }
	defer open()
	a := hangingUpload(t, srv, seed, release)
	b := hangingUpload(t, srv, seed, release)
	waitAdmitted(t, srv, 2)
	for _, c := range []struct{ path, want string }{
		{"/api/check", "服务器正在检查其他文件"},
		{"/api/check?lang=en", "server is busy"},
	} {
		status, hd, body := post(t, srv, c.path, "seed-2020.txt", seed)
		if status != http.StatusServiceUnavailable {
			t.Fatalf("status %d: %s", status, body)
		}
		if hd.Get("Retry-After") == "" {
			t.Error("no Retry-After")
		}
		if msg := errorBody(t, 503, body); !strings.Contains(msg, c.want) {
			t.Errorf("message %q, want %q", msg, c.want)
		}
	}
	open()
	for _, c := range []<-chan int{a, b} {
		if s := <-c; s != http.StatusOK {
			t.Errorf("admitted upload: status %d", s)
		}
	}
	waitAdmitted(t, srv, 0)
	if status, _, body := post(t, srv, "/api/check", "seed-2020.txt", seed); status != http.StatusOK {
		t.Errorf("after the queue emptied: status %d: %s", status, body)
	}
}

// TestContentLengthRefused sends only the headers of an upload whose
// Content-Length is over the limit: the answer, 413, comes without the
// body, which is never sent.
func TestContentLengthRefused(t *testing.T) {
	opts := DefaultOptions()
	opts.MaxUpload = 1 << 20
	srv := newServer(t, opts)
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=zz\r\nContent-Length: %d\r\n\r\n", 100<<20)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	errorAnswer(t, resp, http.StatusRequestEntityTooLarge, "1 MB")
}

// TestNotFoundJSON checks that a path that is no route, a method a route
// does not take and a missing asset are answered in JSON, in the
// request's language.
func TestNotFoundJSON(t *testing.T) {
	srv := newServer(t, DefaultOptions())
	for _, c := range []struct {
		method, path string
		status       int
		want         string
	}{
		{"GET", "/nothing", 404, "这里没有 /nothing 这个页面"},
		{"GET", "/nothing?lang=en", 404, "no page /nothing"},
		{"GET", "/assets/missing.js", 404, "这里没有"},
		{"GET", "/api/check", 405, "/api/check 不能用 GET 方法访问（可用：POST）"},
		{"DELETE", "/?lang=en", 405, "DELETE cannot be used on /"},
	} {
		req, err := http.NewRequest(c.method, srv.URL+c.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Errorf("%s %s: status %d, %s: %s", c.method, c.path, resp.StatusCode, resp.Header.Get("Content-Type"), data)
			continue
		}
		if msg := errorBody(t, c.status, data); !strings.Contains(msg, c.want) {
			t.Errorf("%s %s: message %q, want %q", c.method, c.path, msg, c.want)
		}
	}
}

// TestHealthz asks how the server is.
func TestHealthz(t *testing.T) {
	opts := DefaultOptions()
	opts.Jobs, opts.Queue = 2, 3
	srv := newServer(t, opts)
	resp, err := srv.Client().Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var h struct {
		Status                       string
		Checking, Admitted, Capacity int
	}
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || h.Status != "ok" || h.Capacity != 5 || h.Admitted != 0 {
		t.Errorf("status %d, %+v", resp.StatusCode, h)
	}
}

// TestBusyBytes fills QueueBytes with one large upload still being sent:
// a second large one is refused, a small one is admitted and checked.
func TestBusyBytes(t *testing.T) {
	opts := DefaultOptions()
	opts.Jobs, opts.Queue, opts.QueueBytes = 1, 8, 600<<10
	srv := newServer(t, opts)
	big := bytes.Repeat([]byte(strings.Repeat("0123456789", 99)+"\n"), 500) // 496 KB
	release := make(chan struct{})
	var once sync.Once
	open := func() { once.Do(func() { close(release) }) }
	defer open()
	a := hangingUpload(t, srv, big, release)
	waitAdmitted(t, srv, 1)
	if status, hd, body := post(t, srv, "/api/check", "big.txt", big); status != http.StatusServiceUnavailable || hd.Get("Retry-After") == "" {
		t.Errorf("second large upload: status %d: %s", status, body)
	}
	if status, _, body := post(t, srv, "/api/check", "seed-2020.txt", readFile(t, "../testdata/seed-2020.txt")); status != http.StatusOK {
		t.Errorf("small upload: status %d: %s", status, body)
	}
	open()
	if s := <-a; s != http.StatusOK {
		t.Errorf("large upload: status %d", s)
	}
}
