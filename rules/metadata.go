package rules

import (
	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/schema"
)

// M1001 checks that the format version suits the report year.
var M1001 = &Rule{
	ID:       "M1001",
	Title:    "Format version matches the report year",
	Doc:      `Reports for 2019 and 2020 use the 2019 format (国办公开办函〔2019〕60号); reports for 2021 onward use the 2021 format (国办公开办函〔2021〕30号), which changed table 2 and split row (6) of table 3. A 2021-or-later report in the 2019 format uses an outdated template. The version is detected from the labels only one version has (本年新制作数量, 本年制发件数, 采购总金额 …) and the year from the title, else the statistics period, else section 一.`,
	Severity: Error,
	Since:    "0.1.0",
	Check:    checkVersionYear,
	ZH: Texts{
		Title: "格式版本与报告年度相符",
		Doc:   `2019、2020 年度报告使用 2019 年版格式（国办公开办函〔2019〕60号）；2021 年度及以后使用 2021 年版格式（国办公开办函〔2021〕30号），后者修改了表二并拆分了表三第（六）项。2021 年度及以后的报告使用 2019 年版格式，说明模板过时。格式版本根据只有某一版才有的栏目（本年新制作数量、本年制发件数、采购总金额等）识别；报告年度取自标题，其次为统计期限，再次为第一部分。`,
		Messages: []Translation{
			{msgM1001Old, "%d 年度报告应使用 2021 年版格式，本报告使用的是 2019 年版格式"},
			{msgM1001New, "%d 年度报告应使用 2019 年版格式，本报告使用的是 2021 年版格式"},
			{msgM1001Legacy, "%d 年度报告早于 2019 年版格式，nianbao 只检查 2019 年度及以后的报告"},
		},
	},
}

const (
	msgM1001Old    = "a report for %d must use the 2021 format, but this one uses the 2019 format"
	msgM1001New    = "a report for %d must use the 2019 format, but this one uses the 2021 format"
	msgM1001Legacy = "a report for %d predates the 2019 format; nianbao checks reports for 2019 onward"
)

func checkVersionYear(pass *Pass) {
	r := pass.Report
	if r.Year == 0 {
		return
	}
	pos := r.TitlePos
	switch {
	case r.Year < 2019:
		pass.Addf(pos, msgM1001Legacy, r.Year)
	case r.Version == format.V2019 && r.Year >= 2021:
		pass.Addf(pos, msgM1001Old, r.Year)
	case r.Version == format.V2021 && r.Year <= 2020:
		pass.Addf(pos, msgM1001New, r.Year)
	}
}

// M1002 checks that the years stated in the report agree.
var M1002 = &Rule{
	ID:       "M1002",
	Title:    "The years in the title, statistics period and section 1 agree",
	Doc:      `The report year appears in the title (…2020年政府信息公开工作年度报告), usually in the statistics period (统计期限自2020年1月1日起至2020年12月31日止) and at the start of section 一 (2020年，我镇…). They must be the same year; a mismatch usually means last year's report was reused. When the configuration sets the expected year (year: 2024 in .nianbao.yaml), each must be that year. Years written in characters (二〇二〇年) are read too.`,
	Severity: Error,
	Since:    "0.1.0",
	Check:    checkYears,
	ZH: Texts{
		Title: "标题、统计期限与第一部分的年份一致",
		Doc:   `报告年度出现在标题（……2020年政府信息公开工作年度报告）、通常也出现在统计期限（统计期限自2020年1月1日起至2020年12月31日止）和第一部分开头（2020年，我镇……）。三者应为同一年；不一致通常说明沿用了上一年的报告。汉字书写的年份（二〇二〇年）同样识别。`,
		Messages: []Translation{
			{msgM1002, "%s为 %d 年，而%s为 %d 年"},
			{msgM1002Want, "%s为 %d 年，而配置的报告年度为 %d 年"},
			{phraseTitle, "标题"},
			{phrasePeriod, "统计期限"},
			{phraseBody, "第一部分开头"},
		},
	},
}

const (
	msgM1002     = "%s says %d, but %s says %d"
	msgM1002Want = "%s says %d, but the report expected is for %d (configuration)"
)

// Phrases naming where a year was found.
const (
	phraseTitle  = "the title"
	phrasePeriod = "the statistics period"
	phraseBody   = "the start of section 1"
)

func checkYears(pass *Pass) {
	r := pass.Report
	stated := []struct {
		at     schema.YearRef
		phrase Phrase
	}{
		{r.TitleYear, phraseTitle},
		{r.PeriodYear, phrasePeriod},
		{r.BodyYear, phraseBody},
	}
	if want := pass.Options.Year; want != 0 {
		for _, s := range stated {
			if s.at.Year != 0 && s.at.Year != want {
				pass.Addf(s.at.Pos, msgM1002Want, s.phrase, s.at.Year, want)
				return
			}
		}
	}
	ref := -1
	for i, s := range stated {
		switch {
		case s.at.Year == 0:
		case ref < 0:
			ref = i
		case s.at.Year != stated[ref].at.Year:
			pass.Addf(s.at.Pos, msgM1002, s.phrase, s.at.Year, stated[ref].phrase, stated[ref].at.Year)
		}
	}
}

// M1003 reports a report whose format version cannot be recognised.
var M1003 = &Rule{
	ID:       "M1003",
	Title:    "Format version recognised",
	Doc:      `The format version (2019 or 2021) is recognised from the labels only one version has, mostly in table 2: 本年新制作数量, 本年新公开数量, 对外公开总数量, 上一年项目数量, 本年增/减, 其他对外管理服务事项, 政府集中采购, 采购总金额 (2019); 本年制发件数, 本年废止件数, 现行有效件数, 本年处理决定数量, 本年收费金额, and the split row (6) of table 3 (2021). When neither is found, or both equally, only the checks common to both versions run.`,
	Severity: Warning,
	Since:    "0.1.0",
	Check:    checkVersionKnown,
	ZH: Texts{
		Title: "格式版本可识别",
		Doc:   `格式版本（2019 年版或 2021 年版）根据只有某一版才有的栏目识别，主要在表二：本年新制作数量、本年新公开数量、对外公开总数量、上一年项目数量、本年增/减、其他对外管理服务事项、政府集中采购、采购总金额（2019 年版）；本年制发件数、本年废止件数、现行有效件数、本年处理决定数量、本年收费金额，以及表三拆分的第（六）项（2021 年版）。两者都未找到或数量相同时，只运行两版共有的检查。`,
		Messages: []Translation{
			{msgM1003None, "无法识别格式版本：未找到 2019 年版或 2021 年版特有的栏目"},
			{msgM1003Mixed, "无法识别格式版本：2019 年版栏目（%d 处）与 2021 年版栏目（%d 处）混用"},
		},
	},
}

const (
	msgM1003None  = "the format version cannot be recognised: no label particular to the 2019 or the 2021 format was found"
	msgM1003Mixed = "the format version cannot be recognised: the labels of the 2019 format (%d) and of the 2021 format (%d) are mixed"
)

func checkVersionKnown(pass *Pass) {
	r := pass.Report
	if r.Version != format.VUnknown {
		return
	}
	n := map[format.Version]int{}
	for _, e := range r.Evidence {
		n[e.Version]++
	}
	pos := r.Tables[format.T2]
	if n[format.V2019]+n[format.V2021] == 0 {
		pass.Addf(pos, msgM1003None)
		return
	}
	pass.Addf(pos, msgM1003Mixed, n[format.V2019], n[format.V2021])
}
