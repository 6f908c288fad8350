package rules

// X1002 checks documents in force against last year's report (2021 format).
var X1002 = &Rule{
	ID:       "X1002",
	Title:    "Table 2: documents in force follow from last year's count plus issued minus repealed",
	Doc:      `In the 2021 format, table 2 gives for rules (规章) and normative documents (行政规范性文件) the number issued this year, repealed this year and currently in force (现行有效件数). With --prev, when both this year's and last year's reports use the 2021 format, the number in force should be close to last year's number in force plus this year's issued minus this year's repealed. Documents also lapse when their term ends, so only a gap of more than 10% (and of at least 2 documents) is reported, as a warning.`,
	Severity: Warning,
	Since:    "0.2.0",
	Driver:   true,
}

// MsgX1002 is the message of X1002.
const MsgX1002 = "%s: %s in force, but last year's report (%s) had %s in force, plus %s issued minus %s repealed this year gives %s"
