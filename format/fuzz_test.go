package format

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// numberSeeds are cell texts as reports write them, plus the edge cases of
// the grammar.
var numberSeeds = []string{
	"12", "１２", "0\u3000", "1 ", "", " ", "/", "—", "无", "不适用", "N/A",
	"-3", "＋4", "－0", "3.5", ".5", "5.", "1.2.3", "1e5", "0x10", "１，０００",
	"103.3879万元", "251000 元", "元", "万元", "9999999999999999", "1000000000000000",
	"\u200b7\ufeff", "\xff\xfe", "٣", "Ⅻ", "①",
}

// labelSeeds adds the table labels of the committed reports to seeds.
func labelSeeds(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	for _, s := range []string{
		"（七）总计", "自然人", "“三类” 信息", "e \u0301", "a\u200b\u0301", "ＡＢＣ　１",
		"\"quoted\"", "第 二 十 条", "\u00a0x", "\ufb01", "ﾊﾟ",
	} {
		f.Add(s)
	}
	names, _ := filepath.Glob("../testdata/*.txt")
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			for _, cell := range strings.Split(line, "\t") {
				if c := TrimCell(cell); c != "" && len(c) < 64 {
					f.Add(c)
				}
			}
		}
	}
}

// fullWidth maps printable ASCII to the full-width forms (U+FF01–U+FF5E)
// and the space to U+3000, as a Chinese input method types them.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return '\u3000'
		case r > ' ' && r < 0x7f:
			return r - 0x21 + 0xFF01
		}
		return r
	}, s)
}

func checkNumber(t *testing.T, raw string, kind NumberKind) {
	v, class := ParseNumber(raw, kind)
	switch class {
	case ClassBlank, ClassNA, ClassText:
		if v != 0 {
			t.Fatalf("ParseNumber(%q, %d) = %v with class %d", raw, kind, v, class)
		}
		return
	case ClassNumber:
	default:
		t.Fatalf("ParseNumber(%q, %d): class %d", raw, kind, class)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e15 {
		t.Fatalf("ParseNumber(%q, %d) = %v", raw, kind, v)
	}
	if kind != Money && v != math.Trunc(v) {
		t.Fatalf("ParseNumber(%q, %d) = %v, not an integer", raw, kind, v)
	}
	if kind != Signed && (v < 0 || math.Signbit(v)) {
		t.Fatalf("ParseNumber(%q, %d) = %v, negative", raw, kind, v)
	}
	// The number as nianbao prints it reads back as the same number.
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if w, c := ParseNumber(s, kind); c != ClassNumber || w != v {
		t.Fatalf("ParseNumber(%q, %d) = %v, but %q reads back as %v (class %d)", raw, kind, v, s, w, c)
	}
}

// FuzzParseNumber checks that ParseNumber never panics, that a number is a
// finite value valid for the cell's kind which reads back from its printed
// form, and that typing the cell in full-width changes nothing.
func FuzzParseNumber(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, kind := range []NumberKind{Count, Signed, Money} {
			checkNumber(t, raw, kind)
			if isPrintableASCII(raw) {
				v, c := ParseNumber(raw, kind)
				fw := fullWidth(raw)
				if w, d := ParseNumber(fw, kind); w != v || d != c {
					t.Fatalf("ParseNumber(%q, %d) = %v, %d but full-width %q gives %v, %d", raw, kind, v, c, fw, w, d)
				}
			}
		}
	})
}

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// FuzzParseMoney checks that ParseMoney never panics, returns a unit only
// with a number, agrees with ParseNumber when no unit is written, and that a
// number with its unit reads back as itself.
func FuzzParseMoney(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, unit, class := ParseMoney(raw)
		switch {
		case class != ClassNumber && (v != 0 || unit != ""):
			t.Fatalf("ParseMoney(%q) = %v %q with class %d", raw, v, unit, class)
		case unit != "" && unit != "元" && unit != "万元":
			t.Fatalf("ParseMoney(%q): unit %q", raw, unit)
		case unit == "":
			if w, c := ParseNumber(raw, Money); w != v || c != class {
				t.Fatalf("ParseMoney(%q) = %v, %d but ParseNumber gives %v, %d", raw, v, class, w, c)
			}
		}
		if class != ClassNumber {
			return
		}
		if math.IsNaN(v) || v < 0 || v > 1e15 {
			t.Fatalf("ParseMoney(%q) = %v", raw, v)
		}
		s := strconv.FormatFloat(v, 'f', -1, 64) + unit
		if w, u, c := ParseMoney(s); w != v || u != unit || c != ClassNumber {
			t.Fatalf("ParseMoney(%q) = %v %q, but %q reads back as %v %q (class %d)", raw, v, unit, s, w, u, c)
		}
	})
}

// FuzzNormalizeLabel checks that NormalizeLabel never panics, is
// idempotent, keeps valid UTF-8 valid, and leaves no white space, quote
// mark or zero-width character in its result.
func FuzzNormalizeLabel(f *testing.F) {
	labelSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeLabel(s)
		if utf8.ValidString(s) {
			if slow := normalizeLabelNFKC(s); slow != n {
				t.Fatalf("NormalizeLabel(%q) = %q, but NFKC gives %q", s, n, slow)
			}
		}
		if nn := NormalizeLabel(n); nn != n {
			t.Fatalf("NormalizeLabel not idempotent: %q -> %q -> %q", s, n, nn)
		}
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("NormalizeLabel(%q) = %q, invalid UTF-8", s, n)
		}
		for _, r := range n {
			if unicode.IsSpace(r) || isQuote(r) || r == '\u200b' || r == '\ufeff' {
				t.Fatalf("NormalizeLabel(%q) = %q keeps %U", s, n, r)
			}
		}
	})
}
