package schema

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
)

func load(t *testing.T, path string) *Report {
	t.Helper()
	doc, err := parser.ParseFile(context.Background(), path, parser.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	return Build(doc)
}

// loadText builds a report from .txt content, as if read from name.
func loadText(t *testing.T, name, text string) *Report {
	t.Helper()
	doc, err := parser.Parse(context.Background(), name, []byte(text), parser.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	return Build(doc)
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSeed(t *testing.T) {
	r := load(t, "../testdata/seed-2020.txt")
	if r.Title != "清凉峰镇2020年政府信息公开工作年度报告" || r.Agency != "清凉峰镇" || r.Year != 2020 {
		t.Errorf("title %q, agency %q, year %d", r.Title, r.Agency, r.Year)
	}
	if r.TitleYear.Year != 2020 || r.BodyYear.Year != 2020 || r.PeriodYear.Year != 0 {
		t.Errorf("years: title %d, body %d, period %d", r.TitleYear.Year, r.BodyYear.Year, r.PeriodYear.Year)
	}
	if r.Version != format.V2019 || r.R6Split {
		t.Errorf("version %s, R6Split %v", r.Version, r.R6Split)
	}
	if len(r.Evidence) == 0 || r.Evidence[0].Label != "本年新制作数量" || r.Evidence[0].Pos.Line != 12 {
		t.Errorf("first evidence = %+v", r.Evidence)
	}
	var nums []int
	for _, s := range r.Sections {
		nums = append(nums, s.Number)
	}
	if len(nums) != 6 || nums[0] != 1 || nums[5] != 6 || r.Sections[4].Pos.Line != 398 {
		t.Errorf("sections %v", nums)
	}
	if !strings.HasPrefix(r.Section(6).Text, "本年度无其他需要报告的事项") {
		t.Errorf("section 6 text %q", r.Section(6).Text)
	}
	if len(r.Issues) != 0 {
		t.Errorf("issues: %+v", r.Issues)
	}
	if len(r.Keys) != 22+161+15 {
		t.Fatalf("%d keys, want 198", len(r.Keys))
	}
	// Every cell of the seed: table 二 and 四 all 0; in table 三 only these
	// are filled, every other cell is blank — not 0.
	numbers := map[string]float64{
		"t3.NEW.NP": 1, "t3.NEW.TOT": 1, "t3.CARRY_IN.NP": 0, "t3.CARRY_IN.TOT": 0,
		"t3.R1.NP": 1, "t3.R1.TOT": 1, "t3.R6.NP": 0, "t3.R6.TOT": 0,
		"t3.R7.NP": 1, "t3.R7.TOT": 1, "t3.CARRY_OUT.NP": 0, "t3.CARRY_OUT.TOT": 0,
	}
	for _, k := range r.Keys {
		c := r.Cell(k)
		want, isNum := numbers[k]
		if !strings.HasPrefix(k, "t3.") {
			want, isNum = 0, true
		}
		switch {
		case isNum && (c.State != StateNumber || c.Value != want):
			t.Errorf("%s = %s %v (raw %q), want number %v", k, c.State, c.Value, c.Raw, want)
		case !isNum && c.State != StateBlank:
			t.Errorf("%s = %s (raw %q), want blank", k, c.State, c.Raw)
		}
	}
	// Raw text is kept beside the value.
	for k, raw := range map[string]string{"t2.a5.othersvc.prev": "0\u3000", "t3.NEW.NP": "1\u00a0", "t2.a8.fee.delta": "0\u00a0"} {
		if c := r.Cell(k); c.Raw != raw {
			t.Errorf("%s raw = %q, want %q", k, c.Raw, raw)
		}
	}
	if c := r.Cell("t3.R7.TOT"); c.Pos.Line != 338 || c.Pos.Table != 2 {
		t.Errorf("t3.R7.TOT at %+v", c.Pos)
	}
}

func TestV2021Clean(t *testing.T) {
	r := load(t, "../testdata/v2021-clean.txt")
	if r.Version != format.V2021 || !r.R6Split || r.Year != 2022 || r.PeriodYear.Year != 2022 || r.Agency != "某某街道办事处" {
		t.Errorf("version %s split %v year %d period %d agency %q", r.Version, r.R6Split, r.Year, r.PeriodYear.Year, r.Agency)
	}
	if len(r.Keys) != 10+175+15 || len(r.Issues) != 0 {
		t.Fatalf("%d keys, issues %+v", len(r.Keys), r.Issues)
	}
	for _, k := range r.Keys {
		if c := r.Cell(k); c.State != StateNumber {
			t.Errorf("%s = %s %q", k, c.State, c.Raw)
		}
	}
	if c := r.Cell("t2.a8.fee.amount_wan"); c.Kind != format.Money {
		t.Errorf("fee kind %v", c.Kind)
	}
}

// The same numbers under label variants (half-width brackets, ASCII quotes,
// 1、 enumerators, a misprinted label) and full-width digits give the same
// cells.
func TestLabelVariants(t *testing.T) {
	clean := load(t, "../testdata/v2021-clean.txt")
	r := load(t, "../testdata/v2021-label-variants.txt")
	if len(r.Issues) != 0 {
		t.Errorf("issues: %+v", r.Issues)
	}
	for _, k := range clean.Keys {
		a, b := clean.Cell(k), r.Cell(k)
		if a.State != b.State || a.Value != b.Value {
			t.Errorf("%s: clean %s %v, variant %s %v (raw %q)", k, a.State, a.Value, b.State, b.Value, b.Raw)
		}
	}
}

func TestHybridR6(t *testing.T) {
	r := load(t, "../testdata/v2021-hybrid-r6.txt")
	if r.Version != format.V2021 || r.R6Split {
		t.Fatalf("version %s split %v", r.Version, r.R6Split)
	}
	var hybrid int
	for _, is := range r.Issues {
		if is.Kind == IssueOtherR6Layout {
			hybrid++
		} else {
			t.Errorf("unexpected issue %+v", is)
		}
	}
	if hybrid != 1 {
		t.Errorf("%d R6 layout issues, want 1", hybrid)
	}
	if c := r.Cell("t3.R6.NP"); c.State != StateNumber {
		t.Errorf("t3.R6.NP = %s", c.State)
	}
	for _, k := range r.Keys {
		if strings.HasPrefix(k, "t3.R6_") {
			t.Errorf("key %s listed for a single-row （六）", k)
		}
	}
}

func TestErrorStates(t *testing.T) {
	r := load(t, "../testdata/v2021-errors.txt")
	for k, want := range map[string]State{
		"t2.a1.reg.issued": StateNA, "t3.R3_8.BIZ": StateNA, "t3.R5_2.RES": StateBlank,
		"t3.R1.NGO": StateText, "t3.R1.NP": StateNumber,
	} {
		if c := r.Cell(k); c.State != want {
			t.Errorf("%s = %s (raw %q), want %s", k, c.State, c.Raw, want)
		}
	}
}

// Columns are found by their labels: a table 三 whose 总计 column comes
// first is read the same.
func TestColumnsByLabel(t *testing.T) {
	clean := load(t, "../testdata/v2021-clean.txt")
	doc, err := parser.ParseFile(context.Background(), "../testdata/v2021-clean.txt", parser.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	t3 := doc.Tables()[1]
	move := func(cells []parser.Cell, from, to int) []parser.Cell {
		c := cells[from]
		cells = append(cells[:from], cells[from+1:]...)
		return append(cells[:to], append([]parser.Cell{c}, cells[to:]...)...)
	}
	for i := range t3.Rows {
		cells := t3.Rows[i].Cells
		switch {
		case i == 1: // "", 自然人, 法人或其他组织, 总计 → "", 总计, 自然人, 法人或其他组织
			t3.Rows[i].Cells = move(cells, 3, 1)
		case i >= 3: // values: the last (总计) moves before 自然人
			t3.Rows[i].Cells = move(cells, len(cells)-1, len(cells)-7)
		}
	}
	r := Build(doc)
	for _, k := range clean.Keys {
		if a, b := clean.Cell(k), r.Cell(k); a.Value != b.Value || a.State != b.State {
			t.Errorf("%s: %v vs %v", k, a.Value, b.Value)
		}
	}
}

// A row a province added is reported and skipped; the rest still maps.
func TestUnknownRow(t *testing.T) {
	text := readFile(t, "../testdata/seed-2020.txt")
	text = strings.Replace(text, "\t规范性文件\n\t0\n\t0\n\t0\n\n", "\t规范性文件\n\t0\n\t0\n\t0\n\n\t其他主动公开文件\n\t5\n\t5\n\t5\n\n", 1)
	r := loadText(t, "x.txt", text)
	if len(r.Issues) != 1 || r.Issues[0].Kind != IssueUnknownRow || r.Issues[0].Label != "其他主动公开文件" {
		t.Fatalf("issues %+v", r.Issues)
	}
	if c := r.Cell("t2.a5.lic.prev"); c.State != StateNumber || c.Value != 0 {
		t.Errorf("t2.a5.lic.prev = %s %v", c.State, c.Value)
	}
}

// A row with too few cells is not shifted into other columns.
func TestShortRowNotShifted(t *testing.T) {
	text := readFile(t, "../testdata/v2021-clean.txt")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "\t（二）部分公开") {
			lines = append(lines[:i+1], lines[i+4:]...) // drop three of seven values
			break
		}
	}
	r := loadText(t, "x.txt", strings.Join(lines, "\n"))
	var found bool
	for _, is := range r.Issues {
		if is.Kind == IssueUnreadableRow && is.Row == "t3.R2" && is.Found == 6 && is.Want == 8 {
			found = true
		}
	}
	if !found {
		t.Errorf("issues %+v", r.Issues)
	}
	for _, col := range format.T3Columns {
		if c := r.Cell("t3.R2." + col); c.State != StateMissing {
			t.Errorf("t3.R2.%s = %s %q, want missing", col, c.State, c.Raw)
		}
	}
	clean := load(t, "../testdata/v2021-clean.txt")
	if a, b := clean.Cell("t3.R3_1.NP"), r.Cell("t3.R3_1.NP"); a.Value != b.Value || b.State != StateNumber {
		t.Errorf("next row shifted: %v vs %v", a.Value, b.Value)
	}
}

func TestMatchLabels(t *testing.T) {
	rows := []struct{ label, group, want string }{
		{"2、其他法律行政止公开", "R3", "R3_2"},
		{"2.其他法律行政法规禁止公开", "R3", "R3_2"},
		{"3.危及\"三安全一稳定\"", "R3", "R3_3"},
		{"(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "RESULTS", "R2"},
		{"（二）部分公开", "RESULTS", "R2"},
		{"3.其他", "R6", "R6_3"},
		{"3.其他", "R5", ""},
		{"1.本机关不掌握相关政府信息", "", "R4_1"},
		{"（七）总计", "R6", "R7"},
		{"四、结转下年度继续办理", "", "CARRY_OUT"},
		{"1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "R6", "R6_1"},
		{"属于工作秘密", "R3", ""},
	}
	for _, tt := range rows {
		_, core := splitLabel(tt.label)
		if got := t3RowOf(core, tt.group); got != tt.want {
			t.Errorf("t3RowOf(%q, %q) = %q, want %q", tt.label, tt.group, got, tt.want)
		}
	}
	headings := []struct {
		text string
		want int
	}{
		{"一、总体情况", 1},
		{"二、行政机关主动公开政府信息情况", 2},
		{"三、收到和处理政府信息公开申请情况", 3},
		{"四、政府信息公开行政复议、行政诉讼情况", 4},
		{"五、政府信息公开工作存在的主要问题及改进情况", 5},
		{"五、存在问题及改进情况", 5},
		{"六、其他需要报告的事项", 6},
		{"六 、 其他需要报告的事项", 6},
		{"（一）主动公开", 0},
		{"一、本年新收政府信息公开申请数量", 0},
		{"1、政务公开时效性不强", 0},
	}
	for _, tt := range headings {
		if got := headingNumber(tt.text); got != tt.want {
			t.Errorf("headingNumber(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
	cols := []struct{ label, want string }{
		{"本年新\n制作数量", "made"},
		{"采购总金额(万元,保留四位小数)", "amount"},
		{"本年处理决定数量", "decisions"},
		{"处理决定数量", "decisions"},
		{"本年收费金额（单位：万元）", "amount_wan"},
		{"本年增/减", "delta"},
	}
	for _, tt := range cols {
		if got, _, ok := t2Column(tt.label); got != tt.want || !ok {
			t.Errorf("t2Column(%q) = %q, %v", tt.label, got, ok)
		}
	}
}

func TestYears(t *testing.T) {
	text := readFile(t, "../testdata/seed-2020.txt")
	text = strings.Replace(text, "清凉峰镇2020年", "清凉峰镇二〇二〇年", 1)
	text = strings.Replace(text, "一、总体情况\n", "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n一、总体情况\n", 1)
	r := loadText(t, "x.txt", text)
	if r.TitleYear.Year != 2020 || r.PeriodYear.Year != 2020 || r.Agency != "清凉峰镇" {
		t.Errorf("title year %d, period %d, agency %q", r.TitleYear.Year, r.PeriodYear.Year, r.Agency)
	}
}

func TestKeysFor(t *testing.T) {
	for _, tt := range []struct {
		v     format.Version
		split bool
		n     int
	}{{format.V2019, false, 198}, {format.V2021, true, 200}, {format.V2021, false, 186}, {format.VUnknown, true, 190}} {
		keys := format.KeysFor(tt.v, tt.split)
		seen := map[string]bool{}
		for _, k := range keys {
			if seen[k] {
				t.Errorf("duplicate key %s", k)
			}
			seen[k] = true
		}
		if len(keys) != tt.n {
			t.Errorf("KeysFor(%s, %v) has %d keys, want %d", tt.v, tt.split, len(keys), tt.n)
		}
	}
}

// BenchmarkBuild measures the mapping of a parsed report to cells.
func BenchmarkBuild(b *testing.B) {
	for _, name := range []string{"seed-2020.txt", "v2021-clean.txt"} {
		doc, err := parser.ParseFile(context.Background(), "../testdata/"+name, parser.DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Build(doc)
			}
		})
	}
}

func TestClassifyAgency(t *testing.T) {
	for name, want := range map[string]AgencyKind{
		"清凉峰镇":       AgencyTownship,
		"某某镇人民政府":    AgencyTownship,
		"大明湖街道办事处":   AgencyTownship,
		"临安区人民政府":    AgencyCountyGov,
		"雄县人民政府":     AgencyCountyGov,
		"淮安市人民政府":    AgencyCityGov,
		"上海市人民政府":    AgencyProvinceGov,
		"浙江省人民政府":    AgencyProvinceGov,
		"上海市人民政府办公厅": AgencyDepartment,
		"某区统计局":      AgencyDepartment,
		"孝感市人民政府办公室": AgencyDepartment,
		"浙江省交通运输厅":   AgencyDepartment,
		"中华人民共和国商务部": AgencyMinistry,
		"国家统计局":      AgencyMinistry,
		"":           AgencyUnknown,
		"某某":         AgencyUnknown,
	} {
		if got := ClassifyAgency(name); got != want {
			t.Errorf("ClassifyAgency(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestCellUnknownKey checks that a misspelt key fails loudly instead of
// reading as a missing cell, which would silence the checks that read it.
func TestCellUnknownKey(t *testing.T) {
	rep := &Report{Cells: map[string]*Cell{}}
	if c := rep.Cell("t3.R7.TOT"); c.State != StateMissing {
		t.Fatalf("a known key the document lacks: state %s, want missing", c.State)
	}
	defer func() {
		if recover() == nil {
			t.Error("Cell(\"t3.R7.TOTAL\") did not panic")
		}
	}()
	rep.Cell("t3.R7.TOTAL")
}

// TestMakesRules checks the rule-making power by level of government: a
// province's or municipality's government and its general office have it,
// a county's, a town's and their offices and departments do not, and a
// city's is not known from its name.
func TestMakesRules(t *testing.T) {
	for name, want := range map[string][2]bool{
		"上海市人民政府":    {true, true},
		"上海市人民政府办公厅": {true, true},
		"浙江省人民政府办公厅": {true, true},
		"淮安市人民政府":    {false, false},
		"淮安市人民政府办公室": {false, false},
		"沭阳县人民政府":    {false, true},
		"沭阳县人民政府办公室": {false, true},
		"某某镇人民政府":    {false, true},
		"沭阳县发展和改革局":  {false, true},
		"上海市科学技术委员会": {false, true},
		"国家统计局":      {true, true},
	} {
		makes, known := MakesRules(name)
		if [2]bool{makes, known} != want {
			t.Errorf("MakesRules(%q) = %v, %v; want %v", name, makes, known, want)
		}
	}
}

// A group label broken over a page ("（四）无" on one page, "法提供" on the
// next, as WPS's PDF of the 淮安 2024 report prints （四）无法提供) names its
// group only when the row label after the piece is of that group.
func TestGroupLabelPieces(t *testing.T) {
	text := readFile(t, "../testdata/v2021-clean.txt")
	clean := load(t, "../testdata/v2021-clean.txt")
	pieces := strings.Replace(text, "\t（四）无法提供\n", "\t（四）无\n", 1)
	pieces = strings.Replace(pieces, "\t\n\t\n\t2.没有现成信息需要另行制作", "\t\n\t法提供\n\t2.没有现成信息需要另行制作", 1)
	if pieces == text || !strings.Contains(pieces, "\t法提供\n") {
		t.Fatal("fixture not changed")
	}
	r := loadText(t, "x.txt", pieces)
	for _, k := range []string{"t3.R4_1.NP", "t3.R4_1.TOT", "t3.R4_2.TOT", "t3.R4_3.TOT"} {
		if a, b := clean.Cell(k), r.Cell(k); a.Value != b.Value || b.State != StateNumber {
			t.Errorf("%s: %s %v, want %v", k, b.State, b.Value, a.Value)
		}
	}
	if len(r.Issues) != 0 {
		t.Errorf("issues %+v", r.Issues)
	}
	// A piece of another group's label: the row is not read.
	wrong := strings.Replace(text, "\t（四）无法提供\n", "\t（五）不予\n", 1)
	r = loadText(t, "x.txt", wrong)
	if c := r.Cell("t3.R4_1.NP"); c.State != StateMissing {
		t.Errorf("t3.R4_1.NP read under a piece of （五）: %s %v", c.State, c.Value)
	}
	for _, c := range []struct{ text, group string }{
		{"（四）无", "R4"}, {"法提供", "R4"}, {"(四)无法", "R4"}, {"（三）不", "R3"}, {"三、本年", "RESULTS"},
		{"无", ""}, {"处理", ""}, {"（四）无法提供", ""}, {"提", ""}, {"予以公开", ""},
	} {
		if g := t3GroupFragment(c.text); g != c.group {
			t.Errorf("t3GroupFragment(%q) = %q, want %q", c.text, g, c.group)
		}
	}
}

// A table-三 header that names no applicant column (an OCR's placeholder
// headers 类别、数据1…数据6、总计, as in the real 沭阳 2025 conversion) is
// an unreadable header: no cell is placed by position, and the table is
// not a table with missing rows.
func TestPlaceholderHeaderT3(t *testing.T) {
	text := strings.Join([]string{
		"三、收到和处理政府信息公开申请情况",
		"| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |",
		"|---|---|---|---|---|---|---|---|",
		"| 本年新收政府信息公开申请数量 | 705 | 3 | 0 | 0 | 5 | 0 | 713 |",
		"| 上年结转政府信息公开申请数量 | 36 | 0 | 0 | 0 | 0 | 0 | 36 |",
		"",
	}, "\n")
	r := loadText(t, "x.md", text)
	var header bool
	for _, is := range r.Issues {
		switch is.Kind {
		case IssueUnreadableHeader:
			header = is.Table == format.T3
		case IssueUnknownColumn, IssueUnreadableRow:
			t.Errorf("issue %+v: the header explains the table", is)
		}
	}
	if !header {
		t.Errorf("no unreadable table-三 header in %+v", r.Issues)
	}
	for _, k := range r.Keys {
		if strings.HasPrefix(k, format.T3+".") && r.Cell(k).State != StateMissing {
			t.Errorf("%s read as %s %v", k, r.Cell(k).State, r.Cell(k).Value)
		}
	}
	// One applicant column named is enough to read by label.
	named := strings.Replace(text, "类别 | 数据1", " | 自然人", 1)
	r = loadText(t, "x.md", named)
	if c := r.Cell("t3.NEW.NP"); c.State != StateNumber || c.Value != 705 {
		t.Errorf("t3.NEW.NP = %s %v, want 705", c.State, c.Value)
	}
}

// Rows a PDF ran into one (no ruling line between them) are named as
// merged, never read as one of them.
func TestMergedT3Rows(t *testing.T) {
	merged := "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请3.其他"
	if got := mergedT3Rows(merged, "R6"); !slices.Equal(got, []string{"R6_1", "R6_2", "R6_3"}) {
		t.Errorf("merged (六) rows: %v", got)
	}
	for _, label := range []string{
		"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", // one row
		"1.信访举报投诉类申请2.今年新增的一类",              // a piece that names no row
		"1.信访举报投诉类申请1.信访举报投诉类申请",            // the same row twice
		"2020年12月31日前收到的申请",                 // digits, no enumerators
	} {
		if got := mergedT3Rows(label, "R5"); got != nil {
			t.Errorf("mergedT3Rows(%q) = %v, want nil", label, got)
		}
	}
}
