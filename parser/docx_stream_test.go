package parser

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// chunkReader returns its bytes at most k at a time, so that a window
// filled from it ends wherever the test wants.
type chunkReader struct {
	b []byte
	k int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), r.k)], r.b)
	r.b = r.b[n:]
	return n, nil
}

// walkWhole walks part held in memory, as the reader did before it
// streamed, and returns the document, the layout tables found and the
// error.
func walkWhole(part []byte) (*Document, []int, error) {
	w := new(docxWalker)
	doc := &Document{Path: "t.docx", Format: "docx"}
	w.init("t.docx", DefaultLimits(), doc)
	err := w.walk(context.Background(), part)
	return doc, w.layouts, err
}

// walkStream walks part through a window of window bytes filled at most
// k bytes at a time.
func walkStream(part []byte, window, k int) (*Document, []int, error) {
	w := new(docxWalker)
	doc := &Document{Path: "t.docx", Format: "docx"}
	w.init("t.docx", DefaultLimits(), doc)
	err := w.walkFrom(context.Background(), &chunkReader{b: part, k: k}, make([]byte, 0, window))
	return doc, w.layouts, err
}

// errClass is the sentinel an error of the walker wraps, or the error
// itself: the byte offset a syntax error names may differ between a whole
// part and a stream, since character data is handed out in pieces.
func errClass(err error) error {
	for _, s := range []error{ErrCorrupt, ErrTooLarge, ErrNoDocumentXML} {
		if errors.Is(err, s) {
			return s
		}
	}
	return err
}

// sameWalk fails t when walking part through a window of window bytes
// filled k bytes at a time reads other than walking it whole.
func sameWalk(t *testing.T, name string, part []byte, window, k int) {
	t.Helper()
	want, wantLayouts, wantErr := walkWhole(part)
	got, gotLayouts, err := walkStream(part, window, k)
	if errClass(err) != errClass(wantErr) {
		t.Fatalf("%s, window %d, reads of %d: err = %v, whole part: %v", name, window, k, err, wantErr)
	}
	if wantErr != nil {
		return
	}
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotLayouts, wantLayouts) {
		t.Fatalf("%s, window %d, reads of %d: document differs from the whole part's", name, window, k)
	}
}

// mainPartOf returns the inflated main part of the package data.
func mainPartOf(t testing.TB, data []byte) []byte {
	t.Helper()
	lim := DefaultLimits()
	pkg, err := openPackage(data, lim)
	if err != nil {
		t.Fatal(err)
	}
	main, err := pkg.mainPart()
	if err != nil {
		t.Fatal(err)
	}
	part, err := pkg.readAll(main, lim.MaxInflatedBytes)
	if err != nil {
		t.Fatal(err)
	}
	return part
}

// windowParts are main parts whose tokens stress the window's edges:
// references, CJK text, "\r\n", CDATA, comments, processing
// instructions, long attributes and a UTF-16 part.
func windowParts() map[string][]byte {
	long := strings.Repeat("属性", 40)
	parts := map[string][]byte{
		"refs": []byte(docXML(p(r("a&amp;b&lt;c&#x4E2D;&#20013;&quot;&apos;&gt;")) + tbl(tr(tc("", p(r("1&#x31;2"))), tc(`<w:gridSpan w:val="2"/>`, p(r("二&amp;三"))))))),
		"crlf": []byte(docXML(p(r("一\r\n二\r三\n四\r\n")) + p(r("\r")) + p(r("五\r\n")))),
		"cjk":  []byte(docXML(p(r(strings.Repeat("政府信息公开", 30))) + tbl(tr(tc("", p(r("自然人"))), tc(`<w:vMerge/>`, p(r("x")))), tr(tc("", p(r("行政复议"))), tc("", p(r("0"))))))),
		"markup": []byte(docXML("<!-- a comment -- long " + long + " -->" + `<?pi some instruction?>` +
			p(`<w:r><w:t><![CDATA[<&>]]>文本</w:t></w:r>`, `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>`) +
			`<w:p w:rsidR="` + long + `"><w:r><w:t xml:space = 'preserve' >  间隔  </w:t></w:r></w:p>` +
			`<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>` + p(r("占位")) + `</w:sdtContent></w:sdt>` +
			`<mc:AlternateContent xmlns:mc="m"><mc:Choice>` + p(r("选")) + `</mc:Choice><mc:Fallback>` + p(r("备")) + `</mc:Fallback></mc:AlternateContent>`)),
		"layout": []byte(docXML(tbl(tr(tc("", p(r("标题")), tbl(tr(tc("", p(r("自然人"))), tc("", p(r("1")))))))))),
		"utf16":  utf16le(docXML(p(r("统一编码")) + tbl(tr(tc("", p(r("甲&amp;乙"))))))),
	}
	// Damaged parts must fail alike.
	parts["truncated"] = parts["cjk"][:len(parts["cjk"])-40]
	parts["bad-ref"] = []byte(docXML(p(r("a&nosuch;b"))))
	parts["bad-utf8"] = []byte(docXML(p(r("中\xe4\xb8文"))))
	parts["mismatch"] = []byte(docXML("<w:p></w:r>"))
	return parts
}

