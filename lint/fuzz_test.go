package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/schema"
)

// FuzzBuild runs the whole pipeline after the reader (schema.Build, every
// rule and the fix search) over arbitrary text: whatever the reader accepts,
// the later stages must neither panic nor report a finding out of order or
// under a rule that does not exist.
func FuzzBuild(f *testing.F) {
	for _, glob := range []string{"../testdata/*.txt", "../testdata/layouts/*.txt"} {
		names, err := filepath.Glob(glob)
		if err != nil {
			f.Fatal(err)
		}
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	all := rules.All()
	lim := parser.DefaultLimits()
	lim.MaxFileBytes = 4 << 20
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := parser.Parse(context.Background(), "fuzz.txt", data, lim)
		if err != nil {
			return
		}
		rep := schema.Build(doc)
		fs := rules.Run(rep, all, rules.Options{})
		if !slices.IsSortedFunc(fs, rules.Compare) {
			t.Fatal("findings not sorted")
		}
		for _, fd := range fs {
			if rules.Lookup(fd.Rule) == nil {
				t.Fatalf("finding of unknown rule %q", fd.Rule)
			}
			rules.Fixes(rep, fd, all)
		}
	})
}
