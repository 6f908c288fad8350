package rules

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nianbao/nianbao/format"
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
	ZH: Texts{
		Title: "前言所称部分数与列出、实有的部分一致",
		Doc:   `许多报告开头写“本报告由总体情况、……、其他需要报告的事项等六部分组成”。所称部分数应与该句列出的部分数以及报告实际的部分数一致。某区统计局 2023 年报告称六部分，却只列出五部分，漏了行政复议、行政诉讼情况。`,
		Messages: []Translation{
			{msgC1012Listed, "前言称报告共 %d 部分，但只列出 %d 部分：“%s”"},
			{msgC1012Present, "前言称报告共 %d 部分，但实际找到 %d 部分"},
		},
	},
}

const (
	msgC1012Listed  = "the preamble says the report has %d parts but lists %d: “%s”"
	msgC1012Present = "the preamble says the report has %d parts, but %d sections were found"
)

// partsRe finds "分为…N个部分"; partsIn keeps the list between to
// maxPartsList characters (as [^。；]{0,160}? would, whose 160 copies took
// 95 KB to compile).
var partsRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:由|包括|包含|分为|分)([^。；]*?)(?:等|共)?([一二三四五六七八九十]|\d+)(?:个)?(?:部分|方面)`)
})

const maxPartsList = 160

// partsIn returns the submatch indexes of partsRe's first match in text
// whose list is at most maxPartsList characters, or nil.
func partsIn(text string) []int {
	for off := 0; off < len(text); {
		loc := partsRe().FindStringSubmatchIndex(text[off:])
		if loc == nil {
			return nil
		}
		if utf8.RuneCountInString(text[off+loc[2]:off+loc[3]]) <= maxPartsList {
			for i := range loc {
				if loc[i] >= 0 {
					loc[i] += off
				}
			}
			return loc
		}
		// No shorter list starts here: try from the next character.
		_, size := utf8.DecodeRuneInString(text[off+loc[0]:])
		off += loc[0] + size
	}
	return nil
}

// listedParts counts the parts a preamble lists, two ways: by the
// separators ("、", and "以及", "和", "及", "与" before the last part), once
// the conjunctions inside the headings are put aside ("收到和处理", "问题及
// 改进", "行政复议、行政诉讼"); and by the sections of the format whose
// heading words the list has (named). A list is taken as wrong only when
// both counts disagree with the number stated.
func listedParts(list string) (listed, named int) {
	if !strings.ContainsAny(list, "、和及与") {
		return 0, 0
	}
	l := list
	for _, inner := range []string{"行政复议、提起行政诉讼", "行政复议、行政诉讼", "行政复议和行政诉讼", "行政复议及行政诉讼", "行政复议与行政诉讼", "收到和处理", "问题及改进", "问题和改进", "问题及整改", "问题及下一步", "问题与改进"} {
		l = strings.ReplaceAll(l, inner, strings.Map(func(r rune) rune {
			if strings.ContainsRune("、和及与", r) {
				return -1
			}
			return r
		}, inner))
	}
	for _, sep := range []string{"以及", "和", "及", "与"} {
		l = strings.ReplaceAll(l, sep, "、")
	}
	for _, part := range strings.Split(l, "、") {
		if part != "" {
			listed++
		}
	}
	for _, sec := range format.Sections {
		if sec.Named(list) {
			named++
		}
	}
	return listed, named
}

var chineseNumbers = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

func checkPreambleParts(pass *Pass) {
	r := pass.Report
	for _, p := range r.Preamble {
		text := squeeze(p.Text)
		if !strings.Contains(text, "报告") {
			continue
		}
		loc := partsIn(text)
		if loc == nil {
			continue
		}
		m := []string{text[loc[0]:loc[1]], text[loc[2]:loc[3]], text[loc[4]:loc[5]]}
		n, ok := chineseNumbers[m[2]]
		if !ok {
			n, _ = strconv.Atoi(m[2])
		}
		list := strings.TrimSuffix(strings.TrimSuffix(m[1], "等"), "共")
		listed, named := listedParts(list)
		switch {
		case listed > 1 && listed != n && named != n:
			pass.Addf(p.Pos, msgC1012Listed, n, listed, quote(text, loc[0], loc[1]))
		case len(r.Sections) > 0 && len(r.Sections) != n:
			pass.Addf(p.Pos, msgC1012Present, n, len(r.Sections))
		}
		return
	}
}
