package parser

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/nianbao/nianbao/format"
)

// This file reads reports whose tables were run together on one line by a
// crawler that dropped every cell boundary: "规章000行政规范性文件8855698第二十条第（五）项
// 信息内容本年处理决定数量行政许可10690…" (issue 18). Such a line is cut into the
// parts the text still tells apart: the labels of the national format
// (known words, matched longest first), section headings, numbers, and the
// rest. The parts become lines of their own, marked glued, which the
// one-cell-per-line reader reads (flat.go). A number there may hold the
// digits of several cells: it is split only when that is forced — as many
// digits as the row has cells, one digit each (see splitForced) — and a
// row whose numbers cannot be counted out keeps only its label, so that it
// is reported unreadable and never read shifted.

// gluedMinBytes is the shortest line taken for tables run together: a
// whole table is longer.
const gluedMinBytes = 400

// maxGluedTables bounds, in bytes, the part of a run-together line cut
// into cells: the three tables of a report take a few thousand; what
// follows is text.
const maxGluedTables = 64 << 10

// gluedWords lists the labels of the format as reports print them, the
// dictionary a run-together line is cut with. Never modified.
var gluedWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{format.T2ItemLabelCore: true}
	for _, b := range format.T2Blocks {
		m[b.Caption] = true
		for _, it := range b.Rows {
			m[it.Label] = true
			for _, c := range it.Core {
				m[c] = true
			}
		}
	}
	for _, c := range format.T2Cols {
		m[c.Label] = true
		for _, core := range c.Core {
			m[core] = true
		}
	}
	for _, g := range format.T3RowGroups {
		m[g.Label] = true
	}
	for _, r := range format.T3Rows {
		m[r.Label] = true
	}
	for _, tree := range [][]format.HeaderNode{format.T3Header, format.T4Header} {
		for _, h := range tree {
			m[h.Label] = true
		}
	}
	return m
})

// gluedGroups holds the labels of table 三 that group rows and have no
// numbers of their own ("三、本年度办理结果", "（三）不予公开"). Never modified.
var gluedGroups = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, g := range format.T3RowGroups {
		m[g.Label] = true
	}
	return m
})

// endsGluedRow reports whether, in a run-together line, the label part
// next follows the label part last of a row that has no numbers: both are
// labels of the format and last is not a group label. The row of last
// lost its numbers; next is not the rest of its label.
func endsGluedRow(last, next string) bool {
	return gluedWords()[last] && gluedWords()[next] && !gluedGroups()[last]
}

// gluedMaxWord is the length in bytes of the longest word of gluedWords.
var gluedMaxWord = sync.OnceValue(func() int {
	n := 0
	for w := range gluedWords() {
		n = max(n, len(w))
	}
	return n
})

// sectionStarts lists the headings of the six sections as printed
// ("一、总体情况"), variants included. Never modified.
var sectionStarts = sync.OnceValue(func() [][]string {
	var out [][]string
	for _, s := range format.Sections {
		var hs []string
		for _, c := range s.Core {
			hs = append(hs, s.Numeral+"、"+c)
		}
		out = append(out, hs)
	}
	return out
})

// isGlued reports whether a long line holds a table run together: the
// labels that open table 二 or 三.
func isGlued(t string) bool {
	return len(t) >= gluedMinBytes &&
		(strings.Contains(t, format.T2CaptionCore) && strings.Contains(t, format.T2ItemLabelCore) ||
			strings.Contains(t, format.T3CornerMarker) && strings.Contains(t, format.MarkT3Column))
}

