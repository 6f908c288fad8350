package rules

import (
	"cmp"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// Severity orders findings; a larger value is more severe.
type Severity int

// Severities.
const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unknown"
}

// MarshalText writes the severity as "error", "warning" or "info".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity parses "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, Errorf("unknown severity %q (want error, warning or info)", s)
}

// CellRef is a message argument naming a cell by key; printers render it as
// the cell's localized name.
type CellRef string

// TableRef is a message argument naming a table (format.T2 …); printers
// render it localized.
type TableRef string

// ColRef is a message argument naming a table 三 column key; printers render
// it localized.
type ColRef string

// SectionRef is a message argument naming a section by number.
type SectionRef int

// RowRef is a message argument naming a row by key ("t3.R7", "t4.rev").
type RowRef string

// RowsRef is a message argument naming several rows: keys joined by ",".
type RowsRef string

// SumRef is a message argument naming a sum of cells: keys joined by "+".
type SumRef string

// Phrase is a message argument that is itself an English phrase to
// translate ("the title").
type Phrase string

// TableTitleRef is a message argument naming a table with its title.
type TableTitleRef string

// Message is an English format string and its arguments, translated when
// printed.
type Message struct {
	Format string
	Args   []any
}

// MessageError is an error whose text is a Message: printers translate it
// (report.Printer.Sprintf), Error gives the English.
type MessageError struct{ Msg Message }

func (e *MessageError) Error() string { return fmt.Sprintf(e.Msg.Format, e.Msg.Args...) }

// Errorf returns a MessageError of an English format and its arguments;
// an argument may itself be a MessageError, translated in turn.
func Errorf(format string, args ...any) error {
	return &MessageError{Message{Format: format, Args: args}}
}

// Equation records an arithmetic relation Σ Left = Σ Right that a finding
// reports broken, so that fixes can be searched for.
type Equation struct {
	Left, Right []string
}

// Fix is one cell change that would make every arithmetic rule hold.
type Fix struct {
	Cell string  `json:"cell"`
	From float64 `json:"from"`
	To   float64 `json:"to"`
}

// Finding is one problem found in one file.
type Finding struct {
	Rule     string
	Severity Severity
	Msg      Message
	// Detail is the technical cause behind the message, for those who
	// ask (the JSON's detail, the text output with --verbose): an
	// unreadable file's error as the reader gave it, in English.
	Detail string
	// Cell is the key of the cell the finding is about, if any; for a bad
	// sum it is the total.
	Cell string
	// Related lists the keys of the other cells involved (the addends).
	Related []string
	// Cells holds the cells of Related, in the same order, as the report
	// had them when the finding was made (Pass.Add fills it): value,
	// state, raw text and position travel with the finding, so that
	// printers and a batch need no report to show them.
	Cells    []schema.Cell
	Expected *float64
	Actual   *float64
	Pos      parser.Pos
	// Equation is set by arithmetic rules.
	Equation *Equation
	// Fixes lists single-cell changes that would make all arithmetic hold;
	// filled by the driver when asked for.
	Fixes []Fix
	// Supersedes names the findings of required rules that this one
	// explains; Run drops them, so that a root cause is reported once
	// instead of as a cascade.
	Supersedes []Ref
}

// Ref names a finding by its rule and cell, for Supersedes.
type Ref struct {
	Rule *Rule
	Cell string
}

// Rule is one named check over a parsed report.
type Rule struct {
	ID       string // "A2001"; never reused once released
	Title    string // one line, English; translated when printed
	Doc      string // explanation for `nianbao explain`, English; translated
	Severity Severity
	Since    string
	// Driver marks pseudo-rules that the driver emits (P0001); they have
	// neither Check nor CheckBatch.
	Driver bool
	// Arithmetic marks rules whose findings carry an Equation.
	Arithmetic bool
	// Example shows a wrong and a right way, for `nianbao explain`.
	Example Example
	// Requires lists the rules whose findings Check reads, through
	// Pass.ResultOf: Run runs them first, whether or not they are selected
	// for output.
	Requires []*Rule
	// Check checks one report; a cross-file rule has CheckBatch instead.
	Check func(*Pass)
	// CheckBatch checks the digests of a batch's reports (BatchPlan.Run):
	// a cross-file rule.
	CheckBatch func(*BatchPass)
	// Reads says what CheckBatch reads of the digests.
	Reads Reads
	// ZH holds the rule's Chinese texts.
	ZH Texts
}

