package rules

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestRewrittenPatterns checks partsIn and noneClauses against the
// bounded patterns they replace, on random texts made of the patterns'
// own words.
func TestRewrittenPatterns(t *testing.T) {
	oldParts := regexp.MustCompile(`(?:由|包括|包含|分为|分)([^。；]{0,160}?)(?:等|共)?([一二三四五六七八九十]|\d+)(?:个)?(?:部分|方面)`)
	oldNone := regexp.MustCompile(`(?:未|没有|无)(?:发生|出现|产生|收到|涉及)[^，。；,;]{0,40}`)
	words := []string{"由", "包括", "包含", "分为", "分", "等", "共", "六", "十", "3", "12", "个", "部分", "方面", "。", "；", "，", ",", ";",
		"未", "没有", "无", "发生", "出现", "收到", "涉及", "行政复议", "行政诉讼", "报告", "情况", "的", strings.Repeat("长", 50), "a"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(words[rng.IntN(len(words))])
		}
		text := b.String()
		if got, want := partsIn(text), oldParts.FindStringSubmatchIndex(text); !slices.Equal(got, want) {
			t.Fatalf("partsIn(%q) = %v, want %v", text, got, want)
		}
		var want [][2]int
		for _, l := range oldNone.FindAllStringIndex(text, -1) {
			want = append(want, [2]int{l[0], l[1]})
		}
		if got := noneClauses(text); !slices.Equal(got, want) {
			t.Fatalf("noneClauses(%q) = %v, want %v", text, got, want)
		}
	}
}
