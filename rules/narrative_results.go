package rules

import (
	"regexp"
	"sync"

	"github.com/nianbao/nianbao/schema"
)

// N1005 checks the result categories stated in the text.
var N1005 = &Rule{
	ID:       "N1005",
	Title:    "Narrative: handling results agree with table 3",
	Doc:      `Figures of handling results stated in the text must equal table 3's total column: 予以公开 N件 → (一); 部分公开 → (二); 不予公开 → the sum of the eight rows of (三); 无法提供 → the three rows of (四); 不予处理 → the five rows of (五); 其他处理 → (六); "予以公开及部分公开 N件" → (一)+(二); "不予公开及无法提供 N件" → (三)+(四). Where a total cell is blank, the numbers written in its row's applicant columns are what it holds at least, so a figure below their sum is reported too. A figure that is one applicant column's value rather than the total (上海 2019: "予以公开及部分公开258件" where 258 is the 自然人 value and the total is 275) is pointed out as such.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "正文：予以公开及部分公开258件；表三 （一）+（二）/ 总计 = 272 + 3", Good: "正文：予以公开及部分公开275件"},
	Check: func(pass *Pass) {
		checkFigures(pass, findFigures(pass.Report, pass.sentences(1, 3, 4), resultPatterns))
	},
	ZH: Texts{
		Title:    "正文：各项办理结果与表三一致",
		Doc:      `正文中的办理结果数应等于表三总计列：予以公开 → （一）；部分公开 → （二）；不予公开 → （三）8 项之和；无法提供 → （四）3 项之和；不予处理 → （五）5 项之和；其他处理 → （六）；“予以公开及部分公开 N 件” → （一）+（二）；“不予公开及无法提供 N 件” → （三）+（四）。总计栏空白时，该行各申请人列已填数字之和是其最小值，正文数字小于该和也会报告。正文数字恰好是某一申请人列的数值而非总计时（上海 2019：“予以公开及部分公开258件”，258 是自然人列，总计为 275），会特别指出。`,
		Messages: narrativeMessages,
	},
}

// resultPatterns go from the combined phrasing to the single ones, so that
// "予以公开及部分公开258件" is not read as 部分公开 258.
var resultPatterns = []claimPattern{
	{re: sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`予以公开(?:和|及|与|、|或)部分公开(?:的)?(?:共计?)?(\d+)件`)
	}), needs: "申请",
		cells: func(r *schema.Report, _ []string) ([]string, []string) { return rowKeys(r, "R1", "R2"), nil }},
	{re: sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`不予公开(?:和|及|与|、|或)无法提供(?:的)?(?:共计?)?(\d+)件`)
	}), needs: "申请",
		cells: func(r *schema.Report, _ []string) ([]string, []string) {
			return append(rowKeys(r, "R3_"), rowKeys(r, "R4_")...), nil
		}},
	{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^不]予以公开(?:的)?(?:共计?)?(\d+)件`) }), needs: "申请", cells: fixed("t3.R1.TOT")},
	{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^予以公开(?:的)?(?:共计?)?(\d+)件`) }), needs: "申请", cells: fixed("t3.R1.TOT")},
	{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`部分公开(?:的)?(?:共计?)?(\d+)件`) }), needs: "申请", cells: fixed("t3.R2.TOT")},
	{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`不予公开(?:的)?(?:共计?)?(\d+)件`) }), needs: "申请",
		cells: func(r *schema.Report, _ []string) ([]string, []string) { return rowKeys(r, "R3_"), nil }},
	{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`无法提供(?:的)?(?:共计?)?(\d+)件`) }), needs: "申请",
		cells: func(r *schema.Report, _ []string) ([]string, []string) { return rowKeys(r, "R4_"), nil }},
	{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`不予处理(?:的)?(?:共计?)?(\d+)件`) }), needs: "申请",
		cells: func(r *schema.Report, _ []string) ([]string, []string) { return rowKeys(r, "R5_"), nil }},
	{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`其他处理(?:的)?(?:共计?)?(\d+)件`) }), needs: "申请",
		cells: func(r *schema.Report, _ []string) ([]string, []string) { return rowKeys(r, "R6", "R6_"), nil }},
}
