// Package realtext hands tests the texts of the real published reports and
// the text fixtures in testdata: every tab-separated piece of every line,
// as a cell or a paragraph of a report reads. Tests of functions that must
// decide the same as a slower form run them over these texts.
package realtext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Pieces returns the pieces of the texts under testdata, the directory
// given relative to the test's package ("../testdata"). It fails the test
// when fewer than 5,000 are found: the files are missing.
func Pieces(tb testing.TB, testdata string) []string {
	tb.Helper()
	var out []string
	for _, pat := range []string{"*.txt", "real/*/source.*", "layouts/real/*/*"} {
		files, err := filepath.Glob(filepath.Join(testdata, pat))
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue // a directory
			}
			for _, line := range strings.Split(string(b), "\n") {
				out = append(out, strings.Split(line, "\t")...)
			}
		}
	}
	if len(out) < 5000 {
		tb.Fatalf("only %d texts under %s", len(out), testdata)
	}
	return out
}
