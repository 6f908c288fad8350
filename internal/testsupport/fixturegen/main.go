// Command fixturegen builds the .docx test fixtures under testdata/docx from
// the blank 2021-format template saved by WPS Office, derives from it a
// blank 2019-format template in the same WPS style and fills that with the
// 2019-format seed report (testdata/seed-2020.txt), and writes the HTML
// renderings of the seed and of a 2021-format report
// (testdata/v2021-clean.txt) that LibreOffice and pandoc turn into .docx
// (see testdata/docx/gen.sh and testdata/docx/README.md).
//
// The filled fixtures are the template with text inserted into the
// existing paragraphs of its empty cells: no element of the template's
// structure (tables, rows, cells, properties) is added or removed, except
// in the variants whose purpose is a specific structure:
//
//	filled-2021-wps.docx      every data cell filled, numbers balance
//	filled-2021-split.docx    "12" in 表三 本年新收/自然人 written as runs "1" and "2"
//	filled-2021-tracked.docx  the same cell holds a tracked deletion of "11" and insertion of "12"
//	filled-2021-hidden.docx   the same cell holds "12" and a hidden run "99"
//	filled-2021-sdt.docx      the same cell is wrapped in a w:sdt content control
//
// The 2019-format files (see v2019.go) are built by editing the XML tree
// of the template instead, cloning its rows and cells:
//
//	template-2019-wps.docx    blank 2019-format template
//	seed-2020-wps.docx        the seed report written into it
//
// Usage, from the module root:
//
//	go run ./internal/testsupport/fixturegen -template testdata/docx/template-2021-wps.docx \
//		-seed testdata/seed-2020.txt -v2021 testdata/v2021-clean.txt -out testdata/docx
package main

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/nianbao/nianbao/parser"
)

func main() {
	template := flag.String("template", "testdata/docx/template-2021-wps.docx", "blank 2021-format template (.docx)")
	seed := flag.String("seed", "testdata/seed-2020.txt", "2019-format seed report (.txt)")
	v2021 := flag.String("v2021", "testdata/v2021-clean.txt", "2021-format report (.txt) rendered as HTML")
	out := flag.String("out", "testdata/docx", "output directory")
	flag.Parse()
	if err := run(*template, *seed, *v2021, *out); err != nil {
		fmt.Fprintln(os.Stderr, "fixturegen:", err)
		os.Exit(1)
	}
}

func run(template, seed, v2021, out string) error {
	pkg, err := readZip(template)
	if err != nil {
		return err
	}
	doc, ok := pkg.get("word/document.xml")
	if !ok {
		return errors.New("template has no word/document.xml")
	}
	variants := []struct {
		name string
		np   string // replacement runs for 表三 本年新收/自然人
		sdt  bool
	}{
		{"filled-2021-wps.docx", runs("12"), false},
		{"filled-2021-split.docx", runs("1") + runs("2"), false},
		{"filled-2021-tracked.docx",
			`<w:del w:id="901" w:author="fixturegen" w:date="2023-01-10T09:00:00Z"><w:r><w:delText>11</w:delText></w:r></w:del>` +
				`<w:ins w:id="902" w:author="fixturegen" w:date="2023-01-10T09:00:00Z">` + runs("12") + `</w:ins>`, false},
		{"filled-2021-hidden.docx", runs("12") + `<w:r><w:rPr><w:vanish/></w:rPr><w:t>99</w:t></w:r>`, false},
		{"filled-2021-sdt.docx", runs("12"), true},
	}
	for _, v := range variants {
		filled, err := fill(string(doc), v.np, v.sdt)
		if err != nil {
			return fmt.Errorf("%s: %w", v.name, err)
		}
		if err := pkg.writeWith(filepath.Join(out, v.name), "word/document.xml", []byte(filled)); err != nil {
			return err
		}
	}
	if err := build2019(pkg, doc, seed, filepath.Join(out, "template-2019-wps.docx"), filepath.Join(out, "seed-2020-wps.docx")); err != nil {
		return fmt.Errorf("2019 format: %w", err)
	}
	if err := writeHTML(seed, filepath.Join(out, "seed-2020.html")); err != nil {
		return err
	}
	return writeHTML(v2021, filepath.Join(out, "v2021-clean.html"))
}

