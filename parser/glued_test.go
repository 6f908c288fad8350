package parser_test

import (
	"context"
	"github.com/nianbao/nianbao/format"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// gluedReport is a 2021-format report whose body a crawler ran together on
// one line, cell boundaries lost, as in testdata/layouts/real/*pingtan*.
const gluedReport = "某某镇人民政府2022年政府信息公开工作年度报告\n" +
	"一、总体情况 本年度全镇稳步推进政务公开工作，" + "持续完善公开平台，加强政策解读与回应关切，各项工作有序开展，现将有关情况报告如下。" +
	"二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件8855698" +
	"第二十条第（五）项信息内容本年处理决定数量行政许可10690第二十条第（六）项信息内容本年处理决定数量行政处罚2113行政强制0" +
	"第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费9116.36 " +
	"三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 总计 商业 企业 科研 机构 社会公益组织 法律服务机构 其他 " +
	"一、本年新收政府信息公开申请数量 713000074二、上年结转政府信息公开申请数量 1000001三、本年度办理结果 （一）予以公开 2 1 0 0 0 0 3" +
	"（二）部分公开（区分处理的，只计这一情形，不计其他情形） 500000 5（三）不予公开 1.属于国家秘密00000002.其他法律行政法规禁止公开 0000000" +
	"四、政府信息公开行政复议、行政诉讼情况行政复议 行政诉讼 结果维持结果纠正其他结果尚未审结总计 未经复议直接起诉 复议后起诉 " +
	"结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计 011020000000000 五、存在的主要问题及改进情况 一是公开深度不足。六、其他需要报告的事项 无。\n"

// Tables run together on one line: a row reads only where its split is
// forced (as many digits as cells, or as many numbers as cells, or one
// number for one cell); every other row is reported, never read split by
// guess; the section headings stay paragraphs.
func TestGluedTables(t *testing.T) {
	doc, err := parser.Parse(context.Background(), "glued.txt", []byte(gluedReport), parser.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	rep := schema.Build(doc)
	want := map[string]float64{
		"t2.a1.reg.issued": 0, "t2.a1.reg.repealed": 0, "t2.a1.reg.inforce": 0,
		"t2.a5.lic.decisions": 10690, "t2.a6.pen.decisions": 2113, "t2.a6.coer.decisions": 0,
		"t2.a8.fee.amount_wan": 9116.36,
		"t3.CARRY_IN.NP":       1, "t3.CARRY_IN.TOT": 1, "t3.CARRY_IN.BIZ": 0,
		"t3.R1.NP": 2, "t3.R1.BIZ": 1, "t3.R1.TOT": 3,
		"t3.R2.NP": 5, "t3.R2.OTH": 0, "t3.R2.TOT": 5,
		"t3.R3_1.NP": 0, "t3.R3_1.TOT": 0, "t3.R3_2.TOT": 0,
		"t4.rev.fix": 1, "t4.rev.other": 1, "t4.rev.total": 2, "t4.lit_after.total": 0,
	}
	for k, v := range want {
		if c := rep.Cell(k); c.State != schema.StateNumber || c.Value != v {
			t.Errorf("%s = %s %v, want %v", k, c.State, c.Value, v)
		}
	}
	// 8855698 (7 digits for 3 cells) and 713000074 (9 for 7) are not split.
	for _, k := range []string{"t2.a1.norm.issued", "t2.a1.norm.inforce", "t3.NEW.NP", "t3.NEW.TOT"} {
		if c := rep.Cell(k); c.State != schema.StateMissing {
			t.Errorf("%s = %s %q, want unread", k, c.State, c.Raw)
		}
	}
	var secs []int
	for _, s := range rep.Sections {
		secs = append(secs, s.Number)
	}
	if len(secs) != 6 {
		t.Errorf("sections %v, want 1 to 6", secs)
	}
	var paras []string
	for _, b := range doc.Blocks {
		if b.Para != nil {
			paras = append(paras, b.Para.Text)
		}
	}
	if !strings.Contains(strings.Join(paras, "|"), "|五、存在的主要问题及改进情况|") {
		t.Errorf("heading of section 五 not a paragraph of its own: %q", paras)
	}
}

// pdftotext writes a row as its label and its numbers separated by spaces,
// and breaks header labels over lines and between characters: the rows
// read, a row that lost a cell is reported and the rows after it read.
func TestSpacedRows(t *testing.T) {
	text := "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）\n申请人情况\n自然人\n法人或其他组织\n" +
		"总计商 业 企\n业\n科研机\n构\n社会公益\n组织\n法 律 服 务\n机构\n其他\n" +
		"一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119\n二、上年结转政府信息公开申请数量 34 0 0 0 0 34\n" +
		"三、\n本\n年\n度\n办\n理\n结\n果\n（一）予以公开 1288 21 0 0 50 3 1362\n"
	doc, err := parser.Parse(context.Background(), "pdftotext.txt", []byte(text), parser.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	rep := schema.Build(doc)
	for k, v := range map[string]float64{"t3.NEW.NP": 3001, "t3.NEW.LAW": 61, "t3.NEW.TOT": 3119, "t3.R1.BIZ": 21, "t3.R1.TOT": 1362} {
		if c := rep.Cell(k); c.State != schema.StateNumber || c.Value != v {
			t.Errorf("%s = %s %v, want %v", k, c.State, c.Value, v)
		}
	}
	for _, col := range []string{"NP", "OTH", "TOT"} {
		if c := rep.Cell("t3.CARRY_IN." + col); c.State != schema.StateMissing {
			t.Errorf("t3.CARRY_IN.%s = %s %q, want unread", col, c.State, c.Raw)
		}
	}
}

// gluedRow is a row of a generated run-together report: its label, the
// keys of its cells and their texts.
type gluedRow struct {
	label  string
	keys   []string
	values []string
}

// gluedRows lists the rows of a 2021-format report in template order with
// the text that stands before each (captions, headers, group labels).
func gluedRows() (pre []string, rows []gluedRow) {
	add := func(p, label string, keys ...string) {
		pre = append(pre, p)
		rows = append(rows, gluedRow{label: label, keys: keys})
	}
	t2 := "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
	add("二、主动公开政府信息情况"+t2, "规章", "t2.a1.reg.issued", "t2.a1.reg.repealed", "t2.a1.reg.inforce")
	add("", "行政规范性文件", "t2.a1.norm.issued", "t2.a1.norm.repealed", "t2.a1.norm.inforce")
	add("第二十条第（五）项信息内容本年处理决定数量", "行政许可", "t2.a5.lic.decisions")
	add("第二十条第（六）项信息内容本年处理决定数量", "行政处罚", "t2.a6.pen.decisions")
	add("", "行政强制", "t2.a6.coer.decisions")
	add("第二十条第（八）项信息内容本年收费金额（单位：万元）", "行政事业性收费", "t2.a8.fee.amount_wan")
	p := "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
	seen := map[string]bool{}
	for _, r := range format.T3Rows {
		if !slices.Contains(r.Versions, format.V2021) {
			continue
		}
		for _, g := range format.T3RowGroups {
			if g.Key == r.Group && !seen[g.Key] {
				seen[g.Key] = true
				p += g.Label
			}
		}
		var keys []string
		for _, c := range format.T3Columns {
			keys = append(keys, "t3."+r.Key+"."+c)
		}
		add(p, r.Label, keys...)
		p = ""
	}
	var keys []string
	for _, g := range format.T4Groups {
		for _, c := range append(slices.Clone(format.T4Parts), "total") {
			keys = append(keys, "t4."+g+"."+c)
		}
	}
	add("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计", "", keys...)
	return pre, rows
}

// TestGluedNeverShifted is the never-shift property for tables run
// together on one line: reports with random values (one digit or more),
// spaces between some cells, and in some rows a cell dropped or split. A
// cell is read as its value or not at all; a changed row is not read. One
// case is left to the rule of issue 18 and not checked: a row that lost a
// cell and is left with one digit per cell (12,3,4 written 124 after the 3
// was dropped) is read one digit per cell, as the rule says; and a row
// whose split cell leaves it with as many numbers between spaces as it has
// cells (149 and 316 written "14 9316") is read number by number.
func TestGluedNeverShifted(t *testing.T) {
	pre, model := gluedRows()
	rng := rand.New(rand.NewPCG(18, 2026))
	trials := 300
	if testing.Short() {
		trials = 30
	}
	read := 0
	for trial := range trials {
		rows := slices.Clone(model)
		for i := range rows {
			rows[i].values = nil
			for range rows[i].keys {
				v := strconv.Itoa(rng.IntN(10))
				if rng.IntN(3) == 0 {
					v = strconv.Itoa(10 + rng.IntN(990))
				}
				rows[i].values = append(rows[i].values, v)
			}
		}
		changed := map[int]bool{}
		for range rng.IntN(4) {
			i := rng.IntN(len(rows))
			if changed[i] {
				continue
			}
			vs := slices.Clone(rows[i].values)
			k := rng.IntN(len(vs))
			if rng.IntN(2) == 0 || len(vs[k]) < 2 {
				vs = slices.Delete(vs, k, k+1)
			} else {
				// Split where the text shows it: a space inside the number.
				cut := 1 + rng.IntN(len(vs[k])-1)
				vs[k] = vs[k][:cut] + " " + vs[k][cut:]
			}
			changed[i] = true
			rows[i] = gluedRow{label: rows[i].label, keys: rows[i].keys, values: vs}
		}
		var b strings.Builder
		b.WriteString("某某镇人民政府2022年政府信息公开工作年度报告\n一、总体情况 本年度全镇稳步推进政务公开工作。")
		style := rng.IntN(3) // 0: no spaces, 1: spaces everywhere, 2: some
		space := func() string {
			if style == 1 || style == 2 && rng.IntN(2) == 0 {
				return " "
			}
			return ""
		}
		groups := make([]int, len(rows)) // numbers a row shows between spaces
		for i, r := range rows {
			b.WriteString(pre[i] + space() + r.label)
			var row strings.Builder
			for _, v := range r.values {
				row.WriteString(space() + v)
			}
			b.WriteString(row.String())
			groups[i] = len(strings.Fields(row.String()))
		}
		b.WriteString("五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。\n")
		doc, err := parser.Parse(context.Background(), "glued.txt", []byte(b.String()), parser.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		rep := schema.Build(doc)
		for i, r := range rows {
			if changed[i] && (len(strings.ReplaceAll(strings.Join(r.values, ""), " ", "")) == len(r.keys) || groups[i] == len(r.keys)) {
				continue // the rule's cases, see above
			}
			for k, key := range r.keys {
				c := rep.Cell(key)
				switch {
				case c.State == schema.StateMissing:
				case c.State == schema.StateBlank && len(r.values) == 0:
					// A row that shows no number reads blank, as the
					// text shows it; blank is never used as a number.
				case changed[i]:
					t.Errorf("trial %d: %s = %s %q, but its row %q was changed: %q", trial, key, c.State, c.Raw, r.label, r.values)
				case c.State != schema.StateNumber || strconv.FormatFloat(c.Value, 'f', -1, 64) != r.values[k]:
					t.Errorf("trial %d: %s = %s %q, want %s or unread (row %q %q)", trial, key, c.State, c.Raw, r.values[k], r.label, r.values)
				default:
					read++
				}
			}
		}
	}
	t.Logf("%d trials, %d cells read right", trials, read)
}
