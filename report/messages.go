package report

// Texts printed by this package.
const (
	sevError   = "error"
	sevWarning = "warning"
	sevInfo    = "info"

	msgSummary   = "%d files checked: %d errors, %d warnings, %d infos"
	msgClean     = "no problems found"
	msgFix       = "suggestion: change %s from %s to %s"
	msgFixOr     = "or change %s from %s to %s"
	msgRelated   = "%s = %s"
	msgRelatedNo = "%s is %s"
	msgLine      = "line %d"
	msgAt        = "table %d, row %d, column %d"
	msgPara      = "paragraph %d"
	msgWhere     = "%s (%s)"

	stateBlank   = "blank"
	stateNA      = "marked"
	stateText    = "not a number"
	stateMissing = "missing"

	hdrID       = "ID"
	hdrSeverity = "severity"
	hdrTitle    = "title"
	msgSince    = "since %s; default severity %s"
)

// translations pairs each English text above with its Chinese text.
func translations() [][2]string {
	return [][2]string{
		{sevError, "错误"},
		{sevWarning, "警告"},
		{sevInfo, "提示"},
		{msgSummary, "共检查 %d 个文件：%d 个错误，%d 个警告，%d 个提示"},
		{msgClean, "未发现问题"},
		{msgFix, "建议：将 %s 由 %s 改为 %s"},
		{msgFixOr, "或将 %s 由 %s 改为 %s"},
		{msgRelated, "%s = %s"},
		{msgRelatedNo, "%s 为%s"},
		{msgLine, "第 %d 行"},
		{msgAt, "第 %d 个表格第 %d 行第 %d 列"},
		{msgPara, "第 %d 段"},
		{msgWhere, "%s（%s）"},
		{stateBlank, "空白"},
		{stateNA, "“/”等符号"},
		{stateText, "非数字"},
		{stateMissing, "缺失"},
		{hdrID, "编号"},
		{hdrSeverity, "级别"},
		{hdrTitle, "说明"},
		{msgSince, "自 %s 版起；默认级别：%s"},
	}
}
