package schema

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"golang.org/x/text/width"
)

// ---- text: title, sections ----

func (b *builder) readText(doc *parser.Document) {
	var cur *Section
	var body []string
	flush := func() {
		if cur != nil {
			cur.Text = strings.Join(body, "\n")
			b.rep.Sections = append(b.rep.Sections, *cur)
		}
		body = nil
	}
	var preamble []*parser.Paragraph
	for _, p := range doc.Paragraphs() {
		text := format.TrimCell(p.Text)
		if text == "" {
			continue
		}
		if n := headingNumber(text); n > 0 {
			flush()
			cur = &Section{Number: n, Title: text, Pos: p.Pos}
			continue
		}
		if cur == nil {
			preamble = append(preamble, p)
			continue
		}
		body = append(body, text)
		cur.Paragraphs = append(cur.Paragraphs, Paragraph{Text: text, Pos: p.Pos})
	}
	flush()
	b.readTitle(preamble)
	var texts []string
	for _, p := range preamble {
		if p.Pos == b.rep.TitlePos {
			continue
		}
		if len(texts) == 0 {
			b.preamblePos = p.Pos
		}
		texts = append(texts, format.TrimCell(p.Text))
		b.rep.Preamble = append(b.rep.Preamble, Paragraph{Text: format.TrimCell(p.Text), Pos: p.Pos})
	}
	b.preamble = strings.Join(texts, "\n")
}

// headingNumber returns the section number (1…6) when text is one of the
// six headings, else 0. The numeral as written is not trusted; the heading
// text decides.
func headingNumber(text string) int {
	if utf8.RuneCountInString(text) > 40 {
		return 0
	}
	enum, core := splitLabel(text)
	if enum == "" || !strings.ContainsAny(enum, "一二三四五六七八九十") || strings.HasPrefix(enum, "(") {
		return 0
	}
	i := bestMatch(core, len(format.Sections), func(i int) []string { return format.Sections[i].Core })
	if i < 0 {
		return 0
	}
	return format.Sections[i].Number
}

// maxTitleLen bounds the paragraphs taken for the title, in bytes: a title
// is one line, and a whole text without line breaks is not one.
const maxTitleLen = 1024

var titleRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(.*?)((?:19|20)\d{2})年度?` + format.TitleSuffix)
})

func (b *builder) readTitle(preamble []*parser.Paragraph) {
	var title *parser.Paragraph
	for _, p := range preamble {
		if len(p.Text) <= maxTitleLen && strings.Contains(format.NormalizeLabel(p.Text), "年度报告") {
			title = p
			break
		}
	}
	if title == nil && len(preamble) > 0 && len(preamble[0].Text) <= maxTitleLen {
		title = preamble[0]
	}
	if title == nil {
		return
	}
	b.rep.Title = format.TrimCell(title.Text)
	b.rep.TitlePos = title.Pos
	norm := ChineseYears(format.NormalizeLabel(b.rep.Title))
	if m := titleRe().FindStringSubmatch(norm); m != nil {
		b.rep.Agency = m[1]
		y, _ := strconv.Atoi(m[2])
		b.rep.TitleYear = YearRef{Year: y, Text: b.rep.Title, Pos: title.Pos}
	} else if i := strings.Index(norm, format.TitleSuffix); i > 0 {
		b.rep.Agency = norm[:i]
	}
}

var chineseYearRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[〇零○Ｏ一二三四五六七八九]{4}年`) })

// ChineseYears rewrites years written in characters ("二〇二〇年") with digits.
func ChineseYears(s string) string {
	if !strings.ContainsAny(s, "〇零○Ｏ") {
		return s // every year 2000–2099 written in characters has a zero
	}
	return chineseYearRe().ReplaceAllStringFunc(s, func(m string) string {
		var sb strings.Builder
		for _, r := range m {
			if d, ok := format.ChineseDigits[r]; ok {
				sb.WriteRune(d)
			} else {
				sb.WriteRune(r)
			}
		}
		return sb.String()
	})
}

var (
	periodRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`((?:19|20)\d{2})年1月1日\D{0,4}?(?:((?:19|20)\d{2})年)?12月31日`)
	})
	bodyYearRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`((?:19|20)\d{2})年`) })
)

// readYears finds the statistics period and the year cited at the start of
// section 一, and settles the report year.
func (b *builder) readYears() {
	r := b.rep
	// The statistics period is usually stated in the preamble, sometimes in
	// section 一 or at the end.
	texts := append([]Section{{Text: b.preamble, Pos: b.preamblePos}}, r.Sections...)
	for _, s := range texts {
		text := stripSpace(s.Text)
		if !strings.Contains(text, "月31日") && !strings.Contains(text, "月３１日") {
			continue
		}
		text = ChineseYears(width.Narrow.String(text))
		if m := periodRe().FindStringSubmatch(text); m != nil {
			y, _ := strconv.Atoi(m[1])
			r.PeriodYear = YearRef{Year: y, Text: m[0], Pos: s.Pos}
			break
		}
	}
	if s := r.Section(1); s != nil {
		head := s.Text
		if i := runeOffset(head, 100); i < len(head) {
			head = head[:i]
		}
		head = ChineseYears(width.Narrow.String(head))
		if m := bodyYearRe().FindStringSubmatchIndex(head); m != nil {
			rest := head[m[1]:]
			if !strings.HasPrefix(rest, "修订") && !strings.HasPrefix(rest, "颁布") {
				y, _ := strconv.Atoi(head[m[2]:m[3]])
				r.BodyYear = YearRef{Year: y, Text: head[m[0]:m[1]], Pos: s.Pos}
			}
		}
	}
	for _, y := range []YearRef{r.TitleYear, r.PeriodYear, r.BodyYear} {
		if y.Year != 0 {
			r.Year = y.Year
			break
		}
	}
}

// runeOffset returns the byte offset of the n-th rune of s, or len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}
