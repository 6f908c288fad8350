package format

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// NormalizeLabel prepares a label for matching: NFKC (full-width brackets,
// colons and digits become ASCII), then every white space character, quote
// mark and zero-width character is removed, and the traditional forms of
// the format's characters become simplified ("政府信息公開" → "政府信息公开",
// see traditional). It is idempotent.
func NormalizeLabel(s string) string {
	if plainASCII(s) {
		return s // NFKC leaves it as it is, and there is nothing to remove
	}
	if n, ok := normalizeCommon(s); ok {
		return n
	}
	return normalizeLabelNFKC(s)
}

// normalizeCommon is NormalizeLabel for the characters labels are made of:
// ASCII, the CJK Unified Ideographs, the full-width forms of ASCII, the
// ideographic space and common Chinese punctuation. NFKC changes none of
// them except the full-width forms, which it maps to ASCII, and no two of
// them compose; so the result is computed rune by rune, and s itself is
// returned when nothing changes. ok is false when s has another
// character; NormalizeLabel then takes the general path.
func normalizeCommon(s string) (string, bool) {
	same := true // nothing to map or remove so far
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if r <= ' ' || r == 0x7f || r == '"' || r == '\'' {
				if r < ' ' && !unicode.IsSpace(r) || r == 0x7f {
					return "", false // control characters: leave to NFKC
				}
				same = false
			}
		case r >= 0x4E00 && r <= 0x9FFF:
			if isTraditional(r) {
				same = false
			}
		case r == '、', r == '。', r == '《', r == '》', r == '〔', r == '〕', r == '【', r == '】':
		case r >= 0xFF01 && r <= 0xFF5E, r == '\u3000', isQuote(r):
			same = false
		default:
			return "", false
		}
	}
	if same {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFF01 - 0x21
		}
		r = simplified(r)
		if unicode.IsSpace(r) || isQuote(r) {
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b), true
}

// normalizeLabelNFKC is NormalizeLabel for any text.
func normalizeLabelNFKC(s string) string {
	if !utf8.ValidString(s) {
		// NFKC passes invalid bytes through and may leave what follows
		// them unnormalised; the loop below would turn them into U+FFFD,
		// and a second call would normalise the rest.
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	removed := false
	for _, r := range s {
		if unicode.IsSpace(r) || isQuote(r) || r == '\u200b' || r == '\ufeff' {
			removed = true
			continue
		}
		b.WriteRune(simplified(r))
	}
	if removed {
		// A removed character may have separated a letter from a combining
		// mark ("e \u0301"): compose what is now adjacent, so that a second
		// call changes nothing. Composition creates no space or quote.
		return norm.NFKC.String(b.String())
	}
	return b.String()
}

// tradBits has a bit for each rune of U+4E00–U+9FFF that traditional
// maps: most label characters are tested against it, and only those it has
// are looked up in the map. 2.6 KB, made once at start from the map.
var tradBits = func() (set [(0x9FFF - 0x4E00 + 64) / 64]uint64) {
	for r := range traditional {
		if r >= 0x4E00 && r <= 0x9FFF {
			i := r - 0x4E00
			set[i/64] |= 1 << (i % 64)
		}
	}
	return set
}()

func isTraditional(r rune) bool {
	if r < 0x4E00 || r > 0x9FFF {
		return false
	}
	i := r - 0x4E00
	return tradBits[i/64]&(1<<(i%64)) != 0
}

// simplified returns the simplified form of a traditional character of
// the format's labels, or r.
func simplified(r rune) rune {
	if isTraditional(r) {
		return traditional[r]
	}
	return r
}

// plainASCII reports whether s is printable ASCII without spaces or quotes.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f || c == '"' || c == '\'' {
			return false
		}
	}
	return true
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '〝', '〞':
		return true
	}
	return false
}

// TrimCell removes the white space a cell may carry around its value,
// including no-break spaces and the ideographic space U+3000.
func TrimCell(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' })
}

// NumberKind says which numbers a cell may hold.
type NumberKind int

const (
	// Count cells hold unsigned integers.
	Count NumberKind = iota
	// Signed cells hold integers with an optional leading sign.
	Signed
	// Money cells hold unsigned decimals.
	Money
)

// NumberClass classifies a cell's raw text.
type NumberClass int

