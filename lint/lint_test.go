package lint

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/nianbao/nianbao/rules"
)

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Results come back in input order whatever the scheduling, one per file.
func TestRunDeterministic(t *testing.T) {
	dir := t.TempDir()
	for i, name := range []string{"seed-2020.txt", "seed-2020-r7-total.txt", "v2021-clean.txt", "v2021-errors.txt", "not-a-report.txt"} {
		for j := 0; j < 8; j++ {
			copyFile(t, "../testdata/"+name, filepath.Join(dir, string(rune('a'+j)), string(rune('0'+i))+name))
		}
	}
	var first []FileResult
	for _, jobs := range []int{1, 2, 7} {
		opts := DefaultOptions()
		opts.Jobs = jobs
		res, err := Run(context.Background(), []string{dir}, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != 40 {
			t.Fatalf("%d results, want 40", len(res))
		}
		for _, r := range res {
			r.Report = nil // compare what is printed
		}
		if first == nil {
			first = res
			continue
		}
		for i := range res {
			if res[i].Path != first[i].Path || !reflect.DeepEqual(res[i].Findings, first[i].Findings) {
				t.Fatalf("jobs=%d: result %d differs: %s vs %s", jobs, i, res[i].Path, first[i].Path)
			}
		}
	}
}

// A rule that panics affects its own file only.
func TestPanicIsolated(t *testing.T) {
	boom := &rules.Rule{ID: "X9999", Title: "t", Doc: "d", Since: "0", Severity: rules.Error,
		Check: func(p *rules.Pass) {
			if p.Report.Year == 2020 {
				panic("boom")
			}
		}}
	opts := DefaultOptions()
	opts.Rules = append(opts.Rules, boom)
	res, err := Run(context.Background(), []string{"../testdata/seed-2020.txt", "../testdata/v2021-clean.txt"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(res[0].Err, errInternal) || len(res[0].Findings) != 1 || res[0].Findings[0].Rule != "P0001" {
		t.Errorf("seed: err %v, findings %+v", res[0].Err, res[0].Findings)
	}
	if res[1].Err != nil || len(res[1].Findings) != 0 || res[1].Report == nil {
		t.Errorf("clean report: err %v, findings %+v", res[1].Err, res[1].Findings)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, []string{"../testdata"}, DefaultOptions()); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestExpand(t *testing.T) {
	files, err := Expand([]string{"../testdata/seed-2020.txt", "../testdata", "../testdata/seed-2020.txt", "missing.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if files[0] != "../testdata/seed-2020.txt" || files[len(files)-1] != "missing.txt" {
		t.Errorf("files %v", files)
	}
	seen := map[string]bool{}
	for _, f := range files {
		if seen[f] {
			t.Errorf("%s listed twice", f)
		}
		seen[f] = true
		if filepath.Ext(f) == ".golden" || filepath.Ext(f) == ".sh" {
			t.Errorf("unsupported file listed: %s", f)
		}
	}
}

// BenchmarkCheckFile measures read, parse and check of one report.
func BenchmarkCheckFile(b *testing.B) {
	opts := DefaultOptions()
	for _, name := range []string{"seed-2020.txt", "v2021-clean.txt", "docx/filled-2021-wps.docx", "docx/seed-2020-lo.docx", "real/2025-pingtan-zone/source.html", "real/2019-shanghai-gov-office/source.html"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if r := CheckFile(context.Background(), "../testdata/"+name, opts); r.Err != nil {
					b.Fatal(r.Err)
				}
			}
		})
	}
}
