package parser

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// scanMeta reads the small XML part f and returns the first non-empty
// result of pick for an element with local name elem. pick gets the raw
// attribute region of the start tag (see attr); a nil pick takes the
// element's text instead.
func (p *docxPackage) scanMeta(f *zip.File, elem string, pick func(attrs []byte) string) (string, error) {
	b, err := p.readAll(f, maxMetaPartBytes)
	if err != nil {
		return "", err
	}
	if b, err = toUTF8(b); err != nil {
		return "", err
	}
	var s xmlScanner
	s.reset(b)
	// The element stack is kept to check that elements nest, so that a
	// truncated part is an error here too.
	var stack [][]byte
	inElem := false // in an element elem whose text is wanted
	for {
		err := s.next()
		if err == io.EOF {
			if len(stack) > 0 {
				return "", fmt.Errorf("%w: read %s: unexpected EOF", ErrCorrupt, f.Name)
			}
			return "", nil
		}
		if err != nil {
			return "", fmt.Errorf("%w: read %s: %v", ErrCorrupt, f.Name, err)
		}
		switch s.kind {
		case tokStart:
			if len(stack) >= maxMetaDepth {
				return "", fmt.Errorf("%w: read %s: nesting deeper than %d", ErrCorrupt, f.Name, maxMetaDepth)
			}
			if string(s.buf[s.local:s.nameEnd]) == elem {
				if pick == nil {
					inElem = !s.empty
				} else if v := pick(s.attrs()); v != "" {
					return v, nil
				}
			}
			if !s.empty {
				stack = append(stack, s.name())
			}
		case tokEnd:
			if len(stack) == 0 || !bytes.Equal(stack[len(stack)-1], s.name()) {
				return "", fmt.Errorf("%w: read %s: unexpected </%s>", ErrCorrupt, f.Name, s.name())
			}
			stack = stack[:len(stack)-1]
			inElem = false
		case tokText:
			if !s.cdata {
				if err := checkRefs(s.text()); err != nil {
					return "", fmt.Errorf("%w: read %s: %v", ErrCorrupt, f.Name, err)
				}
			}
			if inElem {
				v := s.text()
				if !s.cdata {
					u, err := appendUnescaped(nil, v)
					if err != nil {
						return "", fmt.Errorf("%w: read %s: %v", ErrCorrupt, f.Name, err)
					}
					v = u
				}
				if t := strings.TrimSpace(string(v)); t != "" {
					return t, nil
				}
			}
		}
	}
}

// maxMetaDepth bounds the nesting of the package's small XML parts, which
// have three levels.
const maxMetaDepth = 64

// attr returns the decoded value of the attribute with local name local in
// a start tag's raw attribute region, or "" if it has none.
func attr(attrs []byte, local string) string {
	v, ok := attrValue(attrs, local)
	if !ok {
		return ""
	}
	if bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	u, err := appendUnescaped(nil, v)
	if err != nil { // the scanner has checked it
		return ""
	}
	return string(u)
}

// attrOn reports whether an OOXML on/off property is on: absent w:val
// means on, "false", "0" and "off" mean off.
func attrOn(attrs []byte) bool {
	v, _ := attrValue(attrs, "val")
	switch string(v) {
	case "false", "0", "off":
		return false
	}
	return true
}

// attrIs reports whether the attribute local of a start tag has value v.
func attrIs(attrs []byte, local, v string) bool {
	got, ok := attrValue(attrs, local)
	return ok && string(got) == v
}

// maxGridSpan bounds gridSpan and gridBefore values; Word allows 63
// columns, so anything larger is damage, and clamping keeps column
// arithmetic far from overflow.
const maxGridSpan = 1 << 12

// attrInt returns the w:val of an integer property clamped to [0, maxGridSpan].
func attrInt(attrs []byte) int {
	v, _ := attrValue(attrs, "val")
	n, err := strconv.Atoi(string(bytes.TrimSpace(v)))
	if err != nil || n < 0 {
		// A malformed count is content, not a stream error: Word treats
		// it as absent.
		return 0
	}
	return min(n, maxGridSpan)
}
