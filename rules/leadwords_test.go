package rules

import (
	"context"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

func TestLeadWords(t *testing.T) {
	for re, want := range map[string][]string{
		`新收.{0,3}申请(\d+)件`:          {"新收"},
		`(?:收到|受理|接到|接收).{0,12}?申请`: {"收到", "受理", "接"}, // the parser factors 接到|接收 into 接(?:到|收)
		`(?:未|没有|无)(?:发生|出现)`:       {"未", "没有", "无"},
		`(?:共(?:计|有)?)?(\d+)(条|件)`:  nil, // may start with a digit
		`^第`:                        nil,
		`[收受]理`:                     {"收", "受"},
	} {
		got := leadWordsOf(regexp.MustCompile(re))
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("leadWords(%s) = %q, want %q", re, got, want)
		}
	}
}

// TestMayMatchNeverSkipsAMatch runs every narrative pattern over every
// sentence of the real reports: where the pattern matches, the filter must
// have let the sentence through.
func TestMayMatchNeverSkipsAMatch(t *testing.T) {
	files, _ := filepath.Glob("../testdata/real/*/source.*")
	if len(files) == 0 {
		t.Fatal("no real reports")
	}
	var pats []claimPattern
	for _, ps := range [][]claimPattern{newPatterns, carryInPatterns, handledPatterns, carryOutPatterns, resultPatterns, reviewPatterns} {
		pats = append(pats, ps...)
	}
	matched := 0
	for _, f := range files {
		doc, err := parser.ParseFile(context.Background(), f, parser.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sentences(schema.Build(doc), 1, 2, 3, 4, 5, 6) {
			for _, p := range pats {
				if p.re().MatchString(s.text) {
					matched++
					if !mayMatch(p.re(), s.text) {
						t.Errorf("%s: %s matches %q but the filter skips it", f, p.re(), s.text)
					}
				}
			}
		}
	}
	if matched == 0 {
		t.Error("no pattern matched any sentence: the test checks nothing")
	}
	t.Logf("%d matches, none skipped", matched)
}
