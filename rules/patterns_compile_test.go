package rules

import (
	"regexp"
	"testing"
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
