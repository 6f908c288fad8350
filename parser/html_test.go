package parser

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func parseHTMLString(t *testing.T, s string) *Document {
	t.Helper()
	doc, err := Parse(context.Background(), "t.html", []byte(s), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// Spans are rebuilt as the .docx reader writes them: one cell per <td>
// with Span from colspan, and a Merged cell where a rowspan continues.
func TestHTMLTableGrid(t *testing.T) {
	doc := parseHTMLString(t, `<table>
<tr><td colspan="3" rowspan="3">角</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业<br>企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td rowspan="2">三</td><td colspan="2">（一）</td><td>1</td></tr>
<tr><td>（三）</td><td>1.</td><td>&nbsp;</td></tr>
</table>`)
	tables := doc.Tables()
	if len(tables) != 1 {
		t.Fatalf("%d tables", len(tables))
	}
	want := [][]cellShape{
		{{"角", 3, 1, false}, {"申请人情况", 7, 4, false}},
		{{"", 3, 1, true}, {"自然人", 1, 4, false}, {"法人或其他组织", 5, 5, false}, {"总计", 1, 10, false}},
		{{"", 3, 1, true}, {"", 1, 4, true}, {"商业\n企业", 1, 5, false}, {"科研机构", 1, 6, false}, {"社会公益组织", 1, 7, false}, {"法律服务机构", 1, 8, false}, {"其他", 1, 9, false}, {"", 1, 10, true}},
		{{"三", 1, 1, false}, {"（一）", 2, 2, false}, {"1", 1, 4, false}},
		{{"", 1, 1, true}, {"（三）", 1, 2, false}, {"1.", 1, 3, false}, {"\u00a0", 1, 4, false}},
	}
	got := shapes(tables[0])
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d: %v", len(got), len(want), got)
	}
	for r := range want {
		if !slices.Equal(got[r], want[r]) {
			t.Errorf("row %d = %v, want %v", r+1, got[r], want[r])
		}
	}
	if p := tables[0].Rows[1].Cells[2].Pos; p.Table != 1 || p.Row != 2 || p.Col != 5 || p.File != "t.html" {
		t.Errorf("position %+v", p)
	}
}

// Layout tables are flattened, chrome is skipped, headings in <p> and
// <strong> are paragraphs, and <br> outside tables ends a paragraph.
func TestHTMLPageStructure(t *testing.T) {
	doc := parseHTMLString(t, `<!DOCTYPE html><html><head><title>标题</title><script>var x = "<p>no</p>";</script></head><body>
<div class="nav">首页 政务公开</div><div class="bread-crumb">当前位置：年度报告</div>
<table class="layout"><tr><td><ul class="menu"><li>菜单</li></ul></td><td>
<p><strong>一、总体情况</strong></p><div>第一段<br>第二段</div>
<table><tr><td>信息内容</td><td>本年新<br/>制作数量</td></tr></table>
<table><tr><td>行政复议</td></tr></table>
</td></tr></table>
<footer>版权所有</footer><noscript>无脚本</noscript><style>p{}</style></body></html>`)
	var paras []string
	for _, p := range doc.Paragraphs() {
		paras = append(paras, p.Text)
	}
	if want := []string{"一、总体情况", "第一段", "第二段"}; !slices.Equal(paras, want) {
		t.Errorf("paragraphs %q, want %q", paras, want)
	}
	ts := doc.Tables()
	if len(ts) != 2 || ts[0].Rows[0].Cells[1].Text != "本年新\n制作数量" || ts[1].Index != 2 {
		t.Errorf("tables: %d, %+v", len(ts), ts)
	}
	if doc.Format != "html" || doc.Encoding != EncUTF8 {
		t.Errorf("format %q, encoding %q", doc.Format, doc.Encoding)
	}
}

func TestHTMLCharset(t *testing.T) {
	page := `<html><head><meta charset="gb2312"></head><body><p>某某镇2022年政府信息公开工作年度报告</p></body></html>`
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	noMeta, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(strings.Replace(page, `<meta charset="gb2312">`, "", 1)))
	big5Page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body><p>`
	tests := []struct {
		name string
		in   []byte
		enc  string
	}{
		{"utf-8", []byte(page), EncUTF8}, // valid UTF-8 wins over the declaration
		{"utf-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, page...), EncUTF8BOM},
		{"gbk declared", gbk, EncGB18030},
		{"gbk undeclared", noMeta, EncGB18030},
		{"big5 declared", append([]byte(big5Page), 0xA4, 0xA4, 0xA4, 0xE5, '<', '/', 'p', '>'), "big5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(context.Background(), "p.htm", tt.in, DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			if doc.Encoding != tt.enc {
				t.Errorf("encoding %q, want %q", doc.Encoding, tt.enc)
			}
			if tt.enc != "big5" && doc.Paragraphs()[0].Text != "某某镇2022年政府信息公开工作年度报告" {
				t.Errorf("text %q", doc.Paragraphs()[0].Text)
			}
		})
	}
}

// An HTML page named .txt, or with no extension, is read as HTML.
func TestHTMLSniffed(t *testing.T) {
	for _, name := range []string{"page.txt", "page"} {
		doc, err := Parse(context.Background(), name, []byte("\n  <!doctype HTML><p>一、总体情况</p>"), DefaultLimits())
		if err != nil || doc.Format != "html" {
			t.Errorf("%s: %v, %+v", name, err, doc)
		}
	}
}

func TestHTMLLimits(t *testing.T) {
	lim := DefaultLimits()
	lim.MaxDepth = 20
	deep := strings.Repeat("<div>", 50) + "x"
	if _, err := Parse(context.Background(), "d.html", []byte(deep), lim); !errors.Is(err, ErrTooLarge) {
		t.Errorf("deep: err = %v, want ErrTooLarge", err)
	}
	lim = DefaultLimits()
	lim.MaxCells = 10
	wide := "<table><tr>" + strings.Repeat("<td>1</td>", 11) + "</tr></table>"
	if _, err := Parse(context.Background(), "w.html", []byte(wide), lim); !errors.Is(err, ErrTooLarge) {
		t.Errorf("wide: err = %v, want ErrTooLarge", err)
	}
	if _, err := Parse(context.Background(), "e.html", []byte("<html><body><script>x</script></body></html>"), DefaultLimits()); !errors.Is(err, ErrEmpty) {
		t.Errorf("no text: err = %v, want ErrEmpty", err)
	}
}

func FuzzParseHTML(f *testing.F) {
	addSeeds(f, "../testdata/layouts/*.html", "../testdata/docx/*.html")
	f.Add([]byte(`<table><tr><td rowspan="0" colspan="99999">a</td><td rowspan=3>b</td></tr><tr></tr><tr><td>c</td></tr></table>`))
	f.Add([]byte(`<table><tr><td><table><tr><td rowspan=2>x</td></tr></table></td></tr></table>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(context.Background(), "fuzz.html", b, DefaultLimits())
		if err != nil {
			return
		}
		checkShape(t, doc)
	})
}

