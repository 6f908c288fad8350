package rules

import (
	"maps"
	"math"
	"slices"

	"github.com/nianbao/nianbao/schema"
)

// A2004 names the one cell behind several failing sums of table 三.
var A2004 = &Rule{
	ID:       "A2004",
	Title:    "Table 3: one wrong cell breaks several sums",
	Doc:      `One wrong number in table 3 usually breaks several relations at once: its column's balance (A2001), its column's results total (A2002) and its row's total (A2003). When one cell, changed to one value, makes every failing relation it takes part in hold without breaking any other, nianbao reports that cell once, with the value that balances everything, instead of the cascade of derived failures. When no single cell explains the failures, they are reported one by one.`,
	Severity: Error,
	Since:    "0.2.0",
	Example:  Example{Bad: "（七）总计 / 自然人 = 16, while the result rows add up to 15, 本年新收+上年结转 = 16 + 0 and 结转下年度 = 1, and the row's 总计 is 92 = 93 − 1", Good: "（七）总计 / 自然人 = 15"},
	Requires: []*Rule{A2001, A2002, A2003},
	Check:    checkRootCause,
	ZH: Texts{
		Title: "表三：一个单元格错误导致多项合计不平",
		Doc:   `表三中一个数字填错，通常会同时破坏几项关系：所在列的平衡（A2001）、所在列的（七）总计（A2002）和所在行的总计（A2003）。如果把某一个单元格改为某个数值，就能让它涉及的所有不成立的关系都成立、且不破坏其他关系，nianbao 只报告这个单元格一次，并给出使全部平衡的数值，而不逐条报告连带的错误。找不到这样的单元格时，逐条报告。`,
		Messages: []Translation{
			{msgA2004, "该数值（%s）使表三 %d 项勾稽关系不成立；改为 %s 后全部成立"},
		},
	},
}

const msgA2004 = "this value (%s) breaks %d relations of table 3; %s makes all of them hold"

// failure is a finding of a rule A2004 requires, with its reference.
type failure struct {
	ref Ref
	f   Finding
}

// failures returns the findings of the rules pass's rule requires, in
// output order.
func failures(pass *Pass) []failure {
	var out []failure
	for _, q := range pass.rule.Requires {
		for _, f := range pass.ResultOf[q] {
			if f.Equation == nil {
				continue // not a wrong sum: a line left at 0
			}
			out = append(out, failure{Ref{q, f.Cell}, f})
		}
	}
	slices.SortStableFunc(out, func(a, b failure) int { return Compare(a.f, b.f) })
	return out
}

func checkRootCause(pass *Pass) {
	r := pass.Report
	open := failures(pass)
	for len(open) >= 2 {
		cell, to, solved := bestSingleCell(r, pass.rule.Requires, open)
		if len(solved) < 2 {
			return
		}
		var related []string
		var sup []Ref
		for _, x := range solved {
			sup = append(sup, x.ref)
			for _, k := range append([]string{x.f.Cell}, x.f.Related...) {
				if k != cell && !slices.Contains(related, k) {
					related = append(related, k)
				}
			}
		}
		from := r.Cell(cell).Value
		pass.Add(Finding{
			Msg:        Message{msgA2004, []any{Num(from), len(solved), Num(to)}},
			Cell:       cell,
			Related:    related,
			Expected:   ptr(to),
			Actual:     ptr(from),
			Equation:   solved[0].f.Equation,
			Supersedes: sup,
		})
		open = slices.DeleteFunc(open, func(x failure) bool {
			return slices.ContainsFunc(solved, func(y failure) bool { return y.ref == x.ref })
		})
	}
}

// bestSingleCell finds the cell whose change resolves the most of the open
// failures of sums (at least two) without breaking a relation that held.
// It returns no cell when two cells do equally well.
func bestSingleCell(r *schema.Report, sums []*Rule, open []failure) (cell string, to float64, solved []failure) {
	before := map[Ref]bool{}
	for _, x := range open {
		before[x.ref] = true
	}
	var cands []string
	for _, x := range open {
		for _, k := range slices.Concat(x.f.Equation.Left, x.f.Equation.Right) {
			if !slices.Contains(cands, k) {
				cands = append(cands, k)
			}
		}
	}
	tie := false
	for _, k := range cands {
		// Every failing relation the cell is in must ask for the same value.
		v, ok := math.NaN(), true
		for _, x := range open {
			w, in := solveFor(r, x.f.Equation, k)
			if !in {
				continue
			}
			if !math.IsNaN(v) && w != v {
				ok = false
			}
			v = w
		}
		if !ok || math.IsNaN(v) || v < 0 || v != math.Trunc(v) || v == r.Cell(k).Value {
			continue
		}
		after := refs(withCell(r, k, v), sums)
		if breaks(after, before) {
			continue // breaks something that held
		}
		var fixed []failure
		for _, x := range open {
			if !after[x.ref] {
				fixed = append(fixed, x)
			}
		}
		switch {
		case len(fixed) > len(solved):
			cell, to, solved, tie = k, v, fixed, false
		case len(fixed) == len(solved) && len(fixed) > 0:
			tie = true
		}
	}
	if tie {
		return "", 0, nil
	}
	return cell, to, solved
}

// breaks reports whether after holds a failure that before does not.
func breaks(after, before map[Ref]bool) bool {
	for ref := range after {
		if !before[ref] {
			return true
		}
	}
	return false
}

// solveFor returns the value of cell k that makes eq hold, and whether k
// is in eq at all.
func solveFor(r *schema.Report, eq *Equation, k string) (float64, bool) {
	left, _ := sum(r, eq.Left)
	right, _ := sum(r, eq.Right)
	old := r.Cell(k).Value
	switch {
	case slices.Contains(eq.Left, k):
		return old + right - left, true
	case slices.Contains(eq.Right, k):
		return old + left - right, true
	}
	return 0, false
}

// withCell returns a shallow copy of r in which cell key holds v.
func withCell(r *schema.Report, key string, v float64) *schema.Report {
	alt := *r
	alt.Cells = maps.Clone(r.Cells)
	c := *r.Cell(key)
	c.Value = v
	alt.Cells[key] = &c
	return &alt
}
