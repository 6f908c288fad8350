package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nianbao/nianbao/internal/testsupport/batchgen"
	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"
)

// TestDistrictFolder checks a generated folder of 220 reports (valid,
// broken in known ways, unreadable, .docx copies, near-copies) in one run
// and reads every output back.
func TestDistrictFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 220 reports")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "reports")
	files, err := batchgen.Generate(in, "../../testdata", 220)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	o := func(name string) string { return filepath.Join(out, name) }
	start := time.Now()
	stdout, stderr, code := runCmd(t, "check", in, "--jobs", "2", "-o", o("审核.xlsx"), "-o", o("审核.html"),
		"-o", o("问题.csv"), "-o", o("问题.sarif"), "-o", o("结果.json"))
	elapsed := time.Since(start)
	t.Logf("%d reports checked and 5 outputs written in %v (%.0f files/s)", len(files), elapsed, float64(len(files))/elapsed.Seconds())
	if code != exitFindings || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, fmt.Sprintf("共检查 %d 个文件", len(files))) || strings.Count(stdout, "\n") != 1 {
		t.Errorf("stdout with -o should be the summary line only: %q", stdout)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 5 {
		t.Errorf("%d files in the output folder, want 5 (no temporary files left)", len(entries))
	}

	// JSON: every input accounted for, in order.
	var js struct {
		Files []struct {
			Path, Agency string
			Year         int
			Findings     []struct{ Rule, Severity, Cell string }
		}
	}
	if err := json.Unmarshal(mustRead(t, o("结果.json")), &js); err != nil {
		t.Fatal(err)
	}
	if len(js.Files) != len(files) {
		t.Fatalf("%d files in JSON, want %d", len(js.Files), len(files))
	}
	nFindings := 0
	for i, f := range files {
		g := js.Files[i]
		nFindings += len(g.Findings)
		rules, cells := map[string]bool{}, map[string]bool{}
		for _, fd := range g.Findings {
			rules[fd.Rule] = true
			if strings.HasPrefix(fd.Rule, "A2") && fd.Severity == "error" {
				cells[fd.Cell] = true
			}
		}
		if g.Path != f.Path {
			t.Fatalf("file %d: %s, want %s", i, g.Path, f.Path)
		}
		switch f.Kind {
		case batchgen.Unreadable:
			if !rules["P0001"] {
				t.Errorf("%s: no P0001", f.Path)
			}
		case batchgen.Broken:
			if !cells["t3.R7.TOT"] {
				t.Errorf("%s: rules %v, want an arithmetic error on t3.R7.TOT", f.Path, rules)
			}
		case batchgen.NearCopy:
			if !rules["X1005"] {
				t.Errorf("%s: rules %v, want X1005", f.Path, rules)
			}
		case batchgen.Copy:
			if !rules["X1006"] {
				t.Errorf("%s: rules %v, want X1006 (same agency and year as the fixture's other copies)", f.Path, rules)
			}
		default:
			if len(cells) > 0 || rules["X1005"] {
				t.Errorf("%s: rules %v", f.Path, rules)
			}
		}
		if f.Kind != batchgen.Unreadable && (g.Agency != f.Agency || g.Year != f.Year) {
			t.Errorf("%s: agency %q year %d, want %q %d", f.Path, g.Agency, g.Year, f.Agency, f.Year)
		}
	}

	checkWorkbook(t, o("审核.xlsx"), files)

	// CSV: a BOM, then a header and one row per finding.
	b := mustRead(t, o("问题.csv"))
	if !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Error("CSV lacks the UTF-8 BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != nFindings+1 || recs[0][0] != "文件" {
		t.Errorf("CSV: %d records, want %d; header %v", len(recs), nFindings+1, recs[0])
	}

	// SARIF 2.1.0.
	var sarif struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct{ Rules []struct{ ID string } }
			}
			Results []struct {
				RuleID    string
				Level     string
				Locations []struct {
					PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
				}
			}
		}
	}
	if err := json.Unmarshal(mustRead(t, o("问题.sarif")), &sarif); err != nil {
		t.Fatal(err)
	}
	if sarif.Version != "2.1.0" || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) != nFindings || len(sarif.Runs[0].Tool.Driver.Rules) == 0 {
		t.Errorf("SARIF: version %q, %d runs", sarif.Version, len(sarif.Runs))
	}
	for _, r := range sarif.Runs[0].Results {
		if r.Level != "error" && r.Level != "warning" && r.Level != "note" || r.Locations[0].PhysicalLocation.ArtifactLocation.URI == "" {
			t.Fatalf("SARIF result %+v", r)
		}
	}

	checkHTML(t, o("审核.html"), files)
}

