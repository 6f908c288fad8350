package lint_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/schema"
)

// realLayoutFloor is, for each real converted text, how many cells of its
// truth nianbao reads right today: fewer is a regression. Raise a floor
// when the reader gets better.
var realLayoutFloor = map[string]int{
	"breadcrumb-digits-run-together-pingtan-2021":     154,
	"breadcrumb-digits-run-together-pingtan-hzs-2022": 197,
	"breadcrumb-v2019-pingtan-gzj-2020":               193,
	"digits-run-together-nospace-pingtan-2023":        162,
	"digits-run-together-pingtan-2022":                169,
	"digits-run-together-pingtan-gaj-2022":            200,
	"digits-run-together-pingtan-gwh-2023":            176,
	"digits-run-together-pingtan-gwh-2024":            183,
	"digits-run-together-pingtan-jtj-2024":            169,
	"digits-run-together-pingtan-jtj-2025":            169,
	"digits-run-together-pingtan-tzj-2024":            197,
	"digits-run-together-table4-pingtan-2024":         140,
	"digits-run-together-unbalanced-pingtan-gaj-2021": 194,
	"digits-run-together-unbalanced-pingtan-jjf-2023": 200,
	"digits-run-together-unbalanced-pingtan-jjf-2024": 197,
	"digits-run-together-unbalanced-pingtan-jjf-2025": 197,
	"digits-run-together-table4-pingtan-2025":         147,
	"digits-run-together-v2019-pingtan-2019":          165,
	"digits-run-together-v2019-pingtan-2020":          167,
	"digits-run-together-v2019-pingtan-gaj-2019":      180,
	"missing-section6-pingtan-czj-2021":               200,
	"ocr-markdown-split-tables-shuyang-2025":          25,
	"partly-spaced-digits-pingtan-czj-2023":           200,
	"partly-spaced-digits-pingtan-czj-2025":           200,
	"partly-spaced-heading-variant-pingtan-gaj-2024":  200,
	"pdf-markdown-detached-labels-shkewei-2024":       10,
	"pdf-markdown-dropped-cells-shanghai-office-2025": 4,
	"spaced-cells-breadcrumb-v2019-pingtan-hzs-2019":  195,
	"spaced-cells-breadcrumb-v2019-pingtan-hzs-2020":  195,
	"spaced-cells-breadcrumb-v2019-pingtan-jjf-2020":  198,
	"truncated-pdftotext-huaian-2024":                 94,
}

// TestRealLayouts checks nianbao on real texts as converters and crawlers
// stored them (testdata/layouts/real): a cell is read right or not read,
// never read as another value, and at least as many are read right as
// realLayoutFloor says.
func TestRealLayouts(t *testing.T) {
	files, _ := filepath.Glob("../testdata/layouts/real/*.truth.json")
	if len(files) == 0 {
		t.Fatal("no real layouts")
	}
	for _, tp := range files {
		name := strings.TrimSuffix(filepath.Base(tp), ".truth.json")
		t.Run(name, func(t *testing.T) {
			tr := readTruth(t, tp)
			res := checkSource(t, strings.TrimSuffix(tp, ".truth.json")+".*")
			count := map[string]int{}
			for k, want := range tr.Cells {
				v := cellVerdict(res.Report.Cell(k), want)
				count[v]++
				if v == "wrong" {
					c := res.Report.Cell(k)
					t.Errorf("%s: wrong (state %s, raw %q, value %v), document shows %q", k, c.State, c.Raw, c.Value, want)
				}
			}
			for _, k := range tr.Unread {
				if c := res.Report.Cell(k); c.State != schema.StateMissing {
					count["guessed"]++
					t.Errorf("%s: read as %s %q, but the text cannot tell it", k, c.State, c.Raw)
				}
			}
			t.Logf("cells: %d right, %d wrong, %d unread, %d guessed", count["right"], count["wrong"], count["unread"], count["guessed"])
			floor, ok := realLayoutFloor[name]
			if !ok {
				t.Errorf("no floor in realLayoutFloor; today %d cells are read right", count["right"])
			}
			if count["right"] < floor {
				t.Errorf("%d cells read right, fewer than the floor %d", count["right"], floor)
			}
		})
	}
}
