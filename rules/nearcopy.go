package rules

import (
	"cmp"
	"hash/maphash"
	"math"
	"runtime"
	"sync"
)

// X1005 reports two reports of one batch whose texts are near-copies.
var X1005 = &Rule{
	ID:         "X1005",
	Title:      "The text is not a near-copy of another report of the batch",
	Doc:        `The 2021 format names reports whose content is identical to others (雷同) among the failures to be held to account. Within one run, the text of the six sections of every report (without the tables; numbers and white space ignored) is compared with every other report of another agency or year. When 80%% or more of a report's text is found in another, the finding names the most similar one, gives the share, how many other reports are near-copies too, and the longest passage in common.`,
	Severity:   Warning,
	Since:      "0.2.0",
	Reads:      ReadsText,
	CheckBatch: checkNearCopies,
	ZH: Texts{
		Title: "文字与本批其他报告不雷同",
		Doc:   `2021 年版格式把内容与其他报告雷同列为应予追责的情形之一。同一次检查中，每份报告六个部分的文字（不含表格，忽略数字和空白）与其他机关或其他年度的每份报告比较；某份报告的文字有 80%% 以上见于另一份报告时报告，给出最相似的报告、相同比例、另有几份报告雷同，以及最长的相同段落。`,
		Messages: []Translation{
			{msgX1005One, "文字有 %d%% 也出现在 %s 中；最长的相同段落有 %d 字：“%s”"},
			{msgX1005, "文字有 %d%% 也出现在 %s 中（本批另有 %d 份报告与之雷同）；最长的相同段落有 %d 字：“%s”"},
		},
	},
}

// msgX1005One is the message of X1005 when one other report is a near-copy.
const msgX1005One = "%d%% of the text is also in %s; the longest shared passage has %d characters: “%s”"

// msgX1005 is the message of X1005 when several reports are near-copies.
const msgX1005 = "%d%% of the text is also in %s (%d other reports of the batch are near-copies); the longest shared passage has %d characters: “%s”"

// checkNearCopies reports, for each report whose text is mostly found in
// another report of the batch, the most similar one. Reports of the same
// agency and year are left to X1006.
func checkNearCopies(pass *BatchPass) { nearCopies(pass, bandedPairs) }

// nearCopies is checkNearCopies with the pairs of texts to compare found by
// pairs (bandedPairs; the tests compare it with allPairs).
func nearCopies(pass *BatchPass, pairs func([]*textSig) [][2]int32) {
	// Reports whose texts reduce to the same shingles form a group: each
	// shares all of its text with the others, and the same share as they
	// do with any other text. Shares are counted between groups, so that a
	// folder where every town sent the same text costs one group, not a
	// comparison per pair.
	type group struct {
		members []*Digest // in input order
		text    *textSig
	}
	// (Same fingerprint and number of shingles are taken as the same
	// shingles: two different sets agree on both about once in 10^19.)
	var groups []*group
	byPrint := map[[2]uint64]*group{}
	for _, d := range pass.Reports {
		if !d.text.comparable() {
			continue
		}
		k := [2]uint64{d.text.fp, uint64(d.text.count)}
		g := byPrint[k]
		if g == nil {
			g = &group{text: d.text}
			groups = append(groups, g)
			byPrint[k] = g
		}
		g.members = append(g.members, d)
	}
	type link struct {
		g     *group
		share float64
	}
	links := map[*group][]link{}
	for _, g := range groups {
		links[g] = []link{{g, 1}}
	}
	// The pairs of groups that may be copies (LSH over the signatures),
	// then their shingles compared, the pairs shared among the cores: the
	// signatures are in memory, the shingles are read for these pairs.
	texts := make([]*textSig, len(groups))
	for i, g := range groups {
		texts[i] = g.text
	}
	cands := pairs(texts)
	type pair struct {
		from, to *group
		share    float64
	}
	// A run of candidates with the same first text goes to one worker,
	// which reads that text once.
	var runs [][][2]int32
	for lo := 0; lo < len(cands); {
		hi := lo + 1
		for hi < len(cands) && cands[hi][0] == cands[lo][0] {
			hi++
		}
		runs = append(runs, cands[lo:hi])
		lo = hi
	}
	workers := runtime.GOMAXPROCS(0)
	found := make([][]pair, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for r := w; r < len(runs); r += workers {
				a := groups[runs[r][0][0]]
				_, as, err := a.text.contents()
				if err != nil {
					errs[w] = err
					return
				}
				for _, c := range runs[r] {
					b := groups[c[1]]
					_, bs, err := b.text.contents()
					if err != nil {
						errs[w] = err
						return
					}
					if s := share(as, bs); s >= copyShare {
						found[w] = append(found[w], pair{a, b, s})
					}
					if s := share(bs, as); s >= copyShare {
						found[w] = append(found[w], pair{b, a, s})
					}
				}
			}
		})
	}
	wg.Wait()
	if err := cmp.Or(errs...); err != nil {
		pass.Fail(err)
		return
	}
	for _, ps := range found {
		for _, p := range ps {
			links[p.from] = append(links[p.from], link{p.to, p.share})
		}
	}
	// Two files of one agency and year are not compared (X1006 is about
	// them).
	same := func(a, b *Digest) bool { return a == b || (a.key != "" && a.key == b.key && a.Year == b.Year) }
	// The longest passage of two texts, kept for texts met again (the same
	// text sent by many towns).
	// Only its length and excerpt are kept, under the texts' hashes, so
	// that the texts themselves are not kept alive.
	type passageOf struct {
		n       int
		excerpt string
	}
	passages := map[[2]uint64]passageOf{}
	seed := maphash.MakeSeed()
	for _, g := range groups {
		for _, d := range g.members {
			n := 0
			var best *Digest
			var bestShare float64
			for _, l := range links[g] {
				// The members not excluded, and the first of them.
				var first *Digest
				cnt := len(l.g.members)
				for _, o := range l.g.members {
					if same(d, o) {
						cnt--
					} else if first == nil {
						first = o
					}
				}
				if first == nil {
					continue
				}
				n += cnt
				if best == nil || l.share > bestShare || (l.share == bestShare && first.order < best.order) {
					best, bestShare = first, l.share
				}
			}
			if best == nil {
				continue
			}
			bt, _, err1 := best.text.contents()
			dt, _, err2 := d.text.contents()
			if err := cmp.Or(err1, err2); err != nil {
				pass.Fail(err)
				return
			}
			key := [2]uint64{maphash.String(seed, bt), maphash.String(seed, dt)}
			passage, ok := passages[key]
			if !ok {
				p := longestShared(bt, dt)
				passage = passageOf{len(p), excerpt(p)}
				passages[key] = passage
			}
			share := int(math.Floor(bestShare * 100))
			if n == 1 {
				pass.Addf(d, d.pos, msgX1005One, share, best.Path, passage.n, passage.excerpt)
				continue
			}
			pass.Addf(d, d.pos, msgX1005, share, best.Path, n-1, passage.n, passage.excerpt)
		}
	}
}