// Example is a small wrong-and-right illustration of a rule.
type Example struct {
	Bad, Good string
}

// Options tune what rules report.
type Options struct {
	// EachBlank reports every blank or "/" cell on its own line instead of a
	// count per table.
	EachBlank bool
	// Year is the report year expected by the configuration; 0 for none.
	Year int
}

// Pass carries one rule's run over one report.
type Pass struct {
	Report  *schema.Report
	Options Options
	// ResultOf holds the findings of each rule of the rule's Requires.
	ResultOf map[*Rule][]Finding
	rule     *Rule
	out      []Finding
	run      *runner
}

// sentences returns the sentences of the given sections, cached for the run.
func (p *Pass) sentences(sections ...int) []sentence {
	key := fmt.Sprint(sections)
	if ss, ok := p.run.sentences[key]; ok {
		return ss
	}
	if p.run.sentences == nil {
		p.run.sentences = map[string][]sentence{}
	}
	// Each section is cut into sentences once, whatever set of sections
	// the rules ask for.
	parts := make([][]sentence, len(sections))
	total := 0
	for i, n := range sections {
		one := fmt.Sprint([]int{n})
		s, ok := p.run.sentences[one]
		if !ok {
			s = sentences(p.Report, n)
			p.run.sentences[one] = s
		}
		parts[i] = s
		total += len(s)
	}
	if len(parts) == 1 {
		p.run.sentences[key] = parts[0]
		return parts[0]
	}
	ss := make([]sentence, 0, total)
	for _, s := range parts {
		ss = append(ss, s...)
	}
	p.run.sentences[key] = ss
	return ss
}

// Add records a finding of the running rule; Rule and Severity are set, and
// Pos defaults to the cell's position.
func (p *Pass) Add(f Finding) {
	f.Rule, f.Severity = p.rule.ID, p.rule.Severity
	if f.Pos.IsZero() && f.Cell != "" {
		f.Pos = p.Report.Cell(f.Cell).Pos
	}
	if f.Pos.File == "" {
		f.Pos.File = p.Report.Path
	}
	if len(f.Related) > 0 && f.Cells == nil {
		f.Cells = CellsOf(p.Report, f.Related)
	}
	p.out = append(p.out, f)
}

// CellsOf copies the cells of keys out of rep, their raw texts cloned so
// that they do not keep the document's text in memory.
func CellsOf(rep *schema.Report, keys []string) []schema.Cell {
	cells := make([]schema.Cell, len(keys))
	for i, k := range keys {
		cells[i] = *rep.Cell(k)
		cells[i].Raw = strings.Clone(cells[i].Raw)
	}
	return cells
}

// Addf records a finding with a message and no cell.
func (p *Pass) Addf(pos parser.Pos, format string, args ...any) {
	p.Add(Finding{Msg: Message{format, args}, Pos: pos})
}

// Run runs rs over rep and returns the findings sorted. The rules that rs
// require run first, once, and their findings are returned only when rs
// holds them too. A finding that another names in its Supersedes is
// dropped.
func Run(rep *schema.Report, rs []*Rule, opts Options) []Finding {
	rn := &runner{rep: rep, opts: opts}
	for _, r := range rs {
		rn.require(r.Requires)
	}
	var out []Finding
	var ends []int        // where the findings of each rule of rs end in out
	if len(rn.done) > 0 { // only then can findings supersede others
		ends = make([]int, 0, len(rs))
	}
	superseded := map[Ref]bool{}
	for _, r := range rs {
		if r.Check == nil {
			continue
		}
		start := len(out)
		out = rn.run(r, out)
		if ends != nil {
			ends = append(ends, len(out))
		}
		for _, f := range out[start:] {
			for _, s := range f.Supersedes {
				superseded[s] = true
			}
		}
	}
	if len(superseded) > 0 {
		kept, start := out[:0], 0
		i := 0
		for _, r := range rs {
			if r.Check == nil {
				continue
			}
			for _, f := range out[start:ends[i]] {
				if len(f.Supersedes) > 0 || !superseded[Ref{r, f.Cell}] {
					kept = append(kept, f)
				}
			}
			start = ends[i]
			i++
		}
		out = kept
	}
	Sort(out)
	return out
}

