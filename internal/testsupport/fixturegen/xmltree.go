package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// node is one node of a lossless XML tree: serialising an unmodified tree
// gives back the input byte for byte, so that every property, namespace
// prefix and attribute the producer wrote survives an edit elsewhere.
//
// An element keeps its raw start tag in open and its raw end tag in close
// (empty for a self-closing element); any other node (text, comment,
// processing instruction, declaration) keeps its raw bytes in open and
// has an empty name.
type node struct {
	name  string // qualified element name as written, e.g. "w:tc"
	open  string
	close string
	kids  []*node
}

// parseTree reads b into a tree under a nameless root node.
func parseTree(b []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	root := &node{}
	stack := []*node{root}
	prev := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		off := int(d.InputOffset())
		raw := string(b[prev:off])
		prev = off
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: qname(t.Name), open: raw}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) == 1 || top.name != qname(t.Name) {
				return nil, fmt.Errorf("unbalanced </%s> at byte %d", qname(t.Name), off)
			}
			top.close = raw // "" for a self-closing element
			stack = stack[:len(stack)-1]
		default:
			top.kids = append(top.kids, &node{open: raw})
		}
	}
	if len(stack) != 1 {
		return nil, errors.New("unclosed elements at end of part")
	}
	if prev != len(b) {
		root.kids = append(root.kids, &node{open: string(b[prev:])})
	}
	return root, nil
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

func (n *node) bytes() []byte {
	var b bytes.Buffer
	n.write(&b)
	return b.Bytes()
}

func (n *node) write(b *bytes.Buffer) {
	b.WriteString(n.open)
	for _, k := range n.kids {
		k.write(b)
	}
	b.WriteString(n.close)
}

// reRevisionIDs matches the Word 2010 paragraph and text identifiers,
// which must not repeat in a document; clones drop them (they are optional).
var reRevisionIDs = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(` w14:(?:paraId|textId)="[^"]*"`) })

// clone returns a deep copy of n without paragraph identifiers.
func (n *node) clone() *node {
	c := &node{name: n.name, open: n.open, close: n.close}
	if n.name != "" {
		c.open = reRevisionIDs().ReplaceAllString(c.open, "")
	}
	c.kids = make([]*node, len(n.kids))
	for i, k := range n.kids {
		c.kids[i] = k.clone()
	}
	return c
}

// elems returns the child elements named name.
func (n *node) elems(name string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

// elem returns the first child element named name, or nil.
func (n *node) elem(name string) *node {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// find returns the descendants named name in document order, not looking
// inside a match.
func (n *node) find(name string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		} else {
			out = append(out, k.find(name)...)
		}
	}
	return out
}

// path follows a chain of first child elements, or returns nil.
func (n *node) path(names ...string) *node {
	for _, name := range names {
		if n = n.elem(name); n == nil {
			return nil
		}
	}
	return n
}

// text returns the text of the w:t elements under n (enough to recognise
// the template's labels; tabs and breaks are not needed there).
func (n *node) text() string {
	var b strings.Builder
	for _, t := range n.find("w:t") {
		for _, k := range t.kids {
			b.WriteString(html.UnescapeString(k.open))
		}
	}
	return b.String()
}

// paraTexts returns the texts of the paragraphs of a cell, one a line.
func cellText(tc *node) string {
	var lines []string
	for _, p := range tc.elems("w:p") {
		lines = append(lines, p.text())
	}
	return strings.Join(lines, "\n")
}

// textNode builds a w:t holding s.
func textNode(s string) *node {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	open := "<w:t>"
	if r := []rune(s); len(r) > 0 && (unicode.IsSpace(r[0]) || unicode.IsSpace(r[len(r)-1])) {
		open = `<w:t xml:space="preserve">`
	}
	return &node{name: "w:t", open: open, close: "</w:t>", kids: []*node{{open: b.String()}}}
}

