package rules

import (
	"iter"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// sentence is one sentence of the narrative with where it stands.
type sentence struct {
	text string // narrowed (half-width digits), without spaces
	para string // the whole paragraph, likewise
	pos  parser.Pos
	// figures is whether text holds an ASCII digit and a measure word
	// (件起宗条), as every pattern of findFigures wants (see isDigits):
	// worked out once, for the six rules that read the figures.
	figures bool
}

// sentences splits the paragraphs of the given sections into sentences.
// Text is narrowed so that full-width digits read as digits.
func sentences(r *schema.Report, sections ...int) []sentence {
	var out []sentence
	for _, n := range sections {
		s := r.Section(n)
		if s == nil {
			continue
		}
		for _, p := range s.Paragraphs {
			para := plainText(p.Text)
			for t := range cutSentences(para) {
				figures := strings.ContainsAny(t, "0123456789") && containsAnyRune(t, "件起宗条")
				out = append(out, sentence{text: t, para: para, pos: p.Pos, figures: figures})
			}
		}
	}
	return out
}

// cutSentences yields the sentences of para, each ending with its stop
// (。；;！？!?) and trimmed of white space; the last needs no stop. It
// works on bytes: every stop but the ASCII ones is three bytes of UTF-8
// (。 E3 80 82; ；！？ EF BC 9B/81/9F) that cannot occur inside another
// character. para must be valid UTF-8, as plainText returns it.
func cutSentences(para string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := 0
		for i := 0; i < len(para); i++ {
			end := 0
			switch para[i] {
			case ';', '!', '?':
				end = i + 1
			case 0xE3:
				if i+2 < len(para) && para[i+1] == 0x80 && para[i+2] == 0x82 {
					end = i + 3
				}
			case 0xEF:
				if i+2 < len(para) && para[i+1] == 0xBC && (para[i+2] == 0x9B || para[i+2] == 0x81 || para[i+2] == 0x9F) {
					end = i + 3
				}
			}
			if end == 0 {
				continue
			}
			if t := strings.TrimSpace(para[start:end]); t != "" && !yield(t) {
				return
			}
			start = end
			i = end - 1
		}
		if t := strings.TrimSpace(para[start:]); t != "" {
			yield(t)
		}
	}
}

// plainText is squeeze(narrowDigits(s)) in one pass, and s itself when
// it holds neither full-width digits nor the spaces squeeze removes (most
// paragraphs hold no full-width digit or space): the full-width digits are
// EF BC 90–99 in UTF-8, the spaces ' ', '\t', C2 A0 and E3 80 80.
func plainText(s string) string {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t':
		case 0xC2:
			if i+1 < len(s) && s[i+1] == 0xA0 {
				break
			}
			continue
		case 0xE3:
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
				break
			}
			continue
		case 0xEF:
			if i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
				break
			}
			continue
		default:
			continue
		}
		return squeeze(narrowDigits(s))
	}
	if !utf8.ValidString(s) {
		return squeeze(narrowDigits(s)) // strings.Map writes U+FFFD for bad bytes
	}
	return s
}

// narrowDigits turns full-width digits into ASCII ones and leaves the rest
// (width.Narrow would also turn "。" into "｡").
func narrowDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// squeeze removes white space inside a text ("3 件" → "3件").
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}

// quote shortens a sentence for a message, keeping the part around the
// match [i, j).
func quote(s string, i, j int) string {
	const context = 12 // runes kept on each side of the match
	start, end := i, j
	for n := 0; n < context && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:start])
		start -= size
	}
	for n := 0; n < context && end < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	q := s[start:end]
	if start > 0 {
		q = "…" + q
	}
	if end < len(s) {
		q += "…"
	}
	return strings.TrimRight(q, "。；;")
}

// figure is a number the narrative states, with the cells it must equal.
type figure struct {
	value float64
	quote string
	pos   parser.Pos
	// cells are added up to give the table's value.
	cells []string
	// alt, when set, is another set of cells whose sum is also accepted
	// ("受理 N 件" may or may not include the carried-in applications).
	alt []string
}

// claimPattern finds a figure in a sentence.
type claimPattern struct {
	re func() *regexp.Regexp
	// cells returns the cells the figure refers to, given the submatches;
	// nil skips the match.
	cells func(r *schema.Report, m []string) (cells, alt []string)
	// needs is a word the sentence must contain (context), or "".
	needs string
	// whole marks a figure of all the applications (received, handled,
	// carried): it is not read after "其中" (the figures there are parts:
	// "办结3件，其中公开答复2件") nor in a sentence about what one body
	// did for another ("区政府办代表区政府受理12件").
	whole bool
}

