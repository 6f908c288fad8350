package lint_test

import (
	"context"
	"runtime"
	"testing"

	"github.com/nianbao/nianbao/internal/testsupport/batchgen"
	"github.com/nianbao/nianbao/lint"
)

// TestBatchMemoryPerFile checks that a batch run as the command runs it
// (Options.Spill) keeps little of each file in memory: the heap live once
// the last file of two batches of reports with texts of real length is in,
// over the difference in their sizes, must stay under maxPerFile. What a batch must
// keep of a file is its summary (path, agency, counts) and the signature
// of its text for the near-copy check, well under a kilobyte; a document's
// text kept alive by a string cut from it, or the texts of the near-copy
// check kept in memory, cost several kilobytes a file.
func TestBatchMemoryPerFile(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("generates 900 reports")
	}
	const small, large, maxPerFile = 150, 600, 2048
	retained := func(n int) uint64 {
		dir := t.TempDir()
		if _, err := batchgen.GenerateDocx(dir, "../testdata/docx/seed-2020-lo.docx", "清凉峰镇", n,
			batchgen.DocxOptions{BrokenEvery: 4, Seed: uint64(n)}); err != nil {
			t.Fatal(err)
		}
		opts := lint.DefaultOptions()
		opts.Retain, opts.Spill = lint.RetainFindingCells, true
		var before, after runtime.MemStats
		// Twice: pooled buffers go on the second collection.
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&before)
		// Measured once the last file is in, before the checks at the
		// end: what the batch holds for every file at its largest.
		opts.Progress = func(done, total int) {
			if done == total {
				runtime.GC()
				runtime.GC()
				runtime.ReadMemStats(&after)
			}
		}
		b, err := lint.RunBatch(context.Background(), []string{dir}, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Summaries) != n {
			t.Fatalf("%d summaries for %d files", len(b.Summaries), n)
		}
		b.Close()
		return after.HeapAlloc - min(after.HeapAlloc, before.HeapAlloc)
	}
	retained(small) // what the first batch sets up for good (compiled patterns, messages)
	s, l := retained(small), retained(large)
	perFile := (float64(l) - float64(s)) / (large - small)
	t.Logf("heap kept: %d B for %d files, %d B for %d: %.0f B a file", s, small, l, large, perFile)
	if perFile > maxPerFile {
		t.Errorf("a batch keeps %.0f bytes of each file in memory, want at most %d", perFile, maxPerFile)
	}
}
