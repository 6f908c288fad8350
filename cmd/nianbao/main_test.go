package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/rules"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/* and the README rules table")

// inRepo runs the test from the repository root, so that paths in outputs
// read "testdata/…" as a user would type them.
func inRepo(t *testing.T) {
	t.Chdir("../..")
}

func runCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"nianbao"}, args...), &out, &errb)
	return out.String(), errb.String(), code
}

// TestGolden runs the commands on every .txt report in testdata/ and
// compares the output with testdata/golden/. Run `go test ./cmd/nianbao
// -update` after a deliberate change and review the diff.
func TestGolden(t *testing.T) {
	inRepo(t)
	inputs, err := filepath.Glob("testdata/*.txt")
	docx, err2 := filepath.Glob("testdata/docx/*.docx")
	if err != nil || err2 != nil || len(inputs) == 0 || len(docx) == 0 {
		t.Fatalf("no inputs: %v %v", err, err2)
	}
	inputs = append(inputs, docx...)
	// A real crawler text whose digits ran together (P0003).
	inputs = append(inputs, "testdata/real/2024-pingtan-scj/source.txt")
	type job struct {
		suffix string
		args   []string
	}
	for _, in := range inputs {
		base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
		if filepath.Ext(in) == ".docx" {
			base = "docx-" + base
		}
		if d := filepath.Base(filepath.Dir(in)); base == "source" {
			base = "real-" + d
		}
		jobs := []job{
			{"check.golden", []string{"check", in}},
			{"check.json.golden", []string{"check", "--format", "json", in}},
			{"lint.golden", []string{"lint", in}},
		}
		switch base {
		case "seed-2020", "v2021-clean", "v2021-hybrid-r6", "docx-filled-2021-wps", "docx-seed-2020-lo":
			jobs = append(jobs, job{"extract.json.golden", []string{"extract", in}})
		case "seed-2020-r7-total", "v2021-errors":
			jobs = append(jobs, job{"check.en.golden", []string{"check", "--lang", "en", in}})
		}
		for _, j := range jobs {
			name := base + "." + j.suffix
			t.Run(name, func(t *testing.T) {
				got, stderr, code := runCmd(t, j.args...)
				if code == exitError {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				checkGolden(t, name, got)
			})
		}
	}
}

// TestRulesInGoldens checks that every rule shows in at least one golden
// output, so that each has an end-to-end example.
func TestRulesInGoldens(t *testing.T) {
	inRepo(t)
	files, err := filepath.Glob("testdata/golden/*.golden")
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	for _, r := range rules.All() {
		if !strings.Contains(all.String(), "("+r.ID+")") {
			t.Errorf("rule %s appears in no golden under testdata/golden", r.ID)
		}
	}
}

// checkGolden compares got with testdata/golden/name, or rewrites the file
// under -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test ./cmd/nianbao -update, then review the git diff)\n--- got ---\n%s--- want ---\n%s", golden, got, want)
	}
}

