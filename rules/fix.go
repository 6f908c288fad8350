package rules

import (
	"math"
	"slices"

	"github.com/nianbao/nianbao/schema"
)

// maxFixes is the most alternative fixes offered for one finding; more
// candidates than this means no single number is the likely cause.
const maxFixes = 3

// A Fixer finds single-cell fixes for the arithmetic findings of one
// report. It runs the arithmetic rules once to know which relations
// fail; each candidate change is then checked against every arithmetic
// rule.
type Fixer struct {
	rep    *schema.Report
	arith  []*Rule
	before map[[2]string]bool // the failures before any change, by rule and cell
}

// NewFixer returns a Fixer for rep and the arithmetic rules among rs.
func NewFixer(rep *schema.Report, rs []*Rule) *Fixer {
	x := &Fixer{rep: rep, before: map[[2]string]bool{}}
	for _, r := range rs {
		if r.Arithmetic {
			x.arith = append(x.arith, r)
		}
	}
	for _, g := range Run(rep, x.arith, Options{}) {
		x.before[[2]string{g.Rule, g.Cell}] = true
	}
	return x
}

// Fixes returns the single-cell changes that would make f's equation hold
// without breaking any arithmetic rule of rs that held before; of those,
// only the ones that leave the fewest arithmetic failures. The finding's
// own cell is tried first. Each candidate is a whole non-negative number;
// nil when none exists or when more than maxFixes do. For several
// findings of one report, NewFixer runs the rules once.
func Fixes(rep *schema.Report, f Finding, rs []*Rule) []Fix {
	return NewFixer(rep, rs).Fixes(f)
}

// Fixes is the package's Fixes for a finding of x's report.
func (x *Fixer) Fixes(f Finding) []Fix {
	if f.Equation == nil {
		return nil
	}
	rep := x.rep
	left, okL := sum(rep, f.Equation.Left)
	right, okR := sum(rep, f.Equation.Right)
	if !okL || !okR {
		return nil
	}
	cands := append(append([]string{}, f.Equation.Left...), f.Equation.Right...)
	if i := slices.Index(cands, f.Cell); i > 0 {
		cands = append([]string{f.Cell}, slices.Delete(cands, i, i+1)...)
	}
	own := [2]string{f.Rule, f.Cell}
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
		left, ok := x.remaining(k, to, own)
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

// remaining counts the arithmetic failures once cell key holds v; ok is
// false when one of them failed not before, or is own (the change would
// break a relation that held, or not mend the one it is for).
func (x *Fixer) remaining(key string, v float64, own [2]string) (n int, ok bool) {
	fs := Run(withCell(x.rep, key, v), x.arith, Options{})
	for _, g := range fs {
		if k := [2]string{g.Rule, g.Cell}; !x.before[k] || k == own {
			return 0, false
		}
	}
	return len(fs), true
}