// TestChromeWordAsRegexp: chromeWord accepts what the case-insensitive
// pattern it replaced accepted.
func TestChromeWordAsRegexp(t *testing.T) {
	re := regexp.MustCompile(`^(?i:` + strings.Join(chromeWords, "|") + `)$`)
	for _, s := range []string{"nav", "NAV", "Navbar", "footer", "foot", "feet", "", "na", "breadcrumbs", "BREADCRUMBSX",
		"s\u017fkip", "\u017fkip", "\u212Arumb", "toolbar", "sidebar1", "search", "SeArCh", "菜单", "menu\xff"} {
		if got, want := chromeWord(s), re.MatchString(s); got != want {
			t.Errorf("chromeWord(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestLooksLikeTextAsRuneLoop: looksLikeText decides as the rune loop it
// replaced did, on valid UTF-8 (bytes a decoder could not decode are
// U+FFFD by then).
func TestLooksLikeTextAsRuneLoop(t *testing.T) {
	old := func(s string) bool {
		if strings.IndexByte(s, 0) >= 0 {
			return false
		}
		bad, total := 0, 0
		for _, r := range s {
			total++
			if r == utf8.RuneError || (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f') || (r >= 0x7f && r < 0xa0) {
				bad++
			}
		}
		return total == 0 || bad*20 < total
	}
	for _, s := range []string{"", "abc", "\x01\x02abc", "\x7f\x7f\x7f", "\xff\xfe", "\u0085\u0090中文", "\uFFFD\uFFFD正文",
		"正文\xe4\xb8", strings.Repeat("a", 19) + "\x01", strings.Repeat("a", 18) + "\x01\x02", strings.Repeat("中", 19) + "\u009f",
		strings.Repeat("中", 19) + "\u00a0", strings.Repeat("中", 18) + "\u0080\u00b7", "\xc2", "中\xc2", "\u00b7\u00b7\u009f",
		strings.Repeat("正", 38) + "\uFFFD\x7f", strings.Repeat("正", 39) + "\uFFFD\x7f"} {
		s = strings.ToValidUTF8(s, "\uFFFD")
		if got, want := looksLikeText(s), old(s); got != want {
			t.Errorf("looksLikeText(%q) = %v, want %v", s, got, want)
		}
	}
	// Every page and text of testdata, and each with a byte changed.
	var files []string
	for _, pat := range []string{"../testdata/*.txt", "../testdata/real/*/source.*", "../testdata/layouts/*", "../testdata/layouts/real/*/*"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) < 40 {
		t.Fatalf("only %d files", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue // a directory
		}
		for _, s := range []string{string(b), string(b[:len(b)/2]) + "\x01\x80\xc2\x85" + string(b[len(b)/2:])} {
			s = strings.ToValidUTF8(s, "\uFFFD")
			if got, want := looksLikeText(s), old(s); got != want {
				t.Errorf("%s: looksLikeText = %v, want %v", f, got, want)
			}
		}
	}
}

// TestQuickTagCountsBound checks that the quick count of start tags is
// never below the tokenizer's, on every page of testdata and on tags the
// quick scan could misread, and that checkHTMLCounts stops a page exactly
// where the tokenizer's count passes a limit, whichever count decides.
func TestQuickTagCountsBound(t *testing.T) {
	noLimits := Limits{MaxCells: math.MaxInt, MaxRows: math.MaxInt, MaxTables: math.MaxInt, MaxElements: math.MaxInt}
	pages := map[string]string{
		"script":    `<p>a</p><script>if (a<td) x = "<table><tr><td>";</script><TD>1<th/>`,
		"comment":   `<!-- <td> --><table><tr><td>1</td></tr></table>`,
		"cases":     "<TD\n>1<tH\t/><Tr\f><TABLE\r><td/><td>",
		"not names": "<tdx>1<td-1><td\x00><trx><tables><t d><td<",
		"attrs":     `<td title="<td>">1</td><div data-x='<tr>'>`,
		"end":       `</td></tr></table><td`,
		"text":      "a < b, 1<2 <3 <中",
	}
	names, err := filepath.Glob("../testdata/*/*/*.html")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../testdata/*/*.html")
	for _, n := range append(names, more...) {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := decodeHTML(data)
		if err == nil {
			pages[n] = text
		}
	}
	if len(pages) < 20 {
		t.Fatalf("only %d pages", len(pages))
	}
	for name, text := range pages {
		e, err := tokenTagCounts(text, noLimits)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		q := quickTagCounts(text)
		if q.cells < e.cells || q.rows < e.rows || q.tables < e.tables || q.elems < e.elems {
			t.Errorf("%s: quick count %+v below the tokenizer's %+v", name, q, e)
		}
		for _, l := range []struct {
			limit Limit
			set   func(*Limits, int)
			n     int
		}{
			{LimitCells, func(l *Limits, n int) { l.MaxCells = n }, e.cells},
			{LimitRows, func(l *Limits, n int) { l.MaxRows = n }, e.rows},
			{LimitTables, func(l *Limits, n int) { l.MaxTables = n }, e.tables},
			{LimitElements, func(l *Limits, n int) { l.MaxElements = n }, e.elems},
		} {
			if l.n == 0 {
				continue
			}
			lim := DefaultLimits()
			l.set(&lim, l.n)
			if err := checkHTMLCounts(text, lim); err != nil {
				t.Errorf("%s: limit %v at the tokenizer's count %d: %v", name, l.limit, l.n, err)
			}
			l.set(&lim, l.n-1)
			le, ok := errors.AsType[*LimitError](checkHTMLCounts(text, lim))
			if !ok || le.Limit != l.limit {
				t.Errorf("%s: limit %v one under the tokenizer's count %d: %v", name, l.limit, l.n, le)
			}
		}
	}
}
