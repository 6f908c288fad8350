package rules

// X1001 compares this year's carried-in applications with last year's
// carried-over ones. The batch driver emits it (--prev); it has no Check.
var X1001 = &Rule{
	ID:       "X1001",
	Title:    "Table 3: carried in from last year = last year's carried over to next year, per column",
	Doc:      `Applications that a body carried over to the next year (table 3, row 4, 结转下年度继续办理) in last year's report are the applications it carries in this year (table 3, row 2, 上年结转政府信息公开申请数量). With --prev, each report is matched to the same body's report of the previous year (by the agency name in the title or, failing that, in the file name) and every column where both cells are numbers is compared. A difference usually means one of the two reports is wrong; institutional reform or a corrected report of last year can explain it, so this is a warning.`,
	Severity: Warning,
	Since:    "0.2.0",
	Driver:   true,
}

// MsgX1001 is the message of X1001.
const MsgX1001 = "column %s: carried in from last year is %s, but last year's report (%s) carried over %s to this year"
