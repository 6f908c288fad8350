package main

import (
	"bytes"
	"debug/pe"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/report"
)

// TestMain pins the build named in the outputs, so that the goldens
// (the HTML footer, the SARIF tool) do not change with every commit.
func TestMain(m *testing.M) {
	report.Build = report.BuildInfo{Version: "devel"}
	os.Exit(m.Run())
}

func TestVersionCommand(t *testing.T) {
	want := "nianbao devel\n提交：未知\n日期：未知\n"
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		stdout, stderr, code := runCmd(t, args...)
		if code != exitOK || stdout != want {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q", args, code, stdout, stderr, want)
		}
	}
	stdout, _, code := runCmd(t, "version", "--lang", "en")
	if want := "nianbao devel\ncommit: unknown\ndate: unknown\n"; code != exitOK || stdout != want {
		t.Errorf("version --lang en: exit %d, %q; want %q", code, stdout, want)
	}
	t.Setenv("NIANBAO_LANG", "en")
	if stdout, _, _ := runCmd(t, "--version"); !strings.Contains(stdout, "commit: unknown") {
		t.Errorf("--version with NIANBAO_LANG=en: %q", stdout)
	}
}

func TestResolveBuild(t *testing.T) {
	info := func(version string, settings ...string) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/nianbao/nianbao", Version: version}}
			for i := 0; i+1 < len(settings); i += 2 {
				bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
			}
			return bi, true
		}
	}
	none := func() (*debug.BuildInfo, bool) { return nil, false }
	vcs := info("(devel)", "vcs.revision", "799d29cabc", "vcs.time", "2026-12-02T14:00:00Z", "vcs.modified", "true")
	for _, tt := range []struct {
		name                  string
		version, commit, date string
		read                  func() (*debug.BuildInfo, bool)
		want                  report.BuildInfo
	}{
		{"ldflags", "1.2.0", "abc", "2026-12-01", vcs, report.BuildInfo{Version: "1.2.0", Commit: "abc", Date: "2026-12-01"}},
		{"vcs", "", "", "", vcs, report.BuildInfo{Version: "devel", Commit: "799d29cabc+dirty", Date: "2026-12-02T14:00:00Z"}},
		{"go install", "", "", "", info("v1.2.0"), report.BuildInfo{Version: "v1.2.0"}},
		{"nothing", "", "", "", none, report.BuildInfo{Version: "devel"}},
		{"version only", "1.3.0", "", "", vcs, report.BuildInfo{Version: "1.3.0", Commit: "799d29cabc+dirty", Date: "2026-12-02T14:00:00Z"}},
	} {
		if got := resolveBuild(tt.version, tt.commit, tt.date, tt.read); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// The version reaches every output that names the tool.
func TestVersionInOutputs(t *testing.T) {
	inRepo(t)
	report.Build = report.BuildInfo{Version: "9.8.7", Commit: "c0ffee", Date: "2026-12-02"}
	defer func() { report.Build = report.BuildInfo{Version: "devel"} }()
	stdout, _, _ := runCmd(t, "check", "--format", "sarif", "testdata/seed-2020.txt")
	for _, s := range []string{`"version": "9.8.7",`, `"invocations": [`, `"executionSuccessful": true`, `"commit": "c0ffee"`} {
		if !strings.Contains(stdout, s) {
			t.Errorf("SARIF lacks %s", s)
		}
	}
	stdout, _, _ = runCmd(t, "check", "--format", "html", "testdata/seed-2020.txt")
	if !strings.Contains(stdout, "由 nianbao 9.8.7 生成") {
		t.Errorf("HTML footer lacks the version")
	}
	stdout, _, _ = runCmd(t, "check", "--format", "xlsx", "testdata/seed-2020.txt")
	for _, sheet := range []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet4.xml"} {
		if x := string(readZipEntry(t, []byte(stdout), sheet)); !strings.Contains(x, "<oddFooter>&amp;L由 nianbao 9.8.7 生成&amp;R") {
			t.Errorf("%s: no footer with the version", sheet)
		}
	}
}

// releaseLdflags are the flags scripts/release.sh and .goreleaser.yaml
// stamp the version with.
func releaseLdflags(version string) string {
	return "-s -w -X main.version=" + version + " -X main.commit=0123abc -X main.date=2026-12-02T00:00:00Z"
}

// TestReleaseBuild builds nianbao as a release is built (static, trimmed
// paths, without the docs of urfave/cli, version stamped): for this system,
// where the binary must print the stamped version, and for Windows, where
// it must be a PE executable for amd64.
func TestReleaseBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds nianbao twice")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	build := func(goos, goarch, out string) {
		cmd := exec.Command(gobin, "build", "-trimpath", "-tags", "urfave_cli_no_docs", "-ldflags", releaseLdflags("1.2.3"), "-o", out, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build %s/%s: %v\n%s", goos, goarch, err, b)
		}
	}
	host := filepath.Join(dir, "nianbao")
	build("", "", host)
	out, err := exec.Command(host, "version").Output()
	if err != nil || !bytes.HasPrefix(out, []byte("nianbao 1.2.3\n提交：0123abc\n日期：2026-12-02T00:00:00Z")) {
		t.Errorf("nianbao version: %q, %v", out, err)
	}
	exe := filepath.Join(dir, "nianbao.exe")
	build("windows", "amd64", exe)
	f, err := pe.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("machine %#x, want amd64", f.Machine)
	}
}