// findFigures applies the patterns to the sentences. A span matched by an
// earlier pattern is not matched again by a later one.
func findFigures(r *schema.Report, ss []sentence, pats []claimPattern) []figure {
	var out []figure
	for _, s := range ss {
		if !s.figures {
			continue
		}
		taken := make([]bool, len(s.text))
		for _, p := range pats {
			if p.needs != "" && !strings.Contains(s.text, p.needs) && !strings.Contains(s.para, p.needs) {
				continue
			}
			if !mayMatch(p.re(), s.text) {
				continue
			}
			for _, loc := range p.re().FindAllStringSubmatchIndex(s.text, -1) {
				if slices.Contains(taken[loc[0]:loc[1]], true) {
					continue
				}
				if p.whole && (strings.Contains(s.text[:loc[0]], "其中") || strings.Contains(s.text[:loc[0]], "代表")) {
					continue
				}
				m := make([]string, len(loc)/2)
				num := ""
				for g := 0; g < len(loc)/2; g++ {
					if loc[2*g] >= 0 {
						m[g] = s.text[loc[2*g]:loc[2*g+1]]
						if g > 0 && num == "" && isDigits(m[g]) {
							num = m[g]
						}
					}
				}
				if num == "" {
					continue
				}
				cells, alt := p.cells(r, m)
				if cells == nil {
					continue
				}
				for i := loc[0]; i < loc[1]; i++ {
					taken[i] = true
				}
				v, _ := strconv.ParseFloat(num, 64)
				out = append(out, figure{value: v, quote: quote(s.text, loc[0], loc[1]), pos: s.pos, cells: cells, alt: alt})
			}
		}
	}
	return out
}

