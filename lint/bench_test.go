package lint_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
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

// batchSizes are the folder sizes BenchmarkBatchDocx checks:
// -batch-n 1000,10000,20000 for the scale of issue 16.
var batchSizes = flag.String("batch-n", "1000", "folder sizes for BenchmarkBatchDocx, comma-separated")

// BenchmarkBatchDocx checks folders of .docx reports generated from the
// filled 2021 fixture as `nianbao check DIR` does: every rule, the
// cross-file checks, all cores, the results kept in the batch's temporary
// file. Each report has its own agency and a distinct made-up narrative of
// real length (1,000–5,000 characters), one in four a wrong number, one in
// fifty is a near-copy of the report before it; the folder is checked
// with the near-copy check (X1005) and without it.
func BenchmarkBatchDocx(b *testing.B) {
	for f := range strings.SplitSeq(*batchSizes, ",") {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			b.Fatalf("-batch-n: %q", f)
		}
		dir := b.TempDir()
		if _, err := batchgen.GenerateDocx(dir, "../testdata/docx/filled-2021-wps.docx", "某某镇人民政府", n,
			batchgen.DocxOptions{BrokenEvery: 4, Seed: 1, RealLength: true, NearCopyEvery: 50}); err != nil {
			b.Fatal(err)
		}
		for _, nearCopy := range []bool{true, false} {
			b.Run(fmt.Sprintf("n=%d/near-copy=%v", n, nearCopy), func(b *testing.B) {
				opts := lint.DefaultOptions()
				if !nearCopy {
					opts.Rules = slices.DeleteFunc(opts.Rules, func(r *rules.Rule) bool { return r == rules.X1005 })
				}
				opts.Retain = lint.RetainFindingCells
				// As the command runs it: results in the temporary file,
				// the collector at GOGC=400 (cmd/nianbao's tuneGC).
				opts.Spill = true
				defer debug.SetGCPercent(debug.SetGCPercent(400))
				b.ReportAllocs()
				copies := 0
				for b.Loop() {
					res, err := lint.RunBatch(context.Background(), []string{dir}, opts)
					if err != nil || len(res.Summaries) != n {
						b.Fatal(err)
					}
					copies = 0
					res.Each(func(_ int, r lint.FileResult) error {
						for _, f := range r.Findings {
							if f.Rule == rules.X1005.ID {
								copies++
							}
						}
						return nil
					})
					res.Close()
				}
				if want := 2 * (n / 50); nearCopy && copies != want {
					b.Errorf("%d near-copy findings, want %d", copies, want)
				}
				b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "files/s")
			})
		}
	}
}