// checkWorkbook reads the workbook back: sheet names, one row per file in
// 汇总 and 数据 with the values written, and 合计 equal to the sums
// computed here from what the generator wrote.
func checkWorkbook(t *testing.T, path string, files []batchgen.File) {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := strings.Join(x.GetSheetList(), " "); got != "汇总 问题清单 数据 合计 说明" {
		t.Fatalf("sheets %s", got)
	}
	sum, err := x.GetRows("汇总")
	if err != nil {
		t.Fatal(err)
	}
	if len(sum) < len(files)+1 || strings.Join(sum[0], " ") != "文件 机关 年度 格式版本 错误 警告 提示 状态" {
		t.Fatalf("汇总: %d rows, header %v", len(sum), sum[0])
	}
	for i, f := range files {
		row := sum[i+1]
		if row[0] != f.Path {
			t.Fatalf("汇总 row %d: %s, want %s", i+2, row[0], f.Path)
		}
		status := row[7]
		switch f.Kind {
		case batchgen.Unreadable:
			if status != "无法读取" {
				t.Errorf("%s: status %s", f.Path, status)
			}
		case batchgen.Broken:
			if status != "有错误" || row[4] == "0" {
				t.Errorf("%s: status %s, errors %s", f.Path, status, row[4])
			}
		default:
			if row[1] != f.Agency || row[2] != strconv.Itoa(f.Year) {
				t.Errorf("%s: agency %s year %s", f.Path, row[1], row[2])
			}
		}
	}
	if p, err := x.GetPanes("汇总"); err != nil || !p.Freeze || p.YSplit != 1 {
		t.Errorf("汇总: header not frozen: %+v %v", p, err)
	}
	if a := x.GetActiveSheetIndex(); x.GetSheetName(a) != "汇总" {
		t.Errorf("the workbook opens on %q, want 汇总", x.GetSheetName(a))
	}

	findings, err := x.GetRows("问题清单")
	if err != nil {
		t.Fatal(err)
	}
	// The columns of the CSV: file, agency, year, rule, severity, table,
	// row, column, cell, expected, actual, message, location.
	if got := strings.Join(findings[0], " "); got != "文件 机关 年度 规则 级别 表 行 列 单元格 应为 实为 说明 位置" {
		t.Fatalf("问题清单 header %s", got)
	}
	a2001 := 0
	for _, r := range findings[1:] {
		if len(r) > 9 && strings.HasPrefix(r[3], "A2") && r[6] == "（七）总计" && r[7] == "总计" {
			a2001++
			if r[8] != "t3.R7.TOT" {
				t.Errorf("问题清单: key %q for （七）总计 / 总计", r[8])
			}
			if _, err := strconv.ParseFloat(r[9], 64); err != nil {
				t.Errorf("问题清单: expected value %q is not a number", r[9])
			}
		}
	}
	// Each file name in 汇总 leads to its first finding.
	for i := range files {
		cell := fmt.Sprintf("A%d", i+2)
		ok, target, err := x.GetCellHyperLink("汇总", cell)
		if err != nil || !ok {
			if sum[i+1][4]+sum[i+1][5]+sum[i+1][6] != "000" {
				t.Errorf("汇总 %s has findings but no link (%v)", cell, err)
			}
			continue
		}
		var row int
		if _, err := fmt.Sscanf(target, "'问题清单'!A%d", &row); err != nil || row < 2 || row > len(findings) || findings[row-1][0] != files[i].Path {
			t.Errorf("汇总 %s links to %q, not to a finding of %s", cell, target, files[i].Path)
		} else if row > 2 && findings[row-2][0] == files[i].Path {
			t.Errorf("汇总 %s links to %q, not to the file's first finding", cell, target)
		}
	}
	// Printed on A4 with the header on every page.
	for _, sh := range []string{"汇总", "问题清单", "数据"} {
		pl, err := x.GetPageLayout(sh)
		if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" {
			t.Errorf("%s: page %+v (%v), want A4 (9) landscape", sh, pl, err)
		}
	}
	titles := 0
	for _, dn := range x.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles++
		}
	}
	if titles < 4 {
		t.Errorf("%d sheets repeat their header on printed pages, want 4", titles)
	}
	about, err := x.GetRows("说明")
	if err != nil {
		t.Fatal(err)
	}
	var aboutText strings.Builder
	for _, r := range about {
		aboutText.WriteString(strings.Join(r, " ") + "\n")
	}
	for _, want := range []string{"生成程序 nianbao ", "生成时间 ", "输入 ", fmt.Sprintf("共 %d 个文件", len(files))} {
		if !strings.Contains(aboutText.String(), want) {
			t.Errorf("说明 lacks %q:\n%s", want, aboutText.String())
		}
	}
	broken := 0
	for _, f := range files {
		if f.Kind == batchgen.Broken {
			broken++
		}
	}
	if a2001 < broken {
		t.Errorf("问题清单: %d rows on （七）总计 / 总计 for %d broken reports", a2001, broken)
	}

	// 数据: row 1 holds the names, row 2 the cell keys, then one row per
	// file; file and agency stay in view.
	data, err := x.GetRows("数据")
	if err != nil {
		t.Fatal(err)
	}
	if data[0][0] != "文件" || data[1][0] != "file" || !strings.Contains(strings.Join(data[0], " "), "本年新收政府信息公开申请数量") {
		t.Errorf("数据: rows 1–2 start %v / %v", data[0][:min(6, len(data[0]))], data[1][:min(6, len(data[1]))])
	}
	if p, err := x.GetPanes("数据"); err != nil || !p.Freeze || p.XSplit != 2 || p.YSplit != 2 {
		t.Errorf("数据: panes %+v %v, want file and agency columns and two header rows frozen", p, err)
	}
	col := map[string]int{}
	for j, k := range data[1] {
		if k != "" {
			col[k] = j
		}
	}
	for i, f := range files {
		row := data[i+2]
		if row[0] != f.Path {
			t.Fatalf("数据 row %d: %s", i+3, row[0])
		}
		for _, k := range f.Keys {
			j, ok := col[k]
			if !ok {
				t.Fatalf("数据: no column for %s", k)
			}
			got := ""
			if j < len(row) {
				got = row[j]
			}
			v, isNum := f.Cells[k]
			if isNum {
				if g, err := strconv.ParseFloat(got, 64); err != nil || g != v {
					t.Fatalf("数据 %s %s = %q, want %v", f.Path, k, got, v)
				}
			} else if _, err := strconv.ParseFloat(got, 64); err == nil {
				t.Fatalf("数据 %s %s = %q, want no number", f.Path, k, got)
			}
		}
		// Numbers are stored as numbers.
		if j, ok := col["t3.NEW.TOT"]; ok && f.Kind == batchgen.Valid && f.Year == 2022 {
			c, _ := excelize.CoordinatesToCellName(j+1, i+3)
			if typ, _ := x.GetCellType("数据", c); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Errorf("数据 %s is stored as type %v, not a number", c, typ)
			}
		}
	}

	// 合计: the sums and counts, computed here from the generator's record.
	want, count, have := map[string]float64{}, map[string]int{}, map[string]int{}
	for _, f := range files {
		for _, k := range f.Keys {
			have[k]++
		}
		for k, v := range f.Cells {
			want[k] += v
			count[k]++
		}
	}
	total, err := x.GetRows("合计")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, r := range total[1:] {
		if len(r) < 7 || !strings.HasPrefix(r[0], "t") {
			continue
		}
		k := r[0]
		seen++
		n, _ := strconv.Atoi(r[5])
		h, _ := strconv.Atoi(r[6])
		if n != count[k] || h != have[k] {
			t.Errorf("合计 %s: %d of %d reports, want %d of %d", k, n, h, count[k], have[k])
		}
		if count[k] > 0 {
			if g, err := strconv.ParseFloat(r[4], 64); err != nil || math.Abs(g-want[k]) > 1e-9 {
				t.Errorf("合计 %s = %q, want %v", k, r[4], want[k])
			}
		}
	}
	if seen != len(have) {
		t.Errorf("合计 lists %d cells, the reports have %d", seen, len(have))
	}
	// The table checks on the sums: the 2019-format reports leave cells of
	// table 三 blank, so A2001 on the total column runs only if every report
	// gave the four cells, and then fails exactly when the sums do.
	keys := []string{"t3.NEW.TOT", "t3.CARRY_IN.TOT", "t3.R7.TOT", "t3.CARRY_OUT.TOT"}
	complete := true
	for _, k := range keys {
		complete = complete && count[k] == have[k]
	}
	unbalanced := want[keys[0]]+want[keys[1]] != want[keys[2]]+want[keys[3]]
	var checks strings.Builder
	for _, r := range total {
		if len(r) > 12 {
			checks.WriteString(strings.Join(r[9:], " ") + "\n")
		}
	}
	gotA2001 := strings.Contains(checks.String(), "A2001 错误 表三 （七）总计 / 总计")
	if gotA2001 != (complete && unbalanced) {
		t.Errorf("合计 checks: A2001 on the total column %v, want %v (complete %v, unbalanced %v):\n%s", gotA2001, complete && unbalanced, complete, unbalanced, checks.String())
	}
}

