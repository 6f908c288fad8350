package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/internal/testsupport/batchgen"
	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/rules"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func load(t *testing.T, name string) *batchgen.Source {
	t.Helper()
	s, err := batchgen.Load("../testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// lastYear turns a rendered report into the previous year's.
func lastYear(s string, y int) string {
	return strings.ReplaceAll(s, itoa(y)+"年", itoa(y-1)+"年")
}

func itoa(y int) string {
	return string(rune('0'+y/1000)) + string(rune('0'+y/100%10)) + string(rune('0'+y/10%10)) + string(rune('0'+y%10))
}

func byRule(fs []rules.Finding, id string) []rules.Finding {
	var out []rules.Finding
	for _, f := range fs {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	return out
}

// Pairs of reports, this year's and last year's: matching by agency, the
// carry-over per column, documents in force, the copied text, and the
// reports on either side without a match.
func TestCrossYear(t *testing.T) {
	dir := t.TempDir()
	seed, clean := load(t, "seed-2020.txt"), load(t, "v2021-clean.txt")

	// 2020 report of 清凉峰镇 and its 2019 report: carried over as carried in,
	// except one more natural person and one column blank.
	carry := map[string]float64{}
	var numbered []string
	for _, col := range []string{"NP", "BIZ", "RES", "NGO", "LAW", "OTH", "TOT"} {
		if c := seed.Report.Cell("t3.CARRY_IN." + col); c.IsNumber() {
			carry["t3.CARRY_OUT."+col] = c.Value
			numbered = append(numbered, col)
		}
	}
	if len(numbered) < 2 || numbered[0] != "NP" {
		t.Fatalf("seed carries in %v", numbered)
	}
	carry["t3.CARRY_OUT.NP"] += 2
	write(t, filepath.Join(dir, "2020", "清凉峰镇2020年报.txt"), seed.Render("清凉峰镇", nil, nil))
	write(t, filepath.Join(dir, "2019", "清凉峰镇人民政府2019年报.txt"), lastYear(seed.Render("清凉峰镇人民政府", carry, nil), 2020))

	// 2022 report of a street office (2021 format) and its 2021 report:
	// normative documents in force 10 more than last year's count allows.
	inf := func(row string) float64 {
		return clean.Report.Cell("t2.a1."+row+".inforce").Value - clean.Report.Cell("t2.a1."+row+".issued").Value + clean.Report.Cell("t2.a1."+row+".repealed").Value
	}
	prev := map[string]float64{"t2.a1.reg.inforce": inf("reg"), "t2.a1.norm.inforce": inf("norm") + 10}
	for _, col := range []string{"NP", "BIZ", "RES", "NGO", "LAW", "OTH", "TOT"} {
		prev["t3.CARRY_OUT."+col] = clean.Report.Cell("t3.CARRY_IN." + col).Value
	}
	write(t, filepath.Join(dir, "2020", "某街道2022.txt"), clean.Render("某街道", nil, nil))
	write(t, filepath.Join(dir, "2019", "某街道2021.txt"), lastYear(clean.Render("某街道", prev, nil), 2022))

	// Unmatched on both sides.
	write(t, filepath.Join(dir, "2020", "新设镇2020年报.txt"), seed.Render("新设镇", nil, nil))
	write(t, filepath.Join(dir, "2019", "撤并乡2019年报.txt"), lastYear(seed.Render("撤并乡", nil, nil), 2020))

	opts := lint.DefaultOptions()
	opts.Prev = []string{filepath.Join(dir, "2019")}
	b, err := lint.RunBatch(context.Background(), []string{filepath.Join(dir, "2020")}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Files) != 3 {
		t.Fatalf("%d files", len(b.Files))
	}
	fresh, street, town := b.Files[0], b.Files[1], b.Files[2]
	if !strings.HasSuffix(town.Path, "清凉峰镇2020年报.txt") || !strings.HasSuffix(fresh.Path, "新设镇2020年报.txt") {
		t.Fatalf("order: %s %s %s", street.Path, fresh.Path, town.Path)
	}

	x1001 := byRule(town.Findings, "X1001")
	if len(x1001) != 1 || x1001[0].Cell != "t3.CARRY_IN.NP" || *x1001[0].Expected != carry["t3.CARRY_OUT.NP"] || *x1001[0].Actual != carry["t3.CARRY_OUT.NP"]-2 {
		t.Errorf("X1001: %+v", x1001)
	}
	if x := byRule(town.Findings, "X1003"); len(x) != 1 || x[0].Msg.Args[0].(int) < 95 || x[0].Msg.Args[2].(int) < 100 {
		t.Errorf("X1003 (text copied from last year): %+v", x)
	}
	if x := byRule(town.Findings, "X1004"); len(x) != 0 {
		t.Errorf("X1004 for a matched report: %+v", x)
	}
	x1002 := byRule(street.Findings, "X1002")
	if len(x1002) != 1 || x1002[0].Cell != "t2.a1.norm.inforce" {
		t.Errorf("X1002: %+v", x1002)
	}
	if x := byRule(street.Findings, "X1001"); len(x) != 0 {
		t.Errorf("X1001 on balanced carry-over: %+v", x)
	}
	if x := byRule(fresh.Findings, "X1004"); len(x) != 1 {
		t.Errorf("X1004 for an agency without last year's report: %+v", fresh.Findings)
	}
	if len(b.PrevUnmatched) != 1 || b.PrevUnmatched[0].Agency != "撤并乡" || b.PrevUnmatched[0].Year != 2019 {
		t.Errorf("unmatched %+v", b.PrevUnmatched)
	}
	// Within the batch, 新设镇 and 清凉峰镇 share their text.
	if x := byRule(fresh.Findings, "X1005"); len(x) != 1 || !strings.Contains(x[0].Msg.Args[1].(string), "清凉峰镇") {
		t.Errorf("X1005: %+v", x)
	}

	// Without --prev no cross-year rule runs; --checks can turn them off.
	opts.Prev = nil
	b, err = lint.RunBatch(context.Background(), []string{filepath.Join(dir, "2020")}, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range b.Files {
		for _, fd := range f.Findings {
			if fd.Rule >= "X1001" && fd.Rule <= "X1004" {
				t.Errorf("%s without --prev", fd.Rule)
			}
		}
	}
}

// Two files for one agency and year, and the name taken from the file
// when the title lacks it.
func TestDuplicatesAndFileName(t *testing.T) {
	dir := t.TempDir()
	seed := load(t, "seed-2020.txt")
	write(t, filepath.Join(dir, "a", "清凉峰镇2020年报.txt"), seed.Render("清凉峰镇", nil, nil))
	write(t, filepath.Join(dir, "b", "清凉峰镇（重报）.txt"), seed.Render("清凉峰镇", nil, nil))
	untitled := strings.Replace(seed.Render("清凉峰镇", nil, nil), "清凉峰镇2020年政府信息公开工作年度报告", "政府信息公开工作年度报告", 1)
	write(t, filepath.Join(dir, "c", "龙岗镇2020年报.txt"), untitled)
	b, err := lint.RunBatch(context.Background(), []string{dir}, lint.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if x := byRule(b.Files[i].Findings, "X1006"); len(x) != 1 {
			t.Errorf("%s: X1006 %+v", b.Files[i].Path, x)
		}
	}
	c := b.Files[2].Report
	if c.Agency != "龙岗镇" || c.Year != 2020 {
		t.Errorf("from the file name: agency %q year %d", c.Agency, c.Year)
	}
	if x := byRule(b.Files[2].Findings, "X1006"); len(x) != 0 {
		t.Errorf("X1006 for another agency: %+v", x)
	}
}

// BenchmarkRunBatch checks a generated folder of 200 reports with two jobs.
func BenchmarkRunBatch(b *testing.B) {
	dir := b.TempDir()
	files, err := batchgen.Generate(dir, "../testdata", 200)
	if err != nil {
		b.Fatal(err)
	}
	opts := lint.DefaultOptions()
	opts.Jobs = 2
	opts.Retain = lint.RetainCells
	opts.Aggregate = true
	b.ResetTimer()
	for b.Loop() {
		res, err := lint.RunBatch(context.Background(), []string{dir}, opts)
		if err != nil || len(res.Files) != len(files) {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(files)*b.N)/b.Elapsed().Seconds(), "files/s")
}
