package rules

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// runeSentences is the rune-by-rune cutting sentences did before it
// worked on bytes, kept as the reference.
func runeSentences(text string) []string {
	para := squeeze(narrowDigits(text))
	var out []string
	start := 0
	for i, c := range para {
		if strings.ContainsRune("。；;！？!?", c) || i+utf8.RuneLen(c) == len(para) {
			end := i + utf8.RuneLen(c)
			if t := strings.TrimSpace(para[start:end]); t != "" {
				out = append(out, t)
			}
			start = end
		}
	}
	return out
}

func TestCutSentencesEqualsRuneCutting(t *testing.T) {
	texts := []string{
		"", " ", "。", "；；", "共３件。其中 1 件；其余！？", "a;b!c?d", "全年收到申请12件。\u3000办结\u00a010件",
		"no stop at the end", "结尾。", "\xff\xfe坏字节。", "半个\xe3\x80", "\xef\xbc", "１２３４５６７８９０件",
		"全角空格\u3000后", "\t制表\t", "\u2002en space\u2002。",
	}
	files, _ := filepath.Glob("../testdata/real/*/source.*")
	more, _ := filepath.Glob("../testdata/*.txt")
	files = append(files, more...)
	if len(files) < 20 {
		t.Fatalf("only %d test files", len(files))
	}
	for _, f := range files {
		doc, err := parser.ParseFile(context.Background(), f, parser.DefaultLimits())
		if err != nil {
			continue // some fixtures are not reports
		}
		r := schema.Build(doc)
		for n := 1; n <= 6; n++ {
			if s := r.Section(n); s != nil {
				for _, p := range s.Paragraphs {
					texts = append(texts, p.Text)
				}
			}
		}
	}
	for _, text := range texts {
		got := slices.Collect(cutSentences(plainText(text)))
		if want := runeSentences(text); !slices.Equal(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", text, got, want)
		}
		if p, want := plainText(text), squeeze(narrowDigits(text)); p != want {
			t.Errorf("plainText(%q) = %q, want %q", text, p, want)
		}
	}
}

func TestContainsAnyRune(t *testing.T) {
	for _, s := range []string{"", "办结3件", "共3起", "没有", "abc", "条", "\xff件", "未"} {
		for _, set := range []string{"件起宗条", "未没无"} {
			if got, want := containsAnyRune(s, set), strings.ContainsAny(s, set); got != want {
				t.Errorf("containsAnyRune(%q, %q) = %v, want %v", s, set, got, want)
			}
		}
	}
}

// TestAtLeastRunes: where atLeastRunes says a section 五 is long enough,
// the full measure agrees.
func TestAtLeastRunes(t *testing.T) {
	for _, s := range []string{"", "无", "暂无。", " 无 \u3000", "一二三四五六七", "一二三四五六七八", "。。。；；一二三四五六七八",
		"一 二 三 四 五 六 七 八", "一。二。三。四。", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8", "本年度无。\n"} {
		text := strings.Trim(squeeze(s), "。.；;：:\n")
		long := len([]rune(text)) >= 8
		if atLeastRunes(s, 8) && !long {
			t.Errorf("atLeastRunes(%q) is true, but the text is %q", s, text)
		}
		if !atLeastRunes(s, 8) && long && !strings.ContainsAny(s, "。.；;：:\n") {
			t.Errorf("atLeastRunes(%q) is false for %q", s, text)
		}
	}
}

func BenchmarkSentences(b *testing.B) {
	doc, err := parser.ParseFile(context.Background(), "../testdata/real/2019-shanghai-gov-office/source.html", parser.DefaultLimits())
	if err != nil {
		b.Fatal(err)
	}
	r := schema.Build(doc)
	for b.Loop() {
		sentences(r, 1, 2, 3, 4, 5, 6)
	}
}

func TestContainsJoined(t *testing.T) {
	pieces := []string{"", "考", "核", "考核", "评", "议", "追究", "a", "ab", "\xe8", "\x80\x83", "核心"}
	words := []string{"考核", "评议", "追究", "ab"}
	// every sequence of up to four pieces
	var try func(parts []string)
	try = func(parts []string) {
		for _, w := range words {
			if got, want := containsJoined(parts, w), strings.Contains(strings.Join(parts, ""), w); got != want {
				t.Errorf("containsJoined(%q, %q) = %v, want %v", parts, w, got, want)
			}
		}
		if len(parts) == 4 {
			return
		}
		for _, p := range pieces {
			try(append(slices.Clip(parts), p))
		}
	}
	try(nil)
}
