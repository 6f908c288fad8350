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
	if r.Report == nil || r.Report.Cut == nil || r.Report.Cut.Row != "t3.R3_8" {
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

// TestTextStarts checks a text that begins part-way, inside table 二 (one
// page of a PDF, a partial copy): one C1015 finding names the first row
// read, and nothing before it — title, sections, rows — is reported missing.
func TestTextStarts(t *testing.T) {
	whole, err := os.ReadFile("../testdata/v2021-clean.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(whole)
	i := strings.Index(text, "\t第二十条第（五）项\n")
	if i < 0 {
		t.Fatal("block not found")
	}
	r := CheckBytes(context.Background(), "start.txt", []byte(text[i:]), DefaultOptions())
	if r.Report == nil || r.Report.Start == nil || r.Report.Start.Row != "t2.a5.lic" {
		t.Fatalf("start: %+v", r.Report.Start)
	}
	if len(r.Findings) != 1 || r.Findings[0].Rule != "C1015" || !strings.Contains(r.Findings[0].Msg.Format, "starts in") {
		t.Errorf("findings %+v", r.Findings)
	}
	if c := r.Report.Cell("t3.R7.TOT"); !c.IsNumber() {
		t.Errorf("the rows after the start are read: %+v", c)
	}
	// The real case: a page of the 淮安 2024 report, from inside table 二 to
	// inside table 三 — one finding for each end, nothing missing reported.
	r = CheckFile(context.Background(), "../testdata/layouts/real/truncated-pdftotext-huaian-2024.txt", DefaultOptions())
	rules := map[string]int{}
	for _, f := range r.Findings {
		rules[f.Rule]++
	}
	if r.Report.Start == nil || rules["C1015"] != 2 || rules["C1001"] != 0 || rules["C1002"] != 0 || rules["C1003"] != 0 {
		t.Errorf("淮安 page: start %+v, findings %v", r.Report.Start, rules)
	}
	w := CheckBytes(context.Background(), "whole.txt", whole, DefaultOptions())
	if w.Report.Start != nil {
		t.Errorf("a whole report starts part-way: %+v", w.Report.Start)
	}
}
