// Command txtgen writes the 2021-format .txt fixtures under testdata/ in the
// tab-prefixed layout of a .docx dumped to text (the layout of the seed
// report): a table cell is a line starting with a tab, a row ends with a
// blank line. The numbers balance; the variants each break one thing.
//
//	go run ./internal/testsupport/txtgen -o testdata
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/format"
)

// t3Row is one data row of table 三: its label cells and whether it is a
// result row (part of （七）总计).
type t3Row struct {
	key    string
	labels []string
	result bool
}

// rows2021 lists the data rows of table 三 with the label cells the
// template prints in its three label columns: a group's label on its
// first row only.
func rows2021(singleR6 bool) []t3Row {
	split := !singleR6
	results := format.ResultRows(split)
	shown := map[string]bool{}
	first := func(group string) string {
		if shown[group] {
			return ""
		}
		shown[group] = true
		return format.T3Group(group).Label
	}
	var rs []t3Row
	for _, r := range format.T3Layout(split) {
		var labels []string
		switch r.Group {
		case "":
			labels = []string{r.Label.Label}
		case "RESULTS":
			labels = []string{first("RESULTS"), r.Label.Label}
		default:
			labels = []string{first("RESULTS"), first(r.Group), r.Label.Label}
		}
		rs = append(rs, t3Row{r.Key, labels, slices.Contains(results, r.Key)})
	}
	return rs
}

// values fills table 三 so that every relation holds: result rows get small
// numbers, （七）总计 is their sum, 结转下年度 = 新收 + 上年结转 − 总计, and
// the 总计 column adds up the six applicant columns.
func values(rows []t3Row) map[string][7]int {
	v := map[string][7]int{}
	var total [7]int
	for j, r := range rows {
		if !r.result {
			continue
		}
		var row [7]int
		for c := 0; c < 6; c++ {
			if (j+c)%4 == 0 {
				row[c] = (j+2*c)%5 + 1
			}
			row[6] += row[c]
			total[c] += row[c]
		}
		total[6] += row[6]
		v[r.key] = row
	}
	v["R7"] = total
	var nw, in, out [7]int
	for c := 0; c < 6; c++ {
		in[c] = c % 2
		out[c] = (c + 1) % 3
		nw[c] = total[c] + out[c] - in[c]
		nw[6] += nw[c]
		in[6] += in[c]
		out[6] += out[c]
	}
	v["NEW"], v["CARRY_IN"], v["CARRY_OUT"] = nw, in, out
	return v
}

type doc struct{ b strings.Builder }

func (d *doc) para(s string) { d.b.WriteString(s + "\n") }
func (d *doc) row(cells ...string) {
	for _, c := range cells {
		d.b.WriteString("\t" + c + "\n")
	}
	d.b.WriteString("\n")
}
func (d *doc) endTable() { d.b.WriteString("\n\n") }

// report is what varies between fixtures.
type report struct {
	agency, year string
	singleR6     bool
	cell         func(key string, col int, v int) string // rewrites a table 三 cell
	label        func(s string) string                   // rewrites a table 三 label
	t2           [10]string
	t4           [15]string
	narr         map[int][]string // extra paragraphs at the end of section n
	preamble     string           // replaces the preamble sentence when set
	sec6         string           // replaces section 六's text when set
	date         string           // replaces the date line when set
}

func write(r report) string {
	var d doc
	d.para(r.agency + r.year + "年政府信息公开工作年度报告")
	pre := "本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自" + r.year + "年1月1日起至" + r.year + "年12月31日止。"
	if r.preamble != "" {
		pre = r.preamble
	}
	d.para(pre)
	d.para(format.SectionHeading(1, false))
	d.para(r.year + "年，本单位认真贯彻落实政务公开工作要点，扎实做好主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障工作。政务公开工作纳入年度绩效考核，开展社会评议，全年未发生责任追究情况。")
	for _, p := range r.narr[1] {
		d.para(p)
	}
	d.para(format.SectionHeading(2, false))
	t2 := r.t2[:]
	for _, bl := range format.T2Layout(format.V2021) {
		d.row(bl.Caption.Label)
		head := []string{format.T2ItemLabelCore}
		for _, c := range bl.Cols {
			head = append(head, c.Label)
		}
		d.row(head...)
		for _, row := range bl.Rows {
			d.row(append([]string{row.Label}, t2[:len(bl.Cols)]...)...)
			t2 = t2[len(bl.Cols):]
		}
	}
	d.endTable()
	d.para(format.SectionHeading(3, false))
	h := func(key string) string { return format.HeaderLabel(key).Label }
	d.row(format.T3CornerNote.Label, h("APPLICANTS"))
	d.row("", h("NP"), h("LEGAL"), h("TOT"))
	d.row("", "", h("BIZ"), h("RES"), h("NGO"), h("LAW"), h("OTH"), "")
	rows := rows2021(r.singleR6)
	vals := values(rows)
	for _, row := range rows {
		cells := append([]string{}, row.labels...)
		for i, l := range cells {
			if r.label != nil && l != "" {
				cells[i] = r.label(l)
			}
		}
		for c, v := range vals[row.key] {
			s := strconv.Itoa(v)
			if r.cell != nil {
				s = r.cell(row.key, c, v)
			}
			cells = append(cells, s)
		}
		d.row(cells...)
	}
	d.endTable()
	for _, p := range r.narr[3] {
		d.para(p)
	}
	d.para(format.SectionHeading(4, false))
	results := []string{h("keep"), h("fix"), h("other"), h("pending"), h("total")}
	d.row(h("rev"), h("lit"))
	d.row(append(results, h("lit_direct"), h("lit_after"))...)
	d.row(slices.Concat([]string{"", "", "", "", ""}, results, results)...)
	d.row(r.t4[:]...)
	d.endTable()
	for _, p := range r.narr[4] {
		d.para(p)
	}
	d.para(format.SectionHeading(5, false))
	d.para("主要问题是政策解读形式较为单一。下一步将丰富解读形式，提高回应关切的及时性。")
	d.para(format.SectionHeading(6, false))
	sec6 := "本年度未收取信息处理费。"
	if r.sec6 != "" {
		sec6 = r.sec6
	}
	d.para(sec6)
	d.para(r.agency)
	next, _ := strconv.Atoi(r.year)
	date := strconv.Itoa(next+1) + "年1月20日"
	if r.date != "" {
		date = r.date
	}
	d.para(date)
	return d.b.String()
}

