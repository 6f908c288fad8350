package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestRequires checks that a rule's required rules run for it whether or
// not they are selected, that their findings are output only when they
// are, and that a root cause drops the findings it supersedes.
func TestRequires(t *testing.T) {
	ids := func(fs []Finding) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Rule+" "+f.Cell)
		}
		return out
	}
	for _, c := range []struct {
		rs   []*Rule
		want []string
	}{
		{[]*Rule{A2005}, []string{"A2005 t3.NEW.NP"}},
		{[]*Rule{A2001}, []string{"A2001 t3.R7.NP", "A2001 t3.R7.OTH"}},
		{[]*Rule{A2001, A2005}, []string{"A2005 t3.NEW.NP"}},
		{[]*Rule{A2001, A2002, A2003, A2004, A2005}, []string{"A2005 t3.NEW.NP"}},
	} {
		r := balanced()
		e1(r)
		if got := ids(Run(r, c.rs, Options{})); !slices.Equal(got, c.want) {
			t.Errorf("rules %d: got %q, want %q", len(c.rs), got, c.want)
		}
	}
	r := balanced()
	set(r, "t3.R7.NP", 1)
	fs := Run(r, All(), Options{})
	var a2004 *Finding
	for i, f := range fs {
		if strings.HasPrefix(f.Rule, "A200") && f.Rule != A2004.ID {
			t.Errorf("superseded finding kept: %s %s", f.Rule, f.Cell)
		}
		if f.Rule == A2004.ID {
			a2004 = &fs[i]
		}
	}
	if a2004 == nil || len(a2004.Supersedes) != 3 || a2004.Supersedes[0].Rule != A2001 {
		t.Errorf("A2004 finding %+v", a2004)
	}
}

func TestValidateRequires(t *testing.T) {
	rule := func(id string) *Rule {
		return &Rule{ID: id, Title: "t", Doc: "d", Since: "0", Severity: Error, Check: func(*Pass) {},
			ZH: Texts{Title: "标题", Doc: "说明"}}
	}
	a, b, c, outside := rule("A1001"), rule("A1002"), rule("A1003"), rule("A1004")
	a.Requires, b.Requires, c.Requires = []*Rule{b}, []*Rule{a}, []*Rule{outside}
	err := Validate([]*Rule{a, b, c})
	for _, want := range []string{"rule A1001: Requires forms a cycle", "rule A1002: Requires forms a cycle", "rule A1003: requires a rule that is not registered"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}