// checkHTML parses the page: tags balanced, one section per file in order,
// no external resource.
func checkHTML(t *testing.T, path string, files []batchgen.File) {
	t.Helper()
	b := mustRead(t, path)
	z := html.NewTokenizer(bytes.NewReader(b))
	void := map[string]bool{"meta": true, "br": true, "img": true, "link": true, "hr": true, "input": true, "col": true}
	var stack []string
	var sections []string
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				t.Fatal(z.Err())
			}
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken:
			for _, a := range tok.Attr {
				if (a.Key == "src" || a.Key == "href" && tok.Data == "link") && !strings.HasPrefix(a.Val, "#") {
					t.Errorf("external resource %s=%q", a.Key, a.Val)
				}
				if tok.Data == "section" && a.Key == "id" {
					sections = append(sections, a.Val)
				}
			}
			if !void[tok.Data] {
				stack = append(stack, tok.Data)
			}
		case html.EndTagToken:
			if len(stack) == 0 || stack[len(stack)-1] != tok.Data {
				t.Fatalf("</%s> does not close <%v>", tok.Data, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Errorf("unclosed elements %v", stack)
	}
	if len(sections) != len(files) {
		t.Errorf("%d file sections, want %d", len(sections), len(files))
	}
	doc := string(b)
	for i, f := range files {
		if !strings.Contains(doc, `<section class="file st-`) || !strings.Contains(doc, html.EscapeString(f.Path)) {
			t.Errorf("file %d %s missing from the page", i, f.Path)
		}
	}
	if !strings.Contains(doc, `class="c-num sev-error`) || !strings.Contains(doc, " rel") {
		t.Error("no highlighted or related cell in the page")
	}
}

