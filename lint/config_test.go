package lint

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/rules"
)

func writeConfig(t *testing.T, dir, text string) string {
	t.Helper()
	p := filepath.Join(dir, ConfigName)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func ruleIDs(rs []*rules.Rule) []string {
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	return ids
}

func TestConfig(t *testing.T) {
	dir := t.TempDir()
	p := writeConfig(t, dir, `
rules: [all, "-N*"]
enable: [N1001]
disable: ["C101?", a1005]
severity:
  C1004: error
  "M100*": info
year: 2020
blank: warning
`)
	c, err := LoadConfig(p)
	if err != nil {
		t.Fatal(err)
	}
	opts := DefaultOptions()
	if err := c.Apply(&opts, []string{"N1002"}, []string{"A2006"}); err != nil {
		t.Fatal(err)
	}
	ids := ruleIDs(opts.Rules)
	for id, want := range map[string]bool{
		"N1001": true, "N1002": true, "N1003": false, "C1010": false, "C1012": false,
		"C1009": true, "A1005": false, "A2006": false, "A2001": true, "P0001": true,
	} {
		if slices.Contains(ids, id) != want {
			t.Errorf("%s enabled = %v, want %v", id, !want, want)
		}
	}
	if opts.Severity["C1004"] != rules.Error || opts.Severity["M1001"] != rules.Info || opts.Severity["M1005"] != rules.Info {
		t.Errorf("severity overrides %v", opts.Severity)
	}
	if opts.Rule.Year != 2020 {
		t.Errorf("year %d", opts.Rule.Year)
	}
	// The overrides reach the findings.
	res := CheckFile(context.Background(), "../testdata/seed-2020.txt", opts)
	for _, f := range res.Findings {
		if f.Rule == "C1004" && f.Severity != rules.Error {
			t.Errorf("C1004 severity %v, want error", f.Severity)
		}
		if f.Rule == "N1001" {
			t.Errorf("unexpected %s", f.Rule)
		}
	}
}

func TestConfigErrors(t *testing.T) {
	for name, tt := range map[string]struct{ yaml, want string }{
		"unknown key":      {"rulez: [all]\n", "rulez"},
		"unknown rule":     {"disable: [Z9999]\n", "Z9999"},
		"unknown glob":     {"rules: [Q*]\n", "Q*"},
		"bad severity":     {"severity:\n  C1004: fatal\n", "fatal"},
		"severity unknown": {"severity:\n  Z1*: error\n", "Z1*"},
		"bad blank":        {"blank: zero\n", "zero"},
		"bad year":         {"year: 1999\n", "1999"},
		"not yaml":         {"rules: [all\n", ".nianbao.yaml"},
	} {
		t.Run(name, func(t *testing.T) {
			p := writeConfig(t, t.TempDir(), tt.yaml)
			c, err := LoadConfig(p)
			if err == nil {
				opts := DefaultOptions()
				err = c.Apply(&opts, nil, nil)
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to name %q", err, tt.want)
			}
		})
	}
	opts := DefaultOptions()
	if err := (&Config{}).Apply(&opts, []string{"X9*"}, nil); err == nil || !strings.Contains(err.Error(), "X9*") {
		t.Errorf("--enable X9*: err = %v", err)
	}
}

func TestConfigBlank(t *testing.T) {
	for blank, want := range map[string]string{"error": "error", "allow": "", "warning": "warning"} {
		opts := DefaultOptions()
		if err := (&Config{Blank: blank}).Apply(&opts, nil, nil); err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, f := range CheckFile(context.Background(), "../testdata/seed-2020.txt", opts).Findings {
			if f.Rule == "C1004" {
				got = f.Severity.String()
			}
		}
		if got != want {
			t.Errorf("blank: %s → C1004 %q, want %q", blank, got, want)
		}
	}
}

func TestFindConfig(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := FindConfig(deep); got != "" && strings.HasPrefix(got, root) {
		t.Fatalf("found %s before writing one", got)
	}
	p := writeConfig(t, root, "year: 2024\n")
	if got := FindConfig(deep); got != p {
		t.Errorf("FindConfig = %q, want %q", got, p)
	}
}
