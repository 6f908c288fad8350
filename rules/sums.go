package rules

import (
	"math"
	"strconv"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/schema"
)

// Num formats a cell value for messages: "12", "3.5". A sum of amounts
// is printed as people add them up, rounded to six decimals: 1.1 + 1.25
// prints 2.35, not the 2.3500000000000001 of binary arithmetic.
func Num(v float64) string {
	if v != math.Trunc(v) && math.Abs(v) < 1e12 {
		v = math.Round(v*1e6) / 1e6
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// sum adds the cells under keys; ok is false unless every one is a number.
func sum(rep *schema.Report, keys []string) (total float64, ok bool) {
	for _, k := range keys {
		c := rep.Cell(k)
		if !c.IsNumber() {
			return 0, false
		}
		total += c.Value
	}
	return total, true
}

func ptr(v float64) *float64 { return &v }

// trimmed is the raw text of a cell without surrounding white space.
func trimmed(raw string) string { return format.TrimCell(raw) }

// checkSum reports total ≠ Σ parts when every cell is a number. It is the
// shape of every "总计" rule.
func checkSum(pass *Pass, total string, parts []string, format string, args func(tot, sum float64) []any) {
	t := pass.Report.Cell(total)
	s, ok := sum(pass.Report, parts)
	if !ok || !t.IsNumber() || t.Value == s {
		return
	}
	pass.Add(Finding{
		Msg:      Message{format, args(t.Value, s)},
		Cell:     total,
		Related:  parts,
		Expected: ptr(s),
		Actual:   ptr(t.Value),
		Equation: &Equation{Left: []string{total}, Right: parts},
	})
}

// sumKeys is a total and its parts, named for messages.
type sumKeys struct {
	name  string // the column or row
	total string
	parts []string
}

// zeroLine reports a line of totals left at 0: every total of sums that
// is a number reads 0, and the parts of at least two of them are numbers
// that add up to more. It is one omission (the line was not filled in),
// not as many wrong sums. totals lists the totals whose parts add up to
// more than 0.
func zeroLine(rep *schema.Report, sums []sumKeys) (totals []string, ok bool) {
	for _, s := range sums {
		t := rep.Cell(s.total)
		if !t.IsNumber() {
			continue
		}
		if t.Value != 0 {
			return nil, false
		}
		if v, ok := sum(rep, s.parts); ok && v > 0 {
			totals = append(totals, s.total)
		}
	}
	return totals, len(totals) >= 2
}

// b2i is 1 for true, for indexing by a flag.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func keys(prefix string, names []string, suffix string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n + suffix
	}
	return out
}
