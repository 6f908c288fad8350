package main

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
)

// The 2019-format template is derived from the WPS 2021 template by
// editing its XML tree: rows and cells are clones of the template's own,
// so the WPS table, row, cell, paragraph and run properties (fonts,
// borders, shading, widths) carry over; only texts, the number of rows and
// two cell spans change.

// table2v2019 is table 二 of the 2019 format (template-spec §4.1) as
// format lays it out: per block the caption, the column headers and the
// row labels.
func table2v2019() []struct {
	caption string
	header  []string
	rows    []string
} {
	var out []struct {
		caption string
		header  []string
		rows    []string
	}
	for _, bl := range format.T2Layout(format.V2019) {
		header := []string{format.T2ItemLabelCore}
		for _, c := range bl.Cols {
			header = append(header, c.Label)
		}
		var rows []string
		for _, r := range bl.Rows {
			rows = append(rows, r.Label)
		}
		out = append(out, struct {
			caption string
			header  []string
			rows    []string
		}{bl.Caption.Label, header, rows})
	}
	return out
}

// derive2019 turns the document part of the WPS 2021 template into the
// blank 2019-format template.
func derive2019(doc []byte) ([]byte, error) {
	root, err := parseTree(doc)
	if err != nil {
		return nil, err
	}
	body := root.path("w:document", "w:body")
	if body == nil {
		return nil, errors.New("no w:body")
	}
	tbls := body.elems("w:tbl")
	if len(tbls) != 3 {
		return nil, fmt.Errorf("%d tables, want 3", len(tbls))
	}
	if err := table2To2019(tbls[0]); err != nil {
		return nil, fmt.Errorf("table 二: %w", err)
	}
	if err := table3To2019(tbls[1]); err != nil {
		return nil, fmt.Errorf("table 三: %w", err)
	}
	// Section 六's hint about information-processing fees belongs to the
	// 2021 format.
	for _, p := range body.elems("w:p") {
		if p.text() == "（文字描述，收取信息处理费情况在此处报告。）" {
			setParaText(p, "（文字描述）", nil)
		}
	}
	return root.bytes(), nil
}

// table2To2019 rebuilds table 二 from the rows of the 2021 table, whose
// first block (caption, a 4-cell header, two 4-cell data rows) already has
// the shape of every 4-column 2019 block.
func table2To2019(tbl *node) error {
	rows := tbl.elems("w:tr")
	if len(rows) != 14 {
		return fmt.Errorf("%d rows, want 14", len(rows))
	}
	caption, header, data := rows[0], rows[1], rows[2:4]
	for _, r := range []*node{header, data[0], data[1]} {
		if n := len(r.elems("w:tc")); n != 4 {
			return fmt.Errorf("block row with %d cells, want 4", n)
		}
	}
	// The full width of the last two grid columns, for the 3-column blocks.
	grid := tbl.path("w:tblGrid").elems("w:gridCol")
	if len(grid) != 4 {
		return fmt.Errorf("%d grid columns, want 4", len(grid))
	}
	last2 := gridWidth(grid[2]) + gridWidth(grid[3])

	var out []*node
	for _, blk := range table2v2019() {
		c := caption.clone()
		if err := setCellText(c.elems("w:tc")[0], blk.caption); err != nil {
			return err
		}
		out = append(out, c)
		h, err := blockRow(header, blk.header, last2)
		if err != nil {
			return err
		}
		out = append(out, h)
		for i, label := range blk.rows {
			cells := make([]string, len(blk.header))
			cells[0] = label
			d, err := blockRow(data[i%2], cells, last2)
			if err != nil {
				return err
			}
			out = append(out, d)
		}
	}
	replaceRows(tbl, out)
	return nil
}

// blockRow clones a 4-cell row of table 二 with texts. With three texts
// the row keeps its first two cells and its last one, which then spans
// the last two grid columns (width twips), as the 2019 blocks （八） and
// （九） have one column fewer than the 4-column grid.
func blockRow(proto *node, texts []string, width int) (*node, error) {
	r := proto.clone()
	cells := r.elems("w:tc")
	if len(texts) == 3 {
		drop := cells[2]
		var kids []*node
		for _, k := range r.kids {
			if k != drop {
				kids = append(kids, k)
			}
		}
		r.kids = kids
		cells = []*node{cells[0], cells[1], cells[3]}
		if err := setSpan(cells[2], 2, width); err != nil {
			return nil, err
		}
	}
	for i, t := range texts {
		if err := setCellText(cells[i], t); err != nil {
			return nil, err
		}
	}
	return r, nil
}

