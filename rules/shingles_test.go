package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/width"

	"github.com/nianbao/nianbao/internal/testsupport/textgen"
)

// TestMaybeCopyEarlyExit checks maybeCopy, which stops comparing when the
// signatures can no longer agree enough, against the estimate made over
// whole signatures.
func TestMaybeCopyEarlyExit(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var as, bs []uint16 // the signatures as drawn, before packing
	full := func(a, b *textSig) bool {
		eq := 0
		for j := range as {
			if as[j] == bs[j] {
				eq++
			}
		}
		jac := float64(eq) / sigBins
		inter := jac / (1 + jac) * float64(a.count+b.count)
		return inter/float64(min(a.count, b.count)) >= copyShare-0.2
	}
	yes := 0
	for range 20000 {
		a := &textSig{count: 200 + rng.IntN(5000)}
		b := &textSig{count: 200 + rng.IntN(5000)}
		agree := rng.Float64()
		as, bs = make([]uint16, sigBins), make([]uint16, sigBins)
		for j := range as {
			as[j], bs[j] = uint16(rng.Uint32()), uint16(rng.Uint32())
			if rng.Float64() < agree {
				bs[j] = as[j]
			}
		}
		a.sig, b.sig = packSig(as), packSig(bs)
		got, want := maybeCopy(a, b), full(a, b)
		if got != want {
			t.Fatalf("counts %d, %d, agreement %.2f: %v, want %v", a.count, b.count, agree, got, want)
		}
		if want {
			yes++
		}
	}
	if yes < 1000 || yes > 19000 {
		t.Errorf("%d of 20000 pairs may be copies: the test compares too little", yes)
	}
}

// TestEqualLanes checks the count of agreeing bins in a word against one
// lane at a time.
func TestEqualLanes(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		var x uint64
		for l := range 4 {
			var v uint64
			switch rng.IntN(4) {
			case 0: // 0
			case 1:
				v = 0x8000
			case 2:
				v = 1
			default:
				v = uint64(rng.Uint32() & 0xFFFF)
			}
			x |= v << (16 * l)
		}
		want := 0
		for l := range 4 {
			if uint16(x>>(16*l)) == 0 {
				want++
			}
		}
		if got := equalLanes(x); got != want {
			t.Fatalf("equalLanes(%#x) = %d, want %d", x, got, want)
		}
	}
}

// TestSortUint32 checks the radix sort against slices.Sort.
func TestSortUint32(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 255, 256, 3000, 10000} {
		a := make([]uint32, n)
		for i := range a {
			a[i] = rng.Uint32()
			if i%7 == 0 {
				a[i] &= 0xFF00FF // repeated digits
			}
		}
		want := slices.Clone(a)
		slices.Sort(want)
		if sortUint32(a); !slices.Equal(a, want) {
			t.Errorf("%d values: not sorted", n)
		}
	}
}

// TestLongestShared checks longestShared against the suffix automaton with
// a map a state it replaced, on texts of a few characters (many repeats)
// and on near-copies of real length.
func TestLongestShared(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	small := func(n int) string {
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = rune('甲' + rng.IntN(3))
		}
		return string(rs)
	}
	for range 2000 {
		a, b := small(rng.IntN(40)), small(rng.IntN(40))
		if got, want := string(longestShared(a, b)), string(longestSharedMaps(a, b)); got != want {
			t.Fatalf("longestShared(%q, %q) = %q, want %q", a, b, got, want)
		}
	}
	for range 20 {
		a := textgen.Narrative(rng, 1000+rng.IntN(3000))
		b := textgen.Mutate(rng, a, 0.02)
		if got, want := string(longestShared(a, b)), string(longestSharedMaps(a, b)); got != want {
			t.Fatalf("near-copy: %q, want %q", got, want)
		}
	}
}

// BenchmarkLongestShared measures the longest passage of a near-copy of
// 3,000 characters.
func BenchmarkLongestShared(b *testing.B) {
	rng := rand.New(rand.NewPCG(11, 12))
	x := textgen.Narrative(rng, 3000)
	y := textgen.Mutate(rng, x, 0.02)
	b.Run("lists", func(b *testing.B) {
		for b.Loop() {
			longestShared(x, y)
		}
	})
	b.Run("maps", func(b *testing.B) {
		for b.Loop() {
			longestSharedMaps(x, y)
		}
	})
}

// longestSharedMaps is the first longestShared, one map a state: it returns the longest passage a and b have in common, using
// a suffix automaton of a: linear in the lengths of the texts.
func longestSharedMaps(as, bs string) []rune {
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

// TestTextSigShingles checks the shingles hashed as the characters come
// against the normalised text hashed a window at a time.
func TestTextSigShingles(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	text := textgen.Narrative(rng, 600) + " 共 １２ 件，\u3000ABC 2023 年\t完。" + textgen.Narrative(rng, 50)
	var norm []rune
	for _, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		if nr := width.LookupRune(r).Narrow(); nr != 0 {
			r = nr
		}
		if unicode.IsDigit(r) {
			r = '0'
		}
		norm = append(norm, r)
	}
	var want []uint32
	for i := 0; i+shingleLen <= len(norm); i++ {
		h := uint64(14695981039346656037)
		for _, r := range norm[i : i+shingleLen] {
			h ^= uint64(r)
			h *= 1099511628211
		}
		want = append(want, uint32(h^h>>32))
	}
	slices.Sort(want)
	want = slices.Compact(want)
	n := newTextSig(text)
	if !slices.Equal(n.shingles, want) {
		t.Errorf("%d shingles, want %d", len(n.shingles), len(want))
	}
	if n.text != strings.Join(strings.Fields(text), "") {
		t.Errorf("text %q", n.text)
	}
}