// splitGlued returns lines with every line that holds tables run together
// replaced by its parts (gluedParts); lines itself when there is none.
func splitGlued(lines []srcLine) []srcLine {
	var out []srcLine
	for i, l := range lines {
		if !isGlued(l.text) {
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		if out == nil {
			out = append(make([]srcLine, 0, len(lines)+256), lines[:i]...)
		}
		out = append(out, gluedParts(l)...)
	}
	if out == nil {
		return lines
	}
	return out
}

// gluedParts cuts a line holding tables run together: the text before the
// first table (from the caption of table 二 or the corner note of table
// 三) and after the last (from the heading of section 五, else 六, at most
// maxGluedTables bytes on) is cut at the section headings; the text
// between into labels, headings, numbers and the rest, each a glued line.
func gluedParts(l srcLine) []srcLine {
	t := l.text
	start := len(t)
	for _, m := range []string{format.T2CaptionCore, "（本列数据", "(本列数据"} {
		if k := strings.Index(t, m); k >= 0 {
			start = min(start, k)
		}
	}
	end := min(len(t), start+maxGluedTables)
	for end < len(t) && !utf8.RuneStart(t[end]) {
		end--
	}
	for _, sec := range sectionStarts()[4:] {
		found := false
		for _, h := range sec {
			if k := strings.Index(t[start:], h); k >= 0 && start+k < end {
				end, found = start+k, true
			}
		}
		if found {
			break
		}
	}
	var out []srcLine
	add := func(s string, glued bool) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, srcLine{text: s, no: l.no, glued: glued, whole: glued})
		}
	}
	for _, p := range cutAtHeadings(t[:start]) {
		add(p, false)
	}
	// Between and after the tables, the text is prose: a heading and the
	// sentences under it ("三、收到和处理政府信息公开申请情况2022年，共收到
	// 申请3条。"), which cut into cells would read as rows.
	mid := t[start:end]
	prev := 0
	for _, sp := range gluedTables(mid) {
		for _, p := range cutAtHeadings(mid[prev:sp[0]]) {
			add(p, false)
		}
		for _, p := range gluedTokens(unspacedHeader(mid[sp[0]:sp[1]])) {
			add(p, true)
		}
		prev = sp[1]
	}
	for _, p := range cutAtHeadings(mid[prev:]) {
		add(p, false)
	}
	for _, p := range cutAtHeadings(t[end:]) {
		add(p, false)
	}
	return out
}

// gluedTables returns the spans of the three tables in m, the part of a
// run-together line from table 二 on: table 二 from the start to the
// numbers of its last row label; table 三 from its corner note (or its
// first header label) to the numbers of 结转下年度继续办理; table 四 from
// its header (行政复议 then 行政诉讼) to the end of the numbers after it.
// Where a table's start or end cannot be found, the rest of m is one span.
func gluedTables(m string) [][2]int {
	t3 := -1
	for _, mark := range []string{"（本列数据", "(本列数据", format.T3Header[0].Label + "情况"} {
		if k := strings.Index(m, mark); k >= 0 && (t3 < 0 || k < t3) {
			t3 = k
		}
	}
	if t3 < 0 {
		return [][2]int{{0, len(m)}}
	}
	// Table 二 ends after the numbers of the last of its row labels
	// before table 三.
	e2 := -1
	for _, b := range format.T2Blocks {
		for _, it := range b.Rows {
			// A label the prose uses has no numbers after it.
			if k := strings.LastIndex(m[:t3], it.Label); k >= 0 {
				if e := numbersEnd(m, k+len(it.Label)); e > k+len(it.Label) {
					e2 = max(e2, e)
				}
			}
		}
	}
	if e2 < 0 || e2 > t3 {
		return [][2]int{{0, len(m)}}
	}
	spans := [][2]int{{0, e2}}
	carry := format.T3Rows[len(format.T3Rows)-1].Core[0]
	k := strings.Index(m[t3:], carry)
	if k < 0 {
		return append(spans, [2]int{t3, len(m)})
	}
	e3 := numbersEnd(m, t3+k+len(carry))
	spans = append(spans, [2]int{t3, e3})
	loc := t4Start().FindStringIndex(m[e3:])
	if loc == nil {
		return append(spans, [2]int{e3, len(m)})
	}
	t4 := e3 + loc[0]
	d := strings.IndexAny(m[t4:], "0123456789")
	if d < 0 {
		return append(spans, [2]int{t4, len(m)})
	}
	return append(spans, [2]int{t4, numbersEnd(m, t4+d)})
}