// Table 三 values, rows in template order (一 … 四), columns 自然人, 商业企业,
// 科研机构, 社会公益组织, 法律服务机构, 其他; 总计 is computed. Per column:
// 新收 + 结转 = （七）总计 + 结转下年度, and （七）总计 = sum of the result rows.
var table3 = [][6]int{
	{12, 3, 0, 1, 2, 0}, // 一、本年新收
	{2, 1, 0, 0, 0, 0},  // 二、上年结转
	{6, 2, 0, 1, 1, 0},  // （一）予以公开
	{2, 1, 0, 0, 0, 0},  // （二）部分公开
	{0, 0, 0, 0, 0, 0},  // （三）1
	{0, 0, 0, 0, 0, 0},  // 2
	{1, 0, 0, 0, 0, 0},  // 3
	{0, 0, 0, 0, 0, 0},  // 4
	{0, 0, 0, 0, 0, 0},  // 5
	{0, 0, 0, 0, 0, 0},  // 6
	{0, 0, 0, 0, 0, 0},  // 7
	{0, 0, 0, 0, 0, 0},  // 8
	{3, 1, 0, 0, 0, 0},  // （四）1
	{0, 0, 0, 0, 0, 0},  // 2
	{0, 0, 0, 0, 0, 0},  // 3
	{0, 0, 0, 0, 0, 0},  // （五）1
	{1, 0, 0, 0, 0, 0},  // 2
	{0, 0, 0, 0, 0, 0},  // 3
	{0, 0, 0, 0, 0, 0},  // 4
	{0, 0, 0, 0, 0, 0},  // 5
	{0, 0, 0, 0, 0, 0},  // （六）1
	{0, 0, 0, 0, 0, 0},  // 2
	{0, 0, 0, 0, 1, 0},  // 3
	{13, 4, 0, 1, 2, 0}, // （七）总计
	{1, 0, 0, 0, 0, 0},  // 四、结转下年度
}

// Table 二 values by template row (1-based) and the number of value cells.
var table2 = map[int][]string{
	3:  {"0", "0", "0"},  // 规章
	4:  {"2", "1", "15"}, // 行政规范性文件
	7:  {"36"},           // 行政许可
	10: {"5"},            // 行政处罚
	11: {"0"},            // 行政强制
	14: {"0.35"},         // 行政事业性收费（万元）
}

// Table 四: 行政复议, 未经复议直接起诉, 复议后起诉 (维持, 纠正, 其他, 尚未审结, 总计).
var table4 = []string{"1", "1", "0", "1", "3", "1", "0", "0", "0", "1", "0", "0", "0", "1", "1"}

var paraText = []struct{ old, new string }{
	{"政府信息公开工作年度报告格式模板", "某某镇人民政府2022年政府信息公开工作年度报告"},
	{"（文字描述）", "2022年，本镇认真贯彻落实《中华人民共和国政府信息公开条例》，做好主动公开、依申请公开、政府信息管理、平台建设和监督保障工作。全年收到政府信息公开申请18件，上年结转3件，办结20件，结转下年度继续办理1件。"},
	{"（文字描述）", "存在的主要问题是公开内容不够全面。下一步将加强培训，完善制度。"},
	{"（文字描述，收取信息处理费情况在此处报告。）", "本年度未收取信息处理费。"},
}

func runs(text string) string {
	return `<w:r><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="宋体" w:hAnsi="宋体"/><w:sz w:val="20"/></w:rPr><w:t>` +
		html.EscapeString(text) + `</w:t></w:r>`
}

var (
	reTbl    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:tbl>|</w:tbl>`) })
	reTr     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:tr(?:\s[^>]*)?>`) })
	reTc     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:tc(?:\s[^>]*)?>`) })
	reP      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:p(?:\s[^>]*?)?(/?)>`) })
	rePPrEnd = "</w:pPr>"
)

type span struct{ start, end int }

