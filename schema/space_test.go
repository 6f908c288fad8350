package schema

import (
	"strings"
	"testing"
)

func TestStripSpaceAsMap(t *testing.T) {
	for _, s := range []string{"", "a b", "全年\u3000共", "x\u00a0y", "\t", "无空白", "坏\xff字节", "\xe3\x80", "2020年1月1日至12月31日"} {
		want := strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' {
				return -1
			}
			return r
		}, s)
		if got := stripSpace(s); got != want {
			t.Errorf("stripSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
