package lint

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/schema"
)

// Retain says how much of each report a batch keeps once the file has been
// checked. The parsed document is never kept; the less of the report is
// kept, the larger the folder that fits in memory.
type Retain int

// What a batch keeps of each report.
const (
	// RetainReport keeps the whole schema.Report (extract needs the
	// sections).
	RetainReport Retain = iota
	// RetainCells keeps the metadata and every cell, but no text: enough to
	// draw the tables (HTML) and fill the 数据 sheet. Under Options.Spill
	// they wait in the batch's temporary file, not in memory.
	RetainCells
	// RetainFindingCells keeps the metadata and the findings, which carry
	// the cells they name: enough for text, JSON, CSV and SARIF.
	RetainFindingCells
)

// Batch is the outcome of checking a set of files together.
type Batch struct {
	// Files holds one result per input file in the order Expand gives,
	// with the cross-file findings (X1xxx) merged in and sorted, each
	// report trimmed to Options.Retain. It is nil when the batch was run
	// with Options.Spill: Each gives the results either way.
	Files []FileResult
	// Summaries holds one summary per input file, in the same order, its
	// counts including the cross-file findings.
	Summaries []FileSummary
	// PrevUnmatched lists last year's reports (Options.Prev) that matched
	// no report of the batch.
	PrevUnmatched []PrevReport
	// Aggregate holds the district totals when Options.Aggregate is set.
	Aggregate *Aggregate

	spill *spill                  // the results, under Options.Spill
	extra map[int][]rules.Finding // the cross-file findings of spilled results
}

// FileSummary is what a summary line, table or sheet shows of a file.
type FileSummary struct {
	Path    string
	Agency  string // "" when unknown
	Year    int    // 0 when unknown
	Version format.Version
	// Unreadable is set when the file could not be read (P0001).
	Unreadable bool
	// Findings by severity.
	Errors, Warnings, Infos int
}

// Worst returns the highest severity among the findings, 0 if none.
func (s FileSummary) Worst() rules.Severity {
	switch {
	case s.Errors > 0:
		return rules.Error
	case s.Warnings > 0:
		return rules.Warning
	case s.Infos > 0:
		return rules.Info
	}
	return 0
}

