package rules

import (
	"strings"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// C1008 checks that section 五 says something.
var C1008 = &Rule{
	ID:       "C1008",
	Title:    "Section 5 states problems and improvements",
	Doc:      `Article 50(4) of the Regulations requires the report to state the main problems of the year's disclosure work and how they are being improved. Section 五 that is empty or only says "无" does not.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "五、存在的主要问题及改进情况\n无。", Good: "五、存在的主要问题及改进情况\n政策解读形式单一……下一步将……"},
	Check:    checkSection5,
	ZH: Texts{
		Title: "第五部分写明存在的问题及改进情况",
		Doc:   `条例第五十条第（四）项要求年度报告写明政府信息公开工作存在的主要问题及改进情况。第五部分为空或只写“无”的，不符合要求。`,
		Messages: []Translation{
			{msgC1008, "“%s”部分没有写明存在的问题和改进情况"},
		},
	},
}

const msgC1008 = "section %s states no problems or improvements"

func checkSection5(pass *Pass) {
	s := pass.Report.Section(5)
	if s == nil {
		return // C1001 reports the missing heading
	}
	if atLeastRunes(s.Text, 8) {
		return // long enough, whatever squeeze and the trim take away
	}
	text := strings.Trim(squeeze(s.Text), "。.；;：:\n")
	if len([]rune(text)) < 8 || text == "无" || text == "暂无" {
		pass.Addf(s.Pos, msgC1008, SectionRef(5))
	}
}

// atLeastRunes reports whether s holds n runes that neither squeeze nor
// checkSection5's trim removes; it stops at the n-th.
func atLeastRunes(s string, n int) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\u3000', '\u00a0', '。', '.', '；', ';', '：', ':', '\n':
			continue
		}
		if n--; n == 0 {
			return true
		}
	}
	return n <= 0
}

// C1009 checks that section 一 of a 2021-format report covers the five
// aspects.
var C1009 = &Rule{
	ID:       "C1009",
	Title:    "Section 1 covers the five aspects (2021 format)",
	Doc:      `The 2021 format asks section 一、总体情况 to summarise five aspects: 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设 and 监督保障. Each is looked for by its words and the words reports use for it (主动公开 also as 向社会公开 or 公开政府信息; 依申请公开 also as 答复申请 or 申请公开; 政府信息管理 as 信息管理, 发布审核, 保密审查, 政策解读; 平台建设 as 平台, 网站, 政务新媒体, 公开专栏; 监督保障 as 监督, 考核, 培训, 督查); those not found are listed.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "一、总体情况 only about 主动公开", Good: "（一）主动公开 （二）依申请公开 （三）政府信息管理 （四）平台建设 （五）监督保障"},
	Check:    checkFiveAspects,
	ZH: Texts{
		Title: "第一部分涵盖五个方面（2021 年版）",
		Doc:   `2021 年版格式要求“一、总体情况”概述五个方面：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障。按各方面的用词及报告常用的说法查找（主动公开也可写作向社会公开、公开政府信息；依申请公开也可写作答复申请、申请公开；政府信息管理：信息管理、发布审核、保密审查、政策解读；平台建设：平台、网站、政务新媒体、公开专栏；监督保障：监督、考核、培训、督查），列出未涉及的方面。`,
		Messages: []Translation{
			{msgC1009, "“%s”部分未涉及：%s"},
		},
	},
}

const msgC1009 = "section %s does not cover: %s"

func checkFiveAspects(pass *Pass) {
	r := pass.Report
	s := r.Section(1)
	if s == nil || r.Version != format.V2021 {
		return
	}
	var missing []string
	for _, a := range format.FiveAspects() {
		found := false
		for _, w := range a.Words {
			found = found || strings.Contains(s.Text, w)
		}
		if !found {
			missing = append(missing, a.Name)
		}
	}
	if len(missing) > 0 {
		pass.Addf(s.Pos, msgC1009, SectionRef(1), strings.Join(missing, "、"))
	}
}

