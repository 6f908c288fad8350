package format

import "strings"

// This file is the only place that holds the Chinese labels of the report
// format (template-spec §3, §4, §9.3) and the English names shown with
// --lang en. Everything here is immutable.

// Version is the national report format a document follows.
type Version string

// Format versions.
const (
	V2019    Version = "2019"    // 国办公开办函〔2019〕60号, for 2019 and 2020 reports
	V2021    Version = "2021"    // 国办公开办函〔2021〕30号, for 2021 reports onward
	VUnknown Version = "unknown" // no signal found
)

// SectionDef describes one of the six numbered sections.
type SectionDef struct {
	Number  int
	Numeral string   // "一"
	Core    []string // normalised heading text after the numeral, variants included
	Heading string   // canonical heading as printed
	English string
	// Words are the words of the heading's other spellings: a heading
	// numbered as the section whose text has every word of one set is the
	// section ("五、存在的主要问题及整改措施", "…及下一步工作打算").
	Words [][]string
}

// Named reports whether s has every word of one of the section's other
// spellings (Words): "存在的主要问题及整改措施" names section 五.
func (d SectionDef) Named(s string) bool {
	for _, words := range d.Words {
		all := true
		for _, w := range words {
			all = all && strings.Contains(s, w)
		}
		if all {
			return true
		}
	}
	return false
}

