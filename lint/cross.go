package lint

import (
	"cmp"
	"math"
	"slices"
	"strings"

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
	version schema.Version
	pos     parser.Pos // where findings about the whole report point
	cells   map[string]*schema.Cell
	text    *narrative
}

// crossKeys are the cells the cross-year checks read. Never modified.
var crossKeys = func() []string {
	var ks []string
	for _, c := range schema.T3Columns {
		ks = append(ks, schema.T3+".CARRY_IN."+c, schema.T3+".CARRY_OUT."+c)
	}
	for _, row := range []string{"reg", "norm"} {
		for _, col := range []string{"issued", "repealed", "inforce"} {
			ks = append(ks, schema.T2+".a1."+row+"."+col)
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
		d.text = narrativeOf(rep)
	}
	return d
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
		x.prev = append(x.prev, newDigest(-1, r, true, x.on[rules.X1003.ID]))
	}
}

func (x *cross) add(i int, r FileResult) {
	x.n = max(x.n, i+1)
	if r.Report != nil && len(x.on) > 0 {
		x.cur = append(x.cur, newDigest(i, r, x.prevOn, (x.prevOn && x.on[rules.X1003.ID]) || x.on[rules.X1005.ID]))
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
		for _, col := range schema.T3Columns {
			in, out := d.cells[schema.T3+".CARRY_IN."+col], p.cells[schema.T3+".CARRY_OUT."+col]
			if !in.IsNumber() || !out.IsNumber() || in.Value == out.Value {
				continue
			}
			f := finding(rules.X1001, in.Pos, rules.MsgX1001, rules.ColRef(col), rules.Num(in.Value), p.path, rules.Num(out.Value))
			f.Cell, f.Expected, f.Actual = in.Key, &out.Value, &in.Value
			fs = append(fs, f)
		}
	}
	if x.on[rules.X1002.ID] && d.version == schema.V2021 && p.version == schema.V2021 {
		for _, row := range []string{"reg", "norm"} {
			k := func(col string) string { return schema.T2 + ".a1." + row + "." + col }
			inf, iss, rep, pinf := d.cells[k("inforce")], d.cells[k("issued")], d.cells[k("repealed")], p.cells[k("inforce")]
			if !inf.IsNumber() || !iss.IsNumber() || !rep.IsNumber() || !pinf.IsNumber() {
				continue
			}
			want := pinf.Value + iss.Value - rep.Value
			if math.Abs(inf.Value-want) <= max(2, math.Ceil(0.1*math.Abs(want))) {
				continue
			}
			f := finding(rules.X1002, inf.Pos, rules.MsgX1002, rules.RowRef(schema.T2+".a1."+row), rules.Num(inf.Value), p.path,
				rules.Num(pinf.Value), rules.Num(iss.Value), rules.Num(rep.Value), rules.Num(want))
			f.Cell, f.Expected, f.Actual = inf.Key, &want, &inf.Value
			f.Related = []string{iss.Key, rep.Key}
			fs = append(fs, f)
		}
	}
	if x.on[rules.X1003.ID] && d.text.comparable() && p.text.comparable() {
		if s := share(d.text, p.text); s >= copyShare {
			passage := longestShared(p.text.text, d.text.text)
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
	type hit struct {
		other *digest
		share float64
	}
	hits := map[*digest][]hit{}
	for i, a := range x.cur {
		if !a.text.comparable() {
			continue
		}
		for _, b := range x.cur[i+1:] {
			if !b.text.comparable() || (a.key != "" && a.key == b.key && a.year == b.year) || !maybeCopy(a.text, b.text) {
				continue
			}
			if s := share(a.text, b.text); s >= copyShare {
				hits[a] = append(hits[a], hit{b, s})
			}
			if s := share(b.text, a.text); s >= copyShare {
				hits[b] = append(hits[b], hit{a, s})
			}
		}
	}
	for _, d := range x.cur {
		hs := hits[d]
		if len(hs) == 0 {
			continue
		}
		best := slices.MaxFunc(hs, func(a, b hit) int {
			return cmp.Or(cmp.Compare(a.share, b.share), cmp.Compare(b.other.index, a.other.index))
		})
		passage := longestShared(best.other.text.text, d.text.text)
		share := int(math.Floor(best.share * 100))
		if len(hs) == 1 {
			out[d.index] = append(out[d.index], finding(rules.X1005, d.pos, rules.MsgX1005One,
				share, best.other.path, len(passage), excerpt(passage)))
			continue
		}
		out[d.index] = append(out[d.index], finding(rules.X1005, d.pos, rules.MsgX1005,
			share, best.other.path, len(hs)-1, len(passage), excerpt(passage)))
	}
}
