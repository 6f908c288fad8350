package rules

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
)

// Candidate pairs for the near-copy check (X1005) by locality-sensitive
// hashing: the signature's 128 bins are cut into sigBands bands of two
// bins, and two texts are compared only when they agree on a whole band.
// Texts with Jaccard similarity J agree on a band with probability J², and
// on at least one of the 64 with probability 1-(1-J²)^64.
//
// A text is a near-copy of another when copyShare (80%) of its shingles
// are in the other; for a text and one r times its length that means
// J ≥ 0.8/(0.2+r). At the threshold the chance that such a pair is never
// compared is, by r:
//
//	r    J      missed
//	1    0.67   4·10⁻¹⁷
//	1.5  0.47   1·10⁻⁷
//	2    0.36   1·10⁻⁴
//	3    0.25   2·10⁻²
//
// and a copy with a few per cent of its characters changed shares 85–95%
// of its shingles: J ≥ 0.74 at equal lengths, missed about once in 10²².
// Two reports of different agencies have J of 0.001–0.01 (the published
// reports under testdata/real; 0.06 for one zone's reports of two years):
// they agree on some band with probability 64·J², under 0.7%, so that the
// pairs compared are the copies and a small share of all pairs. Two bins make a band, rather than three or more, so that texts
// of unequal length are still found; more bands than 64 would need more
// bins, and memory, per report.
const sigBands = sigBins / 2

// band returns band k of a signature: its bins 2k and 2k+1.
func band(sig []uint64, k int) uint32 { return uint32(sig[k/2] >> (32 * (k % 2))) }

// firstBand reports whether k is the first band on which a and b agree,
// so that a pair that agrees on several bands is compared once.
func firstBand(a, b []uint64, k int) bool {
	for j := range k / 2 {
		if x := a[j] ^ b[j]; uint32(x) == 0 || x>>32 == 0 {
			return false
		}
	}
	return k%2 == 0 || uint32(a[k/2]^b[k/2]) != 0
}

// bandedPairs returns, sorted, the pairs {i, j} (i < j) of texts that agree
// on a band and that maybeCopy lets through. The bands are shared among
// the cores; each sorts the texts by the band's value, and texts with the
// same value are paired.
//
// The cost is that of sorting each band plus the pairs that agree on a
// band: a folder where many reports are near-copies of one another costs
// what it reports.
func bandedPairs(texts []*textSig) [][2]int32 {
	workers := min(runtime.GOMAXPROCS(0), sigBands)
	out := make([][][2]int32, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			keys := make([]uint64, len(texts)) // band value, then index
			for k := w; k < sigBands; k += workers {
				for i, t := range texts {
					keys[i] = uint64(band(t.sig, k))<<32 | uint64(i)
				}
				slices.Sort(keys)
				for lo := 0; lo < len(keys); {
					hi := lo + 1
					for hi < len(keys) && keys[hi]>>32 == keys[lo]>>32 {
						hi++
					}
					for x := lo; x < hi; x++ {
						a := texts[uint32(keys[x])]
						for y := x + 1; y < hi; y++ {
							b := texts[uint32(keys[y])]
							if firstBand(a.sig, b.sig, k) && maybeCopy(a, b) {
								out[w] = append(out[w], [2]int32{int32(uint32(keys[x])), int32(uint32(keys[y]))})
							}
						}
					}
					lo = hi
				}
			}
		})
	}
	wg.Wait()
	ps := slices.Concat(out...)
	slices.SortFunc(ps, comparePairs)
	return ps
}

func comparePairs(a, b [2]int32) int {
	return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
}
