package parser

import (
	"bytes"
	"fmt"
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

// looksLikeText reports whether s is plausibly human text: no NUL bytes and
// few replacement or control characters.
func looksLikeText(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return false
	}
	bad, total := 0, 0
	for i := 0; i < len(s); total++ {
		if c := s[i]; c < utf8.RuneSelf { // most of a page: no decoding
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f {
				bad++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:]) // as range does: RuneError, 1 for a bad byte
		if r == utf8.RuneError || r < 0xa0 {
			bad++
		}
		i += size
	}
	return total == 0 || bad*20 < total // under 5%
}

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
