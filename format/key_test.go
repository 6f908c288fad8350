package format

import (
	"strings"
	"testing"
)

func TestKeyParts(t *testing.T) {
	tests := []struct {
		key             Key
		table, row, col string
		kind            NumberKind
	}{
		{"t3.R7.TOT", T3, "R7", "TOT", Count},
		{"t3.R6_3.NP", T3, "R6_3", "NP", Count},
		{"t4.lit_after.total", T4, "lit_after", "total", Count},
		{"t2.a1.reg.issued", T2, "a1.reg", "issued", Count},
		{"t2.a5.lic.delta", T2, "a5.lic", "delta", Signed},
		{"t2.a8.fee.amount_wan", T2, "a8.fee", "amount_wan", Money},
	}
	for _, tt := range tests {
		if tt.key.Table() != tt.table || tt.key.Row() != tt.row || tt.key.Col() != tt.col || tt.key.Kind() != tt.kind {
			t.Errorf("%s: parts %q %q %q kind %d, want %q %q %q kind %d", tt.key, tt.key.Table(), tt.key.Row(), tt.key.Col(), tt.key.Kind(), tt.table, tt.row, tt.col, tt.kind)
		}
		if got := CellKey(tt.table, tt.row, tt.col); got != tt.key {
			t.Errorf("CellKey(%q, %q, %q) = %q, want %q", tt.table, tt.row, tt.col, got, tt.key)
		}
		if k, err := ParseKey(string(tt.key)); err != nil || k != tt.key {
			t.Errorf("ParseKey(%q) = %q, %v", tt.key, k, err)
		}
	}
}

func TestUnknownKeys(t *testing.T) {
	for _, s := range []string{"", "t3", "t3.R7", "t3.R7.TOTAL", "t3.r7.TOT", "t3.R8.TOT", "t4.rev", "t4.rev.kept", "t2.a8.fee.amount", "t2.a1.reg", "T3.R7.TOT", "t3.R7.TOT."} {
		if IsKey(s) {
			t.Errorf("IsKey(%q) = true", s)
		}
		if _, err := ParseKey(s); err == nil {
			t.Errorf("ParseKey(%q): no error", s)
		}
	}
	defer func() {
		if v := recover(); v == nil || !strings.Contains(v.(string), "t3.R7.TOTAL") {
			t.Errorf("CellKey with a misspelt column: recovered %v, want a panic naming the key", v)
		}
	}()
	CellKey(T3, "R7", "TOTAL")
}

// TestKeysFor checks the key lists against the template's cell counts
// (template-spec §4): every key known, none twice.
func TestKeysFor(t *testing.T) {
	for _, tt := range []struct {
		v     Version
		split bool
		n     int
	}{
		{V2019, false, 2*3 + 2*3 + 2*3 + 1*2 + 1*2 + 23*7 + 15},
		{V2021, true, 6 + 1 + 2 + 1 + 25*7 + 15},
		{VUnknown, false, 23*7 + 15},
	} {
		ks := KeysFor(tt.v, tt.split)
		if len(ks) != tt.n {
			t.Errorf("KeysFor(%s, %v): %d keys, want %d", tt.v, tt.split, len(ks), tt.n)
		}
		seen := map[string]bool{}
		for _, k := range ks {
			if seen[k] || !IsKey(k) {
				t.Errorf("KeysFor(%s, %v): %q twice or unknown", tt.v, tt.split, k)
			}
			seen[k] = true
		}
	}
}

// TestTableMarks keeps the table marks equal to the labels they stand for.
func TestTableMarks(t *testing.T) {
	for _, tt := range []struct{ mark, key string }{
		{MarkT3Column, "NP"}, {MarkT4Review, "rev"}, {MarkT4Litigation, "lit"},
	} {
		if l := HeaderLabel(tt.key).Label; l != tt.mark {
			t.Errorf("mark %q, but header %s is %q", tt.mark, tt.key, l)
		}
	}
	if first := T3Rows[0].Core[0]; first[:len(MarkT3FirstRow)] != MarkT3FirstRow {
		t.Errorf("mark %q does not start the first row of table 三, %q", MarkT3FirstRow, first)
	}
}
