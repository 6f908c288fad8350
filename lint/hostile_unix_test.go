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

	"github.com/nianbao/nianbao/internal/testsupport/child"
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
	asNobody(t, dir, "TestUnreadable", "NIANBAO_UNREADABLE_CHILD="+p)
}

// asNobody runs the test named test again, as root, in a child process
// with the identity of nobody and env added, from a copy of the test
// binary in dir (which nobody may enter); it fails when the child fails
// and skips the test where the identity cannot be switched.
func asNobody(t *testing.T, dir, test string, env ...string) {
	t.Helper()
	cmd, err := child.Command(dir, test, true, env...)
	if err != nil {
		t.Skip("cannot copy the test binary:", err)
	}
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

// TestUnreadableDir checks a batch over a folder with a subfolder the user
// may not read: the subfolder is one P0001 finding (permission denied) and
// the reports beside it are checked; a folder named on the command line
// that cannot be read stops the batch with an error (exit 2 in the CLI).
// As root it runs as nobody, as TestUnreadable does.
func TestUnreadableDir(t *testing.T) {
	if dir := os.Getenv("NIANBAO_UNREADABLE_DIR_CHILD"); dir != "" || os.Geteuid() != 0 {
		if dir == "" {
			dir = unreadableTree(t)
		}
		b, err := lint.RunBatch(context.Background(), []string{filepath.Join(dir, "district")}, lint.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Files) != 2 {
			t.Fatalf("%d results, want 2 (the report and the locked folder)", len(b.Files))
		}
		for _, r := range b.Files {
			switch filepath.Base(r.Path) {
			case "locked":
				checkHostile(t, hostile{name: "locked", msg: rules.MsgP0001Permission, err: os.ErrPermission}, r)
			case "town.txt":
				if r.Report == nil || r.Err != nil {
					t.Errorf("town.txt not checked: %v", r.Err)
				}
			default:
				t.Errorf("unexpected result %s", r.Path)
			}
		}
		if _, err := lint.RunBatch(context.Background(), []string{filepath.Join(dir, "district", "locked")}, lint.DefaultOptions()); !errors.Is(err, os.ErrPermission) {
			t.Errorf("locked folder named: err %v, want permission denied", err)
		}
		return
	}
	dir := unreadableTree(t)
	asNobody(t, dir, "TestUnreadableDir", "NIANBAO_UNREADABLE_DIR_CHILD="+dir)
}

// unreadableTree makes dir/district holding town.txt and locked/, a folder
// no one but root may read, holding a report.
func unreadableTree(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "nianbao-unreadable-dir")
	if err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "district", "locked")
	t.Cleanup(func() {
		os.Chmod(locked, 0o755)
		os.RemoveAll(dir)
	})
	if err := os.MkdirAll(locked, 0o755); err != nil {
		t.Fatal(err)
	}
	copyTo(t, "../testdata/seed-2020.txt", filepath.Join(dir, "district", "town.txt"))
	copyTo(t, "../testdata/seed-2020.txt", filepath.Join(locked, "village.txt"))
	for _, d := range []string{dir, filepath.Join(dir, "district")} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	return dir
}
