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
// milliseconds; this scanner finds delimiters with bytes.IndexByte and
// hands out slices of its window instead.
//
// It is strict where a document's meaning is at stake and lenient nowhere
// else: a stream that ends inside markup, a malformed tag or attribute,
// an unknown entity, invalid UTF-8 in text, a DOCTYPE (no entity
// definitions are ever expanded) or a declared encoding other than UTF-8
// or UTF-16 is an error. Matching end tags is left to the caller, which
// keeps the element stack anyway.
//
// The window holds at least one whole token. It grows geometrically when a
// token does not fit, so the work stays linear in the input, and its size
// is bounded by the longest token (and so by the part's size, which the
// caller bounds).
type xmlScanner struct {
	r   io.Reader
	buf []byte
	pos int   // start of unread bytes in buf
	off int64 // stream offset of buf[0]
	eof bool
	err error // sticky read error other than io.EOF
	any bool  // a token was returned

	// The current token; slices point into buf and are valid until the
	// next call of next.
	kind  tokKind
	name  []byte // qualified element name, for tokStart and tokEnd
	attrs []byte // raw attribute region of a start tag
	empty bool   // a start tag that closes itself (<x/>)
	text  []byte // raw character data, entities not yet decoded
	cdata bool   // text came from a CDATA section: no entities
}

type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

// errShort reports that the window ends inside a token.
var errShort = errors.New("short buffer")

// xmlSyntaxError is a well-formedness error at a stream offset.
type xmlSyntaxError struct {
	Off int64
	Msg string
}

func (e *xmlSyntaxError) Error() string {
	return fmt.Sprintf("XML syntax error at byte %d: %s", e.Off, e.Msg)
}

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, 0, 64<<10)}
}

func (s *xmlScanner) syntax(at int, msg string) error {
	return &xmlSyntaxError{Off: s.off + int64(at), Msg: msg}
}

// fill reads more input after compacting the window, doubling it when the
// unread part fills more than half. It reports whether anything was read.
func (s *xmlScanner) fill() (bool, error) {
	if s.err != nil {
		return false, s.err
	}
	if s.eof {
		return false, nil
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:])
		s.off += int64(s.pos)
		s.buf, s.pos = s.buf[:n], 0
	}
	if len(s.buf) > cap(s.buf)/2 {
		nb := make([]byte, len(s.buf), 2*cap(s.buf))
		copy(nb, s.buf)
		s.buf = nb
	}
	// Fill the window: a token that did not fit is scanned again from its
	// start, and a full window keeps the number of rescans logarithmic.
	read := false
	for zero := 0; len(s.buf) < cap(s.buf); {
		n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+n]
		read = read || n > 0
		switch {
		case err == io.EOF:
			s.eof = true
			return read, nil
		case err != nil:
			s.err = err
			return read, err
		case n == 0:
			if zero++; zero > 100 {
				s.err = io.ErrNoProgress
				return read, s.err
			}
		}
	}
	return read, nil
}

// next advances to the next start tag, end tag or character data,
// skipping comments, processing instructions and the XML declaration. It
// returns io.EOF at the end of the stream.
func (s *xmlScanner) next() error {
	for {
		if s.pos >= len(s.buf) {
			ok, err := s.fill()
			if err != nil {
				return err
			}
			if !ok {
				return io.EOF
			}
			continue
		}
		skip, err := s.scan(s.buf[s.pos:])
		if err == errShort {
			if s.eof {
				return s.syntax(len(s.buf), "unexpected EOF")
			}
			if _, err := s.fill(); err != nil {
				return err
			}
			continue
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
			if !s.eof {
				return false, errShort
			}
			i = len(b)
		}
		s.kind, s.text, s.cdata = tokText, b[:i], false
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
		s.kind, s.name = tokEnd, name
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
			s.kind, s.text, s.cdata = tokText, b[9:9+end], true
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
	attrStart := i
	for {
		j := skipSpace(b, i)
		if j >= len(b) {
			return false, errShort
		}
		switch b[j] {
		case '>':
			s.kind, s.name, s.attrs, s.empty = tokStart, name, b[attrStart:j], false
			s.pos += j + 1
			return false, nil
		case '/':
			if j+1 >= len(b) {
				return false, errShort
			}
			if b[j+1] != '>' {
				return false, s.syntax(s.pos+j, "invalid start tag")
			}
			s.kind, s.name, s.attrs, s.empty = tokStart, name, b[attrStart:j], true
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
		k = skipSpace(b, k)
		if k >= len(b) {
			return false, errShort
		}
		if b[k] != '=' {
			return false, s.syntax(s.pos+k, "attribute without value")
		}
		k = skipSpace(b, k+1)
		if k >= len(b) {
			return false, errShort
		}
		q := b[k]
		if q != '"' && q != '\'' {
			return false, s.syntax(s.pos+k, "unquoted attribute value")
		}
		end := bytes.IndexByte(b[k+1:], q)
		if end < 0 {
			return false, errShort
		}
		v := b[k+1 : k+1+end]
		if bytes.IndexByte(v, '<') >= 0 {
			return false, s.syntax(s.pos+k, "'<' in attribute value")
		}
		if bytes.IndexByte(v, '&') >= 0 {
			if _, err := appendUnescaped(nil, v); err != nil {
				return false, s.syntax(s.pos+k, err.Error())
			}
		}
		i = k + 1 + end + 1
	}
}

// short turns a failed name scan into errShort when the window ended in
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
func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '-' || c == '.' || c >= 0x80
}

// scanName reads a name starting at b[i]. It returns the index after it
// and the name, or a nil name if there is none (or the window ends in it).
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
		ent := s[:j]
		switch string(ent) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "apos":
			dst = append(dst, '\'')
		case "quot":
			dst = append(dst, '"')
		default:
			if ent[0] != '#' || len(ent) < 2 {
				return dst, fmt.Errorf("invalid character entity &%s;", ent)
			}
			var (
				n   uint64
				err error
			)
			if ent[1] == 'x' {
				n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
			} else {
				n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
			}
			if err != nil || n == 0 || !utf8.ValidRune(rune(n)) {
				return dst, fmt.Errorf("invalid character entity &%s;", ent)
			}
			dst = utf8.AppendRune(dst, rune(n))
		}
		s = s[j+1:]
	}
}
