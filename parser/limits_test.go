package parser

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/nianbao/nianbao/internal/testsupport/hostilegen"
)

// The caps of Limits are enforced while reading: each case below is a
// file past one limit, read under limits small enough to keep the test
// fast, and must stop with the LimitError naming that limit.

// tsvText is n lines of cols tab-separated numbers.
func tsvText(n, cols int) string { return string(hostilegen.Numbers(n, cols)) }

// pipeTables is n Markdown pipe tables of two rows, between paragraphs.
func pipeTables(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "段落%d\n\n| 项目 | 数量 |\n|---|---|\n| 行 | %d |\n\n", i, i)
	}
	return b.String()
}

// htmlTable is a page with a table of rows rows and cols columns.
func htmlTable(rows, cols int) string {
	return "<html><body>" + hostilegen.Table(hostilegen.HTML, rows, cols) + "</body></html>"
}

// docxTables is n tables of rows rows and cols cells in WordprocessingML.
func docxTables(n, rows, cols int) string {
	return strings.Repeat(hostilegen.Table(hostilegen.Word, rows, cols)+"<w:p/>", n)
}

func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, c := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	return b
}

func TestLimitsWhileReading(t *testing.T) {
	small := DefaultLimits()
	small.MaxCells, small.MaxRows, small.MaxTables = 1000, 300, 20
	small.MaxLineBytes, small.MaxLines = 4096, 5000
	for _, c := range []struct {
		name string
		data []byte
		want Limit
	}{
		{"cells.txt", []byte(tsvText(200, 10)), LimitCells},
		{"rows.txt", []byte(tsvText(400, 2)), LimitRows},
		{"tables.md", []byte(pipeTables(30)), LimitTables},
		{"lines.txt", bytes.Repeat([]byte("一行\n"), 6000), LimitLines},
		{"lines-cr.txt", bytes.Repeat([]byte("一行\r"), 6000), LimitLines},
		{"line.txt", bytes.Repeat([]byte("政府信息公开"), 1000), LimitLineBytes},
		{"line-utf16.txt", utf16LE(strings.Repeat("上", 5000)), LimitLineBytes}, // 0x0A bytes inside
		{"cells.html", []byte(htmlTable(200, 10)), LimitCells},
		{"rows.html", []byte(htmlTable(400, 1)), LimitRows},
		{"tables.html", []byte(strings.Repeat("<table><tr><td>1</td></tr></table>", 30)), LimitTables},
		{"rowspan.html", []byte("<table><tr>" + strings.Repeat(`<td rowspan="500">1</td>`, 10) + "</tr>" + strings.Repeat("<tr><td>1</td></tr>", 200) + "</table>"), LimitCells},
		{"cells.docx", docxOf(t, docxTables(1, 200, 10)), LimitCells},
		{"rows.docx", docxOf(t, docxTables(1, 400, 1)), LimitRows},
		{"tables.docx", docxOf(t, docxTables(30, 1, 1)), LimitTables},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(context.Background(), c.name, c.data, small)
			le, ok := errors.AsType[*LimitError](err)
			if !ok || le.Limit != c.want || !errors.Is(err, ErrTooLarge) {
				t.Fatalf("err %v, want a LimitError of limit %d", err, c.want)
			}
		})
	}
}

// TestLimitsAllowReports checks that the default limits leave real
// reports alone, and that a file just under each small limit is read.
func TestLimitsAllowReports(t *testing.T) {
	small := DefaultLimits()
	small.MaxCells, small.MaxRows, small.MaxTables = 1000, 300, 20
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"cells.txt", []byte(tsvText(100, 10))},
		{"tables.md", []byte(pipeTables(20))},
		{"cells.html", []byte(htmlTable(100, 10))},
		{"cells.docx", docxOf(t, docxTables(1, 100, 10))},
	} {
		if _, err := Parse(context.Background(), c.name, c.data, small); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

// BenchmarkHostileText reads the hostile texts of issue 15 under the
// default limits; each must stop at a limit. Compare B/op with the input
// size: the reader holds a small multiple of it.
func BenchmarkHostileText(b *testing.B) {
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"tsv-19MB-10cols", hostilegen.NumberRows(10, 19_000_000)},
		{"tsv-19MB-200cols", hostilegen.NumberRows(200, 19_000_000)},
		{"one-line-50MB", bytes.Repeat([]byte("政府信息公开0123456789"), 50<<20/28)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				if _, err := Parse(context.Background(), "h.txt", c.data, DefaultLimits()); !errors.Is(err, ErrTooLarge) {
					b.Fatal(err)
				}
			}
		})
	}
}
