package rules

import "github.com/nianbao/nianbao/parser"

// C1001 checks the six section headings.
var C1001 = &Rule{
	ID:       "C1001",
	Title:    "The six sections are present and in order",
	Doc:      `Every report has six sections, in this order: 一、总体情况; 二、主动公开政府信息情况; 三、收到和处理政府信息公开申请情况; 四、政府信息公开行政复议、行政诉讼情况; 五、存在的主要问题及改进情况; 六、其他需要报告的事项. Headings are recognised by their text (usual variants included), as paragraphs of their own. A missing heading or one out of order is reported.`,
	Severity: Error,
	Since:    "0.1.0",
	Check:    checkSections,
	ZH: Texts{
		Title: "六个部分齐全且顺序正确",
		Doc:   `年度报告由六部分组成，顺序为：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。标题按文字识别（包括常见变体），须单独成段。缺少某部分或顺序不对时报告。`,
		Messages: []Translation{
			{msgC1001Missing, "缺少“%s”部分"},
			{msgC1001Order, "“%s”部分位于“%s”之后，顺序不对"},
		},
	},
}

const (
	msgC1001Missing = "section %s is missing"
	msgC1001Order   = "section %s comes after section %s"
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
			pass.Addf(parser.Pos{}, msgC1001Missing, SectionRef(n))
		}
	}
}
