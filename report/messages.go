package report

// Texts printed by this package.
const (
	sevError   = "error"
	sevWarning = "warning"
	sevInfo    = "info"

	msgSummary    = "files checked: %d; errors: %d, warnings: %d, infos: %d"
	msgClean      = "no problems found"
	msgFix        = "suggestion: change %s from %s to %s"
	msgFixOr      = "or change %s from %s to %s"
	msgRelated    = "%s = %s"
	msgRelatedNo  = "%s is %s"
	msgLine       = "line %d"
	msgAt         = "table %d, row %d, column %d"
	msgTable      = "table %d"
	msgMoreCells  = "and %d more cells"
	msgMoreIssues = "%d more findings not listed (--max-issues)"
	msgDetail     = "detail: %s"
	msgPara       = "paragraph %d"
	msgPage       = "page %d"
	msgOnPage     = "page %d, %s"
	msgWhere      = "%s (%s)"

	stateBlank   = "blank"
	stateNA      = "marked"
	stateText    = "not a number"
	stateMissing = "missing"

	hdrID       = "ID"
	hdrSeverity = "severity"
	hdrTitle    = "title"
	msgSince    = "since %s; default severity %s"
	msgExample  = "Example:"
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
		{msgTable, "第 %d 个表格"},
		{msgMoreCells, "另有 %d 个单元格"},
		{msgMoreIssues, "另有 %d 个问题未列出（--max-issues）"},
		{msgPara, "第 %d 段"},
		{msgPage, "第 %d 页"},
		{msgOnPage, "第 %d 页%s"},
		{msgWhere, "%s（%s）"},
		{stateBlank, "空白"},
		{stateNA, "“/”等符号"},
		{stateText, "非数字"},
		{stateMissing, "缺失"},
		{hdrID, "编号"},
		{hdrSeverity, "级别"},
		{hdrTitle, "说明"},
		{msgSince, "自 %s 版起；默认级别：%s"},
		{msgExample, "示例："},

		// The check page and the serve command (package serve,
		// cmd/nianbao/serve.go), which use the English texts as keys.
		{"Annual report self-check", "年度报告自查"},
		{"Check a draft annual report before submitting it: the sums in the three tables, the cells to fill in, the headings and the dates.",
			"提交前检查年度报告草稿：三张表格的勾稽关系、应填的单元格、标题和日期。"},
		{"Drop the report file here, or click to choose it", "将报告文件拖到这里，或点击选择文件"},
		{"Word or WPS (.docx, .doc, .wps), PDF (.pdf), text (.txt) or web page (.html), at most %s", "Word 或 WPS 文档（.docx、.doc、.wps）、PDF（.pdf）、文本（.txt）或网页（.html），不超过 %s"},
		{"Checking %s…", "正在检查 %s……"},
		{"%s checked.", "已检查 %s。"},
		{"Download the findings (.xlsx)", "下载问题清单（.xlsx）"},
		{"The file is checked in memory on this computer: it is not saved, and it is not sent anywhere else.",
			"文件只在本机内存中检查，不保存，也不发送到其他地方。"},
		{"This page needs JavaScript. Without it, run nianbao check in a terminal.", "本页需要启用 JavaScript；也可以在终端中运行 nianbao check。"},
		{"Cannot reach nianbao serve: is it still running?", "无法连接 nianbao serve，请确认它仍在运行。"},
		{"The check failed: %s", "检查失败：%s"},
		{"Drop one file at a time.", "一次只能拖入一个文件。"},
		{"findings", "问题清单"},
		{"The file is larger than the limit of %s.", "文件超过大小上限 %s。"},
		{"The request is not a file upload (multipart/form-data with the field “file”).", "请求不是文件上传（应为 multipart/form-data，文件放在字段“file”中）。"},
		{"No file received: upload the report in the form field “file”.", "未收到文件：请在表单字段“file”中上传报告。"},
		{"The upload could not be read: %s", "无法读取上传的内容：%s"},
		{"The check took too long and was stopped.", "检查时间过长，已停止。"},
		{"Unknown format %q: use json, xlsx or html.", "未知的格式 %q：可用 json、xlsx 或 html。"},
		{"nianbao could not write the result: %s", "nianbao 无法生成结果：%s"},
		{"The server is busy checking other files: try again in a few seconds.", "服务器正在检查其他文件，请稍等几秒后重试。"},
		{"There is no page %s here.", "这里没有 %s 这个页面。"},
		{"%s cannot be used on %s (use %s).", "%[2]s 不能用 %[1]s 方法访问（可用：%[3]s）。"},
		{"nianbao serve: open %s in a browser; press Ctrl-C to stop", "nianbao serve：请在浏览器中打开 %s ，按 Ctrl-C 停止"},
		{"warning: listening on %s, which other computers can reach: anyone who can connect can upload files to be checked", "警告：正在监听 %s，其他计算机也能访问，任何能连接到本机的人都可以上传文件进行检查"},
		{"nianbao serve: stopped", "nianbao serve：已停止"},
		{"nianbao check page: %s\nClose this window to quit.", "nianbao 检查页面：%s\n关闭此窗口即可退出。"},
		{"the browser could not be opened (%v): open %s in a browser", "无法自动打开浏览器（%v）：请在浏览器中打开 %s"},
		{"Press Enter to close this window.", "按回车键关闭此窗口。"},

		// The inputs of check, lint and extract (cmd/nianbao/inputs.go).
		{"%s: no such file or directory", "找不到 %s：文件或目录不存在"},
		{"- (standard input) must be the only PATH", "“-”（标准输入）只能单独检查，不能与其他路径一起给出"},
		{"--prev cannot be used with - (standard input)", "--prev 不能与“-”（标准输入）一起使用"},
		{"reading a report from standard input (end it with Ctrl-D, or Ctrl-Z and Enter on Windows)", "正在从标准输入读取报告（输入结束请按 Ctrl-D；Windows 中按 Ctrl-Z 后回车）"},
		{"-", "标准输入"},
		{"extract reads files, not - (standard input)", "extract 只读取文件，不读取“-”（标准输入）"},

		{msgDetail, "详情：%s"},

		// Usage and run errors of the command line (cmd/nianbao/app.go).
		{"template: there is no template for report year %d (the years are %d–%d)", "template：没有 %d 年度的模板（可选年度：%d–%d）"},
		{"template: --agency %q cannot stand in a title or a file name (no line breaks, control characters, / or \\)", "template：--agency %q 不能用作标题或文件名（不能含换行、控制字符、/ 或 \\）"},
		{"template: %s: the template is a .docx file; give -o a name ending in .docx", "template：%s：模板是 .docx 文件，-o 的文件名须以 .docx 结尾"},
		{"template: %s exists (use --force to overwrite)", "template：%s 已存在（用 --force 覆盖）"},
		{"--format: unknown format %q (want %s)", "--format：没有 %q 这种格式（可用：%s）"},
		{"%s: no PATH given (try: nianbao %s testdata/seed-2020.txt)", "%s：没有给出要检查的文件或目录（例如：nianbao %s testdata/seed-2020.txt）"},
		{"interrupted; nothing written", "已中断，未写入任何文件"},
		{"interrupted while writing %s; it is left as it was", "写入 %s 时中断；该文件保持原样"},
		{"--format: extract writes json only, not %q", "--format：extract 只输出 json，不能输出 %q"},
		{"explain: give one rule ID (see nianbao rules)", "explain：请给出一个规则编号（见 nianbao rules）"},
		{"explain: no rule %q (see nianbao rules)", "explain：没有 %q 这条规则（见 nianbao rules）"},
		{"--%s: %d is not a positive number", "--%s：%d 不是正数"},
		{"%q is not a size (e.g. 64M)", "%q 不是大小（例如 64M）"},
		{"serve: unexpected argument %q (the page takes the files)", "serve：多余的参数 %q（文件在页面中选择）"},
		{"invalid port %q", "端口 %q 无效"},
		{"host %q is not an IP address or localhost", "主机 %q 不是 IP 地址或 localhost"},
		{"%q is not HOST:PORT (e.g. 127.0.0.1:8765)", "%q 不是 主机:端口（例如 127.0.0.1:8765）"},
		{"--addr %s: the address is in use by another program (another nianbao serve?); choose another port, or 127.0.0.1:0 for any free one", "--addr %s：地址已被其他程序占用（是否已有一个 nianbao serve 在运行？）；请换一个端口，或用 127.0.0.1:0 任选空闲端口"},
		{"missing option %s (see nianbao %s --help)", "缺少选项 %s（见 nianbao %s --help）"},
		{"--lang: unknown language %q (want zh or en)", "--lang：没有 %q 这种语言（可用：zh 或 en）"},
		{"nianbao checking", "nianbao 检查中"},
		{"nianbao %d files/s", "nianbao 每秒 %d 份"},
		{"--fail-on: %v", "--fail-on：%v"},
		{"-o: %v", "-o：%v"},
		{"--prev: %s", "--prev：%s"},
		{"--%s: %v", "--%s：%v"},
		{"--addr: %v", "--addr：%v"},
		{"--max-upload: %v", "--max-upload：%v"},
		{"%s: cannot tell the format from the extension (want .xlsx, .html, .csv, .sarif, .json or .txt)", "%s：无法从扩展名判断格式（可用 .xlsx、.html、.csv、.sarif、.json 或 .txt）"},

		// Errors a user meets on the command line (Printer.Error) and in
		// the configuration (lint/config.go).
		{msgPathError, "%s：%s"},
		{"no such file or directory", "文件或目录不存在"},
		{"permission denied", "没有权限"},
		{"the file exists", "文件已存在"},
		{"the disk is full", "磁盘已满"},
		{"read-only file system", "文件系统只读"},
		{"the address is in use by another program", "地址已被其他程序占用"},
		{"is a directory", "是一个目录"},
		{"the command line", "命令行"},
		{"cannot read the configuration %s: %s", "无法读取配置文件 %s：%s"},
		{"%s, line %d: unknown key %q (the keys are %s)", "%s 第 %d 行：没有 %q 这一项（可用的项：%s）"},
		{"%s: a value of the wrong kind (%s)", "%s：值的类型不对（%s）"},
		{"%s is not valid YAML: %s", "%s 不是有效的 YAML：%s"},
		{"%s, %s: %s", "%s，%s：%s"},
		{"%s, blank: %q is not error, warning or allow", "%s，blank：%q 应为 error、warning 或 allow"},
		{"%s, severity of %s: %s", "%s，%s 的级别：%s"},
		{"%s, aliases: %q names one body only: list two names or more", "%s，aliases：%q 只有一个名称，请列出两个或更多名称"},
		{"%s, year: %d is not a report year", "%s，year：%d 不是报告年度"},

		// nianbao version (cmd/nianbao/version.go).
		{"commit: %s", "提交：%s"},
		{"date: %s", "日期：%s"},
		{"unknown", "未知"},
	}
}

