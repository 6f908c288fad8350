package schema

import (
	"regexp"
	"slices"
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
		if slices.Contains(b.titleParas, p.Pos) {
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
	// Over 160 bytes is over 40 characters: a long paragraph is not
	// counted through.
	if len(text) > 4*40 || utf8.RuneCountInString(text) > 40 {
		return 0
	}
	enum, core := splitLabel(text)
	if enum == "" {
		// A numeral without a separator: "一总体情况".
		if r, size := utf8.DecodeRuneInString(core); strings.ContainsRune("一二三四五六", r) {
			enum, core = core[:size], core[size:]
		}
	}
	if enum == "" || !strings.ContainsAny(enum, "一二三四五六七八九十") || strings.HasPrefix(enum, "(") {
		return 0
	}
	// A line that goes on into a sentence is not a heading.
	if strings.ContainsAny(core, "。；;") {
		return 0
	}
	if i := bestMatch(core, len(format.Sections), func(i int) []string { return format.Sections[i].Core }); i >= 0 {
		return format.Sections[i].Number
	}
	// Another spelling of the heading counts when the numeral as written
	// agrees with it.
	for _, sec := range format.Sections {
		if !strings.Contains(enum, sec.Numeral) || len([]rune(strings.Trim(enum, "、.．:： "))) != 1 {
			continue
		}
		if sec.Named(core) {
			return sec.Number
		}
	}
	return 0
}

// maxTitleLen bounds the paragraphs taken for the title, in bytes: a title
// is one line, and a whole text without line breaks is not one.
const maxTitleLen = 1024

// maxTitleRunes bounds a title taken without the words of one: longer, it
// is a sentence.
const maxTitleRunes = 60

// The title's patterns, normalised: the agency, then the year, then the
// name of the report in one of its spellings ("政府信息公开工作年度报告",
// "政府信息公开年度报告", "信息公开年度报告", "…年度政府信息公开工作报告");
// or the year first ("2020年某省人民政府办公厅政府信息公开工作年度报告").
const reportName = `(?:政府)?信息公开(?:工作)?(?:年度)?报告`

var (
	titleRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(.*?)((?:19|20)\d{2})年度?` + reportName)
	})
	yearFirstTitleRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^((?:19|20)\d{2})年度?(.+?)` + reportName)
	})
	reportNameRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(reportName + `|年度报告|年报`) })
)

// breadcrumb reports whether a normalised line is a site's navigation
// ("当前位置：首页>政务公开>…", "首页/信息公开/…") rather than a title.
func breadcrumb(n string) bool {
	if strings.Contains(n, "当前位置") || strings.Contains(n, "所在位置") {
		return true
	}
	i := strings.Index(n, "首页")
	return i >= 0 && strings.ContainsAny(n[i:], ">/»›")
}

// sentence reports whether a line reads as a sentence (a preamble's first
// sentence, a body paragraph), not a heading.
func sentence(s string) bool {
	return strings.ContainsAny(s, "。，；;") || utf8.RuneCountInString(s) > maxTitleRunes
}

// titleParts reads a normalised title: the agency ("" when the title
// names none) and the year; ok is false when n is no title with a year.
func titleParts(n string) (agency string, year int, ok bool) {
	if m := titleRe().FindStringSubmatch(n); m != nil {
		year, _ = strconv.Atoi(m[2])
		return m[1], year, true
	}
	if m := yearFirstTitleRe().FindStringSubmatch(n); m != nil && ClassifyAgency(m[2]) != AgencyUnknown {
		year, _ = strconv.Atoi(m[1])
		return m[2], year, true
	}
	return "", 0, false
}

