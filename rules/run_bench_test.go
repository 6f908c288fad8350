package rules

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// BenchmarkRunAll runs every rule over reports with few and with many
// findings.
func BenchmarkRunAll(b *testing.B) {
	for _, f := range []string{"../testdata/seed-2020.txt", "../testdata/v2021-clean.txt", "../testdata/v2021-table3-causes.txt"} {
		doc, err := parser.ParseFile(context.Background(), f, parser.DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		rep := schema.Build(doc)
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Run(rep, All(), Options{})
			}
		})
	}
}