// runLike builds a run holding s with the properties of proto (a w:r) or,
// when proto is nil, with rPr (the paragraph mark's run properties, which
// is what an editor gives text typed into an empty paragraph), or none.
func runLike(proto, rPr *node, s string) *node {
	r := &node{name: "w:r", open: "<w:r>", close: "</w:r>"}
	if proto != nil {
		r = &node{name: "w:r", open: reRevisionIDs().ReplaceAllString(proto.open, ""), close: proto.close}
		rPr = proto.elem("w:rPr")
	}
	if r.close == "" { // a self-closing <w:r/>
		r.open = strings.TrimSuffix(r.open, "/>") + ">"
		r.close = "</w:r>"
	}
	if rPr != nil {
		r.kids = append(r.kids, rPr.clone())
	}
	r.kids = append(r.kids, textNode(s))
	return r
}

// firstTextRun returns the first run under n that holds a w:t, or nil.
func firstTextRun(n *node) *node {
	for _, r := range n.find("w:r") {
		if r.elem("w:t") != nil {
			return r
		}
	}
	return nil
}

// setParaText replaces the content of paragraph p (everything but its
// properties) by one run holding s, formatted like the paragraph's first
// text run, or like its mark if it has none. An empty s leaves an empty
// paragraph.
func setParaText(p *node, s string, proto *node) {
	if proto == nil {
		proto = firstTextRun(p)
	}
	var markRPr *node
	if pPr := p.elem("w:pPr"); pPr != nil {
		markRPr = pPr.elem("w:rPr")
	}
	if p.close == "" {
		p.open = strings.TrimSuffix(p.open, "/>") + ">"
		p.close = "</w:p>"
	}
	var kids []*node
	for _, k := range p.kids {
		if k.name == "w:pPr" {
			kids = append(kids, k)
		}
	}
	if s != "" {
		kids = append(kids, runLike(proto, markRPr, s))
	}
	p.kids = kids
}

// setCellText makes text the content of cell tc: one paragraph per line,
// each a copy of the cell's first paragraph (so its properties are kept),
// holding one run formatted like the cell's first text run. The cell's
// properties are kept.
func setCellText(tc *node, text string) error {
	ps := tc.elems("w:p")
	if len(ps) == 0 {
		return errors.New("cell has no paragraph")
	}
	proto := firstTextRun(tc)
	if proto != nil {
		proto = proto.clone()
	}
	var paras []*node
	for _, line := range strings.Split(text, "\n") {
		p := ps[0].clone()
		setParaText(p, line, proto)
		paras = append(paras, p)
	}
	var kids []*node
	done := false
	for _, k := range tc.kids {
		if k.name != "w:p" {
			kids = append(kids, k)
			continue
		}
		if !done {
			kids = append(kids, paras...)
			done = true
		}
	}
	tc.kids = kids
	return nil
}

var reWidth = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`w:w="\d+"`) })

// setSpan makes cell tc cover span grid columns of total width twips.
func setSpan(tc *node, span, width int) error {
	pr := tc.elem("w:tcPr")
	if pr == nil {
		return errors.New("cell has no properties")
	}
	w := pr.elem("w:tcW")
	if w == nil {
		return errors.New("cell has no width")
	}
	w.open = reWidth().ReplaceAllString(w.open, fmt.Sprintf(`w:w="%d"`, width))
	gs := &node{name: "w:gridSpan", open: fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, span)}
	var kids []*node
	for _, k := range pr.kids {
		switch {
		case k.name == "w:gridSpan":
			continue
		case k == w:
			kids = append(kids, k)
			if span > 1 {
				// CT_TcPr order: tcW, gridSpan, hMerge, vMerge, ...
				kids = append(kids, gs)
			}
			continue
		}
		kids = append(kids, k)
	}
	pr.kids = kids
	return nil
}

// isVMergeContinue reports whether cell tc continues a vertical merge.
func isVMergeContinue(tc *node) bool {
	vm := tc.path("w:tcPr", "w:vMerge")
	return vm != nil && !strings.Contains(vm.open, `w:val="restart"`)
}
