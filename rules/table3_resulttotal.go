package rules

import (
	"sync"

	"github.com/nianbao/nianbao/format"
)

// A2002 checks that (7) 总计 is the sum of the result rows, per column.
var A2002 = &Rule{
	ID:         "A2002",
	Title:      "Table 3: results total = sum of the result rows, per column",
	Doc:        docA2002,
	Severity:   Error,
	Since:      "0.1.0",
	Arithmetic: true,
	Check:      checkResultTotal,
	ZH: Texts{
		Title: "表三：各列（七）总计 = 各项办理结果之和",
		Doc:   `表三“（七）总计”是各项办理结果的合计：（一）予以公开、（二）部分公开、（三）不予公开的 8 项、（四）无法提供的 3 项、（五）不予处理的 5 项、（六）其他处理（2019 年版 1 行，2021 年版 3 行）。每件申请只计入一个办理结果，因此每一列的（七）总计应等于上述各行之和。（三）至（六）只是分组，没有自己的小计行。任一结果单元格为空白、“/”或缺失时，该列不核对。（七）总计行各列均为 0 而各项办理结果填有数字时，只报告一次“（七）总计行未填写”，不再逐列报告合计不符和第一项加第二项不等于第三项加第四项（A2001）。`,
		Messages: []Translation{
			{msgA2002, "%s列：（七）总计为 %s，而各项办理结果之和为 %s"},
			{msgA2002Zero, "（七）总计行各列均为 0，而各项办理结果填有数字：（七）总计行未填写（%d 列的合计不符）"},
		},
	},
}

const docA2002 = `In table 3, row (7) 总计 is the total of the handling results: (1) disclosed, (2) partly disclosed, the eight rows of (3) not disclosed, the three rows of (4) cannot be provided, the five rows of (5) not handled, and (6) other handling (one row in the 2019 format, three rows in the 2021 format). Every application is counted in exactly one result row, so for each column the results total must equal the sum of these rows. The groups (3) to (6) have no subtotal rows of their own. A column with any blank, "/" or missing result cell is not checked. A row (7) left at 0 in every column while the result rows are filled is reported once, as not filled in, instead of a wrong sum and an unbalanced column (A2001) per column.`

const (
	msgA2002     = "column %s: results total (7) is %s, but the result rows add up to %s"
	msgA2002Zero = "row (7) 总计 reads 0 in every column although the result rows are filled: it was not filled in (%d columns do not add up)"
)

func checkResultTotal(pass *Pass) {
	sums := resultSums()[b2i(pass.Report.R6Split)]
	if totals, ok := zeroLine(pass.Report, sums); ok {
		// The balance of every column (A2001) fails for the same reason.
		var refs []Ref
		for _, col := range format.T3Columns {
			refs = append(refs, Ref{A2001, format.T3 + ".R7." + col})
		}
		pass.Add(Finding{Msg: Message{msgA2002Zero, []any{len(totals)}}, Cell: totals[0], Related: totals, Supersedes: refs})
		return
	}
	for _, s := range sums {
		col := s.name
		checkSum(pass, s.total, s.parts, msgA2002, func(t, s float64) []any {
			return []any{ColRef(col), Num(t), Num(s)}
		})
	}
}

// resultSums lists, per column, the total (7) and its result rows, for
// the single （六） row [0] and the split one [1], made on first use (not at
// start-up). Never modified.
var resultSums = sync.OnceValue(func() (out [2][]sumKeys) {
	for i, split := range []bool{false, true} {
		rows := format.ResultRows(split)
		for _, col := range format.T3Columns {
			out[i] = append(out[i], sumKeys{col, format.T3 + ".R7." + col, keys(format.T3+".", rows, "."+col)})
		}
	}
	return out
})
