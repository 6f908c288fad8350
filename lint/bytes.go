package lint

import (
	"context"

	"github.com/nianbao/nianbao/parser"
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
// does not read. rs is not modified. The batch is kept in memory
// (opts.Spill is ignored); the error is that of a cross-file rule.
func BatchOf(rs []FileResult, opts Options) (*Batch, error) {
	opts.Prev, opts.Spill = nil, false
	c := &collector{x: newCross(opts), opts: opts, b: &Batch{Files: make([]FileResult, 0, len(rs))}}
	for i, r := range rs {
		if err := c.add(i, r); err != nil {
			return nil, err
		}
	}
	if err := c.finish(); err != nil {
		return nil, err
	}
	return c.b, nil
}
