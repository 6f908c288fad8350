package rules

import "github.com/nianbao/nianbao/schema"

// P0002 reports table layouts that cannot be aligned with the format.
var P0002 = &Rule{
	ID:       "P0002",
	Title:    "Table layout cannot be read",
	Doc:      `A table's header rows could not be read as the format's columns, a row had fewer cells than the columns need, several rows ran into one (no line between them in a PDF), or a table appeared twice. nianbao never shifts numbers into other columns to make a row fit: the row's values are left unread (their cells show as missing) and this finding names the row and what was found. Correct the table's structure against the official template.`,
	Severity: Error,
	Since:    "0.1.0",
	Check:    checkLayout,
	ZH: Texts{
		Title: "表格结构无法读取",
		Doc:   `表格的表头无法按格式识别、某行单元格少于栏目所需、几行合成了一行（PDF 中行间没有分隔线），或同一张表出现两次。nianbao 绝不为了凑齐而把数字移到其他栏目：该行数据不读取（单元格显示为缺失），并报告该行及实际情况。请对照官方模板修正表格结构。`,
		Messages: []Translation{
			{msgP0002Header, "%s的表头无法按标准格式识别，该表数据未读取"},
			{msgP0002Row, "%s“%s”行有 %d 个单元格，应为 %d 个，该行数据未读取"},
			{msgP0002Data, "%s的数据行有 %d 个单元格，应为 %d 个，数据未读取"},
			{msgP0002NoData, "%s没有数据行"},
			{msgP0002Rows, "%s有 %d 行的单元格少于栏目所需，这些行的数据未读取（第一行：“%s”，%d 个单元格，应为 %d 个）；多半是报告复制为文本时丢失了空白单元格，请改用 .docx 检查"},
			{msgP0002Twice, "%s出现了两次，第二个未读取"},
			{msgP0002Merged, "%s的 %d 行合成了一行（“%s”），该行数据未读取；多半是 PDF 或转换后的文本中行间没有分隔线，请对照原文核对"},
		},
	},
}

const (
	msgP0002Header = "the header rows of %s cannot be read as the format's columns; its values were not read"
	msgP0002Row    = "%s row “%s” has %d cells, %d were expected; its values were not read"
	msgP0002Data   = "the data row of %s has %d cells, %d were expected; its values were not read"
	msgP0002NoData = "%s has no data row"
	msgP0002Rows   = "%s: %d rows have fewer cells than the columns need, so their values were not read (the first: “%s”, %d cells for %d); blank cells were probably lost when the report was copied as text: check the .docx instead"
	msgP0002Twice  = "%s appears twice; the second one was not read"
	msgP0002Merged = "%s: %d rows ran into one (“%s”), whose values were not read; most likely no line separates them in the PDF or the converted text: check against the original"
)

// manyRows is the number of unreadable rows of one table from which they
// are reported together: one cause (a layout that lost blank cells) should
// not read as a page of errors.
const manyRows = 3

func checkLayout(pass *Pass) {
	short := map[string][]schema.Issue{} // unreadable rows by table
	merged := map[string]bool{}          // merged rows reported, by position
	for _, is := range pass.Report.Issues {
		if is.Kind == schema.IssueUnreadableRow && is.Found > 0 && !is.Glued {
			short[is.Table] = append(short[is.Table], is)
		}
	}
	for _, is := range pass.Report.Issues {
		t := TableRef(is.Table)
		switch is.Kind {
		case schema.IssueUnreadableHeader:
			pass.Addf(is.Pos, msgP0002Header, t)
		case schema.IssueUnreadableRow:
			if is.Glued {
				continue // P0003
			}
			rows := short[is.Table]
			switch {
			case is.Found == 0:
				pass.Addf(is.Pos, msgP0002NoData, t)
			case is.Label == "":
				pass.Addf(is.Pos, msgP0002Data, t, is.Found, is.Want)
			case len(rows) < manyRows:
				pass.Addf(is.Pos, msgP0002Row, t, is.Label, is.Found, is.Want)
			case rows[0].Pos == is.Pos:
				pass.Addf(is.Pos, msgP0002Rows, t, len(rows), is.Label, is.Found, is.Want)
			}
		case schema.IssueDuplicateTable:
			pass.Addf(is.Pos, msgP0002Twice, t)
		case schema.IssueMergedRows:
			if !merged[is.Pos.String()] {
				merged[is.Pos.String()] = true
				pass.Addf(is.Pos, msgP0002Merged, t, is.Found, is.Label)
			}
		}
	}
}

// P0003 reports a row whose digits ran together in the text and cannot be
// split without guessing.
var P0003 = &Rule{
	ID:       "P0003",
	Title:    "Numbers of a text row cannot be placed without guessing",
	Doc:      `In a text copied from a web page, saved by a crawler or converted from a PDF, the digits of a table row can run together ("规章3147230") or its empty cells be dropped. nianbao splits digits only where the split is forced — one digit per cell, a single number for a one-cell row, a money unit that can only close the last cell — and otherwise leaves the row unread: its cells show as missing and no sum that needs them is checked. The report itself may be right; check the row against the published report or its .docx.`,
	Severity: Warning,
	Since:    "0.2.0",
	Check:    checkGlued,
	ZH: Texts{
		Title: "文本中一行的数字无法不靠猜测对应到栏目",
		Doc:   `从网页复制、由爬虫保存或由 PDF 转换的文本中，表格一行的数字可能连在一起（如“规章3147230”），或丢失了空白单元格。nianbao 只在拆分方式唯一时拆分（每格一位数字、一格一个数、金额单位只能属于最后一格），否则不读取该行：单元格显示为缺失，需要这些单元格的合计不作核对。报告本身可能无误，请对照已发布的报告或其 .docx 核对该行。`,
		Messages: []Translation{
			{msgP0003Row, "%s“%s”行的数字无法不靠猜测对应到 %d 个栏目（数字连在一起或丢失了单元格），该行数据未读取；请对照原文核对"},
			{msgP0003Data, "%s数据行的数字无法不靠猜测对应到 %d 个栏目（数字连在一起或丢失了单元格），该行数据未读取；请对照原文核对"},
		},
	},
}

const (
	msgP0003Row  = "%s row “%s”: its numbers cannot be placed in its %d columns without guessing (digits run together or cells dropped); its values were not read — check them against the published report"
	msgP0003Data = "the data row of %s: its numbers cannot be placed in its %d columns without guessing (digits run together or cells dropped); its values were not read — check them against the published report"
)

func checkGlued(pass *Pass) {
	for _, is := range pass.Report.Issues {
		if is.Kind != schema.IssueUnreadableRow || !is.Glued {
			continue
		}
		want := is.Want
		if is.Label != "" {
			want-- // Want counts the label's cell
			pass.Addf(is.Pos, msgP0003Row, TableRef(is.Table), is.Label, want)
		} else {
			pass.Addf(is.Pos, msgP0003Data, TableRef(is.Table), want)
		}
	}
}
