package lint

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// corpus returns the reports in testdata, .txt and .docx.
func corpus(t *testing.T) []string {
	t.Helper()
	txt, err := filepath.Glob("../testdata/*.txt")
	docx, err2 := filepath.Glob("../testdata/docx/*.docx")
	if err != nil || err2 != nil || len(txt) == 0 || len(docx) == 0 {
		t.Fatalf("no inputs: %v %v", err, err2)
	}
	return append(txt, docx...)
}

// TestCheckBytesEqualsCheckFile checks that a file checked from memory
// gives the same report and findings as the file checked from disk,
// truncated files included.
func TestCheckBytesEqualsCheckFile(t *testing.T) {
	opts := DefaultOptions()
	opts.Fixes = true
	for _, path := range corpus(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range []int{len(data), len(data) / 2} {
				in := path
				if n < len(data) {
					in = filepath.Join(t.TempDir(), filepath.Base(path))
					if err := os.WriteFile(in, data[:n], 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want := CheckFile(context.Background(), in, opts)
				got := CheckBytes(context.Background(), in, data[:n], opts)
				if !reflect.DeepEqual(got.Findings, want.Findings) {
					t.Errorf("%d bytes: findings differ\n got %+v\nwant %+v", n, got.Findings, want.Findings)
				}
				if !reflect.DeepEqual(got.Report, want.Report) {
					t.Errorf("%d bytes: reports differ", n)
				}
				if (got.Err == nil) != (want.Err == nil) {
					t.Errorf("%d bytes: error %v, want %v", n, got.Err, want.Err)
				}
			}
		})
	}
}

// TestCheckBytesLimits checks that the parser's limits apply to bytes in
// memory as they do to files.
func TestCheckBytesLimits(t *testing.T) {
	opts := DefaultOptions()
	opts.Limits.MaxFileBytes = 100
	data, err := os.ReadFile("../testdata/seed-2020.txt")
	if err != nil {
		t.Fatal(err)
	}
	r := CheckBytes(context.Background(), "seed-2020.txt", data, opts)
	if r.Report != nil || len(r.Findings) != 1 || r.Findings[0].Rule != "P0001" {
		t.Fatalf("got %+v, want one P0001 finding", r.Findings)
	}
}

// TestBatchOfEqualsRunBatch checks that results assembled by BatchOf are
// the batch RunBatch gives, cross-file findings and totals included. Under
// RetainCells, RunBatch keeps the cells in its temporary file and BatchOf
// in memory: what Each gives must be the same.
func TestBatchOfEqualsRunBatch(t *testing.T) {
	each := func(b *Batch) []FileResult {
		var out []FileResult
		if err := b.Each(func(_ int, r FileResult) error { out = append(out, r); return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	paths := corpus(t)
	for _, retain := range []Retain{RetainReport, RetainCells, RetainFindingCells} {
		opts := DefaultOptions()
		opts.Retain, opts.Aggregate = retain, true
		want, err := RunBatch(context.Background(), paths, opts)
		if err != nil {
			t.Fatal(err)
		}
		var rs []FileResult
		for _, p := range paths {
			rs = append(rs, CheckFile(context.Background(), p, opts))
		}
		got, err := BatchOf(rs, opts)
		if err != nil {
			t.Fatal(err)
		}
		gotFiles, wantFiles := each(got), each(want)
		if len(wantFiles) != len(paths) {
			t.Fatalf("retain %d: Each gave %d files, want %d", retain, len(wantFiles), len(paths))
		}
		for i := range wantFiles {
			if !reflect.DeepEqual(gotFiles[i], wantFiles[i]) {
				t.Errorf("retain %d: %s differs:\nBatchOf:  %+v\nRunBatch: %+v", retain, paths[i], gotFiles[i].Report, wantFiles[i].Report)
			}
		}
		if retain == RetainCells {
			full := 0
			for _, r := range wantFiles {
				if r.Report != nil && len(r.Report.Cells) >= 100 {
					full++
				}
			}
			if full == 0 {
				t.Errorf("retain %d: no report came back with its cells", retain)
			}
		}
		want.Close()
		if !reflect.DeepEqual(got.Aggregate, want.Aggregate) {
			t.Errorf("retain %d: aggregates differ", retain)
		}
		cross := 0
		for _, f := range got.Files {
			for _, fd := range f.Findings {
				if fd.Rule[0] == 'X' {
					cross++
				}
			}
		}
		if cross == 0 {
			t.Errorf("retain %d: no cross-file finding in the corpus; the test compares too little", retain)
		}
	}
}
