//go:build unix

// Package child runs a test again in a child process: as another user, or
// under limits the test process itself must not have.
package child

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
)

// Command returns a command that runs the test named test of the running
// test binary, from a copy in dir that any user may run, with env added
// to the environment and dir as its working directory. With nobody set it
// runs as the user nobody (65534), which only root may ask for.
func Command(dir, test string, nobody bool, env ...string) (*exec.Cmd, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(self)
	if err != nil {
		return nil, err
	}
	bin := filepath.Join(dir, filepath.Base(self))
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "-test.run=^"+test+"$", "-test.v")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if nobody {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	return cmd, nil
}
