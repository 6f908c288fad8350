package rules

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// N1008 checks totals in prose against their listed parts.
var N1008 = &Rule{
	ID:       "N1008",
	Title:    "Narrative: a total in the text equals its listed parts",
	Doc:      `A sentence of the form "共N条，其中A…a条、B…b条、其他…c条" (or "公开N条，其中…") claims that the parts cover the whole when the last part is a catch-all (其他, 其余, 其它) — then a + b + c must equal N. The seed report's "公开政府信息共690条，其中…143条，…510条，其他方式…37条" adds up. Sentences whose parts do not claim to cover the whole are not checked.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "共发布信息690条，其中网站143条、公众号510条、其他方式36条", Good: "共发布信息690条，其中网站143条、公众号510条、其他方式37条"},
	Check:    checkProseSums,
	ZH: Texts{
		Title: "正文：合计数等于所列分项之和",
		Doc:   `“共N条，其中A……a条、B……b条、其他……c条”这样的句子，当最后一项是“其他”“其余”“其它”时，表示分项覆盖了全部，a+b+c 应等于 N。样例报告“公开政府信息共690条，其中……143条，……510条，其他方式……37条”相符。分项没有覆盖全部含义的句子不检查。`,
		Messages: []Translation{
			{msgN1008, "正文“%s”：各分项之和为 %s，而不是 %s"},
		},
	},
}

const msgN1008 = "the text says “%s”: the parts add up to %s, not %s"

var (
	// A total is a count right before "其中": "共690条，其中", "主动公开135条，其中".
	proseTotalRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:共(?:计|有)?)?(\d+)(条|件|个|篇|次|项)`) })
	partRe       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d+)(条|件|个|篇|次|项)`) })
)

func checkProseSums(pass *Pass) {
	for _, s := range pass.sentences(1, 2, 3, 4, 5, 6) {
		if !strings.Contains(s.text, "其中") {
			continue // no parts listed: nothing to add up
		}
		for _, loc := range proseTotalRe().FindAllStringSubmatchIndex(s.text, -1) {
			rest := s.text[loc[1]:]
			i := strings.Index(rest, "其中")
			if i < 0 || i > 6 {
				continue
			}
			rest = rest[i:]
			unit := s.text[loc[4]:loc[5]]
			total, _ := strconv.ParseFloat(s.text[loc[2]:loc[3]], 64)
			var sum float64
			parts, catchAll, prev := 0, false, 0
			for _, m := range partRe().FindAllStringSubmatchIndex(rest, -1) {
				if rest[m[4]:m[5]] != unit || strings.HasPrefix(rest[m[1]:], "%") {
					continue
				}
				clause := rest[prev:m[0]]
				if strings.ContainsAny(clause, "共") || strings.Contains(clause, "占") {
					break // a new total or a share: the list ended
				}
				v, _ := strconv.ParseFloat(rest[m[2]:m[3]], 64)
				sum += v
				parts++
				catchAll = strings.Contains(clause, "其他") || strings.Contains(clause, "其余") || strings.Contains(clause, "其它")
				prev = m[1]
			}
			if parts < 2 || !catchAll || sum == total {
				continue
			}
			end := loc[1] + i + prev
			pass.Add(Finding{Msg: Message{msgN1008, []any{quote(s.text, loc[0], end), Num(sum), Num(total)}}, Pos: s.pos, Expected: ptr(total), Actual: ptr(sum)})
		}
	}
}
