package rules

import (
	"math/rand/v2"
	"slices"
	"testing"
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