// layout finds the byte ranges of every table, row and cell of a document
// without nested tables (true of the template).
func layout(doc string) ([][][]span, error) {
	var tables [][][]span
	locs := reTbl().FindAllStringIndex(doc, -1)
	if len(locs)%2 != 0 {
		return nil, errors.New("unbalanced w:tbl")
	}
	for i := 0; i < len(locs); i += 2 {
		tbl := doc[locs[i][0]:locs[i+1][1]]
		base := locs[i][0]
		var rows [][]span
		for _, tr := range reTr().FindAllStringIndex(tbl, -1) {
			end := strings.Index(tbl[tr[0]:], "</w:tr>") + tr[0]
			row := tbl[tr[0]:end]
			var cells []span
			for _, tc := range reTc().FindAllStringIndex(row, -1) {
				ce := strings.Index(row[tc[0]:], "</w:tc>") + tc[0] + len("</w:tc>")
				cells = append(cells, span{base + tr[0] + tc[0], base + tr[0] + ce})
			}
			rows = append(rows, cells)
		}
		tables = append(tables, rows)
	}
	return tables, nil
}

type edit struct {
	span
	text string
}

// setCell returns an edit replacing the content of the first paragraph of
// the cell at sp with content (after the paragraph's properties).
func setCell(doc string, sp span, content string) (edit, error) {
	cell := doc[sp.start:sp.end]
	m := reP().FindStringSubmatchIndex(cell)
	if m == nil {
		return edit{}, fmt.Errorf("cell at %d has no paragraph", sp.start)
	}
	open := cell[m[0]:m[1]]
	if m[2] < m[3] { // <w:p .../>
		opened := strings.TrimSuffix(open, "/>") + ">"
		return edit{span{sp.start + m[0], sp.start + m[1]}, opened + content + "</w:p>"}, nil
	}
	pEnd := strings.Index(cell[m[1]:], "</w:p>") + m[1]
	from := m[1]
	if i := strings.Index(cell[m[1]:pEnd], rePPrEnd); i >= 0 {
		from = m[1] + i + len(rePPrEnd)
	}
	return edit{span{sp.start + from, sp.start + pEnd}, content}, nil
}

