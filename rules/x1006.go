package rules

// X1006 reports two files of one batch for the same agency and year.
var X1006 = &Rule{
	ID:       "X1006",
	Title:    "One report per agency and year",
	Doc:      `Within one run, two files whose agency (normalised as for --prev) and report year are the same are usually a duplicate submission or a report saved twice under different names. Each file names the other ones.`,
	Severity: Warning,
	Since:    "0.2.0",
	Driver:   true,
}

// MsgX1006 is the message of X1006.
const MsgX1006 = "another report of %s for %d: %s"