func base() report {
	return report{
		agency: "某某街道办事处",
		year:   "2022",
		t2:     [10]string{"0", "0", "0", "3", "1", "12", "25", "4", "0", "0"},
		t4:     [15]string{"1", "1", "0", "0", "2", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"},
	}
}

func main() {
	out := flag.String("o", "testdata", "output directory")
	flag.Parse()
	files := map[string]report{}

	files["v2021-clean.txt"] = base()

	hybrid := base()
	hybrid.singleR6 = true
	files["v2021-hybrid-r6.txt"] = hybrid

	// Label variants a reader must still recognise: half-width brackets,
	// ASCII quotes, 1、 enumerators, a misprint that drops characters, and
	// values in full-width digits with ideographic spaces.
	variants := base()
	variants.label = func(s string) string {
		s = strings.NewReplacer("（", "(", "）", ")", "“", "\"", "”", "\"").Replace(s)
		s = strings.Replace(s, "2.其他法律行政法规禁止公开", "2、其他法律行政止公开", 1)
		return s
	}
	variants.cell = func(key string, col, v int) string {
		if key == "NEW" {
			return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(v)) + "\u3000"
		}
		return strconv.Itoa(v)
	}
	files["v2021-label-variants.txt"] = variants

	// Errors: one application booked under 自然人 in （七）总计 that belongs
	// nowhere, a text cell, a blank cell, a "/" in table 二, a reconsideration
	// total that does not add up.
	broken := base()
	broken.cell = func(key string, col, v int) string {
		switch {
		case key == "R7" && col == 0:
			return strconv.Itoa(v + 1)
		case key == "R3_8" && col == 1:
			return "无"
		case key == "R5_2" && col == 2:
			return ""
		case key == "R1" && col == 3:
			return "1件"
		}
		return strconv.Itoa(v)
	}
	broken.t2[0], broken.t2[1], broken.t2[2] = "/", "/", "/"
	broken.t4[4] = "3"
	broken.t4[5] = "2"
	broken.t4[14] = "5"
	files["v2021-errors.txt"] = broken

	files["v2021-narrative.txt"] = narrative()
	files["v2021-table3-causes.txt"] = causes()

	for name, r := range files {
		if err := os.WriteFile(filepath.Join(*out, name), []byte(write(r)), 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Println("wrote", filepath.Join(*out, name))
	}
}

// narrative is a street office's report whose text disagrees with its
// tables in every way the N rules read, and whose table 二 and metadata
// break the A1 and C rules that need text.
func narrative() report {
	r := base()
	v := values(rows2021(false))
	n := strconv.Itoa
	r.t2[0] = "2"                             // 规章 issued by a street office (A1004)
	r.t2[3], r.t2[4], r.t2[5] = "9", "1", "5" // issued 9 > 5 in force + 1 repealed (A1002)
	r.t2[9] = "3260000"                       // 万元? surely yuan (A1005)
	r.agency = "东湖街道办事处"
	r.t4[0], r.t4[1], r.t4[3], r.t4[4] = "1", "0", "1", "2" // 1 upheld, 1 pending
	r.preamble = "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。"
	r.narr = map[int][]string{
		1: {"全年通过政府网站发布信息共计120条，其中政策文件12条、工作动态98条、其他9条。"},
		3: {
			"全年共收到政府信息公开申请" + n(v["NEW"][6]+1) + "件，含上年结转" + n(v["CARRY_IN"][6]+1) + "件。",
			"已办结" + n(v["R7"][6]-1) + "件，另有" + n(v["CARRY_OUT"][6]+2) + "件申请结转下年度办理。",
			// The 科研机构 column's value, not the total (the E3 pattern).
			"对上述申请，予以公开及部分公开" + n(v["R1"][2]+v["R2"][2]) + "件，不予处理" + n(v["R5_1"][6]+v["R5_2"][6]+v["R5_3"][6]+v["R5_4"][6]+v["R5_5"][6]) + "件。",
		},
		4: {"本年度被申请行政复议3件，行政复议结果均获维持。"},
	}
	r.sec6 = "无。"
	r.date = "2022年12月30日" // not in the year after the report year (M1005)
	return r
}

// causes breaks table 三 in ways whose root cause nianbao names: one
// application of 本年新收 booked under 其他 instead of 自然人 (A2005); a
// result row raised in one column and its total (A2002 twice); a row total
// wrong where the column sums cannot be checked (A2003), because the row of
// （二）部分公开 has no total (A2006).
func causes() report {
	r := base()
	r.agency = "西湖镇人民政府"
	r.cell = func(key string, col, x int) string {
		switch {
		case key == "NEW" && col == 0:
			return strconv.Itoa(x - 1)
		case key == "NEW" && col == 5:
			return strconv.Itoa(x + 1)
		case key == "R5_1" && (col == 1 || col == 6):
			return strconv.Itoa(x + 1)
		case key == "R4_3" && col == 6:
			return strconv.Itoa(x + 2)
		case key == "R2" && col == 6:
			return ""
		}
		return strconv.Itoa(x)
	}
	return r
}