func (s *FileSummary) count(fs []rules.Finding) {
	for _, f := range fs {
		switch f.Severity {
		case rules.Error:
			s.Errors++
		case rules.Warning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
}

// Summarize returns the summary of one result.
func Summarize(r FileResult) FileSummary {
	s := FileSummary{Path: r.Path, Unreadable: r.Report == nil}
	if rep := r.Report; rep != nil {
		// A clone: the agency is cut from the document's text, which it
		// would keep alive.
		s.Agency, s.Year, s.Version = strings.Clone(rep.Agency), rep.Year, rep.Version
	}
	s.count(r.Findings)
	return s
}

// Each calls fn for each file in input order with its result, read back
// from the batch's temporary file one at a time under Options.Spill. It
// stops at fn's first error, or a read error, and returns it.
func (b *Batch) Each(fn func(i int, r FileResult) error) error {
	if b.spill == nil {
		for i, r := range b.Files {
			if err := fn(i, r); err != nil {
				return err
			}
		}
		return nil
	}
	for i := range b.Summaries {
		r, err := b.spill.get(i)
		if err != nil {
			return err
		}
		if fs := b.extra[i]; len(fs) > 0 {
			r.Findings = slices.Concat(r.Findings, fs)
			rules.Sort(r.Findings)
		}
		if err := fn(i, r); err != nil {
			return err
		}
	}
	return nil
}

// Close releases the temporary file of a batch run with Options.Spill;
// Each must not be called after it. It is safe to call on any batch, and
// more than once.
func (b *Batch) Close() error {
	if b == nil || b.spill == nil {
		return nil
	}
	err := b.spill.close()
	b.spill = nil
	return err
}

// PrevReport names one of last year's reports.
type PrevReport struct {
	Path   string
	Agency string
	Year   int
}

// RunBatch checks every file named by paths, at most opts.Jobs at once.
// Results are handed on in input order as soon as all earlier files are
// done: the cross-file checks and the aggregate take what they need, the
// result is trimmed to opts.Retain and kept (in memory, or in a temporary
// file under opts.Spill), and the parsed document is dropped. At most a
// few results per job wait for an earlier, slower file.
//
// Last year's reports (opts.Prev) are read first, for the cross-year checks
// only. opts.Progress, when set, is called after each file with the number
// of files done and the total (last year's included).
//
// The error is non-nil only when the context is cancelled (ctx.Err()), a
// directory cannot be walked or the temporary file fails; a file that
// cannot be read is a P0001 finding. A batch run with opts.Spill must be
// closed.
func RunBatch(ctx context.Context, paths []string, opts Options) (*Batch, error) {
	files, err := Expand(paths)
	if err != nil {
		return nil, err
	}
	x := newCross(opts)
	var prevFiles []string
	if x.plan.Prev {
		if prevFiles, err = Expand(opts.Prev); err != nil {
			return nil, err
		}
	}
	if len(files) < 2 && !x.plan.Prev {
		// One report has no other to compare with: no digest of its
		// text, and no temporary file below.
		x = newCross(Options{})
	}
	total, done := len(files)+len(prevFiles), 0
	step := func() {
		if opts.Progress != nil {
			done++
			opts.Progress(done, total)
		}
	}
	if opts.Progress != nil {
		opts.Progress(0, total)
	}
	c := &collector{x: x, opts: opts, b: &Batch{Summaries: make([]FileSummary, 0, len(files))}}
	if opts.Spill && total > 1 {
		// Without a temporary directory to write to, the results stay in
		// memory: the batch is checked all the same.
		c.b.spill, _ = newSpill()
		if c.b.spill != nil {
			x.store = c.b.spill
		}
	}
	if len(prevFiles) > 0 {
		prevOpts := opts
		prevOpts.Rules, prevOpts.Fixes = nil, false
		err := stream(ctx, prevFiles, prevOpts, x.prep(true), func(_ int, r FileResult) error {
			x.addPrev(r)
			step()
			return nil
		})
		if err != nil {
			c.b.Close()
			return nil, err
		}
	}
	err = stream(ctx, files, opts, x.prep(false), func(i int, r FileResult) error {
		err := c.add(i, r)
		step()
		return err
	})
	if err == nil {
		err = c.finish()
	}
	if err != nil {
		c.b.Close()
		return nil, err
	}
	return c.b, nil
}

// collector assembles a batch from results given in order.
type collector struct {
	b    *Batch
	x    *cross
	opts Options
}

func (c *collector) add(i int, r FileResult) error {
	b := c.b
	c.x.add(i, r)
	if c.opts.Aggregate && r.Report != nil {
		if b.Aggregate == nil {
			b.Aggregate = newAggregate()
		}
		b.Aggregate.add(r.Report)
	}
	r.digest = nil // with the cross-file rules now
	b.Summaries = append(b.Summaries, Summarize(r))
	r = trim(r, c.opts.Retain)
	if b.spill != nil {
		return b.spill.put(i, r)
	}
	b.Files = append(b.Files, r)
	return nil
}

// finish runs the cross-file checks and the aggregate's.
func (c *collector) finish() error {
	b := c.b
	if b.spill != nil {
		if err := b.spill.finish(); err != nil {
			return err
		}
	}
	extra, unmatched, err := c.x.finish()
	if err != nil {
		return err
	}
	for i, fs := range extra {
		if len(fs) == 0 {
			continue
		}
		overrideSeverity(fs, c.opts.Severity)
		b.Summaries[i].count(fs)
		if b.spill != nil {
			if b.extra == nil {
				b.extra = map[int][]rules.Finding{}
			}
			b.extra[i] = fs
			continue
		}
		b.Files[i].Findings = slices.Concat(b.Files[i].Findings, fs)
		rules.Sort(b.Files[i].Findings)
	}
	b.PrevUnmatched = unmatched
	if c.opts.Aggregate && b.Aggregate == nil {
		b.Aggregate = newAggregate()
	}
	if b.Aggregate != nil {
		b.Aggregate.finish(c.opts.Rules, c.opts.Rule)
	}
	return nil
}

// stream runs CheckFile over files with bounded concurrency, then prep (if
// any) on each result in the same worker, and calls emit for each result
// in input order, from the calling goroutine. It returns
// emit's first error or the context's error; either way every goroutine it
// started has returned.
//
// A fixed set of workers checks the files, so that the stack each grows
// while parsing is grown once, not once per file.
func stream(parent context.Context, files []string, opts Options, prep func(*FileResult), emit func(int, FileResult) error) error {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	jobs = max(min(jobs, len(files)), 1)
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	slots := make([]chan FileResult, len(files))
	for i := range slots {
		slots[i] = make(chan FileResult, 1)
	}
	window := make(chan struct{}, 4*jobs) // started and not yet emitted
	next := make(chan int)                // files for the workers
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(next)
		for i := range files {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	})
	for range jobs {
		wg.Go(func() {
			for i := range next {
				r := CheckFile(ctx, files[i], opts)
				if prep != nil {
					prep(&r)
				}
				slots[i] <- r
			}
		})
	}
	var err error
	for i := range files {
		select {
		case r := <-slots[i]:
			<-window
			if ctx.Err() == nil {
				err = emit(i, r)
			}
		case <-ctx.Done():
		}
		if err != nil || ctx.Err() != nil {
			break
		}
	}
	cancel()
	wg.Wait()
	if err != nil {
		return err
	}
	return parent.Err()
}

// trim returns r with its report reduced as how says. Strings are cloned so
// that they do not pin the document's text in memory.
func trim(r FileResult, how Retain) FileResult {
	if r.Report == nil || how == RetainReport {
		return r
	}
	old := r.Report
	rep := *old
	rep.Sections, rep.Evidence, rep.Issues, rep.Preamble = nil, nil, nil, nil
	// The findings' slice without the room it grew into.
	r.Findings = slices.Clone(r.Findings)
	rep.Title = strings.Clone(old.Title)
	rep.Agency = strings.Clone(old.Agency)
	rep.TitleYear.Text, rep.PeriodYear.Text, rep.BodyYear.Text = "", "", ""
	if how == RetainFindingCells {
		// The findings carry the cells they name (Finding.Cells); only the
		// HTML tables ask for the tables, and they read RetainCells.
		rep.Cells, rep.Tables = nil, nil
		r.Report = &rep
		return r
	}
	// The kept cells are copied into one slice, their raw texts into one
	// string, and they are keyed by the report's Keys where those name
	// them: a few allocations per report, and no key string of its own
	// (Keys is shared by every report of a version).
	keys := make([]string, 0, len(old.Cells))
	inKeys := 0
	for _, k := range old.Keys {
		if _, ok := old.Cells[k]; ok {
			keys = append(keys, k)
			inKeys++
		}
	}
	if inKeys < len(old.Cells) {
		for k := range old.Cells {
			if !slices.Contains(old.Keys, k) {
				keys = append(keys, strings.Clone(k))
			}
		}
	}
	var raw strings.Builder
	for _, k := range keys {
		raw.WriteString(old.Cells[k].Raw)
	}
	all := raw.String()
	cells := make([]schema.Cell, len(keys))
	rep.Cells = make(map[string]*schema.Cell, len(keys))
	for i, k := range keys {
		c := &cells[i]
		*c = *old.Cells[k]
		c.Key, c.Raw, all = k, all[:len(c.Raw)], all[len(c.Raw):] // Unit is a constant of parser
		rep.Cells[k] = c
	}
	r.Report = &rep
	return r
}