func TestExitCodes(t *testing.T) {
	inRepo(t)
	tests := []struct {
		args   []string
		code   int
		stdout string // a substring of stdout
		stderr string // a substring of stderr
	}{
		{[]string{"check", "testdata/seed-2020.txt"}, exitOK, "共检查 1 个文件：0 个错误，2 个警告，1 个提示", ""},
		{[]string{"check", "--fail-on", "warning", "testdata/seed-2020.txt"}, exitFindings, "", ""},
		{[]string{"lint", "testdata/seed-2020.txt"}, exitFindings, "C1004", ""},
		{[]string{"lint", "--checks", "all,-C1004,-C1011", "testdata/seed-2020.txt"}, exitOK, "提示 正文中未找到发布日期 (M1004)", ""},
		{[]string{"check", "testdata/seed-2020-r7-total.txt"}, exitFindings, "testdata/seed-2020-r7-total.txt:338: 错误 [表三 （七）总计 / 总计]", ""},
		{[]string{"check", "testdata/seed-2020-t4-rev.txt", "--format", "json"}, exitFindings, `"cell": "t4.rev.total"`, ""},
		{[]string{"check", "--fail-on", "info", "testdata/v2021-clean.txt"}, exitOK, "未发现问题", ""},
		{[]string{"check", "testdata/no-such-file.txt", "testdata/v2021-clean.txt"}, exitError, "", "nianbao: 找不到 testdata/no-such-file.txt：文件或目录不存在"},
		{[]string{"lint", "--lang", "en", "no-such-dir/"}, exitError, "", "nianbao: no-such-dir/: no such file or directory"},
		{[]string{"check", "--prev", "testdata/no-such-dir", "testdata/v2021-clean.txt"}, exitError, "", "nianbao: --prev：找不到 testdata/no-such-dir"},
		{[]string{"check", "-", "testdata/v2021-clean.txt"}, exitError, "", "“-”（标准输入）只能单独检查"},
		{[]string{"check", "--prev", "testdata/prev", "-"}, exitError, "", "--prev 不能与“-”（标准输入）一起使用"},
		{[]string{"check"}, exitError, "", "check：没有给出要检查的文件或目录"},
		{[]string{"check", "--lang", "en"}, exitError, "", "no PATH given"},
		{[]string{"check", "--format", "xml", "testdata/seed-2020.txt"}, exitError, "", "--format：没有 \"xml\" 这种格式"},
		{[]string{"check", "--lang", "en", "--format", "xml", "testdata/seed-2020.txt"}, exitError, "", "unknown format"},
		{[]string{"check", "--fail-on", "fatal", "testdata/seed-2020.txt"}, exitError, "", "没有 \"fatal\" 这个级别"},
		{[]string{"check", "--lang", "en", "--fail-on", "fatal", "testdata/seed-2020.txt"}, exitError, "", "unknown severity"},
		{[]string{"check", "--lang", "fr", "testdata/seed-2020.txt"}, exitError, "", "--lang：没有 \"fr\" 这种语言"},
		{[]string{"check", "--checks", "Q*", "testdata/seed-2020.txt"}, exitError, "", "没有与 \"Q*\" 相符的规则"},
		{[]string{"check", "--lang", "en", "--checks", "Q*", "testdata/seed-2020.txt"}, exitError, "", "no rule matches"},
		{[]string{"check", "--no-such-flag", "testdata/seed-2020.txt"}, exitError, "", "no-such-flag"},
		{[]string{"rules"}, exitOK, "A2001\t错误\t表三：各列 第一项+第二项 = 第三项（七）总计+第四项", ""},
		{[]string{"rules", "--lang", "en"}, exitOK, "C1004\twarning\tBlank or \"/\" data cells", ""},
		{[]string{"explain", "a2001"}, exitOK, "第一项加第二项之和，等于第三项加第四项之和", ""},
		{[]string{"explain", "Z9999"}, exitError, "", "没有 \"Z9999\" 这条规则"},
		{[]string{"template"}, exitError, "", "缺少选项 --year（见 nianbao template --help）"},
		{[]string{"template", "--year", "2025", "--agency", "../某某镇"}, exitError, "", "不能用作标题或文件名"},
		{[]string{"template", "--year", "2025", "-o", "x.xlsx"}, exitError, "", "-o 的文件名须以 .docx 结尾"},
		{[]string{"extract", "testdata/no-such-file.txt"}, exitError, "", "找不到 testdata/no-such-file.txt"},
		{[]string{"extract", "-"}, exitError, "", "extract 只读取文件，不读取“-”（标准输入）"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
		})
	}
}

// A folder with good, broken and unreadable files: every input appears in
// the output, in order, and the batch goes on.
func TestBatchDirectory(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile("../../testdata/seed-2020.txt")
	if err != nil {
		t.Fatal(err)
	}
	bad, err := os.ReadFile("../../testdata/seed-2020-r7-total.txt")
	if err != nil {
		t.Fatal(err)
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...)
	files := map[string][]byte{
		"a/good.txt":      seed,
		"a/broken.txt":    bad,
		"b/old.docx":      ole,
		"b/binary.txt":    {0, 1, 2, 3, 0, 0, 0, 0xff},
		"b/notes.pdf":     []byte("%PDF"),
		"b/~$lock.docx":   []byte("lock"),
		".hidden/x.txt":   seed,
		"c/empty.txt":     {},
		"c/deep/more.TXT": seed,
	}
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, stderr, code := runCmd(t, "check", "--format", "json", "--jobs", "3", dir)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		Files []struct {
			Path     string
			Template string
			Findings []struct{ Rule, Message string }
		}
		Summary report.Summary
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	want := []struct{ name, rule, template string }{
		{"a/broken.txt", "A2001", "2019"},
		{"a/good.txt", "C1004", "2019"},
		{"b/binary.txt", "P0001", ""},
		{"b/notes.pdf", "P0001", ""},
		{"b/old.docx", "P0001", ""},
		{"c/deep/more.TXT", "C1004", "2019"},
		{"c/empty.txt", "P0001", ""},
	}
	if len(out.Files) != len(want) || out.Summary.Files != len(want) {
		t.Fatalf("%d files in output: %+v", len(out.Files), out.Files)
	}
	for i, w := range want {
		f := out.Files[i]
		if f.Path != filepath.Join(dir, w.name) || f.Template != w.template {
			t.Errorf("file %d = %s (%s), want %s (%s)", i, f.Path, f.Template, w.name, w.template)
		}
		var rules []string
		for _, fd := range f.Findings {
			rules = append(rules, fd.Rule)
		}
		if !strings.Contains(strings.Join(rules, " "), w.rule) {
			t.Errorf("%s: rules %v, want %s among them", w.name, rules, w.rule)
		}
	}
	if msg := out.Files[4].Findings[0].Message; !strings.Contains(msg, "另存为 .docx 后重试") {
		t.Errorf("legacy .doc message %q", msg)
	}
}

