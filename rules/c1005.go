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