const (
	// ClassBlank is an empty cell.
	ClassBlank NumberClass = iota
	// ClassNA is a "not applicable" mark: "/", "—", "-", "无", "不适用".
	ClassNA
	// ClassNumber is a number valid for the cell's kind.
	ClassNumber
	// ClassText is anything else, including numbers not valid for the kind
	// (a sign in a count cell, a decimal outside money cells).
	ClassText
)

// ParseNumber classifies raw, the text of a cell of the given kind, and
// returns its value when it is a number. Half- and full-width digits are
// accepted, surrounding white space (including U+3000) is ignored; a leading
// "+" or "-" (also full-width) only in Signed cells; a decimal point only in
// Money cells. Nothing is guessed: a blank cell is ClassBlank, never 0.
func ParseNumber(raw string, kind NumberKind) (float64, NumberClass) {
	s := TrimCell(raw)
	if len(s) > 4*maxNumberLen {
		return 0, ClassText // not worth narrowing: too long even full-width
	}
	if !plainASCII(s) {
		if hasIdeograph(s) && s != "无" && s != "不适用" {
			// An ideograph has no narrow form: s is a label, not a
			// number or a mark, and is not worth narrowing.
			return 0, ClassText
		}
		s = TrimCell(width.Narrow.String(s))
	}
	if s == "" {
		return 0, ClassBlank
	}
	if len(s) > maxNumberLen {
		return 0, ClassText
	}
	if isNA(s) {
		return 0, ClassNA
	}
	body := s
	sign := 1.0
	if kind == Signed && (body[0] == '+' || body[0] == '-') {
		if body[0] == '-' {
			sign = -1
		}
		body = body[1:]
	}
	if body == "" {
		return 0, ClassText
	}
	dot := false
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c >= '0' && c <= '9':
		case c == '.' && kind == Money && !dot && i > 0 && i < len(body)-1:
			dot = true
		default:
			return 0, ClassText
		}
	}
	v, err := strconv.ParseFloat(body, 64)
	if err != nil || v > 1e15 {
		return 0, ClassText
	}
	return sign * v, ClassNumber
}

// hasIdeograph reports whether s has a byte that starts a CJK ideograph of
// U+4000–U+9FFF in UTF-8 (0xE4–0xE9). Narrowing leaves those characters
// as they are, and a stray such byte becomes U+FFFD: either way the text
// is no number.
func hasIdeograph(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0xE4 && c <= 0xE9 {
			return true
		}
	}
	return false
}

// HasDigit reports whether s has a digit, half- or full-width (０–９ are
// EF BC 90–99 in UTF-8), as strings.ContainsAny(s, "0123456789０１２３４５６７８９")
// does, a byte at a time.
func HasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' || c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
			return true
		}
	}
	return false
}

// maxNumberLen bounds the length in bytes of a number cell's text, after
// trimming and narrowing: no count or amount needs more, and a long text
// (a paragraph read as a cell) is not narrowed and scanned for nothing.
// A number ParseNumber accepts prints back within the bound, as printing
// never adds digits.
const maxNumberLen = 128

// isNA reports whether s (trimmed, narrowed) is a mark for "not applicable".
func isNA(s string) bool {
	switch s {
	case "/", "\\", "-", "--", "—", "——", "–", "―", "─", "无", "不适用", "N/A", "n/a", "NA", "/ ", "×":
		return true
	}
	return false
}

// moneyUnits are the units a money cell may carry after its number.
var moneyUnits = []string{"万元", "元"}

// ParseMoney is ParseNumber for Money cells that also accepts a unit written
// after the number ("103.3879万元", "251000 元") and returns it; unit is ""
// when none is written. The value is as written, in that unit: nothing is
// converted.
func ParseMoney(raw string) (v float64, unit string, class NumberClass) {
	if len(TrimCell(raw)) > 8*maxNumberLen {
		v, class = ParseNumber(raw, Money)
		return v, "", class
	}
	s := TrimCell(width.Narrow.String(raw))
	for _, u := range moneyUnits {
		if num, ok := strings.CutSuffix(s, u); ok && TrimCell(num) != "" {
			v, class = ParseNumber(num, Money)
			if class == ClassNumber {
				return v, u, class
			}
			return 0, "", ClassText
		}
	}
	v, class = ParseNumber(s, Money)
	return v, "", class
}
