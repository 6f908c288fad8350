package rules

// X1005 reports two reports of one batch whose texts are near-copies.
var X1005 = &Rule{
	ID:       "X1005",
	Title:    "The text is not a near-copy of another report of the batch",
	Doc:      `The 2021 format names reports whose content is identical to others (雷同) among the failures to be held to account. Within one run, the text of the six sections of every report (without the tables; numbers and white space ignored) is compared with every other report of another agency or year. When 80% or more of a report's text is found in another, the finding names the most similar one, gives the share, how many other reports are near-copies too, and the longest passage in common.`,
	Severity: Warning,
	Since:    "0.2.0",
	Driver:   true,
}

// MsgX1005One is the message of X1005 when one other report is a near-copy.
const MsgX1005One = "%d%% of the text is also in %s; the longest shared passage has %d characters: “%s”"

// MsgX1005 is the message of X1005 when several reports are near-copies.
const MsgX1005 = "%d%% of the text is also in %s (%d other reports of the batch are near-copies); the longest shared passage has %d characters: “%s”"
