package rules

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// M1004 looks for a publication date.
var M1004 = &Rule{
	ID:       "M1004",
	Title:    "A publication date is given",
	Doc:      `A report usually ends with the body's name and the date (2021年1月20日, 二〇二二年一月二十日, on its own line or after the name), or states 发布日期. A saved web page gives it as 发布时间 or 发布日期 above the report, which counts too. A .docx last saved in the year after the report year (its document properties) counts as dated; a date of another year in the properties is the template's and does not. Without a date the deadline of article 49 cannot be checked.`,
	Severity: Info,
	Since:    "0.2.0",
	Example:  Example{Bad: "(no date at the end)", Good: "某某镇人民政府\n2021年1月20日"},
	Check:    checkDatePresent,
	ZH: Texts{
		Title: "写明了发布日期",
		Doc:   `报告通常在结尾署机关名称和日期（2021年1月20日、二〇二二年一月二十日，单独一行或写在机关名称之后），或写明发布日期。保存的网页在报告上方标注的“发布时间”“发布日期”也算。.docx 文件属性中的保存时间在报告年度的次年时，也视为已注明日期；其他年份的属性日期来自模板，不算。没有日期就无法核对条例第四十九条的期限。`,
		Messages: []Translation{
			{msgM1004, "正文中未找到发布日期"},
		},
	},
}

