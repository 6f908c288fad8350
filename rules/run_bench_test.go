package rules

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// BenchmarkRunAll runs every rule over reports with few and with many
// findings, and over real published reports (narratives of real length).
func BenchmarkRunAll(b *testing.B) {
	for _, f := range []string{"../testdata/seed-2020.txt", "../testdata/v2021-clean.txt", "../testdata/v2021-table3-causes.txt",
		"../testdata/real/2025-pingtan-zone/source.html", "../testdata/real/2023-shuyang-fgj/source.html", "../testdata/real/2019-shanghai-gov-office/source.html"} {
		doc, err := parser.ParseFile(context.Background(), f, parser.DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		rep := schema.Build(doc)
		name := filepath.Base(f)
		if strings.HasPrefix(name, "source.") {
			name = filepath.Base(filepath.Dir(f))
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Run(rep, All(), Options{})
			}
		})
	}
}
