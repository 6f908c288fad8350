package schema

import (
	"context"
	"os"
	"testing"

	"github.com/nianbao/nianbao/parser"
)

// TestTraditional checks reports mirrored in traditional characters (made
// with OpenCC: opencc -c s2t.json, and s2hk.json for Hong Kong forms, as
// schema/testdata/README.md says): the same version, title, agency, year,
// sections and cells as the simplified originals.
func TestTraditional(t *testing.T) {
	for orig, trad := range map[string]string{
		"../testdata/v2021-clean.txt": "testdata/v2021-clean.s2t.txt",
		"../testdata/seed-2020.txt":   "testdata/seed-2020.s2hk.txt",
	} {
		build := func(path string) *Report {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := parser.Parse(context.Background(), path, b, parser.DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			return Build(doc)
		}
		a, b := build(orig), build(trad)
		if a.Version != b.Version || a.Year != b.Year || a.Agency != b.Agency || len(a.Sections) != len(b.Sections) || len(a.Keys) != len(b.Keys) {
			t.Errorf("%s: version %s/%s, year %d/%d, agency %q/%q, %d/%d sections", trad, a.Version, b.Version, a.Year, b.Year, a.Agency, b.Agency, len(a.Sections), len(b.Sections))
		}
		for _, k := range a.Keys {
			if x, y := a.Cell(k), b.Cell(k); x.State != y.State || x.Value != y.Value {
				t.Errorf("%s %s: %s %v, want %s %v", trad, k, y.State, y.Value, x.State, x.Value)
			}
		}
	}
}
