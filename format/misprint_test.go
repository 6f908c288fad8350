package format

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The misprints real reports print (testdata/layouts/real, issue 18), and
// what must not pass for one.
func TestMisprint(t *testing.T) {
	for _, c := range []struct {
		label, word string
		ok          bool
	}{
		{"本年废纸件数", "本年废止件数", true},  // 公安局 2021
		{"现行有效件", "现行有效件数", true},   // one character left out
		{"现在行有效件数", "现行有效件数", true}, // one added
		{"行政事业型收费", "行政事业性收费", true},
		{"本年制发件数", "本年废止件数", false}, // two changed: another column
		{"规章", "规定", false},         // short words match exactly
		{"现行有效", "现行有效件数", false},
	} {
		if _, ok := Misprint(c.label, c.word); ok != c.ok {
			t.Errorf("Misprint(%q, %q) = %v, want %v", c.label, c.word, ok, c.ok)
		}
	}
	if d := EditDistance("吴中区人民政府", "苏州市吴中区人民政府"); d != 3 {
		t.Errorf("EditDistance = %d, want 3", d)
	}
}

// TestMisprintLengthBounds: refusing by byte length first decides as the
// character count does, for labels of one-, two-, three- and four-byte
// characters at every length around the bounds.
func TestMisprintLengthBounds(t *testing.T) {
	slow := func(label, word string) (int, bool) {
		n := utf8.RuneCountInString(word)
		if n < 6 {
			return 0, false
		}
		if diff := utf8.RuneCountInString(label) - n; diff > n/4 || -diff > n/4 {
			return 0, false
		}
		if d := EditDistance(label, word); d <= n/4 {
			return d, true
		}
		return 0, false
	}
	for _, word := range []string{"本年废止件数", "现行有效件数", "政府信息公开申请数量", "abcdefghijklmnop", "a𠀀c𠀀e𠀀g"} {
		for _, unit := range []string{"a", "é", "件", "𠀀"} {
			for k := 0; k <= 2*utf8.RuneCountInString(word)+2; k++ {
				for _, label := range []string{strings.Repeat(unit, k), word[:len(word)/2] + strings.Repeat(unit, k), strings.Repeat(unit, k) + word} {
					d, ok := Misprint(label, word)
					wd, wok := slow(label, word)
					if d != wd || ok != wok {
						t.Fatalf("Misprint(%q, %q) = %d, %v; want %d, %v", label, word, d, ok, wd, wok)
					}
				}
			}
		}
	}
}

// TestMisprintAsEditDistance: Misprint decides as the whole edit distance
// does, and gives it when it accepts, for every pair of the format's labels
// with characters dropped, added and changed.
func TestMisprintAsEditDistance(t *testing.T) {
	words := []string{"本年废止件数", "现行有效件数", "政府信息公开申请数量", "行政事业性收费", "本年新收政府信息公开申请数量", "abcdefghij"}
	var labels []string
	for _, w := range words {
		r := []rune(w)
		labels = append(labels, w)
		for i := range r {
			labels = append(labels, string(r[:i])+string(r[i+1:]), string(r[:i])+"错"+string(r[i:]), string(r[:i])+"错"+string(r[i+1:]))
			for j := i + 1; j < len(r); j++ {
				labels = append(labels, string(r[:i])+"甲"+string(r[i+1:j])+"乙"+string(r[j+1:]))
			}
		}
	}
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		for _, l := range labels {
			d, ok := Misprint(l, w)
			full := EditDistance(l, w)
			if ok != (n >= 6 && full <= n/4) || ok && d != full {
				t.Fatalf("Misprint(%q, %q) = %d, %v; the edit distance is %d", l, w, d, ok, full)
			}
		}
	}
}
