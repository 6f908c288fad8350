package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nianbao/nianbao/report"
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

// TestHelpHasNoEnglish checks every help page for urfave/cli's English
// ("(default: …)", "show help", "[command options]", "value") in Chinese,
// and the English page for Chinese descriptions.
func TestHelpHasNoEnglish(t *testing.T) {
	pages := [][]string{{"--help"}}
	for _, c := range newApp(nil, nil).Commands {
		pages = append(pages, []string{c.Name, "--help"})
	}
	for _, args := range pages {
		var out bytes.Buffer
		run(context.Background(), append([]string{"nianbao"}, args...), &out, &out)
		for _, en := range []string{"(default:", "show help", "print the version", "command options", "global options", " value", "NAME:", " / "} {
			if strings.Contains(out.String(), en) {
				t.Errorf("nianbao %s: %q in the Chinese help:\n%s", strings.Join(args, " "), en, out.String())
			}
		}
		out.Reset()
		run(context.Background(), append([]string{"nianbao", "--lang", "en"}, args...), &out, &out)
		if strings.ContainsAny(out.String(), "检查说明显示选项年度") && args[0] != "template" {
			t.Errorf("nianbao --lang en %s: Chinese in the English help:\n%s", strings.Join(args, " "), out.String())
		}
		if !strings.Contains(out.String(), "show help") {
			t.Errorf("nianbao --lang en %s: no English help flag:\n%s", strings.Join(args, " "), out.String())
		}
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

// TestProgressText checks the progress bar's words: a rate in files a
// second in the user's language, never the library's "files/hr".
func TestProgressText(t *testing.T) {
	zh, _ := report.NewPrinter("zh")
	en, _ := report.NewPrinter("en")
	if got := progressText(zh, 90, 2*time.Second); got != "nianbao 每秒 45 份" {
		t.Errorf("zh: %q", got)
	}
	if got := progressText(en, 90, 2*time.Second); got != "nianbao 45 files/s" {
		t.Errorf("en: %q", got)
	}
	if got := progressText(zh, 0, 0); got != "nianbao 检查中" {
		t.Errorf("zh, nothing done: %q", got)
	}
}