var Sections = []SectionDef{
	{1, "一", []string{"总体情况"}, "一、总体情况", "1. Overview",
		[][]string{{"总体情况"}, {"基本情况"}}},
	{2, "二", []string{"主动公开政府信息情况", "行政机关主动公开政府信息情况"}, "二、主动公开政府信息情况", "2. Proactive disclosure",
		[][]string{{"主动公开", "情况"}}},
	{3, "三", []string{"收到和处理政府信息公开申请情况"}, "三、收到和处理政府信息公开申请情况", "3. Applications received and handled",
		[][]string{{"收到", "申请"}, {"处理", "申请"}}},
	{4, "四", []string{"政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议及行政诉讼情况", "政府信息公开行政复议与行政诉讼情况", "政府信息公开行政复议和行政诉讼情况", "因政府信息公开工作被申请行政复议和提起行政诉讼情况"}, "四、政府信息公开行政复议、行政诉讼情况", "4. Administrative reconsideration and litigation",
		[][]string{{"行政复议"}, {"行政诉讼"}}},
	{5, "五", []string{"存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "政府信息公开存在的主要问题及改进情况", "存在的主要问题及明年工作计划", "存在的主要问题及下一步工作计划", "存在的主要问题及下一步工作打算", "存在的主要问题及改进措施", "存在的主要问题及整改措施", "存在的主要问题和改进情况", "存在问题及改进情况"}, "五、存在的主要问题及改进情况", "5. Main problems and improvements",
		[][]string{{"存在", "问题"}, {"问题", "改进"}, {"问题", "整改"}, {"问题", "措施"}, {"问题", "打算"}, {"问题", "计划"}, {"问题", "不足"}}},
	{6, "六", []string{"其他需要报告的事项", "需要说明的其他事项与附表", "需要说明的其他事项", "其他需要说明的事项"}, "六、其他需要报告的事项", "6. Other matters",
		[][]string{{"其他", "报告"}, {"其他", "事项"}}},
}

// Table identifiers used in cell keys.
const (
	T2 = "t2"
	T3 = "t3"
	T4 = "t4"
)

var tableNames = map[string][4]string{ // zh, en, zh title, en title
	T2: {"表二", "Table 2", "主动公开政府信息情况", "proactive disclosure"},
	T3: {"表三", "Table 3", "收到和处理政府信息公开申请情况", "applications received and handled"},
	T4: {"表四", "Table 4", "政府信息公开行政复议、行政诉讼情况", "reconsideration and litigation"},
}

// T3Row describes one data row of table 三.
type T3Row struct {
	Key      string
	Group    string   // key of the group the row sits in ("R3" …), "" for top level
	Label    string   // canonical label as printed
	Core     []string // normalised label without enumerator; first is canonical
	Versions []Version
	English  string
}

// T3RowGroup describes a label that groups rows without numbers of its own.
type T3RowGroup struct {
	Key   string
	Label string
	Core  []string
}

var both = []Version{V2019, V2021}

var T3RowGroups = []T3RowGroup{
	{"RESULTS", "三、本年度办理结果", []string{"本年度办理结果"}},
	{"R3", "（三）不予公开", []string{"不予公开"}},
	{"R4", "（四）无法提供", []string{"无法提供"}},
	{"R5", "（五）不予处理", []string{"不予处理"}},
	{"R6", "（六）其他处理", []string{"其他处理"}},
}

var T3Rows = []T3Row{
	{"NEW", "", "一、本年新收政府信息公开申请数量", []string{"本年新收政府信息公开申请数量"}, both, "1. New applications"},
	{"CARRY_IN", "", "二、上年结转政府信息公开申请数量", []string{"上年结转政府信息公开申请数量"}, both, "2. Carried in from last year"},
	{"R1", "RESULTS", "（一）予以公开", []string{"予以公开"}, both, "(1) Disclosed"},
	{"R2", "RESULTS", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", []string{"部分公开(区分处理的,只计这一情形,不计其他情形)", "部分公开"}, both, "(2) Partly disclosed"},
	{"R3_1", "R3", "1.属于国家秘密", []string{"属于国家秘密"}, both, "(3)1 State secret"},
	{"R3_2", "R3", "2.其他法律行政法规禁止公开", []string{"其他法律行政法规禁止公开"}, both, "(3)2 Barred by other laws"},
	{"R3_3", "R3", "3.危及“三安全一稳定”", []string{"危及三安全一稳定", "三安全一稳定"}, both, "(3)3 Endangers security and stability"},
	{"R3_4", "R3", "4.保护第三方合法权益", []string{"保护第三方合法权益"}, both, "(3)4 Third-party rights"},
	{"R3_5", "R3", "5.属于三类内部事务信息", []string{"属于三类内部事务信息", "三类内部事务"}, both, "(3)5 Internal affairs"},
	{"R3_6", "R3", "6.属于四类过程性信息", []string{"属于四类过程性信息", "四类过程性"}, both, "(3)6 Process information"},
	{"R3_7", "R3", "7.属于行政执法案卷", []string{"属于行政执法案卷"}, both, "(3)7 Enforcement files"},
	{"R3_8", "R3", "8.属于行政查询事项", []string{"属于行政查询事项"}, both, "(3)8 Administrative enquiries"},
	{"R4_1", "R4", "1.本机关不掌握相关政府信息", []string{"本机关不掌握相关政府信息"}, both, "(4)1 Not held"},
	{"R4_2", "R4", "2.没有现成信息需要另行制作", []string{"没有现成信息需要另行制作"}, both, "(4)2 Would need to be created"},
	{"R4_3", "R4", "3.补正后申请内容仍不明确", []string{"补正后申请内容仍不明确"}, both, "(4)3 Still unclear after correction"},
	{"R5_1", "R5", "1.信访举报投诉类申请", []string{"信访举报投诉类申请"}, both, "(5)1 Petitions and complaints"},
	{"R5_2", "R5", "2.重复申请", []string{"重复申请"}, both, "(5)2 Repeated application"},
	{"R5_3", "R5", "3.要求提供公开出版物", []string{"要求提供公开出版物"}, both, "(5)3 Published material"},
	{"R5_4", "R5", "4.无正当理由大量反复申请", []string{"无正当理由大量反复申请"}, both, "(5)4 Mass repeated applications"},
	{"R5_5", "R5", "5.要求行政机关确认或重新出具已获取信息", []string{"要求行政机关确认或重新出具已获取信息"}, both, "(5)5 Confirm or reissue obtained information"},
	{"R6", "RESULTS", "（六）其他处理", []string{"其他处理"}, []Version{V2019}, "(6) Other handling"},
	{"R6_1", "R6", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", []string{"申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "逾期不补正"}, []Version{V2021}, "(6)1 No correction in time"},
	{"R6_2", "R6", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", []string{"申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "收费通知"}, []Version{V2021}, "(6)2 Fee not paid"},
	{"R6_3", "R6", "3.其他", []string{"其他"}, []Version{V2021}, "(6)3 Other"},
	{"R7", "RESULTS", "（七）总计", []string{"总计"}, both, "(7) Total"},
	{"CARRY_OUT", "", "四、结转下年度继续办理", []string{"结转下年度继续办理"}, both, "4. Carried over to next year"},
}

