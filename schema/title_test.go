package schema

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/parser"
)

// buildText builds the report of a text whose lines are paragraphs.
func buildText(t *testing.T, lines ...string) *Report {
	t.Helper()
	text := strings.Join(lines, "\n") + "\n一、总体情况\n本年度……\n"
	doc, err := parser.Parse(context.Background(), "t.txt", []byte(text), parser.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	return Build(doc)
}

// cleanText returns the text of testdata/v2021-clean.txt, a filled
// 2021-format report, to make variants of.
func cleanText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/v2021-clean.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// buildRaw builds the report of a whole text.
func buildRaw(t *testing.T, text string) *Report {
	t.Helper()
	doc, err := parser.Parse(context.Background(), "t.txt", []byte(text), parser.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	return Build(doc)
}

// TestTitles checks the titles real reports and web pages carry: spelling
// variants of the report's name, a title over two lines, a leading year,
// breadcrumbs and banners before it, and a preamble sentence that must
// never be taken for the title.
func TestTitles(t *testing.T) {
	tests := []struct {
		name          string
		lines         []string
		title, agency string
		year          int
	}{
		{"plain", []string{"清凉峰镇2020年政府信息公开工作年度报告"}, "清凉峰镇2020年政府信息公开工作年度报告", "清凉峰镇", 2020},
		{"年度…工作报告", []string{"某某县人民政府2021年度政府信息公开工作报告"}, "某某县人民政府2021年度政府信息公开工作报告", "某某县人民政府", 2021},
		{"信息公开年度报告", []string{"某某街道办事处2023年信息公开年度报告"}, "某某街道办事处2023年信息公开年度报告", "某某街道办事处", 2023},
		{"leading year", []string{"2020年某省人民政府办公厅政府信息公开工作年度报告"}, "2020年某省人民政府办公厅政府信息公开工作年度报告", "某省人民政府办公厅", 2020},
		{"two lines", []string{"上海市科学技术委员会", "2024年政府信息公开工作年度报告"}, "上海市科学技术委员会2024年政府信息公开工作年度报告", "上海市科学技术委员会", 2024},
		{"two lines, name split", []string{"淮安市人民政府2024年政府信息公开", "工作年度报告"}, "淮安市人民政府2024年政府信息公开工作年度报告", "淮安市人民政府", 2024},
		{"breadcrumb first", []string{"当前位置：首页 > 政务公开 > 政府信息公开年度报告 > 2022年", "某某镇人民政府2022年政府信息公开工作年度报告"}, "某某镇人民政府2022年政府信息公开工作年度报告", "某某镇人民政府", 2022},
		{"slash breadcrumb", []string{"首页/信息公开/政府信息公开年报", "无障碍浏览 | 长者模式", "西湖街道2021年政府信息公开工作年度报告"}, "西湖街道2021年政府信息公开工作年度报告", "西湖街道", 2021},
		{"crawler record", []string{"标题: 平潭综合实验区2021年度政府信息公开工作年度报告", "发布时间: 2022-02-08 16:34"}, "平潭综合实验区2021年度政府信息公开工作年度报告", "平潭综合实验区", 2021},
		{"chinese year", []string{"某某乡人民政府二〇二一年政府信息公开工作年度报告"}, "某某乡人民政府二〇二一年政府信息公开工作年度报告", "某某乡人民政府", 2021},
		{"no title, sentence names the agency", []string{"现将东湖镇2023年政府信息公开工作年度报告公布如下。本报告由总体情况……组成。"}, "", "东湖镇", 0},
		{"no title, sentence names nobody", []string{"现将本机关2023年政府信息公开工作年度报告公布如下。"}, "", "", 0},
		{"first sentence is no title", []string{"根据《中华人民共和国政府信息公开条例》规定，编制本报告。"}, "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := buildText(t, tt.lines...)
			if r.Title != tt.title || r.Agency != tt.agency || r.TitleYear.Year != tt.year {
				t.Errorf("title %q, agency %q, year %d; want %q, %q, %d", r.Title, r.Agency, r.TitleYear.Year, tt.title, tt.agency, tt.year)
			}
			for _, p := range r.Preamble {
				if tt.title != "" && strings.Contains(tt.title, p.Text) {
					t.Errorf("title line %q also in the preamble", p.Text)
				}
			}
		})
	}
}

// TestSectionHeadings checks the spellings of the six headings real
// reports use, with their numbering variants, and that a numbered line that
// only shares a word with a heading, or whose numeral disagrees with a
// variant spelling, is no heading.
func TestSectionHeadings(t *testing.T) {
	for text, want := range map[string]int{
		"一、总体情况":            1,
		"一．总体情况":            1,
		"一.总体情况":            1,
		"一总体情况":             1,
		"二、主动公开政府信息情况":      2,
		"三、收到和处理政府信息公开申请情况": 3,
		"四、因政府信息公开申请行政复议、提起行政诉讼的情况":     4,
		"四、政府信息公开行政复议、行政诉讼情况":           4,
		"五、存在的主要问题及改进情况":                5,
		"五、存在的主要问题及改进措施":                5,
		"五、存在的主要问题及整改措施":                5,
		"五、政府信息公开工作存在的主要问题及改进情况":        5,
		"五、存在的主要问题及明年工作计划":              5,
		"五、存在的主要问题及下一步工作打算":             5,
		"五、存在的问题和下一步工作打算":               5,
		"六、其他需要报告的事项":                   6,
		"六、其他需要报告事项":                    6,
		"（一）存在的主要问题":                    0,
		"一、本年新收政府信息公开申请数量":              0,
		"四、结转下年度继续办理":                   0,
		"三、本年度办理结果":                     0,
		"二、主动公开":                        0,
		"存在的主要问题及改进措施":                  0,
		"五、存在的主要问题及改进措施。本年度我单位的工作还存在不足": 0,
	} {
		if got := headingNumber(text); got != want {
			t.Errorf("headingNumber(%q) = %d, want %d", text, got, want)
		}
	}
}

// TestTable3HeaderVariants checks that the corner note of table 三 in other
// spellings, and a header cell the format does not have, leave every cell
// of the table read as in the original: one odd header cell never makes
// the table unreadable.
func TestTable3HeaderVariants(t *testing.T) {
	orig := cleanText(t)
	build := func(text string) *Report { return buildRaw(t, text) }
	want := build(orig)
	corner := "\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
	for name, text := range map[string]string{
		"钩稽":                strings.Replace(orig, "勾稽", "钩稽", 1),
		"other punctuation": strings.Replace(orig, corner, "\t(本列数据的钩稽关系为:第一项加第二项之和=第三项加第四项之和)\n", 1),
		"note in two cells": strings.Replace(orig, corner, "\t本列数据的勾稽关系为：第一项加第二项之和，\n\t等于第三项加第四项之和\n", 1),
		"unit note":         strings.Replace(orig, corner, corner+"\t单位：件\n", 1),
		"stray text":        strings.Replace(orig, "\t申请人情况\n", "\t申请人情况\n\t（以下为本机关统计）\n", 1),
	} {
		t.Run(name, func(t *testing.T) {
			if text == orig {
				t.Fatal("the variant changed nothing")
			}
			got := build(text)
			for _, k := range want.Keys {
				if !strings.HasPrefix(k, "t3.") {
					continue
				}
				a, b := want.Cell(k), got.Cell(k)
				if a.State != b.State || a.Value != b.Value {
					t.Errorf("%s: %s %v, want %s %v", k, b.State, b.Value, a.State, a.Value)
				}
			}
			for _, is := range got.Issues {
				if is.Kind == IssueUnreadableHeader || is.Kind == IssueUnreadableRow {
					t.Errorf("issue %+v", is)
				}
			}
		})
	}
}

// TestTable2HeaderTypos checks the misprints and truncations of table 二's
// labels seen in real converted reports: tolerated like row-label typos, so
// one odd header cell never drops a block.
func TestTable2HeaderTypos(t *testing.T) {
	orig := cleanText(t)
	build := func(text string) *Report { return buildRaw(t, text) }
	want := build(orig)
	typo := strings.NewReplacer("\t现行有效件数\n", "\t现在行有效件数\n", "\t本年废止件数\n", "\t本年废止件\n",
		"\t行政事业性收费\n", "\t行政事业型收费\n", "\t本年处理决定数量\n", "\t本年处理决定数\n").Replace(orig)
	if typo == orig {
		t.Fatal("no typo made")
	}
	got := build(typo)
	for _, k := range want.Keys {
		if a, b := want.Cell(k), got.Cell(k); a.State != b.State || a.Value != b.Value {
			t.Errorf("%s: %s %v, want %s %v", k, b.State, b.Value, a.State, a.Value)
		}
	}
}

// TestSurplusValues checks that a row with one number more than the table
// has columns (a cell split in two by a converter) is reported, not read
// shifted from the right.
func TestSurplusValues(t *testing.T) {
	orig := cleanText(t)
	// 一、本年新收: 自然人 "3" written as "1" and "2" in two cells.
	text := orig
	i := strings.Index(text, "\t一、本年新收政府信息公开申请数量\n")
	j := strings.Index(text[i:], "\n\t") + i + 1
	k := strings.Index(text[j:], "\n") + j
	r := buildRaw(t, text[:j]+"\t1\n\t2"+text[k:])
	for _, col := range []string{"NP", "BIZ", "TOT"} {
		if c := r.Cell("t3.NEW." + col); c.State != StateMissing {
			t.Errorf("t3.NEW.%s read as %s %v from a row with a split cell", col, c.State, c.Value)
		}
	}
	found := false
	for _, is := range r.Issues {
		found = found || is.Kind == IssueUnreadableRow && is.Table == "t3"
	}
	if !found {
		t.Error("the row is not reported")
	}
}
