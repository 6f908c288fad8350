package rules

import (
	"slices"
	"strings"

	"github.com/nianbao/nianbao/format"
)

// A2005 recognises an application booked in the wrong applicant column.
var A2005 = &Rule{
	ID:       "A2005",
	Title:    "Table 3: an application booked in the wrong applicant column",
	Doc:      `When two applicant columns of table 3 fail the balance of A2001 by opposite amounts (one short by n, the other over by n) while the 总计 column balances, the most likely cause is n applications counted under the wrong kind of applicant in one row. nianbao reports this once, names the two columns, and the row where moving n applications from one column to the other makes every relation of the table hold, instead of two balance errors.`,
	Severity: Error,
	Since:    "0.2.0",
	Example:  Example{Bad: "自然人 60+0 ≠ 61+0, 其他 1+0 ≠ 0+0, 总计 62 = 62", Good: "本年新收: 自然人 61, 其他 0"},
	Requires: []*Rule{A2001, A2002, A2003},
	Check:    checkWrongColumn,
	ZH: Texts{
		Title: "表三：申请记错了申请人类别",
		Doc:   `表三中两个申请人列的平衡（A2001）相差的数额相反（一列少 n、另一列多 n），而总计列平衡时，最可能的原因是某一行有 n 件申请记错了申请人类别。nianbao 只报告一次，指出这两列，以及把 n 件申请从一列移到另一列即可使全表平衡的那一行，而不是报告两个平衡错误。`,
		Messages: []Translation{
			{msgA2005, "%s列与%s列的平衡分别相差 %s 和 %s，而总计列平衡：可能有 %s 件申请记错了申请人类别"},
			{msgA2005Rows, "%s列与%s列的平衡分别相差 %s 和 %s，而总计列平衡：可能有 %s 件申请记错了申请人类别，错误在以下某一行：%s"},
			{msgA2005Move, "%s列与%s列的平衡分别相差 %s 和 %s，而总计列平衡：可能有 %s 件申请记错了申请人类别；将“%s”行的这些申请从%s列移到%s列，所有勾稽关系即成立"},
		},
	},
}

const (
	msgA2005     = "columns %s and %s fail the balance by %s and %s while the total column balances: %s application(s) seem to be counted under the wrong kind of applicant"
	msgA2005Rows = "columns %s and %s fail the balance by %s and %s while the total column balances: %s application(s) seem to be counted under the wrong kind of applicant, in one of the rows %s"
	msgA2005Move = "columns %s and %s fail the balance by %s and %s while the total column balances: %s application(s) seem to be counted under the wrong kind of applicant; moving them in row %s from %s to %s makes every relation hold"
)

func checkWrongColumn(pass *Pass) {
	r := pass.Report
	balance := pass.ResultOf[A2001]
	if slices.ContainsFunc(balance, func(f Finding) bool { return f.Cell == "t3.R7.TOT" }) {
		return
	}
	if _, ok := sum(r, []string{"t3.NEW.TOT", "t3.CARRY_IN.TOT", "t3.R7.TOT", "t3.CARRY_OUT.TOT"}); !ok {
		return // the total column is not known to balance
	}
	diff := map[string]float64{} // (results + carried over) − (new + carried in)
	for _, f := range balance {
		diff[f.Cell] = *f.Actual - *f.Expected
	}
	cols := format.T3PartColumns
	for i, a := range cols {
		for _, b := range cols[i+1:] {
			da, db := diff["t3.R7."+a], diff["t3.R7."+b]
			if da == 0 || da != -db {
				continue
			}
			// short has too little on its incoming side (新收 + 上年结转)
			// by n, over too much by n.
			short, over, n := a, b, da
			if da < 0 {
				short, over, n = b, a, -da
			}
			args := []any{ColRef(a), ColRef(b), signed(-da), signed(-db), Num(n)}
			sup := []Ref{{A2001, "t3.R7." + a}, {A2001, "t3.R7." + b}}
			moves, whole := findMoves(pass, short, over, n)
			if len(whole) == 1 {
				// The one move after which every relation holds.
				m := whole[0]
				if m.row == "R7" {
					sup = append(sup, Ref{A2002, "t3.R7." + a}, Ref{A2002, "t3.R7." + b})
				}
				pass.Add(Finding{
					Msg:        Message{msgA2005Move, append(args, RowRef("t3."+m.row), ColRef(m.src), ColRef(m.dst))},
					Cell:       "t3." + m.row + "." + m.dst,
					Related:    related("t3."+m.row+"."+m.src, "t3.R7."+a, "t3.R7."+b),
					Supersedes: sup,
				})
				continue
			}
			if len(moves) > 0 {
				var rows []string
				for _, m := range moves {
					rows = append(rows, "t3."+m.row)
				}
				pass.Add(Finding{Msg: Message{msgA2005Rows, append(args, RowsRef(strings.Join(rows, ",")))}, Cell: "t3.R7." + a, Related: []string{"t3.R7." + b}, Supersedes: sup})
				continue
			}
			pass.Add(Finding{Msg: Message{msgA2005, args}, Cell: "t3.R7." + a, Related: []string{"t3.R7." + b}, Supersedes: sup})
		}
	}
}

// move is n applications moved in one row from column src to column dst.
type move struct{ row, src, dst string }

// findMoves returns the rows where moving n applications between the two
// columns clears both balance failures and breaks nothing that held (A2001–
// A2003 run again with the move): on the incoming rows (新收, 上年结转) they
// move from over to short, on 结转下年度 from short to over. whole lists
// those after which every relation of table 三 holds: only such a move is
// offered as the fix (when it is the only one); the others are only where
// to look.
func findMoves(pass *Pass, short, over string, n float64) (moves, whole []move) {
	r := pass.Report
	before := map[Ref]bool{}
	for _, x := range failures(pass) {
		before[x.ref] = true
	}
	delete(before, Ref{A2001, "t3.R7." + short})
	delete(before, Ref{A2001, "t3.R7." + over})
	// （七）总计 itself may hold the misbooking: moving there clears its
	// row sums (A2002) too.
	for _, rw := range []string{"NEW", "CARRY_IN", "CARRY_OUT", "R7"} {
		s, d := over, short
		if rw == "CARRY_OUT" || rw == "R7" {
			s, d = short, over
		}
		sc, dc := r.Cell("t3."+rw+"."+s), r.Cell("t3."+rw+"."+d)
		if !sc.IsNumber() || !dc.IsNumber() || sc.Value < n {
			continue
		}
		after := refs(withCell(withCell(r, sc.Key, sc.Value-n), dc.Key, dc.Value+n), pass.rule.Requires)
		if breaks(after, before) {
			continue
		}
		moves = append(moves, move{rw, s, d})
		if len(after) == 0 {
			whole = append(whole, move{rw, s, d})
		}
	}
	return moves, whole
}

// signed formats a difference with its sign: "+1", "-1".
func signed(v float64) string {
	if v > 0 {
		return "+" + Num(v)
	}
	return Num(v)
}

// related lists keys once each, in order: a move in （七）总计 itself names
// one of its cells twice.
func related(keys ...string) []string {
	var out []string
	for _, k := range keys {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}
