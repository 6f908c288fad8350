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

// TestLongestShared checks longestShared against the longest common
// passage found by dynamic programming (the first in b of the longest),
// on texts of a few characters (many repeats) and on near-copies.
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
		if got, want := string(longestShared(a, b)), longestCommon(a, b); got != want {
			t.Fatalf("longestShared(%q, %q) = %q, want %q", a, b, got, want)
		}
	}
	for range 5 {
		a := textgen.Narrative(rng, 300+rng.IntN(700))
		b := textgen.Mutate(rng, a, 0.02)
		if got, want := string(longestShared(a, b)), longestCommon(a, b); got != want {
			t.Fatalf("near-copy: %q, want %q", got, want)
		}
	}
}

// longestCommon is the longest passage of b that is in a, the first in b
// of those as long, by dynamic programming.
func longestCommon(as, bs string) string {
	a, b := []rune(as), []rune(bs)
	prev, cur := make([]int, len(a)+1), make([]int, len(a)+1)
	best, end := 0, 0
	for j := range b {
		longest := 0
		for i := range a {
			cur[i+1] = 0
			if a[i] == b[j] {
				cur[i+1] = prev[i] + 1
			}
			longest = max(longest, cur[i+1])
		}
		if longest > best {
			best, end = longest, j+1
		}
		prev, cur = cur, prev
	}
	return string(b[end-best : end])
}

// BenchmarkLongestShared measures the longest passage of a near-copy of
// 3,000 characters.
func BenchmarkLongestShared(b *testing.B) {
	rng := rand.New(rand.NewPCG(11, 12))
	x := textgen.Narrative(rng, 3000)
	y := textgen.Mutate(rng, x, 0.02)
	for b.Loop() {
		longestShared(x, y)
	}
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
