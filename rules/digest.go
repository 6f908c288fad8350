package rules

import (
	"strings"
	"sync"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// A Digest is what the cross-file rules keep of one report until the end
// of a batch: its identity, the cells the cross-year rules compare and the
// comparable form of its text, as the selected rules need (BatchPlan).
// Strings are cloned, so that a digest does not pin the report's text in
// memory.
type Digest struct {
	Path    string
	Agency  string // "" when unknown
	Year    int    // 0 when unknown
	key     string // agencyKey(Agency)
	version format.Version
	pos     parser.Pos // where findings about the whole report point
	cells   map[string]*schema.Cell
	text    *textSig
	order   int // the report's index in the batch, set by Run
}

// crossKeys are the cells the cross-year rules read, made on first use
// (not at start-up). Never modified.
var crossKeys = sync.OnceValue(func() []string {
	var ks []string
	for _, c := range format.T3Columns {
		ks = append(ks, format.T3+".CARRY_IN."+c, format.T3+".CARRY_OUT."+c)
	}
	for _, row := range []string{"reg", "norm"} {
		for _, col := range []string{"issued", "repealed", "inforce"} {
			ks = append(ks, format.T2+".a1."+row+"."+col)
		}
	}
	return ks
})

// newDigest keeps what reads asks for of rep: the cells (ReadsCells) and
// the text (ReadsText).
func newDigest(path string, rep *schema.Report, reads Reads) *Digest {
	d := &Digest{Path: path, Agency: strings.Clone(rep.Agency), key: strings.Clone(agencyKey(rep.Agency)), Year: rep.Year,
		version: rep.Version, pos: rep.TitlePos}
	if d.pos.File == "" {
		d.pos = parser.Pos{File: path}
	}
	if reads&ReadsCells != 0 {
		d.cells = make(map[string]*schema.Cell, len(crossKeys()))
		for _, k := range crossKeys() {
			c := *rep.Cell(k)
			c.Raw, c.Unit = "", ""
			d.cells[k] = &c
		}
	}
	if reads&ReadsText != 0 {
		d.text = textSigOf(rep)
	}
	return d
}

// Keep readies the digest to be kept until the end of the batch: its
// text's signature moves next to the signatures kept before it, and the
// text to s (when not nil) until the rules read it back. Where s fails,
// the text stays in memory. Keep is called from one goroutine at a time.
func (p *BatchPlan) Keep(d *Digest, s BlobStore) {
	if d.text == nil {
		return
	}
	p.sigs.keep(d.text)
	d.text.park(s)
}

// textSigOf is the comparable form of the sections of rep.
func textSigOf(rep *schema.Report) *textSig {
	var text strings.Builder
	size := 0
	for _, s := range rep.Sections {
		size += len(s.Text) + 1
	}
	text.Grow(size)
	for _, s := range rep.Sections {
		text.WriteString(s.Text)
		text.WriteString("\n")
	}
	return newTextSig(text.String())
}