var reGridW = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`w:w="(\d+)"`) })

func gridWidth(gc *node) int {
	var n int
	if m := reGridW().FindStringSubmatch(gc.open); m != nil {
		fmt.Sscan(m[1], &n)
	}
	return n
}

// replaceRows puts rows in place of the w:tr children of tbl.
func replaceRows(tbl *node, rows []*node) {
	var kids []*node
	done := false
	for _, k := range tbl.kids {
		if k.name != "w:tr" {
			kids = append(kids, k)
			continue
		}
		if !done {
			kids = append(kids, rows...)
			done = true
		}
	}
	tbl.kids = kids
}

// table3To2019 replaces the three （六）其他处理 sub-rows of the 2021 table
// by the single 2019 row, a clone of the （七）总计 row (whose label spans
// the two label columns and whose first cell continues the vertical merge
// of 三、本年度办理结果) with the label changed.
func table3To2019(tbl *node) error {
	rows := tbl.elems("w:tr")
	if len(rows) != 28 {
		return fmt.Errorf("%d rows, want 28", len(rows))
	}
	six, total := rows[23:26], rows[26]
	if got := cellText(six[0].elems("w:tc")[1]); got != "（六）其他处理" {
		return fmt.Errorf("row 24 has %q", got)
	}
	tcs := total.elems("w:tc")
	if len(tcs) != 9 || cellText(tcs[1]) != "（七）总计" || !isVMergeContinue(tcs[0]) {
		return errors.New("row 27 is not （七）总计")
	}
	r := total.clone()
	if err := setCellText(r.elems("w:tc")[1], "（六）其他处理"); err != nil {
		return err
	}
	var out []*node
	out = append(out, rows[:23]...)
	out = append(out, r)
	out = append(out, rows[26:]...)
	replaceRows(tbl, out)
	return nil
}

// blankCells empties every data cell of the tables (the template has a
// few full-width spaces in table 二). Data cells are those of data rows
// after the labels: table 二 cells 2.. of rows that are not captions or
// headers, table 三 the last 7 cells from row 4, table 四 row 4.
func blankCells(doc []byte) ([]byte, error) {
	root, err := parseTree(doc)
	if err != nil {
		return nil, err
	}
	tbls := root.path("w:document", "w:body").elems("w:tbl")
	for _, r := range tbls[0].elems("w:tr") {
		tcs := r.elems("w:tc")
		if len(tcs) < 2 || cellText(tcs[0]) == "信息内容" {
			continue
		}
		for _, tc := range tcs[1:] {
			if err := setCellText(tc, ""); err != nil {
				return nil, err
			}
		}
	}
	for _, r := range tbls[1].elems("w:tr")[3:] {
		tcs := r.elems("w:tc")
		for _, tc := range tcs[len(tcs)-7:] {
			if err := setCellText(tc, ""); err != nil {
				return nil, err
			}
		}
	}
	for _, tc := range tbls[2].elems("w:tr")[3].elems("w:tc") {
		if err := setCellText(tc, ""); err != nil {
			return nil, err
		}
	}
	return root.bytes(), nil
}

