package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// build writes a two-sheet workbook with every kind of value and style the
// package offers.
func build(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	wb := New(&buf)
	head := wb.Style(Style{Bold: true, Color: "FFFFFF", Fill: "35537A", VAlign: "center", Wrap: true, Border: "9AA5B1"})
	bad := wb.Style(Style{Color: "9C0006", Bold: true, Fill: "FFC7CE", Size: 12})
	sh, err := wb.NewSheet(SheetOptions{Name: "汇总", Widths: []float64{30, 0, 12}, Freeze: 1, FilterRow: 1, FilterCols: 3, Landscape: true})
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]Cell{
		{{"文件", head}, {"数值", head}, {"备注", head}},
		{{"a<b>&\"c\"", 0}, {42, 0}, {nil, 0}},
		{{"控制\x01字符\t保留", 0}, {3.25, bad}, {"/", 0}},
		{{"", 0}, {int64(-7), 0}, {nil, bad}},
	}
	for i, r := range rows {
		h := 0.0
		if i == 0 {
			h = 30
		}
		if err := sh.Row(i+1, h, r...); err != nil {
			t.Fatal(err)
		}
	}
	sh2, err := wb.NewSheet(SheetOptions{Name: "O'Brien 数据"})
	if err != nil {
		t.Fatal(err)
	}
	if err := sh2.Row(5, 0, Cell{Value: 1.5}); err != nil {
		t.Fatal(err)
	}
	if err := wb.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadBack checks what excelize reads from a workbook: names, values
// and their types, styles, widths, heights, the frozen header and the
// filter.
func TestReadBack(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(build(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "汇总" || got[1] != "O'Brien 数据" {
		t.Fatalf("sheets %q", got)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d", f.GetActiveSheetIndex())
	}
	rows, err := f.GetRows("汇总", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"文件", "数值", "备注"}, {"a<b>&\"c\"", "42"}, {"控制字符\t保留", "3.25", "/"}, {"", "-7"}}
	if len(rows) != len(want) {
		t.Fatalf("rows %q", rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: %q, want %q", i+1, rows[i], want[i])
		}
	}
	for cell, typ := range map[string]excelize.CellType{"A2": excelize.CellTypeInlineString, "B2": excelize.CellTypeUnset, "B3": excelize.CellTypeUnset} {
		if got, err := f.GetCellType("汇总", cell); err != nil || got != typ {
			t.Errorf("%s: type %v %v, want %v", cell, got, err, typ)
		}
	}
	id, err := f.GetCellStyle("汇总", "B3")
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if !st.Font.Bold || st.Font.Size != 12 || !strings.HasSuffix(st.Font.Color, "9C0006") || st.Fill.Type != "pattern" || st.Fill.Pattern != 1 {
		t.Errorf("B3 style: font %+v fill %+v", st.Font, st.Fill)
	}
	// excelize reports fill colours only through a theme, which the
	// workbook does not have: read the fill itself.
	xf := f.Styles.CellXfs.Xf[id]
	if fill := f.Styles.Fills.Fill[*xf.FillID].PatternFill; fill == nil || fill.FgColor == nil || fill.FgColor.RGB != "FFFFC7CE" {
		t.Errorf("B3 fill: %+v", fill)
	}
	id, _ = f.GetCellStyle("汇总", "A1")
	st, _ = f.GetStyle(id)
	if st.Alignment == nil || !st.Alignment.WrapText || st.Alignment.Vertical != "center" || len(st.Border) != 1 || st.Border[0].Type != "bottom" {
		t.Errorf("A1 style: %+v %+v", st.Alignment, st.Border)
	}
	if w, _ := f.GetColWidth("汇总", "A"); w != 30 {
		t.Errorf("width A %v", w)
	}
	if h, _ := f.GetRowHeight("汇总", 1); h != 30 {
		t.Errorf("height 1 %v", h)
	}
	if p, err := f.GetPanes("汇总"); err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
		t.Errorf("panes %+v %v", p, err)
	}
	var filter string
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filter = d.RefersTo
		}
	}
	if filter != "'汇总'!$A$1:$C$4" {
		t.Errorf("filter range %q", filter)
	}
	if v, err := f.GetCellValue("O'Brien 数据", "A5"); err != nil || v != "1.5" {
		t.Errorf("second sheet A5 %q %v", v, err)
	}
}

