package rules

import "github.com/nianbao/nianbao/schema"

// A1005 flags a fee amount implausibly large for the body.
var A1005 = &Rule{
	ID:       "A1005",
	Title:    "Table 2: fee amount implausibly large (entered in yuan?)",
	Doc:      `本年收费金额 of the 2021 format is in 万元 (10,000 yuan). An amount of 10,000 万元 (100 million yuan) or more from a town, a county or district government or a department, or of 1,000,000 万元 from any body, is more likely to have been entered in yuan. This is information to check, not an error.`,
	Severity: Info,
	Since:    "0.2.0",
	Example:  Example{Bad: "行政事业性收费 | 3260000", Good: "行政事业性收费 | 326"},
	Check:    checkFeeMagnitude,
	ZH: Texts{
		Title: "表二：收费金额异常偏大（是否按元填写？）",
		Doc:   `2021 年版“本年收费金额”以万元为单位。乡镇、县区人民政府或部门填报 10000 万元（1 亿元）以上，或任何机关填报 1000000 万元以上，更可能是按元填写的。此项为提示，不是错误。`,
		Messages: []Translation{
			{msgA1005, "本年收费金额为 %s 万元（即 %s 元），对此类机关而言偏大：是否按“元”填写了？"},
		},
	},
}

const msgA1005 = "the fee amount is %s (in 10,000 yuan, i.e. %s yuan), large for this body: was it entered in yuan?"

func checkFeeMagnitude(pass *Pass) {
	c := pass.Report.Cell("t2.a8.fee.amount_wan")
	if !c.IsNumber() || c.Unit != "" {
		return
	}
	limit := 1_000_000.0
	switch schema.ClassifyAgency(pass.Report.Agency) {
	case schema.AgencyTownship, schema.AgencyCountyGov, schema.AgencyDepartment:
		limit = 10_000
	}
	if c.Value >= limit {
		pass.Add(Finding{Msg: Message{msgA1005, []any{Num(c.Value), Num(c.Value * 10000)}}, Cell: c.Key})
	}
}
