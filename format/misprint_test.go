package format

import "testing"

// The misprints real reports print (testdata/layouts/real, issue 18), and
// what must not pass for one.
func TestMisprint(t *testing.T) {
	for _, c := range []struct {
		label, word string
		ok          bool
	}{
		{"本年废纸件数", "本年废止件数", true},  // 公安局 2021
		{"现行有效件", "现行有效件数", true},   // one character left out
		{"现在行有效件数", "现行有效件数", true}, // one added
		{"行政事业型收费", "行政事业性收费", true},
		{"本年制发件数", "本年废止件数", false}, // two changed: another column
		{"规章", "规定", false},         // short words match exactly
		{"现行有效", "现行有效件数", false},
	} {
		if _, ok := Misprint(c.label, c.word); ok != c.ok {
			t.Errorf("Misprint(%q, %q) = %v, want %v", c.label, c.word, ok, c.ok)
		}
	}
	if d := EditDistance("吴中区人民政府", "苏州市吴中区人民政府"); d != 3 {
		t.Errorf("EditDistance = %d, want 3", d)
	}
}