// C1010 checks that section 六 speaks of the processing fee when one was
// charged.
var C1010 = &Rule{
	ID:       "C1010",
	Title:    "Section 6 reports the information processing fee when table 3 shows one",
	Doc:      `When table 3 of a 2021-format report counts applications closed because the applicant did not pay the fee (（六）2. 申请人逾期未按收费通知要求缴纳费用…), fees were charged under the 政府信息公开信息处理费管理办法, and section 六 should report them (the amount, or that none was collected). Not to be confused with table 2's 行政事业性收费.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "（六）2 / 总计 = 1; 六、其他需要报告的事项：无。", Good: "六、……本年度收取信息处理费200元。"},
	Check:    checkFeeReported,
	ZH: Texts{
		Title: "表三有因未缴费不再处理的申请时，第六部分报告信息处理费",
		Doc:   `2021 年版报告表三（六）2“申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”不为 0 时，说明依照《政府信息公开信息处理费管理办法》发出过收费通知，第六部分应报告信息处理费情况（金额或未收取）。注意不要与表二的行政事业性收费混淆。`,
		Messages: []Translation{
			{msgC1010, "表三中有 %s 件申请因逾期未缴费而不再处理，但“%s”部分未提及信息处理费"},
		},
	},
}

const msgC1010 = "table 3 counts %s application(s) closed for an unpaid fee, but section %s does not mention the information processing fee (信息处理费)"

func checkFeeReported(pass *Pass) {
	r := pass.Report
	c := r.Cell("t3.R6_2.TOT")
	s := r.Section(6)
	if !r.R6Split || !c.IsNumber() || c.Value == 0 || s == nil {
		return
	}
	if !strings.Contains(s.Text, "处理费") {
		pass.Add(Finding{Msg: Message{msgC1010, []any{Num(c.Value), SectionRef(6)}}, Cell: c.Key, Pos: s.Pos})
	}
}

// C1011 checks that a people's government reports assessment, appraisal and
// accountability.
var C1011 = &Rule{
	ID:       "C1011",
	Title:    "A government's report gives assessment, appraisal and accountability results",
	Doc:      `Article 50(4) of the Regulations asks people's governments (乡镇、街道 included) to report the results of work assessment (工作考核), public appraisal (社会评议) and accountability (责任追究). The whole text is searched for 考核, 评议 and 追究; the ones not found are listed. Departments are not asked for them. The kind of body is read from the agency name.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "某某镇人民政府 report with no word on 考核", Good: "……纳入年度绩效考核……开展社会评议……未发生责任追究情况"},
	Check:    checkGovernmentResults,
	ZH: Texts{
		Title: "人民政府的报告写明考核、评议、责任追究结果",
		Doc:   `条例第五十条第（四）项要求人民政府（含乡镇、街道）的年度报告写明工作考核、社会评议和责任追究结果。在全文中查找“考核”“评议”“追究”，列出未找到的。部门报告不要求。机关类型根据机关名称判断。`,
		Messages: []Translation{
			{msgC1011, "人民政府的年度报告应写明%s结果，正文中未找到"},
		},
	},
}

const msgC1011 = "a people's government's report should give the results of %s; not found in the text"

// containsJoined reports whether strings.Join(parts, "") contains w,
// without joining them: w is in one part or crosses a boundary, and then
// it lies within len(w)-1 bytes on each side of the last boundary it
// crosses.
func containsJoined(parts []string, w string) bool {
	k := len(w) - 1
	tail := "" // the last k bytes (at most) of the parts so far
	for _, p := range parts {
		if strings.Contains(p, w) || (tail != "" && strings.Contains(tail+p[:min(k, len(p))], w)) {
			return true
		}
		tail += p[max(len(p)-k, 0):]
		tail = tail[max(len(tail)-k, 0):]
	}
	return false
}

func checkGovernmentResults(pass *Pass) {
	if pass.Report.Cut != nil {
		return // most of the text is missing (C1015)
	}
	r := pass.Report
	if !schema.ClassifyAgency(r.Agency).IsGovernment() || len(r.Sections) == 0 {
		return
	}
	parts := make([]string, 0, len(r.Preamble)+len(r.Sections))
	for _, p := range r.Preamble {
		parts = append(parts, p.Text)
	}
	for _, s := range r.Sections {
		parts = append(parts, s.Text)
	}
	var missing []string
	for _, w := range format.GovernmentResults() {
		if !containsJoined(parts, w.Word) {
			missing = append(missing, w.Name)
		}
	}
	if len(missing) > 0 {
		pass.Addf(parser.Pos{File: r.Path}, msgC1011, strings.Join(missing, "、"))
	}
}
