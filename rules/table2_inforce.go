package rules

import "github.com/nianbao/nianbao/format"

// A1002 checks V2021 本年制发件数 ≤ 现行有效件数 + 本年废止件数.
var A1002 = &Rule{
	ID:       "A1002",
	Title:    "Table 2: documents issued this year ≤ in force + repealed",
	Doc:      `In the 2021 format's 第二十条第（一）项, a rule or normative document issued this year is either still in force at the end of the year or was repealed during it, so 本年制发件数 cannot exceed 现行有效件数 + 本年废止件数. A larger number usually means the columns were mixed up. Checked for 规章 and 行政规范性文件 when all three cells are numbers.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "行政规范性文件 | 5 | 0 | 3", Good: "行政规范性文件 | 5 | 0 | 12"},
	Check:    checkIssuedInForce,
	ZH: Texts{
		Title: "表二：本年制发件数 ≤ 现行有效件数 + 本年废止件数",
		Doc:   `2021 年版第二十条第（一）项中，本年制发的规章或行政规范性文件，到年底要么仍然有效，要么已在年内废止，因此本年制发件数不应超过现行有效件数与本年废止件数之和。超过通常说明栏目填错。规章、行政规范性文件三个单元格均为数字时核对。`,
		Messages: []Translation{
			{msgA1002, "%s：本年制发 %s 件，多于现行有效 %s 件与本年废止 %s 件之和"},
		},
	},
}

const msgA1002 = "%s: %s issued this year, more than the %s in force plus %s repealed"

func checkIssuedInForce(pass *Pass) {
	if pass.Report.Version != format.V2021 {
		return
	}
	for _, row := range []string{"reg", "norm"} {
		p := "t2.a1." + row + "."
		issued, inforce, repealed := pass.Report.Cell(p+"issued"), pass.Report.Cell(p+"inforce"), pass.Report.Cell(p+"repealed")
		if !issued.IsNumber() || !inforce.IsNumber() || !repealed.IsNumber() || issued.Value <= inforce.Value+repealed.Value {
			continue
		}
		pass.Add(Finding{
			Msg:     Message{msgA1002, []any{RowRef("t2.a1." + row), Num(issued.Value), Num(inforce.Value), Num(repealed.Value)}},
			Cell:    p + "issued",
			Related: []string{p + "inforce", p + "repealed"},
		})
	}
}
