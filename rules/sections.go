package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// C1001 checks the six section headings.
var C1001 = &Rule{
	ID:       "C1001",
	Title:    "The six sections are present and in order",
	Doc:      `Every report has six sections, in this order: 一、总体情况; 二、主动公开政府信息情况; 三、收到和处理政府信息公开申请情况; 四、政府信息公开行政复议、行政诉讼情况; 五、存在的主要问题及改进情况; 六、其他需要报告的事项. Headings are recognised by their text (usual variants included), as paragraphs of their own. A missing heading or one out of order is reported. When the heading of 五 is missing but a sub-heading on problems and their remedies (（一）主要问题, （一）…存在问题的改进情况) stands in the section before, the finding points there: a converter may have lost the heading.`,
	Severity: Error,
	Since:    "0.1.0",
	Check:    checkSections,
	ZH: Texts{
		Title: "六个部分齐全且顺序正确",
		Doc:   `年度报告由六部分组成，顺序为：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。标题按文字识别（包括常见变体），须单独成段。缺少某部分或顺序不对时报告。缺少五的标题、而前一部分中有讲问题及改进的小标题（（一）主要问题、（一）…存在问题的改进情况）时，指向该处：可能是转换工具丢了标题。`,
		Messages: []Translation{
			{msgC1001Missing, "缺少“%s”部分"},
			{msgC1001Order, "“%s”部分位于“%s”之后，顺序不对"},
			{msgC1001Untitled, "缺少“%s”部分的标题；“%s”起的内容似为这一部分；请核对原文，缺则补上标题"},
		},
	},
}

const (
	msgC1001Missing  = "section %s is missing"
	msgC1001Order    = "section %s comes after section %s"
	msgC1001Untitled = "the heading of section %s is missing; the text from “%s” on looks like that section: check the original and add the heading if it lacks one"
)

func checkSections(pass *Pass) {
	seen := map[int]bool{}
	last := 0
	for _, s := range pass.Report.Sections {
		if s.Number < last {
			pass.Addf(s.Pos, msgC1001Order, SectionRef(s.Number), SectionRef(last))
		}
		last = max(last, s.Number)
		seen[s.Number] = true
	}
	for n := 1; n <= 6; n++ {
		if !seen[n] && n <= pass.Report.Cut.CutSection() && n >= pass.Report.Start.StartSection() {
			if p, ok := untitledProblems(pass.Report, n); ok {
				pass.Addf(p.Pos, msgC1001Untitled, SectionRef(n), p.Text)
				continue
			}
			pass.Addf(parser.Pos{}, msgC1001Missing, SectionRef(n))
		}
	}
}

// untitledProblems finds, when section n is 五, the sub-heading that opens
// its content inside the section before it: a short paragraph numbered
// （一） on problems and their remedies ("（一）主要问题", "（一）2024 年工作中
// 存在问题的改进情况"), as PDF-to-text conversions leave it when they drop
// the heading.
func untitledProblems(r *schema.Report, n int) (schema.Paragraph, bool) {
	if n != 5 {
		return schema.Paragraph{}, false
	}
	var before *schema.Section
	for i := range r.Sections {
		if r.Sections[i].Number < n {
			before = &r.Sections[i]
		}
	}
	if before == nil {
		return schema.Paragraph{}, false
	}
	for _, p := range before.Paragraphs {
		t := strings.TrimSpace(p.Text)
		first := strings.HasPrefix(t, "（一）") || strings.HasPrefix(t, "(一)")
		if first && strings.Contains(t, "问题") && utf8.RuneCountInString(t) <= 30 {
			return schema.Paragraph{Text: t, Pos: p.Pos}, true
		}
	}
	return schema.Paragraph{}, false
}
