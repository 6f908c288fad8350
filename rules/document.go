package rules

import (
	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// The rules of this file say what the document is before anything else is
// worth saying: not a report at all (C1013), or the blank template (C1014).
// Each is one finding that stands for the many the other rules would make
// of such a document, which it supersedes.

// C1013 reports a document that is not an annual report.
var C1013 = &Rule{
	ID:       "C1013",
	Title:    "The document is an annual report on government information disclosure",
	Doc:      `A report has the six numbered sections and the three tables of the national format. A document in which none of the six headings and none of the three tables can be found is not such a report (another document, or a file saved under the wrong name): it is reported once, instead of six missing sections, three missing tables and an unknown format version.`,
	Severity: Error,
	Since:    "0.3.0",
	Example:  Example{Bad: "关于召开2023年度工作会议的通知……", Good: "某某镇人民政府2023年政府信息公开工作年度报告 一、总体情况 ……"},
	Requires: documentRules(),
	Check:    checkIsReport,
	ZH: Texts{
		Title: "文件是政府信息公开工作年度报告",
		Doc:   `年度报告有国家格式规定的六个部分和三张表格。文件中六个部分的标题和三张表格都找不到时，它不是年度报告（其他文件，或保存时用错了文件名）：只报告一次，不再报告缺少六个部分、缺少三张表格和无法识别格式版本。`,
		Messages: []Translation{
			{msgC1013, "不是政府信息公开工作年度报告：未找到六个部分的标题，也未找到三张表格中的任何一张"},
		},
	},
}

const msgC1013 = "this is not an annual report on government information disclosure: none of the six section headings and none of the three tables were found"

func checkIsReport(pass *Pass) {
	r := pass.Report
	if len(r.Sections) > 0 || len(r.Tables) > 0 {
		return
	}
	pass.Add(Finding{Msg: Message{Format: msgC1013}, Pos: parser.Pos{File: r.Path}, Supersedes: everything(pass)})
}

// C1014 reports tables that hold no number at all: the blank template.
var C1014 = &Rule{
	ID:       "C1014",
	Title:    "The tables are filled in",
	Doc:      `A report whose tables hold no number at all is the blank template, or a draft sent before the figures were entered. It is an error whatever the blank-cell setting (blank:), and it is reported once instead of the blank cells of each table and the placeholder texts of the sections.`,
	Severity: Error,
	Since:    "0.3.0",
	Example:  Example{Bad: "表二、表三、表四 every cell empty", Good: "the figures of the year entered"},
	Requires: documentRules(),
	Check:    checkFilled,
	ZH: Texts{
		Title: "表格已填写",
		Doc:   `三张表格中没有任何数字的报告是空白模板，或者是填入数字前发出的草稿。无论空白单元格如何设置（blank:），都报告为错误；只报告一次，不再逐表报告空白单元格和各部分的占位文字。`,
		Messages: []Translation{
			{msgC1014, "表格中没有填写任何数字：这是空白模板，或是尚未填写数字的草稿"},
		},
	},
}

const msgC1014 = "the tables hold no number at all: this is the blank template, or a draft without its figures"

func checkFilled(pass *Pass) {
	r := pass.Report
	if len(r.Tables) == 0 {
		return // C1002 or C1013 says so
	}
	for _, c := range r.Cells {
		if c.State == schema.StateNumber {
			return
		}
	}
	pass.Add(Finding{Msg: Message{Format: msgC1014}, Pos: r.Tables[firstTable(r)], Supersedes: everything(pass)})
}

// firstTable returns the key of the first of the report's tables in
// document order.
func firstTable(r *schema.Report) string {
	first := ""
	for _, t := range []string{format.T2, format.T3, format.T4} {
		p, ok := r.Tables[t]
		if !ok {
			continue
		}
		if q := r.Tables[first]; first == "" || p.Line < q.Line || p.Line == q.Line && p.Table < q.Table {
			first = t
		}
	}
	return first
}

// C1015 reports a text that stops part-way.
var C1015 = &Rule{
	ID:       "C1015",
	Title:    "The text is whole",
	Doc:      `A text that ends inside table 2 or table 3, before the table's last row, was cut short (a download or a copy that stopped); one that begins with table 2 or table 3, without its first rows and with nothing before it, was taken from the middle of a report (one page of a PDF, a partial copy). What is present is read and checked; the rows, tables and sections after the cut (before the start) are reported once, here, instead of one by one as missing, and the checks that read the end of the text (the date, the results a government reports) are not run.`,
	Severity: Error,
	Since:    "0.3.0",
	Example:  Example{Bad: "…（四）无法提供 1.本机关不掌握相关政府信息 746 12 0 0 10 1 769 (end of the file)", Good: "the whole report, to 六、其他需要报告的事项 and the date"},
	Check:    checkWhole,
	ZH: Texts{
		Title: "文本完整",
		Doc:   `文本在表二或表三中、表格最后一行之前结束，说明下载或复制不完整；文本以缺少开头几行的表二或表三开始、之前没有任何内容，说明取自报告中间（PDF 的某一页、复制了一部分）。已有的部分照常读取和核对；中断处之后（开始处之前）的行、表格和部分只在此报告一次，不再逐项报告缺失，读取文本结尾的检查（日期、人民政府应报告的结果）也不进行。`,
		Messages: []Translation{
			{msgC1015, "文本在%s“%s”行之后中断：其后的行、表格和部分都不在文本中，未作检查；请取得完整的报告"},
			{msgC1015Head, "文本在%s的表头之后中断：其后的行、表格和部分都不在文本中，未作检查；请取得完整的报告"},
			{msgC1015Start, "文本从%s的“%s”行开始：此前的标题、部分、表格和行都不在文本中，未作检查；请取得完整的报告"},
		},
	},
}

const (
	msgC1015      = "the text stops in %s after row “%s”: the rows, tables and sections after it are not in the text and were not checked; get the whole report"
	msgC1015Head  = "the text stops after the header of %s: the rows, tables and sections after it are not in the text and were not checked; get the whole report"
	msgC1015Start = "the text starts in %s at row “%s”: the title, sections, tables and rows before it are not in the text and were not checked; get the whole report"
)

func checkWhole(pass *Pass) {
	if s := pass.Report.Start; s != nil {
		pass.Addf(s.Pos, msgC1015Start, TableRef(s.Table), RowRef(s.Row))
	}
	c := pass.Report.Cut
	switch {
	case c == nil:
	case c.Row == "":
		pass.Addf(c.Pos, msgC1015Head, TableRef(c.Table))
	default:
		pass.Addf(c.Pos, msgC1015, TableRef(c.Table), RowRef(c.Row))
	}
}

// documentRules are the rules whose findings C1013 and C1014 stand for:
// those about the sections, the tables, their cells and the metadata.
func documentRules() []*Rule {
	return []*Rule{C1001, C1002, C1003, C1004, C1008, C1009, C1010, C1011, C1012, M1001, M1002, M1003, M1004}
}

// everything names every finding of the rules pass requires.
func everything(pass *Pass) []Ref {
	var refs []Ref
	for _, q := range pass.rule.Requires {
		for _, f := range pass.ResultOf[q] {
			refs = append(refs, Ref{q, f.Cell})
		}
	}
	return refs
}
