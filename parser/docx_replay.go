package parser

import (
	"bytes"
	"encoding/binary"
	"sync/atomic"
)

// Replaying property bodies.
//
// Four fifths of a main part written by WPS, Word or LibreOffice is
// formatting properties (w:rPr, w:pPr, w:tcPr and the like), and most of
// those are byte for byte the same as one seen shortly before: every cell
// of a column has the same w:tcPr, every run of a table the same w:rPr.
// The walker only checks them (well-formedness, limits) and reads nothing
// from them, unless they hold one of the few elements it reads (w:vanish,
// w:del, w:gridSpan, w:vMerge, …).
//
// So when the body of a properties element (what lies between its start
// and end tags) was walked without the walker reading anything from it,
// the walker keeps its bytes, with how many elements it holds and how deep
// they go. When the same bytes follow the start tag of a properties
// element again, and an end tag follows them, the walker skips them
// instead of scanning them: the same bytes scan into the same tokens,
// which the walker checked once and read nothing from, so skipping them
// leaves the walker as scanning them would, the elements count and the
// depth limit included (both checked before a skip). Anything that is not
// the same bytes, or does not fit the scanner's window, is scanned as
// before. The kept bodies outlive a parse (walkers are pooled): a batch of
// reports from one template shares them.
//
// On the filled WPS fixture (BenchmarkParseDocx, a parse 8.67M → 5.60M
// instructions by callgrind) 174 KB of its 274 KB are skipped. The sets
// are chosen by the first 16 bytes, which the w:tcPr of cells of one
// column share: 8 ways hold them all. A look-up compares at most 8 bodies
// of at most 4 KB, and only for properties at most two levels inside the
// body being recorded: a part made to match kept bodies at length and then
// differ reads about 1.1 times as long as without replaying
// (BenchmarkReplayHostile; 1.6 times before that bound).

// replayOff turns replaying off, for the tests that compare walks with and
// without it.
var replayOff atomic.Bool

// replayBody is a properties body the walker read nothing from.
type replayBody struct {
	body  []byte
	elems int // start tags in it
	maxK  int // deepest start tag, in levels below the body (-1: none)
}

// replayCache holds kept bodies in replaySets sets of replayWays, the set
// chosen by the body's first replayMinBody bytes, each set the most
// recently used first; and it records the body being read.
type replayCache struct {
	sets    [][replayWays]replayBody
	skipped int // bytes skipped in this walk

	// The body being recorded: it starts at buf offset start of a window
	// whose base was base, inside the properties element whose frame is
	// at stack depth depth-1.
	on    bool
	clean bool
	start int
	base  int64
	depth int
	elems int
	maxK  int
}

const (
	replaySetBits = 5
	replaySets    = 1 << replaySetBits
	replayWays    = 8
	replayMinBody = 16   // shorter bodies cost less to scan than to look up
	replayMaxBody = 4096 // longer ones are rare; a walker keeps at most 1 MB
)

// replaySet returns the set of the bodies that b may start with; b holds
// at least replayMinBody bytes.
func (c *replayCache) replaySet(b []byte) *[replayWays]replayBody {
	if c.sets == nil {
		c.sets = make([][replayWays]replayBody, replaySets)
	}
	h := binary.LittleEndian.Uint64(b)*0x9E3779B97F4A7C15 ^ binary.LittleEndian.Uint64(b[8:])*0xC2B2AE3D27D4EB4F
	return &c.sets[h>>(64-replaySetBits)]
}

// isProps reports whether an element of this local name holds properties
// (rPr, pPr, tcPr, trPr, tblPr, sectPr, …): a body worth keeping.
func isProps(local []byte) bool {
	n := len(local)
	return n >= 3 && local[n-1] == 'r' && local[n-2] == 'P'
}

// propsStart is called just after the start tag of a properties element
// was read through the fast path of scanAll and its frame pushed. It
// skips the element's body when it is a kept one, else it starts
// recording it unless a body is being recorded already.
func (w *docxWalker) propsStart(s *xmlScanner, maxElems int) {
	c := &w.replay
	if replayOff.Load() {
		return
	}
	if c.on && len(w.stack)-c.depth > 2 {
		// Properties nest one or two deep (w:rPr in w:pPr); deeper, a
		// look-up at every level would let a part made for it compare
		// the same bytes with kept bodies again and again.
		return
	}
	if w.replaySkip(s, maxElems) {
		return
	}
	if !c.on {
		c.on, c.clean = true, true
		c.start, c.base, c.depth = s.pos, s.base, len(w.stack)
		c.elems, c.maxK = w.elements, -1
	}
}

// replaySkip skips a kept body that the unread bytes of s start with and
// that an end tag follows, as one followed it when it was kept: so the
// skipped bytes end where a token ends, as they did then.
func (w *docxWalker) replaySkip(s *xmlScanner, maxElems int) bool {
	c := &w.replay
	rest := s.buf[s.pos:]
	if len(rest) < replayMinBody+2 {
		return false
	}
	set := c.replaySet(rest)
	for i := range set {
		b := &set[i]
		n := len(b.body)
		if n == 0 || len(rest) < n+2 || rest[n] != '<' || rest[n+1] != '/' || !bytes.Equal(rest[:n], b.body) {
			continue
		}
		// The body's start tags were read by the fast path, which asks
		// for a stack shallower than MaxDepth; the elements limit counts
		// them.
		if b.maxK >= 0 && len(w.stack)+b.maxK >= w.lim.MaxDepth || w.elements+b.elems > maxElems {
			return false
		}
		w.elements += b.elems
		if c.on && b.maxK >= 0 {
			c.maxK = max(c.maxK, len(w.stack)-c.depth+b.maxK)
		}
		s.pos += n
		c.skipped += n
		if i > 0 {
			hit := *b
			copy(set[1:i+1], set[:i])
			set[0] = hit
		}
		return true
	}
	return false
}

// note notes a start tag read through the fast path while a body is
// recorded, before its frame is pushed.
func (c *replayCache) note(depth int) {
	c.maxK = max(c.maxK, depth-c.depth)
}

// replayEnd is called after an end tag popped the stack: when it closed
// the element whose body is recorded, the body is kept if the walker read
// nothing from it and it is still in the window.
func (w *docxWalker) replayEnd(s *xmlScanner) {
	c := &w.replay
	if len(w.stack) >= c.depth {
		return
	}
	c.on = false
	end := s.nameAt - 2 // the end tag's '<'
	if !c.clean || s.base != c.base || end-c.start < replayMinBody || end-c.start > replayMaxBody {
		return
	}
	body := s.buf[c.start:end]
	set := c.replaySet(body)
	kept := set[replayWays-1].body[:0] // the evicted body's room
	copy(set[1:], set[:replayWays-1])
	set[0] = replayBody{body: append(kept, body...), elems: w.elements - c.elems, maxK: c.maxK}
}
