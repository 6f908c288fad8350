package rules

// X1004 lists reports that have no report of last year to compare with.
var X1004 = &Rule{
	ID:       "X1004",
	Title:    "A report of last year was found for the agency",
	Doc:      `With --prev, every report is matched to the same body's report of the previous year by the agency name (from the title or, failing that, the file name; full- and half-width forms, white space and a trailing 人民政府 are ignored). A report without a match is listed here and gets no cross-year check; last year's reports that match nothing are listed at the end of the output.`,
	Severity: Info,
	Since:    "0.2.0",
	Driver:   true,
}

// Messages of X1004.
const (
	MsgX1004     = "no report of %s for the previous year was found among the reports given with --prev; the cross-year checks were not run"
	MsgX1004Prev = "last year's report %s (%s, %d) matched no report of this batch"
)
