package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestLanguage checks that the command line speaks Chinese by default —
// flag help and usage errors included — and English with --lang en, given
// before or after the command.
func TestLanguage(t *testing.T) {
	t.Chdir("../..")
	call := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(context.Background(), append([]string{"nianbao"}, args...), &out, &errb)
		return code, out.String(), errb.String()
	}
	if _, out, _ := call("check", "--help"); !strings.Contains(out, "标准输出的格式") || strings.Contains(out, "output format on stdout") {
		t.Errorf("help is not Chinese:\n%s", out)
	}
	if code, _, errs := call("check", "--bogus", "testdata/seed-2020.txt"); code != exitError || !strings.Contains(errs, "没有这个选项：-bogus") {
		t.Errorf("unknown flag: exit %d, %q", code, errs)
	}
	for _, args := range [][]string{{"--lang", "en", "check", "testdata/seed-2020.txt"}, {"check", "testdata/seed-2020.txt", "--lang", "en"}} {
		if _, out, _ := call(args...); !strings.Contains(out, "files checked: 1") {
			t.Errorf("%q: not English:\n%s", args, out)
		}
	}
	if _, out, _ := call("--lang", "en", "check", "--help"); !strings.Contains(out, "output format on stdout") {
		t.Errorf("English help:\n%s", out)
	}
}

// TestQuietAndMaxIssues checks the two options for scripts: --quiet lists
// errors only, --max-issues N at most N findings and how many are left.
func TestQuietAndMaxIssues(t *testing.T) {
	t.Chdir("../..")
	run1 := func(args ...string) string {
		var out, errb bytes.Buffer
		run(context.Background(), append([]string{"nianbao", "check"}, args...), &out, &errb)
		return out.String()
	}
	quiet := run1("--quiet", "testdata/v2021-errors.txt")
	if strings.Contains(quiet, "警告") && !strings.Contains(quiet, "个警告") || !strings.Contains(quiet, "错误 [") {
		t.Errorf("--quiet:\n%s", quiet)
	}
	for _, l := range strings.Split(quiet, "\n") {
		if strings.Contains(l, ": 警告 ") || strings.Contains(l, ": 提示 ") {
			t.Errorf("--quiet lists %q", l)
		}
	}
	most := run1("--max-issues", "2", "testdata/v2021-errors.txt")
	if n := strings.Count(most, "testdata/v2021-errors.txt:"); n != 2 || !strings.Contains(most, "另有 5 个问题未列出") {
		t.Errorf("--max-issues 2: %d findings listed:\n%s", n, most)
	}
}
