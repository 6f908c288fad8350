package rules

import "github.com/nianbao/nianbao/format"

// M1003 reports a report whose format version cannot be recognised.
var M1003 = &Rule{
	ID:       "M1003",
	Title:    "Format version recognised",
	Doc:      `The format version (2019 or 2021) is recognised from the labels only one version has, mostly in table 2: 本年新制作数量, 本年新公开数量, 对外公开总数量, 上一年项目数量, 本年增/减, 其他对外管理服务事项, 政府集中采购, 采购总金额 (2019); 本年制发件数, 本年废止件数, 现行有效件数, 本年处理决定数量, 本年收费金额, and the split row (6) of table 3 (2021). When neither is found, or both equally, only the checks common to both versions run.`,
	Severity: Warning,
	Since:    "0.1.0",
	Check:    checkVersionKnown,
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
