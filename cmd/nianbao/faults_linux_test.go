//go:build linux

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/nianbao/nianbao/internal/testsupport/child"
)

// TestOutputFaults writes -o where it cannot be written: a full disk,
// made with a file size limit (RLIMIT_FSIZE: writes fail with EFBIG as
// they would with ENOSPC), and a folder that is read-only to the user (as
// root, the command runs as nobody). Each must exit 2 naming the file,
// leave the previous output as it was and leave no temporary file.
func TestOutputFaults(t *testing.T) {
	if os.Getenv("NIANBAO_FAULT_CHILD") != "" {
		faultChild(t)
		return
	}
	dir, err := os.MkdirTemp("", "nianbao-faults")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		os.Chmod(filepath.Join(dir, "ro"), 0o755)
		os.RemoveAll(dir)
	})
	report := filepath.Join(dir, "seed-2020.txt")
	seed, err := os.ReadFile("../../testdata/seed-2020.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(report, seed, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{dir, filepath.Join(dir, "ro"), filepath.Join(dir, "full")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		name, out string
		fsize     int // RLIMIT_FSIZE of the child, 0 for none
		nobody    bool
	}{
		{"full disk", filepath.Join(dir, "full", "findings.html"), 16 << 10, false},
		{"read-only folder", filepath.Join(dir, "ro", "findings.csv"), 0, os.Geteuid() == 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			const previous = "the previous output\n"
			if err := os.WriteFile(c.out, []byte(previous), 0o644); err != nil {
				t.Fatal(err)
			}
			if c.name == "read-only folder" {
				if err := os.Chmod(filepath.Dir(c.out), 0o555); err != nil {
					t.Fatal(err)
				}
			}
			cmd, err := child.Command(dir, "TestOutputFaults", c.nobody, "NIANBAO_FAULT_CHILD=1",
				"NIANBAO_FAULT_FSIZE="+strconv.Itoa(c.fsize),
				"NIANBAO_FAULT_ARGS=check\n-o\n"+c.out+"\n"+report)
			if err != nil {
				t.Skip("cannot copy the test binary:", err)
			}
			out, err := cmd.CombinedOutput()
			if ee := (*exec.ExitError)(nil); err != nil && !errors.As(err, &ee) {
				t.Skipf("cannot run the child (%v)", err)
			}
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			t.Logf("%s", out)
			_, result, ok := strings.Cut(string(out), "\nexit ")
			if !ok || !strings.HasPrefix(result, "2\n") || !strings.Contains(result, c.out) {
				t.Errorf("%s\nwant exit 2 and the file named", out)
			}
			if b, err := os.ReadFile(c.out); err != nil || string(b) != previous {
				t.Errorf("previous output: %q, %v", b, err)
			}
			entries, err := os.ReadDir(filepath.Dir(c.out))
			if err != nil || len(entries) != 1 {
				t.Errorf("left in the folder: %v %v", entries, err)
			}
		})
	}
}

// faultChild runs the command of NIANBAO_FAULT_ARGS under the file size
// limit of NIANBAO_FAULT_FSIZE and prints "exit N" and its standard error.
func faultChild(t *testing.T) {
	if n, _ := strconv.Atoi(os.Getenv("NIANBAO_FAULT_FSIZE")); n > 0 {
		lim := syscall.Rlimit{Cur: uint64(n), Max: uint64(n)}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	args := strings.Split(os.Getenv("NIANBAO_FAULT_ARGS"), "\n")
	code := run(context.Background(), append([]string{"nianbao"}, args...), &stdout, &stderr)
	fmt.Printf("\nexit %d\n%s", code, stderr.String())
}
