package lint

import (
	"cmp"
	"hash/maphash"
	"math"
	"runtime"
	"strings"
	"sync"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/schema"
)

// digest is what the cross-file step keeps of one report: its identity, the
// cells it compares across years and its text.
type digest struct {
	index   int // input order; -1 for last year's reports
	path    string
	agency  string
	key     string // agencyKey(agency)
	year    int
	version format.Version
	pos     parser.Pos // where findings about the whole report point
	cells   map[string]*schema.Cell
	text    *narrative
}

// crossKeys are the cells the cross-year checks read. Never modified.
var crossKeys = func() []string {
	var ks []string
	for _, c := range format.T3Columns {
		ks = append(ks, format.T3+".CARRY_IN."+c, format.T3+".CARRY_OUT."+c)
	}
	for _, row := range []string{"reg", "norm"} {
		for _, col := range []string{"issued", "repealed", "inforce"} {
			ks = append(ks, format.T2+".a1."+row+"."+col)
		}
	}
	return ks
}()

// newDigest keeps what the enabled checks need of r: the cells only for
// the cross-year checks (cells), the text only for the near-copy checks
// (text). Strings are cloned, so that the digest does not pin the report's
// text in memory.
func newDigest(i int, r FileResult, cells, text bool) *digest {
	rep := r.Report
	d := &digest{index: i, path: r.Path, agency: strings.Clone(rep.Agency), key: strings.Clone(agencyKey(rep.Agency)), year: rep.Year,
		version: rep.Version, pos: rep.TitlePos}
	if d.pos.File == "" {
		d.pos = parser.Pos{File: r.Path}
	}
	if cells {
		d.cells = make(map[string]*schema.Cell, len(crossKeys))
		for _, k := range crossKeys {
			c := *rep.Cell(k)
			c.Raw, c.Unit = "", ""
			d.cells[k] = &c
		}
	}
	if text {
		d.text = r.narr
		if d.text == nil {
			d.text = narrativeOf(rep)
		}
	}
	return d
}

// prep returns the workers' part of the digests: the narrative of each
// report, when texts are compared (text).
func (x *cross) prep(text bool) func(*FileResult) {
	if !text {
		return nil
	}
	return func(r *FileResult) {
		if r.Report != nil {
			r.narr = narrativeOf(r.Report)
		}
	}
}

// wantsText reports whether the checks compare the texts of the batch's
// reports (X1003 with last year's, X1005 within the batch).
func (x *cross) wantsText() bool {
	return (x.prevOn && x.on[rules.X1003.ID]) || x.on[rules.X1005.ID]
}

// narrativeOf is the comparable form of the sections of rep.
func narrativeOf(rep *schema.Report) *narrative {
	var text strings.Builder
	for _, s := range rep.Sections {
		text.WriteString(s.Text)
		text.WriteString("\n")
	}
	return newNarrative(text.String())
}

// cross collects digests during a batch and runs the X1xxx checks at its
// end.
type cross struct {
	on     map[string]bool // enabled X rules
	prevOn bool            // last year's reports were given
	prev   []*digest
	cur    []*digest
	n      int // files in the batch
	// store, when set, holds the texts and shingles of the narratives
	// until the checks at the end.
	store *spill
	// err is the first failure to read them back: the batch then fails
	// rather than leave texts uncompared.
	err error
}

// fail records the first error of the checks at the end.
func (x *cross) fail(err error) {
	if x.err == nil {
		x.err = err
	}
}

func newCross(opts Options) *cross {
	x := &cross{on: map[string]bool{}}
	for _, r := range opts.Rules {
		if strings.HasPrefix(r.ID, "X") {
			x.on[r.ID] = true
		}
	}
	x.prevOn = len(opts.Prev) > 0 && (x.on[rules.X1001.ID] || x.on[rules.X1002.ID] || x.on[rules.X1003.ID] || x.on[rules.X1004.ID])
	return x
}

func (x *cross) addPrev(r FileResult) {
	if r.Report != nil {
		d := newDigest(-1, r, true, x.on[rules.X1003.ID])
		d.text.park(x.store)
		x.prev = append(x.prev, d)
	}
}

