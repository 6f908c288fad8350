package lint_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/nianbao/nianbao/internal/testsupport/hostilegen"
	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/rules"
)

// The hostile-input suite: files that a folder of reports may hold by
// accident or by malice, generated here rather than committed. Each must
// come out as one clear P0001 finding, quickly, without a panic, and must
// not keep the rest of a batch from being checked.

// hostile is one generated input and what checking it must yield.
type hostile struct {
	name string
	// make writes the input under dir and returns the path to check.
	make func(t *testing.T, dir string) string
	// msg is the Format of the P0001 finding wanted; "" means the file is
	// read and checked like a report (no P0001).
	msg string
	// err, when set, is the sentinel the read error must wrap.
	err error
	// maxAlloc, when set, bounds the bytes allocated while checking the
	// file: the limits must refuse it before reading it.
	maxAlloc uint64
}

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// zipEntry is one entry of a generated zip package. raw, when set, is
// written as the already compressed content and hdr as its header, so that
// the header may lie.
type zipEntry struct {
	name string
	data []byte
	hdr  *zip.FileHeader
	raw  []byte
}

func zipOf(t *testing.T, method uint16, entries ...zipEntry) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range entries {
		var w io.Writer
		var err error
		if e.hdr != nil {
			w, err = zw.CreateRaw(e.hdr)
			if err == nil {
				_, err = w.Write(e.raw)
			}
		} else {
			w, err = zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: method})
			if err == nil {
				_, err = w.Write(e.data)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// documentXML wraps body in a WordprocessingML document.
func documentXML(body string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`)
}

// tableXML is a table of rows rows and cols columns holding numbers.
func tableXML(rows, cols int) string { return hostilegen.Table(hostilegen.Word, rows, cols) }

// zeros caches the deflated form of n zero bytes and their CRC per size.
var zeros = struct {
	sync.Mutex
	m map[int]deflated
}{m: map[int]deflated{}}

type deflated struct {
	data []byte
	crc  uint32
}

// deflatedZeros returns a deflate stream of n zero bytes (n a multiple of
// 1 MiB) and their CRC-32, built without compressing n bytes: one MiB of
// zeros is deflated and flushed to a byte boundary, and the result is
// repeated, which is valid because its back-references reach no further
// than the zeros before them; an empty final block ends the stream.
func deflatedZeros(t *testing.T, n int) ([]byte, uint32) {
	t.Helper()
	const mib = 1 << 20
	if n%mib != 0 {
		t.Fatalf("deflatedZeros(%d): not a multiple of 1 MiB", n)
	}
	zeros.Lock()
	defer zeros.Unlock()
	if d, ok := zeros.m[n]; ok {
		return d.data, d.crc
	}
	var block bytes.Buffer
	w, err := flate.NewWriter(&block, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, mib)
	if _, err := w.Write(chunk); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	data := bytes.Repeat(block.Bytes(), n/mib)
	data = append(data, 0x01, 0x00, 0x00, 0xff, 0xff) // final empty stored block
	crc := uint32(0)
	for range n / mib {
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	zeros.m[n] = deflated{data, crc}
	return data, crc
}

// bomb is a package whose word/document.xml inflates to inflated bytes of
// zeros while declaring declared bytes.
func bomb(t *testing.T, inflated, declared int) []byte {
	raw, crc := deflatedZeros(t, inflated)
	return zipOf(t, zip.Deflate, zipEntry{
		hdr: &zip.FileHeader{
			Name: "word/document.xml", Method: zip.Deflate, CRC32: crc,
			CompressedSize64: uint64(len(raw)), UncompressedSize64: uint64(declared),
		},
		raw: raw,
	})
}

// oleFile is a minimal OLE compound file whose directory, in the sector
// after the header, lists a root storage and the given streams: enough for
// the sniffer, which is all nianbao reads of such a file.
func oleFile(streams ...string) []byte {
	b := make([]byte, 512+128*(1+len(streams)), 4096)
	copy(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	binary.LittleEndian.PutUint16(b[0x1A:], 3)      // major version
	binary.LittleEndian.PutUint16(b[0x1C:], 0xFFFE) // byte order
	binary.LittleEndian.PutUint16(b[0x1E:], 9)      // 512-byte sectors
	entry := func(i int, name string, typ byte) {
		e := b[512+128*i:]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			binary.LittleEndian.PutUint16(e[2*j:], c)
		}
		binary.LittleEndian.PutUint16(e[0x40:], uint16(2*len(u)+2))
		e[0x42] = typ
	}
	entry(0, "Root Entry", 5)
	for i, s := range streams {
		entry(i+1, s, 2)
	}
	return b[:cap(b)]
}

// tsvRows is the seed report followed by a table of n rows of eight
// tab-separated cells.
func tsvRows(t *testing.T, n int) []byte {
	var b bytes.Buffer
	b.Write(seed(t))
	for i := range n {
		fmt.Fprintf(&b, "行%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", i, i, i, i, i, i, i, i)
	}
	return b.Bytes()
}

func seed(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../testdata/seed-2020.txt")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// hostileCases lists the suite. Generated sizes are chosen to exceed the
// default limits where a limit is what must refuse the file.
func hostileCases() []hostile {
	lim := parser.DefaultLimits()
	return []hostile{
		{name: "zip-bomb.docx", msg: rules.MsgP0001Inflated, err: parser.ErrTooLarge, maxAlloc: 16 << 20,
			make: func(t *testing.T, dir string) string {
				// 512 MiB of zeros in about 650 KB, honestly declared: the
				// declared size is over MaxInflatedBytes.
				n := int(2 * lim.MaxInflatedBytes)
				return writeFile(t, filepath.Join(dir, "zip-bomb.docx"), bomb(t, n, n))
			}},
		{name: "ratio-bomb.docx", msg: rules.MsgP0001Ratio, err: parser.ErrTooLarge, maxAlloc: 16 << 20,
			make: func(t *testing.T, dir string) string {
				// 64 MiB: under MaxInflatedBytes, but a ratio near 1000:1.
				return writeFile(t, filepath.Join(dir, "ratio-bomb.docx"), bomb(t, 64<<20, 64<<20))
			}},
		{name: "lying-size.docx", msg: rules.MsgP0001Corrupt, err: parser.ErrCorrupt, maxAlloc: 16 << 20,
			make: func(t *testing.T, dir string) string {
				// 512 MiB behind a header that declares 4 KiB: reading
				// stops at the declared size.
				return writeFile(t, filepath.Join(dir, "lying-size.docx"), bomb(t, int(2*lim.MaxInflatedBytes), 4096))
			}},
		{name: "deep-xml.docx", msg: rules.MsgP0001Depth, err: parser.ErrTooLarge,
			make: func(t *testing.T, dir string) string {
				const depth = 100_000
				body := strings.Repeat("<w:tbl><w:tr><w:tc>", depth) + strings.Repeat("</w:tc></w:tr></w:tbl>", depth)
				// Stored, so that the compression ratio does not refuse it
				// before the nesting limit is met.
				return writeFile(t, filepath.Join(dir, "deep-xml.docx"),
					zipOf(t, zip.Store, zipEntry{name: "word/document.xml", data: documentXML(body)}))
			}},
		{name: "deep-unknown-xml.docx", msg: rules.MsgP0001Depth, err: parser.ErrTooLarge,
			make: func(t *testing.T, dir string) string {
				const depth = 100_000
				body := "<w:p>" + strings.Repeat("<x:a>", depth) + strings.Repeat("</x:a>", depth) + "</w:p>"
				return writeFile(t, filepath.Join(dir, "deep-unknown-xml.docx"),
					zipOf(t, zip.Store, zipEntry{name: "word/document.xml", data: documentXML(body)}))
			}},
		{name: "deep.html", msg: rules.MsgP0001Depth, err: parser.ErrTooLarge,
			make: func(t *testing.T, dir string) string {
				const depth = 100_000
				body := "<html><body>" + strings.Repeat("<div>", depth) + "x" + strings.Repeat("</div>", depth) + "</body></html>"
				return writeFile(t, filepath.Join(dir, "deep.html"), []byte(body))
			}},
		{name: "rows-100k.docx", msg: rules.MsgP0001Rows, err: parser.ErrTooLarge,
			make: func(t *testing.T, dir string) string {
				// 300,000 cells in 100,000 rows, stored: the read stops
				// at MaxRows (50,000), before MaxCells.
				return writeFile(t, filepath.Join(dir, "rows-100k.docx"),
					zipOf(t, zip.Store, zipEntry{name: "word/document.xml", data: documentXML(tableXML(100_000, 3))}))
			}},
		{name: "rows-40k-narrow.docx",
			make: func(t *testing.T, dir string) string {
				// 40,000 cells in as many rows, under MaxCells and
				// MaxRows: read and checked.
				return writeFile(t, filepath.Join(dir, "rows-40k-narrow.docx"),
					zipOf(t, zip.Deflate, zipEntry{name: "word/document.xml", data: documentXML(tableXML(40_000, 1))}))
			}},
		{name: "rows-100k.txt", msg: rules.MsgP0001Lines, err: parser.ErrTooLarge,
			make: func(t *testing.T, dir string) string {
				// The seed report followed by a table of 100,000
				// tab-separated rows: over MaxLines, refused from its
				// bytes.
				return writeFile(t, filepath.Join(dir, "rows-100k.txt"), tsvRows(t, 100_000))
			}},
		{name: "tsv-19mb.txt", msg: rules.MsgP0001Lines, err: parser.ErrTooLarge, maxAlloc: 24 << 20,
			make: func(t *testing.T, dir string) string {
				// Issue 15: 19 MB of tab-separated numbers, ten to a line,
				// 345,000 lines: refused from its bytes at MaxLines
				// (20,000).
				return writeFile(t, filepath.Join(dir, "tsv-19mb.txt"), hostilegen.NumberRows(10, 19_000_000))
			}},
		{name: "tsv-19mb-wide.txt", msg: rules.MsgP0001Cells, err: parser.ErrTooLarge, maxAlloc: 160 << 20,
			make: func(t *testing.T, dir string) string {
				// 19 MB of 200 numbers to a line, 16,000 lines: the read
				// stops at MaxCells, at the 1,000th row.
				return writeFile(t, filepath.Join(dir, "tsv-19mb-wide.txt"), hostilegen.NumberRows(200, 19_000_000))
			}},
		{name: "cells-19mb.html", msg: rules.MsgP0001Cells, err: parser.ErrTooLarge, maxAlloc: 100 << 20,
			make: func(t *testing.T, dir string) string {
				// 19 MB of table cells in a page: counted by the
				// tokenizer, refused before the page is parsed into a tree.
				var b bytes.Buffer
				b.WriteString("<html><body><table>")
				for i := 0; b.Len() < 19_000_000; i++ {
					fmt.Fprintf(&b, "<tr><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td></tr>", i, i, i, i, i, i)
				}
				b.WriteString("</table></body></html>")
				return writeFile(t, filepath.Join(dir, "cells-19mb.html"), b.Bytes())
			}},
		{name: "rows-15k.txt",
			make: func(t *testing.T, dir string) string {
				// 15,000 rows, 120,000 cells: under MaxCells and
				// MaxLines, read.
				return writeFile(t, filepath.Join(dir, "rows-15k.txt"), tsvRows(t, 15_000))
			}},
		{name: "paras-19mb.txt", msg: rules.MsgP0001Lines, err: parser.ErrTooLarge, maxAlloc: 24 << 20,
			make: func(t *testing.T, dir string) string {
				// 19 MB of sentences, one to a line: each line is a
				// paragraph that every later stage reads (about 60 µs a
				// line), so the line count is what bounds the time.
				line := []byte("政府信息公开工作年度报告正文，本年度共收到申请若干件。\n")
				return writeFile(t, filepath.Join(dir, "paras-19mb.txt"), bytes.Repeat(line, 19_000_000/len(line)))
			}},
		{name: "one-line-50mb.txt", msg: rules.MsgP0001LineBytes, err: parser.ErrTooLarge, maxAlloc: 56 << 20,
			make: func(t *testing.T, dir string) string {
				// Refused from its bytes at MaxLineBytes, before it is
				// decoded: the file is read once and nothing more.
				return writeFile(t, filepath.Join(dir, "one-line-50mb.txt"), bytes.Repeat([]byte("政府信息公开0123456789"), 50<<20/28))
			}},
		{name: "too-big.txt", msg: rules.MsgP0001FileBytes, err: parser.ErrTooLarge, maxAlloc: 1 << 20,
			make: func(t *testing.T, dir string) string {
				// Sparse: MaxFileBytes+1 bytes that cost no disk. Refused
				// from its size, without reading.
				p := filepath.Join(dir, "too-big.txt")
				f, err := os.Create(p)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if err := f.Truncate(lim.MaxFileBytes + 1); err != nil {
					t.Fatal(err)
				}
				return p
			}},
		{name: "nul.txt", msg: rules.MsgP0001Binary, err: parser.ErrBinary,
			make: func(t *testing.T, dir string) string {
				return writeFile(t, filepath.Join(dir, "nul.txt"), make([]byte, 4096))
			}},
		{name: "nul-inside.txt", msg: rules.MsgP0001Binary, err: parser.ErrBinary,
			make: func(t *testing.T, dir string) string {
				b := seed(t)
				b = append(b[:len(b)/2:len(b)/2], append([]byte{0, 0, 0}, b[len(b)/2:]...)...)
				return writeFile(t, filepath.Join(dir, "nul-inside.txt"), b)
			}},
		{name: "invalid-utf8.txt", msg: rules.MsgP0001Binary, err: parser.ErrBinary,
			make: func(t *testing.T, dir string) string {
				// Neither UTF-8 nor GB18030 text: 0xFF is no GB18030 lead
				// byte, 0x80 alone is undefined.
				return writeFile(t, filepath.Join(dir, "invalid-utf8.txt"), bytes.Repeat([]byte{0xFF, 0x80, 0xC0, 'a'}, 1000))
			}},
		{name: "gb18030-edges.txt", msg: "",
			make: func(t *testing.T, dir string) string {
				// The seed report in GB18030 with four-byte sequences (a
				// supplementary-plane character, U+FFFF's neighbours) and a
				// truncated sequence at the end.
				s := string(seed(t)) + "\n附：𠀀 \U0010FFFF \u00ad €\n"
				b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
				if err != nil {
					t.Fatal(err)
				}
				return writeFile(t, filepath.Join(dir, "gb18030-edges.txt"), append(b, 0x81, 0x30))
			}},
		{name: "utf16-odd.txt", msg: "",
			make: func(t *testing.T, dir string) string {
				// UTF-16LE with a BOM and an odd final byte.
				u := utf16.Encode([]rune(string(seed(t))))
				b := []byte{0xFF, 0xFE}
				for _, c := range u {
					b = binary.LittleEndian.AppendUint16(b, c)
				}
				return writeFile(t, filepath.Join(dir, "utf16-odd.txt"), append(b, 'x'))
			}},
		{name: "encrypted.docx", msg: rules.MsgP0001Encrypted, err: parser.ErrEncrypted,
			make: func(t *testing.T, dir string) string {
				return writeFile(t, filepath.Join(dir, "encrypted.docx"), oleFile("EncryptionInfo", "EncryptedPackage"))
			}},
		{name: "legacy.doc", msg: rules.MsgP0001Corrupt, err: parser.ErrCorrupt, // a .doc container without a valid FAT
			make: func(t *testing.T, dir string) string {
				return writeFile(t, filepath.Join(dir, "legacy.doc"), oleFile("WordDocument", "1Table"))
			}},
		{name: "legacy-renamed.docx", msg: rules.MsgP0001Corrupt, err: parser.ErrCorrupt,
			make: func(t *testing.T, dir string) string {
				return writeFile(t, filepath.Join(dir, "legacy-renamed.docx"), oleFile("WordDocument"))
			}},
		// PDFs (testdata/pdf): a scan, a password, a cut file, and bytes
		// that are no PDF at all named .pdf.
		{name: "scanned.pdf", msg: rules.MsgP0001Scanned, err: parser.ErrScanned,
			make: func(t *testing.T, dir string) string { return copyFixture(t, dir, "../testdata/pdf/scanned.pdf") }},
		{name: "encrypted.pdf", msg: rules.MsgP0001Encrypted, err: parser.ErrEncrypted,
			make: func(t *testing.T, dir string) string { return copyFixture(t, dir, "../testdata/pdf/encrypted.pdf") }},
		{name: "truncated.pdf", msg: rules.MsgP0001PDFCorrupt, err: parser.ErrCorruptPDF,
			make: func(t *testing.T, dir string) string { return copyFixture(t, dir, "../testdata/pdf/truncated.pdf") }},
		{name: "not-a.pdf", msg: rules.MsgP0001PDFCorrupt, err: parser.ErrCorruptPDF,
			make: func(t *testing.T, dir string) string {
				return writeFile(t, filepath.Join(dir, "not-a.pdf"), []byte("这不是 PDF 文件\n"))
			}},
		{name: "header-only.pdf", msg: rules.MsgP0001PDFCorrupt, err: parser.ErrCorruptPDF,
			make: func(t *testing.T, dir string) string {
				return writeFile(t, filepath.Join(dir, "header-only.pdf"), []byte("%PDF-1.7\n%%EOF\n"))
			}},
		{name: "empty.txt", msg: rules.MsgP0001Empty, err: parser.ErrEmpty,
			make: func(t *testing.T, dir string) string {
				return writeFile(t, filepath.Join(dir, "empty.txt"), nil)
			}},
		{name: "empty.docx", msg: rules.MsgP0001Empty, err: parser.ErrEmpty, // told as an empty .txt is
			make: func(t *testing.T, dir string) string {
				return writeFile(t, filepath.Join(dir, "empty.docx"), nil)
			}},
		{name: "truncated.docx", msg: rules.MsgP0001Corrupt, err: parser.ErrCorrupt,
			make: func(t *testing.T, dir string) string {
				b, err := os.ReadFile("../testdata/docx/filled-2021-wps.docx")
				if err != nil {
					t.Fatal(err)
				}
				return writeFile(t, filepath.Join(dir, "truncated.docx"), b[:len(b)/2])
			}},
		{name: "symlink-loop.txt", msg: rules.MsgP0001Generic,
			make: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "symlink-loop.txt")
				if err := os.Symlink("symlink-loop.txt", p); err != nil {
					t.Skip("no symlinks:", err)
				}
				// A directory link back to its parent is not followed.
				if err := os.Symlink(".", filepath.Join(dir, "loop-dir")); err != nil {
					t.Fatal(err)
				}
				return p
			}},
		{name: "fifo.txt", msg: rules.MsgP0001Generic,
			make: func(t *testing.T, dir string) string {
				// Opening a named pipe blocks until a writer comes: the
				// reader must not open what is not a regular file.
				p := filepath.Join(dir, "fifo.txt")
				if err := mkfifo(p); err != nil {
					t.Skip("no named pipes:", err)
				}
				return p
			}},
		{name: "dir.docx", msg: "", // a directory is searched, not read
			make: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "dir.docx")
				if err := os.Mkdir(p, 0o755); err != nil {
					t.Fatal(err)
				}
				return p
			}},
	}
}

// TestHostileInputs checks every hostile file on its own.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("generates large inputs")
	}
	opts := lint.DefaultOptions()
	for _, h := range hostileCases() {
		t.Run(h.name, func(t *testing.T) {
			p := h.make(t, t.TempDir())
			if fi, err := os.Stat(p); err == nil && fi.IsDir() {
				return // covered by the batch test
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			res := lint.CheckFile(context.Background(), p, opts)
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%s: %v, %d KiB allocated, err: %v", h.name, took.Round(time.Millisecond), alloc>>10, res.Err)
			if h.maxAlloc > 0 && alloc > h.maxAlloc {
				t.Errorf("allocated %d bytes, want at most %d: the file was read instead of refused", alloc, h.maxAlloc)
			}
			checkHostile(t, h, res)
		})
	}
}

// checkHostile checks the result for h's file.
func checkHostile(t *testing.T, h hostile, res lint.FileResult) {
	t.Helper()
	var p0001 []rules.Finding
	for _, f := range res.Findings {
		if f.Rule == rules.P0001.ID {
			p0001 = append(p0001, f)
		}
	}
	if res.Err != nil && strings.Contains(res.Err.Error(), "internal error") { // lint's errInternal: a recovered panic
		t.Fatalf("%s: panic inside nianbao: %v", h.name, res.Err)
	}
	if h.msg == "" {
		if len(p0001) > 0 || res.Report == nil {
			t.Errorf("%s: not read: %v %v", h.name, res.Err, p0001)
		}
		return
	}
	if len(p0001) != 1 || len(res.Findings) != 1 {
		t.Fatalf("%s: findings %+v, want one P0001", h.name, res.Findings)
	}
	if got := p0001[0].Msg.Format; got != h.msg {
		t.Errorf("%s: P0001 %q (%v), want %q", h.name, got, p0001[0].Msg.Args, h.msg)
	}
	if h.err != nil && !errors.Is(res.Err, h.err) {
		t.Errorf("%s: err %v, want %v", h.name, res.Err, h.err)
	}
}

// TestHostileBatch checks every hostile file in one folder together with
// two real reports, with a file removed and one emptied while the batch
// runs: every file gets its result and the real reports are checked as
// usual.
func TestHostileBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("generates large inputs")
	}
	dir := t.TempDir()
	want := map[string]hostile{}
	for _, h := range hostileCases() {
		p := h.make(t, dir)
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			continue
		}
		want[p] = h
	}
	good := []string{filepath.Join(dir, "z-seed.txt"), filepath.Join(dir, "z-filled.docx")}
	copyTo(t, "../testdata/seed-2020.txt", good[0])
	copyTo(t, "../testdata/docx/filled-2021-wps.docx", good[1])
	// The file checked last disappears once the first result is in: with
	// one job, at most five files have been started by then.
	vanish := filepath.Join(dir, "zz-vanishes.txt")
	copyTo(t, "../testdata/seed-2020.txt", vanish)
	want[vanish] = hostile{name: "vanishes", msg: rules.MsgP0001NotFound, err: os.ErrNotExist}
	// Another is emptied at the same moment, as an editor saving over it
	// does (truncate, then write): it is read as it is when its turn comes.
	changes := filepath.Join(dir, "zz-changes.txt")
	copyTo(t, "../testdata/seed-2020.txt", changes)
	want[changes] = hostile{name: "changes", msg: rules.MsgP0001Empty, err: parser.ErrEmpty}

	opts := lint.DefaultOptions()
	opts.Jobs = 1
	opts.Retain = lint.RetainFindingCells
	opts.Progress = func(done, total int) {
		if done == 1 {
			if err := os.Remove(vanish); err != nil {
				t.Error(err)
			}
			if err := os.Truncate(changes, 0); err != nil {
				t.Error(err)
			}
		}
	}
	start := time.Now()
	b, err := lint.RunBatch(context.Background(), []string{dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files in %v", len(b.Files), time.Since(start).Round(time.Millisecond))
	if n := len(want) + len(good); len(b.Files) != n {
		var got []string
		for _, r := range b.Files {
			got = append(got, filepath.Base(r.Path))
		}
		t.Fatalf("%d results, want %d: %v", len(b.Files), n, got)
	}
	for _, r := range b.Files {
		if h, ok := want[r.Path]; ok {
			checkHostile(t, h, r)
			continue
		}
		if r.Report == nil || r.Err != nil || len(r.Findings) == 0 {
			t.Errorf("%s: not checked: %v", r.Path, r.Err)
		}
		for _, f := range r.Findings {
			if f.Rule == rules.P0001.ID {
				t.Errorf("%s: %v", r.Path, f)
			}
		}
	}
}

func copyTo(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, b)
}

// copyFixture copies the file at path into dir and returns the copy.
func copyFixture(t *testing.T, dir, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, filepath.Join(dir, filepath.Base(path)), b)
}
