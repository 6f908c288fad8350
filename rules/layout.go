package rules

import "github.com/nianbao/nianbao/schema"

// P0002 reports table layouts that cannot be aligned with the format.
var P0002 = &Rule{
	ID:       "P0002",
	Title:    "Table layout cannot be read",
	Doc:      `A table's header rows could not be read as the format's columns, a row had fewer cells than the columns need, or a table appeared twice. nianbao never shifts numbers into other columns to make a row fit: the row's values are left unread (their cells show as missing) and this finding names the row and what was found. Correct the table's structure against the official template.`,
	Severity: Error,
	Since:    "0.1.0",
	Check:    checkLayout,
	ZH: Texts{
		Title: "表格结构无法读取",
		Doc:   `表格的表头无法按格式识别、某行单元格少于栏目所需，或同一张表出现两次。nianbao 绝不为了凑齐而把数字移到其他栏目：该行数据不读取（单元格显示为缺失），并报告该行及实际情况。请对照官方模板修正表格结构。`,
		Messages: []Translation{
			{msgP0002Header, "%s的表头无法按标准格式识别，该表数据未读取"},
			{msgP0002Row, "%s“%s”行有 %d 个单元格，应为 %d 个，该行数据未读取"},
			{msgP0002Data, "%s的数据行有 %d 个单元格，应为 %d 个，数据未读取"},
			{msgP0002NoData, "%s没有数据行"},
			{msgP0002Rows, "%s有 %d 行的单元格少于栏目所需，这些行的数据未读取（第一行：“%s”，%d 个单元格，应为 %d 个）；多半是报告复制为文本时丢失了空白单元格，请改用 .docx 检查"},
			{msgP0002Twice, "%s出现了两次，第二个未读取"},
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
)

// manyRows is the number of unreadable rows of one table from which they
// are reported together: one cause (a layout that lost blank cells) should
// not read as a page of errors.
const manyRows = 3

func checkLayout(pass *Pass) {
	short := map[string][]schema.Issue{} // unreadable rows by table
	for _, is := range pass.Report.Issues {
		if is.Kind == schema.IssueUnreadableRow && is.Found > 0 {
			short[is.Table] = append(short[is.Table], is)
		}
	}
	for _, is := range pass.Report.Issues {
		t := TableRef(is.Table)
		switch is.Kind {
		case schema.IssueUnreadableHeader:
			pass.Addf(is.Pos, msgP0002Header, t)
		case schema.IssueUnreadableRow:
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
		}
	}
}
