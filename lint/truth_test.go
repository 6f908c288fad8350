package lint_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/schema"
)

// truth is what a person wrote down by reading a real report
// (testdata/real/*/truth.json, testdata/layouts/real/*.truth.json).
type truth struct {
	Agency   string            `json:"agency"`
	Year     int               `json:"year"`
	Version  string            `json:"version"`
	Cells    map[string]string `json:"cells"`
	Unread   []string          `json:"unreadable"`
	Findings []struct {
		Rule  string `json:"rule"`
		Cell  string `json:"cell"`
		Level string `json:"level"`
	} `json:"findings"`
}

func readTruth(t *testing.T, path string) truth {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var tr truth
	if err := json.Unmarshal(b, &tr); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for k := range tr.Cells {
		if !format.IsKey(k) {
			t.Fatalf("%s: %q is not a cell key", path, k)
		}
	}
	return tr
}

// cellVerdict compares what nianbao read for a cell with what the document
// shows: "right", "unread" (nothing read: missing, or the row reported
// unreadable) or "wrong" (a value, or a blank, that the document does not
// have).
func cellVerdict(c *schema.Cell, want string) string {
	switch c.State {
	case schema.StateMissing:
		return "unread"
	case schema.StateBlank:
		if strings.TrimSpace(want) == "" {
			return "right"
		}
		return "wrong"
	}
	kind := format.KindOf(c.Key)
	var v float64
	var class format.NumberClass
	unit := ""
	if kind == format.Money {
		v, unit, class = format.ParseMoney(want)
	} else {
		v, class = format.ParseNumber(want, kind)
	}
	switch {
	case class == format.ClassNumber && c.State == schema.StateNumber && c.Value == v && c.Unit == unit:
		return "right"
	case class != format.ClassNumber && c.State != schema.StateNumber && squeeze(c.Raw) == squeeze(want):
		return "right"
	}
	return "wrong"
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// checkSource checks the one source file that a glob pattern names (the
// document a truth file was made from) with the default options.
func checkSource(t *testing.T, pattern string) lint.FileResult {
	t.Helper()
	src, _ := filepath.Glob(pattern)
	src = slices.DeleteFunc(src, func(s string) bool { return strings.HasSuffix(s, ".truth.json") })
	if len(src) != 1 {
		t.Fatalf("want one source file, have %q", src)
	}
	res := lint.CheckFile(context.Background(), src[0], lint.DefaultOptions())
	if res.Err != nil {
		t.Fatalf("read %s: %v", src[0], res.Err)
	}
	return res
}
