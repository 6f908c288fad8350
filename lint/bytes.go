package lint

import (
	"context"
	"slices"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/rules"
)

// CheckBytes checks one file held in memory, as CheckFile checks one on
// disk: name is the file name the user gave (its extension helps choose the
// reader, and it appears in positions and findings), and data is the whole
// content, which is read within opts.Limits and never written anywhere.
// Like CheckFile it never panics: a failure inside the parser or a rule
// becomes a P0001 finding. The result keeps the whole report; CheckBytes
// keeps no reference to data once the report is built, except through the
// strings of the report itself.
func CheckBytes(ctx context.Context, name string, data []byte, opts Options) FileResult {
	return check(ctx, name, opts, func() (*parser.Document, error) {
		return parser.Parse(ctx, name, data, opts.Limits)
	})
}

// BatchOf assembles results already checked (by CheckFile or CheckBytes)
// into the Batch that RunBatch would return for them: the cross-file
// findings are merged in and sorted, the district totals are computed when
// opts.Aggregate is set, and each report is trimmed to opts.Retain.
// opts.Prev is ignored, since last year's reports are files that BatchOf
// does not read. rs is not modified.
func BatchOf(rs []FileResult, opts Options) *Batch {
	opts.Prev = nil
	x := newCross(opts)
	b := &Batch{Files: make([]FileResult, 0, len(rs))}
	if opts.Aggregate {
		b.Aggregate = newAggregate()
	}
	for i, r := range rs {
		x.add(i, r)
		if b.Aggregate != nil && r.Report != nil {
			b.Aggregate.add(r.Report)
		}
		b.Files = append(b.Files, trim(r, opts.Retain))
	}
	extra, unmatched := x.finish()
	for i, fs := range extra {
		if len(fs) > 0 {
			overrideSeverity(fs, opts.Severity)
			b.Files[i].Findings = slices.Concat(b.Files[i].Findings, fs)
			rules.Sort(b.Files[i].Findings)
		}
	}
	b.PrevUnmatched = unmatched
	if b.Aggregate != nil {
		b.Aggregate.finish(opts.Rules, opts.Rule)
	}
	return b
}
