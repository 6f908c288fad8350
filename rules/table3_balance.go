package rules

import "github.com/nianbao/nianbao/format"

// A2001 checks the balance written in the corner of table 三.
var A2001 = &Rule{
	ID:         "A2001",
	Title:      "Table 3: new + carried in = results total + carried over, per column",
	Doc:        docA2001,
	Severity:   Error,
	Since:      "0.1.0",
	Arithmetic: true,
	Check:      checkApplicationBalance,
	ZH: Texts{
		Title: "表三：各列 第一项+第二项 = 第三项（七）总计+第四项",
		Doc:   `表三左上角注明了格式中唯一写明的勾稽关系：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。对每一类申请人列和总计列，本年新收申请数加上年结转申请数，应等于（七）总计加结转下年度继续办理数。问题定位在（七）总计单元格，并给出使该列平衡的数值。四个单元格中有空白、“/”或缺失时，该列不核对。`,
		Messages: []Translation{
			{msgA2001, "%s列：第一项（%s）+第二项（%s）=%s，而第三项（七）总计（%s）+第四项（%s）=%s，两者不等"},
		},
	},
}

const docA2001 = `The corner note of table 3 states the one check the format writes out: "the figures of each column relate so that item one plus item two equals item three plus item four" (第一项加第二项之和，等于第三项加第四项之和). For every applicant column and for the total column, new applications plus applications carried in from last year must equal the results total ((7) 总计) plus the applications carried over to next year. The finding points at the results total and gives the value that would balance the column. Columns with a blank, "/" or missing cell among these four are not checked.`

const msgA2001 = "column %s: new (%s) + carried in (%s) = %s, but results total (%s) + carried over (%s) = %s"

func checkApplicationBalance(pass *Pass) {
	for _, col := range format.T3Columns {
		k := func(row string) string { return format.T3 + "." + row + "." + col }
		newK, inK, totK, outK := k("NEW"), k("CARRY_IN"), k("R7"), k("CARRY_OUT")
		in, okIn := sum(pass.Report, []string{newK, inK})
		out, okOut := sum(pass.Report, []string{totK, outK})
		if !okIn || !okOut || in == out {
			continue
		}
		r := pass.Report
		pass.Add(Finding{
			Msg: Message{msgA2001, []any{ColRef(col),
				Num(r.Cell(newK).Value), Num(r.Cell(inK).Value), Num(in),
				Num(r.Cell(totK).Value), Num(r.Cell(outK).Value), Num(out)}},
			Cell:     totK,
			Related:  []string{newK, inK, outK},
			Expected: ptr(in - r.Cell(outK).Value),
			Actual:   ptr(r.Cell(totK).Value),
			Equation: &Equation{Left: []string{newK, inK}, Right: []string{totK, outK}},
		})
	}
}
