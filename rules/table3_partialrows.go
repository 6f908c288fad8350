package rules

import (
	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/schema"
)

// A2006 reports rows of table 三 filled only in the total column, or only
// in the applicant columns.
var A2006 = &Rule{
	ID:       "A2006",
	Title:    "Table 3: rows with only the total, or only the applicant columns, filled",
	Doc:      `A row of table 3 whose 总计 holds a number while all six applicant columns are blank or "/" (or the other way round) cannot be checked and usually means the breakdown by applicant was left out. Such rows are counted in one finding per table, naming the first of them.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "一、本年新收… | (blank) ×6 | 12", Good: "一、本年新收… | 10 | 2 | 0 | 0 | 0 | 0 | 12"},
	Check:    checkPartialRows,
	ZH: Texts{
		Title: "表三：只填总计或只填各类申请人的行",
		Doc:   `表三某行总计有数字而六类申请人全为空白或“/”（或反之），无法核对，通常说明漏填了按申请人分类的数字。此类行按表汇总为一条，指出第一行。总计为 0 的行不计。`,
		Messages: []Translation{
			{msgA2006Total, "有 %d 行只填写了总计，各类申请人均为空（第一行：“%s”）"},
			{msgA2006Parts, "有 %d 行填写了各类申请人但总计为空（第一行：“%s”）"},
		},
	},
}

const (
	msgA2006Total = "%d rows give only the total, with every applicant column empty (the first: %s)"
	msgA2006Parts = "%d rows give the applicant columns but no total (the first: %s)"
)

func checkPartialRows(pass *Pass) {
	r := pass.Report
	var onlyTotal, onlyParts []string
	for _, row := range format.T3RowKeys(r.R6Split) {
		p := "t3." + row + "."
		tot := r.Cell(p + "TOT")
		parts := 0
		for _, c := range format.T3PartColumns {
			if r.Cell(p + c).IsNumber() {
				parts++
			}
		}
		empty := func(c *schema.Cell) bool { return c.State == schema.StateBlank || c.State == schema.StateNA }
		allEmpty := true
		for _, c := range format.T3PartColumns {
			allEmpty = allEmpty && empty(r.Cell(p+c))
		}
		switch {
		case tot.IsNumber() && tot.Value != 0 && allEmpty:
			onlyTotal = append(onlyTotal, row)
		case empty(tot) && parts > 0:
			onlyParts = append(onlyParts, row)
		}
	}
	if len(onlyTotal) > 0 {
		k := "t3." + onlyTotal[0] + ".TOT"
		pass.Add(Finding{Msg: Message{msgA2006Total, []any{len(onlyTotal), RowRef("t3." + onlyTotal[0])}}, Cell: k})
	}
	if len(onlyParts) > 0 {
		k := "t3." + onlyParts[0] + ".TOT"
		pass.Add(Finding{Msg: Message{msgA2006Parts, []any{len(onlyParts), RowRef("t3." + onlyParts[0])}}, Cell: k})
	}
}
