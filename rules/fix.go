package rules

import (
	"math"
	"slices"

	"github.com/nianbao/nianbao/schema"
)

// maxFixes is the most alternative fixes offered for one finding; more
// candidates than this means no single number is the likely cause.
const maxFixes = 3

// Fixes returns the single-cell changes that would make f's equation hold
// without breaking any arithmetic rule of rs that held before; of those,
// only the ones that leave the fewest arithmetic failures. The finding's own cell is
// tried first. Each candidate is a whole non-negative number; nil when none
// exists or when more than maxFixes do.
func Fixes(rep *schema.Report, f Finding, rs []*Rule) []Fix {
	if f.Equation == nil {
		return nil
	}
	var arith []*Rule
	for _, r := range rs {
		if r.Arithmetic {
			arith = append(arith, r)
		}
	}
	left, okL := sum(rep, f.Equation.Left)
	right, okR := sum(rep, f.Equation.Right)
	if !okL || !okR {
		return nil
	}
	cands := append(append([]string{}, f.Equation.Left...), f.Equation.Right...)
	if i := slices.Index(cands, f.Cell); i > 0 {
		cands = append([]string{f.Cell}, slices.Delete(cands, i, i+1)...)
	}
	before := map[[2]string]bool{}
	for _, g := range Run(rep, arith, Options{}) {
		before[[2]string{g.Rule, g.Cell}] = true
	}
	delete(before, [2]string{f.Rule, f.Cell})
	var fixes []Fix
	best := -1 // fewest failures left by a fix so far
	for _, k := range cands {
		old := rep.Cell(k).Value
		var to float64
		if slices.Contains(f.Equation.Left, k) {
			to = old + right - left
		} else {
			to = old + left - right
		}
		if to < 0 || to != math.Trunc(to) || to == old {
			continue
		}
		left, ok := remaining(rep, k, to, arith, before)
		switch {
		case !ok || best >= 0 && left > best:
		case best < 0 || left < best:
			best, fixes = left, []Fix{{Cell: k, From: old, To: to}}
		default:
			fixes = append(fixes, Fix{Cell: k, From: old, To: to})
		}
	}
	if len(fixes) > maxFixes {
		return nil
	}
	return fixes
}

// remaining counts the failures of rs once cell key holds v; ok is false
// when one of them is not among the failures in before (the change would
// break a relation that held).
func remaining(rep *schema.Report, key string, v float64, rs []*Rule, before map[[2]string]bool) (n int, ok bool) {
	fs := Run(withCell(rep, key, v), rs, Options{})
	for _, g := range fs {
		if !before[[2]string{g.Rule, g.Cell}] {
			return 0, false
		}
	}
	return len(fs), true
}
