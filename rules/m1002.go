package rules

import "github.com/nianbao/nianbao/schema"

// M1002 checks that the years stated in the report agree.
var M1002 = &Rule{
	ID:       "M1002",
	Title:    "The years in the title, statistics period and section 1 agree",
	Doc:      `The report year appears in the title (…2020年政府信息公开工作年度报告), usually in the statistics period (统计期限自2020年1月1日起至2020年12月31日止) and at the start of section 一 (2020年，我镇…). They must be the same year; a mismatch usually means last year's report was reused. When the configuration sets the expected year (year: 2024 in .nianbao.yaml), each must be that year. Years written in characters (二〇二〇年) are read too.`,
	Severity: Error,
	Since:    "0.1.0",
	Check:    checkYears,
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
