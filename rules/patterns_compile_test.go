package rules

import (
	"regexp"
	"testing"

	"github.com/nianbao/nianbao/internal/testsupport/realtext"
)

// TestPatternsCompile compiles every pattern of the rules, which are
// otherwise compiled when first used.
func TestPatternsCompile(t *testing.T) {
	pats := []func() *regexp.Regexp{idRe, partsRe, signedRe, labelledRe, chineseDayRe, noneRe, upheldRe, proseTotalRe, partRe}
	for _, ps := range [][]claimPattern{newPatterns, carryInPatterns, handledPatterns, carryOutPatterns, resultPatterns, reviewPatterns} {
		for _, p := range ps {
			pats = append(pats, p.re)
		}
	}
	if len(pats) < 20 {
		t.Fatalf("only %d patterns listed", len(pats))
	}
	for i, re := range pats {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("pattern %d: %v", i, r)
				}
			}()
			re()
		}()
	}
}

// TestDateFilters: maySign and mayLabel, which spare most paragraphs the
// date patterns, never refuse a text the pattern matches: every piece of
// text in testdata, as publicationDate prepares it, and dates written in
// each form.
func TestDateFilters(t *testing.T) {
	texts := append(realtext.Pieces(t, "../testdata"), "某某镇人民政府2021年1月20日", "2022-02-08", "日期：2022/2/8 ",
		"发布时间:2023.01.05 10:00", "成文日期：二〇二三年一月五日", "时间：2022年1月5日。")
	matched := 0
	for _, x := range texts {
		text := chineseDates(squeeze(narrowDigits(x)))
		if signedRe().MatchString(text) {
			matched++
			if !maySign(text) {
				t.Errorf("maySign(%q) = false, but signedRe matches", text)
			}
		}
		if labelledRe().MatchString(text) {
			matched++
			if !mayLabel(text) {
				t.Errorf("mayLabel(%q) = false, but labelledRe matches", text)
			}
		}
	}
	if matched < 10 {
		t.Fatalf("only %d dates matched", matched)
	}
}
