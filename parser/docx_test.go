package parser

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

const docxDir = "../testdata/docx"

func parseFixture(t testing.TB, name string) *Document {
	t.Helper()
	doc, err := ParseFile(context.Background(), filepath.Join(docxDir, name), DefaultLimits())
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// texts returns the cell texts of a row.
func texts(r Row) []string {
	s := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		s[i] = c.Text
	}
	return s
}

// findRow returns the first row of t with a cell containing label.
func findRow(t *testing.T, tb *Table, label string) Row {
	t.Helper()
	for _, r := range tb.Rows {
		for _, c := range r.Cells {
			if strings.Contains(c.Text, label) {
				return r
			}
		}
	}
	t.Fatalf("table %d: no row labelled %q", tb.Index, label)
	return Row{}
}

func lastN(ss []string, n int) []string {
	if len(ss) < n {
		return ss
	}
	return ss[len(ss)-n:]
}

func equal(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00") && len(a) == len(b)
}

var headings = []string{
	"一、总体情况",
	"二、主动公开政府信息情况",
	"三、收到和处理政府信息公开申请情况",
	"四、政府信息公开行政复议、行政诉讼情况",
	"五、存在的主要问题及改进情况",
	"六、其他需要报告的事项",
}

func TestDocxTemplateStructure(t *testing.T) {
	doc := parseFixture(t, "template-2021-wps.docx")
	if doc.Format != "docx" {
		t.Errorf("Format = %q", doc.Format)
	}
	tables := doc.Tables()
	if len(tables) != 3 {
		t.Fatalf("got %d tables, want 3", len(tables))
	}
	if n := len(tables[0].Rows); n != 14 {
		t.Errorf("table 二: %d rows, want 14", n)
	}
	t3 := tables[1]
	if t3.Index != 2 || t3.Pos.Table != 2 {
		t.Errorf("table 三 Index %d Pos %+v", t3.Index, t3.Pos)
	}
	if n := len(t3.Rows); n != 3+25 {
		t.Fatalf("table 三: %d rows, want 3 header + 25 data rows", n)
	}
	type cellWant struct {
		row, cell int // 0-based
		text      string
		span, col int
		merged    bool
	}
	for _, w := range []cellWant{
		{0, 0, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 1, false},
		{0, 1, "申请人情况", 7, 4, false},
		{1, 0, "", 3, 1, true},
		{1, 1, "自然人", 1, 4, false},
		{1, 2, "法人或其他组织", 5, 5, false},
		{1, 3, "总计", 1, 10, false},
		{2, 0, "", 3, 1, true},
		{2, 1, "", 1, 4, true}, // 自然人 continues down
		{2, 2, "商业\n企业", 1, 5, false},
		{2, 6, "其他", 1, 9, false},
		{2, 7, "", 1, 10, true}, // 总计 continues down
		{3, 0, "一、本年新收政府信息公开申请数量", 3, 1, false},
		{5, 0, "三、本年度办理结果", 1, 1, false},
		{5, 1, "（一）予以公开", 2, 2, false},
		{7, 1, "（三）不予公开", 1, 2, false},
		{7, 2, "1.属于国家秘密", 1, 3, false},
		{8, 1, "", 1, 2, true},
		{9, 2, "3.危及“三安全一稳定”", 1, 3, false},
		{23, 2, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 1, 3, false},
		{26, 0, "", 1, 1, true},
		{26, 1, "（七）总计", 2, 2, false},
		{27, 0, "四、结转下年度继续办理", 3, 1, false},
	} {
		r := t3.Rows[w.row]
		if w.cell >= len(r.Cells) {
			t.Errorf("row %d has %d cells", w.row+1, len(r.Cells))
			continue
		}
		c := r.Cells[w.cell]
		if c.Text != w.text || c.Span != w.span || c.Pos.Col != w.col || c.Merged != w.merged {
			t.Errorf("table 三 row %d cell %d = {%q span %d col %d merged %v}, want {%q %d %d %v}",
				w.row+1, w.cell+1, c.Text, c.Span, c.Pos.Col, c.Merged, w.text, w.span, w.col, w.merged)
		}
		if want := (Pos{File: c.Pos.File, Table: 2, Row: w.row + 1, Col: w.col}); c.Pos != want {
			t.Errorf("cell pos %+v, want %+v", c.Pos, want)
		}
	}
	// Row shapes as the .txt reader sees them: 2, 4, 8 header cells; data
	// rows end in 7 value cells at grid columns 4-10.
	wantLens := []int{2, 4, 8, 8, 8, 9, 9}
	for i := 7; i <= 25; i++ {
		wantLens = append(wantLens, 10)
	}
	wantLens = append(wantLens, 9, 8)
	for i, r := range t3.Rows {
		if len(r.Cells) != wantLens[i] {
			t.Errorf("table 三 row %d: %d cells, want %d", i+1, len(r.Cells), wantLens[i])
		}
		if r.Pos.Row != i+1 {
			t.Errorf("row %d: Pos.Row %d", i+1, r.Pos.Row)
		}
		if i >= 3 {
			for k, c := range r.Cells[len(r.Cells)-7:] {
				if c.Pos.Col != 4+k || c.Span != 1 || c.Merged || strings.TrimSpace(c.Text) != "" {
					t.Errorf("table 三 row %d value %d: %+v", i+1, k+1, c)
				}
			}
		}
	}
	t4 := tables[2]
	if len(t4.Rows) != 4 || len(t4.Rows[3].Cells) != 15 {
		t.Fatalf("table 四 shape wrong: %d rows", len(t4.Rows))
	}
	if r := t4.Rows[0]; r.Cells[0].Text != "行政复议" || r.Cells[0].Span != 5 || r.Cells[1].Text != "行政诉讼" || r.Cells[1].Span != 10 {
		t.Errorf("table 四 row 1: %+v", r.Cells)
	}
	for i, c := range t4.Rows[2].Cells[:5] {
		if !c.Merged {
			t.Errorf("table 四 row 3 cell %d not merged", i+1)
		}
	}
	checkHeadings(t, doc)
}