func (x *cross) add(i int, r FileResult) {
	x.n = max(x.n, i+1)
	if r.Report != nil && len(x.on) > 0 {
		d := newDigest(i, r, x.prevOn, x.wantsText())
		d.text.park(x.store)
		x.cur = append(x.cur, d)
	}
}

// finding builds a finding of rule at pos.
func finding(rule *rules.Rule, pos parser.Pos, format string, args ...any) rules.Finding {
	return rules.Finding{Rule: rule.ID, Severity: rule.Severity, Msg: rules.Message{Format: format, Args: args}, Pos: pos}
}

// finish runs the checks and returns the findings by file index and last
// year's reports that matched nothing.
func (x *cross) finish() ([][]rules.Finding, []PrevReport) {
	out := make([][]rules.Finding, x.n)
	var unmatched []PrevReport
	if x.prevOn {
		unmatched = x.crossYear(out)
	}
	x.duplicates(out)
	x.nearCopies(out)
	return out, unmatched
}

// crossYear matches each report to last year's report of the same agency
// and compares them (X1001–X1004).
func (x *cross) crossYear(out [][]rules.Finding) []PrevReport {
	byKey := map[string][]*digest{}
	for _, p := range x.prev {
		if p.key != "" {
			byKey[p.key] = append(byKey[p.key], p)
		}
	}
	used := map[*digest]bool{}
	for _, d := range x.cur {
		var match *digest
		for _, p := range byKey[d.key] {
			switch {
			case d.key == "":
			case d.year != 0 && p.year == d.year-1:
				match = p
			case match == nil && (d.year == 0 || p.year == 0):
				match = p
			}
			if match != nil && match.year == d.year-1 {
				break
			}
		}
		if match == nil {
			if x.on[rules.X1004.ID] {
				out[d.index] = append(out[d.index], finding(rules.X1004, d.pos, rules.MsgX1004, cmp.Or(d.agency, d.path)))
			}
			continue
		}
		used[match] = true
		out[d.index] = append(out[d.index], x.compareYears(d, match)...)
	}
	var unmatched []PrevReport
	for _, p := range x.prev {
		if !used[p] {
			unmatched = append(unmatched, PrevReport{Path: p.path, Agency: p.agency, Year: p.year})
		}
	}
	return unmatched
}

// compareYears runs X1001–X1003 on a report and last year's.
func (x *cross) compareYears(d, p *digest) []rules.Finding {
	var fs []rules.Finding
	if x.on[rules.X1001.ID] {
		for _, col := range format.T3Columns {
			in, out := d.cells[format.T3+".CARRY_IN."+col], p.cells[format.T3+".CARRY_OUT."+col]
			if !in.IsNumber() || !out.IsNumber() || in.Value == out.Value {
				continue
			}
			f := finding(rules.X1001, in.Pos, rules.MsgX1001, rules.ColRef(col), rules.Num(in.Value), p.path, rules.Num(out.Value))
			f.Cell, f.Expected, f.Actual = in.Key, &out.Value, &in.Value
			fs = append(fs, f)
		}
	}
	if x.on[rules.X1002.ID] && d.version == format.V2021 && p.version == format.V2021 {
		for _, row := range []string{"reg", "norm"} {
			k := func(col string) string { return format.T2 + ".a1." + row + "." + col }
			inf, iss, rep, pinf := d.cells[k("inforce")], d.cells[k("issued")], d.cells[k("repealed")], p.cells[k("inforce")]
			if !inf.IsNumber() || !iss.IsNumber() || !rep.IsNumber() || !pinf.IsNumber() {
				continue
			}
			want := pinf.Value + iss.Value - rep.Value
			if math.Abs(inf.Value-want) <= max(2, math.Ceil(0.1*math.Abs(want))) {
				continue
			}
			f := finding(rules.X1002, inf.Pos, rules.MsgX1002, rules.RowRef(format.T2+".a1."+row), rules.Num(inf.Value), p.path,
				rules.Num(pinf.Value), rules.Num(iss.Value), rules.Num(rep.Value), rules.Num(want))
			f.Cell, f.Expected, f.Actual = inf.Key, &want, &inf.Value
			f.Related = []string{iss.Key, rep.Key}
			fs = append(fs, f)
		}
	}
	if x.on[rules.X1003.ID] && d.text.comparable() && p.text.comparable() {
		dt, ds, err1 := d.text.contents()
		pt, ps, err2 := p.text.contents()
		if err := cmp.Or(err1, err2); err != nil {
			x.fail(err)
			return fs
		}
		if s := share(ds, ps); s >= copyShare {
			passage := longestShared(pt, dt)
			fs = append(fs, finding(rules.X1003, d.pos, rules.MsgX1003, int(math.Floor(s*100)), p.path, len(passage), excerpt(passage)))
		}
	}
	return fs
}

