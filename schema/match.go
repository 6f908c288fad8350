package schema

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/nianbao/nianbao/format"
)

// splitLabel normalises s and splits off its leading enumerator: "一、",
// "(一)", "(一)、", "1.", "1、", "(1)".
func splitLabel(s string) (enum, core string) {
	n := format.NormalizeLabel(s)
	if k := enumeratorLen(n); k > 0 {
		return n[:k], n[k:]
	}
	return "", n
}

// enumeratorLen returns the length in bytes of the enumerator that starts
// the normalised label n, or 0.
func enumeratorLen(n string) int {
	numeral := func(r rune) bool { return strings.ContainsRune("一二三四五六七八九十", r) }
	digit := func(r rune) bool { return r >= '0' && r <= '9' }
	// run returns the end of the run of runes at i that satisfy ok.
	run := func(i int, ok func(rune) bool) int {
		for i < len(n) {
			r, size := utf8.DecodeRuneInString(n[i:])
			if !ok(r) {
				break
			}
			i += size
		}
		return i
	}
	after := func(i int, seps string) int {
		if r, size := utf8.DecodeRuneInString(n[i:]); i < len(n) && strings.ContainsRune(seps, r) {
			return i + size
		}
		return -1
	}
	if strings.HasPrefix(n, "(") {
		end := run(1, func(r rune) bool { return numeral(r) || digit(r) })
		if end == 1 || end >= len(n) || n[end] != ')' {
			return 0
		}
		if j := after(end+1, "、."); j > 0 {
			return j
		}
		return end + 1
	}
	if end := run(0, numeral); end > 0 {
		return max(after(end, "、."), 0)
	}
	if end := run(0, digit); end > 0 {
		return max(after(end, ".、"), 0)
	}
	return 0
}

// matchScore says how well core matches one of the candidates' cores:
// 0 is an exact match, larger is worse, -1 is no match. A candidate matches
// with a few characters dropped or changed (a misprint a person would still
// recognise, format.Misprint).
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
		if d, ok := format.Misprint(core, c); ok && (best < 0 || d < best) {
			best = d
		}
	}
	return best
}

// bestMatch returns the index of the candidate set that matches core best,
// or -1 when none matches or two match equally well (ambiguous).
func bestMatch(core string, n int, cores func(i int) []string) int {
	// Most labels are written as the format has them: look for an exact
	// match first, and measure distances only when there is none.
	exact := -1
	for i := 0; i < n; i++ {
		if cs := cores(i); len(cs) > 0 && cs[0] == core || len(cs) > 1 && slices.Contains(cs[1:], core) {
			if exact >= 0 {
				return -1
			}
			exact = i
		}
	}
	if exact >= 0 {
		return exact
	}
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