// checkHeadings asserts the six section headings are Paragraph blocks, in
// order, and that Para numbers count the document's paragraphs.
func checkHeadings(t *testing.T, doc *Document) {
	t.Helper()
	ps := doc.Paragraphs()
	for i, p := range ps {
		if p.Pos.Para != i+1 || p.Pos.Table != 0 || p.Pos.Line != 0 {
			t.Errorf("paragraph %d has Pos %+v", i+1, p.Pos)
		}
		if strings.TrimSpace(p.Text) == "" {
			t.Errorf("paragraph %d is blank", i+1)
		}
	}
	next := 0
	for _, p := range ps {
		if next < len(headings) && strings.TrimSpace(p.Text) == headings[next] {
			next++
		}
	}
	if next != len(headings) {
		t.Errorf("found %d of the 6 section headings in order; missing %q", next, headings[next])
	}
}

// Values the fixture generator fills into table 三 (internal/testsupport/fixturegen).
var filledT3 = [][]string{
	{"12", "3", "0", "1", "2", "0", "18"},
	{"2", "1", "0", "0", "0", "0", "3"},
	{"6", "2", "0", "1", "1", "0", "10"},
	{"2", "1", "0", "0", "0", "0", "3"},
}

func TestDocxFilled(t *testing.T) {
	for _, name := range []string{
		"filled-2021-wps.docx",
		"filled-2021-lo.docx",
		"filled-2021-split.docx",
		"filled-2021-tracked.docx",
		"filled-2021-hidden.docx",
		"filled-2021-sdt.docx",
	} {
		t.Run(name, func(t *testing.T) {
			doc := parseFixture(t, name)
			tables := doc.Tables()
			if len(tables) != 3 {
				t.Fatalf("%d tables", len(tables))
			}
			ps := doc.Paragraphs()
			if ps[0].Text != "某某镇人民政府2022年政府信息公开工作年度报告" {
				t.Errorf("title %q", ps[0].Text)
			}
			checkHeadings(t, doc)
			if !strings.Contains(ps[2].Text, "全年收到政府信息公开申请18件") {
				t.Errorf("section 一 body %q", ps[2].Text)
			}
			t3 := tables[1]
			if len(t3.Rows) != 28 {
				t.Fatalf("table 三 has %d rows", len(t3.Rows))
			}
			newRow := findRow(t, t3, "本年新收")
			if got := lastN(texts(newRow), 7); !equal(got, filledT3[0]) {
				t.Errorf("本年新收 row = %q, want %q", got, filledT3[0])
			}
			if len(newRow.Cells) != 8 || newRow.Cells[1].Pos.Col != 4 {
				t.Errorf("本年新收 row shape: %d cells, first value at col %d", len(newRow.Cells), newRow.Cells[1].Pos.Col)
			}
			for i, want := range filledT3 {
				if got := lastN(texts(t3.Rows[3+i]), 7); !equal(got, want) {
					t.Errorf("table 三 data row %d = %q, want %q", i+1, got, want)
				}
			}
			if got := lastN(texts(findRow(t, t3, "（七）总计")), 7); !equal(got, []string{"13", "4", "0", "1", "2", "0", "20"}) {
				t.Errorf("（七）总计 row = %q", got)
			}
			// The filled numbers balance in every column.
			num := func(r, c int) int {
				cells := t3.Rows[r].Cells
				n, err := strconv.Atoi(cells[len(cells)-7+c].Text)
				if err != nil {
					t.Fatalf("row %d col %d: %v", r+1, c+1, err)
				}
				return n
			}
			for c := 0; c < 7; c++ {
				sum := 0
				for r := 5; r <= 25; r++ {
					sum += num(r, c)
				}
				if num(3, c)+num(4, c) != num(26, c)+num(27, c) || sum != num(26, c) {
					t.Errorf("column %d does not balance", c+1)
				}
			}
			if got := texts(tables[2].Rows[3]); !equal(got, strings.Fields("1 1 0 1 3 1 0 0 0 1 0 0 0 1 1")) {
				t.Errorf("table 四 values %q", got)
			}
			if got := texts(tables[0].Rows[13]); !equal(got, []string{"行政事业性收费", "0.35"}) {
				t.Errorf("table 二 fee row %q", got)
			}
		})
	}
}

