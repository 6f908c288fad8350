package parser

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlScanner is a small pull tokenizer for the main document part. It
// exists because encoding/xml reads a byte at a time and allocates for
// every element and attribute, which made a filled template take several
// milliseconds; this scanner works on the whole part in memory, reads
// names and attribute values with table lookups, skips text with
// bytes.IndexByte and hands out offsets into the part, so it allocates
// nothing.
//
// It is strict where a document's meaning is at stake and lenient nowhere
// else: a part that ends inside markup, a malformed tag or attribute, an
// unknown entity, invalid UTF-8 in text, a DOCTYPE (no entity definitions
// are ever expanded) or a declared encoding other than UTF-8 or UTF-16 is
// an error. Matching end tags is left to the caller, which keeps the
// element stack anyway.
type xmlScanner struct {
	buf []byte // the whole part
	pos int    // start of unread bytes in buf
	any bool   // a token was returned

	// The current token, as byte ranges of buf (offsets rather than
	// slices, so that a token costs no pointer writes): see name, attrs
	// and text.
	kind              tokKind
	nameAt, nameEnd   int  // qualified element name, for tokStart and tokEnd
	local             int  // offset of the local part of the name (tokStart)
	attrsAt, attrsEnd int  // raw attribute region of a start tag
	empty             bool // a start tag that closes itself (<x/>)
	textAt, textEnd   int  // raw character data, entities not yet decoded
	cdata             bool // text came from a CDATA section: no entities
}

type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

// errShort reports that the part ends inside a token.
var errShort = errors.New("short buffer")

// xmlSyntaxError is a well-formedness error at a byte offset of the part.
type xmlSyntaxError struct {
	Off int64
	Msg string
}

func (e *xmlSyntaxError) Error() string {
	return fmt.Sprintf("XML syntax error at byte %d: %s", e.Off, e.Msg)
}

func (s *xmlScanner) name() []byte  { return s.buf[s.nameAt:s.nameEnd] }
func (s *xmlScanner) attrs() []byte { return s.buf[s.attrsAt:s.attrsEnd] }
func (s *xmlScanner) text() []byte  { return s.buf[s.textAt:s.textEnd] }

// reset makes s scan b from its start.
func (s *xmlScanner) reset(b []byte) {
	*s = xmlScanner{buf: b}
}

func (s *xmlScanner) syntax(at int, msg string) error {
	return &xmlSyntaxError{Off: int64(at), Msg: msg}
}

// next advances to the next start tag, end tag or character data,
// skipping comments, processing instructions and the XML declaration. It
// returns io.EOF at the end of the part.
func (s *xmlScanner) next() error {
	for s.pos < len(s.buf) {
		skip, err := s.scan(s.buf[s.pos:])
		if err == errShort {
			return s.syntax(len(s.buf), "unexpected EOF")
		}
		if err != nil {
			return err
		}
		if !skip {
			s.any = true
			return nil
		}
	}
	return io.EOF
}

