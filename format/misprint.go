package format

import "unicode/utf8"

// Misprint reports whether label is word with a few characters dropped,
// added or changed — a misprint a person would still recognise ("本年废纸件数"
// for 本年废止件数, "现行有效件" for 现行有效件数) — and how far it is from
// word (the edit distance). Words of fewer than six characters must match
// exactly; longer ones allow a distance of a quarter of their length. The
// parser (header labels of text tables) and the schema (row and column
// labels) use the same measure, so that a label one of them takes is not
// refused by the other.
func Misprint(label, word string) (distance int, ok bool) {
	n := utf8.RuneCountInString(word)
	if n < 6 {
		return 0, false
	}
	// The distance is at least the difference in length. A label has at
	// most as many characters as bytes and at least a quarter as many: most
	// labels too long or too short are refused without counting.
	if len(label) < n-n/4 || (len(label)+3)/4 > n+n/4 {
		return 0, false
	}
	if diff := utf8.RuneCountInString(label) - n; diff > n/4 || -diff > n/4 {
		return 0, false
	}
	d := EditDistance(label, word)
	return d, d <= n/4
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
