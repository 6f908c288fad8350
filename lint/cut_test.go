package lint

import (
	"context"
	"os"
	"strings"
	"testing"
)

// TestTextCut checks a report whose text stops inside table 三 (a download
// cut short): one C1015 finding names the last row read, what is present is
// still checked, and nothing after the cut is reported missing row by row,
// table by table or section by section.
func TestTextCut(t *testing.T) {
	whole, err := os.ReadFile("../testdata/v2021-clean.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(whole)
	i := strings.Index(text, "\t（四）无法提供\n")
	if i < 0 {
		t.Fatal("row not found")
	}
	r := CheckBytes(context.Background(), "cut.txt", []byte(text[:i]), DefaultOptions())
	if r.Report == nil || r.Report.Cut == nil || r.Report.Cut.Last != "t3.R3_8" {
		t.Fatalf("cut: %+v", r.Report.Cut)
	}
	rules := map[string]int{}
	for _, f := range r.Findings {
		rules[f.Rule]++
	}
	if rules["C1015"] != 1 || rules["C1001"] != 0 || rules["C1002"] != 0 || rules["C1003"] != 0 || rules["M1004"] != 0 {
		t.Errorf("findings %v", rules)
	}
	if c := r.Report.Cell("t3.R3_8.TOT"); !c.IsNumber() {
		t.Errorf("the rows before the cut are read: %+v", c)
	}
	w := CheckBytes(context.Background(), "whole.txt", whole, DefaultOptions())
	if w.Report.Cut != nil {
		t.Errorf("a whole report is cut: %+v", w.Report.Cut)
	}
}
