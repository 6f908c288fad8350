package rules

import (
	"regexp"
	"sync"

	"github.com/nianbao/nianbao/schema"
)

// The figures for applications stated in the narrative (N1001–N1004).

// A clause gap: characters other than digits and clause punctuation.
const gap = `[^\d，。；,;：:（）()]`

// N1001 checks the number of new applications stated in the text.
var N1001 = &Rule{
	ID:       "N1001",
	Title:    "Narrative: new applications agree with table 3",
	Doc:      `A figure of applications received stated in sections 1, 3 or 4 ("全年收到申请公开事项1件", "新收政府信息公开申请12件", "共受理申请3119件") must equal table 3's 一、本年新收政府信息公开申请数量 / 总计. For 收到 and 受理 the sum with the applications carried in from last year is also accepted, since reports use both. Only unambiguous phrasings are read: a false alarm costs more than a miss.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "正文：全年共收到政府信息公开申请13件；表三 本年新收 / 总计 = 12", Good: "正文：全年共收到政府信息公开申请12件"},
	Check:    func(pass *Pass) { checkFigures(pass, findFigures(pass.Report, pass.sentences(1, 3, 4), newPatterns)) },
	ZH: Texts{
		Title:    "正文：新收申请数与表三一致",
		Doc:      `第一、三、四部分正文中的收到申请数（“全年收到申请公开事项1件”“新收政府信息公开申请12件”“共受理申请3119件”）应等于表三“一、本年新收政府信息公开申请数量 / 总计”。对“收到”“受理”，也接受与上年结转数之和，因为报告两种写法都有。只读取没有歧义的写法：误报的代价高于漏报。`,
		Messages: narrativeMessages,
	},
}

var newPatterns = []claimPattern{
	{re: sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`新收` + gap + `{0,12}?申请` + gap + `{0,6}?(?:共计?|总计|合计)?(\d+)(?:件|条)`)
	}), cells: fixed("t3.NEW.TOT"), whole: true},
	{re: sync.OnceValue(func() *regexp.Regexp {
		// "申请3条" is also written for applications.
		return regexp.MustCompile(`(?:收到|受理|接到|接收)` + gap + `{0,12}?申请(?:公开)?(?:事项)?(?:共计?|总计|合计)?(\d+)(?:件|条)`)
	}),
		cells: func(*schema.Report, []string) ([]string, []string) {
			return []string{"t3.NEW.TOT"}, []string{"t3.NEW.TOT", "t3.CARRY_IN.TOT"}
		}, whole: true},
	{re: sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:收到|受理|接到|接收)` + gap + `{0,8}?(?:共计?|总计|合计)(\d+)件`)
	}), needs: "申请",
		cells: func(*schema.Report, []string) ([]string, []string) {
			return []string{"t3.NEW.TOT"}, []string{"t3.NEW.TOT", "t3.CARRY_IN.TOT"}
		}, whole: true},
}

// N1002 checks the applications carried in from last year.
var N1002 = &Rule{
	ID:       "N1002",
	Title:    "Narrative: applications carried in agree with table 3",
	Doc:      `A figure of applications carried in from last year stated in the text ("上年结转3件", "含上年度结转34件") must equal table 3's 二、上年结转政府信息公开申请数量 / 总计.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "正文：含上年度结转4件；表三 上年结转 / 总计 = 3", Good: "正文：含上年度结转3件"},
	Check: func(pass *Pass) {
		checkFigures(pass, findFigures(pass.Report, pass.sentences(1, 3, 4), carryInPatterns))
	},
	ZH: Texts{
		Title:    "正文：上年结转数与表三一致",
		Doc:      `正文中的上年结转申请数（“上年结转3件”“含上年度结转34件”）应等于表三“二、上年结转政府信息公开申请数量 / 总计”。`,
		Messages: narrativeMessages,
	},
}

// N1003 checks the applications handled.
var N1003 = &Rule{
	ID:       "N1003",
	Title:    "Narrative: applications answered agree with table 3",
	Doc:      `A figure of applications answered or concluded stated in the text ("办结12件", "答复3050件", "已全部办结…共11件") must equal table 3's （七）总计 / 总计, the number of applications handled this year.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "正文：已答复12件；表三 （七）总计 / 总计 = 11", Good: "正文：已答复11件"},
	Check: func(pass *Pass) {
		checkFigures(pass, findFigures(pass.Report, pass.sentences(1, 3, 4), handledPatterns))
	},
	ZH: Texts{
		Title:    "正文：办结答复数与表三一致",
		Doc:      `正文中的办结、答复申请数（“办结12件”“答复3050件”）应等于表三“（七）总计 / 总计”，即本年度办理的申请数。`,
		Messages: narrativeMessages,
	},
}

// N1004 checks the applications carried over to next year.
var N1004 = &Rule{
	ID:       "N1004",
	Title:    "Narrative: applications carried over agree with table 3",
	Doc:      `A figure of applications carried over to next year stated in the text ("结转下年度继续办理2件", "另有103件顺延至下一年度") must equal table 3's 四、结转下年度继续办理 / 总计.`,
	Severity: Warning,
	Since:    "0.2.0",
	Example:  Example{Bad: "正文：另有3件结转下年度办理；表三 结转下年度 / 总计 = 2", Good: "正文：另有2件结转下年度办理"},
	Check: func(pass *Pass) {
		checkFigures(pass, findFigures(pass.Report, pass.sentences(1, 3, 4), carryOutPatterns))
	},
	ZH: Texts{
		Title:    "正文：结转下年度数与表三一致",
		Doc:      `正文中的结转下年度申请数（“结转下年度继续办理2件”“另有103件顺延至下一年度”）应等于表三“四、结转下年度继续办理 / 总计”。`,
		Messages: narrativeMessages,
	},
}

var (
	carryInPatterns = []claimPattern{
		{re: sync.OnceValue(func() *regexp.Regexp {
			return regexp.MustCompile(`上一?年度?结转(?:的|过来的)?(?:政府信息公开)?(?:申请)?(?:共计?)?(\d+)件`)
		}), cells: fixed("t3.CARRY_IN.TOT"), whole: true},
	}
	handledPatterns = []claimPattern{
		{re: sync.OnceValue(func() *regexp.Regexp {
			return regexp.MustCompile(`(?:办结|答复|办理完毕|处理完毕)(?:政府信息公开)?(?:申请)?(?:共计?|总计|合计)?(\d+)件`)
		}), needs: "申请", cells: fixed("t3.R7.TOT"), whole: true},
	}
	carryOutPatterns = []claimPattern{
		{re: sync.OnceValue(func() *regexp.Regexp {
			return regexp.MustCompile(`(?:结转|顺延|转入)(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:申请)?(?:共计?)?(\d+)件`)
		}), cells: fixed("t3.CARRY_OUT.TOT"), whole: true},
		{re: sync.OnceValue(func() *regexp.Regexp {
			return regexp.MustCompile(`(?:另有|尚有|还有)(\d+)件(?:申请)?(?:顺延|结转|转入下)`)
		}), cells: fixed("t3.CARRY_OUT.TOT"), whole: true},
	}
)