// runner runs rules over one report, and keeps what several rules read:
// the findings of the rules others require, the sentences of the text.
type runner struct {
	rep       *schema.Report
	opts      Options
	done      []result // the required rules, run or not yet
	sentences map[string][]sentence
}

// result is the findings of a required rule, once it has run.
type result struct {
	rule     *Rule
	findings []Finding
	ran      bool
}

// require notes that rs, and the rules they require, are required.
func (rn *runner) require(rs []*Rule) {
	for _, q := range rs {
		if !slices.ContainsFunc(rn.done, func(d result) bool { return d.rule == q }) {
			if rn.done == nil {
				rn.done = make([]result, 0, 4) // A2004 and A2005 require three
			}
			rn.done = append(rn.done, result{rule: q})
			rn.require(q.Requires)
		}
	}
}

// run appends the findings of r to dst, running the rules it requires
// first; a required rule runs once, into a slice of its own.
func (rn *runner) run(r *Rule, dst []Finding) []Finding {
	i := slices.IndexFunc(rn.done, func(d result) bool { return d.rule == r })
	if i >= 0 && rn.done[i].ran {
		return append(dst, rn.done[i].findings...)
	}
	pass := &Pass{Report: rn.rep, Options: rn.opts, rule: r, run: rn}
	if len(r.Requires) > 0 {
		pass.ResultOf = make(map[*Rule][]Finding, len(r.Requires))
		for _, q := range r.Requires {
			pass.ResultOf[q] = rn.run(q, nil)
		}
	}
	if i < 0 {
		pass.out = dst
	}
	r.Check(pass)
	if i < 0 {
		return pass.out
	}
	rn.done[i] = result{r, pass.out, true}
	return append(dst, pass.out...)
}

// refs runs rs, which require no rule, over rep and returns their
// findings' references.
func refs(rep *schema.Report, rs []*Rule) map[Ref]bool {
	rn := &runner{rep: rep}
	out := map[Ref]bool{}
	for _, r := range rs {
		for _, f := range rn.run(r, nil) {
			out[Ref{r, f.Cell}] = true
		}
	}
	return out
}

// Sort orders findings by file, position, rule ID and cell.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, Compare)
}

// Compare orders two findings for output.
func Compare(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Pos.File, b.Pos.File),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Table, b.Pos.Table),
		cmp.Compare(a.Pos.Row, b.Pos.Row),
		cmp.Compare(a.Pos.Col, b.Pos.Col),
		cmp.Compare(a.Pos.Para, b.Pos.Para),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Cell, b.Cell),
		cmp.Compare(a.Msg.Format, b.Msg.Format),
		cmp.Compare(fmt.Sprint(a.Msg.Args...), fmt.Sprint(b.Msg.Args...)),
	)
}

var idRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[PCANMX]\d{4}$`) })

// Validate checks a rule list: IDs well formed, unique and sorted; title
// and doc present, in English and Chinese; a Check or a CheckBatch unless
// the rule is emitted by the driver; required rules registered, with a Check, and no
// cycle among them; a message that several rules declare translated
// the same way by each.
func Validate(rs []*Rule) error {
	var errs []error
	messages := map[string]string{} // English → Chinese, over all rules
	for i, r := range rs {
		if !idRe().MatchString(r.ID) {
			errs = append(errs, fmt.Errorf("rule %q: malformed ID", r.ID))
		}
		if i > 0 && rs[i-1].ID >= r.ID {
			errs = append(errs, fmt.Errorf("rule %s: IDs not unique and sorted (after %s)", r.ID, rs[i-1].ID))
		}
		if r.Title == "" || r.Doc == "" || r.Since == "" {
			errs = append(errs, fmt.Errorf("rule %s: missing title, doc or since", r.ID))
		}
		if r.Severity < Info || r.Severity > Error {
			errs = append(errs, fmt.Errorf("rule %s: no severity", r.ID))
		}
		if checks := b2i(r.Check != nil) + b2i(r.CheckBatch != nil); checks != 1-b2i(r.Driver) {
			errs = append(errs, fmt.Errorf("rule %s: a rule has a Check or a CheckBatch exactly when it is not emitted by the driver", r.ID))
		}
		if len(r.Requires) > 0 && r.Check == nil {
			errs = append(errs, fmt.Errorf("rule %s: only a rule with a Check can require others", r.ID))
		}
		for _, q := range r.Requires {
			if !slices.Contains(rs, q) {
				errs = append(errs, fmt.Errorf("rule %s: requires a rule that is not registered", r.ID))
			} else if q.Check == nil {
				errs = append(errs, fmt.Errorf("rule %s: requires %s, which has no Check", r.ID, q.ID))
			}
		}
		if cyclic(r, nil) {
			errs = append(errs, fmt.Errorf("rule %s: Requires forms a cycle", r.ID))
		}
		if r.ZH.Title == "" || r.ZH.Doc == "" {
			errs = append(errs, fmt.Errorf("rule %s: missing Chinese title or doc", r.ID))
		}
		for _, t := range r.ZH.Messages {
			if t.ZH == "" {
				errs = append(errs, fmt.Errorf("rule %s: message %q has no Chinese text", r.ID, t.EN))
			} else if zh, ok := messages[t.EN]; ok && zh != t.ZH {
				errs = append(errs, fmt.Errorf("rule %s: message %q translated twice, differently", r.ID, t.EN))
			}
			messages[t.EN] = t.ZH
		}
	}
	return errors.Join(errs...)
}

// cyclic reports whether r requires itself, directly or not; path holds
// the rules that require r on the way.
func cyclic(r *Rule, path []*Rule) bool {
	if slices.Contains(path, r) {
		return true
	}
	for _, q := range r.Requires {
		if cyclic(q, append(path, r)) {
			return true
		}
	}
	return false
}

// Lookup returns the rule with the given ID, or nil.
func Lookup(id string) *Rule {
	for _, r := range All() {
		if strings.EqualFold(r.ID, id) {
			return r
		}
	}
	return nil
}

// Match returns the IDs of the rules in rs that pat names: an ID or a
// glob ("A2*"), in any case. A pattern that names no rule is an error.
func Match(rs []*Rule, pat string) ([]string, error) {
	pat = strings.ToUpper(strings.TrimSpace(pat))
	var ids []string
	for _, r := range rs {
		if ok, err := path.Match(pat, r.ID); err != nil {
			return nil, Errorf("bad rule pattern %q: %s", pat, err.Error())
		} else if ok {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		return nil, Errorf("no rule matches %q (see nianbao rules)", pat)
	}
	return ids, nil
}

// Select filters rs by a comma-separated list of patterns, applied in
// order: "all", an ID, a glob ("A2*"), or any of them prefixed with "-" to
// remove. An empty spec keeps rs as they are. P0001, the report of a file
// that cannot be read, is always kept.
func Select(rs []*Rule, spec string) ([]*Rule, error) {
	if strings.TrimSpace(spec) == "" {
		return rs, nil
	}
	on := map[string]bool{}
	if strings.HasPrefix(strings.TrimSpace(spec), "-") {
		for _, r := range rs {
			on[r.ID] = true
		}
	}
	for _, pat := range strings.Split(spec, ",") {
		pat = strings.TrimSpace(pat)
		neg := strings.HasPrefix(pat, "-")
		pat = strings.TrimPrefix(pat, "-")
		if strings.EqualFold(pat, "all") {
			pat = "*"
		}
		ids, err := Match(rs, pat)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			on[id] = !neg
		}
	}
	var out []*Rule
	for _, r := range rs {
		if on[r.ID] || r.ID == P0001.ID {
			out = append(out, r)
		}
	}
	return out, nil
}
