package parser

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names reported in Document.Encoding.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncGB18030 = "gb18030"
)

// decodeText converts the bytes of a text file to a UTF-8 string with "\n"
// line ends and names the encoding it found. It returns an error wrapping
// ErrBinary when the bytes are not text.
func decodeText(b []byte) (string, string, error) {
	var (
		enc  encoding.Encoding
		name string
	)
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b, name = b[3:], EncUTF8BOM
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		enc, name = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), EncUTF16LE
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		enc, name = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), EncUTF16BE
	case utf8.Valid(b):
		name = EncUTF8
	default:
		enc, name = simplifiedchinese.GB18030, EncGB18030
	}
	s := ""
	if enc != nil {
		out, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			return "", name, fmt.Errorf("decode %s: %w: %v", name, ErrBinary, err)
		}
		s = string(out)
	} else {
		if name == EncUTF8BOM && !utf8.Valid(b) {
			return "", name, fmt.Errorf("decode %s: %w: invalid UTF-8 after BOM", name, ErrBinary)
		}
		s = string(b)
	}
	if !looksLikeText(s) {
		return "", name, fmt.Errorf("decode %s: %w", name, ErrBinary)
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return s, name, nil
}

// looksLikeText reports whether s is plausibly human text: no NUL bytes and
// few replacement or control characters.
func looksLikeText(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return false
	}
	bad, total := 0, 0
	for _, r := range s {
		total++
		if r == utf8.RuneError || (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f') || (r >= 0x7f && r < 0xa0) {
			bad++
		}
	}
	return total == 0 || bad*20 < total // under 5%
}
