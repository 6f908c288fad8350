package rules

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// TestTextsRender checks the catalogue: no text in either language holds
// "%!", and every message, formatted with arguments of its verbs' kinds,
// prints without a "%!" in English and in Chinese: the Chinese has the
// verbs of the English, in the same order.
func TestTextsRender(t *testing.T) {
	verbRe := regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`) // the verbs of a format
	for _, tr := range Translations() {
		if strings.Contains(tr.EN, "%!") || strings.Contains(tr.ZH, "%!") {
			t.Errorf("%q / %q: holds %%!", tr.EN, tr.ZH)
		}
	}
	for _, r := range All() {
		// Titles and docs are printed as formats without arguments: a
		// bare "%" must be written "%%".
		for _, s := range []string{r.Title, r.Doc, r.ZH.Title, r.ZH.Doc, r.Example.Bad, r.Example.Good} {
			if p := fmt.Sprintf(s, []any{}...); strings.Contains(p, "%!") {
				t.Errorf("%s: %q prints %q", r.ID, s, p)
			}
		}
		for _, tr := range r.ZH.Messages {
			var args []any
			for _, v := range verbRe.FindAllString(tr.EN, -1) {
				switch v[len(v)-1] {
				case '%':
				case 'd':
					args = append(args, 7)
				default:
					args = append(args, "x")
				}
			}
			for _, s := range []string{fmt.Sprintf(tr.EN, args...), fmt.Sprintf(tr.ZH, args...)} {
				if strings.Contains(s, "%!") {
					t.Errorf("%s: %q prints %q", r.ID, tr.EN, s)
				}
			}
		}
	}
}

// TestValidateTexts checks that Validate asks for the Chinese texts, and
// for one translation of a message that two rules declare.
func TestValidateTexts(t *testing.T) {
	ok := func(id string, msg Translation) *Rule {
		return &Rule{ID: id, Title: "t", Doc: "d", Since: "0", Severity: Error, Check: func(*Pass) {},
			ZH: Texts{Title: "标题", Doc: "说明", Messages: []Translation{msg}}}
	}
	if err := Validate([]*Rule{ok("A1001", Translation{"m", "甲"}), ok("A1002", Translation{"m", "甲"})}); err != nil {
		t.Fatal(err)
	}
	noZH := ok("A1001", Translation{"m", ""})
	noZH.ZH.Title = ""
	err := Validate([]*Rule{noZH, ok("A1002", Translation{"m", "乙"}), ok("A1003", Translation{"m", "丙"})})
	for _, want := range []string{"missing Chinese title", "has no Chinese text", "translated twice"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}
