package rules

import "github.com/nianbao/nianbao/schema"

// C1006 reports rows and columns the format does not have.
var C1006 = &Rule{
	ID:       "C1006",
	Title:    "Rows or columns not in the format",
	Doc:      `A table has a row or column whose label is not in the national format (for example a row a province added, such as 其他主动公开文件), or the same row twice. Such rows and columns are skipped: the rest of the table is still read by its labels. Labels are matched after normalisation (full- and half-width forms, spaces, quote marks) and small misprints are tolerated, so a finding here means the label really differs.`,
	Severity: Warning,
	Since:    "0.1.0",
	Check:    checkUnknownLabels,
}

const (
	msgC1006Row = "%s has a row “%s” that is not in the format; it was not checked"
	msgC1006Col = "%s has a column “%s” that is not in the format; it was not checked"
	msgC1006Dup = "%s has the row “%s” twice; the second one was not read"
)

func checkUnknownLabels(pass *Pass) {
	for _, is := range pass.Report.Issues {
		switch is.Kind {
		case schema.IssueUnknownRow:
			pass.Addf(is.Pos, msgC1006Row, TableRef(is.Table), is.Label)
		case schema.IssueUnknownColumn:
			pass.Addf(is.Pos, msgC1006Col, TableRef(is.Table), is.Label)
		case schema.IssueDuplicateRow:
			pass.Addf(is.Pos, msgC1006Dup, TableRef(is.Table), is.Label)
		}
	}
}
