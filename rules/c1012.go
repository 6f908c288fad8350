package rules

import (
	"regexp"
	"strconv"
	"strings"
)

// C1012 checks the number of parts the preamble claims.
var C1012 = &Rule{
	ID:       "C1012",
	Title:    "The preamble's number of parts matches the parts listed and present",
	Doc:      `Many reports open with "本报告由总体情况、……、其他需要报告的事项等六部分组成". The number claimed must match the parts the sentence lists and the sections the report has. 某区统计局 2023 claimed 六部分 and listed five, leaving out reconsideration and litigation.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成", Good: "……政府信息公开行政复议、行政诉讼情况、……等六部分组成"},
	Check:    checkPreambleParts,
}

const (
	msgC1012Listed  = "the preamble says the report has %d parts but lists %d: “%s”"
	msgC1012Present = "the preamble says the report has %d parts, but %d sections were found"
)

var partsRe = regexp.MustCompile(`(?:由|包括|包含|分为|分)([^。；]{0,160}?)(?:等|共)?([一二三四五六七八九十]|\d+)(?:个)?(?:部分|方面)`)

var chineseNumbers = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

func checkPreambleParts(pass *Pass) {
	r := pass.Report
	for _, p := range r.Preamble {
		text := squeeze(p.Text)
		if !strings.Contains(text, "报告") {
			continue
		}
		loc := partsRe.FindStringSubmatchIndex(text)
		if loc == nil {
			continue
		}
		m := []string{text[loc[0]:loc[1]], text[loc[2]:loc[3]], text[loc[4]:loc[5]]}
		n, ok := chineseNumbers[m[2]]
		if !ok {
			n, _ = strconv.Atoi(m[2])
		}
		list := strings.TrimSuffix(strings.TrimSuffix(m[1], "等"), "共")
		// The parts are listed with "、"; part 四 itself has one inside
		// (行政复议、行政诉讼), which is put back together.
		list = strings.ReplaceAll(list, "行政复议、行政诉讼", "行政复议和行政诉讼")
		listed := 0
		if strings.Contains(list, "、") {
			listed = strings.Count(list, "、") + 1
		}
		switch {
		case listed > 1 && listed != n:
			pass.Addf(p.Pos, msgC1012Listed, n, listed, quote(text, loc[0], loc[1]))
		case len(r.Sections) > 0 && len(r.Sections) != n:
			pass.Addf(p.Pos, msgC1012Present, n, len(r.Sections))
		}
		return
	}
}
