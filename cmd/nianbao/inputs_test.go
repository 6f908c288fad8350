package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// withStdin runs the test's commands with r as standard input.
func withStdin(t *testing.T, b []byte) {
	old := stdin
	stdin = bytes.NewReader(b)
	t.Cleanup(func() { stdin = old })
}

// check - reads one report from standard input, of any format nianbao
// reads, and names it 标准输入 ("-" in English).
func TestCheckStdin(t *testing.T) {
	inRepo(t)
	seed := mustRead(t, "testdata/seed-2020.txt")
	file, _, _ := runCmd(t, "check", "testdata/seed-2020.txt")
	withStdin(t, seed)
	stdout, stderr, code := runCmd(t, "check", "-")
	if want := strings.ReplaceAll(file, "testdata/seed-2020.txt", "标准输入"); code != exitOK || stdout != want {
		t.Errorf("exit %d, stderr %q\n--- got ---\n%s--- want ---\n%s", code, stderr, stdout, want)
	}

	withStdin(t, mustRead(t, "testdata/docx/filled-2021-wps.docx"))
	stdout, _, _ = runCmd(t, "check", "--lang", "en", "--format", "json", "-")
	var out struct {
		Files []struct{ Path, Format, Template string }
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil || len(out.Files) != 1 || out.Files[0] != (struct{ Path, Format, Template string }{"-", "docx", "2021"}) {
		t.Errorf("%+v %v\n%s", out, err, stdout)
	}

	withStdin(t, mustRead(t, "testdata/seed-2020-r7-total.txt"))
	stdout, _, code = runCmd(t, "lint", "-")
	if code != exitFindings || !strings.Contains(stdout, "标准输入:338: 错误") {
		t.Errorf("lint -: exit %d\n%s", code, stdout)
	}

	// Bounded by --max-file-size, like a file.
	withStdin(t, seed)
	stdout, _, code = runCmd(t, "check", "--max-file-size", "1K", "-")
	if code != exitFindings || !strings.Contains(stdout, "标准输入: 错误 文件大于 1 KB") {
		t.Errorf("large stdin: exit %d\n%s", code, stdout)
	}

	withStdin(t, nil)
	stdout, _, code = runCmd(t, "check", "-")
	if code != exitFindings || !strings.Contains(stdout, "标准输入: 错误 文件为空") {
		t.Errorf("empty stdin: exit %d\n%s", code, stdout)
	}
}

// An empty .docx is empty, as an empty .txt is; .doc and .wps files that
// are not Word 97-2003 files are told to be saved as .docx, a .pdf that
// is only a header to export it again; a .doc that is a web page or RTF
// inside is read as what it is.
func TestEmptyAndUnreadFormats(t *testing.T) {
	dir := t.TempDir()
	for name, b := range map[string]string{"a.docx": "", "b.txt": "", "c.doc": "x", "d.wps": "x", "e.pdf": "%PDF-1.4\n",
		"f.doc": "<html>x</html>", "g.doc": "{\\rtf1 x}"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, _, code := runCmd(t, "check", dir)
	if code != exitFindings {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"a.docx: 错误 文件为空或只有空白",
		"b.txt: 错误 文件为空或只有空白",
		"c.doc: 错误 这个 .doc/.wps 文件不是 Word 97-2003 格式（可能是早期 WPS 或 Word 6.0/95 的文件），无法读取：请在 WPS 或 Word 中另存为 .docx 后重试",
		"d.wps: 错误 这个 .doc/.wps 文件不是 Word 97-2003 格式（可能是早期 WPS 或 Word 6.0/95 的文件），无法读取：请在 WPS 或 Word 中另存为 .docx 后重试",
		"e.pdf: 错误 PDF 文件已损坏、不完整或不是 PDF：请重新下载或重新导出 PDF 后重试",
		"f.doc: 错误 不是政府信息公开工作年度报告",
		"g.doc: 错误 不是政府信息公开工作年度报告", // read as RTF

	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("no %q in\n%s", want, stdout)
		}
	}
}