// readTitle finds the title among the paragraphs before section 一: the
// first line, or two consecutive lines read as one, that names the report
// with a year, not a breadcrumb; else the first short line that names the
// report; else the first line when it is short and not a sentence. The
// agency comes from the title, else from a sentence of the preamble that
// names it ("现将××镇2023年政府信息公开工作年度报告…").
func (b *builder) readTitle(preamble []*parser.Paragraph) {
	var lines []string
	for _, p := range preamble {
		if len(p.Text) > maxTitleLen {
			lines = append(lines, "")
			continue
		}
		lines = append(lines, ChineseYears(strings.TrimPrefix(format.NormalizeLabel(p.Text), "标题:")))
	}
	heading := func(n string) bool { return n != "" && !breadcrumb(n) && !sentence(n) }
	titled := func(n string) bool {
		_, _, ok := titleParts(n)
		return heading(n) && ok
	}
	first, last := -1, -1
	for i, n := range lines {
		if i+1 < len(lines) && heading(n) && !reportNameRe().MatchString(n) && titled(n+lines[i+1]) {
			// A title over two lines: the agency on the first, or the
			// report's name cut in two.
			if a, _, _ := titleParts(lines[i+1]); a == "" || !titled(lines[i+1]) {
				first, last = i, i+1
				break
			}
		}
		if titled(n) {
			first, last = i, i
			break
		}
	}
	for i, n := range lines {
		if first >= 0 {
			break
		}
		if heading(n) && reportNameRe().MatchString(n) {
			first, last = i, i
		}
	}
	if first < 0 && len(lines) > 0 && heading(lines[0]) {
		first, last = 0, 0
	}
	if first >= 0 {
		var title strings.Builder
		for i := first; i <= last; i++ {
			text := format.TrimCell(preamble[i].Text)
			if i == first {
				// A crawler's record names the title field ("标题: …").
				for _, label := range []string{"标题:", "标题："} {
					text = format.TrimCell(strings.TrimPrefix(text, label))
				}
			}
			// A title broken over lines in its paragraph (a <w:br/>
			// after the agency) is one title.
			for _, l := range strings.Split(text, "\n") {
				title.WriteString(strings.TrimSpace(l))
			}
			b.titleParas = append(b.titleParas, preamble[i].Pos)
		}
		b.rep.Title = title.String()
		b.rep.TitlePos = preamble[first].Pos
		norm := strings.Join(lines[first:last+1], "")
		if agency, y, ok := titleParts(norm); ok {
			b.rep.Agency = agency
			b.rep.TitleYear = YearRef{Year: y, Text: b.rep.Title, Pos: b.rep.TitlePos}
		} else if i := strings.Index(norm, format.TitleSuffix); i > 0 {
			b.rep.Agency = norm[:i]
		}
	}
	if b.rep.Agency == "" {
		b.rep.Agency = agencyInSentence(lines)
	}
}

// agencySentenceRe finds the agency a preamble sentence names before the
// report's year: "现将××镇2023年政府信息公开工作年度报告…".
var agencySentenceRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:现将|特?发布|公布)([^，。；、:：“”]{2,30}?)(?:19|20)\d{2}年度?` + reportName)
})

// agencyInSentence returns the agency one of lines names in a sentence,
// when it is a name of a known kind of body; "" otherwise ("本机关",
// "我镇" name nobody).
func agencyInSentence(lines []string) string {
	for _, n := range lines {
		if m := agencySentenceRe().FindStringSubmatch(n); m != nil && ClassifyAgency(m[1]) != AgencyUnknown {
			return m[1]
		}
	}
	return ""
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
		if !strings.Contains(s.Text, "日") {
			continue // the period ends on 12月31日
		}
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

// hasSpace reports whether s holds one of the spaces stripSpace removes
// or a byte that is not UTF-8 (which strings.Map would replace): ' ' and
// tab, C2 A0 and E3 80 80 in UTF-8.
func hasSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t':
			return true
		case 0xC2:
			if i+1 < len(s) && s[i+1] == 0xA0 {
				return true
			}
		case 0xE3:
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
				return true
			}
		}
	}
	return !utf8.ValidString(s)
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

// stripSpace removes the spaces of s (' ', tab, U+3000, U+00A0); s
// without any is returned as it is, without a copy.
func stripSpace(s string) string {
	if !hasSpace(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}