// t4Start finds the header of table 四: 行政复议 then 行政诉讼, white space
// between at most (the text before it says "行政复议及行政诉讼").
var t4Start = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(regexp.QuoteMeta(format.T4Header[0].Label) + `\s*` + regexp.QuoteMeta(format.T4Header[1].Label))
})

// numbersEnd returns the end of the numbers of a row from byte i of s:
// digits, signs, decimal points, white space and units (valueUnits).
func numbersEnd(s string, i int) int {
	end := i
	for j := i; j < len(s); {
		c := s[j]
		switch {
		case isDigit(c) || c == '.' || c == '-' || c == '+':
			j++
			end = j
		case c == ' ' || c == '\t':
			j++
		case strings.HasPrefix(s[j:], "\u3000"):
			j += len("\u3000")
		default:
			if n := unitAt(s[j:]); n > 0 && end == j {
				j += n
				end = j
				continue
			}
			return end
		}
	}
	return end
}

// cutAtHeadings cuts t before and after every section heading it holds,
// so that each heading is a paragraph of its own.
func cutAtHeadings(t string) []string {
	var cuts []int
	for _, sec := range sectionStarts() {
		for _, h := range sec {
			if k := strings.Index(t, h); k >= 0 {
				cuts = append(cuts, k, k+len(h))
			}
		}
	}
	if len(cuts) == 0 {
		return []string{t}
	}
	slices.Sort(cuts)
	var out []string
	prev := 0
	for _, k := range cuts {
		if k > prev {
			out = append(out, t[prev:k])
			prev = k
		}
	}
	return append(out, t[prev:])
}

