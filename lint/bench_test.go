package lint_test

import (
	"context"
	"os"
	"runtime/debug"
	"testing"

	"github.com/nianbao/nianbao/internal/testsupport/batchgen"
	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/schema"
)

// BenchmarkStages measures each stage of checking one report, from bytes
// in memory: the reader, schema.Build, every rule, and the three together.
func BenchmarkStages(b *testing.B) {
	ctx := context.Background()
	lim := parser.DefaultLimits()
	all := rules.All()
	// real/2025-pingtan-zone is a published report as its web page
	// stands, with a narrative of real length (about 3,400 characters).
	for _, name := range []string{"seed-2020.txt", "docx/filled-2021-wps.docx", "real/2025-pingtan-zone/source.html"} {
		data, err := os.ReadFile("../testdata/" + name)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := parser.Parse(ctx, name, data, lim)
		if err != nil {
			b.Fatal(err)
		}
		rep := schema.Build(doc)
		b.Run(name+"/parse", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parser.Parse(ctx, name, data, lim); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/build", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				schema.Build(doc)
			}
		})
		b.Run(name+"/rules", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rules.Run(rep, all, rules.Options{})
			}
		})
		b.Run(name+"/all", func(b *testing.B) {
			b.ReportAllocs()
			opts := lint.DefaultOptions()
			for b.Loop() {
				if r := lint.CheckBytes(ctx, name, data, opts); r.Err != nil {
					b.Fatal(r.Err)
				}
			}
		})
	}
}

// BenchmarkBatchDocx checks a folder of 1,000 .docx reports generated from
// the filled 2021 fixture (another agency, the narrative varied, one in
// four with a wrong number) as `nianbao check DIR` does: every rule, the
// cross-file checks, all cores, the results kept in the batch's temporary
// file.
func BenchmarkBatchDocx(b *testing.B) {
	const n = 1000
	dir := b.TempDir()
	if _, err := batchgen.GenerateDocx(dir, "../testdata/docx/filled-2021-wps.docx", "某某镇人民政府", n,
		batchgen.DocxOptions{BrokenEvery: 4, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	opts := lint.DefaultOptions()
	opts.Retain = lint.RetainFindingCells
	// As the command runs it: results in the temporary file, the
	// collector at GOGC=200 (cmd/nianbao's tuneGC).
	opts.Spill = true
	defer debug.SetGCPercent(debug.SetGCPercent(200))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := lint.RunBatch(context.Background(), []string{dir}, opts)
		if err != nil || len(res.Summaries) != n {
			b.Fatal(err)
		}
		res.Close()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "files/s")
}