// Ctrl-C: nothing is written, not even a partial file.
func TestInterruptWritesNothing(t *testing.T) {
	inRepo(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"nianbao", "check", "testdata", "-o", filepath.Join(dir, "a.xlsx"), "-o", filepath.Join(dir, "a.html")}, &stdout, &stderr)
	if code != exitError || !strings.Contains(stderr.String(), "已中断，未写入任何文件") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d files written after an interrupt", len(entries))
	}
}

func TestOutputFlags(t *testing.T) {
	inRepo(t)
	dir := t.TempDir()
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"check", "-o", filepath.Join(dir, "x.pdf"), "testdata/seed-2020.txt"}, exitError, "无法从扩展名判断格式"},
		{[]string{"check", "--format", "pdf", "testdata/seed-2020.txt"}, exitError, "没有 \"pdf\" 这种格式"},
		{[]string{"check", "-o", filepath.Join(dir, "no-such-dir", "x.csv"), "testdata/seed-2020.txt"}, exitError, filepath.Join(dir, "no-such-dir", "x.csv") + "：文件或目录不存在"},
		{[]string{"check", "--format", "csv", "--fail-on", "error", "--checks", "A*", "testdata/v2021-clean.txt"}, exitOK, ""},
	}
	for _, tt := range tests {
		_, stderr, code := runCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%v: exit %d: %s", tt.args, code, stderr)
		}
	}
	// --format with -o also writes to stdout; a file name may hold a comma.
	out := filepath.Join(dir, "a,b.json")
	stdout, _, _ := runCmd(t, "check", "--format", "sarif", "-o", out, "testdata/seed-2020.txt")
	if !strings.Contains(stdout, `"version": "2.1.0"`) {
		t.Errorf("stdout %.100s", stdout)
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
}

// TestGoldenBatch runs the cross-year and cross-file checks on committed
// pairs: testdata/prev holds last year's reports of 清凉峰镇 (two more
// applications carried over than this year carries in) and of the street
// office (documents in force that do not add up), and one agency with no
// report this year. Every output format but the workbook (read back in
// TestDistrictFolder) is compared byte for byte.
func TestGoldenBatch(t *testing.T) {
	inRepo(t)
	args := []string{"--prev", "testdata/prev", "testdata/seed-2020.txt", "testdata/seed-2020-r7-total.txt", "testdata/seed-2022-outdated.txt", "testdata/v2021-clean.txt", "testdata/v2021-inforce.txt"}
	for _, j := range []struct{ name, format string }{
		{"batch-prev.check.golden", "text"}, {"batch-prev.check.json.golden", "json"},
		{"batch-prev.check.csv.golden", "csv"}, {"batch-prev.check.sarif.golden", "sarif"}, {"batch-prev.check.html.golden", "html"},
	} {
		t.Run(j.name, func(t *testing.T) {
			got, stderr, code := runCmd(t, append([]string{"check", "--format", j.format}, args...)...)
			if code == exitError {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			checkGolden(t, j.name, got)
		})
	}
}

// Ctrl-C while an output file is written: the write stops, the previous
// file is left as it was and no temporary file remains.
func TestInterruptWhileWriting(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "findings.html")
	const previous = "the previous output\n"
	if err := os.WriteFile(path, []byte(previous), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	err := writeOutput(ctx, path, func(w io.Writer) error {
		for i := range 10_000 {
			if i == 100 {
				cancel() // Ctrl-C
			}
			if _, err := fmt.Fprintf(w, "<p>finding %d</p>\n", i); err != nil {
				return err
			}
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != previous {
		t.Errorf("previous output: %q, %v", b, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left in the folder: %v", entries)
	}
}
