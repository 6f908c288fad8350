package format

import "unicode/utf8"

// Misprint reports whether label is word with a few characters dropped,
// added or changed — a misprint a person would still recognise ("本年废纸件数"
// for 本年废止件数, "现行有效件" for 现行有效件数) — and how far it is from
// word (the edit distance; only when ok). Words of fewer than six characters
// must match exactly; longer ones allow a distance of a quarter of their
// length. The parser (header labels of text tables) and the schema (row and
// column labels) use the same measure, so that a label one of them takes is
// not refused by the other.
func Misprint(label, word string) (distance int, ok bool) {
	n := utf8.RuneCountInString(word)
	if n < 6 {
		return 0, false
	}
	k := n / 4
	// The distance is at least the difference in length. A label has at
	// most as many characters as bytes and at least a quarter as many: most
	// labels too long or too short are refused without counting.
	if len(label) < n-k || (len(label)+3)/4 > n+k {
		return 0, false
	}
	var la, wa [64]rune
	return MisprintRunes(AppendRunes(la[:0], label), AppendRunes(wa[:0], word))
}

// MisprintRunes is Misprint for a label and a word given as their
// characters, for a caller that holds them already.
func MisprintRunes(label, word []rune) (distance int, ok bool) {
	n := len(word)
	if n < 6 {
		return 0, false
	}
	k := n / 4
	if diff := len(label) - n; diff > k || -diff > k {
		return 0, false
	}
	return editWithin(label, word, k)
}

// AppendRunes appends the characters of s to dst, as []rune(s) has them:
// with dst on the stack, a short text is decoded without allocating.
func AppendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// editWithin returns the Levenshtein distance between a and b and true when
// it is at most k; false as soon as it must be more. Each row of the table
// has a minimum no smaller than the row before's, so the first row whose
// minimum passes k settles it: a label that is no misprint of the word is
// refused after a few rows, and short texts need no allocation.
func editWithin(a, b []rune, k int) (int, bool) {
	var pb, cb [65]int
	prev, cur := pb[:0], cb[:0]
	if len(b)+1 > len(pb) {
		prev, cur = make([]int, 0, len(b)+1), make([]int, 0, len(b)+1)
	}
	prev, cur = prev[:len(b)+1], cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low > k {
			return 0, false
		}
		prev, cur = cur, prev
	}
	if d := prev[len(b)]; d <= k {
		return d, true
	}
	return 0, false
}

// EditDistance is the Levenshtein distance between a and b, in
// characters. Texts longer than 200 characters are only compared for
// equality.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 200 || len(rb) > 200 {
		if a == b {
			return 0
		}
		return max(len(ra), len(rb))
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