// HeaderNode is a column header of table 三 or 四: a leaf with a column key,
// or a group whose children sit in the next header row.
type HeaderNode struct {
	Key      string // leaf: column key ("NP", "rev.keep" is built from the path)
	Label    string
	Core     []string
	Children []string // keys of child nodes; empty for a leaf
	English  string
	Prefix   bool // the key prefixes the keys of the leaves below it
}

// T3Header is the column tree of table 三.
var T3Header = []HeaderNode{
	{"APPLICANTS", "申请人情况", []string{"申请人情况"}, []string{"NP", "LEGAL", "TOT"}, "", false},
	{"NP", "自然人", []string{"自然人"}, nil, "Natural persons", false},
	{"LEGAL", "法人或其他组织", []string{"法人或其他组织"}, []string{"BIZ", "RES", "NGO", "LAW", "OTH"}, "", false},
	{"BIZ", "商业企业", []string{"商业企业"}, nil, "Businesses", false},
	{"RES", "科研机构", []string{"科研机构"}, nil, "Research bodies", false},
	{"NGO", "社会公益组织", []string{"社会公益组织"}, nil, "Non-profits", false},
	{"LAW", "法律服务机构", []string{"法律服务机构"}, nil, "Legal services", false},
	{"OTH", "其他", []string{"其他"}, nil, "Others", false},
	{"TOT", "总计", []string{"总计"}, nil, "Total", false},
}

// T3Columns lists the column keys of table 三 in template order; the last
// is the total column.
var T3Columns = []string{"NP", "BIZ", "RES", "NGO", "LAW", "OTH", "TOT"}

// T3PartColumns lists the six applicant columns that add up to TOT.
var T3PartColumns = T3Columns[:6]

// T3CornerMarker identifies the corner note of table 三.
const T3CornerMarker = "勾稽"

// t3CornerWords are words of the corner note of table 三 in the spellings
// and pieces real reports print ("钩稽", the note split over two cells).
var t3CornerWords = []string{T3CornerMarker, "钩稽", "本列数据", "第一项加第二项", "等于第三项加第四项"}

