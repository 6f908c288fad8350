package rules

import (
	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
)

// C1002 checks that the three tables are present.
var C1002 = &Rule{
	ID:       "C1002",
	Title:    "The three tables are present",
	Doc:      `A report has three tables: 主动公开政府信息情况 in section 二, 收到和处理政府信息公开申请情况 in section 三 and 政府信息公开行政复议、行政诉讼情况 in section 四. Tables are recognised by their labels, wherever they stand. A missing table is reported once; its cells are not reported one by one.`,
	Severity: Error,
	Since:    "0.1.0",
	Check:    checkTables,
}

const msgC1002 = "%s is missing"

func checkTables(pass *Pass) {
	for _, t := range []string{format.T2, format.T3, format.T4} {
		if _, ok := pass.Report.Tables[t]; !ok {
			pass.Addf(parser.Pos{}, msgC1002, TableTitleRef(t))
		}
	}
}
