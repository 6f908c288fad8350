//go:build !unix

package lint_test

import "errors"

func mkfifo(string) error { return errors.ErrUnsupported }
