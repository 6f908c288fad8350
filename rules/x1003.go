package rules

// X1003 reports a narrative that repeats last year's.
var X1003 = &Rule{
	ID:       "X1003",
	Title:    "The text is not a near-copy of last year's report",
	Doc:      `The 2021 format names reports whose content is identical to others (雷同) among the failures to be held to account, and evaluations found reports repeating last year's text at rates up to 90%. With --prev, the text of the six sections (without the tables; numbers and white space ignored) is compared with the same body's report of the previous year. When 80% or more of this year's text is found in last year's, the finding gives the share and the longest passage the two have in common.`,
	Severity: Warning,
	Since:    "0.2.0",
	Driver:   true,
}

// MsgX1003 is the message of X1003.
const MsgX1003 = "%d%% of the text repeats last year's report (%s); the longest shared passage has %d characters: “%s”"
