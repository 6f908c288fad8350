package rules

import (
	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/schema"
)

// C1007 reports a table 三 whose （六）其他处理 rows follow the other version.
var C1007 = &Rule{
	ID:       "C1007",
	Title:    "Table 3 row (6) follows the other format version",
	Doc:      `The 2021 format splits row (6) 其他处理 of table 3 into three rows (申请人无正当理由逾期不补正…, 申请人逾期未按收费通知要求缴纳费用…, 其他); the 2019 format has one row. Some published 2021-format reports keep the single row. nianbao reads the row as it is written (t3.R6.*) and uses it in the sums, and reports the deviation once instead of three missing rows.`,
	Severity: Warning,
	Since:    "0.1.0",
	Check:    checkR6Layout,
	ZH: Texts{
		Title: "表三（六）其他处理的行与格式版本不符",
		Doc:   `2021 年版格式将表三“（六）其他处理”拆分为三行（申请人无正当理由逾期不补正……、申请人逾期未按收费通知要求缴纳费用……、其他），2019 年版只有一行。部分 2021 年版报告仍沿用单行。nianbao 按实际写法读取（t3.R6.*）并计入合计，只报告一次格式偏差，而不是报告三行缺失。`,
		Messages: []Translation{
			{msgC1007Single, "报告使用 %s 年版格式，但表三“%s”沿用 2019 年版的单行，未拆分为三行；已按单行读取并参与合计"},
			{msgC1007Split, "报告使用 %s 年版格式，但表三将“%s”拆分为 2021 年版的三行；已按原样读取"},
		},
	},
}

const (
	msgC1007Single = "the report uses the %s format, but table 3 has the single row %s of the 2019 format instead of its three rows; it was read as one row"
	msgC1007Split  = "the report uses the %s format, but table 3 splits %s into the three rows of the 2021 format; they were read as written"
)

func checkR6Layout(pass *Pass) {
	for _, is := range pass.Report.Issues {
		if is.Kind != schema.IssueOtherR6Layout {
			continue
		}
		msg := msgC1007Single
		if pass.Report.R6Split {
			msg = msgC1007Split
		}
		pass.Addf(is.Pos, msg, string(pass.Report.Version), RowRef(format.T3+".R6"))
	}
}