// fillFromReport writes the report rep (read from a .txt in the tab layout)
// into the blank template doc: every table cell gets the report's text for
// the same row and cell, and the template's title and placeholder
// paragraphs give way to the report's title and section bodies.
//
// The tables must match row for row. A row may have fewer cells in the
// template than in the report only where the report's extra cells are
// empty (the .txt dump of a 4-column grid keeps an empty fourth cell in
// 2019 blocks （八） and （九）, which the template spans instead). Cells
// that continue a vertical merge must be empty in the report.
func fillFromReport(doc []byte, rep *parser.Document) ([]byte, error) {
	root, err := parseTree(doc)
	if err != nil {
		return nil, err
	}
	body := root.path("w:document", "w:body")
	tbls := body.elems("w:tbl")
	rts := rep.Tables()
	if len(tbls) != len(rts) {
		return nil, fmt.Errorf("%d tables in template, %d in report", len(tbls), len(rts))
	}
	for i, tbl := range tbls {
		rows, want := tbl.elems("w:tr"), rts[i].Rows
		if len(rows) != len(want) {
			return nil, fmt.Errorf("table %d: %d rows in template, %d in report", i+1, len(rows), len(want))
		}
		for ri, r := range rows {
			tcs, cells := r.elems("w:tc"), want[ri].Cells
			for ci, c := range cells {
				switch {
				case ci >= len(tcs):
					if c.Text != "" {
						return nil, fmt.Errorf("table %d row %d: report cell %d %q has no template cell", i+1, ri+1, ci+1, c.Text)
					}
				case isVMergeContinue(tcs[ci]):
					if c.Text != "" {
						return nil, fmt.Errorf("table %d row %d: report cell %d %q falls on a merged cell", i+1, ri+1, ci+1, c.Text)
					}
				default:
					if err := setCellText(tcs[ci], c.Text); err != nil {
						return nil, err
					}
				}
			}
			if len(tcs) > len(cells) {
				return nil, fmt.Errorf("table %d row %d: %d cells in template, %d in report", i+1, ri+1, len(tcs), len(cells))
			}
		}
	}
	if err := fillParagraphs(body, rep); err != nil {
		return nil, err
	}
	return root.bytes(), nil
}

var reHeading = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[一二三四五六]、`) })

// fillParagraphs puts the report's paragraphs into the body: the title
// into the template's title, and the paragraphs under each section
// heading in place of the template's placeholder paragraph under the same
// heading (one copy of the placeholder per paragraph).
func fillParagraphs(body *node, rep *parser.Document) error {
	ps := rep.Paragraphs()
	if len(ps) == 0 {
		return errors.New("report has no paragraphs")
	}
	// Report paragraphs by section: "" holds those before the first heading.
	sections := map[string][]string{}
	sec := ""
	for _, p := range ps[1:] {
		if reHeading().MatchString(p.Text) {
			sec = p.Text
			if _, dup := sections[sec]; dup {
				return fmt.Errorf("heading %q twice in report", sec)
			}
			sections[sec] = []string{}
			continue
		}
		sections[sec] = append(sections[sec], p.Text)
	}
	var kids []*node
	title, sec, used := false, "", map[string]bool{}
	for _, k := range body.kids {
		if k.name != "w:p" || strings.TrimSpace(k.text()) == "" {
			kids = append(kids, k)
			continue
		}
		t := k.text()
		switch {
		case !title:
			setParaText(k, ps[0].Text, nil)
			title = true
		case reHeading().MatchString(t):
			if _, ok := sections[t]; !ok {
				return fmt.Errorf("report has no heading %q", t)
			}
			sec = t
		default: // a placeholder
			if used[sec] {
				return fmt.Errorf("two placeholders under %q", sec)
			}
			used[sec] = true
			for _, line := range sections[sec] {
				p := k.clone()
				setParaText(p, line, nil)
				kids = append(kids, p)
			}
			continue
		}
		kids = append(kids, k)
	}
	for s, lines := range sections {
		if len(lines) > 0 && !used[s] {
			return fmt.Errorf("report paragraphs under %q have no place in the template", s)
		}
	}
	body.kids = kids
	return nil
}

// build2019 writes the blank 2019-format template and the seed report
// filled into it.
func build2019(pkg *zipPkg, doc []byte, seedPath, blankOut, seedOut string) error {
	d, err := derive2019(doc)
	if err != nil {
		return err
	}
	if d, err = blankCells(d); err != nil {
		return err
	}
	if err := pkg.writeWith(blankOut, "word/document.xml", d); err != nil {
		return err
	}
	rep, err := parser.ParseFile(context.Background(), seedPath, parser.DefaultLimits())
	if err != nil {
		return err
	}
	filled, err := fillFromReport(d, rep)
	if err != nil {
		return err
	}
	return pkg.writeWith(seedOut, "word/document.xml", filled)
}
