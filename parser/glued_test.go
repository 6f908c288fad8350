package parser_test

import (
	"context"
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
