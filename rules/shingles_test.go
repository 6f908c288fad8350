package rules

import (
	"math/rand/v2"
	"testing"
)

// TestMaybeCopyEarlyExit checks maybeCopy, which stops comparing when the
// signatures can no longer agree enough, against the estimate made over
// whole signatures.
func TestMaybeCopyEarlyExit(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var as, bs []uint32 // the signatures as drawn, before packing
	full := func(a, b *textSig) bool {
		eq := 0
		for j := range as {
			if as[j] == bs[j] {
				eq++
			}
		}
		jac := float64(eq) / minHashes
		inter := jac / (1 + jac) * float64(a.count+b.count)
		return inter/float64(min(a.count, b.count)) >= copyShare-0.2
	}
	yes := 0
	for range 20000 {
		a := &textSig{count: 200 + rng.IntN(5000)}
		b := &textSig{count: 200 + rng.IntN(5000)}
		agree := rng.Float64()
		as, bs = make([]uint32, minHashes), make([]uint32, minHashes)
		a64, b64 := make([]uint64, minHashes), make([]uint64, minHashes)
		for j := range as {
			as[j], bs[j] = rng.Uint32(), rng.Uint32()
			if rng.Float64() < agree {
				bs[j] = as[j]
			}
			// High halves that differ: only the low ones are kept.
			a64[j], b64[j] = uint64(as[j])|1<<40, uint64(bs[j])|2<<40
		}
		a.sig, b.sig = packSig(a64), packSig(b64)
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