// scan reads one token at the start of b and consumes it. skip is true for
// markup that yields no token.
func (s *xmlScanner) scan(b []byte) (skip bool, err error) {
	if b[0] != '<' {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			i = len(b)
		}
		s.kind, s.textAt, s.textEnd, s.cdata = tokText, s.pos, s.pos+i, false
		s.pos += i
		return false, nil
	}
	if len(b) < 2 {
		return false, errShort
	}
	switch b[1] {
	case '/':
		i, name := scanName(b, 2)
		if name == nil {
			return false, s.short(b, i, "invalid end tag")
		}
		i = skipSpace(b, i)
		if i >= len(b) {
			return false, errShort
		}
		if b[i] != '>' {
			return false, s.syntax(s.pos+i, "invalid end tag")
		}
		s.kind, s.nameAt, s.nameEnd = tokEnd, s.pos+2, s.pos+2+len(name)
		s.pos += i + 1
		return false, nil
	case '?':
		end := bytes.Index(b[2:], []byte("?>"))
		if end < 0 {
			return false, errShort
		}
		pi := b[2 : 2+end]
		if err := s.checkDecl(pi); err != nil {
			return false, err
		}
		s.pos += 2 + end + 2
		return true, nil
	case '!':
		switch {
		case bytes.HasPrefix(b, []byte("<!--")):
			end := bytes.Index(b[4:], []byte("-->"))
			if end < 0 {
				return false, errShort
			}
			s.pos += 4 + end + 3
			return true, nil
		case bytes.HasPrefix(b, []byte("<![CDATA[")):
			end := bytes.Index(b[9:], []byte("]]>"))
			if end < 0 {
				return false, errShort
			}
			s.kind, s.textAt, s.textEnd, s.cdata = tokText, s.pos+9, s.pos+9+end, true
			s.pos += 9 + end + 3
			return false, nil
		case len(b) < 9 && (bytes.HasPrefix([]byte("<!--"), b) || bytes.HasPrefix([]byte("<![CDATA["), b)):
			return false, errShort
		}
		return false, s.syntax(s.pos, "DOCTYPE or other declaration not allowed")
	}
	i, name := scanName(b, 1)
	if name == nil {
		return false, s.short(b, i, "invalid start tag")
	}
	s.nameAt, s.nameEnd, s.local = s.pos+1, s.pos+i, s.pos+1
	for k := 0; k < len(name); k++ {
		if name[k] == ':' {
			s.local += k + 1
			break
		}
	}
	attrStart := i
	for {
		j := skipSpace(b, i)
		if j >= len(b) {
			return false, errShort
		}
		switch b[j] {
		case '>':
			s.kind, s.attrsAt, s.attrsEnd, s.empty = tokStart, s.pos+attrStart, s.pos+j, false
			s.pos += j + 1
			return false, nil
		case '/':
			if j+1 >= len(b) {
				return false, errShort
			}
			if b[j+1] != '>' {
				return false, s.syntax(s.pos+j, "invalid start tag")
			}
			s.kind, s.attrsAt, s.attrsEnd, s.empty = tokStart, s.pos+attrStart, s.pos+j, true
			s.pos += j + 2
			return false, nil
		}
		if j == i {
			return false, s.syntax(s.pos+j, "missing space before attribute")
		}
		k, aname := scanName(b, j)
		if aname == nil {
			return false, s.short(b, k, "invalid attribute name")
		}
		if k < len(b) && b[k] != '=' {
			k = skipSpace(b, k)
		}
		if k >= len(b) {
			return false, errShort
		}
		if b[k] != '=' {
			return false, s.syntax(s.pos+k, "attribute without value")
		}
		k++
		if k < len(b) && b[k] != '"' && b[k] != '\'' {
			k = skipSpace(b, k)
		}
		if k >= len(b) {
			return false, errShort
		}
		q := b[k]
		if q != '"' && q != '\'' {
			return false, s.syntax(s.pos+k, "unquoted attribute value")
		}
		// Values are short: one pass finds the closing quote and checks
		// for '<' and references on the way.
		e, amp := k+1, false
		for {
			for e < len(b) && !valueStops[b[e]] {
				e++
			}
			if e >= len(b) {
				return false, errShort
			}
			c := b[e]
			if c == q {
				break
			}
			switch c {
			case '<':
				return false, s.syntax(s.pos+k, "'<' in attribute value")
			case '&':
				amp = true
			}
			e++ // '&' or the other quote
		}
		if amp {
			if err := checkRefs(b[k+1 : e]); err != nil {
				return false, s.syntax(s.pos+k, err.Error())
			}
		}
		i = e + 1
	}
}

// short turns a failed name scan into errShort when the part ended in
// the name, and into a syntax error otherwise.
func (s *xmlScanner) short(b []byte, i int, msg string) error {
	if i >= len(b) {
		return errShort
	}
	return s.syntax(s.pos+i, msg)
}

