package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/nianbao/nianbao/rules"
)

// RulesMarkdown writes docs/rules.md: every rule with its ID, severity,
// title, documentation and example, in Chinese and in English.
func RulesMarkdown(w io.Writer, rs []*rules.Rule) error {
	zh, err := NewPrinter("zh")
	if err != nil {
		return err
	}
	en, err := NewPrinter("en")
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, "# nianbao 规则 / rules\n\n")
	fmt.Fprint(bw, "<!-- Generated from the rule registry by `go test ./cmd/nianbao -update`; do not edit. -->\n\n")
	fmt.Fprint(bw, "| ID | 级别 | 说明 | title |\n|---|---|---|---|\n")
	for _, r := range rs {
		fmt.Fprintf(bw, "| [%s](#%s) | %s | %s | %s |\n", r.ID, strings.ToLower(r.ID), zh.Severity(r.Severity), zh.Sprintf(r.Title), en.Sprintf(r.Title))
	}
	for _, r := range rs {
		fmt.Fprintf(bw, "\n## %s\n\n**%s** — %s（%s / %s，%s）\n\n%s\n\n%s\n", r.ID, zh.Sprintf(r.Title), en.Sprintf(r.Title),
			zh.Severity(r.Severity), en.Severity(r.Severity), r.Since, zh.Sprintf(r.Doc), en.Sprintf(r.Doc))
		if r.Example.Bad != "" {
			fmt.Fprintf(bw, "\n- ✗ %s\n- ✓ %s\n", oneLine(r.Example.Bad), oneLine(r.Example.Good))
		}
	}
	return bw.Flush()
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " / ") }
