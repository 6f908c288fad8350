package schema

import (
	"strings"

	"github.com/nianbao/nianbao/format"
)

// AgencyKind is the kind of body that publishes a report, as far as its
// name tells.
type AgencyKind int

// Kinds of agency.
const (
	AgencyUnknown     AgencyKind = iota
	AgencyTownship               // 乡、镇人民政府, 街道办事处
	AgencyCountyGov              // 县、区、旗人民政府
	AgencyCityGov                // 市、州人民政府: 设区的市 or 县级市, not told apart
	AgencyProvinceGov            // 省、自治区、直辖市人民政府
	AgencyDepartment             // a department of a local government
	AgencyMinistry               // a department of the State Council
)

// ClassifyAgency tells the kind of body from its name. Names it cannot
// place are AgencyUnknown: checks that depend on the kind stay silent.
func ClassifyAgency(name string) AgencyKind {
	n := format.NormalizeLabel(name)
	has := func(list []string, f func(string, string) bool) bool {
		for _, x := range list {
			if f(n, x) {
				return true
			}
		}
		return false
	}
	switch {
	case n == "":
		return AgencyUnknown
	case has(format.ProvinceGovNames, func(a, b string) bool { return a == b }) || has(format.ProvinceGovEndings, strings.HasSuffix):
		return AgencyProvinceGov
	case has(format.CountyGovEndings, strings.HasSuffix):
		return AgencyCountyGov
	case has(format.CityGovEndings, strings.HasSuffix):
		return AgencyCityGov
	case has(format.TownshipEndings, strings.HasSuffix):
		return AgencyTownship
	case has(format.MinistryMarkers, strings.HasPrefix) || strings.HasSuffix(n, "部"):
		return AgencyMinistry
	case has(format.DepartmentEndings, strings.HasSuffix):
		return AgencyDepartment
	}
	return AgencyUnknown
}

// MakesRules reports whether a body of this kind may make 规章; known is
// false when the name does not tell (a 市 government may or may not be a
// 设区的市).
func (k AgencyKind) MakesRules() (makes, known bool) {
	switch k {
	case AgencyProvinceGov, AgencyMinistry:
		return true, true
	case AgencyTownship, AgencyCountyGov, AgencyDepartment:
		return false, true
	}
	return false, false
}

// MakesRules reports whether the body named may make 规章 (see
// AgencyKind.MakesRules). The 办公厅 or 办公室 of a people's government
// reports for the government, whose power it takes: "上海市人民政府办公厅"
// may, "某县人民政府办公室" may not.
func MakesRules(name string) (makes, known bool) {
	n := format.NormalizeLabel(name)
	for _, office := range []string{"办公厅", "办公室"} {
		if gov, ok := strings.CutSuffix(n, office); ok {
			if k := ClassifyAgency(gov); k.IsGovernment() {
				return k.MakesRules()
			}
		}
	}
	return ClassifyAgency(n).MakesRules()
}

// IsGovernment reports whether the body is a people's government (whose
// report must give the results of assessment, appraisal and accountability).
func (k AgencyKind) IsGovernment() bool {
	switch k {
	case AgencyTownship, AgencyCountyGov, AgencyCityGov, AgencyProvinceGov:
		return true
	}
	return false
}
