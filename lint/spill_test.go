package lint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/schema"
)

// TestSpillEqualsMemory checks that a batch kept in a temporary file
// (Options.Spill) gives, through Each, exactly the results and summaries of
// the same batch kept in memory: every fixture, unreadable inputs, last
// year's reports (cross-year findings), suggested fixes and every Retain.
func TestSpillEqualsMemory(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	// A PDF's findings carry pages.
	paths := append(corpus(t), "../testdata/pdf/seed-2020-wps-doc.pdf", "../testdata/docx/README.md", filepath.Join(tmp, "missing.docx"))
	for _, retain := range []Retain{RetainReport, RetainCells, RetainFindingCells} {
		opts := DefaultOptions()
		opts.Retain, opts.Aggregate, opts.Fixes = retain, true, true
		opts.Prev = []string{"../testdata/prev"}
		mem, err := RunBatch(context.Background(), paths, opts)
		if err != nil {
			t.Fatal(err)
		}
		opts.Spill = true
		sp, err := RunBatch(context.Background(), paths, opts)
		if err != nil {
			t.Fatal(err)
		}
		if sp.Files != nil {
			t.Errorf("retain %d: a spilled batch keeps Files in memory", retain)
		}
		if runtime.GOOS == "linux" {
			// The file is unlinked as soon as it is made.
			if es, _ := os.ReadDir(tmp); len(es) != 0 {
				t.Errorf("retain %d: %d entries left in TMPDIR while the batch is open", retain, len(es))
			}
		}
		var got []FileResult
		if err := sp.Each(func(i int, r FileResult) error {
			if i != len(got) {
				t.Fatalf("Each gave file %d after %d", i, len(got))
			}
			got = append(got, r)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(paths) || len(mem.Files) != len(paths) {
			t.Fatalf("retain %d: %d spilled and %d kept results for %d paths", retain, len(got), len(mem.Files), len(paths))
		}
		cross, unreadable := 0, 0
		for i := range got {
			g, w := got[i], mem.Files[i]
			if (g.Err == nil) != (w.Err == nil) || (g.Err != nil && g.Err.Error() != w.Err.Error()) {
				t.Errorf("retain %d: %s: error %v, want %v", retain, paths[i], g.Err, w.Err)
			}
			g.Err, w.Err = nil, nil
			if !reflect.DeepEqual(g, w) {
				t.Errorf("retain %d: %s differs after the round trip:\nspilled: %+v\nmemory:  %+v", retain, paths[i], g, w)
			}
			for _, f := range g.Findings {
				if f.Rule[0] == 'X' {
					cross++
				}
			}
			if g.Report == nil {
				unreadable++
			}
		}
		if cross == 0 || unreadable < 2 {
			t.Errorf("retain %d: %d cross-file findings and %d unreadable files: the test compares too little", retain, cross, unreadable)
		}
		if !reflect.DeepEqual(sp.Summaries, mem.Summaries) || !reflect.DeepEqual(sp.Aggregate, mem.Aggregate) {
			t.Errorf("retain %d: summaries or totals differ", retain)
		}
		for i, s := range sp.Summaries {
			if want := Summarize(mem.Files[i]); s != want {
				t.Errorf("retain %d: summary %+v, want %+v", retain, s, want)
			}
		}
		if err := sp.Close(); err != nil {
			t.Error(err)
		}
		if err := sp.Close(); err != nil {
			t.Error("second Close:", err)
		}
	}
}

// TestSpillKeepsWhatItCannotEncode checks that a result whose message has
// an argument of a type the record does not know stays in memory, whole.
func TestSpillKeepsWhatItCannotEncode(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	s, err := newSpill()
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	odd := FileResult{Path: "a.txt", Findings: []rules.Finding{{Rule: "C1001", Severity: rules.Error,
		Msg: rules.Message{Format: "%v", Args: []any{struct{ N int }{7}}}}}}
	plain := FileResult{Path: "b.txt", Findings: []rules.Finding{{Rule: "C1001", Severity: rules.Error,
		Msg: rules.Message{Format: "%d %s", Args: []any{7, "x"}}}}}
	for i, r := range []FileResult{odd, plain} {
		if err := s.put(i, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.finish(); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.mem[0]; !ok || len(s.mem) != 1 {
		t.Errorf("kept in memory: %v, want only the first", s.mem)
	}
	for i, want := range []FileResult{odd, plain} {
		got, err := s.get(i)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("file %d: got %+v, %v; want %+v", i, got, err, want)
		}
	}
}

// TestSpillWithoutTempDir checks that a batch whose temporary file cannot
// be made is checked all the same, in memory.
func TestSpillWithoutTempDir(t *testing.T) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "gone"))
	opts := DefaultOptions()
	opts.Spill = true
	b, err := RunBatch(context.Background(), []string{"../testdata/seed-2020.txt", "../testdata/v2021-errors.txt"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	n := 0
	if err := b.Each(func(_ int, r FileResult) error {
		if r.Report == nil || len(r.Findings) == 0 {
			t.Errorf("%s: %+v", r.Path, r)
		}
		n++
		return nil
	}); err != nil || n != 2 || len(b.Files) != 2 {
		t.Errorf("Each gave %d results (%v), Files %d", n, err, len(b.Files))
	}
}

// TestParkedTextsUnreadable checks that texts that cannot be read back
// from the temporary file make the cross-file checks fail, instead of
// leaving the texts uncompared.
func TestParkedTextsUnreadable(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	s, err := newSpill()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("本机关依法公开政府信息，主动公开文件共计若干件。", 20)
	x := newCross(DefaultOptions())
	x.store = s
	work := x.prep(false)
	for i := range 2 {
		r := FileResult{Path: fmt.Sprintf("%d.txt", i), Report: &schema.Report{Agency: fmt.Sprint(i), Sections: []schema.Section{{Number: 1, Text: text}}}}
		work(&r)
		x.add(i, r)
	}
	if err := s.finish(); err != nil {
		t.Fatal(err)
	}
	if s.size == 0 {
		t.Fatal("the texts were not parked")
	}
	// Readable: the two texts are near-copies of each other.
	out, _, err := x.finish()
	if err != nil || len(out[0]) != 1 || out[0][0].Rule != "X1005" {
		t.Fatalf("readable: %v, %+v", err, out)
	}
	s.close()
	if _, _, err := x.finish(); err == nil {
		t.Error("texts that cannot be read back were passed over silently")
	}
}

// TestOneFileNoSpill checks that a batch of one file, which has no other
// to compare with, makes no temporary file even under Options.Spill.
func TestOneFileNoSpill(t *testing.T) {
	opts := DefaultOptions()
	opts.Spill = true
	b, err := RunBatch(context.Background(), []string{"../testdata/seed-2020.txt"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if b.spill != nil || len(b.Files) != 1 || len(b.Files[0].Findings) == 0 {
		t.Errorf("spill %v, %d results", b.spill != nil, len(b.Files))
	}
}
