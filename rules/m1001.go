package rules

import "github.com/nianbao/nianbao/format"

// M1001 checks that the format version suits the report year.
var M1001 = &Rule{
	ID:       "M1001",
	Title:    "Format version matches the report year",
	Doc:      `Reports for 2019 and 2020 use the 2019 format (国办公开办函〔2019〕60号); reports for 2021 onward use the 2021 format (国办公开办函〔2021〕30号), which changed table 2 and split row (6) of table 3. A 2021-or-later report in the 2019 format uses an outdated template. The version is detected from the labels only one version has (本年新制作数量, 本年制发件数, 采购总金额 …) and the year from the title, else the statistics period, else section 一.`,
	Severity: Error,
	Since:    "0.1.0",
	Check:    checkVersionYear,
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
