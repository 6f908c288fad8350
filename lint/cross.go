package lint

import (
	"github.com/nianbao/nianbao/rules"
)

// cross collects the digests of a batch's reports for the cross-file rules
// and runs them at its end. What a digest holds, and what the rules check,
// is the rules' business (rules.BatchPlan); the driver makes the digests
// in its workers, parks their texts in the batch's temporary file and
// feeds them to the rules.
type cross struct {
	plan  *rules.BatchPlan
	prev  []*rules.Digest
	cur   []*rules.Digest
	index []int // the file index of each of cur
	n     int   // files in the batch
	// store, when set, holds the texts of the digests until the rules
	// read them back.
	store rules.BlobStore
}

func newCross(opts Options) *cross {
	plan := rules.PlanBatch(opts.Rules, len(opts.Prev) > 0)
	plan.Aliases = opts.Aliases
	return &cross{plan: plan}
}

// prep returns the workers' part: the digest of each report of the batch,
// or of last year's (prev), so that the batch's one collecting goroutine
// does not have to make it; nil when no cross-file rule is selected.
func (x *cross) prep(prev bool) func(*FileResult) {
	if !x.plan.Active() {
		return nil
	}
	return func(r *FileResult) { x.digest(r, prev) }
}

// digest makes the digest of r, unless it has one or no report.
func (x *cross) digest(r *FileResult, prev bool) {
	switch {
	case r.digest != nil || r.Report == nil || !x.plan.Active():
	case prev:
		r.digest = x.plan.DigestPrev(r.Path, r.Report)
	default:
		r.digest = x.plan.Digest(r.Path, r.Report)
	}
}

func (x *cross) addPrev(r FileResult) {
	x.digest(&r, true)
	if r.digest != nil {
		x.park(r.digest)
		x.prev = append(x.prev, r.digest)
	}
}

func (x *cross) add(i int, r FileResult) {
	x.n = max(x.n, i+1)
	x.digest(&r, false)
	if r.digest != nil {
		x.park(r.digest)
		x.cur = append(x.cur, r.digest)
		x.index = append(x.index, i)
	}
}

func (x *cross) park(d *rules.Digest) {
	x.plan.Keep(d, x.store)
}

// finish runs the rules and returns the findings by file index and last
// year's reports that matched nothing; the error is the first failure to
// read back the parked texts.
func (x *cross) finish() ([][]rules.Finding, []PrevReport, error) {
	out := make([][]rules.Finding, x.n)
	if !x.plan.Active() {
		return out, nil, nil
	}
	found, unmatched, err := x.plan.Run(x.cur, x.prev)
	if err != nil {
		return nil, nil, err
	}
	for j, fs := range found {
		out[x.index[j]] = fs
	}
	var prev []PrevReport
	for _, p := range unmatched {
		prev = append(prev, PrevReport{Path: p.Path, Agency: p.Agency, Year: p.Year})
	}
	return out, prev, nil
}