// TestDocxWindowBoundaries reads main parts through a small window whose
// edge falls at every byte position (reads of one byte) and at positions
// spread by reads of other sizes, and checks that each reads exactly as
// the whole part in memory does.
func TestDocxWindowBoundaries(t *testing.T) {
	for name, part := range windowParts() {
		for _, window := range []int{16, 64, 4096} {
			for k := 1; k <= 80; k++ {
				sameWalk(t, name, part, window, k)
			}
		}
	}
	names, err := filepath.Glob(filepath.Join(docxDir, "*.docx"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		part := mainPartOf(t, data)
		ks := []int{1, 7, 100, 4093, docxWindow}
		if testing.Short() {
			ks = ks[1:]
		}
		for _, k := range ks {
			sameWalk(t, filepath.Base(n), part, 64, k)
			sameWalk(t, filepath.Base(n), part, docxWindow, k)
		}
	}
}

// TestDocxTokenLimit: a token that cannot fit in MaxLineBytes stops the
// read with the line limit; one that fits grows the window.
func TestDocxTokenLimit(t *testing.T) {
	attr := strings.Repeat("x", 5000)
	part := []byte(docXML(`<w:p w:x="` + attr + `">` + r("字") + `</w:p>`))
	w := new(docxWalker)
	lim := DefaultLimits()
	lim.MaxLineBytes = 4096
	w.init("t.docx", lim, &Document{})
	err := w.walkFrom(context.Background(), &chunkReader{b: part, k: 512}, make([]byte, 0, 1024))
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != LimitLineBytes {
		t.Fatalf("err = %v, want the line limit", err)
	}
	sameWalk(t, "long attribute", part, 1024, 512)
}

// TestDocxElementsLimit: the elements of a main part are bounded by
// DocxElementsPerHTML times Limits.MaxElements, counted as they are read.
func TestDocxElementsLimit(t *testing.T) {
	lim := DefaultLimits()
	lim.MaxElements = 12
	body := strings.Repeat(p(r("x")), 30) // 3 elements a paragraph, 90 in all
	data := docxOf(t, body)
	if _, err := Parse(context.Background(), "t.docx", data, lim); err != nil {
		t.Fatalf("92 elements under a limit of %d: %v", docxMaxElements(lim), err)
	}
	lim.MaxElements = 5
	_, err := Parse(context.Background(), "t.docx", data, lim)
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != LimitElements || le.Max != 40 {
		t.Fatalf("err = %v, want more than 40 elements", err)
	}
}

// TestDocxFromFile: a package larger than streamFrom is read from the
// file, and reads as the same bytes in memory do.
func TestDocxFromFile(t *testing.T) {
	var rows []string
	for n := 0; n <= streamFrom; {
		row := tr(tc("", p(r(strings.Repeat("数", 10)))), tc(`<w:gridSpan w:val="2"/>`, p(r("1"))), tc(`<w:vMerge/>`, p(r("2"))))
		rows = append(rows, row)
		n += len(row)
	}
	var body strings.Builder
	body.WriteString(p(r("标题")) + tbl(rows...) + p(r("完")))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	fw.Write([]byte(docXML(body.String())))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if len(data) <= streamFrom {
		t.Fatalf("package of %d bytes", len(data))
	}
	path := filepath.Join(t.TempDir(), "big.docx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	lim := DefaultLimits()
	got, err := ParseFile(context.Background(), path, lim)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse(context.Background(), path, data, lim)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("the file reads other than its bytes in memory")
	}
}

// FuzzDocxWindow checks that any main part reads through a small window,
// filled a few bytes at a time, exactly as it reads whole.
func FuzzDocxWindow(f *testing.F) {
	for _, part := range windowParts() {
		f.Add(part, uint8(1))
		f.Add(part, uint8(13))
	}
	f.Fuzz(func(t *testing.T, part []byte, k uint8) {
		sameWalk(t, "fuzz", part, 16, int(k%64)+1)
	})
}

// TestDocxStreamMemory: a large stored .docx read from its file costs
// what is kept of it, its cells and text, not copies of the file and of
// its main part. Reading the file into memory and inflating the part into
// one buffer, with cells and rows in slices grown by appending, as the
// reader did before it streamed, allocated 9.6 times the file; streaming
// allocates 1.8 times (the 80,000 Cells of this file, at 96 bytes each,
// are half of it).
func TestDocxStreamMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes an 8 MB .docx")
	}
	path := filepath.Join(t.TempDir(), "big.docx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	const rows, cols = 20_000, 4
	io.WriteString(fw, docXML("")[:len(docXML(""))-len("</w:body></w:document>")]+"<w:tbl>")
	for i := range rows {
		io.WriteString(fw, "<w:tr>")
		for j := range cols {
			fmt.Fprintf(fw, `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>%d</w:t></w:r></w:p></w:tc>`, i*cols+j)
		}
		io.WriteString(fw, "</w:tr>")
	}
	io.WriteString(fw, "</w:tbl></w:body></w:document>")
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	doc, err := ParseFile(context.Background(), path, DefaultLimits())
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(doc.Tables()[0].Rows); n != rows {
		t.Fatalf("%d rows, want %d", n, rows)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d-byte file: %d bytes allocated (%.2f×)", fi.Size(), alloc, float64(alloc)/float64(fi.Size()))
	if alloc > 5*uint64(fi.Size())/2 {
		t.Errorf("reading a %d-byte .docx allocated %d bytes, want at most 2.5 times the file", fi.Size(), alloc)
	}
}
