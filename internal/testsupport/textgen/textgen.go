// Package textgen makes up the narratives of reports for tests and
// benchmarks of the near-copy checks: texts of a given length that are
// distinct from one another as the published reports are (each its own
// wording, with the stock phrases every report uses), and copies of them
// with a share of their characters changed.
package textgen

import (
	"math/rand/v2"
	"strings"
	"unicode"
)

// stock are phrases that reports of every agency write, so that two
// made-up narratives share some shingles as two real reports do.
var stock = []string{
	"根据《中华人民共和国政府信息公开条例》",
	"政府信息公开工作年度报告",
	"主动公开政府信息情况",
	"收到和处理政府信息公开申请情况",
	"政府信息公开行政复议、行政诉讼情况",
	"存在的主要问题及改进情况",
	"其他需要报告的事项",
	"本机关认真贯彻落实党中央、国务院关于政务公开的决策部署",
	"进一步加强政府信息公开工作",
	"严格落实保密审查制度",
	"加强政策解读和回应社会关切",
	"依法依规做好依申请公开工作",
	"按时答复，答复率达到百分之百",
	"政府网站和政务新媒体",
	"加强信息公开平台建设",
	"持续做好监督保障和教育培训",
	"本报告中所列数据的统计期限自",
	"如对本报告有疑问，请与本机关办公室联系",
	"未收取信息处理费",
	"对照新修订的条例要求",
	"公开内容不够全面，更新不够及时",
	"下一步，我们将",
	"切实保障人民群众的知情权、参与权和监督权",
	"重点领域信息公开",
}

// Narrative returns about n characters of made-up report text: sentences
// of common-looking characters drawn at random, about one in four with a
// stock phrase, in paragraphs.
func Narrative(rng *rand.Rand, n int) string {
	var b strings.Builder
	b.Grow(3 * n)
	count, sentences := 0, 0
	add := func(s string) {
		b.WriteString(s)
		count += len([]rune(s))
	}
	for count < n {
		if rng.IntN(4) == 0 {
			add(stock[rng.IntN(len(stock))])
		}
		for k := 8 + rng.IntN(24); k > 0; k-- {
			b.WriteRune(rune(0x4E00 + rng.IntN(0x5000)))
			count++
			if k > 4 && rng.IntN(12) == 0 {
				add("，")
			}
		}
		add("。")
		if sentences++; sentences%6 == 0 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// Mutate returns text with about frac of its Han characters changed to
// others, the rest as they are.
func Mutate(rng *rand.Rand, text string, frac float64) string {
	rs := []rune(text)
	for i, r := range rs {
		if unicode.Is(unicode.Han, r) && rng.Float64() < frac {
			rs[i] = rune(0x4E00 + rng.IntN(0x5000))
		}
	}
	return string(rs)
}
