//go:build unix

package lint_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/rules"
)

func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }

// TestUnreadable checks a file the user may not read. Root reads anything,
// so as root the check runs in a child process with the identity of
// nobody; where that is refused too, the test is skipped.
func TestUnreadable(t *testing.T) {
	if os.Getenv("NIANBAO_UNREADABLE_CHILD") != "" {
		res := lint.CheckFile(context.Background(), os.Getenv("NIANBAO_UNREADABLE_CHILD"), lint.DefaultOptions())
		checkHostile(t, hostile{name: "unreadable", msg: rules.MsgP0001Permission, err: os.ErrPermission}, res)
		return
	}
	dir, err := os.MkdirTemp("", "nianbao-unreadable")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "secret.txt")
	copyTo(t, "../testdata/seed-2020.txt", p)
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		res := lint.CheckFile(context.Background(), p, lint.DefaultOptions())
		checkHostile(t, hostile{name: "unreadable", msg: rules.MsgP0001Permission, err: os.ErrPermission}, res)
		return
	}
	// As root: run this test again as nobody, from a copy of the test
	// binary that nobody may execute.
	self, err := os.Executable()
	if err != nil {
		t.Skip("cannot find the test binary:", err)
	}
	bin := filepath.Join(dir, "lint.test")
	b, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^TestUnreadable$", "-test.v")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NIANBAO_UNREADABLE_CHILD="+p)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	switch {
	case err == nil:
		t.Logf("as nobody:\n%s", out)
	case errors.As(err, &ee):
		t.Fatalf("as nobody: %v\n%s", err, out)
	default:
		t.Skipf("running as root and cannot switch to nobody (%v): an unreadable file cannot be made", err)
	}
}
