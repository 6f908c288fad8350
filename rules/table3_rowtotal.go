package rules

import (
	"sync"

	"github.com/nianbao/nianbao/format"
)

// A2003 checks that the 总计 column is the sum of the six applicant columns.
var A2003 = &Rule{
	ID:         "A2003",
	Title:      "Table 3: total column = sum of the six applicant columns, per row",
	Doc:        docA2003,
	Severity:   Error,
	Since:      "0.1.0",
	Arithmetic: true,
	Check:      checkRowTotal,
	ZH: Texts{
		Title: "表三：各行 总计 = 六类申请人之和",
		Doc:   `表三“总计”列是各类申请人之和：自然人，以及法人或其他组织下的商业企业、科研机构、社会公益组织、法律服务机构、其他五类。“法人或其他组织”没有小计列。每一行的总计应等于这六列之和。其中有空白、“/”或缺失单元格的行不核对。总计列各行均为 0 而各申请人列填有数字时，只报告一次“总计列未填写”。`,
		Messages: []Translation{
			{msgA2003, "“%s”行：总计为 %s，而六类申请人之和为 %s"},
			{msgA2003Zero, "总计列各行均为 0，而各申请人列填有数字：总计列未填写（%d 行的合计不符）"},
		},
	},
}

const docA2003 = `In table 3 the column 总计 adds up the applicants: natural persons (自然人) and the five kinds of legal persons or other organisations (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他). There is no subtotal column for 法人或其他组织. For every row, 总计 must equal the sum of the six applicant columns. A row with any blank, "/" or missing cell among them is not checked. A total column left at 0 in every row while the applicant columns are filled is reported once, as not filled in.`

const (
	msgA2003     = "row %s: total is %s, but the six applicant columns add up to %s"
	msgA2003Zero = "the total column reads 0 in every row although the applicant columns are filled: it was not filled in (%d rows do not add up)"
)

func checkRowTotal(pass *Pass) {
	sums := rowSums()[b2i(pass.Report.R6Split)]
	if totals, ok := zeroLine(pass.Report, sums); ok {
		// The message counts the rows; the cells would be a long list of 0.
		pass.Add(Finding{Msg: Message{msgA2003Zero, []any{len(totals)}}, Cell: totals[0]})
		return
	}
	for _, s := range sums {
		row := s.name
		checkSum(pass, s.total, s.parts, msgA2003, func(t, s float64) []any {
			return []any{RowRef(row), Num(t), Num(s)}
		})
	}
}

// rowSums lists, per row of table 三, its total and applicant cells, for
// the single （六） row [0] and the split one [1], made on first use (not at
// start-up). Never modified.
var rowSums = sync.OnceValue(func() (out [2][]sumKeys) {
	for i, split := range []bool{false, true} {
		for _, row := range format.T3RowKeys(split) {
			prefix := format.T3 + "." + row + "."
			out[i] = append(out[i], sumKeys{format.T3 + "." + row, prefix + "TOT", keys(prefix, format.T3PartColumns, "")})
		}
	}
	return out
})
