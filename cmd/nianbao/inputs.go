package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/report"
	"golang.org/x/term"
)

// stdin is what "nianbao check -" reads; tests replace it.
var stdin io.Reader = os.Stdin

// Texts of the inputs (translated in report/messages.go).
const (
	msgNotFound   = "%s: no such file or directory"
	msgStdinAlone = "- (standard input) must be the only PATH"
	msgStdinPrev  = "--prev cannot be used with - (standard input)"
	msgStdinWait  = "reading a report from standard input (end it with Ctrl-D, or Ctrl-Z and Enter on Windows)"
	msgStdinName  = "-"

	msgStdinExtract = "extract reads files, not - (standard input)"
)

// checkPaths refuses, as a usage error, a path that does not exist: a
// mistyped name is not a finding about a report. "-" (standard input) is
// allowed alone, and not with --prev.
func checkPaths(paths, prev []string, p *report.Printer) error {
	for _, path := range paths {
		if path == "-" {
			if len(paths) > 1 {
				return usageError(p, msgStdinAlone)
			}
			if len(prev) > 0 {
				return usageError(p, msgStdinPrev)
			}
			continue
		}
		if err := exists(path, p); err != nil {
			return err
		}
	}
	for _, path := range prev {
		if err := exists(path, p); err != nil {
			return usageError(p, "--prev: %s", p.Sprintf(msgNotFound, path))
		}
	}
	return nil
}

func exists(path string, p *report.Printer) error {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return usageError(p, msgNotFound, path)
	}
	return nil
}

// isStdin reports whether paths is the one path "-".
func isStdin(paths []string) bool { return len(paths) == 1 && paths[0] == "-" }

// checkStdin checks the one report on standard input, read within the file
// size limit (a larger one gets P0001 like a large file), as the batch
// RunBatch would make of it. It is named "标准输入" ("-" in English).
func checkStdin(ctx context.Context, opts lint.Options, p *report.Printer, stderr io.Writer) (*lint.Batch, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintln(stderr, p.Sprintf(msgStdinWait))
	}
	data, err := io.ReadAll(io.LimitReader(stdin, opts.Limits.MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	res := lint.CheckBytes(ctx, p.Sprintf(msgStdinName), data, opts)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return lint.BatchOf([]lint.FileResult{res}, opts)
}
