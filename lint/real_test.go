package lint_test

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/rules"
)

// TestRealReports checks nianbao on real published reports against truth
// made by hand (testdata/real): every cell reads right, every finding a
// reviewer expects is there, and no other warning or error.
func TestRealReports(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/real/*/truth.json")
	if len(dirs) == 0 {
		t.Fatal("no real reports")
	}
	for _, tp := range dirs {
		dir := filepath.Dir(tp)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			tr := readTruth(t, tp)
			res := checkSource(t, filepath.Join(dir, "source.*"))
			count := map[string]int{}
			for k, want := range tr.Cells {
				v := cellVerdict(res.Report.Cell(k), want)
				count[v]++
				if v != "right" {
					c := res.Report.Cell(k)
					t.Errorf("%s: %s (state %s, raw %q, value %v), document shows %q", k, v, c.State, c.Raw, c.Value, want)
				}
			}
			if got := string(res.Report.Version); tr.Version != "" && got != tr.Version {
				t.Errorf("version %s, want %s", got, tr.Version)
			}
			if tr.Year != 0 && res.Report.Year != tr.Year {
				t.Errorf("year %d, want %d", res.Report.Year, tr.Year)
			}
			listed := make([]bool, len(tr.Findings))
			unlisted := 0
			for _, f := range res.Findings {
				i := slices.IndexFunc(tr.Findings, func(w struct {
					Rule  string `json:"rule"`
					Cell  string `json:"cell"`
					Level string `json:"level"`
				}) bool {
					return w.Rule == f.Rule
				})
				if i >= 0 {
					listed[i] = true
					for j, w := range tr.Findings {
						if w.Rule == f.Rule {
							listed[j] = true
						}
					}
					continue
				}
				if f.Severity >= rules.Warning {
					unlisted++
					t.Errorf("unlisted %s %s: %s", f.Severity, f.Rule, describe(f))
				}
			}
			for i, ok := range listed {
				if !ok {
					t.Errorf("expected finding %s at %s not reported", tr.Findings[i].Rule, tr.Findings[i].Cell)
				}
			}
			t.Logf("cells: %d right, %d wrong, %d unread; unlisted warnings/errors: %d", count["right"], count["wrong"], count["unread"], unlisted)
		})
	}
}

func describe(f rules.Finding) string {
	return fmt.Sprintf("%s %v %v", f.Cell, f.Msg.Format, f.Msg.Args)
}

// TestRealLayoutsMetadata checks the year and agency read from the real
// converted texts: the year always; the agency where the text names the
// body as the truth has it (a text cut before its title names none).
func TestRealLayoutsMetadata(t *testing.T) {
	files, _ := filepath.Glob("../testdata/layouts/real/*.truth.json")
	for _, tp := range files {
		var tr struct {
			Agency    string `json:"agency"`
			AsWritten string `json:"agency_as_written"`
			Year      int    `json:"year"`
		}
		b, err := os.ReadFile(tp)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &tr); err != nil {
			t.Fatal(err)
		}
		r := checkSource(t, strings.TrimSuffix(tp, ".truth.json")+".*")
		text, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		if r.Report.Year != tr.Year {
			t.Errorf("%s: year %d, want %d", r.Path, r.Report.Year, tr.Year)
		}
		want := cmp.Or(tr.AsWritten, tr.Agency)
		if strings.Contains(string(text), want) && r.Report.Agency != want {
			t.Errorf("%s: agency %q, want %q", r.Path, r.Report.Agency, want)
		}
	}
}
