package rules

import (
	"strings"
	"testing"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// withText gives the balanced report an agency and section texts; each
// string is one paragraph of the section numbered by its index + 1.
func withText(r *schema.Report, agency string, sections ...[]string) *schema.Report {
	r.Agency = agency
	r.Sections = nil
	line := 1000
	for i, paras := range sections {
		s := schema.Section{Number: i + 1, Pos: parser.Pos{File: "r.txt", Line: line}}
		for _, p := range paras {
			line++
			s.Paragraphs = append(s.Paragraphs, schema.Paragraph{Text: p, Pos: parser.Pos{File: "r.txt", Line: line}})
		}
		s.Text = strings.Join(paras, "\n")
		r.Sections = append(r.Sections, s)
		line += 10
	}
	return r
}

// goodText is a report text that every text rule accepts.
func goodText() [][]string {
	return [][]string{
		{"2022年，本单位扎实推进主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障工作，纳入绩效考核，开展社会评议，未发生责任追究情况。"},
		{},
		{"本单位依法办理政府信息公开申请。"},
		{"本单位依法应对行政复议和诉讼。"},
		{"存在的问题是政策解读形式较为单一。下一步将丰富解读形式。"},
		{"本年度未收取信息处理费。", "某某镇人民政府", "2023年1月20日"},
	}
}

func TestCatalogue(t *testing.T) {
	tests := []ruleCase{
		{"A1001 no unit", A1001, nil, nil},
		{"A1001 yuan in a 万元 column", A1001, func(r *schema.Report) {
			c := r.Cells["t2.a8.fee.amount_wan"]
			c.Value, c.Unit, c.Raw = 251000, "元", "251000元"
		}, []string{"A1001 t2.a8.fee.amount_wan 25.1 251000"}},
		{"A1001 text cell is C1005's", A1001, func(r *schema.Report) { setState(r, "t2.a8.fee.amount_wan", schema.StateText, "约5万") }, nil},
		{"A1002 holds", A1002, func(r *schema.Report) { set(r, "t2.a1.norm.issued", 3); set(r, "t2.a1.norm.inforce", 3) }, nil},
		{"A1002 issued more than in force + repealed", A1002, func(r *schema.Report) { set(r, "t2.a1.norm.issued", 5); set(r, "t2.a1.norm.inforce", 3) }, []string{"A1002 t2.a1.norm.issued"}},
		{"A1002 absent", A1002, func(r *schema.Report) {
			set(r, "t2.a1.norm.issued", 5)
			setState(r, "t2.a1.norm.inforce", schema.StateNA, "/")
		}, nil},
		{"A1003 holds", A1003, func(r *schema.Report) { v2019(r); set(r, "t2.a1.norm.newpub", 2); set(r, "t2.a1.norm.pubtotal", 40) }, nil},
		{"A1003 total below new", A1003, func(r *schema.Report) { v2019(r); set(r, "t2.a1.norm.newpub", 3) }, []string{"A1003 t2.a1.norm.pubtotal"}},
		{"A1003 absent", A1003, func(r *schema.Report) {
			v2019(r)
			set(r, "t2.a1.norm.newpub", 3)
			setState(r, "t2.a1.norm.pubtotal", schema.StateBlank, "")
		}, nil},
		{"A1004 town without rules", A1004, func(r *schema.Report) { r.Agency = "某某镇人民政府" }, nil},
		{"A1004 town with rules", A1004, func(r *schema.Report) { r.Agency = "某某镇人民政府"; set(r, "t2.a1.reg.issued", 2) }, []string{"A1004 t2.a1.reg.issued"}},
		{"A1004 city may make rules", A1004, func(r *schema.Report) { r.Agency = "淮安市人民政府"; set(r, "t2.a1.reg.issued", 2) }, nil},
		{"A1004 no agency", A1004, func(r *schema.Report) { r.Agency = ""; set(r, "t2.a1.reg.issued", 2) }, nil},
		{"A1005 plausible", A1005, func(r *schema.Report) { r.Agency = "某区统计局"; set(r, "t2.a8.fee.amount_wan", 12.5) }, nil},
		{"A1005 in yuan", A1005, func(r *schema.Report) { r.Agency = "某区统计局"; set(r, "t2.a8.fee.amount_wan", 3260000) }, []string{"A1005 t2.a8.fee.amount_wan"}},
		{"A1005 absent", A1005, func(r *schema.Report) {
			r.Agency = "某区统计局"
			setState(r, "t2.a8.fee.amount_wan", schema.StateBlank, "")
		}, nil},
		{"A2004 balanced", A2004, nil, nil},
		{"A2004 one wrong cell", A2004, func(r *schema.Report) { set(r, "t3.R7.NP", 1) }, []string{"A2004 t3.R7.NP 0 1"}},
		{"A2004 one relation only", A2004, func(r *schema.Report) { set(r, "t4.rev.keep", 1) }, nil},
		{"A2004 absent", A2004, func(r *schema.Report) {
			set(r, "t3.R7.NP", 1)
			setState(r, "t3.NEW.NP", schema.StateBlank, "")
			setState(r, "t3.R2.NP", schema.StateBlank, "")
		}, nil},
		{"A2005 balanced", A2005, nil, nil},
		{"A2005 wrong column (E1)", A2005, func(r *schema.Report) { e1(r) }, []string{"A2005 t3.NEW.NP"}},
		{"A2005 absent total", A2005, func(r *schema.Report) { e1(r); setState(r, "t3.NEW.TOT", schema.StateBlank, "") }, nil},
		{"A2006 full rows", A2006, nil, nil},
		{"A2006 only the total", A2006, func(r *schema.Report) {
			set(r, "t3.NEW.TOT", 3)
			for _, c := range format.T3PartColumns {
				setState(r, "t3.NEW."+c, schema.StateBlank, "")
			}
		}, []string{"A2006 t3.NEW.TOT"}},
		{"A2006 zero total with blank parts", A2006, func(r *schema.Report) {
			for _, c := range format.T3PartColumns {
				setState(r, "t3.NEW."+c, schema.StateBlank, "")
			}
		}, nil},
		{"C1008 stated", C1008, textOK, nil},
		{"C1008 just 无", C1008, func(r *schema.Report) { textOK(r); r.Sections[4].Text = "无。" }, []string{"C1008 " + msgC1008}},
		{"C1008 no section 5 is C1001's", C1008, func(r *schema.Report) { textOK(r); r.Sections = r.Sections[:4] }, nil},
		{"C1009 five aspects", C1009, textOK, nil},
		{"C1009 two missing", C1009, func(r *schema.Report) {
			textOK(r)
			r.Sections[0].Text = "本年度主动公开信息120条，依申请公开工作规范。"
		}, []string{"C1009 " + msgC1009}},
		{"C1009 2019 format not asked", C1009, func(r *schema.Report) { textOK(r); v2019(r); r.Sections[0].Text = "略" }, nil},
		{"C1010 fee reported", C1010, func(r *schema.Report) { textOK(r); set(r, "t3.R6_2.TOT", 1) }, nil},
		{"C1010 fee not reported", C1010, func(r *schema.Report) { textOK(r); set(r, "t3.R6_2.TOT", 1); r.Sections[5].Text = "无。" }, []string{"C1010 t3.R6_2.TOT"}},
		{"C1010 no fee cell", C1010, func(r *schema.Report) {
			textOK(r)
			setState(r, "t3.R6_2.TOT", schema.StateBlank, "")
			r.Sections[5].Text = "无。"
		}, nil},
		{"C1011 government reports results", C1011, textOK, nil},
		{"C1011 government without results", C1011, func(r *schema.Report) { textOK(r); r.Sections[0].Text = "主动公开" }, []string{"C1011 " + msgC1011}},
		{"C1011 department not asked", C1011, func(r *schema.Report) { textOK(r); r.Sections[0].Text = "主动公开"; r.Agency = "某区统计局" }, nil},
		{"C1012 six parts", C1012, func(r *schema.Report) { textOK(r); preamble(r, sixParts) }, nil},
		{"C1012 six claimed, five listed (E4)", C1012, func(r *schema.Report) { textOK(r); preamble(r, fiveListed) }, []string{"C1012 " + msgC1012Listed}},
		{"C1012 no claim", C1012, func(r *schema.Report) { textOK(r); preamble(r, "根据条例编制本报告。") }, nil},
		{"M1004 dated", M1004, textOK, nil},
		{"M1004 no date", M1004, func(r *schema.Report) { textOK(r); r.Sections[5].Paragraphs = r.Sections[5].Paragraphs[:1] }, []string{"M1004 " + msgM1004}},
		{"M1005 in time", M1005, func(r *schema.Report) { textOK(r); r.Agency = "某区统计局" }, nil},
		{"M1005 department late", M1005, func(r *schema.Report) { textOK(r); r.Agency = "某区统计局"; dated(r, "2023年2月15日") }, []string{"M1005 " + msgM1005Late}},
		{"M1005 wrong year", M1005, func(r *schema.Report) { textOK(r); dated(r, "2022年1月20日") }, []string{"M1005 " + msgM1005Year}},
		{"M1005 town follows local dates", M1005, func(r *schema.Report) { textOK(r); dated(r, "2023年2月15日") }, nil},
		{"M1005 no date is M1004's", M1005, func(r *schema.Report) { textOK(r); r.Sections[5].Paragraphs = r.Sections[5].Paragraphs[:1] }, nil},
		{"M1002 expected year", M1002, nil, nil},
		{"N1001 agrees", N1001, func(r *schema.Report) {
			textOK(r)
			narrate(r, 3, "全年共收到政府信息公开申请12件。")
			set(r, "t3.NEW.TOT", 12)
		}, nil},
		{"N1001 with carried in", N1001, func(r *schema.Report) {
			textOK(r)
			narrate(r, 3, "共受理政府信息公开申请14件（含上年结转2件）。")
			set(r, "t3.NEW.TOT", 12)
			set(r, "t3.CARRY_IN.TOT", 2)
		}, nil},
		{"N1001 disagrees", N1001, func(r *schema.Report) {
			textOK(r)
			narrate(r, 3, "全年共收到政府信息公开申请13件。")
			set(r, "t3.NEW.TOT", 12)
		}, []string{"N1001 t3.NEW.TOT 12 13"}},
		{"N1001 absent", N1001, func(r *schema.Report) {
			textOK(r)
			narrate(r, 3, "全年共收到政府信息公开申请13件。")
			setState(r, "t3.NEW.TOT", schema.StateBlank, "")
		}, nil},
		{"N1002 agrees", N1002, func(r *schema.Report) {
			textOK(r)
			narrate(r, 1, "含上年度结转34件。")
			set(r, "t3.CARRY_IN.TOT", 34)
		}, nil},
		{"N1002 disagrees", N1002, func(r *schema.Report) {
			textOK(r)
			narrate(r, 1, "含上年度结转34件。")
			set(r, "t3.CARRY_IN.TOT", 30)
		}, []string{"N1002 t3.CARRY_IN.TOT 30 34"}},
		{"N1003 disagrees", N1003, func(r *schema.Report) {
			textOK(r)
			narrate(r, 3, "已答复政府信息公开申请12件。")
			set(r, "t3.R7.TOT", 11)
		}, []string{"N1003 t3.R7.TOT 11 12"}},
		{"N1003 no number", N1003, func(r *schema.Report) {
			textOK(r)
			narrate(r, 3, "全年收到申请公开事项1件，已完成答复。")
		}, nil},
		{"N1004 disagrees", N1004, func(r *schema.Report) {
			textOK(r)
			narrate(r, 3, "另有3件申请结转下年度办理。")
			set(r, "t3.CARRY_OUT.TOT", 2)
		}, []string{"N1004 t3.CARRY_OUT.TOT 2 3"}},
		{"N1005 E3: one column's value", N1005, func(r *schema.Report) {
			textOK(r)
			narrate(r, 3, "对政府信息公开申请，予以公开及部分公开258件，不掌握等原因无法提供265件。")
			set(r, "t3.R1.NP", 255)
			set(r, "t3.R2.NP", 3)
			set(r, "t3.R1.TOT", 272)
			set(r, "t3.R2.TOT", 3)
			set(r, "t3.R4_1.TOT", 265)
			set(r, "t3.R4_2.TOT", 72)
		}, []string{"N1005 t3.R2.TOT 275 258", "N1005 t3.R4_3.TOT 337 265"}},
		{"N1006 none claimed, one found", N1006, func(r *schema.Report) {
			textOK(r)
			narrate(r, 4, "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。")
			set(r, "t4.rev.total", 1)
			set(r, "t4.rev.keep", 1)
		}, []string{"N1006 t4.rev.total 1 0"}},
		{"N1006 counts agree", N1006, func(r *schema.Report) {
			textOK(r)
			narrate(r, 4, "本年度被申请行政复议2件，提起行政诉讼3件。")
			set(r, "t4.rev.total", 2)
			set(r, "t4.lit_direct.total", 1)
			set(r, "t4.lit_after.total", 2)
		}, nil},
		{"N1006 litigation disagrees", N1006, func(r *schema.Report) {
			textOK(r)
			narrate(r, 4, "本年度被申请行政复议2件，提起行政诉讼4件。")
			set(r, "t4.rev.total", 2)
			set(r, "t4.lit_direct.total", 1)
			set(r, "t4.lit_after.total", 2)
		}, []string{"N1006 t4.lit_after.total 3 4"}},
		{"N1007 all upheld, one pending", N1007, func(r *schema.Report) {
			textOK(r)
			narrate(r, 4, "本年度行政复议7件、行政诉讼9件，均获维持。")
			set(r, "t4.rev.pending", 2)
		}, []string{"N1007 t4.rev.pending"}},
		{"N1007 all upheld, true", N1007, func(r *schema.Report) {
			textOK(r)
			narrate(r, 4, "行政复议2件，均获维持。")
			set(r, "t4.rev.keep", 2)
		}, nil},
		{"N1008 adds up (seed)", N1008, func(r *schema.Report) { textOK(r); narrate(r, 1, seedSum) }, nil},
		{"N1008 does not add up", N1008, func(r *schema.Report) { textOK(r); narrate(r, 1, strings.Replace(seedSum, "37条", "36条", 1)) }, []string{"N1008  690 689"}},
		{"N1008 parts not claimed complete", N1008, func(r *schema.Report) {
			textOK(r)
			narrate(r, 1, "共发布信息690条，其中网站143条、公众号510条。")
		}, nil},
	}
	runCases(t, tests)
}

func v2019(r *schema.Report) {
	r.Version, r.R6Split, r.Year = format.V2019, false, 2020
	r.Keys = format.KeysFor(r.Version, r.R6Split)
	for _, k := range r.Keys {
		if _, ok := r.Cells[k]; !ok {
			r.Cells[k] = &schema.Cell{Key: k, State: schema.StateNumber, Kind: format.KindOf(k)}
		}
	}
}

// e1 books one application of the 本年新收 row under 其他 instead of 自然人
// (洋河新区 2025): 自然人 60+0 ≠ 61+0, 其他 1+0 ≠ 0+0, 总计 balances.
func e1(r *schema.Report) {
	set(r, "t3.NEW.NP", 60)
	set(r, "t3.NEW.OTH", 1)
	set(r, "t3.NEW.TOT", 61)
	set(r, "t3.R1.NP", 61)
	set(r, "t3.R1.TOT", 61)
	set(r, "t3.R7.NP", 61)
	set(r, "t3.R7.TOT", 61)
}

func textOK(r *schema.Report) { withText(r, "某某镇人民政府", goodText()...) }

// narrate adds a paragraph to section n.
func narrate(r *schema.Report, n int, text string) {
	s := &r.Sections[n-1]
	s.Paragraphs = append(s.Paragraphs, schema.Paragraph{Text: text, Pos: parser.Pos{File: "r.txt", Line: 2000 + n}})
	s.Text += "\n" + text
}

func preamble(r *schema.Report, text string) {
	r.Preamble = []schema.Paragraph{{Text: text, Pos: parser.Pos{File: "r.txt", Line: 2}}}
}

func dated(r *schema.Report, date string) {
	ps := r.Sections[5].Paragraphs
	ps[len(ps)-1].Text = date
}

const (
	sixParts   = "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成。"
	fiveListed = "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。"
	seedSum    = "通过不同渠道和方式公开政府信息共690条，其中，通过临安新闻网清凉峰镇镇门户网站公开信息143条，“清凉峰镇发布”微信公众号公开政府信息数510条，其他方式公开政府信息数37条。"
)

// Correct phrasings from real reports must not be flagged: precision over
// recall. Each sentence goes with the table values it describes.
func TestNarrativeNoFalseAlarms(t *testing.T) {
	narr := []*Rule{N1001, N1002, N1003, N1004, N1005, N1006, N1007, N1008}
	cases := []struct {
		text  string
		cells map[string]float64
	}{
		{"全年收到申请公开事项1件，已完成答复。", map[string]float64{"t3.NEW.TOT": 1, "t3.R7.TOT": 1}},
		{"受理3119件，答复3050件（含上年度结转34件，另有103件顺延）。", map[string]float64{"t3.NEW.TOT": 3119, "t3.CARRY_IN.TOT": 34, "t3.R7.TOT": 3050, "t3.CARRY_OUT.TOT": 103}},
		{"2022年共收到政府信息公开申请12件，较上年增加5件。", map[string]float64{"t3.NEW.TOT": 12}},
		{"本年度新收政府信息公开申请8件，上年结转2件，共计10件，均已按时答复。", map[string]float64{"t3.NEW.TOT": 8, "t3.CARRY_IN.TOT": 2, "t3.R7.TOT": 10}},
		{"其中予以公开5件，部分公开1件，不予公开2件，无法提供3件，不予处理1件。", map[string]float64{"t3.R1.TOT": 5, "t3.R2.TOT": 1, "t3.R3_4.TOT": 2, "t3.R4_1.TOT": 3, "t3.R5_2.TOT": 1}},
		{"本年度未收到政府信息公开申请。", nil},
		{"本年度本机关未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。", nil},
		{"全年共发生政府信息公开行政复议案件351件、行政诉讼46件。", map[string]float64{"t4.rev.total": 351, "t4.lit_direct.total": 26, "t4.lit_after.total": 20}},
		{"行政复议结果维持2件，其余尚未审结。", map[string]float64{"t4.rev.keep": 2, "t4.rev.pending": 1, "t4.rev.total": 3}},
		{"累计通过政府信息公开平台主动公开政府信息数39条。", nil},
		{"公开政府信息共690条，其中网站公开143条、微信公众号公开510条。", nil},
		{"结转下年度继续办理的申请0件。", nil},
		{"通过政府网站发布信息共计120条，其中政策文件12条、工作动态98条、其他10条。", nil},
		{"2020年通过信息公开平台公布社会救助类信息33条，回应群众关注的低保、特困户等问题。", nil},
	}
	for _, c := range cases {
		r := balanced()
		textOK(r)
		narrate(r, 3, c.text)
		for k, v := range c.cells {
			set(r, k, v)
		}
		for _, f := range Run(r, narr, Options{}) {
			t.Errorf("%q: false alarm %s %s %v", c.text, f.Rule, f.Cell, f.Msg.Args)
		}
	}
}