// containsAnyRune is strings.ContainsAny for a few runes that are not
// ASCII: one search for each rune, instead of ContainsAny's look-up of
// every rune of s in the set.
func containsAnyRune(s, runes string) bool {
	for _, r := range runes {
		if strings.ContainsRune(s, r) {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// narrativeMessages are the messages of the rules that compare a figure of
// the text with the tables (N1001–N1006), through checkFigures.
var narrativeMessages = []Translation{
	{msgNarrative, "正文“%s”中的数字为 %s，而%s为 %s"},
	{msgNarrativeCol, "正文“%s”中的数字为 %s，而%s为 %s；%s 只是%s列的数值"},
	{msgNarrativeLeast, "正文“%s”中的数字为 %s，而%s至少为 %s（总计栏空白，按各申请人列已填的数字计算）"},
}

const (
	msgNarrative      = "the text says “%s” (%s), but %s is %s"
	msgNarrativeCol   = "the text says “%s” (%s), but %s is %s; %s is the value of column %s only"
	msgNarrativeLeast = "the text says “%s” (%s), but %s is at least %s (the total column is blank; counted from the numbers written in the applicant columns)"
)

// checkFigures reports each figure that matches neither its cells' sum nor
// the alternative. Figures whose cells are not all numbers are skipped.
func checkFigures(pass *Pass, figs []figure) {
	r := pass.Report
	for _, f := range figs {
		want, ok := sum(r, f.cells)
		if !ok {
			checkLowerBound(pass, f)
			continue
		}
		if want == f.value {
			continue
		}
		if f.alt != nil {
			if alt, ok := sum(r, f.alt); ok && alt == f.value {
				continue
			}
		}
		main := f.cells[0]
		if len(f.cells) > 1 {
			main = f.cells[len(f.cells)-1]
		}
		args := []any{f.quote, Num(f.value), sumName(f.cells), Num(want)}
		if col := columnWithValue(r, f.cells, f.value); col != "" {
			pass.Add(Finding{Msg: Message{msgNarrativeCol, append(args, Num(f.value), ColRef(col))}, Cell: main, Related: f.cells, Expected: ptr(want), Actual: ptr(f.value), Pos: f.pos})
			continue
		}
		pass.Add(Finding{Msg: Message{msgNarrative, args}, Cell: main, Related: f.cells, Expected: ptr(want), Actual: ptr(f.value), Pos: f.pos})
	}
}

// checkLowerBound reports a figure that is smaller than what its cells
// hold at least, when some of them are not numbers: a blank or "/" 总计
// cell of table 三 holds at least the numbers written in its row's six
// applicant columns, whatever the blank ones hold (counts are never
// negative), so a figure below the sum of what is written is wrong
// without guessing any blank. A figure above it is not decided.
func checkLowerBound(pass *Pass, f figure) {
	r := pass.Report
	var least float64
	var parts []string
	for _, k := range f.cells {
		c := r.Cell(k)
		switch {
		case c.IsNumber():
			least += c.Value
			parts = append(parts, k)
		case strings.HasPrefix(k, format.T3+".") && strings.HasSuffix(k, ".TOT"):
			row := strings.TrimSuffix(k, "TOT")
			for _, col := range format.T3PartColumns {
				if p := r.Cell(row + col); p.IsNumber() && p.Value > 0 {
					least += p.Value
					parts = append(parts, row+col)
				}
			}
		}
	}
	if f.value >= least {
		return
	}
	pass.Add(Finding{Msg: Message{msgNarrativeLeast, []any{f.quote, Num(f.value), sumName(f.cells), Num(least)}},
		Cell: f.cells[len(f.cells)-1], Related: parts, Actual: ptr(f.value), Pos: f.pos})
}

// sumName is a message argument: one cell, or the sum of several.
func sumName(cells []string) any {
	if len(cells) == 1 {
		return CellRef(cells[0])
	}
	return SumRef(strings.Join(cells, "+"))
}

// columnWithValue returns the applicant column of table 三 whose cells (in
// the same rows as cells, which are total-column cells) add up to v, if
// exactly one does: the E3 pattern of a figure that is one column's value.
func columnWithValue(r *schema.Report, cells []string, v float64) string {
	found := ""
	for _, col := range format.T3PartColumns {
		var keys []string
		for _, k := range cells {
			if !strings.HasPrefix(k, "t3.") || !strings.HasSuffix(k, ".TOT") {
				return ""
			}
			keys = append(keys, strings.TrimSuffix(k, "TOT")+col)
		}
		if s, ok := sum(r, keys); ok && s == v {
			if found != "" {
				return ""
			}
			found = col
		}
	}
	return found
}

// rowKeys lists table 三 total cells of rows with a prefix ("R3_" → R3_1…).
func rowKeys(r *schema.Report, prefixes ...string) []string {
	var out []string
	for _, row := range format.T3RowKeys(r.R6Split) {
		for _, p := range prefixes {
			if row == p || strings.HasSuffix(p, "_") && strings.HasPrefix(row, p) {
				out = append(out, "t3."+row+".TOT")
			}
		}
	}
	return out
}

func fixed(keys ...string) func(*schema.Report, []string) ([]string, []string) {
	return func(*schema.Report, []string) ([]string, []string) { return keys, nil }
}

// mayMatch reports whether re can match in s, by the words a match must
// start with (leadWords): a sentence without any of them is skipped before
// the pattern runs. A pattern without such words may always match.
func mayMatch(re *regexp.Regexp, s string) bool {
	words := leadWordsOf(re)
	if words == nil {
		return true
	}
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// leadCache holds leadWords per pattern. Never modified after a store.
var leadCache sync.Map // *regexp.Regexp → []string

func leadWordsOf(re *regexp.Regexp) []string {
	if w, ok := leadCache.Load(re); ok {
		return w.([]string)
	}
	var words []string
	if t, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		words = leadWords(t.Simplify())
	}
	leadCache.Store(re, words)
	return words
}

// leadWords returns the literals one of which every match of t starts
// with: the literal a concatenation begins with, or those of each branch
// of an alternation; nil when a match can start otherwise.
func leadWords(t *syntax.Regexp) []string {
	switch t.Op {
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []string{string(t.Rune)}
	case syntax.OpCapture:
		return leadWords(t.Sub[0])
	case syntax.OpConcat:
		if len(t.Sub) > 0 {
			return leadWords(t.Sub[0])
		}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range t.Sub {
			w := leadWords(sub)
			if w == nil {
				return nil
			}
			out = append(out, w...)
		}
		return out
	case syntax.OpCharClass:
		// A class of a few runes ("[收受]"): each is a word.
		var out []string
		for i := 0; i+1 < len(t.Rune); i += 2 {
			if t.Rune[i+1]-t.Rune[i] > 8 {
				return nil
			}
			for r := t.Rune[i]; r <= t.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		return out
	}
	return nil
}
