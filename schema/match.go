package schema

import (
	"regexp"
	"strings"

	"github.com/nianbao/nianbao/parser"
)

// enumerator matches the numbering in front of a label after normalisation:
// "一、", "(一)", "1.", "1、", "(1)".
var enumerator = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)[、.]?|\d+[.、])`)

// splitLabel normalises s and splits off its leading enumerator.
func splitLabel(s string) (enum, core string) {
	n := parser.NormalizeLabel(s)
	if m := enumerator.FindString(n); m != "" {
		return m, n[len(m):]
	}
	return "", n
}

// matchScore says how well core matches one of the candidates' cores:
// 0 is an exact match, larger is worse, -1 is no match. A candidate matches
// with a few characters dropped or changed (a misprint a person would still
// recognise) when the edit distance is at most a quarter of its length.
func matchScore(core string, cands []string) int {
	best := -1
	for i, c := range cands {
		if core == c {
			return 0
		}
		if i > 0 && len([]rune(c)) >= 4 && strings.Contains(core, c) {
			// Distinctive substrings (listed after the canonical core).
			if best < 0 || best > 1 {
				best = 1
			}
			continue
		}
		rc := []rune(c)
		if len(rc) < 6 {
			continue // short labels must match exactly
		}
		d := editDistance([]rune(core), rc)
		if d <= len(rc)/4 && (best < 0 || d < best) {
			best = d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b []rune) int {
	if len(a) > 200 || len(b) > 200 {
		if string(a) == string(b) {
			return 0
		}
		return max(len(a), len(b))
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// bestMatch returns the index of the candidate set that matches core best,
// or -1 when none matches or two match equally well (ambiguous).
func bestMatch(core string, n int, cores func(i int) []string) int {
	best, bestScore, tie := -1, -1, false
	for i := 0; i < n; i++ {
		s := matchScore(core, cores(i))
		if s < 0 {
			continue
		}
		switch {
		case best < 0 || s < bestScore:
			best, bestScore, tie = i, s, false
		case s == bestScore:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}
