package rules

import (
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// Reads says what a cross-file rule reads of the reports' digests, so that
// the driver reads and keeps no more than the selected rules need.
type Reads int

// What a cross-file rule reads besides each report's identity (path,
// agency, year, format version).
const (
	// ReadsPrev marks a rule that compares each report with the same
	// body's report of last year: it runs only when those were given.
	ReadsPrev Reads = 1 << iota
	// ReadsCells marks a rule that reads the cells of crossKeys.
	ReadsCells
	// ReadsText marks a rule that compares the texts of the sections.
	ReadsText
)

// A BlobStore keeps bytes out of memory until they are read back: the
// driver's temporary file, where a batch parks the texts of its digests.
// Blob may be called from several goroutines at once; PutBlob only from
// one, and not while Blob runs.
type BlobStore interface {
	// PutBlob stores b and returns where it is.
	PutBlob(b []byte) (off int64, err error)
	// Blob returns the n bytes stored at off.
	Blob(off, n int64) ([]byte, error)
}

// BatchPlan is what the cross-file rules of a selection ask of the driver:
// whether to read last year's reports, and what digest to make of each
// report. The driver makes the digests with Digest and DigestPrev and
// hands them to Run.
type BatchPlan struct {
	rules []*Rule // the selected rules with a CheckBatch, in order
	// Prev is set when last year's reports are to be read: they were
	// given, and a selected rule compares with them.
	Prev bool
	// What the digests keep of this batch's reports and of last year's.
	cur, last Reads
	// Aliases lists groups of names of one body (.nianbao.yaml aliases),
	// for matching reports across years; the first name of a group stands
	// for the others.
	Aliases [][]string
	// sigs holds the signatures of the digests kept (Keep).
	sigs sigArena
}

// PlanBatch returns the plan for the cross-file rules among rs; prev says
// whether last year's reports were given.
func PlanBatch(rs []*Rule, prev bool) *BatchPlan {
	p := &BatchPlan{}
	for _, r := range rs {
		if r.CheckBatch != nil {
			p.rules = append(p.rules, r)
			p.Prev = p.Prev || (prev && r.Reads&ReadsPrev != 0)
		}
	}
	for _, r := range p.rules {
		if r.Reads&ReadsPrev == 0 {
			p.cur |= r.Reads
		} else if p.Prev {
			p.cur |= r.Reads
			p.last |= r.Reads
		}
	}
	return p
}

// Active reports whether a cross-file rule is selected: then every report
// of the batch needs a digest.
func (p *BatchPlan) Active() bool { return len(p.rules) > 0 }

// Digest returns the digest of a report of the batch read from path.
func (p *BatchPlan) Digest(path string, rep *schema.Report) *Digest {
	return newDigest(path, rep, p.cur)
}

// DigestPrev returns the digest of one of last year's reports.
func (p *BatchPlan) DigestPrev(path string, rep *schema.Report) *Digest {
	return newDigest(path, rep, p.last)
}

// Run runs the cross-file rules over the digests of the batch's readable
// reports (cur, in input order) and of last year's (prev). It returns the
// findings of each report by its index in cur, the reports of prev that
// no report matched (when p.Prev), and the first error met reading back
// the parked texts: the batch then fails rather than leave texts
// uncompared.
func (p *BatchPlan) Run(cur, prev []*Digest) (findings [][]Finding, unmatched []*Digest, err error) {
	b := &batchRun{out: make([][]Finding, len(cur))}
	for i, d := range cur {
		d.order = i
	}
	if p.Prev {
		b.match, unmatched = matchPrev(cur, prev, p.Aliases)
	}
	for _, r := range p.rules {
		if r.Reads&ReadsPrev != 0 && !p.Prev {
			continue
		}
		r.CheckBatch(&BatchPass{Reports: cur, Prev: prev, rule: r, run: b})
		if b.err != nil {
			return nil, nil, b.err
		}
	}
	return b.out, unmatched, nil
}

// batchRun is one run of the cross-file rules.
type batchRun struct {
	out   [][]Finding // by the report's order
	match []*Digest   // last year's report of each report, or nil
	err   error
}

// BatchPass carries one cross-file rule's run over a batch.
type BatchPass struct {
	// Reports are the digests of the batch's readable reports, in input
	// order.
	Reports []*Digest
	// Prev are the digests of last year's reports.
	Prev []*Digest
	rule *Rule
	run  *batchRun
}

// Addf records a finding of the running rule about report d, at pos.
func (p *BatchPass) Addf(d *Digest, pos parser.Pos, format string, args ...any) {
	p.Add(d, Finding{Msg: Message{format, args}, Pos: pos})
}

// Add records a finding of the running rule about report d; Rule and
// Severity are set.
func (p *BatchPass) Add(d *Digest, f Finding) {
	f.Rule, f.Severity = p.rule.ID, p.rule.Severity
	p.run.out[d.order] = append(p.run.out[d.order], f)
}

// Fail records an error reading back what the digests parked; the batch
// fails with the first.
func (p *BatchPass) Fail(err error) {
	if p.run.err == nil {
		p.run.err = err
	}
}

// LastYear returns the report of last year that d was matched with, or
// nil.
func (p *BatchPass) LastYear(d *Digest) *Digest {
	if p.run.match == nil {
		return nil
	}
	return p.run.match[d.order]
}
