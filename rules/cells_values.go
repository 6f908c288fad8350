package rules

import (
	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/schema"
)

// C1005 reports cells that hold something other than a valid number.
var C1005 = &Rule{
	ID:       "C1005",
	Title:    "Data cells hold valid numbers",
	Doc:      `Counts in the three tables are non-negative whole numbers (half- or full-width digits). Only the 2019 format's 本年增/减 cells may carry a sign (+3, -2), and only money cells (采购总金额, 本年收费金额（单位：万元）) may have decimals. Anything else in a data cell — words, units, a sign or a decimal point where none belongs, "--253" — is reported, and the sums that use the cell are not checked.`,
	Severity: Error,
	Since:    "0.1.0",
	Check:    checkCellValues,
	ZH: Texts{
		Title: "数据单元格为有效数字",
		Doc:   `三张表中的数量应为非负整数（半角或全角数字均可）。只有 2019 年版的“本年增/减”可以带正负号（+3、-2），只有金额单元格（采购总金额、本年收费金额（单位：万元））可以有小数。数据单元格中的其他内容——文字、单位、不该有的正负号或小数点、“--253”等——都会报告，需要该单元格的合计不核对。`,
		Messages: []Translation{
			{msgC1005Count, "应为非负整数，实际填写“%s”"},
			{msgC1005Signed, "应为整数（需要时带正负号，如 +3、-2），实际填写“%s”"},
			{msgC1005Money, "应为非负金额，实际填写“%s”"},
		},
	},
}

const (
	msgC1005Count  = "should be a non-negative whole number, found “%s”"
	msgC1005Signed = "should be a whole number, with a sign if needed (+3, -2), found “%s”"
	msgC1005Money  = "should be a non-negative amount, found “%s”"
)

func checkCellValues(pass *Pass) {
	for _, k := range pass.Report.Keys {
		c := pass.Report.Cell(k)
		if c.State != schema.StateText {
			continue
		}
		msg := msgC1005Count
		switch c.Kind {
		case format.Signed:
			msg = msgC1005Signed
		case format.Money:
			msg = msgC1005Money
		}
		pass.Add(Finding{Msg: Message{msg, []any{format.TrimCell(c.Raw)}}, Cell: k})
	}
}
