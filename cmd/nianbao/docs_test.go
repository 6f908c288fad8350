package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/rules"
)

// TestDocsRules keeps docs/rules.md in step with the registry.
func TestDocsRules(t *testing.T) {
	inRepo(t)
	var b bytes.Buffer
	if err := report.RulesMarkdown(&b, rules.All()); err != nil {
		t.Fatal(err)
	}
	const file = "docs/rules.md"
	if *update {
		if err := os.MkdirAll("docs", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("%s is stale: run go test ./cmd/nianbao -update", file)
	}
}