func apply(doc string, edits []edit) string {
	// Edits do not overlap; apply from the end so offsets stay valid.
	for i := len(edits) - 1; i >= 0; i-- {
		for j := 0; j < i; j++ {
			if edits[j].start > edits[i].start {
				edits[i], edits[j] = edits[j], edits[i]
			}
		}
	}
	var b strings.Builder
	last := 0
	for _, e := range edits {
		b.WriteString(doc[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.WriteString(doc[last:])
	return b.String()
}

func fill(doc, npRuns string, sdt bool) (string, error) {
	tables, err := layout(doc)
	if err != nil {
		return "", err
	}
	if len(tables) != 3 || len(tables[1]) != 28 || len(tables[2]) != 4 {
		return "", fmt.Errorf("unexpected template layout: %d tables", len(tables))
	}
	var edits []edit
	add := func(sp span, content string) error {
		e, err := setCell(doc, sp, content)
		if err != nil {
			return err
		}
		edits = append(edits, e)
		return nil
	}
	for r, vals := range table2 {
		cells := tables[0][r-1]
		for i, v := range vals {
			if err := add(cells[len(cells)-len(vals)+i], runs(v)); err != nil {
				return "", err
			}
		}
	}
	for i, vals := range table3 {
		cells := tables[1][3+i]
		data := cells[len(cells)-7:]
		total := 0
		for c, v := range vals {
			total += v
			content := runs(fmt.Sprint(v))
			if i == 0 && c == 0 {
				content = npRuns
			}
			if err := add(data[c], content); err != nil {
				return "", err
			}
		}
		if err := add(data[6], runs(fmt.Sprint(total))); err != nil {
			return "", err
		}
	}
	for c, v := range table4 {
		if err := add(tables[2][3][c], runs(v)); err != nil {
			return "", err
		}
	}
	if sdt {
		np := tables[1][3][len(tables[1][3])-7]
		edits = append(edits,
			edit{span{np.start, np.start}, `<w:sdt><w:sdtPr><w:alias w:val="自然人新收"/><w:tag w:val="t3.NEW.NP"/><w:id w:val="1001"/></w:sdtPr><w:sdtContent>`},
			edit{span{np.end, np.end}, `</w:sdtContent></w:sdt>`})
	}
	out := apply(doc, edits)
	from := 0
	for _, p := range paraText {
		old := "<w:t>" + p.old + "</w:t>"
		i := strings.Index(out[from:], old)
		if i < 0 {
			return "", fmt.Errorf("paragraph %q not found", p.old)
		}
		i += from
		out = out[:i] + "<w:t>" + p.new + "</w:t>" + out[i+len(old):]
		from = i + len(p.new)
	}
	return out, nil
}

// zipPkg is a package read into memory, entries in their original order.
type zipPkg struct {
	files []*zip.File
}

func readZip(path string) (*zipPkg, error) {
	r, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	return &zipPkg{files: r.File}, nil
}

func (p *zipPkg) get(name string) ([]byte, bool) {
	for _, f := range p.files {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				return nil, false
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			return b, err == nil
		}
	}
	return nil, false
}

// writeWith writes the package to path with entry name replaced by data,
// copying every other entry byte for byte and keeping timestamps, so the
// output is reproducible.
func (p *zipPkg) writeWith(path, name string, data []byte) error {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range p.files {
		if f.Name != name {
			if err := zw.Copy(f); err != nil {
				return err
			}
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// writeHTML renders a report (a .txt in the tab layout of docx2txt, 2019
// or 2021 format) as HTML with the row and column spans of the official
// tables, for LibreOffice and pandoc to convert to .docx.
func writeHTML(txtPath, out string) error {
	doc, err := parser.ParseFile(context.Background(), txtPath, parser.DefaultLimits())
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n")
	for _, bl := range doc.Blocks {
		if bl.Para != nil {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(bl.Para.Text))
			continue
		}
		b.WriteString("<table border=\"1\">\n")
		rows := bl.Table.Rows
		for ri, row := range rows {
			b.WriteString("<tr>")
			for ci, c := range row.Cells {
				attrs, ok := officialSpan(bl.Table.Index, rows, ri, ci)
				if !ok {
					continue
				}
				fmt.Fprintf(&b, "<td%s>%s</td>", attrs, cellHTML(c.Text))
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</table>\n")
	}
	b.WriteString("</body></html>\n")
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

func cellHTML(s string) string {
	lines := strings.Split(s, "\n")
	if len(lines) == 1 {
		return html.EscapeString(s)
	}
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(l))
	}
	return b.String()
}

// officialSpan gives the td attributes of cell ci of row ri in table t of
// a report in the tab layout, or false for a cell that continues a
// vertical merge (the .txt keeps such cells as empty cells; HTML leaves
// them out). The spans are those of the official layouts (template-spec
// §4): in table 二 caption rows span the 4 columns and, in the 2021
// format, the single value column of blocks （五）（六）（八） spans 3; the
// spans of tables 三 and 四 are the same in both formats, except that the
// （六） group of 2021 has three sub-rows, which the rowspans follow.
func officialSpan(t int, rows []parser.Row, ri, ci int) (string, bool) {
	n := len(rows[ri].Cells)
	switch t {
	case 1: // 表二
		switch {
		case n == 1:
			return ` colspan="4"`, true
		case n == 2 && ci == 1:
			return ` colspan="3"`, true
		}
		return "", true
	case 2: // 表三
		switch ri {
		case 0:
			return [...]string{` rowspan="3" colspan="3"`, ` colspan="7"`}[ci], true
		case 1:
			return [...]string{"", ` rowspan="2"`, ` colspan="5"`, ` rowspan="2"`}[ci], ci != 0
		case 2:
			return "", ci >= 2 && ci <= 6
		}
		empty := rows[ri].Cells[ci].Text == ""
		switch {
		case n == 8 && ci == 0:
			return ` colspan="3"`, true
		case n >= 9 && ci == 0: // 三、本年度办理结果, down to （七）总计
			if empty {
				return "", false
			}
			k := ri + 1
			for k < len(rows) && len(rows[k].Cells) >= 9 {
				k++
			}
			return fmt.Sprintf(` rowspan="%d"`, k-ri), true
		case n == 9 && ci == 1:
			return ` colspan="2"`, true
		case n == 10 && ci == 1: // （三）… group label
			if empty {
				return "", false
			}
			k := ri + 1
			for k < len(rows) && len(rows[k].Cells) == 10 && rows[k].Cells[1].Text == "" {
				k++
			}
			return fmt.Sprintf(` rowspan="%d"`, k-ri), true
		}
		return "", true
	case 3: // 表四
		switch ri {
		case 0:
			return [...]string{` colspan="5"`, ` colspan="10"`}[ci], true
		case 1:
			if ci < 5 {
				return ` rowspan="2"`, true
			}
			return ` colspan="5"`, true
		case 2:
			return "", ci >= 5
		}
	}
	return "", true
}
