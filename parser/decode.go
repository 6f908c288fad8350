package parser

import (
	"bytes"
	"fmt"
	"math/bits"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Encoding names reported in Document.Encoding. HTML pages in other
// encodings their <meta> declares are reported by the WHATWG name of that
// encoding ("big5", "shift_jis", …).
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncGB18030 = "gb18030"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText converts the bytes of a text file to a UTF-8 string with "\n"
// line ends and names the encoding it found: a byte order mark decides;
// else valid UTF-8 is UTF-8; else UTF-16 without a mark is recognised by
// its zero bytes; else the bytes are GB18030 (a superset of GBK and
// GB2312, the default of Chinese Windows). It returns an error wrapping
// ErrEmpty when the file holds only white space and ErrBinary when the
// bytes are not text.
func decodeText(b []byte) (string, string, error) {
	enc, name, b := sniffEncoding(b)
	return decodeWith(b, enc, name)
}

// sniffEncoding chooses the encoding of b as decodeText describes and
// returns b without its byte order mark. A nil Encoding means UTF-8.
func sniffEncoding(b []byte) (encoding.Encoding, string, []byte) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		return nil, EncUTF8BOM, b[3:]
	case bytes.HasPrefix(b, bomUTF16LE):
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), EncUTF16LE, b
	case bytes.HasPrefix(b, bomUTF16BE):
		return xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), EncUTF16BE, b
	}
	// UTF-16 has zero bytes, which UTF-8 and GB18030 text never has; its
	// CJK code units are often valid UTF-8 byte pairs, so look first.
	if bytes.IndexByte(b, 0) >= 0 {
		if le, ok := utf16WithoutBOM(b); ok {
			if le {
				return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), EncUTF16LE, b
			}
			return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), EncUTF16BE, b
		}
	}
	if utf8.Valid(b) {
		return nil, EncUTF8, b
	}
	return simplifiedchinese.GB18030, EncGB18030, b
}

// utf16WithoutBOM recognises UTF-16 text without a byte order mark: an even
// length, and zero high bytes in at least a third of the code units (line
// ends, digits and ASCII punctuation, which every report has) on one side
// and almost none on the other.
func utf16WithoutBOM(b []byte) (littleEndian, ok bool) {
	if len(b) < 16 || len(b)%2 != 0 {
		return false, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] == 0 {
			zeroEven++
		}
		if b[i+1] == 0 {
			zeroOdd++
		}
	}
	units := len(b) / 2
	switch {
	case zeroOdd*3 >= units && zeroEven*50 < units:
		return true, true
	case zeroEven*3 >= units && zeroOdd*50 < units:
		return false, true
	}
	return false, false
}

// decodeWith decodes b with enc (nil for UTF-8), normalises line ends and
// checks that the result is text.
func decodeWith(b []byte, enc encoding.Encoding, name string) (string, string, error) {
	var s string
	if enc != nil {
		out, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			return "", name, fmt.Errorf("decode %s: %w: %v", name, ErrBinary, err)
		}
		s = string(out)
	} else {
		if !utf8.Valid(b) {
			return "", name, fmt.Errorf("decode %s: %w: invalid UTF-8", name, ErrBinary)
		}
		s = string(b)
	}
	if isBlankText(s) {
		return "", name, fmt.Errorf("decode %s: %w", name, ErrEmpty)
	}
	if !looksLikeText(s) {
		return "", name, fmt.Errorf("decode %s: %w", name, ErrBinary)
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return s, name, nil
}

// isBlankText reports whether s holds nothing but white space (including
// U+3000 and no-break spaces), byte order marks and zero-width spaces.
func isBlankText(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\ufeff' && r != '\u200b' {
			return false
		}
	}
	return true
}

// looksLikeText reports whether s, valid UTF-8, is plausibly human text:
// no NUL bytes and few replacement or control characters (under 5% of its
// characters). decodeWith hands it valid UTF-8: checked, or a decoder's
// output, which has U+FFFD for what it could not decode.
func looksLikeText(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return false
	}
	// A character starts at every byte that does not continue one
	// (10xxxxxx), a control character of ASCII is one byte, a C1 control
	// two bytes from \xC2\x80 to \xC2\x9F, and the only replacement
	// character is U+FFFD itself. Eight bytes a step, and a byte at a time
	// only for a word with a byte under 0x20 or 0x7F: 110 KB of a real page
	// 1.7M → 0.6M instructions (callgrind), without validating it again.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	bad, total := 0, len(s)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		b := s[i : i+8]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		total -= bits.OnesCount64(w &^ (w << 1) & highs) // continuation bytes
		// A byte under 0x20, or 0x7F: the classic test for a zero byte,
		// of w minus 0x20 a byte and of w xor 0x7F a byte.
		x := w ^ 0x7F*ones
		if ((w-0x20*ones)&^w|(x-ones)&^x)&highs != 0 {
			for _, c := range []byte(b) {
				bad += int(textBytes[c] >> 1)
			}
		}
	}
	for ; i < len(s); i++ {
		k := textBytes[s[i]]
		total -= int(k&1) ^ 1
		bad += int(k >> 1)
	}
	bad += strings.Count(s, "\uFFFD")
	for i := 0; ; {
		j := strings.IndexByte(s[i:], 0xC2)
		if j < 0 {
			break
		}
		i += j + 1
		if i < len(s) && s[i] < 0xA0 { // valid: s[i] is 0x80–0xBF
			bad++
		}
	}
	return total == 0 || bad*20 < total
}

// textBytes has bit 0 set for a byte that starts a UTF-8 character and bit 1
// for an ASCII control character other than \t, \n, \r and \f.
var textBytes = func() (t [256]uint8) {
	for c := range 256 {
		if c < 0x80 || c >= 0xC0 {
			t[c] = 1
		}
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f {
			t[c] |= 2
		}
	}
	return t
}()

// metaCharset finds the charset an HTML page declares in
// <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…">.
var metaCharset = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)
})

// decodeHTML converts an HTML page to UTF-8 and names its encoding: a byte
// order mark decides; else bytes that are valid UTF-8 are UTF-8 (sites
// often declare gb2312 and serve UTF-8, never the other way round in a way
// that is valid UTF-8); else the charset of the <meta> declaration; else
// GB18030, the usual encoding of Chinese government sites. The GB family
// (gb2312, gbk, gb18030) is always decoded as GB18030, its superset.
func decodeHTML(b []byte) (string, string, error) {
	enc, name, rest := sniffEncoding(b)
	if name == EncGB18030 {
		head := b[:min(len(b), 4096)]
		if m := metaCharset().FindSubmatch(head); m != nil {
			if e, err := htmlindex.Get(string(m[1])); err == nil {
				n, err := htmlindex.Name(e)
				if err != nil {
					n = strings.ToLower(string(m[1]))
				}
				switch n {
				case "gbk", "gb18030", "utf-8", "utf-16le", "utf-16be":
					// GB family: GB18030 as sniffed; a UTF declaration
					// contradicted by the bytes: keep the sniffed decoding.
				default:
					enc, name = e, n
				}
			}
		}
	}
	return decodeWith(rest, enc, name)
}
