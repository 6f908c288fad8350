package format

import (
	"strings"
	"testing"

	"github.com/nianbao/nianbao/internal/testsupport/realtext"
	"golang.org/x/text/width"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		raw   string
		kind  NumberKind
		want  float64
		class NumberClass
	}{
		{"12", Count, 12, ClassNumber},
		{"１２", Count, 12, ClassNumber},
		{"0\u3000", Count, 0, ClassNumber},
		{"1 ", Count, 1, ClassNumber},
		{"1\u00a0", Count, 1, ClassNumber},
		{"\t 7\n", Count, 7, ClassNumber},
		{"", Count, 0, ClassBlank},
		{" \u3000", Count, 0, ClassBlank},
		{"/", Count, 0, ClassNA},
		{"／", Count, 0, ClassNA},
		{"—", Count, 0, ClassNA},
		{"-", Count, 0, ClassNA},
		{"无", Count, 0, ClassNA},
		{"不适用", Count, 0, ClassNA},
		{"-3", Count, 0, ClassText},  // no sign in a count cell
		{"+3", Count, 0, ClassText},  // no sign in a count cell
		{"1.5", Count, 0, ClassText}, // decimals only in money cells
		{"1件", Count, 0, ClassText},
		{"1,234", Count, 0, ClassText},
		{"+3", Signed, 3, ClassNumber},
		{"-2", Signed, -2, ClassNumber},
		{"－2", Signed, -2, ClassNumber},
		{"＋１０", Signed, 10, ClassNumber},
		{"--253", Signed, 0, ClassText},
		{"+", Signed, 0, ClassText},
		{"96171.6", Money, 96171.6, ClassNumber},
		{"103.3879万元", Money, 0, ClassText},
		{".5", Money, 0, ClassText},
		{"5.", Money, 0, ClassText},
		{"1.2.3", Money, 0, ClassText},
		{"-1.5", Money, 0, ClassText},
		{"99999999999999999999", Count, 0, ClassText},
	}
	for _, tt := range tests {
		got, class := ParseNumber(tt.raw, tt.kind)
		if class != tt.class || got != tt.want {
			t.Errorf("ParseNumber(%q, %v) = %v, %v; want %v, %v", tt.raw, tt.kind, got, class, tt.want, tt.class)
		}
	}
}

func TestNormalizeLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"},
		{"3.危及“三安全一稳定”", "3.危及三安全一稳定"},
		{"3.危及\"三安全一稳定\"", "3.危及三安全一稳定"},
		{"本年新\n制作数量", "本年新制作数量"},
		{"本年新 制作数量", "本年新制作数量"},
		{"第二十条\u3000第（一）项", "第二十条第(一)项"},
		{"（三） 不予公开", "(三)不予公开"},
	}
	for _, tt := range tests {
		if got := NormalizeLabel(tt.in); got != tt.want {
			t.Errorf("NormalizeLabel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		raw   string
		v     float64
		unit  string
		class NumberClass
	}{
		{"96171.6", 96171.6, "", ClassNumber},
		{"103.3879万元", 103.3879, "万元", ClassNumber},
		{"251000 元", 251000, "元", ClassNumber},
		{"２５万元", 25, "万元", ClassNumber},
		{"万元", 0, "", ClassText},
		{"约5万元", 0, "", ClassText},
		{"", 0, "", ClassBlank},
		{"/", 0, "", ClassNA},
	}
	for _, tt := range tests {
		v, unit, class := ParseMoney(tt.raw)
		if v != tt.v || unit != tt.unit || class != tt.class {
			t.Errorf("ParseMoney(%q) = %v %q %v, want %v %q %v", tt.raw, v, unit, class, tt.v, tt.unit, tt.class)
		}
	}
}

// TestParseNumberIdeographs: a text with an ideograph is refused before it
// is narrowed. That is right only if narrowing never turns such a text into
// a number or a not-applicable mark: checked on every cell and line of the
// real reports and fixtures, and on the marks themselves.
func TestParseNumberIdeographs(t *testing.T) {
	texts := realtext.Pieces(t, "../testdata")
	texts = append(texts, "无", " 无 ", "\u3000无\u3000", "无\u200b", "不适用", "\u3000不适用", "无。", "１２件", "１２", "－３", "—", "／", "\xe4", "1\xe9")
	for _, x := range texts {
		if !hasIdeograph(TrimCell(x)) {
			continue
		}
		n := TrimCell(width.Narrow.String(TrimCell(x)))
		mark := isNA(n)
		if mark != (n == "无" || n == "不适用") {
			t.Errorf("%q narrows to the mark %q", x, n)
		}
		for _, kind := range []NumberKind{Count, Signed, Money} {
			_, class := ParseNumber(x, kind)
			if want := map[bool]NumberClass{true: ClassNA, false: ClassText}[mark]; class != want {
				t.Errorf("ParseNumber(%q, %d): class %d, want %d", x, kind, class, want)
			}
		}
	}
}

// TestHasDigit: HasDigit decides as strings.ContainsAny with the half- and
// full-width digits, on every piece of text in testdata and on broken bytes.
func TestHasDigit(t *testing.T) {
	for _, s := range append(realtext.Pieces(t, "../testdata"), "", "件", "１", "\xef\xbc", "\xef\xbc\x90", "\xe4\xef\xbc\x99", "\xbc\x90", "a9") {
		if got, want := HasDigit(s), strings.ContainsAny(s, "0123456789０１２３４５６７８９"); got != want {
			t.Errorf("HasDigit(%q) = %v, want %v", s, got, want)
		}
	}
}
