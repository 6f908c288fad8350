package rules

// X1005 reports two reports of one batch whose texts are near-copies.
var X1005 = &Rule{
	ID:       "X1005",
	Title:    "The text is not a near-copy of another report of the batch",
	Doc:      `The 2021 format names reports whose content is identical to others (雷同) among the failures to be held to account. Within one run, the text of the six sections of every report (without the tables; numbers and white space ignored) is compared with every other report of another agency or year. When 80% or more of a report's text is found in another, the finding names the most similar one, gives the share, how many other reports are near-copies too, and the longest passage in common.`,
	Severity: Warning,
	Since:    "0.2.0",
	Driver:   true,
	ZH: Texts{
		Title: "文字与本批其他报告不雷同",
		Doc:   `2021 年版格式把内容与其他报告雷同列为应予追责的情形之一。同一次检查中，每份报告六个部分的文字（不含表格，忽略数字和空白）与其他机关或其他年度的每份报告比较；某份报告的文字有 80% 以上见于另一份报告时报告，给出最相似的报告、相同比例、另有几份报告雷同，以及最长的相同段落。`,
		Messages: []Translation{
			{MsgX1005One, "文字有 %d%% 也出现在 %s 中；最长的相同段落有 %d 字：“%s”"},
			{MsgX1005, "文字有 %d%% 也出现在 %s 中（本批另有 %d 份报告与之雷同）；最长的相同段落有 %d 字：“%s”"},
		},
	},
}

// MsgX1005One is the message of X1005 when one other report is a near-copy.
const MsgX1005One = "%d%% of the text is also in %s; the longest shared passage has %d characters: “%s”"

// MsgX1005 is the message of X1005 when several reports are near-copies.
const MsgX1005 = "%d%% of the text is also in %s (%d other reports of the batch are near-copies); the longest shared passage has %d characters: “%s”"