// duplicates reports files of the batch with the same agency and year
// (X1006).
func (x *cross) duplicates(out [][]rules.Finding) {
	if !x.on[rules.X1006.ID] {
		return
	}
	type ay struct {
		key  string
		year int
	}
	groups := map[ay][]*digest{}
	for _, d := range x.cur {
		if d.key != "" && d.year != 0 {
			groups[ay{d.key, d.year}] = append(groups[ay{d.key, d.year}], d)
		}
	}
	for _, d := range x.cur {
		g := groups[ay{d.key, d.year}]
		if len(g) < 2 {
			continue
		}
		var others []string
		for _, o := range g {
			if o != d {
				others = append(others, o.path)
			}
		}
		out[d.index] = append(out[d.index], finding(rules.X1006, d.pos, rules.MsgX1006, d.agency, d.year, strings.Join(others, ", ")))
	}
}

// nearCopies reports, for each report whose text is mostly found in another
// report of the batch, the most similar one (X1005). Reports of the same
// agency and year are left to X1006.
func (x *cross) nearCopies(out [][]rules.Finding) {
	if !x.on[rules.X1005.ID] {
		return
	}
	// Reports whose texts reduce to the same shingles form a group: each
	// shares all of its text with the others, and the same share as they
	// do with any other text. Shares are counted between groups, so that a
	// folder where every town sent the same text costs one group, not a
	// comparison per pair.
	type group struct {
		members []*digest // in input order
		text    *narrative
	}
	// (Same fingerprint and number of shingles are taken as the same
	// shingles: two different sets agree on both about once in 10^19.)
	var groups []*group
	byPrint := map[[2]uint64]*group{}
	for _, d := range x.cur {
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
	// Every pair of groups, the outer loop shared among the cores: the
	// signatures are in memory, the shingles are read for the pairs that
	// may be copies.
	type pair struct {
		from, to *group
		share    float64
	}
	workers := runtime.GOMAXPROCS(0)
	found := make([][]pair, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(groups); i += workers {
				a := groups[i]
				var as []uint32
				loaded := false
				for _, b := range groups[i+1:] {
					if !maybeCopy(a.text, b.text) {
						continue
					}
					if !loaded {
						var err error
						if _, as, err = a.text.contents(); err != nil {
							errs[w] = err
							return
						}
						loaded = true
					}
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
		x.fail(err)
		return
	}
	for _, ps := range found {
		for _, p := range ps {
			links[p.from] = append(links[p.from], link{p.to, p.share})
		}
	}
	// Two files of one agency and year are not compared (X1006 is about
	// them).
	same := func(a, b *digest) bool { return a == b || (a.key != "" && a.key == b.key && a.year == b.year) }
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
			var best *digest
			var bestShare float64
			for _, l := range links[g] {
				// The members not excluded, and the first of them.
				var first *digest
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
				if best == nil || l.share > bestShare || (l.share == bestShare && first.index < best.index) {
					best, bestShare = first, l.share
				}
			}
			if best == nil {
				continue
			}
			bt, _, err1 := best.text.contents()
			dt, _, err2 := d.text.contents()
			if err := cmp.Or(err1, err2); err != nil {
				x.fail(err)
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
				out[d.index] = append(out[d.index], finding(rules.X1005, d.pos, rules.MsgX1005One,
					share, best.path, passage.n, passage.excerpt))
				continue
			}
			out[d.index] = append(out[d.index], finding(rules.X1005, d.pos, rules.MsgX1005,
				share, best.path, n-1, passage.n, passage.excerpt))
		}
	}
}
