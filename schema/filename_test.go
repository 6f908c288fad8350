package schema

import "testing"

func TestFillFromFileName(t *testing.T) {
	for _, c := range []struct {
		path, agency string
		year         int
		wantAgency   string
		wantYear     int
	}{
		{"dir/清凉峰镇2020年报.docx", "", 0, "清凉峰镇", 2020},
		{"某局政府信息公开工作年度报告（2021）.txt", "", 0, "某局", 2021},
		{"清凉峰镇2020年报.docx", "某某街道", 0, "某某街道", 2020},
		{"清凉峰镇2020年报.docx", "", 2019, "清凉峰镇", 2019},
		{"report-20201.txt", "", 0, "", 0},
		{"2022.docx", "", 0, "", 2022},
	} {
		r := &Report{Agency: c.agency, Year: c.year}
		r.FillFromFileName(c.path)
		if r.Agency != c.wantAgency || r.Year != c.wantYear {
			t.Errorf("%s: %q %d, want %q %d", c.path, r.Agency, r.Year, c.wantAgency, c.wantYear)
		}
	}
}
