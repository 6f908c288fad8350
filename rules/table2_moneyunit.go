package rules

// A1001 reports a unit written inside a money cell.
var A1001 = &Rule{
	ID:       "A1001",
	Title:    "Table 2: unit written inside a money cell",
	Doc:      `Money cells of table 2 hold a number only: the 2021 format's 本年收费金额（单位：万元） gives its unit in the header, and the 2019 format's 采购总金额 has none. A unit typed after the number ("103.3879万元", "251000元") is read, and reported: in a 万元 column a value in 元 is 10,000 times too large.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "本年收费金额（单位：万元） | 251000元", Good: "本年收费金额（单位：万元） | 25.1"},
	Check:    checkMoneyUnit,
	ZH: Texts{
		Title: "表二：金额单元格内写了单位",
		Doc:   `表二的金额单元格只填数字：2021 年版“本年收费金额（单位：万元）”的单位在栏目中，2019 年版“采购总金额”没有规定单位。数字后写了单位（“103.3879万元”“251000元”）时照常读取并报告：在以万元为单位的栏目中按元填写，数值会大一万倍。`,
		Messages: []Translation{
			{msgA1001Yuan, "单元格填写“%s”：该栏单位为万元，%s 元应填 %s"},
			{msgA1001Same, "单元格填写“%s”：单位已在栏目中注明，单元格只填数字"},
			{msgA1001None, "单元格填写“%s”：请在栏目中注明单位，单元格只填数字"},
		},
	},
}

const (
	msgA1001Yuan = "the cell reads “%s”: the column is in 10,000 yuan (万元), so %s yuan is %s"
	msgA1001Same = "the cell reads “%s”: the unit is given in the column header, write the number only"
	msgA1001None = "the cell reads “%s”: give the unit in the column header and write the number only"
)

func checkMoneyUnit(pass *Pass) {
	for _, k := range pass.Report.Keys {
		c := pass.Report.Cell(k)
		if !c.IsNumber() || c.Unit == "" {
			continue
		}
		raw := trimmed(c.Raw)
		switch {
		case k == "t2.a8.fee.amount_wan" && c.Unit == "元":
			pass.Add(Finding{Msg: Message{msgA1001Yuan, []any{raw, Num(c.Value), Num(c.Value / 10000)}}, Cell: k,
				Expected: ptr(c.Value / 10000), Actual: ptr(c.Value)})
		case k == "t2.a8.fee.amount_wan":
			pass.Add(Finding{Msg: Message{msgA1001Same, []any{raw}}, Cell: k})
		default:
			pass.Add(Finding{Msg: Message{msgA1001None, []any{raw}}, Cell: k})
		}
	}
}
