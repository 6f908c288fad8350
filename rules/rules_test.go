package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

func TestRegistry(t *testing.T) {
	if err := Validate(All()); err != nil {
		t.Fatal(err)
	}
	// Every title, doc and message has a Chinese text.
	zh := map[string]bool{}
	for _, tr := range Translations() {
		if tr.ZH == "" || zh[tr.EN] {
			t.Errorf("translation of %q empty or repeated", tr.EN)
		}
		zh[tr.EN] = true
		if strings.Count(tr.EN, "%") != strings.Count(tr.ZH, "%") {
			t.Errorf("verbs differ: %q vs %q", tr.EN, tr.ZH)
		}
	}
	for _, r := range All() {
		if !zh[r.Title] || !zh[r.Doc] {
			t.Errorf("rule %s: title or doc has no Chinese text", r.ID)
		}
	}
}

func TestValidateRejects(t *testing.T) {
	bad := []*Rule{
		{ID: "A2002", Title: "t", Doc: "d", Since: "0", Severity: Error, Check: func(*Pass) {}},
		{ID: "A2001", Title: "t", Doc: "d", Since: "0", Severity: Error, Check: func(*Pass) {}},
		{ID: "Z1", Title: "", Doc: "d", Since: "0", Severity: Error},
	}
	err := Validate(bad)
	if err == nil {
		t.Fatal("Validate accepted unsorted, malformed and incomplete rules")
	}
	for _, want := range []string{"not unique and sorted", "malformed ID", "missing title", "has a Check"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

// balanced returns an in-memory 2021-format report whose every cell is 0:
// all rules hold.
func balanced() *schema.Report {
	r := &schema.Report{
		Path: "r.txt", Format: "txt", Version: format.V2021, R6Split: true,
		Year: 2022, TitleYear: schema.YearRef{Year: 2022}, PeriodYear: schema.YearRef{Year: 2022}, BodyYear: schema.YearRef{Year: 2022},
		Tables: map[string]parser.Pos{format.T2: {Line: 10}, format.T3: {Line: 50}, format.T4: {Line: 300}},
		Cells:  map[string]*schema.Cell{},
	}
	r.Keys = format.KeysFor(r.Version, r.R6Split)
	for i, k := range r.Keys {
		r.Cells[k] = &schema.Cell{Key: k, State: schema.StateNumber, Raw: "0", Kind: format.KindOf(k), Pos: parser.Pos{File: "r.txt", Line: 100 + i}}
	}
	for n := 1; n <= 6; n++ {
		r.Sections = append(r.Sections, schema.Section{Number: n, Pos: parser.Pos{File: "r.txt", Line: n * 50}})
	}
	return r
}

func set(r *schema.Report, key string, v float64) {
	c := r.Cells[key]
	c.State, c.Value, c.Raw = schema.StateNumber, v, fmt.Sprint(v)
}

func setState(r *schema.Report, key string, s schema.State, raw string) {
	c := r.Cells[key]
	c.State, c.Value, c.Raw = s, 0, raw
}

func TestRules(t *testing.T) {
	tests := []ruleCase{
		{"A2001 balanced", A2001, nil, nil},
		{"A2001 column off by one", A2001, func(r *schema.Report) { set(r, "t3.NEW.NP", 1) }, []string{"A2001 t3.R7.NP 1 0"}},
		{"A2001 absent carry-over", A2001, func(r *schema.Report) {
			set(r, "t3.NEW.NP", 1)
			setState(r, "t3.CARRY_OUT.NP", schema.StateBlank, "")
		}, nil},
		{"A2002 balanced", A2002, func(r *schema.Report) { set(r, "t3.R1.BIZ", 2); set(r, "t3.R7.BIZ", 2) }, nil},
		{"A2002 result rows exceed total", A2002, func(r *schema.Report) { set(r, "t3.R6_2.BIZ", 2) }, []string{"A2002 t3.R7.BIZ 2 0"}},
		{"A2002 single R6 row used when not split", A2002, func(r *schema.Report) {
			r.R6Split = false
			r.Cells["t3.R6.BIZ"] = &schema.Cell{Key: "t3.R6.BIZ", State: schema.StateNumber, Value: 3}
		}, []string{"A2002 t3.R7.BIZ 3 0"}},
		{"A2002 absent result cell", A2002, func(r *schema.Report) {
			set(r, "t3.R1.BIZ", 2)
			setState(r, "t3.R2.BIZ", schema.StateNA, "/")
		}, nil},
		{"A2003 row total wrong", A2003, func(r *schema.Report) { set(r, "t3.R1.NP", 1) }, []string{"A2003 t3.R1.TOT 1 0"}},
		{"A2003 absent part", A2003, func(r *schema.Report) {
			set(r, "t3.R1.NP", 1)
			setState(r, "t3.R1.RES", schema.StateBlank, "")
		}, nil},
		{"A3001 reconsideration", A3001, func(r *schema.Report) { set(r, "t4.rev.keep", 1) }, []string{"A3001 t4.rev.total 1 0"}},
		{"A3001 absent", A3001, func(r *schema.Report) { set(r, "t4.rev.keep", 1); setState(r, "t4.rev.fix", schema.StateMissing, "") }, nil},
		{"A3002 direct suits", A3002, func(r *schema.Report) { set(r, "t4.lit_direct.total", 2) }, []string{"A3002 t4.lit_direct.total 0 2"}},
		{"A3002 absent", A3002, func(r *schema.Report) {
			set(r, "t4.lit_direct.total", 2)
			setState(r, "t4.lit_direct.keep", schema.StateText, "二")
		}, nil},
		{"A3003 suits after reconsideration", A3003, func(r *schema.Report) { set(r, "t4.lit_after.pending", 4) }, []string{"A3003 t4.lit_after.total 4 0"}},
		{"A3003 absent", A3003, func(r *schema.Report) {
			set(r, "t4.lit_after.pending", 4)
			setState(r, "t4.lit_after.total", schema.StateBlank, "")
		}, nil},
		{"C1001 all sections", C1001, nil, nil},
		{"C1001 section missing", C1001, func(r *schema.Report) { r.Sections = slices.Delete(r.Sections, 4, 5) }, []string{"C1001 " + msgC1001Missing}},
		{"C1001 heading of 五 lost, its content in 四", C1001, func(r *schema.Report) {
			r.Sections = slices.Delete(r.Sections, 4, 5)
			r.Sections[3].Paragraphs = append(r.Sections[3].Paragraphs, schema.Paragraph{Text: "（一）主要问题"}, schema.Paragraph{Text: "一是公开不够及时。"})
		}, []string{"C1001 " + msgC1001Untitled}},
		{"C1001 a long sentence on problems is no sub-heading", C1001, func(r *schema.Report) {
			r.Sections = slices.Delete(r.Sections, 4, 5)
			r.Sections[3].Paragraphs = append(r.Sections[3].Paragraphs, schema.Paragraph{Text: "（一）本年度行政复议案件中发现的问题已经全部按照复议决定的要求整改完毕并向申请人反馈。"})
		}, []string{"C1001 " + msgC1001Missing}},
		{"C1001 out of order", C1001, func(r *schema.Report) { r.Sections[1], r.Sections[2] = r.Sections[2], r.Sections[1] }, []string{"C1001 " + msgC1001Order}},
		{"C1001 no headings at all", C1001, func(r *schema.Report) { r.Sections = nil }, slices.Repeat([]string{"C1001 " + msgC1001Missing}, 6)},
		{"C1002 all tables", C1002, nil, nil},
		{"C1002 table missing", C1002, func(r *schema.Report) { delete(r.Tables, format.T4) }, []string{"C1002 " + msgC1002}},
		{"C1003 all present", C1003, nil, nil},
		{"C1003 row missing once", C1003, func(r *schema.Report) {
			for _, c := range format.T3Columns {
				setState(r, "t3.R3_4."+c, schema.StateMissing, "")
			}
		}, []string{"C1003 " + msgC1003Row}},
		{"C1003 one cell missing", C1003, func(r *schema.Report) { setState(r, "t3.R3_4.LAW", schema.StateMissing, "") }, []string{"C1003 t3.R3_4.LAW"}},
		{"C1003 absent table is C1002's", C1003, func(r *schema.Report) {
			delete(r.Tables, format.T4)
			for _, k := range r.Keys {
				if strings.HasPrefix(k, "t4.") {
					setState(r, k, schema.StateMissing, "")
				}
			}
		}, nil},
		{"C1004 no blanks", C1004, nil, nil},
		{"C1004 counted per table", C1004, func(r *schema.Report) {
			setState(r, "t3.R1.NP", schema.StateBlank, "")
			setState(r, "t3.R2.NP", schema.StateBlank, " ")
			setState(r, "t2.a1.reg.issued", schema.StateNA, "/")
		}, []string{"C1004 " + msgC1004NA, "C1004 " + msgC1004Blank}},
		{"C1004 missing is not blank", C1004, func(r *schema.Report) { setState(r, "t3.R1.NP", schema.StateMissing, "") }, nil},
		{"C1005 numbers", C1005, nil, nil},
		{"C1005 text", C1005, func(r *schema.Report) { setState(r, "t3.R1.NP", schema.StateText, "1件") }, []string{"C1005 t3.R1.NP"}},
		{"C1005 blank is not text", C1005, func(r *schema.Report) { setState(r, "t3.R1.NP", schema.StateBlank, "") }, nil},
		{"C1006 none", C1006, nil, nil},
		{"C1006 unknown row", C1006, func(r *schema.Report) {
			r.Issues = append(r.Issues, schema.Issue{Kind: schema.IssueUnknownRow, Table: format.T2, Label: "其他主动公开文件"})
		}, []string{"C1006 " + msgC1006Row}},
		{"C1006 columns of one header are one finding", C1006, func(r *schema.Report) {
			at := parser.Pos{File: "x.md", Line: 97}
			for _, l := range []string{"类别", "数据1", "数据2"} {
				r.Issues = append(r.Issues, schema.Issue{Kind: schema.IssueUnknownColumn, Table: format.T3, Label: l, Pos: at})
			}
			r.Issues = append(r.Issues, schema.Issue{Kind: schema.IssueUnknownColumn, Table: format.T3, Label: "备注", Pos: parser.Pos{File: "x.md", Line: 120}})
		}, []string{"C1006 " + msgC1006Cols, "C1006 " + msgC1006Col}},
		{"C1007 split as the format says", C1007, nil, nil},
		{"C1007 single row in 2021 format", C1007, func(r *schema.Report) {
			r.R6Split = false
			r.Issues = append(r.Issues, schema.Issue{Kind: schema.IssueOtherR6Layout, Table: format.T3})
		}, []string{"C1007 " + msgC1007Single}},
		{"M1001 matches", M1001, nil, nil},
		{"M1001 outdated template", M1001, func(r *schema.Report) { r.Version = format.V2019 }, []string{"M1001 " + msgM1001Old}},
		{"M1001 2021 format too early", M1001, func(r *schema.Report) { r.Year = 2020 }, []string{"M1001 " + msgM1001New}},
		{"M1001 legacy year", M1001, func(r *schema.Report) { r.Year = 2017 }, []string{"M1001 " + msgM1001Legacy}},
		{"M1001 no year", M1001, func(r *schema.Report) { r.Year, r.Version = 0, format.V2019 }, nil},
		{"M1002 agree", M1002, nil, nil},
		{"M1002 body differs", M1002, func(r *schema.Report) { r.BodyYear.Year = 2021 }, []string{"M1002 " + msgM1002}},
		{"M1002 only title", M1002, func(r *schema.Report) { r.PeriodYear.Year, r.BodyYear.Year = 0, 0 }, nil},
		{"M1003 known", M1003, nil, nil},
		{"M1003 unknown", M1003, func(r *schema.Report) { r.Version = format.VUnknown }, []string{"M1003 " + msgM1003None}},
		{"P0002 none", P0002, nil, nil},
		{"P0002 short row", P0002, func(r *schema.Report) {
			r.Issues = append(r.Issues, schema.Issue{Kind: schema.IssueUnreadableRow, Table: format.T3, Label: "（二）部分公开", Found: 5, Want: 8})
		}, []string{"P0002 " + msgP0002Row}},
		{"P0002 many short rows, one finding", P0002, func(r *schema.Report) {
			for i, row := range []string{"NEW", "CARRY_IN", "R1", "R2"} {
				r.Issues = append(r.Issues, schema.Issue{Kind: schema.IssueUnreadableRow, Table: format.T3, Row: "t3." + row, Label: row,
					Found: 3, Want: 8, Pos: parser.Pos{File: "r.txt", Line: 100 + i}})
			}
		}, []string{"P0002 " + msgP0002Rows}},
		{"P0002 merged rows, one finding", P0002, func(r *schema.Report) {
			for _, row := range []string{"R6_1", "R6_2"} {
				r.Issues = append(r.Issues, schema.Issue{Kind: schema.IssueMergedRows, Table: format.T3, Row: "t3." + row, Label: "1.…2.…", Found: 2, Pos: parser.Pos{File: "r.pdf", Line: 40}})
			}
		}, []string{"P0002 " + msgP0002Merged}},
		{"C1003 merged rows are not missing", C1003, func(r *schema.Report) {
			for _, row := range []string{"R6_1", "R6_2"} {
				r.Issues = append(r.Issues, schema.Issue{Kind: schema.IssueMergedRows, Table: format.T3, Row: "t3." + row, Found: 2})
				for _, c := range format.T3Columns {
					setState(r, "t3."+row+"."+c, schema.StateMissing, "")
				}
			}
		}, nil},
		{"C1003 rows lost with short rows, one finding", C1003, func(r *schema.Report) {
			r.Issues = append(r.Issues, schema.Issue{Kind: schema.IssueUnreadableRow, Table: format.T3, Row: "t3.NEW", Found: 3, Want: 8})
			for _, row := range []string{"NEW", "R3_1", "R3_2", "R3_3"} {
				for _, c := range format.T3Columns {
					setState(r, "t3."+row+"."+c, schema.StateMissing, "")
				}
			}
		}, []string{"C1003 " + msgC1003Rows}},
	}
	runCases(t, tests)
}

// ruleCase runs one rule over the balanced report after mutate, and
// expects the findings described by want ("RULE cell expected actual",
// "RULE cell" or "RULE message-format").
type ruleCase struct {
	name   string
	rule   *Rule
	mutate func(r *schema.Report)
	want   []string
}

func runCases(t *testing.T, tests []ruleCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := balanced()
			if tt.mutate != nil {
				tt.mutate(r)
			}
			var got []string
			for _, f := range Run(r, []*Rule{tt.rule}, Options{}) {
				got = append(got, describe(f, tt.want))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// describe renders a finding in the form the test expects: with the cell
// and values for cell findings, else with the message format.
func describe(f Finding, want []string) string {
	if f.Expected != nil {
		return fmt.Sprintf("%s %s %s %s", f.Rule, f.Cell, Num(*f.Expected), Num(*f.Actual))
	}
	if f.Cell != "" {
		return f.Rule + " " + f.Cell
	}
	return f.Rule + " " + f.Msg.Format
}

func TestEachBlank(t *testing.T) {
	r := balanced()
	setState(r, "t3.R1.NP", schema.StateBlank, "")
	setState(r, "t3.R2.NP", schema.StateNA, "—")
	fs := Run(r, []*Rule{C1004}, Options{EachBlank: true})
	if len(fs) != 2 || fs[0].Cell != "t3.R1.NP" || fs[1].Cell != "t3.R2.NP" || fs[1].Msg.Args[0] != "—" {
		t.Errorf("findings %+v", fs)
	}
}

func TestFixes(t *testing.T) {
	var arith []*Rule
	for _, r := range All() {
		if r.Arithmetic {
			arith = append(arith, r)
		}
	}
	r := balanced()
	set(r, "t4.rev.keep", 1) // total 0 should be 1, or keep 1 should be 0
	fs := Run(r, arith, Options{})
	if len(fs) != 1 {
		t.Fatalf("findings %+v", fs)
	}
	got := Fixes(r, fs[0], All())
	want := []Fix{{"t4.rev.total", 0, 1}, {"t4.rev.keep", 1, 0}}
	if !slices.Equal(got, want) {
		t.Errorf("fixes %v, want %v", got, want)
	}
	// Two cells wrong: no single change helps without breaking a relation
	// that held (t3.R7 row total), so nothing is offered.
	r = balanced()
	set(r, "t3.R7.NP", 1)
	set(r, "t3.R7.TOT", 1)
	fs = Run(r, arith, Options{})
	if len(fs) != 4 {
		t.Fatalf("findings %+v", fs)
	}
	for _, f := range fs {
		if fx := Fixes(r, f, All()); fx != nil {
			t.Errorf("%s on %s: fixes %v, want none", f.Rule, f.Cell, fx)
		}
	}
	// One cell wrong in a relation that other relations pin down: the only
	// fix offered is that cell.
	r = balanced()
	set(r, "t3.R7.NP", 1)
	fs = Run(r, arith, Options{})
	for _, f := range fs {
		if fx := Fixes(r, f, All()); !slices.Equal(fx, []Fix{{"t3.R7.NP", 1, 0}}) {
			t.Errorf("%s on %s: fixes %v, want t3.R7.NP 1→0", f.Rule, f.Cell, fx)
		}
	}
}

func TestSelect(t *testing.T) {
	ids := func(rs []*Rule) string {
		var s []string
		for _, r := range rs {
			s = append(s, r.ID)
		}
		return strings.Join(s, ",")
	}
	for spec, want := range map[string]string{
		"A200?":                 "A2001,A2002,A2003,A2004,A2005,A2006,P0001",
		"all,-C1*,-A*,-N*":      "M1001,M1002,M1003,M1004,M1005,P0001,P0002,P0003,X1001,X1002,X1003,X1004,X1005,X1006,X1007",
		"-C*,-A*,-M*,-N*,-X*":   "P0001,P0002,P0003",
		"a3001":                 "A3001,P0001",
		"A2001,C1004,M100[1-3]": "A2001,C1004,M1001,M1002,M1003,P0001",
	} {
		rs, err := Select(All(), spec)
		if err != nil || ids(rs) != want {
			t.Errorf("Select(%q) = %s, %v; want %s", spec, ids(rs), err, want)
		}
	}
	if _, err := Select(All(), "Q9*"); err == nil {
		t.Error("Select accepted a pattern that matches nothing")
	}
}

// TestFindingCarriesCells checks that a finding carries the cells it names
// as they were when it was made, so that printers need no report: changing
// the report afterwards changes nothing in the finding.
func TestFindingCarriesCells(t *testing.T) {
	r := balanced()
	set(r, "t3.NEW.NP", 5)
	set(r, "t3.R7.NP", 4)
	fs := Run(r, []*Rule{A2001}, Options{})
	if len(fs) != 1 {
		t.Fatalf("want one A2001 finding, got %d", len(fs))
	}
	f := fs[0]
	if len(f.Cells) != len(f.Related) || len(f.Cells) == 0 {
		t.Fatalf("cells %d for %d related keys", len(f.Cells), len(f.Related))
	}
	for i, k := range f.Related {
		c, want := f.Cells[i], r.Cells[k]
		if c.Key != k || c.State != want.State || c.Value != want.Value || c.Raw != want.Raw || c.Pos != want.Pos {
			t.Errorf("cell %d: %+v, report has %+v", i, c, *want)
		}
	}
	newNP := slices.Index(f.Related, "t3.NEW.NP")
	if newNP < 0 {
		t.Fatalf("t3.NEW.NP not among %q", f.Related)
	}
	set(r, "t3.NEW.NP", 7)
	if f.Cells[newNP].Value != 5 {
		t.Errorf("the finding's cell follows the report: %v", f.Cells[newNP].Value)
	}
}

// TestNarrativeBelowWrittenParts checks a narrative figure against a blank
// 总计 cell: below what the applicant columns already hold it is wrong
// whatever the blanks are; above it nothing is decided (上海 2019: "予以公开
// 及部分公开258件" against rows of 258+12+1+1 and 3 whose totals are blank).
func TestNarrativeBelowWrittenParts(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"对收到的申请，予以公开及部分公开258件。", 1},
		{"对收到的申请，予以公开及部分公开275件。", 0},
		{"对收到的申请，予以公开及部分公开300件。", 0},
		{"对收到的申请，不予公开及无法提供3件。", 0},
		{"对收到的申请，不予公开及无法提供4件。", 1},
	} {
		r := balanced()
		for _, k := range []string{"t3.R1.TOT", "t3.R2.TOT", "t3.R1.RES", "t3.R1.NGO", "t3.R2.BIZ", "t3.R2.RES"} {
			setState(r, k, schema.StateBlank, "")
		}
		set(r, "t3.R1.NP", 258)
		set(r, "t3.R1.BIZ", 12)
		set(r, "t3.R1.LAW", 1)
		set(r, "t3.R1.OTH", 1)
		set(r, "t3.R2.NP", 3)
		set(r, "t3.R3_1.TOT", 1)
		set(r, "t3.R4_1.TOT", 2)
		r.Sections[2].Text = tt.text
		r.Sections[2].Paragraphs = []schema.Paragraph{{Text: tt.text, Pos: r.Sections[2].Pos}}
		fs := Run(r, []*Rule{N1005}, Options{})
		if len(fs) != tt.want {
			t.Errorf("%q: %d findings, want %d", tt.text, len(fs), tt.want)
			continue
		}
		if tt.want == 1 && strings.Contains(tt.text, "258") && (fs[0].Msg.Format != msgNarrativeLeast || fs[0].Msg.Args[3] != "275" || len(fs[0].Cells) != 5) {
			t.Errorf("%q: %s %v with %d cells", tt.text, fs[0].Msg.Format, fs[0].Msg.Args, len(fs[0].Cells))
		}
	}
}

// TestZeroLines checks that a total column or a （七）总计 row left at 0
// while its parts are filled is one finding, not a wrong sum per row or
// column (nor an unbalanced column per column, A2001), and that a single
// wrong 0 is still a wrong sum.
func TestZeroLines(t *testing.T) {
	all := []*Rule{A2001, A2002, A2003, A2004, A2005}
	count := func(fs []Finding) map[string]int {
		n := map[string]int{}
		for _, f := range fs {
			n[f.Rule+" "+f.Msg.Format]++
		}
		return n
	}
	// Table 三 filled: 2 applications of natural persons disclosed, one
	// of a business; the totals as they should be.
	filled := func() *schema.Report {
		r := balanced()
		for _, k := range []string{"t3.NEW", "t3.R1", "t3.R7"} {
			set(r, k+".NP", 2)
			set(r, k+".BIZ", 1)
			set(r, k+".TOT", 3)
		}
		return r
	}
	r := filled()
	for _, row := range []string{"NEW", "R1", "R7"} {
		set(r, "t3."+row+".TOT", 0)
	}
	if got := count(Run(r, all, Options{})); len(got) != 1 || got["A2003 "+msgA2003Zero] != 1 {
		t.Errorf("total column at 0: %v", got)
	}
	r = filled()
	for _, col := range format.T3Columns {
		set(r, "t3.R7."+col, 0)
	}
	if got := count(Run(r, all, Options{})); len(got) != 1 || got["A2002 "+msgA2002Zero] != 1 {
		t.Errorf("row (7) at 0: %v", got)
	}
	r = filled()
	set(r, "t3.R1.TOT", 0)
	// One wrong 0 breaks its row and its column: the root cause (A2004).
	if got := count(Run(r, all, Options{})); got["A2004 "+msgA2004] != 1 || got["A2003 "+msgA2003Zero] != 0 {
		t.Errorf("one total at 0: %v", got)
	}
}

// TestDocumentKind checks that a document with no section and no table is
// one C1013 finding, and tables without a number one C1014 finding, each
// standing for the findings the other rules would make of it.
func TestDocumentKind(t *testing.T) {
	empty := &schema.Report{Path: "n.txt", Cells: map[string]*schema.Cell{}, Tables: map[string]parser.Pos{}}
	fs := Run(empty, All(), Options{})
	if len(fs) != 1 || fs[0].Rule != "C1013" {
		t.Errorf("no section, no table: %v", fs)
	}
	blank := balanced()
	for _, c := range blank.Cells {
		c.State, c.Raw = schema.StateBlank, ""
	}
	fs = Run(blank, All(), Options{})
	if len(fs) != 1 || fs[0].Rule != "C1014" || fs[0].Severity != Error {
		t.Errorf("blank tables: %v", fs)
	}
	if fs := Run(balanced(), []*Rule{C1013, C1014}, Options{}); len(fs) != 0 {
		t.Errorf("a filled report: %v", fs)
	}
}

// TestPublicationDate checks the places and spellings of the date a report
// is signed or published with.
func TestPublicationDate(t *testing.T) {
	for _, tt := range []struct {
		preamble, last []string
		want           string
	}{
		{nil, []string{"某某镇人民政府", "2021年1月20日"}, "2021-01-20"},
		{nil, []string{"某某镇人民政府　　2021年1月20日"}, "2021-01-20"},
		{nil, []string{"某某镇人民政府", "二〇二二年一月二十日"}, "2022-01-20"},
		{nil, []string{"二〇二二年十二月三十一日"}, "2022-12-31"},
		{nil, []string{"2023-01-15"}, "2023-01-15"},
		{[]string{"来源：某某县人民政府 发布时间: 2022-02-08 16:34 浏览次数：12"}, []string{"无。"}, "2022-02-08"},
		{[]string{"发布日期：2022年01月28日"}, []string{"无。"}, "2022-01-28"},
		{nil, []string{"本年度，我镇于2022年3月5日召开会议，部署政务公开工作，并在年底前完成全部任务。"}, ""},
		{nil, []string{"2022年2月30日"}, ""},
	} {
		r := balanced()
		for _, p := range tt.preamble {
			r.Preamble = append(r.Preamble, schema.Paragraph{Text: p})
		}
		s := &r.Sections[len(r.Sections)-1]
		for _, p := range tt.last {
			s.Paragraphs = append(s.Paragraphs, schema.Paragraph{Text: p})
		}
		got := ""
		if d, _, ok := publicationDate(r); ok {
			got = d.Format("2006-01-02")
		}
		if got != tt.want {
			t.Errorf("%q %q: %q, want %q", tt.preamble, tt.last, got, tt.want)
		}
	}
}

// TestNum checks that amounts print as people write them.
func TestNum(t *testing.T) {
	for v, want := range map[float64]string{12: "12", 3.5: "3.5", 1.1 + 1.25: "2.35", 0.1 + 0.2: "0.3", 103.3879: "103.3879", -3: "-3", 1e15: "1000000000000000"} {
		if got := Num(v); got != want {
			t.Errorf("Num(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestNarrativeParts checks that a figure after "其中" is a part, not the
// total, and that a sentence about what one body did for another is no
// claim about the table, while the same figures stated as totals are.
func TestNarrativeParts(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"本年度共办结政府信息公开申请3件，其中公开答复2件，无法提供1件。", 0},
		{"区政府办代表区政府受理政府信息公开申请12件。", 0},
		{"本年度共办结政府信息公开申请2件。", 1},
		{"全年共受理政府信息公开申请12件。", 1},
	} {
		r := balanced()
		set(r, "t3.NEW.NP", 3)
		set(r, "t3.NEW.TOT", 3)
		set(r, "t3.R7.NP", 3)
		set(r, "t3.R7.TOT", 3)
		set(r, "t3.R4_1.NP", 1)
		set(r, "t3.R4_1.TOT", 1)
		r.Sections[2].Text = tt.text
		r.Sections[2].Paragraphs = []schema.Paragraph{{Text: tt.text, Pos: r.Sections[2].Pos}}
		if fs := Run(r, []*Rule{N1001, N1003, N1005}, Options{}); len(fs) != tt.want {
			t.Errorf("%q: %d findings, want %d: %v", tt.text, len(fs), tt.want, fs)
		}
	}
}

// TestPreambleParts checks the count of the parts a preamble lists, with
// the conjunctions real preambles use.
func TestPreambleParts(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况以及其他需要报告的事项六个部分。", 0},
		{"本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开申请行政复议、提起行政诉讼的情况、政府信息公开工作存在的主要问题及改进情况和其他需要报告的事项等六个部分。", 0},
		{"本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。", 1},
		{"本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项五部分组成。", 1},
	} {
		r := balanced()
		r.Preamble = []schema.Paragraph{{Text: tt.text}}
		if fs := Run(r, []*Rule{C1012}, Options{}); len(fs) != tt.want {
			t.Errorf("%q: %d findings, want %d: %v", tt.text, len(fs), tt.want, fs)
		}
	}
}

// TestWrongColumnMove checks that moving applications between columns is
// offered as the fix only when every relation of table 三 then holds; with
// another failure in the table, the finding names the rows to look at and
// suggests no change.
func TestWrongColumnMove(t *testing.T) {
	wrongColumn := func() *schema.Report {
		r := balanced()
		set(r, "t3.NEW.NP", 2) // one of them belongs to 其他
		set(r, "t3.NEW.TOT", 2)
		for _, row := range []string{"R1", "R7"} {
			set(r, "t3."+row+".NP", 1)
			set(r, "t3."+row+".OTH", 1)
			set(r, "t3."+row+".TOT", 2)
		}
		return r
	}
	all := []*Rule{A2001, A2002, A2003, A2005}
	fs := Run(wrongColumn(), all, Options{})
	if len(fs) != 1 || fs[0].Msg.Format != msgA2005Move || fs[0].Cell != "t3.NEW.OTH" {
		t.Fatalf("wrong column alone: %v", fs)
	}
	r := wrongColumn()
	set(r, "t3.NEW.RES", 1) // and a 科研机构 application missing from the results
	set(r, "t3.NEW.TOT", 3)
	set(r, "t3.R7.RES", 1)
	set(r, "t3.R7.TOT", 3)
	for _, f := range Run(r, all, Options{}) {
		if f.Msg.Format == msgA2005Move {
			t.Errorf("a move offered as the fix while another relation fails: %v", f)
		}
	}
}

// TestDateFromProperties checks that a file saved in the year after the
// report year stands in for a date the text does not give, and one saved
// in another year (the template's date) does not.
func TestDateFromProperties(t *testing.T) {
	for saved, want := range map[string]int{"": 1, "2023-01-18": 0, "2025-12-08": 1, "2022-06-01": 1} {
		r := balanced()
		if saved != "" {
			r.Saved, _ = time.Parse("2006-01-02", saved)
		}
		if fs := Run(r, []*Rule{M1004}, Options{}); len(fs) != want {
			t.Errorf("saved %q: %d findings, want %d", saved, len(fs), want)
		}
	}
}
