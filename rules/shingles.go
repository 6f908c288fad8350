package rules

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Near-copy detection (X1003, X1005). A text is reduced to the set of its
// shingles: every run of shingleLen characters, white space dropped and
// digits replaced by 0, so that a copy with this year's numbers typed in is
// still a copy. The similarity of a to b is the share of a's shingles found
// in b. Candidate pairs are found with MinHash signatures and then counted
// exactly.
const (
	shingleLen  = 8
	minHashes   = 128
	copyShare   = 0.8 // the share from which a text is a near-copy
	minTextLen  = 200 // shorter texts (in characters) are not compared
	excerptRune = 40  // characters of the shared passage shown
)

// textSig is the comparable form of a report's text. A batch keeps one
// per report until its end, so it is kept small: the text as UTF-8 rather
// than runes, and the shingle hashes folded to 32 bits (a false match
// between two texts of 10,000 shingles happens about once in 40 pairs and
// moves a share by 1/10,000).
type textSig struct {
	text     string   // the text without white space, as written
	shingles []uint32 // sorted, unique
	sig      []uint64 // MinHash signature: the low halves of the minimums, two to a word; nil when the text is too short
	count    int      // len(shingles), also while they are parked
	fp       uint64   // fingerprint of the shingles
	// parked, when set, holds text and shingles in the batch's temporary
	// file: a batch keeps only the signature of each text in memory and
	// loads the rest for the pairs it compares.
	parked *blobRef
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
	b := binary.AppendUvarint(nil, uint64(len(n.text)))
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
	norm := make([]rune, 0, len(s)/3)
	var text strings.Builder
	text.Grow(len(s))
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		text.WriteRune(r)
		if nr := width.LookupRune(r).Narrow(); nr != 0 {
			r = nr
		}
		if unicode.IsDigit(r) {
			r = '0'
		}
		norm = append(norm, r)
	}
	n.text = text.String()
	if len(norm) < minTextLen {
		return n
	}
	for i := 0; i+shingleLen <= len(norm); i++ {
		h := uint64(14695981039346656037)
		for _, r := range norm[i : i+shingleLen] {
			h ^= uint64(r)
			h *= 1099511628211
		}
		n.shingles = append(n.shingles, uint32(h^h>>32))
	}
	slices.Sort(n.shingles)
	n.shingles = slices.Compact(n.shingles)
	n.count = len(n.shingles)
	n.fp = 14695981039346656037
	for _, s := range n.shingles {
		n.fp ^= uint64(s)
		n.fp *= 1099511628211
	}
	sig := make([]uint64, minHashes)
	for j := range sig {
		sig[j] = ^uint64(0)
	}
	for _, h := range n.shingles {
		for j := range sig {
			if v := mix(uint64(h) ^ seeds[j]); v < sig[j] {
				sig[j] = v
			}
		}
	}
	n.sig = packSig(sig)
	return n
}

// errTextRecord is the error of a parked text that reads back cut short.
var errTextRecord = errors.New("text record read back from the batch's store is cut short")

// seeds are fixed, so that results do not depend on the run.
var seeds = func() []uint64 {
	s := make([]uint64, minHashes)
	x := uint64(0x9E3779B97F4A7C15)
	for i := range s {
		x = mix(x + uint64(i))
		s[i] = x
	}
	return s
}()

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
// comparing once the agreeing entries cannot reach the number needed.
func maybeCopy(a, b *textSig) bool {
	// With jac = eq/minHashes, the estimate below is
	// inter/small = jac/(1+jac) * (a+b)/small ≥ copyShare-0.2, that is
	// jac ≥ t/(1-t) for t = (copyShare-0.2)*small/(a+b).
	small := float64(min(a.count, b.count))
	t := (copyShare - 0.2) * small / float64(a.count+b.count)
	need := int(math.Ceil(t / (1 - t) * minHashes * (1 - 1e-9)))
	eq := 0
	for j := range a.sig {
		x := a.sig[j] ^ b.sig[j]
		if uint32(x) == 0 {
			eq++
		}
		if x>>32 == 0 {
			eq++
		}
		if eq+2*(len(a.sig)-j-1) < need {
			return false
		}
	}
	jac := float64(eq) / minHashes
	inter := jac / (1 + jac) * float64(a.count+b.count)
	return inter/small >= copyShare-0.2
}

// packSig keeps the low 32 bits of each minimum, two to a word: two
// different minimums agree on them once in 4·10^9 comparisons, and a
// batch compares every pair of signatures, a word at a time.
func packSig(sig []uint64) []uint64 {
	out := make([]uint64, (len(sig)+1)/2)
	for j, v := range sig {
		out[j/2] |= uint64(uint32(v)) << (32 * (j % 2))
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
// a suffix automaton of a: linear in the lengths of the texts.
func longestShared(as, bs string) []rune {
	a, b := []rune(as), []rune(bs)
	type state struct {
		next      map[rune]int32
		link, len int32
	}
	st := make([]state, 1, 2*len(a)+1)
	st[0] = state{next: map[rune]int32{}, link: -1}
	last := int32(0)
	for _, c := range a {
		cur := int32(len(st))
		st = append(st, state{next: map[rune]int32{}, len: st[last].len + 1})
		p := last
		for p != -1 {
			if _, ok := st[p].next[c]; ok {
				break
			}
			st[p].next[c] = cur
			p = st[p].link
		}
		if p == -1 {
			st[cur].link = 0
		} else if q := st[p].next[c]; st[p].len+1 == st[q].len {
			st[cur].link = q
		} else {
			clone := int32(len(st))
			nx := make(map[rune]int32, len(st[q].next))
			for k, v := range st[q].next {
				nx[k] = v
			}
			st = append(st, state{next: nx, len: st[p].len + 1, link: st[q].link})
			for p != -1 && st[p].next[c] == q {
				st[p].next[c] = clone
				p = st[p].link
			}
			st[q].link, st[cur].link = clone, clone
		}
		last = cur
	}
	v, l, best, end := int32(0), 0, 0, 0
	for i, c := range b {
		for v != 0 {
			if _, ok := st[v].next[c]; ok {
				break
			}
			v = st[v].link
			l = int(st[v].len)
		}
		if nv, ok := st[v].next[c]; ok {
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
