package lint

import (
	"slices"
	"strings"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/schema"
)

// Aggregate is the district total of a batch: every cell summed over the
// reports in which it is a number.
//
// Blank is not 0 here either. The sum of a cell is a number in Report, and
// takes part in the table checks, only when every report whose format has
// the cell gave a number for it; otherwise the partial sum is kept in Sum
// and the cell is blank in Report, so that no check runs on it.
type Aggregate struct {
	// Files is the number of readable reports.
	Files int
	// Keys lists the cells of every format met, in template order.
	Keys []string
	// Sum is the sum of each cell over the reports where it is a number.
	Sum map[string]float64
	// Count is the number of reports where the cell is a number.
	Count map[string]int
	// Want is the number of reports whose format has the cell.
	Want map[string]int
	// Report holds the complete sums as a report that the arithmetic
	// rules have been run on.
	Report *schema.Report
	// Findings are those of the arithmetic rules on Report.
	Findings []rules.Finding

	versions map[format.Version]int
	split    [2]int // reports with one (六) row, with three
}

// r6Folded is the pseudo-row of the aggregate that adds table 三's
// （六）其他处理 across layouts: R6 where a report has one row, R6_1+R6_2+R6_3
// where it has three.
const r6Folded = "R6*"

func newAggregate() *Aggregate {
	return &Aggregate{Sum: map[string]float64{}, Count: map[string]int{}, Want: map[string]int{}, versions: map[format.Version]int{}}
}

func (a *Aggregate) add(rep *schema.Report) {
	a.Files++
	a.versions[rep.Version]++
	if rep.R6Split {
		a.split[1]++
	} else {
		a.split[0]++
	}
	for _, k := range rep.Keys {
		a.Want[k]++
		if c := rep.Cell(k); c.IsNumber() {
			a.Sum[k] += c.Value
			a.Count[k]++
		}
	}
	for _, col := range format.T3Columns {
		k := format.T3 + "." + r6Folded + "." + col
		a.Want[k]++
		rows := []string{"R6"}
		if rep.R6Split {
			rows = []string{"R6_1", "R6_2", "R6_3"}
		}
		var s float64
		ok := true
		for _, r := range rows {
			c := rep.Cell(format.T3 + "." + r + "." + col)
			ok = ok && c.IsNumber()
			s += c.Value
		}
		if ok {
			a.Sum[k] += s
			a.Count[k]++
		}
	}
}

// finish builds Report and runs the arithmetic rules of rs on it.
func (a *Aggregate) finish(rs []*rules.Rule, opts rules.Options) {
	seen := map[string]bool{}
	for _, k := range slices.Concat(format.KeysFor(format.V2019, false), format.KeysFor(format.V2021, true)) {
		if !seen[k] && a.Want[k] > 0 {
			seen[k] = true
			a.Keys = append(a.Keys, k)
		}
	}
	slices.SortStableFunc(a.Keys, func(x, y string) int { return strings.Compare(x[:2], y[:2]) })
	rep := &schema.Report{Cells: map[string]*schema.Cell{}, Tables: map[string]parser.Pos{}, Version: format.VUnknown}
	if len(a.versions) == 1 {
		for v := range a.versions {
			rep.Version = v
		}
	}
	mixed := a.split[0] > 0 && a.split[1] > 0
	rep.R6Split = a.split[1] > 0 && !mixed
	rep.Keys = format.KeysFor(rep.Version, rep.R6Split)
	for _, k := range rep.Keys {
		src := k
		if mixed && strings.HasPrefix(k, format.T3+".R6.") {
			src = format.T3 + "." + r6Folded + strings.TrimPrefix(k, format.T3+".R6")
		}
		c := &schema.Cell{Key: k, Kind: format.KindOf(k), State: schema.StateMissing}
		switch {
		case a.Want[src] == 0:
		case a.Count[src] == a.Want[src]:
			c.State, c.Value = schema.StateNumber, a.Sum[src]
		default:
			c.State = schema.StateBlank
		}
		rep.Cells[k] = c
	}
	a.Report = rep
	var arith []*rules.Rule
	for _, r := range rs {
		if r.Arithmetic && r.Check != nil {
			arith = append(arith, r)
		}
	}
	a.Findings = rules.Run(rep, arith, opts)
}