// checkDecl rejects an XML declaration naming an encoding other than UTF-8
// or UTF-16 (a UTF-16 stream reaches the scanner already as UTF-8).
func (s *xmlScanner) checkDecl(pi []byte) error {
	if !bytes.HasPrefix(pi, []byte("xml")) || len(pi) > 3 && !isSpace(pi[3]) {
		return nil
	}
	if s.any {
		return s.syntax(s.pos, "XML declaration not at start")
	}
	v, ok := attrValue(pi[3:], "encoding")
	if !ok {
		return nil
	}
	switch string(bytes.ToLower(v)) {
	case "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be":
		return nil
	}
	return s.syntax(s.pos, fmt.Sprintf("unsupported encoding %q", v))
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// isNameByte accepts the ASCII name characters of XML and any byte of a
// multi-byte UTF-8 sequence.
func isNameByte(c byte) bool { return nameBytes[c] }

// valueStops marks the bytes that end a run of plain bytes in an
// attribute value.
var valueStops = [256]bool{'"': true, '\'': true, '<': true, '&': true}

var nameBytes = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '_' || c == ':' || c == '-' || c == '.' || c >= 0x80
	}
	return t
}()

// scanName reads a name starting at b[i]. It returns the index after it
// and the name, or a nil name if there is none (or the part ends in it).
func scanName(b []byte, i int) (int, []byte) {
	j := i
	for j < len(b) && isNameByte(b[j]) {
		j++
	}
	if j == i || j >= len(b) {
		return j, nil
	}
	if c := b[i]; '0' <= c && c <= '9' || c == '-' || c == '.' {
		return i, nil
	}
	return j, b[i:j]
}

// localName returns the part of a qualified name after its prefix.
func localName(q []byte) []byte {
	if i := bytes.IndexByte(q, ':'); i >= 0 {
		return q[i+1:]
	}
	return q
}

// attrValue finds the attribute with local name local in a start tag's
// attribute region (already checked by the scanner) and returns its raw
// value.
func attrValue(attrs []byte, local string) ([]byte, bool) {
	i := 0
	for {
		i = skipSpace(attrs, i)
		if i >= len(attrs) {
			return nil, false
		}
		eq := bytes.IndexByte(attrs[i:], '=')
		if eq < 0 {
			return nil, false
		}
		name := bytes.TrimRight(attrs[i:i+eq], " \t\r\n")
		k := skipSpace(attrs, i+eq+1)
		if k >= len(attrs) {
			return nil, false
		}
		q := attrs[k]
		end := bytes.IndexByte(attrs[k+1:], q)
		if end < 0 {
			return nil, false
		}
		if string(localName(name)) == local {
			return attrs[k+1 : k+1+end], true
		}
		i = k + 1 + end + 1
	}
}

// checkRefs reports an error for an entity or character reference in s
// that appendUnescaped would not accept, without allocating.
func checkRefs(s []byte) error {
	for {
		i := bytes.IndexByte(s, '&')
		if i < 0 {
			return nil
		}
		s = s[i+1:]
		j := bytes.IndexByte(s, ';')
		if j <= 0 || j > 12 {
			return errors.New("invalid character entity")
		}
		if _, ok := decodeRef(s[:j]); !ok {
			return fmt.Errorf("invalid character entity &%s;", s[:j])
		}
		s = s[j+1:]
	}
}

// decodeRef decodes the entity or character reference ent (between '&'
// and ';'): one of the five predefined entities or a character reference
// to a valid, non-NUL code point.
func decodeRef(ent []byte) (rune, bool) {
	switch string(ent) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ent[1] == 'x' {
		n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
	} else {
		n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
	}
	if err != nil || n == 0 || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// appendUnescaped appends s to dst with the five predefined entities and
// character references decoded and line ends normalised to "\n". Any other
// reference is an error, as it would be for encoding/xml in strict mode.
func appendUnescaped(dst, s []byte) ([]byte, error) {
	if bytes.IndexByte(s, '\r') >= 0 {
		s = bytes.ReplaceAll(bytes.ReplaceAll(s, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	}
	for {
		i := bytes.IndexByte(s, '&')
		if i < 0 {
			return append(dst, s...), nil
		}
		dst = append(dst, s[:i]...)
		s = s[i+1:]
		j := bytes.IndexByte(s, ';')
		if j <= 0 || j > 12 {
			return dst, errors.New("invalid character entity")
		}
		r, ok := decodeRef(s[:j])
		if !ok {
			return dst, fmt.Errorf("invalid character entity &%s;", s[:j])
		}
		dst = utf8.AppendRune(dst, r)
		s = s[j+1:]
	}
}