// IsCornerNote reports whether a normalised header cell is the corner note
// of table 三, or a piece of it.
func IsCornerNote(n string) bool {
	for _, w := range t3CornerWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// T4Header is the column tree of table 四. Leaf keys are joined with their
// group: "rev" + "keep" → "rev.keep".
var T4Header = []HeaderNode{
	{"rev", "行政复议", []string{"行政复议"}, []string{"keep", "fix", "other", "pending", "total"}, "Reconsideration", true},
	{"lit", "行政诉讼", []string{"行政诉讼"}, []string{"lit_direct", "lit_after"}, "Litigation", false},
	{"lit_direct", "未经复议直接起诉", []string{"未经复议直接起诉"}, []string{"keep", "fix", "other", "pending", "total"}, "Litigation without reconsideration", true},
	{"lit_after", "复议后起诉", []string{"复议后起诉"}, []string{"keep", "fix", "other", "pending", "total"}, "Litigation after reconsideration", true},
	{"keep", "结果维持", []string{"结果维持"}, nil, "upheld", false},
	{"fix", "结果纠正", []string{"结果纠正"}, nil, "corrected", false},
	{"other", "其他结果", []string{"其他结果"}, nil, "other result", false},
	{"pending", "尚未审结", []string{"尚未审结"}, nil, "pending", false},
	{"total", "总计", []string{"总计"}, nil, "total", false},
}

// T4Groups lists the three groups of table 四 and T4Parts the parts that
// add up to each group's total.
var (
	T4Groups = []string{"rev", "lit_direct", "lit_after"}
	T4Parts  = []string{"keep", "fix", "other", "pending"}
)

// Labels that only one table has, normalised: a table holding one of them
// is that table. TestTableMarks keeps them equal to the labels above.
const (
	MarkT3Column     = "自然人"          // a column of table 三 (T3Header "NP")
	MarkT3FirstRow   = "本年新收政府信息公开申请" // the first row of table 三, with or without 数量
	MarkT4Review     = "行政复议"         // a column group of table 四 (T4Header "rev")
	MarkT4Litigation = "行政诉讼"         // a column group of table 四 (T4Header "lit")
)

// T2Block describes one 第二十条 block of table 二.
type T2Block struct {
	Key     string   // "a1"
	Caption string   // "第二十条第（一）项"
	Rows    []T2Item // row labels of the block
}

type T2Item struct {
	Key      string
	Label    string
	Core     []string
	Versions []Version
	English  string
}

// T2Col is a column of table 二.
type T2Col struct {
	Key      string
	Label    string
	Core     []string // normalised; a header matches when it starts with one
	Kind     NumberKind
	Versions []Version
	English  string
}

var T2Blocks = []T2Block{
	{"a1", "第二十条第（一）项", []T2Item{
		{"reg", "规章", []string{"规章"}, both, "Rules"},
		{"norm", "规范性文件", []string{"规范性文件", "行政规范性文件"}, both, "Normative documents"},
	}},
	{"a5", "第二十条第（五）项", []T2Item{
		{"lic", "行政许可", []string{"行政许可"}, both, "Licensing"},
		{"othersvc", "其他对外管理服务事项", []string{"其他对外管理服务事项"}, []Version{V2019}, "Other external services"},
	}},
	{"a6", "第二十条第（六）项", []T2Item{
		{"pen", "行政处罚", []string{"行政处罚"}, both, "Penalties"},
		{"coer", "行政强制", []string{"行政强制"}, both, "Enforcement"},
	}},
	{"a8", "第二十条第（八）项", []T2Item{
		{"fee", "行政事业性收费", []string{"行政事业性收费"}, both, "Administrative fees"},
	}},
	{"a9", "第二十条第（九）项", []T2Item{
		{"proc", "政府集中采购", []string{"政府集中采购"}, []Version{V2019}, "Central procurement"},
	}},
}

// T2ItemLabelCore is the header of the row-label column of every block.
const T2ItemLabelCore = "信息内容"

// T2CaptionCore is the normalised prefix of every block caption.
const T2CaptionCore = "第二十条"

var T2Cols = []T2Col{
	// V2019
	{"made", "本年新制作数量", []string{"本年新制作数量"}, Count, []Version{V2019}, "made this year"},
	{"newpub", "本年新公开数量", []string{"本年新公开数量"}, Count, []Version{V2019}, "newly published"},
	{"pubtotal", "对外公开总数量", []string{"对外公开总数量"}, Count, []Version{V2019}, "published in total"},
	{"prev", "上一年项目数量", []string{"上一年项目数量"}, Count, []Version{V2019}, "items last year"},
	{"delta", "本年增/减", []string{"本年增/减", "本年增减"}, Signed, []Version{V2019}, "change this year"},
	{"decisions", "处理决定数量", []string{"处理决定数量"}, Count, []Version{V2019}, "decisions"},
	{"count", "采购项目数量", []string{"采购项目数量"}, Count, []Version{V2019}, "procurement items"},
	{"amount", "采购总金额", []string{"采购总金额"}, Money, []Version{V2019}, "procurement amount"},
	// V2021
	{"issued", "本年制发件数", []string{"本年制发件数"}, Count, []Version{V2021}, "issued this year"},
	{"repealed", "本年废止件数", []string{"本年废止件数"}, Count, []Version{V2021}, "repealed this year"},
	{"inforce", "现行有效件数", []string{"现行有效件数"}, Count, []Version{V2021}, "in force"},
	{"decisions", "本年处理决定数量", []string{"本年处理决定数量"}, Count, []Version{V2021}, "decisions this year"},
	{"amount_wan", "本年收费金额（单位：万元）", []string{"本年收费金额"}, Money, []Version{V2021}, "fees this year (10,000 yuan)"},
}

// t2Layout lists, per version, the block, row and column keys of table 二
// in template order.
var t2Layout = map[Version][]struct {
	Block string
	Rows  []string
	Cols  []string
}{
	V2019: {
		{"a1", []string{"reg", "norm"}, []string{"made", "newpub", "pubtotal"}},
		{"a5", []string{"lic", "othersvc"}, []string{"prev", "delta", "decisions"}},
		{"a6", []string{"pen", "coer"}, []string{"prev", "delta", "decisions"}},
		{"a8", []string{"fee"}, []string{"prev", "delta"}},
		{"a9", []string{"proc"}, []string{"count", "amount"}},
	},
	V2021: {
		{"a1", []string{"reg", "norm"}, []string{"issued", "repealed", "inforce"}},
		{"a5", []string{"lic"}, []string{"decisions"}},
		{"a6", []string{"pen", "coer"}, []string{"decisions"}},
		{"a8", []string{"fee"}, []string{"amount_wan"}},
	},
}

// Version signals (template-spec §5): normalised labels that only one
// version has. "规范性文件" is deliberately absent (both versions accept it).
var VersionSignals = map[Version][]string{
	V2019: {"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "其他对外管理服务事项", "第二十条第(九)项", "政府集中采购", "采购总金额"},
	V2021: {"本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "逾期未按收费通知"},
}

// FileNameWords are what file names add after the agency, longest first:
// "清凉峰镇2020年报", "某局政府信息公开工作年度报告（2021）".
var FileNameWords = []string{"政府信息公开工作年度报告", "政府信息公开年度报告", "信息公开工作年度报告", "信息公开年报", "年度报告", "年报", "报告", "年度", "年"}

// Title and year patterns.
const (
	TitleSuffix = "政府信息公开工作年度报告"
)

// ChineseDigits maps the digits used in years written in characters.
var ChineseDigits = map[rune]rune{'〇': '0', '零': '0', '○': '0', 'Ｏ': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9'}

// Agency name endings (normalised) by kind of body, for the rule-making
// power check (立法法: 国务院部门, provincial governments and the
// governments of 设区的市 make 规章) and the people's-government checks.
var (
	TownshipEndings    = []string{"镇人民政府", "乡人民政府", "街道办事处", "镇政府", "乡政府", "街道办", "镇", "乡", "街道", "苏木"}
	CountyGovEndings   = []string{"县人民政府", "区人民政府", "旗人民政府", "县政府", "区政府"}
	ProvinceGovNames   = []string{"北京市人民政府", "天津市人民政府", "上海市人民政府", "重庆市人民政府"}
	ProvinceGovEndings = []string{"省人民政府", "自治区人民政府"}
	CityGovEndings     = []string{"市人民政府", "市政府", "州人民政府", "盟行政公署", "地区行政公署"}
	DepartmentEndings  = []string{"办公室", "办公厅", "委员会", "局", "委", "厅", "中心", "所", "站", "队", "院", "处", "署", "办"}
	MinistryMarkers    = []string{"国务院", "中华人民共和国", "国家"}
)

// Aspect is one of the five aspects section 一 of a 2021-format report
// covers, with the words that show it.
type Aspect struct {
	Name  string
	Words []string
}

// FiveAspects returns the five aspects of section 一 (2021 format).
func FiveAspects() []Aspect {
	return []Aspect{
		{"主动公开", []string{"主动公开", "向社会公开", "公开政府信息", "发布政府信息", "累计公开"}},
		{"依申请公开", []string{"依申请公开", "依申请", "申请公开", "公开申请", "答复申请", "申请答复", "申请办理"}},
		{"政府信息管理", []string{"信息管理", "发布审核", "保密审查", "公文公开属性", "规范性文件", "政策解读", "动态更新"}},
		{"政府信息公开平台建设", []string{"平台", "网站", "政务新媒体", "公众号", "公开专栏", "公开栏", "专区", "阅览"}},
		{"监督保障", []string{"监督", "考核", "培训", "督查", "督导", "评议", "保障"}},
	}
}

// ResultWord is a result a people's government reports, and the word that
// shows it.
type ResultWord struct {
	Name, Word string
}

// GovernmentResults returns what article 50(4) asks of governments.
func GovernmentResults() []ResultWord {
	return []ResultWord{{"工作考核", "考核"}, {"社会评议", "评议"}, {"责任追究", "追究"}}
}
