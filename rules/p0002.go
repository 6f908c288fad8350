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
}

const (
	msgP0002Header = "the header rows of %s cannot be read as the format's columns; its values were not read"
	msgP0002Row    = "%s row “%s” has %d cells, %d were expected; its values were not read"
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
