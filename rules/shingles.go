package rules

import (
	"encoding/binary"
	"errors"
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Near-copy detection (X1003, X1005). A text is reduced to the set of its
// shingles: every run of shingleLen characters, white space dropped and
// digits replaced by 0, so that a copy with this year's numbers typed in is
// still a copy. The similarity of a to b is the share of a's shingles found
// in b. Candidate pairs are found with MinHash signatures, banded (lsh.go),
// and then counted exactly.
//
// The signature is a one-permutation MinHash: each shingle is hashed once,
// the hash picks one of sigBins bins and the bin keeps its smallest hash;
// bins left empty by a short text borrow from a non-empty bin picked the
// same way for every text (optimal densification, Shrivastava 2017), so
// that two texts agree on a bin with probability their Jaccard similarity.
// A bin keeps 16 bits of its minimum.
const (
	shingleLen  = 8 // newTextSig hashes its window unrolled: see the check below
	sigBins     = 128
	copyShare   = 0.8 // the share from which a text is a near-copy
	minTextLen  = 200 // shorter texts (in characters) are not compared
	excerptRune = 40  // characters of the shared passage shown
)

// newTextSig's unrolled hash is written for a window of 8 characters: this
// does not compile for another shingleLen.
var _ = [1]struct{}{}[shingleLen-8]

// textSig is the comparable form of a report's text. A batch keeps one
// per report until its end, so it is kept small: the text as UTF-8 rather
// than runes, and the shingle hashes folded to 32 bits (a false match
// between two texts of 10,000 shingles happens about once in 40 pairs and
// moves a share by 1/10,000).
type textSig struct {
	text     string   // the text without white space, as written
	shingles []uint32 // sorted, unique
	sig      []uint64 // the signature: sigBins 16-bit minimums, four to a word; nil when the text is too short
	count    int      // len(shingles), also while they are parked
	fp       uint64   // fingerprint of the shingles
	// parked, when set, holds text and shingles in the batch's temporary
	// file: a batch keeps only the signature of each text in memory and
	// loads the rest for the pairs it compares.
	parked *blobRef
}

// sigArena keeps the signatures of a batch's texts side by side, in
// blocks of sigBlock, rather than each in an allocation of its own: the
// LSH pass (lsh.go) reads them in order, and a batch of 100,000 reports
// holds 400 blocks instead of 100,000 small objects.
type sigArena struct {
	block []uint64 // the current block; the next signature goes at len(block)
}

const (
	sigWords = sigBins / 4 // words of a signature
	sigBlock = 256         // signatures in a block
)

// keep moves the signature of t into the arena.
func (a *sigArena) keep(t *textSig) {
	if t.sig == nil {
		return
	}
	if len(a.block)+sigWords > cap(a.block) {
		a.block = make([]uint64, 0, sigWords*sigBlock)
	}
	a.block = append(a.block, t.sig...)
	t.sig = a.block[len(a.block)-sigWords : len(a.block) : len(a.block)]
}

// blobRef is where a text's text and shingles are.
type blobRef struct {
	s      BlobStore
	off, n int64
}

// park moves text and shingles to s; the text keeps its signature.
func (n *textSig) park(s BlobStore) {
	if s == nil || n == nil || n.parked != nil {
		return
	}
	b := make([]byte, 0, binary.MaxVarintLen64+len(n.text)+4*len(n.shingles))
	b = binary.AppendUvarint(b, uint64(len(n.text)))
	b = append(b, n.text...)
	for _, h := range n.shingles {
		b = binary.LittleEndian.AppendUint32(b, h)
	}
	off, err := s.PutBlob(b)
	if err != nil {
		return // it stays in memory
	}
	n.parked = &blobRef{s: s, off: off, n: int64(len(b))}
	n.text, n.shingles = "", nil
}

// contents returns the text and shingles, read back when they are
// parked. It does not change n, so that workers may call it at once.
func (n *textSig) contents() (text string, shingles []uint32, err error) {
	if n.parked == nil {
		return n.text, n.shingles, nil
	}
	b, err := n.parked.s.Blob(n.parked.off, n.parked.n)
	if err != nil {
		return "", nil, err
	}
	l, k := binary.Uvarint(b)
	if k <= 0 || uint64(len(b)-k) < l || (uint64(len(b)-k)-l)%4 != 0 {
		return "", nil, errTextRecord
	}
	text = string(b[k : k+int(l)])
	rest := b[k+int(l):]
	shingles = make([]uint32, len(rest)/4)
	for i := range shingles {
		shingles[i] = binary.LittleEndian.Uint32(rest[4*i:])
	}
	return text, shingles, nil
}

func newTextSig(s string) *textSig {
	n := &textSig{}
	var text strings.Builder
	text.Grow(len(s))
	start := 0 // of the run of characters that are not space
	// The shingles are hashed as the characters come, over the last
	// shingleLen of them (win, from at on), so that the normalised text is
	// not kept.
	var win [shingleLen]rune
	var at uint // the oldest character of win, the next to be replaced
	chars := 0
	shingles := make([]uint32, 0, max(utf8.RuneCountInString(s)-shingleLen+1, 0))
	for i, r := range s {
		switch {
		case r >= 0x4E00 && r <= 0x9FFF:
			// A CJK ideograph, most of a report: not space, no narrow
			// form, no digit.
		case unicode.IsSpace(r):
			text.WriteString(s[start:i])
			start = i + utf8.RuneLen(r)
			continue
		case r < utf8.RuneSelf:
			if '0' <= r && r <= '9' {
				r = '0'
			}
		default:
			if nr := width.LookupRune(r).Narrow(); nr != 0 {
				r = nr
			}
			if unicode.IsDigit(r) {
				r = '0'
			}
		}
		win[at%shingleLen] = r
		at++
		if chars++; chars >= shingleLen {
			// FNV-1a over the window, oldest first, unrolled (an unsigned
			// index modulo 8 is a mask).
			const prime = 1099511628211
			h := uint64(14695981039346656037)
			h = (h ^ uint64(win[at%shingleLen])) * prime
			h = (h ^ uint64(win[(at+1)%shingleLen])) * prime
			h = (h ^ uint64(win[(at+2)%shingleLen])) * prime
			h = (h ^ uint64(win[(at+3)%shingleLen])) * prime
			h = (h ^ uint64(win[(at+4)%shingleLen])) * prime
			h = (h ^ uint64(win[(at+5)%shingleLen])) * prime
			h = (h ^ uint64(win[(at+6)%shingleLen])) * prime
			h = (h ^ uint64(win[(at+7)%shingleLen])) * prime
			shingles = append(shingles, uint32(h^h>>32))
		}
	}
	text.WriteString(s[start:])
	n.text = text.String()
	if chars < minTextLen {
		return n
	}
	n.shingles = shingles
	sortUint32(n.shingles)
	n.shingles = slices.Clip(slices.Compact(n.shingles))
	n.count = len(n.shingles)
	n.fp = 14695981039346656037
	for _, s := range n.shingles {
		n.fp ^= uint64(s)
		n.fp *= 1099511628211
	}
	n.sig = signature(n.shingles)
	return n
}

// signature returns the one-permutation MinHash signature of a set of
// shingle hashes (not empty): one hash per shingle.
func signature(shingles []uint32) []uint64 {
	const binShift = 64 - 7 // the top 7 bits pick one of 128 bins
	var mins [sigBins]uint64
	for j := range mins {
		mins[j] = ^uint64(0)
	}
	for _, h := range shingles {
		v := mix(uint64(h) ^ sigSeed)
		if b, x := v>>binShift, v&(1<<binShift-1); x < mins[b] {
			mins[b] = x
		}
	}
	var vals [sigBins]uint16
	for j, m := range mins {
		vals[j] = uint16(m)
	}
	// Empty bins: the j-th tries bins in an order fixed by j until one is
	// not empty, the same order for every text.
	for j, m := range mins {
		if m != ^uint64(0) {
			continue
		}
		k := -1
		for t := uint64(0); t < 4096 && k < 0; t++ {
			if c := mix(uint64(j)<<32|t^densSeed) % sigBins; mins[c] != ^uint64(0) {
				k = int(c)
			}
		}
		if k < 0 { // not met in practice: 4096 draws missing every filled bin
			k = slices.IndexFunc(mins[:], func(m uint64) bool { return m != ^uint64(0) })
		}
		vals[j] = vals[k]
	}
	return packSig(vals[:])
}

// sortUint32 sorts a: a radix sort, a byte at a time, for the thousands of
// shingles of a report (a third of the time of slices.Sort).
func sortUint32(a []uint32) {
	if len(a) < 256 {
		slices.Sort(a)
		return
	}
	var count [4][256]int32
	for _, v := range a {
		count[0][v&0xFF]++
		count[1][v>>8&0xFF]++
		count[2][v>>16&0xFF]++
		count[3][v>>24]++
	}
	src, dst := a, make([]uint32, len(a))
	for p := range count {
		var sum int32
		for d, c := range count[p] {
			count[p][d] = sum
			sum += c
		}
		shift := 8 * p
		for _, v := range src {
			d := v >> shift & 0xFF
			dst[count[p][d]] = v
			count[p][d]++
		}
		src, dst = dst, src
	}
	// Four passes: the sorted values are back in a.
}

// errTextRecord is the error of a parked text that reads back cut short.
var errTextRecord = errors.New("text record read back from the batch's store is cut short")

// The signature's seeds are fixed, so that results do not depend on the
// run.
const (
	sigSeed  = 0x9E3779B97F4A7C15
	densSeed = 0xD1B54A32D192ED03
)

// mix is the splitmix64 finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// comparable reports whether n is long enough to be compared.
func (n *textSig) comparable() bool { return n != nil && n.sig != nil }

// maybeCopy estimates from the signatures whether either text could share
// copyShare of itself with the other; it errs on the side of yes. It stops
// comparing once the agreeing bins cannot reach the number needed.
func maybeCopy(a, b *textSig) bool {
	// With jac = eq/sigBins, the estimate below is
	// inter/small = jac/(1+jac) * (a+b)/small ≥ copyShare-0.2, that is
	// jac ≥ t/(1-t) for t = (copyShare-0.2)*small/(a+b).
	small := float64(min(a.count, b.count))
	t := (copyShare - 0.2) * small / float64(a.count+b.count)
	need := int(math.Ceil(t / (1 - t) * sigBins * (1 - 1e-9)))
	eq := 0
	for j := range a.sig {
		eq += equalLanes(a.sig[j] ^ b.sig[j])
		if eq+4*(len(a.sig)-j-1) < need {
			return false
		}
	}
	jac := float64(eq) / sigBins
	inter := jac / (1 + jac) * float64(a.count+b.count)
	return inter/small >= copyShare-0.2
}

// equalLanes counts the 16-bit lanes of x that are 0: the bins on which
// two signature words agree, given their xor.
func equalLanes(x uint64) int {
	const lo, hi = 0x0001_0001_0001_0001, 0x8000_8000_8000_8000
	// A lane's high bit is set in y when the lane is not 0.
	y := ((x &^ hi) + (hi - lo)) | x
	return 4 - bits.OnesCount64(y&hi)
}

// packSig keeps the bins four to a word, bin j in the 16 bits from
// 16·(j%4) of word j/4: a band of two bins (LSH) is half a word.
func packSig(vals []uint16) []uint64 {
	out := make([]uint64, (len(vals)+3)/4)
	for j, v := range vals {
		out[j/4] |= uint64(v) << (16 * (j % 4))
	}
	return out
}

// share returns the share of a's shingles that b has (both sorted).
func share(a, b []uint32) float64 {
	if len(a) == 0 {
		return 0
	}
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(n) / float64(len(a))
}

// longestShared returns the longest passage a and b have in common, using
// a suffix automaton of a: linear in the lengths of the texts. The
// transitions of the first state, which has one for every character of a,
// are in a map; the others, a few a state, in lists in one slice.
func longestShared(as, bs string) []rune {
	a, b := []rune(as), []rune(bs)
	type state struct {
		head      int32 // first edge, or -1
		link, len int32
	}
	type edge struct {
		c        rune
		to, next int32
	}
	st := make([]state, 1, 2*len(a)+1)
	st[0] = state{head: -1, link: -1}
	edges := make([]edge, 0, 3*len(a))
	root := map[rune]int32{}
	find := func(p int32, c rune) int32 { // the edge of p on c, or -1
		for e := st[p].head; e >= 0; e = edges[e].next {
			if edges[e].c == c {
				return e
			}
		}
		return -1
	}
	next := func(p int32, c rune) (int32, bool) {
		if p == 0 {
			q, ok := root[c]
			return q, ok
		}
		if e := find(p, c); e >= 0 {
			return edges[e].to, true
		}
		return 0, false
	}
	set := func(p int32, c rune, to int32) {
		if p == 0 {
			root[c] = to
			return
		}
		if e := find(p, c); e >= 0 {
			edges[e].to = to
			return
		}
		edges = append(edges, edge{c, to, st[p].head})
		st[p].head = int32(len(edges) - 1)
	}
	last := int32(0)
	for _, c := range a {
		cur := int32(len(st))
		st = append(st, state{head: -1, len: st[last].len + 1})
		p := last
		for p != -1 {
			if _, ok := next(p, c); ok {
				break
			}
			set(p, c, cur)
			p = st[p].link
		}
		if p == -1 {
			st[cur].link = 0
		} else if q, _ := next(p, c); st[p].len+1 == st[q].len {
			st[cur].link = q
		} else {
			clone := int32(len(st))
			st = append(st, state{head: -1, len: st[p].len + 1, link: st[q].link})
			for e := st[q].head; e >= 0; e = edges[e].next { // q is not the first state
				edges = append(edges, edge{edges[e].c, edges[e].to, st[clone].head})
				st[clone].head = int32(len(edges) - 1)
			}
			for p != -1 {
				if t, _ := next(p, c); t != q {
					break
				}
				set(p, c, clone)
				p = st[p].link
			}
			st[q].link, st[cur].link = clone, clone
		}
		last = cur
	}
	v, l, best, end := int32(0), 0, 0, 0
	for i, c := range b {
		for v != 0 {
			if _, ok := next(v, c); ok {
				break
			}
			v = st[v].link
			l = int(st[v].len)
		}
		if nv, ok := next(v, c); ok {
			v = nv
			l++
		} else {
			v, l = 0, 0
		}
		if l > best {
			best, end = l, i+1
		}
	}
	return b[end-best : end]
}

// excerpt shortens a passage for a message.
func excerpt(p []rune) string {
	if len(p) <= excerptRune {
		return string(p)
	}
	return strings.TrimSpace(string(p[:excerptRune])) + "…"
}
