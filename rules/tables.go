package rules

import (
	"slices"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// C1002 checks that the three tables are present.
var C1002 = &Rule{
	ID:       "C1002",
	Title:    "The three tables are present",
	Doc:      `A report has three tables: 主动公开政府信息情况 in section 二, 收到和处理政府信息公开申请情况 in section 三 and 政府信息公开行政复议、行政诉讼情况 in section 四. Tables are recognised by their labels, wherever they stand. A missing table is reported once; its cells are not reported one by one.`,
	Severity: Error,
	Since:    "0.1.0",
	Check:    checkTables,
	ZH: Texts{
		Title: "三张表格齐全",
		Doc:   `年度报告包含三张表：第二部分的“主动公开政府信息情况”、第三部分的“收到和处理政府信息公开申请情况”、第四部分的“政府信息公开行政复议、行政诉讼情况”。表格按栏目文字识别，不论位于何处。缺少的表格只报告一次，不逐个报告其单元格。`,
		Messages: []Translation{
			{msgC1002, "缺少%s"},
		},
	},
}

const msgC1002 = "%s is missing"

func checkTables(pass *Pass) {
	for _, t := range []string{format.T2, format.T3, format.T4} {
		unread := slices.ContainsFunc(pass.Report.Issues, func(is schema.Issue) bool {
			return is.Kind == schema.IssueUnreadableHeader && is.Table == t
		})
		if unread {
			continue // P0002: its header is there but cannot be read
		}
		if _, ok := pass.Report.Tables[t]; !ok && !pass.Report.Cut.After(t+".", nil) && !pass.Report.Start.Before(t+".", nil) {
			pass.Addf(parser.Pos{}, msgC1002, TableTitleRef(t))
		}
	}
}