// msgPathError is a system error on a file: the path, then the cause.
const msgPathError = "%s: %s"

// Texts of the batch outputs (xlsx, csv, html).
const (
	hdrFile         = "file"
	hdrAgency       = "agency"
	hdrYear         = "year"
	hdrVersion      = "format version"
	hdrErrors       = "errors"
	hdrWarnings     = "warnings"
	hdrInfos        = "infos"
	hdrStatus       = "status"
	hdrRule         = "rule"
	hdrTable        = "table"
	hdrRow          = "row"
	hdrColumn       = "column"
	hdrCell         = "cell"
	hdrExpected     = "expected"
	hdrActual       = "actual"
	hdrMessage      = "message"
	hdrLocation     = "location"
	hdrSum          = "sum"
	hdrContributing = "reports with a number"
	hdrHaveCell     = "reports with the cell"
	hdrComplete     = "complete"

	stUnreadable = "unreadable"
	stErrors     = "has errors"
	stWarnings   = "warnings only"
	stInfos      = "notes only"
	stClean      = "passed"

	msgYes       = "yes"
	msgNo        = "no"
	msgAggChecks = "Table checks on the sums of %d reports"
	msgAggClean  = "every table check holds on the sums"

	htmlTitle       = "Annual report review"
	htmlFiles       = "Files"
	htmlFindings    = "Findings of the file"
	htmlNoFindings  = "No problems found."
	htmlUnreadable  = "The file could not be read; see the finding above."
	htmlLegend      = "Legend"
	htmlLegendErr   = "cell with an error"
	htmlLegendWarn  = "cell with a warning"
	htmlLegendRel   = "related cell"
	htmlLegendBlank = "blank"
	htmlLegendNA    = "“/” or similar"
	htmlLegendMiss  = "missing"
	htmlLegendText  = "not a number"
	htmlTotals      = "%d files: %d with errors, %d with warnings only, %d passed, %d unreadable"
	htmlPrev        = "Last year's reports not matched"
	htmlBack        = "back to the summary"
	htmlInfo        = "Content"
	htmlFooter      = "Generated by nianbao %s. Blank cells and “/” are never read as 0; sums with such cells are not checked."
	htmlNoTables    = "No table of the format was found."
	xlsxFooter      = "Generated by nianbao %s"
	htmlRelatedN    = "%d related cells"

	aboutTitle     = "About this workbook"
	aboutVersion   = "made by"
	aboutGenerated = "made at"
	aboutInputs    = "inputs"
	aboutFiles     = "files"
	aboutCounts    = "%d files (%d unreadable); %d errors, %d warnings, %d notes"
	aboutSummary   = "One row per file: its agency, year, format version, the number of findings by level and its status. Click a file name to go to its findings."
	aboutFindings  = "One row per finding: the table, row and column of the cell, its key, the expected and the actual value, the message and where it is in the file. The same columns as the CSV output."
	aboutData      = "One row per file, one column per cell of the tables: the cell's name on top, its key under it. Numbers are numbers; blank and missing cells are empty, never 0; “/” and text are kept as written."
	aboutTotal     = "The sum of each cell over the reports that hold a number in it, how many do, and the table checks run on the sums (with --aggregate)."
)