// M1005 checks the publication date against the report year and deadline.
var M1005 = &Rule{
	ID:       "M1005",
	Title:    "Published in the following year, by the statutory deadline",
	Doc:      `Article 49 of the Regulations: departments of governments at county level and above publish their report for year Y by 31 January of Y+1; a local government's own report is published by 31 March of Y+1. A date outside Y+1 usually means a copied report. Town and street reports follow local deadlines and are only checked for the year. Local notices may set earlier dates.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "某某局 2022年度报告 dated 2023年2月15日", Good: "dated 2023年1月20日"},
	Check:    checkDeadline,
	ZH: Texts{
		Title: "在次年法定期限内发布",
		Doc:   `条例第四十九条：县级以上人民政府部门应于次年 1 月 31 日前公布本部门上一年度报告；地方人民政府的本级报告应于 3 月 31 日前公布。落款日期不在报告年度的次年，通常说明沿用了旧报告。乡镇、街道的期限由地方规定，只核对年份。地方通知可能规定更早的日期。`,
		Messages: []Translation{
			{msgM1005Year, "%d 年度报告的落款日期为 %s，不在 %d 年"},
			{msgM1005Late, "报告落款日期为 %s，晚于此类机关的法定期限 %s（条例第四十九条）"},
		},
	},
}

const (
	msgM1004     = "no publication date was found in the text"
	msgM1005Year = "the report for %d is dated %s, not in %d"
	msgM1005Late = "the report is dated %s, after the deadline of %s for this kind of body (article 49)"
)

// The dates a report is signed or published with: "2021年1月20日",
// "2022-02-08", "2022/2/8", "2022.02.08", after a label or not.
const dateExpr = `((?:19|20)\d{2})(?:年|-|/|\.)(\d{1,2})(?:月|-|/|\.)(\d{1,2})日?`

var (
	// signedRe is a signature line: a date alone, or ending a short line
	// after the agency ("某某镇人民政府2021年1月20日").
	signedRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:.{0,40}?)(?:发布日期|日期|成文日期)?[:：]?` + dateExpr + `$`)
	})
	// labelledRe is a date after its label anywhere: the "发布时间：" line
	// of a web page, "成文日期：" of a document's header.
	labelledRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:发布时间|发布日期|成文日期|印发日期|公开日期|时间|日期)[:：]` + dateExpr)
	})
	// chineseDayRe is a month and day written in characters ("一月二十日").
	chineseDayRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`([〇零一二三四五六七八九十]{1,3})月([〇零一二三四五六七八九十]{1,3})日`)
	})
)

// chineseNumber reads 1–31 written in characters ("十二", "二十一", "三十").
func chineseNumber(s string) (int, bool) {
	digit := func(r rune) int { return slices.Index([]rune("〇一二三四五六七八九"), r) }
	rs := []rune(strings.ReplaceAll(s, "零", "〇"))
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10, true
	case len(rs) == 1 && digit(rs[0]) > 0:
		return digit(rs[0]), true
	case len(rs) == 2 && rs[0] == '十' && digit(rs[1]) > 0:
		return 10 + digit(rs[1]), true
	case len(rs) == 2 && rs[1] == '十' && digit(rs[0]) > 1:
		return 10 * digit(rs[0]), true
	case len(rs) == 3 && rs[1] == '十' && digit(rs[0]) > 1 && digit(rs[2]) > 0:
		return 10*digit(rs[0]) + digit(rs[2]), true
	}
	return 0, false
}

// chineseDates rewrites months and days written in characters with
// digits, after the years (schema.ChineseYears).
func chineseDates(s string) string {
	s = schema.ChineseYears(s)
	if !strings.Contains(s, "月") {
		return s
	}
	return chineseDayRe().ReplaceAllStringFunc(s, func(m string) string {
		sm := chineseDayRe().FindStringSubmatch(m)
		mo, ok1 := chineseNumber(sm[1])
		d, ok2 := chineseNumber(sm[2])
		if !ok1 || !ok2 {
			return m
		}
		return strconv.Itoa(mo) + "月" + strconv.Itoa(d) + "日"
	})
}

// maxDateParagraph bounds the paragraphs publicationDate reads, in bytes:
// a date standing alone is a few dozen, even spaced out.
const maxDateParagraph = 4096

// publicationDate finds the date the report is signed with, in one of its
// last paragraphs (a date alone, or at the end of the signature line);
// else a date after its label (发布时间, 发布日期, 成文日期 …) before the
// report's first section, where web pages print it.
func publicationDate(r *schema.Report) (time.Time, parser.Pos, bool) {
	var last []schema.Paragraph
	if n := len(r.Sections); n > 0 {
		ps := r.Sections[n-1].Paragraphs
		last = ps[max(0, len(ps)-4):]
	}
	// may is false for a text re cannot match (maySign, mayLabel): most
	// paragraphs are passed over without running the pattern.
	read := func(paras []schema.Paragraph, re *regexp.Regexp, may func(string) bool, anywhere bool) (time.Time, parser.Pos, bool) {
		for i := len(paras) - 1; i >= 0; i-- {
			if len(paras[i].Text) > maxDateParagraph {
				continue // a date is short
			}
			text := chineseDates(squeeze(narrowDigits(paras[i].Text)))
			if !anywhere && utf8.RuneCountInString(text) > 60 {
				continue // a sentence, not a signature
			}
			if !strings.Contains(text, "20") && !strings.Contains(text, "19") {
				continue // every date of dateExpr has a year 19xx or 20xx
			}
			if !may(text) {
				continue
			}
			m := re.FindStringSubmatch(text)
			if m == nil {
				continue
			}
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
			if t.Month() != time.Month(mo) || t.Day() != d {
				continue // not a real date
			}
			return t, paras[i].Pos, true
		}
		return time.Time{}, parser.Pos{}, false
	}
	if t, pos, ok := read(last, signedRe(), maySign, false); ok {
		return t, pos, true
	}
	// A date before section 一 is in the page's head (发布时间) or, in a
	// text without headings, the signature at its end: the first and last
	// paragraphs, never all of a long text.
	pre := ends(r.Preamble, datePreamble)
	if t, pos, ok := read(pre, signedRe(), maySign, false); ok {
		return t, pos, true
	}
	return read(pre, labelledRe(), mayLabel, true)
}

// maySign is false for a text that signedRe cannot match: a signature ends
// with its date, in a digit or 日.
func maySign(text string) bool {
	return strings.HasSuffix(text, "日") || text != "" && text[len(text)-1] >= '0' && text[len(text)-1] <= '9'
}

// mayLabel is false for a text that labelledRe cannot match: each of its
// labels ends in 期 or 间, before a colon.
func mayLabel(text string) bool {
	return strings.Contains(text, "期：") || strings.Contains(text, "期:") || strings.Contains(text, "间：") || strings.Contains(text, "间:")
}

// datePreamble is how many paragraphs at each end of the preamble are
// searched for a date.
const datePreamble = 20

// ends returns the first n and the last n of ps, in order, each once.
func ends(ps []schema.Paragraph, n int) []schema.Paragraph {
	if len(ps) <= 2*n {
		return ps
	}
	return append(slices.Clone(ps[:n]), ps[len(ps)-n:]...)
}

func checkDatePresent(pass *Pass) {
	if len(pass.Report.Sections) == 0 {
		return
	}
	r := pass.Report
	if r.Cut != nil {
		return // the end of the text is missing (C1015)
	}
	if _, _, ok := publicationDate(r); ok {
		return
	}
	// A file saved in the year after the report year was finished then:
	// its properties stand in for a date the text does not give. (A date
	// of another year is the template's or a copy's, and tells nothing.)
	if r.Year != 0 && r.Saved.Year() == r.Year+1 {
		return
	}
	pass.Addf(parser.Pos{File: r.Path}, msgM1004)
}

func checkDeadline(pass *Pass) {
	r := pass.Report
	t, pos, ok := publicationDate(r)
	if !ok || r.Year == 0 {
		return
	}
	date := t.Format("2006-01-02")
	if t.Year() != r.Year+1 {
		pass.Addf(pos, msgM1005Year, r.Year, date, r.Year+1)
		return
	}
	var deadline time.Time
	switch schema.ClassifyAgency(r.Agency) {
	case schema.AgencyDepartment:
		deadline = time.Date(r.Year+1, 1, 31, 0, 0, 0, 0, time.UTC)
	case schema.AgencyCountyGov, schema.AgencyCityGov, schema.AgencyProvinceGov:
		deadline = time.Date(r.Year+1, 3, 31, 0, 0, 0, 0, time.UTC)
	default:
		return
	}
	if t.After(deadline) {
		pass.Addf(pos, msgM1005Late, date, deadline.Format("2006-01-02"))
	}
}
