package rules

import (
	"strings"

	"github.com/nianbao/nianbao/schema"
)

// C1006 reports rows and columns the format does not have.
var C1006 = &Rule{
	ID:       "C1006",
	Title:    "Rows or columns not in the format",
	Doc:      `A table has a row or column whose label is not in the national format (for example a row a province added, such as 其他主动公开文件), or the same row twice. Such rows and columns are skipped: the rest of the table is still read by its labels. Labels are matched after normalisation (full- and half-width forms, spaces, quote marks) and small misprints are tolerated, so a finding here means the label really differs.`,
	Severity: Warning,
	Since:    "0.1.0",
	Check:    checkUnknownLabels,
	ZH: Texts{
		Title: "格式之外的行或列",
		Doc:   `表格中出现了国家格式没有的行或列（例如某省增加的“其他主动公开文件”行），或同一行出现两次。这些行列会被跳过，表格其余部分仍按栏目文字读取。栏目文字经过规范化（全角半角、空格、引号）后比对，并容忍个别错字，因此这里报告的是确实不同的栏目。`,
		Messages: []Translation{
			{msgC1006Row, "%s有格式之外的行“%s”，未作检查"},
			{msgC1006Col, "%s有格式之外的列“%s”，未作检查"},
			{msgC1006Cols, "%s有 %d 个格式之外的列（%s），未作检查"},
			{msgC1006Dup, "%s中“%s”行重复出现，第二行未读取"},
		},
	},
}

const (
	msgC1006Row  = "%s has a row “%s” that is not in the format; it was not checked"
	msgC1006Col  = "%s has a column “%s” that is not in the format; it was not checked"
	msgC1006Cols = "%s has %d columns that are not in the format (%s); they were not checked"
	msgC1006Dup  = "%s has the row “%s” twice; the second one was not read"
)

func checkUnknownLabels(pass *Pass) {
	issues := pass.Report.Issues
	for i := 0; i < len(issues); i++ {
		is := issues[i]
		switch is.Kind {
		case schema.IssueUnknownRow:
			pass.Addf(is.Pos, msgC1006Row, TableRef(is.Table), is.Label)
		case schema.IssueUnknownColumn:
			// The unknown columns of one header are one finding: a
			// converter's placeholder headers (数据1…数据6) are one fault.
			labels := []string{is.Label}
			for i+1 < len(issues) && issues[i+1].Kind == schema.IssueUnknownColumn &&
				issues[i+1].Table == is.Table && issues[i+1].Pos.Line == is.Pos.Line && issues[i+1].Pos.Table == is.Pos.Table {
				i++
				labels = append(labels, issues[i].Label)
			}
			if len(labels) == 1 {
				pass.Addf(is.Pos, msgC1006Col, TableRef(is.Table), is.Label)
			} else {
				pass.Addf(is.Pos, msgC1006Cols, TableRef(is.Table), len(labels), strings.Join(labels, "、"))
			}
		case schema.IssueDuplicateRow:
			pass.Addf(is.Pos, msgC1006Dup, TableRef(is.Table), is.Label)
		}
	}
}
