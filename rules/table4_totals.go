package rules

import "github.com/nianbao/nianbao/format"

// The three rules of table 四 share one check: a group's 总计 is the sum of
// its four results.

// A3001 checks the administrative reconsideration total.
var A3001 = t4TotalRule("A3001", "rev",
	"Table 4: reconsideration total = upheld + corrected + other + pending",
	`In table 4, the administrative reconsideration (行政复议) total must equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结. Not checked when any of the five cells is blank, "/" or missing.`,
	Texts{Title: "表四：行政复议 总计 = 维持+纠正+其他+尚未审结", Doc: `表四中，行政复议的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。五个单元格中有空白、“/”或缺失时不核对。`})

// A3002 checks the total of suits filed without reconsideration.
var A3002 = t4TotalRule("A3002", "lit_direct",
	"Table 4: litigation without reconsideration total = sum of its results",
	`In table 4, the total of administrative suits filed directly (未经复议直接起诉) must equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结. Not checked when any of the five cells is blank, "/" or missing.`,
	Texts{Title: "表四：未经复议直接起诉 总计 = 各结果之和", Doc: `表四中，行政诉讼“未经复议直接起诉”的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。五个单元格中有空白、“/”或缺失时不核对。`})

// A3003 checks the total of suits filed after reconsideration.
var A3003 = t4TotalRule("A3003", "lit_after",
	"Table 4: litigation after reconsideration total = sum of its results",
	`In table 4, the total of administrative suits filed after reconsideration (复议后起诉) must equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结. Not checked when any of the five cells is blank, "/" or missing.`,
	Texts{Title: "表四：复议后起诉 总计 = 各结果之和", Doc: `表四中，行政诉讼“复议后起诉”的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。五个单元格中有空白、“/”或缺失时不核对。`})

const msgA3001 = "%s: total is %s, but upheld + corrected + other + pending add up to %s"

func t4TotalRule(id, group, title, doc string, zh Texts) *Rule {
	prefix := format.T4 + "." + group + "."
	row, total, parts := format.T4+"."+group, prefix+"total", keys(prefix, format.T4Parts, "")
	zh.Messages = []Translation{{msgA3001, "%s：总计为 %s，而结果维持、结果纠正、其他结果、尚未审结之和为 %s"}}
	return &Rule{
		ID:         id,
		Title:      title,
		Doc:        doc,
		Severity:   Error,
		Since:      "0.1.0",
		Arithmetic: true,
		ZH:         zh,
		Check: func(pass *Pass) {
			checkSum(pass, total, parts, msgA3001, func(t, s float64) []any {
				return []any{RowRef(row), Num(t), Num(s)}
			})
		},
	}
}