// TestWellFormed checks that every part is well-formed XML and that the
// package lists what Excel needs.
func TestWellFormed(t *testing.T) {
	data := build(t)
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range z.File {
		names[f.Name] = true
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(r)
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		}
		r.Close()
	}
	for _, n := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} {
		if !names[n] {
			t.Errorf("no %s", n)
		}
	}
}

func TestErrors(t *testing.T) {
	wb := New(io.Discard)
	if err := wb.Close(); err == nil {
		t.Error("a workbook without a sheet closed")
	}
	wb = New(io.Discard)
	for _, name := range []string{"", "a/b", "名字太长名字太长名字太长名字太长名字太长名字太长名字太长名字太长"} {
		if _, err := wb.NewSheet(SheetOptions{Name: name}); err == nil {
			t.Errorf("sheet name %q accepted", name)
		}
	}
	wb = New(io.Discard)
	sh, _ := wb.NewSheet(SheetOptions{Name: "a"})
	if err := sh.Row(2, 0); err != nil {
		t.Fatal(err)
	}
	if err := sh.Row(2, 0); !errors.Is(err, ErrRowOrder) {
		t.Errorf("row written twice: %v", err)
	}
	wb = New(io.Discard)
	sh, _ = wb.NewSheet(SheetOptions{Name: "a"})
	if err := sh.Row(1, 0, Cell{Value: struct{}{}}); err == nil {
		t.Error("a struct value was written")
	}
	if err := wb.Close(); err == nil {
		t.Error("Close after a failed row succeeded")
	}
}

func TestColumnName(t *testing.T) {
	for n, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA"} {
		if got := ColumnName(n); got != want {
			t.Errorf("ColumnName(%d) = %s, want %s", n, got, want)
		}
	}
}

// FuzzCellText checks that any text, from any document, gives a workbook
// whose sheet is well-formed XML and reads back as the text without the
// characters XML cannot hold.
func FuzzCellText(f *testing.F) {
	for _, s := range []string{"", "a<b>&\"c\"", "控制\x01字符", "\xff\xfe", "]]>", "\t\n\r", "\uFFFE\uFFFF", "𠮷"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		wb := New(&buf)
		sh, err := wb.NewSheet(SheetOptions{Name: "a", FilterRow: 1, FilterCols: 1, Freeze: 1})
		if err != nil {
			t.Fatal(err)
		}
		if err := sh.Row(1, 0, Cell{Value: s}); err != nil {
			t.Fatal(err)
		}
		if err := wb.Close(); err != nil {
			t.Fatal(err)
		}
		z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		r, err := z.Open("xl/worksheets/sheet1.xml")
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		d := xml.NewDecoder(r)
		var text strings.Builder
		inT := false
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%q: %v", s, err)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				inT = tok.Name.Local == "t"
			case xml.EndElement:
				inT = false
			case xml.CharData:
				if inT {
					text.Write(tok)
				}
			}
		}
		var want strings.Builder
		for _, r := range s {
			if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF && r != utf8.RuneError {
				want.WriteRune(r)
			}
		}
		// XML reads a lone CR, and CR LF, as LF.
		w := strings.ReplaceAll(strings.ReplaceAll(want.String(), "\r\n", "\n"), "\r", "\n")
		if text.String() != w {
			t.Errorf("%q read back as %q, want %q", s, text.String(), w)
		}
	})
}

// TestFooter checks the printed footer as excelize reads it: the text on
// the left ("&" doubled, as a footer code needs), the page numbers on the
// right.
func TestFooter(t *testing.T) {
	var buf bytes.Buffer
	wb := New(&buf)
	if _, err := wb.NewSheet(SheetOptions{Name: "汇总", Landscape: true, Footer: "由 nianbao 1.2.0 生成 R&D"}); err != nil {
		t.Fatal(err)
	}
	if err := wb.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	hf, err := f.GetHeaderFooter("汇总")
	if err != nil {
		t.Fatal(err)
	}
	if want := "&L由 nianbao 1.2.0 生成 R&&D&R&P / &N"; hf == nil || hf.OddFooter != want {
		t.Errorf("footer %+v, want %q", hf, want)
	}
}
