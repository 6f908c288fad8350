package rules

import "github.com/nianbao/nianbao/format"

// A1003 checks V2019 对外公开总数量 ≥ 本年新公开数量.
var A1003 = &Rule{
	ID:       "A1003",
	Title:    "Table 2: total published ≥ newly published",
	Doc:      `In the 2019 format's 第二十条第（一）项, 对外公开总数量 counts every document published so far, including those newly published this year, so it cannot be smaller than 本年新公开数量. Checked for 规章 and 规范性文件 when both cells are numbers.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "规范性文件 | 3 | 3 | 2", Good: "规范性文件 | 3 | 3 | 41"},
	Check:    checkPublishedTotal,
	ZH: Texts{
		Title: "表二：对外公开总数量 ≥ 本年新公开数量",
		Doc:   `2019 年版第二十条第（一）项中，对外公开总数量包括本年新公开的文件，因此不应小于本年新公开数量。规章、规范性文件两个单元格均为数字时核对。`,
		Messages: []Translation{
			{msgA1003, "%s：对外公开总数量 %s，少于本年新公开数量 %s"},
		},
	},
}

const msgA1003 = "%s: %s published in total, fewer than the %s newly published this year"

func checkPublishedTotal(pass *Pass) {
	if pass.Report.Version != format.V2019 {
		return
	}
	for _, row := range []string{"reg", "norm"} {
		p := "t2.a1." + row + "."
		total, newpub := pass.Report.Cell(p+"pubtotal"), pass.Report.Cell(p+"newpub")
		if !total.IsNumber() || !newpub.IsNumber() || total.Value >= newpub.Value {
			continue
		}
		pass.Add(Finding{
			Msg:     Message{msgA1003, []any{RowRef("t2.a1." + row), Num(total.Value), Num(newpub.Value)}},
			Cell:    p + "pubtotal",
			Related: []string{p + "newpub"},
		})
	}
}
