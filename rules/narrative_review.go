package rules

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
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
	ZH: Texts{
		Title:    "正文：行政复议、行政诉讼数与表四一致",
		Doc:      `正文中的行政复议、行政诉讼数（“被申请行政复议2件”“提起行政诉讼3件”）应等于表四：行政复议 / 总计；行政诉讼为“未经复议直接起诉”与“复议后起诉”两个总计之和。正文称未发生（“未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况”）时，相应总计应为 0。`,
		Messages: narrativeMessages,
	},
}

var (
	reviewPatterns = []claimPattern{
		{re: sync.OnceValue(func() *regexp.Regexp {
			return regexp.MustCompile(`行政复议(?:案件|申请)?(?:共计?|总计|合计)?(\d+)(?:件|起|宗)`)
		}), cells: fixed("t4.rev.total")},
		{re: sync.OnceValue(func() *regexp.Regexp {
			return regexp.MustCompile(`行政诉讼(?:案件)?(?:共计?|总计|合计)?(\d+)(?:件|起|宗)`)
		}), cells: fixed("t4.lit_direct.total", "t4.lit_after.total")},
	}
	// noneRe finds a statement that something did not happen; the words
	// after it up to the end of the clause say what (noneClauses).
	noneRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:未|没有|无)(?:发生|出现|产生|收到|涉及)`)
	})
)

// noneClauses returns the spans of noneRe's matches in s, each taking in
// the rest of its clause up to 40 characters, as the pattern followed by
// [^，。；,;]{0,40} would (which took 24 KB to compile).
func noneClauses(s string) [][2]int {
	if !containsAnyRune(s, "未没无") {
		return nil // noneRe starts with one of them
	}
	var out [][2]int
	for off := 0; off < len(s); {
		loc := noneRe().FindStringIndex(s[off:])
		if loc == nil {
			break
		}
		start, end := off+loc[0], off+loc[1]
		for n := 0; n < 40 && end < len(s); n++ {
			r, size := utf8.DecodeRuneInString(s[end:])
			if strings.ContainsRune("，。；,;", r) {
				break
			}
			end += size
		}
		out = append(out, [2]int{start, end})
		off = end
	}
	return out
}

func checkReviewCounts(pass *Pass) {
	r := pass.Report
	ss := pass.sentences(1, 3, 4)
	checkFigures(pass, findFigures(r, ss, reviewPatterns))
	var figs []figure
	for _, s := range ss {
		for _, loc := range noneClauses(s.text) {
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