// Every broken .docx gives its own finding with advice, exit 1, and the
// good files of the batch are still checked.
func TestBatchDocxErrors(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("../../testdata/docx/filled-2021-wps.docx")
	if err != nil {
		t.Fatal(err)
	}
	docXML := readZipEntry(t, good, "word/document.xml")
	ole := func(extra ...byte) []byte {
		b := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
		return append(b, extra...)
	}
	// A directory entry of an encrypted package: UTF-16LE name, its length
	// in bytes with the NUL, type 2 (stream), at a 128-byte boundary.
	entry := make([]byte, 128)
	for i, r := range "EncryptedPackage" {
		entry[2*i] = byte(r)
	}
	entry[0x40], entry[0x42] = 34, 2
	// A compound file without a WordDocument stream, as the early WPS
	// formats are: a .doc whose stream is renamed.
	old := mustRead(t, "../../testdata/doc/filled-2021-wps.doc")
	copy(old[bytes.Index(old, []byte("W\x00o\x00r\x00d\x00D\x00o\x00c")):], "W\x00p\x00s\x00")
	files := map[string][]byte{
		"a-good.docx":      good,
		"b-truncated.docx": good[:len(good)*6/10],
		"c-nodoc.docx":     zipOf(t, map[string][]byte{"[Content_Types].xml": []byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)}),
		"d-badxml.docx":    zipOf(t, map[string][]byte{"word/document.xml": docXML[:len(docXML)/2]}),
		"e-secret.docx":    ole(entry...),
		"f-old.doc":        old,
		"g-renamed.docx":   old,
		"h-good.txt":       mustRead(t, "../../testdata/v2021-clean.txt"),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The filled template has no date and no 考核 text: not what is tested.
	stdout, stderr, code := runCmd(t, "check", "--disable", "M1004,C1011", dir)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := []string{
		"a-good.docx: 未发现问题",
		"b-truncated.docx: 错误 文件已损坏或不完整",
		"c-nodoc.docx: 错误 文件已损坏或不完整",
		"d-badxml.docx: 错误 文件已损坏或不完整",
		"e-secret.docx: 错误 文档设有密码：请去除密码后重试 (P0001)",
		"f-old.doc: 错误 这个 .doc/.wps 文件不是 Word 97-2003 格式（可能是早期 WPS 或 Word 6.0/95 的文件），无法读取：请在 WPS 或 Word 中另存为 .docx 后重试 (P0001)",
		"g-renamed.docx: 错误 这个 .doc/.wps 文件不是 Word 97-2003 格式",
		"h-good.txt: 未发现问题",
		"共检查 8 个文件：6 个错误，0 个警告，0 个提示",
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != len(want) {
		t.Fatalf("output:\n%s", stdout)
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("line %d = %q, want it to contain %q", i+1, lines[i], w)
		}
	}
	// A truncated document.xml is a damaged file, never "table missing".
	if strings.Contains(stdout, "C1002") || strings.Contains(stdout, "C1001") {
		t.Errorf("a broken file was checked as a report:\n%s", stdout)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func zipOf(t *testing.T, entries map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, b := range entries {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readZipEntry(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The configuration file is found from the working directory upward;
// --config, --enable and --disable work too, and mistakes name the culprit.
func TestConfigFlags(t *testing.T) {
	seed, err := filepath.Abs("../../testdata/seed-2020.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".nianbao.yaml"), []byte("blank: error\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "drafts")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"check", seed}, exitFindings, "错误 表三有 149 个空白单元格", ""},
		{[]string{"check", "--disable", "C1004", seed}, exitOK, "", ""},
		{[]string{"lint", "--disable", "C1004,C1011", "--disable", "M1004", seed}, exitOK, "未发现问题", ""},
		{[]string{"check", "--checks", "A*", seed}, exitOK, "未发现问题", ""},
		{[]string{"check", "--enable", "Z9", seed}, exitError, "", "Z9"},
		{[]string{"check", "--config", "missing.yaml", seed}, exitError, "", "missing.yaml"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[:len(tt.args)-1], " "), func(t *testing.T) {
			stdout, stderr, code := runCmd(t, tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
		})
	}
}

// nianbao template writes a file that nianbao reads back as the right
// format with every cell blank.
func TestTemplateCommand(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tt := range []struct {
		year    int
		version string
		cells   int
	}{{2019, "2019", 198}, {2021, "2021", 200}, {2025, "2021", 200}} {
		y := strconv.Itoa(tt.year)
		stdout, stderr, code := runCmd(t, "template", "--year", y, "--agency", "清凉峰镇人民政府")
		name := "清凉峰镇人民政府" + y + "年政府信息公开工作年度报告.docx"
		if code != exitOK || !strings.Contains(stdout, name) {
			t.Fatalf("exit %d: %s %s", code, stdout, stderr)
		}
		out, _, _ := runCmd(t, "extract", name)
		var ex struct {
			Files []struct {
				Template string
				Year     int
				Agency   string
				Cells    map[string]struct{ State string }
			}
		}
		if err := json.Unmarshal([]byte(out), &ex); err != nil {
			t.Fatal(err)
		}
		f := ex.Files[0]
		if f.Template != tt.version || f.Year != tt.year || f.Agency != "清凉峰镇人民政府" || len(f.Cells) != tt.cells {
			t.Errorf("%d: template %s year %d agency %q, %d cells", tt.year, f.Template, f.Year, f.Agency, len(f.Cells))
		}
		for k, c := range f.Cells {
			if c.State != "blank" {
				t.Errorf("%d: %s is %s", tt.year, k, c.State)
			}
		}
		if _, stderr, code := runCmd(t, "template", "--year", y, "--agency", "清凉峰镇人民政府"); code != exitError || !strings.Contains(stderr, "--force") {
			t.Errorf("overwrite without --force: exit %d, %s", code, stderr)
		}
	}
	if _, stderr, code := runCmd(t, "template", "--year", "2018"); code != exitError || stderr == "" {
		t.Errorf("2018: exit %d", code)
	}
	if _, _, code := runCmd(t, "template"); code != exitError {
		t.Errorf("no --year: exit %d", code)
	}
}

// Flags may follow the paths, as users type them.
func TestInterspersedFlags(t *testing.T) {
	inRepo(t)
	a, _, c1 := runCmd(t, "check", "--format", "json", "--lang", "en", "testdata/seed-2020.txt")
	b, _, c2 := runCmd(t, "check", "testdata/seed-2020.txt", "--format", "json", "--lang=en")
	if a != b || c1 != c2 || !strings.HasPrefix(a, "{") {
		t.Errorf("outputs differ:\n%s\n%s", a, b)
	}
	// "--" ends the flags: a file may start with a dash (this one is
	// missing, and named as a path, not as a flag).
	_, stderr, code := runCmd(t, "check", "--", "-odd-name.txt")
	if code != exitError || !strings.Contains(stderr, "找不到 -odd-name.txt") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

const rulesStart, rulesEnd = "<!-- rules:start -->\n", "<!-- rules:end -->"

// TestREADMERules keeps the README's rule table in step with the registry.
func TestREADMERules(t *testing.T) {
	inRepo(t)
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	zh, _ := report.NewPrinter("zh")
	en, _ := report.NewPrinter("en")
	var b strings.Builder
	b.WriteString("| ID | 级别 severity | 说明 | title |\n|---|---|---|---|\n")
	for _, r := range rules.All() {
		b.WriteString("| " + r.ID + " | " + r.Severity.String() + " | " + zh.Sprintf(r.Title) + " | " + en.Sprintf(r.Title) + " |\n")
	}
	s := string(readme)
	i, j := strings.Index(s, rulesStart), strings.Index(s, rulesEnd)
	if i < 0 || j < i {
		t.Fatal("README.md lacks the rules markers")
	}
	got := s[i+len(rulesStart) : j]
	if got == b.String() {
		return
	}
	if *update {
		s = s[:i+len(rulesStart)] + b.String() + s[j:]
		if err := os.WriteFile("README.md", []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README rules table is stale (run go test ./cmd/nianbao -update):\n%s", b.String())
}

// TestLimitFlags checks that each limit flag reaches the reader: a report
// over the limit set gets P0001 naming the limit and the flag that raises
// it, a file over the default limit is read once the flag raises it, and a
// limit that is not a positive number is a usage error.
func TestLimitFlags(t *testing.T) {
	inRepo(t)
	const docx = "testdata/docx/filled-2021-wps.docx"
	txt := []string{"testdata/seed-2020.txt"} // 413 lines, the longest of 489 bytes
	dir := t.TempDir()
	// Over the defaults: a .docx part compressed 1,000 to 1 or more, 1,001
	// tables, a 1.5 MB line, 25,000 lines.
	squeezed := writeDocx(t, filepath.Join(dir, "squeezed.docx"), strings.Repeat("<w:p/>", 400_000), true)
	tables := writeDocx(t, filepath.Join(dir, "tables.docx"), strings.Repeat("<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/>", 1001), true)
	longLine := filepath.Join(dir, "long-line.txt")
	manyLines := filepath.Join(dir, "many-lines.txt")
	if err := os.WriteFile(longLine, []byte(strings.Repeat("年", 512<<10)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(manyLines, []byte(strings.Repeat("一行\n", 25_000)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		flag, value, want string
		file              string
		// A file over the default limit and a value that reads it.
		over, raise string
	}{
		{flag: "--max-file-size", value: "1K", want: "文件大于 1 KB，超出读取上限（--max-file-size）", file: docx},
		{flag: "--max-file-size", value: "1000", want: "文件大于 1000 字节，超出读取上限（--max-file-size）", file: docx},
		{flag: "--max-inflated", value: "64K", want: ".docx 解压后大于 64 KB，超出读取上限（--max-inflated）", file: docx},
		{flag: "--max-ratio", value: "2", want: "压缩比超过 2 倍", file: squeezed, over: squeezed, raise: "100000"},
		{flag: "--max-line-size", value: "100", want: "有一行超过 100 字节（上限，见 --max-line-size）", file: txt[0], over: longLine, raise: "2M"},
		{flag: "--max-lines", value: "10", want: "文本超过 10 行（上限，见 --max-lines）", file: txt[0], over: manyLines, raise: "30000"},
		{flag: "--max-cells", value: "50", want: "表格单元格超过 50 个（上限，见 --max-cells）", file: docx},
		{flag: "--max-rows", value: "5", want: "表格超过 5 行（上限，见 --max-rows）", file: docx},
		{flag: "--max-tables", value: "1", want: "表格超过 1 张（上限，见 --max-tables）", file: docx, over: tables, raise: "2000"},
		{flag: "--max-elements", value: "100", want: "超过 800 个元素（上限，见 --max-elements）", file: docx},
		{flag: "--max-depth", value: "4", want: "元素嵌套超过 4 层（上限，见 --max-depth）", file: docx},
	} {
		out, _, code := runCmd(t, "check", c.flag, c.value, c.file)
		if code != exitFindings || !strings.Contains(out, c.want) || !strings.Contains(out, "P0001") {
			t.Errorf("%s %s: exit %d, want %q\n%s", c.flag, c.value, code, c.want, out)
		}
		// The detail, in English, is there for those who ask.
		if out, _, _ := runCmd(t, "check", "--verbose", c.flag, c.value, c.file); !strings.Contains(out, "详情：input exceeds limit") {
			t.Errorf("%s %s --verbose: no detail:\n%s", c.flag, c.value, out)
		}
		if _, errOut, code := runCmd(t, "check", c.flag, "0", c.file); code != exitError || !strings.Contains(errOut, c.flag) {
			t.Errorf("%s 0: exit %d, %q", c.flag, code, errOut)
		}
		if c.over == "" {
			continue
		}
		if out, _, _ := runCmd(t, "check", c.over); !strings.Contains(out, "P0001") || !strings.Contains(out, c.flag) {
			t.Errorf("%s: over the default, no P0001 naming the flag:\n%s", c.over, out)
		}
		if out, _, _ := runCmd(t, "check", c.flag, c.raise, c.over); strings.Contains(out, "P0001") {
			t.Errorf("%s %s: still not read:\n%s", c.flag, c.raise, out)
		}
	}
	out, _, _ := runCmd(t, "check", "--max-depth", "64", "--max-cells", "5000", "--max-rows", "100", "--max-tables", "3", "--max-elements", "10000", docx)
	if strings.Contains(out, "P0001") {
		t.Errorf("within the limits the report is not read:\n%s", out)
	}
	// English names the flag too, and writes sizes in English.
	if out, _, _ := runCmd(t, "check", "--lang", "en", "--max-line-size", "100", txt[0]); !strings.Contains(out, "longer than 100 bytes (the limit, see --max-line-size)") {
		t.Errorf("--lang en --max-line-size 100:\n%s", out)
	}
}

// writeDocx writes a .docx whose body is body, its part deflated or
// stored, and returns its path.
func writeDocx(t *testing.T, path, body string, deflate bool) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	method := zip.Store
	if deflate {
		method = zip.Deflate
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: method})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
