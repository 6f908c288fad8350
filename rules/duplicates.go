package rules

import "strings"

// X1006 reports two files of one batch for the same agency and year.
var X1006 = &Rule{
	ID:         "X1006",
	Title:      "One report per agency and year",
	Doc:        `Within one run, two files whose agency (normalised as for --prev) and report year are the same are usually a duplicate submission or a report saved twice under different names. Each file names the other ones.`,
	Severity:   Warning,
	Since:      "0.2.0",
	CheckBatch: checkDuplicates,
	ZH: Texts{
		Title: "同一机关同一年度只有一份报告",
		Doc:   `同一次检查中，两个文件的机关名称（按 --prev 的方式规范化）和报告年度相同，通常是重复报送或同一报告以不同文件名保存了两次。每个文件都列出其他文件。`,
		Messages: []Translation{
			{msgX1006, "%s %d 年度的报告另有：%s"},
		},
	},
}

// msgX1006 is the message of X1006.
const msgX1006 = "another report of %s for %d: %s"

func checkDuplicates(pass *BatchPass) {
	type ay struct {
		key  string
		year int
	}
	groups := map[ay][]*Digest{}
	for _, d := range pass.Reports {
		if d.key != "" && d.Year != 0 {
			groups[ay{d.key, d.Year}] = append(groups[ay{d.key, d.Year}], d)
		}
	}
	for _, d := range pass.Reports {
		g := groups[ay{d.key, d.Year}]
		if len(g) < 2 {
			continue
		}
		var others []string
		for _, o := range g {
			if o != d {
				others = append(others, o.Path)
			}
		}
		pass.Addf(d, d.pos, msgX1006, d.Agency, d.Year, strings.Join(others, ", "))
	}
}
