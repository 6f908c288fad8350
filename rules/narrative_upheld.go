package rules

import (
	"regexp"
	"strings"
	"sync"
)

// N1007 checks claims that every case was upheld.
var N1007 = &Rule{
	ID:       "N1007",
	Title:    "Narrative: \"all upheld\" claims agree with table 4",
	Doc:      `A statement that the reconsideration or litigation cases were all upheld ("均获维持", "全部维持", "均被维持") requires table 4 to show no corrected result, no other result and no case pending for the groups the sentence speaks of (行政复议, 行政诉讼 or both). 上海 2019 wrote that 7 reconsiderations and 9 suits were all upheld while its table showed 2 and 1 pending.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "正文：行政复议均获维持；表四 行政复议 / 尚未审结 = 1", Good: "正文：行政复议1件维持，1件尚未审结"},
	Check:    checkAllUpheld,
	ZH: Texts{
		Title: "正文：“均获维持”与表四一致",
		Doc:   `正文称复议或诉讼“均获维持”“全部维持”“均被维持”时，表四中该句所说的组（行政复议、行政诉讼或两者）不应有结果纠正、其他结果或尚未审结。上海 2019 年报告称 7 件复议、9 件诉讼均获维持，而表中有 2 件和 1 件尚未审结。`,
		Messages: []Translation{
			{msgN1007, "正文称“%s”，但%s为 %s"},
		},
	},
}

const msgN1007 = "the text says “%s”, but %s is %s"

var upheldRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:均|全部|都)(?:已)?(?:获|被|予以)?维持`)
})

func checkAllUpheld(pass *Pass) {
	r := pass.Report
	for _, s := range pass.sentences(1, 3, 4) {
		if !strings.Contains(s.text, "维持") {
			continue // every match of upheldRe ends with 维持
		}
		loc := upheldRe().FindStringIndex(s.text)
		if loc == nil {
			continue
		}
		before := s.text[:loc[0]]
		var groups []string
		if strings.Contains(before, "复议") {
			groups = append(groups, "rev")
		}
		if strings.Contains(before, "诉讼") {
			groups = append(groups, "lit_direct", "lit_after")
		}
	groups:
		for _, g := range groups {
			for _, part := range []string{"fix", "other", "pending"} {
				k := "t4." + g + "." + part
				if c := r.Cell(k); c.IsNumber() && c.Value > 0 {
					pass.Add(Finding{Msg: Message{msgN1007, []any{quote(s.text, 0, loc[1]), CellRef(k), Num(c.Value)}}, Cell: k, Pos: s.pos})
					break groups
				}
			}
		}
	}
}