// TestDocxSeedMatchesTxt checks that a report reads alike from its .txt
// dump and from the .docx files LibreOffice and pandoc wrote from its HTML
// rendering (which has the spans of the official layout): same tables,
// same row shapes, same cell texts, same paragraphs. The 2019 seed goes
// through both tools, a 2021 report through LibreOffice.
func TestDocxSeedMatchesTxt(t *testing.T) {
	for _, tc := range []struct{ txt, docx string }{
		{"seed-2020.txt", "seed-2020-lo.docx"},
		{"seed-2020.txt", "seed-2020-pandoc.docx"},
		{"v2021-clean.txt", "v2021-clean-lo.docx"},
	} {
		t.Run(tc.docx, func(t *testing.T) {
			txt, err := ParseFile(context.Background(), filepath.Join("..", "testdata", tc.txt), DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			doc := parseFixture(t, tc.docx)
			tt, dt := txt.Tables(), doc.Tables()
			if len(tt) != len(dt) || len(dt) != 3 {
				t.Fatalf("%d tables in docx, %d in txt", len(dt), len(tt))
			}
			for i := range tt {
				if len(tt[i].Rows) != len(dt[i].Rows) {
					t.Errorf("table %d: %d rows in docx, %d in txt", i+1, len(dt[i].Rows), len(tt[i].Rows))
					continue
				}
				for r := range tt[i].Rows {
					want, got := texts(tt[i].Rows[r]), texts(dt[i].Rows[r])
					if len(want) != len(got) {
						t.Errorf("table %d row %d: %d cells in docx, %d in txt", i+1, r+1, len(got), len(want))
						continue
					}
					for c := range want {
						if strings.TrimSpace(want[c]) != strings.TrimSpace(got[c]) {
							t.Errorf("table %d row %d cell %d: docx %q, txt %q", i+1, r+1, c+1, got[c], want[c])
						}
					}
				}
			}
			var want, got []string
			for _, p := range txt.Paragraphs() {
				want = append(want, strings.TrimSpace(p.Text))
			}
			for _, p := range doc.Paragraphs() {
				got = append(got, strings.TrimSpace(p.Text))
			}
			if !equal(got, want) {
				t.Errorf("paragraphs differ:\ndocx %q\ntxt  %q", got, want)
			}
		})
	}
}

// table2v2019 is table 二 of the 2019 format (template-spec §4.1), block
// by block.
var table2v2019 = []struct {
	caption string
	header  []string
	rows    []string
}{
	{"第二十条第（一）项", []string{"信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"}, []string{"规章", "规范性文件"}},
	{"第二十条第（五）项", []string{"信息内容", "上一年项目数量", "本年增/减", "处理决定数量"}, []string{"行政许可", "其他对外管理服务事项"}},
	{"第二十条第（六）项", []string{"信息内容", "上一年项目数量", "本年增/减", "处理决定数量"}, []string{"行政处罚", "行政强制"}},
	{"第二十条第（八）项", []string{"信息内容", "上一年项目数量", "本年增/减"}, []string{"行政事业性收费"}},
	{"第二十条第（九）项", []string{"信息内容", "采购项目数量", "采购总金额"}, []string{"政府集中采购"}},
}

// table3v2019 lists the labels of the 23 data rows of table 三 in the 2019
// format (template-spec §4.3): the text of the cells before the 7 data
// cells, merged continuation cells left out.
var table3v2019 = [][]string{
	{"一、本年新收政府信息公开申请数量"},
	{"二、上年结转政府信息公开申请数量"},
	{"三、本年度办理结果", "（一）予以公开"},
	{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
	{"（三）不予公开", "1.属于国家秘密"},
	{"2.其他法律行政法规禁止公开"},
	{"3.危及“三安全一稳定”"},
	{"4.保护第三方合法权益"},
	{"5.属于三类内部事务信息"},
	{"6.属于四类过程性信息"},
	{"7.属于行政执法案卷"},
	{"8.属于行政查询事项"},
	{"（四）无法提供", "1.本机关不掌握相关政府信息"},
	{"2.没有现成信息需要另行制作"},
	{"3.补正后申请内容仍不明确"},
	{"（五）不予处理", "1.信访举报投诉类申请"},
	{"2.重复申请"},
	{"3.要求提供公开出版物"},
	{"4.无正当理由大量反复申请"},
	{"5.要求行政机关确认或重新出具已获取信息"},
	{"（六）其他处理"},
	{"（七）总计"},
	{"四、结转下年度继续办理"},
}

// TestDocx2019Template checks the 2019-format template that fixturegen
// derives from the WPS 2021 template: table 二 has the five 2019 blocks on
// the 4-column grid (blocks （八） and （九） have three columns, the last
// spanning two grid columns), table 三 has 3 header rows and 23 data rows
// with a single （六）其他处理 row spanning the two label columns, and
// every data cell is empty.
func TestDocx2019Template(t *testing.T) {
	doc := parseFixture(t, "template-2019-wps.docx")
	checkHeadings(t, doc)
	ts := doc.Tables()
	if len(ts) != 3 {
		t.Fatalf("%d tables, want 3", len(ts))
	}

	t2 := ts[0]
	r := 0
	for _, blk := range table2v2019 {
		n := len(blk.header)
		spans := []int{1, 1, 1, 1}
		if n == 3 {
			spans = []int{1, 1, 2}
		}
		want := [][]string{{blk.caption}, blk.header}
		wantSpans := [][]int{{4}, spans}
		for _, label := range blk.rows {
			row := make([]string, n)
			row[0] = label
			want = append(want, row)
			wantSpans = append(wantSpans, spans)
		}
		for i, w := range want {
			if r >= len(t2.Rows) {
				t.Fatalf("table 二 has %d rows, want more", len(t2.Rows))
			}
			row := t2.Rows[r]
			r++
			if got := texts(row); !equal(got, w) {
				t.Errorf("table 二 row %d: %q, want %q", r, got, w)
				continue
			}
			for c, cell := range row.Cells {
				if cell.Span != wantSpans[i][c] || cell.Merged {
					t.Errorf("table 二 row %d cell %d: span %d merged %v, want span %d", r, c+1, cell.Span, cell.Merged, wantSpans[i][c])
				}
			}
		}
	}
	if len(t2.Rows) != r {
		t.Errorf("table 二 has %d rows, want %d", len(t2.Rows), r)
	}

	t3 := ts[1]
	if len(t3.Rows) != 3+23 {
		t.Fatalf("table 三 has %d rows, want 3 header + 23 data rows", len(t3.Rows))
	}
	for i, want := range table3v2019 {
		row := t3.Rows[3+i]
		if len(row.Cells) < 8 {
			t.Errorf("table 三 data row %d has %d cells", i+1, len(row.Cells))
			continue
		}
		labels, data := row.Cells[:len(row.Cells)-7], row.Cells[len(row.Cells)-7:]
		var got []string
		width := 0
		for _, c := range labels {
			width += c.Span
			if !c.Merged {
				got = append(got, c.Text)
			}
		}
		if !equal(got, want) || width != 3 {
			t.Errorf("table 三 data row %d: labels %q over %d columns, want %q over 3", i+1, got, width, want)
		}
		// 三、本年度办理结果 is one cell merged down over every result row.
		if i > 2 && i <= 21 && !labels[0].Merged {
			t.Errorf("table 三 data row %d: first cell not merged into 三、本年度办理结果", i+1)
		}
		for c, cell := range data {
			if cell.Text != "" || cell.Span != 1 || cell.Merged {
				t.Errorf("table 三 data row %d cell %d: %+v, want an empty data cell", i+1, c+1, cell)
			}
		}
	}
	if six := t3.Rows[3+20]; len(six.Cells) != 9 || six.Cells[1].Span != 2 {
		t.Errorf("（六）其他处理 row: %d cells, label span %d; want 9 cells, span 2", len(six.Cells), six.Cells[1].Span)
	}
	if t4 := ts[2]; len(t4.Rows) != 4 || !equal(texts(t4.Rows[3]), make([]string, 15)) {
		t.Errorf("table 四: %d rows, data row %q", len(t4.Rows), texts(t4.Rows[len(t4.Rows)-1]))
	}
	for _, tb := range ts {
		for _, row := range tb.Rows {
			for _, c := range row.Cells {
				for _, v2021 := range []string{"本年制发件数", "本年处理决定数量", "本年收费金额", "逾期未按收费通知"} {
					if strings.Contains(c.Text, v2021) {
						t.Errorf("table %d row %d holds the 2021 label %q", tb.Index, c.Pos.Row, c.Text)
					}
				}
			}
		}
	}
}

// nonEmpty returns the trimmed texts of the cells that are not blank.
func nonEmpty(cs []Cell) []string {
	var s []string
	for _, c := range cs {
		if v := strings.TrimSpace(c.Text); v != "" {
			s = append(s, v)
		}
	}
	return s
}

// TestDocxSeedWPSMatchesTxt checks the seed written into the WPS-style
// 2019 template against the seed's .txt, table for table and row for row.
//
// Tables 三 and 四 have the same shape in both (the .txt keeps an empty
// cell where the .docx has a merged continuation cell), so every cell
// matches, untrimmed. Table 二 differs in four rows: the .txt, a dump of a
// 4-column grid, has an empty fourth cell in the header and data rows of
// blocks （八） and （九）, where the template has three cells, the last
// spanning two grid columns. Those empty cells are the only difference.
func TestDocxSeedWPSMatchesTxt(t *testing.T) {
	txt, err := ParseFile(context.Background(), filepath.Join("..", "testdata", "seed-2020.txt"), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	doc := parseFixture(t, "seed-2020-wps.docx")
	tt, dt := txt.Tables(), doc.Tables()
	if len(tt) != len(dt) || len(dt) != 3 {
		t.Fatalf("%d tables in docx, %d in txt", len(dt), len(tt))
	}
	var shorter []int // table 二 rows with fewer cells in the docx
	for i := range tt {
		if len(tt[i].Rows) != len(dt[i].Rows) {
			t.Errorf("table %d: %d rows in docx, %d in txt", i+1, len(dt[i].Rows), len(tt[i].Rows))
			continue
		}
		for r := range tt[i].Rows {
			want, got := tt[i].Rows[r].Cells, dt[i].Rows[r].Cells
			if !equal(nonEmpty(got), nonEmpty(want)) {
				t.Errorf("table %d row %d: docx %q, txt %q", i+1, r+1, nonEmpty(got), nonEmpty(want))
			}
			for c := range want {
				switch {
				case c >= len(got):
					if want[c].Text != "" {
						t.Errorf("table %d row %d: txt cell %d %q missing in docx", i+1, r+1, c+1, want[c].Text)
					}
				case want[c].Text != got[c].Text:
					t.Errorf("table %d row %d cell %d: docx %q, txt %q", i+1, r+1, c+1, got[c].Text, want[c].Text)
				}
			}
			if len(got) != len(want) {
				if i != 0 || len(got) != len(want)-1 || got[len(got)-1].Span != 2 {
					t.Errorf("table %d row %d: %d cells in docx, %d in txt", i+1, r+1, len(got), len(want))
				}
				shorter = append(shorter, r+1)
			}
		}
	}
	if want := []int{14, 15, 17, 18}; !slices.Equal(shorter, want) {
		t.Errorf("table 二 rows with a spanned last cell: %v, want %v", shorter, want)
	}
	var want, got []string
	for _, p := range txt.Paragraphs() {
		want = append(want, p.Text)
	}
	for _, p := range doc.Paragraphs() {
		got = append(got, p.Text)
	}
	if !equal(got, want) {
		t.Errorf("paragraphs differ:\ndocx %q\ntxt  %q", got, want)
	}
}

// Synthetic packages for focused tests.

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

const contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

func docXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`
}

// zipOf builds a zip of name/content pairs, deflated.
func zipOf(t testing.TB, kv ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(kv); i += 2 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: kv[i], Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(kv[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func docxOf(t testing.TB, body string) []byte {
	return zipOf(t, "[Content_Types].xml", contentTypes, "_rels/.rels", rootRels, "word/document.xml", docXML(body))
}

func p(runs ...string) string { return "<w:p>" + strings.Join(runs, "") + "</w:p>" }
func r(text string) string    { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>" }
func tc(props string, paras ...string) string {
	if len(paras) == 0 {
		paras = []string{"<w:p/>"}
	}
	return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + strings.Join(paras, "") + "</w:tc>"
}
func tr(cells ...string) string { return "<w:tr>" + strings.Join(cells, "") + "</w:tr>" }
func tbl(rows ...string) string {
	return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>` + strings.Join(rows, "") + "</w:tbl>"
}

func parseBytes(t testing.TB, data []byte) (*Document, error) {
	t.Helper()
	return Parse(context.Background(), "t.docx", data, DefaultLimits())
}

type cellShape struct {
	text   string
	span   int
	col    int
	merged bool
}

func shapes(tb *Table) [][]cellShape {
	var out [][]cellShape
	for _, r := range tb.Rows {
		var row []cellShape
		for _, c := range r.Cells {
			row = append(row, cellShape{c.Text, c.Span, c.Pos.Col, c.Merged})
		}
		out = append(out, row)
	}
	return out
}

func TestDocxStructures(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		paras []string      // expected paragraph texts
		cells [][]cellShape // expected shape of the first table
	}{
		{
			name:  "split runs join",
			body:  p(r("1"), r("2"), "<w:r><w:t>3</w:t><w:t>4</w:t></w:r>"),
			paras: []string{"1234"},
		},
		{
			name:  "run content elements",
			body:  p(`<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:noBreakHyphen/><w:softHyphen/><w:sym w:font="Symbol" w:char="03A9"/></w:r>`),
			paras: []string{"a\tb\nc\n-Ω"},
		},
		{
			name:  "tab in a cell is a space",
			body:  tbl(tr(tc("", p(`<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r>`)))),
			cells: [][]cellShape{{{"a b", 1, 1, false}}},
		},
		{
			name:  "entities and CDATA",
			body:  p(`<w:r><w:t>&lt;1&amp;2&gt; &#x4E00;&#20108;</w:t><w:t><![CDATA[<x>&amp;]]></w:t></w:r>`),
			paras: []string{"<1&2> 一二<x>&amp;"},
		},
		{
			name: "tracked changes read as accepted",
			body: p(r("a"),
				`<w:del w:id="1" w:author="x"><w:r><w:delText>OLD</w:delText></w:r></w:del>`,
				`<w:ins w:id="2" w:author="x">`+r("b")+`</w:ins>`,
				`<w:moveFrom w:id="3" w:author="x">`+r("MOVED")+`</w:moveFrom>`,
				`<w:moveTo w:id="4" w:author="x">`+r("c")+`</w:moveTo>`),
			paras: []string{"abc"},
		},
		{
			name:  "deleted paragraph mark joins paragraphs",
			body:  `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr>` + r("first") + `</w:p>` + p(r("second")) + p(r("third")),
			paras: []string{"firstsecond", "third"},
		},
		{
			name: "deleted table row is dropped",
			body: tbl(tr(tc("", p(r("keep")))),
				`<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr>`+tc("", p(r("gone")))+`</w:tr>`,
				tr(tc("", p(r("also"))))),
			cells: [][]cellShape{{{"keep", 1, 1, false}}, {{"also", 1, 1, false}}},
		},
		{
			name: "hidden runs are skipped",
			body: p(r("12"), `<w:r><w:rPr><w:vanish/></w:rPr><w:t>99</w:t></w:r>`,
				`<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>3</w:t></w:r>`,
				`<w:r><w:rPr><w:rPrChange w:id="1"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>4</w:t></w:r>`),
			paras: []string{"1234"},
		},
		{
			name:  "field codes skipped, results read",
			body:  p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`, r("7"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`, `<w:fldSimple w:instr=" NUMPAGES ">`+r("9")+`</w:fldSimple>`),
			paras: []string{"79"},
		},
		{
			name: "transparent wrappers",
			body: `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>` +
				p(`<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+r("a")+`</w:hyperlink>`,
					`<w:smartTag w:uri="u" w:element="e"><w:smartTagPr><w:attr w:name="n" w:val="v"/></w:smartTagPr>`+r("b")+`</w:smartTag>`,
					`<w:customXml w:element="e">`+r("c")+`</w:customXml>`,
					`<w:sdt><w:sdtPr/><w:sdtContent>`+r("d")+`</w:sdtContent></w:sdt>`,
					`<w:dir w:val="ltr">`+r("e")+`</w:dir>`) +
				`</w:sdtContent></w:sdt>`,
			paras: []string{"abcde"},
		},
		{
			name:  "placeholder content control reads empty",
			body:  p(r("x")) + tbl(tr(`<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>`+tc("", p(r("单击此处输入文字。")))+`</w:sdtContent></w:sdt>`, tc("", p(r("5"))))),
			paras: []string{"x"},
			cells: [][]cellShape{{{"", 1, 1, false}, {"5", 1, 2, false}}},
		},
		{
			name: "sdt around rows and cells",
			body: tbl(`<w:sdt><w:sdtPr/><w:sdtContent>`+tr(tc("", p(r("a"))), `<w:sdt><w:sdtPr/><w:sdtContent>`+tc("", p(r("b")))+`</w:sdtContent></w:sdt>`)+`</w:sdtContent></w:sdt>`,
				`<w:customXml w:element="row">`+tr(tc("", p(r("c"))), tc("", p(r("d"))))+`</w:customXml>`),
			cells: [][]cellShape{{{"a", 1, 1, false}, {"b", 1, 2, false}}, {{"c", 1, 1, false}, {"d", 1, 2, false}}},
		},
		{
			name: "alternate content read once",
			body: p(r("a"), `<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>choice</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent>`,
				`<mc:AlternateContent><mc:Fallback><w:r><w:t>F</w:t></w:r></mc:Fallback></mc:AlternateContent>`),
			paras: []string{"achoiceF"},
		},
		{
			name:  "text box paragraphs join their anchor paragraph",
			body:  p(r("anchor"), `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>`+p(r("box1"))+p(r("box2"))+`</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`),
			paras: []string{"anchor\nbox1\nbox2"},
		},
		{
			name:  "cell paragraphs joined with newline, not trimmed",
			body:  tbl(tr(tc("", p(r(" 本年新")), p(r("制作数量 ")), "<w:p/>"))),
			cells: [][]cellShape{{{" 本年新\n制作数量 \n", 1, 1, false}}},
		},
		{
			name: "vMerge spellings",
			body: tbl(
				tr(tc(`<w:vMerge w:val="restart"/>`, p(r("a"))), tc(`<w:vMerge w:val="restart"/>`, p(r("b"))), tc("", p(r("c")))),
				tr(tc(`<w:vMerge/>`, p(r("ignored"))), tc(`<w:vMerge w:val="continue"/>`), tc("", p(r("d"))))),
			cells: [][]cellShape{
				{{"a", 1, 1, false}, {"b", 1, 2, false}, {"c", 1, 3, false}},
				{{"", 1, 1, true}, {"", 1, 2, true}, {"d", 1, 3, false}},
			},
		},
		{
			name: "gridSpan, gridBefore and gridAfter",
			body: tbl(
				tr(tc(`<w:gridSpan w:val="3"/>`, p(r("wide"))), tc("", p(r("x")))),
				`<w:tr><w:trPr><w:gridBefore w:val="2"/><w:gridAfter w:val="1"/></w:trPr>`+tc("", p(r("late")))+tc("", p(r("y")))+`</w:tr>`),
			cells: [][]cellShape{
				{{"wide", 3, 1, false}, {"x", 1, 4, false}},
				{{"late", 1, 3, false}, {"y", 1, 4, false}},
			},
		},
		{
			name:  "former cell properties are ignored",
			body:  tbl(tr(tc(`<w:gridSpan w:val="2"/><w:tcPrChange w:id="1" w:author="x"><w:tcPr><w:gridSpan w:val="5"/><w:vMerge/></w:tcPr></w:tcPrChange>`, p(r("a"))), tc("", p(r("b"))))),
			cells: [][]cellShape{{{"a", 2, 1, false}, {"b", 1, 3, false}}},
		},
		{
			name:  "legacy hMerge widens the first cell",
			body:  tbl(tr(tc(`<w:hMerge w:val="restart"/>`, p(r("a"))), tc(`<w:hMerge/>`, p(r("hidden"))), tc("", p(r("b"))))),
			cells: [][]cellShape{{{"a", 2, 1, false}, {"b", 1, 3, false}}},
		},
		{
			name:  "nested table flattens into its cell",
			body:  tbl(tr(tc("", p(r("outer")), tbl(tr(tc("", p(r("in1"))), tc(`<w:gridSpan w:val="4"/>`, p(r("in2"))))), "<w:p/>"), tc("", p(r("next"))))),
			cells: [][]cellShape{{{"outer\nin1\nin2\n", 1, 1, false}, {"next", 1, 2, false}}},
		},
		{
			name:  "blank paragraphs are left out",
			body:  p() + p(r("  \u3000 ")) + p(r("一、总体情况")) + "<w:p/>" + p(r("x")),
			paras: []string{"一、总体情况", "x"},
		},
		{
			name:  "empty table is not counted",
			body:  tbl() + tbl(tr(tc("", p(r("t"))))),
			cells: [][]cellShape{{{"t", 1, 1, false}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseBytes(t, docxOf(t, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range doc.Paragraphs() {
				got = append(got, p.Text)
			}
			if !equal(got, tt.paras) {
				t.Errorf("paragraphs = %q, want %q", got, tt.paras)
			}
			tables := doc.Tables()
			if tt.cells == nil {
				if len(tables) != 0 {
					t.Errorf("got %d tables, want none", len(tables))
				}
				return
			}
			if len(tables) != 1 {
				t.Fatalf("got %d tables, want 1", len(tables))
			}
			if tables[0].Index != 1 {
				t.Errorf("table Index %d", tables[0].Index)
			}
			if g := shapes(tables[0]); !sameShapes(g, tt.cells) {
				t.Errorf("cells = %+v\nwant    %+v", g, tt.cells)
			}
		})
	}
}

func sameShapes(a, b [][]cellShape) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}

func TestDocxStrictNamespace(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?><s:document xmlns:s="http://purl.oclc.org/ooxml/wordprocessingml/main"><s:body>` +
		`<s:p><s:r><s:t>严格</s:t></s:r></s:p><s:tbl><s:tr><s:tc><s:tcPr><s:gridSpan s:val="2"/></s:tcPr><s:p><s:r><s:t>7</s:t></s:r></s:p></s:tc></s:tr></s:tbl></s:body></s:document>`
	rels := strings.ReplaceAll(rootRels, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
		"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")
	got, err := parseBytes(t, zipOf(t, "_rels/.rels", rels, "word/document.xml", doc))
	if err != nil {
		t.Fatal(err)
	}
	if ps := got.Paragraphs(); len(ps) != 1 || ps[0].Text != "严格" {
		t.Errorf("paragraphs %+v", ps)
	}
	if ts := got.Tables(); len(ts) != 1 || ts[0].Rows[0].Cells[0].Text != "7" || ts[0].Rows[0].Cells[0].Span != 2 {
		t.Errorf("tables %+v", ts)
	}
}

func TestDocxMainPartLocation(t *testing.T) {
	body := docXML(p(r("main")))
	other := docXML(p(r("decoy")))
	relsTo := func(target string) string { return strings.Replace(rootRels, "word/document.xml", target, 1) }
	ctTo := func(part string) string { return strings.Replace(contentTypes, "/word/document.xml", part, 1) }
	tests := []struct {
		name string
		zip  []byte
	}{
		{"relationship target", zipOf(t, "_rels/.rels", relsTo("/custom/main.xml"), "custom/main.xml", body, "word/document.xml", other)},
		{"content type override", zipOf(t, "[Content_Types].xml", ctTo("/w/doc.xml"), "w/doc.xml", body, "word/document.xml", other)},
		{"default name", zipOf(t, "word/document.xml", body)},
		{"case-insensitive part name", zipOf(t, "Word/Document.XML", body)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseBytes(t, tt.zip)
			if err != nil {
				t.Fatal(err)
			}
			if ps := doc.Paragraphs(); len(ps) != 1 || ps[0].Text != "main" {
				t.Errorf("read %+v", ps)
			}
		})
	}
}

func TestDocxUTF16(t *testing.T) {
	s := strings.Replace(docXML(p(r("年报"))), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	u := utf16.Encode([]rune(s))
	b := []byte{0xFF, 0xFE}
	for _, c := range u {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	doc, err := parseBytes(t, zipOf(t, "word/document.xml", string(b)))
	if err != nil {
		t.Fatal(err)
	}
	if ps := doc.Paragraphs(); len(ps) != 1 || ps[0].Text != "年报" {
		t.Errorf("read %+v", ps)
	}
}

// rawZip builds a zip with one entry whose headers declare size bytes
// inflated but hold the deflated form of content, with the correct CRC of
// content.
func rawZip(t testing.TB, name string, content []byte, size uint64) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, err := flate.NewWriter(&comp, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(content)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(content),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: size,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return buf.Bytes()
}

// oleFile builds a minimal OLE compound file whose directory sector holds
// entries with the given names.
func oleFile(names ...string) []byte {
	b := make([]byte, 512+512)
	copy(b, oleMagic)
	for i, n := range names {
		e := b[512+i*128:]
		for j, c := range n {
			binary.LittleEndian.PutUint16(e[2*j:], uint16(c))
		}
		binary.LittleEndian.PutUint16(e[0x40:], uint16(2*len(n)+2))
		e[0x42] = 2
	}
	return b
}

func TestDocxErrors(t *testing.T) {
	valid := docxOf(t, p(r("x"))+tbl(tr(tc("", p(r("1"))))))
	bigXML := docXML(strings.Repeat(p(r("0123456789")), 1))
	deep := docXML(strings.Repeat("<w:sdt><w:sdtContent>", 300) + strings.Repeat("</w:sdtContent></w:sdt>", 300))
	small := DefaultLimits()
	small.MaxCells = 3
	tests := []struct {
		name string
		data []byte
		lim  *Limits
		want error
	}{
		{"not a zip", []byte("PK\x03\x04 this is not a zip file at all"), nil, ErrCorrupt},
		{"truncated zip", valid[:len(valid)/2], nil, ErrCorrupt},
		{"empty file named .docx", []byte{}, nil, ErrEmpty},
		{"no document.xml", zipOf(t, "[Content_Types].xml", contentTypes, "word/styles.xml", "<w:styles/>"), nil, ErrNoDocumentXML},
		{"main part is not a document", zipOf(t, "word/document.xml", `<?xml version="1.0"?><workbook/>`), nil, ErrNoDocumentXML},
		{"truncated document.xml", zipOf(t, "word/document.xml", docXML(p(r("abc")) + tbl(tr(tc("", p(r("1"))))))[:300]), nil, ErrCorrupt},
		{"truncated inside a tag", zipOf(t, "word/document.xml", docXML(p(r("abc")))[:len(docXML(""))-4]), nil, ErrCorrupt},
		{"mismatched end tag", docxOf(t, "<w:p><w:r><w:t>x</w:r></w:t></w:p>"), nil, ErrCorrupt},
		{"unknown entity", docxOf(t, p(r("&nbsp;"))), nil, ErrCorrupt},
		{"doctype", zipOf(t, "word/document.xml", `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document `+wNS+`/>`), nil, ErrCorrupt},
		{"invalid UTF-8 text", docxOf(t, p(r("\xff\xfe"))), nil, ErrCorrupt},
		{"empty document.xml", zipOf(t, "word/document.xml", ""), nil, ErrCorrupt},
		{"malformed rels", zipOf(t, "_rels/.rels", "<Relationships><Relationship", "word/document.xml", bigXML), nil, ErrCorrupt},
		{"deep nesting", zipOf(t, "word/document.xml", deep), nil, ErrTooLarge},
		{"too many cells", docxOf(t, tbl(tr(tc(""), tc("")), tr(tc(""), tc("")))), &small, ErrTooLarge},
		{"declared size over limit", rawZip(t, "word/document.xml", []byte(bigXML), 10<<30), nil, ErrTooLarge},
		{"entry larger than declared", rawZip(t, "word/document.xml", []byte(bigXML), 20), nil, ErrCorrupt},
		{"entry smaller than declared", rawZip(t, "word/document.xml", []byte(bigXML), uint64(len(bigXML)+100)), nil, ErrCorrupt},
		{"damaged .doc", oleFile("Root Entry", "WordDocument", "1Table"), nil, ErrCorrupt},
		{"encrypted .docx", oleFile("Root Entry", "EncryptionInfo", "EncryptedPackage"), nil, ErrEncrypted},
		{"OLE text mentioning EncryptedPackage", append(oleFile("Root Entry", "WordDocument"), utf16le("  EncryptedPackage")...), nil, ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lim := DefaultLimits()
			if tt.lim != nil {
				lim = *tt.lim
			}
			doc, err := Parse(context.Background(), "t.docx", tt.data, lim)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if doc != nil {
				t.Errorf("got a document with the error")
			}
		})
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, c := range s {
		b = binary.LittleEndian.AppendUint16(b, uint16(c))
	}
	return b
}

// TestDocxZipBomb checks that a small file inflating far beyond the
// limits is refused from its headers, without inflating it.
func TestDocxZipBomb(t *testing.T) {
	// 256 MiB of one byte deflates to about 250 KiB: ratio ~1000.
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	chunk := bytes.Repeat([]byte{' '}, 1<<20)
	const n = 256
	crc := crc32.NewIEEE()
	for range n {
		fw.Write(chunk)
		crc.Write(chunk)
	}
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: n << 20,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	bomb := buf.Bytes()
	t.Logf("bomb: %d bytes inflating to %d", len(bomb), n<<20)

	start := time.Now()
	_, err = Parse(context.Background(), "bomb.docx", bomb, DefaultLimits())
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("refusing the bomb took %v", d)
	}
	// With a ratio limit the bomb passes, the size limit still holds.
	lim := DefaultLimits()
	lim.MaxCompressionRatio = 1 << 20
	lim.MaxInflatedBytes = 1 << 20
	if _, err := Parse(context.Background(), "bomb.docx", bomb, lim); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("size limit: err = %v, want ErrTooLarge", err)
	}
}

func TestDocxCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data, err := os.ReadFile(filepath.Join(docxDir, "filled-2021-wps.docx"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(ctx, "x.docx", data, DefaultLimits()); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// TestDocxLargePart reads a main part larger than the buffer that is
// allocated up front from the declared size (maxPrealloc), which then
// grows as the bytes arrive, and checks that the text survives and that
// the same part declared 1 byte too long or too short is corrupt.
func TestDocxLargePart(t *testing.T) {
	text := strings.Repeat("年报", maxPrealloc/6+1000) // > maxPrealloc bytes
	part := []byte(docXML(p(r(text)) + tbl(tr(tc("", p(r("1")))))))
	if len(part) <= maxPrealloc {
		t.Fatalf("part of %d bytes is not larger than %d", len(part), maxPrealloc)
	}
	lim := DefaultLimits()
	lim.MaxCompressionRatio = 1 << 20 // repeated text compresses very well
	doc, err := Parse(context.Background(), "t.docx", zipOf(t, "word/document.xml", string(part)), lim)
	if err != nil {
		t.Fatal(err)
	}
	if ps := doc.Paragraphs(); len(ps) != 1 || ps[0].Text != text {
		t.Fatalf("paragraphs: %d, first of %d bytes", len(ps), len(ps[0].Text))
	}
	if ts := doc.Tables(); len(ts) != 1 || ts[0].Rows[0].Cells[0].Text != "1" {
		t.Fatalf("tables: %+v", ts)
	}
	for _, size := range []uint64{uint64(len(part)) - 1, uint64(len(part)) + 1} {
		_, err := Parse(context.Background(), "t.docx", rawZip(t, "word/document.xml", part, size), lim)
		if !errors.Is(err, ErrCorrupt) {
			t.Errorf("declared size %d for %d bytes: err = %v, want ErrCorrupt", size, len(part), err)
		}
	}
}

func BenchmarkParseDocx(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(docxDir, "filled-2021-wps.docx"))
	if err != nil {
		b.Fatal(err)
	}
	ctx, lim := context.Background(), DefaultLimits()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(ctx, "filled.docx", data, lim); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParseDocx(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join(docxDir, "*.docx"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(docxOf(f, p(r("a"))+tbl(tr(tc(`<w:gridSpan w:val="2"/><w:vMerge/>`, p(r("1"))), tc("", tbl(tr(tc("", p(r("n"))))))))))
	f.Add(oleFile("Root Entry", "EncryptedPackage"))
	lim := DefaultLimits()
	lim.MaxInflatedBytes = 8 << 20
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(context.Background(), "f.docx", data, lim)
		if (doc == nil) == (err == nil) {
			t.Fatalf("doc %v with err %v", doc != nil, err)
		}
		if err != nil {
			for _, s := range []error{ErrCorrupt, ErrTooLarge, ErrNoDocumentXML, ErrLegacyDoc, ErrEncrypted, ErrEmpty} {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		for _, tb := range doc.Tables() {
			if len(tb.Rows) == 0 {
				t.Fatal("empty table in document")
			}
			for _, r := range tb.Rows {
				if len(r.Cells) == 0 {
					t.Fatal("empty row in document")
				}
				for _, c := range r.Cells {
					if c.Span < 1 || c.Pos.Col < 1 || (c.Merged && c.Text != "") {
						t.Fatalf("bad cell %+v", c)
					}
				}
			}
		}
	})
}