// batchTranslations pairs the texts of the batch outputs with Chinese.
func batchTranslations() [][2]string {
	return [][2]string{
		{sheetSummary, "汇总"},
		{sheetFindings, "问题清单"},
		{sheetData, "数据"},
		{sheetTotal, "合计"},
		{hdrFile, "文件"},
		{hdrAgency, "机关"},
		{hdrYear, "年度"},
		{hdrVersion, "格式版本"},
		{hdrErrors, "错误"},
		{hdrWarnings, "警告"},
		{hdrInfos, "提示"},
		{hdrStatus, "状态"},
		{hdrRule, "规则"},
		{hdrTable, "表"},
		{hdrRow, "行"},
		{hdrColumn, "列"},
		{hdrCell, "单元格"},
		{hdrExpected, "应为"},
		{hdrActual, "实为"},
		{hdrMessage, "说明"},
		{hdrLocation, "位置"},
		{hdrSum, "合计"},
		{hdrContributing, "填有数字的报告数"},
		{hdrHaveCell, "有该单元格的报告数"},
		{hdrComplete, "完整"},
		{stUnreadable, "无法读取"},
		{stErrors, "有错误"},
		{stWarnings, "仅有警告"},
		{stInfos, "仅有提示"},
		{stClean, "通过"},
		{msgYes, "是"},
		{msgNo, "否"},
		{msgAggChecks, "对 %d 份报告合计数的表格核对"},
		{msgAggClean, "合计数的各项表格勾稽关系均成立"},
		{htmlTitle, "年度报告审核"},
		{htmlFiles, "文件"},
		{htmlFindings, "问题"},
		{htmlNoFindings, "未发现问题。"},
		{htmlUnreadable, "文件无法读取，见上方问题。"},
		{htmlLegend, "图例"},
		{htmlLegendErr, "有错误的单元格"},
		{htmlLegendWarn, "有警告的单元格"},
		{htmlLegendRel, "相关单元格"},
		{htmlLegendBlank, "空白"},
		{htmlLegendNA, "“/”等符号"},
		{htmlLegendMiss, "缺失"},
		{htmlLegendText, "非数字"},
		{htmlTotals, "共 %d 个文件：%d 个有错误，%d 个仅有警告，%d 个通过，%d 个无法读取"},
		{htmlPrev, "未匹配的上一年度报告"},
		{htmlBack, "返回汇总"},
		{htmlInfo, "信息内容"},
		{htmlFooter, "由 nianbao %s 生成。空白和“/”从不按 0 计算；涉及这些单元格的合计未核对。"},
		{htmlNoTables, "未找到格式规定的表格。"},
		{xlsxFooter, "由 nianbao %s 生成"},
		{htmlRelatedN, "%d 个相关单元格"},
		{sheetAbout, "说明"},
		{aboutTitle, "关于本工作簿"},
		{aboutVersion, "生成程序"},
		{aboutGenerated, "生成时间"},
		{aboutInputs, "输入"},
		{aboutFiles, "文件"},
		{aboutCounts, "共 %d 个文件（%d 个无法读取）；错误 %d 个，警告 %d 个，提示 %d 个"},
		{aboutSummary, "每个文件一行：机关、年度、格式版本、各级问题数和状态。点击文件名可转到该文件的问题。"},
		{aboutFindings, "每个问题一行：单元格所在的表、行、列及其键，应为值和实为值，说明，以及在文件中的位置。列与 CSV 输出相同。"},
		{aboutData, "每个文件一行，表格的每个单元格一列：上方是单元格名称，下方是它的键。数字按数字保存；空白和缺失的单元格留空，从不记为 0；“/”和文字照原样保留。"},
		{aboutTotal, "每个单元格在填有数字的报告中的合计、填有数字的报告数，以及对合计数的表格核对（使用 --aggregate 时）。"},
	}
}
