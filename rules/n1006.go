package rules

import (
	"regexp"
	"strings"
)

// N1006 checks reconsideration and litigation counts stated in the text.
var N1006 = &Rule{
	ID:       "N1006",
	Title:    "Narrative: reconsideration and litigation counts agree with table 4",
	Doc:      `Counts of administrative reconsideration and litigation stated in the text ("被申请行政复议2件", "提起行政诉讼3件") must equal table 4: 行政复议 / 总计, and for litigation the two 总计 cells (未经复议直接起诉 + 复议后起诉) added up. A statement that none occurred ("未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况") requires those totals to be 0.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "正文：未发生行政复议、行政诉讼情况；表四 行政复议 / 总计 = 1", Good: "正文：被申请行政复议1件，未发生行政诉讼"},
	Check:    checkReviewCounts,
}

var (
	reviewPatterns = []claimPattern{
		{re: regexp.MustCompile(`行政复议(?:案件|申请)?(?:共计?|总计|合计)?(\d+)(?:件|起|宗)`), cells: fixed("t4.rev.total")},
		{re: regexp.MustCompile(`行政诉讼(?:案件)?(?:共计?|总计|合计)?(\d+)(?:件|起|宗)`), cells: fixed("t4.lit_direct.total", "t4.lit_after.total")},
	}
	// noneRe finds a statement that something did not happen; the words
	// after it up to the end of the clause say what.
	noneRe = regexp.MustCompile(`(?:未|没有|无)(?:发生|出现|产生|收到|涉及)` + `[^，。；,;]{0,40}`)
)

func checkReviewCounts(pass *Pass) {
	r := pass.Report
	ss := pass.sentences(1, 3, 4)
	checkFigures(pass, findFigures(r, ss, reviewPatterns))
	var figs []figure
	for _, s := range ss {
		for _, loc := range noneRe.FindAllStringIndex(s.text, -1) {
			clause := s.text[loc[0]:loc[1]]
			// "未发生…行政复议、行政诉讼的情况": both; a figure in the clause
			// ("未发生…超过3件") makes it something else.
			if strings.ContainsAny(clause, "0123456789") {
				continue
			}
			q := quote(s.text, loc[0], loc[1])
			if strings.Contains(clause, "复议") && !strings.Contains(clause, "复议后") {
				figs = append(figs, figure{value: 0, quote: q, pos: s.pos, cells: []string{"t4.rev.total"}})
			}
			if strings.Contains(clause, "诉讼") {
				figs = append(figs, figure{value: 0, quote: q, pos: s.pos, cells: []string{"t4.lit_direct.total", "t4.lit_after.total"}})
			}
		}
	}
	checkFigures(pass, figs)
}
