package rules

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/nianbao/nianbao/internal/testsupport/textgen"
	"github.com/nianbao/nianbao/schema"
)

// planted is a near-copy put into a corpus: the report at copy was made
// from the one at src.
type planted struct {
	src, copy int
	how       string
}

// plantedCorpus returns n reports of distinct made-up narratives of real
// length (1,000–5,000 characters), each of its own agency, and among them
// near-copies: a report copied with 0.5–2% of its characters changed and
// the agency replaced; copied with a new passage half its length added;
// and its first half copied.
func plantedCorpus(n, copies int) ([]*schema.Report, []planted) {
	rng := rand.New(rand.NewPCG(16, 2026))
	texts := make([]string, n)
	for i := range texts {
		texts[i] = textgen.Narrative(rng, 1000+rng.IntN(4001))
	}
	var plants []planted
	used := map[int]bool{}
	for k := range copies {
		src, cp := rng.IntN(n), rng.IntN(n)
		if src == cp || used[src] || used[cp] {
			continue
		}
		used[src], used[cp] = true, true
		t := texts[src]
		p := planted{src: src, copy: cp}
		switch k % 3 {
		case 0:
			p.how = "changed"
			t = textgen.Mutate(rng, t, 0.005+0.015*rng.Float64())
		case 1:
			p.how = "added to"
			rs := []rune(t)
			t = textgen.Mutate(rng, t, 0.01) + textgen.Narrative(rng, len(rs)/2)
		default:
			p.how = "first half"
			rs := []rune(t)
			t = textgen.Mutate(rng, string(rs[:len(rs)/2]), 0.01)
		}
		texts[cp] = t
		plants = append(plants, p)
	}
	reps := make([]*schema.Report, n)
	for i, t := range texts {
		reps[i] = &schema.Report{Agency: fmt.Sprintf("第%d号镇人民政府", i+1), Year: 2022,
			Sections: []schema.Section{{Number: 1, Text: t}}}
	}
	return reps, plants
}

// TestNearCopyPlanted checks the near-copy check (X1005) with its
// candidate pairs found by LSH on thousands of distinct reports of real
// length with near-copies planted among them: every planted pair is found
// where one text shares 80% of itself with the other, nothing else is,
// and the findings are those of comparing the signatures of every pair.
func TestNearCopyPlanted(t *testing.T) {
	n, copies := 3000, 90
	if testing.Short() {
		n, copies = 300, 15
	}
	reps, plants := plantedCorpus(n, copies)
	ds := make([]*Digest, len(reps))
	for i, rep := range reps {
		ds[i] = newDigest(fmt.Sprintf("r%04d.docx", i), rep, ReadsText)
	}
	run := func(pairs func([]*textSig) [][2]int32) [][]Finding {
		r := *X1005
		r.CheckBatch = func(p *BatchPass) { nearCopies(p, pairs) }
		out, _, err := PlanBatch([]*Rule{&r}, false).Run(ds, nil)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	got := run(bandedPairs)
	// Every planted pair, in each direction where the text is a
	// near-copy by its shingles.
	want := map[int]string{}
	for _, p := range plants {
		a, b := ds[p.src].text, ds[p.copy].text
		if share(a.shingles, b.shingles) >= copyShare {
			want[p.src] = ds[p.copy].Path
		}
		if share(b.shingles, a.shingles) >= copyShare {
			want[p.copy] = ds[p.src].Path
		}
		if want[p.src] == "" && want[p.copy] == "" {
			t.Errorf("planted copy (%s) %d of %d: shares %.2f and %.2f, not a near-copy", p.how, p.copy, p.src,
				share(b.shingles, a.shingles), share(a.shingles, b.shingles))
		}
	}
	for i, fs := range got {
		switch {
		case want[i] == "" && len(fs) > 0:
			t.Errorf("%s: unexpected %+v", ds[i].Path, fs)
		case want[i] != "" && (len(fs) != 1 || fs[0].Msg.Args[1] != want[i]):
			t.Errorf("%s: got %+v, want a near-copy of %s", ds[i].Path, fs, want[i])
		}
	}
	texts := make([]*textSig, len(ds))
	for i, d := range ds {
		texts[i] = d.text
	}
	all := allPairs(texts)
	banded := bandedPairs(texts)
	agree := 0 // pairs that agree on a band
	for i, a := range texts {
		if testing.Short() {
			break // the count is for the log
		}
		for _, b := range texts[i+1:] {
			for k := range sigBands {
				if band(a.sig, k) == band(b.sig, k) {
					agree++
					break
				}
			}
		}
	}
	t.Logf("%d reports, %d planted near-copies, %d reports with a finding; %d pairs agree on a band (%.3f%% of %d); pairs passed to the exact check: %d by LSH, %d by all pairs' signatures",
		n, len(plants), len(want), agree, 100*float64(agree)/float64(n*(n-1)/2), n*(n-1)/2, len(banded), len(all))
	if !slices.Equal(banded, all) {
		t.Errorf("LSH compares %d pairs, all pairs' signatures %d", len(banded), len(all))
	}
	if all := run(allPairs); !reflect.DeepEqual(got, all) {
		t.Error("LSH and all pairs find different near-copies")
	}
}

// allPairs returns every pair {i, j} (i < j) of texts that maybeCopy lets
// through, sorted: what bandedPairs finds without the bands, at the cost
// of comparing every pair's signatures.
func allPairs(texts []*textSig) [][2]int32 {
	var ps [][2]int32
	for i, a := range texts {
		for j := i + 1; j < len(texts); j++ {
			if maybeCopy(a, texts[j]) {
				ps = append(ps, [2]int32{int32(i), int32(j)})
			}
		}
	}
	return ps
}

// BenchmarkTextSig measures the comparable form of one narrative of 3,000
// characters: shingles, their sorting and the signature.
func BenchmarkTextSig(b *testing.B) {
	text := textgen.Narrative(rand.New(rand.NewPCG(1, 2)), 3000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		newTextSig(text)
	}
}

// nearCopyN is the number of reports of BenchmarkNearCopy.
var nearCopyN = flag.Int("nearcopy-n", 2000, "reports in BenchmarkNearCopy")

// BenchmarkNearCopy measures the near-copy check (X1005) alone over
// -nearcopy-n reports of real length with near-copies planted
// (plantedCorpus), its pairs found by LSH and by comparing the signatures
// of every pair.
func BenchmarkNearCopy(b *testing.B) {
	reps, _ := plantedCorpus(*nearCopyN, *nearCopyN/50)
	ds := make([]*Digest, len(reps))
	plan := PlanBatch(All(), false)
	for i, rep := range reps {
		ds[i] = newDigest(fmt.Sprintf("r%05d.docx", i), rep, ReadsText)
		plan.Keep(ds[i], nil)
	}
	for _, c := range []struct {
		name  string
		pairs func([]*textSig) [][2]int32
	}{{"lsh", bandedPairs}, {"all-pairs", allPairs}} {
		b.Run(fmt.Sprintf("n=%d/%s", len(ds), c.name), func(b *testing.B) {
			r := *X1005
			r.CheckBatch = func(p *BatchPass) { nearCopies(p, c.pairs) }
			plan := PlanBatch([]*Rule{&r}, false)
			for b.Loop() {
				if _, _, err := plan.Run(ds, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
