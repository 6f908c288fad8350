package parser

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"unicode/utf8"
)

// xmlScanner is a small pull tokenizer for the main document part. It
// exists because encoding/xml reads a byte at a time and allocates for
// every element and attribute, which made a filled template take several
// milliseconds; this scanner reads names and attribute values with table
// lookups, skips text with bytes.IndexByte and hands out offsets into its
// buffer, so it allocates nothing.
//
// The buffer is either a whole part in memory (reset) or a window over a
// stream (resetReader): then a token that runs past the end of the window
// is scanned again once the window has been refilled, its unread bytes
// moved to the front, and character data is handed out in pieces that end
// before the window does, so that memory stays at the window's size however
// long the part is. A piece of character data never ends inside a UTF-8
// sequence, an entity reference or a "\r\n", so the pieces decode to the
// same text as the whole. A token longer than the window (a start tag with
// a huge attribute, a long comment or CDATA section) grows it, up to
// Limits.MaxLineBytes.
//
// It is strict where a document's meaning is at stake and lenient nowhere
// else: a part that ends inside markup, a malformed tag or attribute, an
// unknown entity, invalid UTF-8 in text, a DOCTYPE (no entity definitions
// are ever expanded) or a declared encoding other than UTF-8 or UTF-16 is
// an error. Matching end tags is left to the caller, which keeps the
// element stack anyway.
type xmlScanner struct {
	buf []byte // the whole part, or the window over a stream
	pos int    // start of unread bytes in buf
	any bool   // a token was returned

	// Streaming (resetReader): src is read into buf, whose first byte is
	// byte base of the part; eof is set once src is exhausted (and always
	// for a whole part); maxTok bounds a token that does not fit the
	// window.
	src    io.Reader
	base   int64
	eof    bool
	maxTok int

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
	*s = xmlScanner{buf: b, eof: true}
}

// resetReader makes s scan what r returns, through window (its capacity is
// the window's size), growing it for a token longer than the window up to
// maxTok bytes.
func (s *xmlScanner) resetReader(r io.Reader, window []byte, maxTok int) {
	*s = xmlScanner{buf: window[:0], src: r, maxTok: maxTok}
}

// fill moves the unread bytes to the front of the window and reads more
// after them. It returns an error only for a failed read or a token that
// cannot fit in maxTok bytes; at the end of the stream it sets eof.
func (s *xmlScanner) fill() error {
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:])
		s.base += int64(s.pos)
		s.buf, s.pos = s.buf[:n], 0
	}
	if len(s.buf) == cap(s.buf) {
		if len(s.buf) >= s.maxTok {
			return tooLarge(LimitLineBytes, s.maxTok, "an XML token longer than %d bytes", s.maxTok)
		}
		s.buf = slices.Grow(s.buf, min(max(len(s.buf), 4096), s.maxTok-len(s.buf)))
	}
	for zero := 0; ; {
		n, err := s.src.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+n]
		switch {
		case err == io.EOF:
			s.eof = true
			return nil
		case err != nil:
			return err
		case n > 0:
			return nil
		}
		if zero++; zero > 100 {
			return io.ErrNoProgress
		}
	}
}

func (s *xmlScanner) syntax(at int, msg string) error {
	return &xmlSyntaxError{Off: s.base + int64(at), Msg: msg}
}

// step scans the next token or skipped piece of markup, refilling the
// window of a stream as needed; it returns io.EOF at the end of the part.
func (s *xmlScanner) step() (skip bool, err error) {
	for {
		if s.pos < len(s.buf) {
			skip, err := s.scan(s.buf[s.pos:])
			if err != errShort || s.eof {
				return skip, err
			}
		} else if s.eof {
			return false, io.EOF
		}
		if err := s.fill(); err != nil {
			return false, err
		}
	}
}

// next advances to the next start tag, end tag or character data,
// skipping comments, processing instructions and the XML declaration. It
// returns io.EOF at the end of the part.
func (s *xmlScanner) next() error {
	for {
		skip, err := s.step()
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
}

// scan reads one token at the start of b and consumes it. skip is true for
// markup that yields no token.
func (s *xmlScanner) scan(b []byte) (skip bool, err error) {
	if b[0] != '<' {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			i = len(b)
			if !s.eof {
				// The window ends in character data: hand out what can
				// be decoded without the bytes that follow.
				if i = textCut(b); i == 0 {
					return false, errShort
				}
			}
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

// textCut returns how much of b, character data that goes on past it, can
// be handed out now: all but an incomplete UTF-8 sequence, a reference
// without its ';' and a '\r' that a '\n' may follow.
func textCut(b []byte) int {
	n := len(b)
	// An incomplete sequence at the end is at most 3 bytes long.
	for k := 1; k <= 3 && k <= n; k++ {
		if c := b[n-k]; c < 0x80 {
			break
		} else if c >= 0xC0 {
			if !utf8.FullRune(b[n-k:]) {
				n -= k
			}
			break
		}
	}
	// References are at most 12 bytes between '&' and ';' (checkRefs).
	if i := bytes.LastIndexByte(b[max(0, n-14):n], '&'); i >= 0 {
		i += max(0, n-14)
		if bytes.IndexByte(b[i:n], ';') < 0 {
			n = i
		}
	}
	if n > 0 && b[n-1] == '\r' {
		n--
	}
	return n
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(b []byte, i int) int {
	// Every space byte is at most ' ': one comparison settles most bytes.
	for i < len(b) && b[i] <= ' ' && isSpace(b[i]) {
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