// gluedTokens cuts the tables of a run-together line into parts: at white
// space, around every number (numberAt), and the text between numbers
// with textTokens.
func gluedTokens(t string) []string {
	var out []string
	for _, chunk := range strings.Fields(t) {
		if strings.Trim(chunk, "|:-") == "" || strings.Trim(chunk, "#") == "" {
			continue // a pipe table's separators, a heading's marks: not cells
		}
		text := 0 // start of the text not yet cut
		for i := 0; i < len(chunk); {
			n := numberAt(chunk, i)
			if n == 0 {
				_, size := utf8.DecodeRuneInString(chunk[i:])
				i += size
				continue
			}
			out = append(out, textTokens(chunk[text:i])...)
			// A unit right after the digits is the cell's ("00元",
			// "2笔"), never the start of the next label.
			n += unitAt(chunk[i+n:])
			out = append(out, chunk[i:i+n])
			i += n
			text = i
		}
		out = append(out, textTokens(chunk[text:])...)
	}
	return out
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// numberAt returns the length of the number that starts at byte i of s: a
// sign only right after a number or at the start, digits, and a decimal
// part. The digit right before "." or "、" that no digit follows is not
// part of it: it numbers the next row label ("00000002.其他法律…" is the
// number 0000000 and the label "2.其他法律…").
func numberAt(s string, i int) int {
	j := i
	if j+1 < len(s) && (s[j] == '-' || s[j] == '+') && isDigit(s[j+1]) && (j == 0 || isDigit(s[j-1])) {
		j++
	}
	k := j
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	if k == j || i > 0 && j == i && isDigit(s[i-1]) {
		return 0
	}
	switch {
	case k+1 < len(s) && s[k] == '.' && isDigit(s[k+1]):
		for k++; k < len(s) && isDigit(s[k]); k++ {
		}
	case k < len(s) && (s[k] == '.' || strings.HasPrefix(s[k:], "、") || strings.HasPrefix(s[k:], "．")):
		k-- // the row label's number
	}
	if k == j {
		return 0
	}
	return k - i
}

// textTokens cuts text between numbers at the labels of the format
// (gluedWords, the longest that matches first) and at section headings
// (a numeral, "、" and the text up to the first "情况"); the text between
// is a part of its own.
func textTokens(t string) []string {
	var out []string
	start := 0
	for i := 0; i < len(t); {
		n := gluedWordAt(t[i:])
		if n == 0 {
			n = headingAt(t[i:])
		}
		if n == 0 {
			_, size := utf8.DecodeRuneInString(t[i:])
			i += size
			continue
		}
		if start < i {
			out = append(out, t[start:i])
		}
		out = append(out, t[i:i+n])
		i += n
		start = i
	}
	if start < len(t) {
		out = append(out, t[start:])
	}
	return out
}

// gluedFirst holds the first rune of every word of gluedWords. Never
// modified.
var gluedFirst = sync.OnceValue(func() map[rune]bool {
	m := map[rune]bool{}
	for w := range gluedWords() {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = true
	}
	return m
})

// gluedWordAt returns the length of the longest word of gluedWords that t
// starts with, or 0.
func gluedWordAt(t string) int {
	if r, _ := utf8.DecodeRuneInString(t); !gluedFirst()[r] {
		return 0
	}
	for n := min(len(t), gluedMaxWord()); n > 0; n-- {
		if (n == len(t) || utf8.RuneStart(t[n])) && gluedWords()[t[:n]] {
			return n
		}
	}
	return 0
}

// maxHeadingRunes bounds the length of a section heading.
const maxHeadingRunes = 40

// headingAt returns the length of the section heading t starts with: a
// numeral 一 to 六, "、" and the text up to the first "情况" within
// maxHeadingRunes runes; or 0.
func headingAt(t string) int {
	r, size := utf8.DecodeRuneInString(t)
	if !strings.ContainsRune("一二三四五六", r) || !strings.HasPrefix(t[size:], "、") {
		return 0
	}
	k := strings.Index(t, "情况")
	if k < 0 || utf8.RuneCountInString(t[:k]) > maxHeadingRunes {
		return 0
	}
	return k + len("情况")
}

// splitForced returns the n cells a glued row's numbers must be: the
// numbers themselves when there are n, else one cell per digit when the
// numbers are unsigned integers with n digits in all. A unit after the
// last digits ("00元") can only close the last cell and stays with it. ok
// is false otherwise: the split is not forced.
func splitForced(values []Cell, n int) ([]Cell, bool) {
	if len(values) == n {
		return values, true
	}
	unit := ""
	digits := 0
	for i, v := range values {
		t := strings.TrimSpace(v.Text)
		if i == len(values)-1 {
			for _, u := range valueUnits {
				if d, ok := strings.CutSuffix(t, u); ok && d != "" {
					t, unit = d, u
					break
				}
			}
		}
		if t == "" || strings.Trim(t, "0123456789") != "" {
			return nil, false
		}
		digits += len(t)
	}
	if digits != n {
		return nil, false
	}
	out := make([]Cell, 0, n)
	for i, v := range values {
		t := strings.TrimSpace(v.Text)
		if i == len(values)-1 {
			t = strings.TrimSuffix(t, unit)
		}
		for _, d := range t {
			c := v
			c.Text = string(d)
			out = append(out, c)
		}
	}
	out[n-1].Text += unit
	return out, true
}

// unspacedHeader removes the white space before the first digit of a
// table: there it can only be inside the header's labels ("结果 纠正"), a
// crawler's trace of a line break in the cell.
func unspacedHeader(t string) string {
	d := strings.IndexAny(t, "0123456789")
	if d < 0 {
		d = len(t)
	}
	if !strings.ContainsAny(t[:d], " \t\u3000") {
		return t
	}
	return strings.Join(strings.Fields(t[:d]), "") + t[d:]
}
