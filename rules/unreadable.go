package rules

// P0001 is emitted by the driver for a file it cannot read.
var P0001 = &Rule{
	ID:       "P0001",
	Title:    "File cannot be read",
	Doc:      `The file could not be opened or read as a report: it does not exist, cannot be opened, is a .doc or .wps file in a format older than Word 97-2003, is password-protected, damaged or truncated, larger than the limits, not text, or a scanned PDF without a text layer (nianbao does not guess text by OCR). The message says what to do. No other check runs on such a file; the rest of the batch is checked as usual.`,
	Severity: Error,
	Since:    "0.1.0",
	Driver:   true,
	ZH: Texts{
		Title: "文件无法读取",
		Doc:   `文件无法打开或无法作为年度报告读取：文件不存在、无法打开、是早于 Word 97-2003 的 .doc 或 .wps 格式、设有密码、已损坏或不完整、超出大小限制、不是文本，或是没有文字层的扫描件 PDF（nianbao 不做文字识别）。提示信息会说明处理办法。此类文件不做其他检查，批量中的其他文件照常检查。`,
		Messages: []Translation{
			{MsgP0001Generic, "无法读取文件"},
			{MsgP0001NotFound, "文件不存在"},
			{MsgP0001Permission, "没有读取权限，无法打开文件"},
			{MsgP0001Legacy, "这个 .doc/.wps 文件不是 Word 97-2003 格式（可能是早期 WPS 或 Word 6.0/95 的文件），无法读取：请在 WPS 或 Word 中另存为 .docx 后重试"},
			{MsgP0001Encrypted, "文档设有密码：请去除密码后重试"},
			{MsgP0001Corrupt, "文件已损坏或不完整：请用 Word 或 WPS 打开，重新另存为 .docx 后重试"},
			{MsgP0001WordXML, "这个文件（%s）实际是 Word XML 格式（办公系统常导出这种“Word”文件），nianbao 不读取：请在 Word 或 WPS 中打开，另存为 .docx 后重试"},
			{MsgP0001Scanned, "扫描件，没有文字层，无法读取：请检查报告的 Word（.docx）原件、网页或可复制文字的 PDF"},
			{MsgP0001PDFCorrupt, "PDF 文件已损坏、不完整或不是 PDF：请重新下载或重新导出 PDF 后重试"},
			{MsgP0001Internal, "nianbao 读取此文件时出错（程序内部错误）：请将此文件和 --verbose 的输出反馈给维护人员"},
			{MsgP0001TooLarge, "文件超出读取限制：请确认这是报告文件（--verbose 显示详情）"},
			{MsgP0001FileBytes, "文件大于 %s %s，超出读取上限（--max-file-size），未读取"},
			{MsgP0001Inflated, ".docx 解压后大于 %s %s，超出读取上限（--max-inflated），未读取"},
			{MsgP0001Cells, "读取已停止：表格单元格超过 %d 个（上限，见 --max-cells），不像年度报告"},
			{MsgP0001Depth, "读取已停止：元素嵌套超过 %d 层（上限，见 --max-depth），不像年度报告"},
			{MsgP0001Ratio, ".docx 的压缩比超过 %d 倍，远超正常文档（可能是“压缩炸弹”），未解压读取（上限，见 --max-ratio）：请用 Word 或 WPS 打开，重新另存为 .docx 后重试"},
			{MsgP0001Rows, "读取已停止：表格超过 %d 行（上限，见 --max-rows），不像年度报告"},
			{MsgP0001Tables, "读取已停止：表格超过 %d 张（上限，见 --max-tables），不像年度报告"},
			{MsgP0001LineBytes, "读取已停止：有一行超过 %s %s（上限，见 --max-line-size），年度报告不会有这样长的行"},
			{MsgP0001Lines, "读取已停止：文本超过 %d 行（上限，见 --max-lines），不像年度报告"},
			{MsgP0001Elements, "读取已停止：网页或文档超过 %d 个元素（上限，见 --max-elements），不像年度报告"},
			{MsgUnitBytes, "字节"},
			{MsgP0001Binary, "不是文本文件：请将报告保存为 .docx 或 UTF-8 编码的 .txt"},
			{MsgP0001Empty, "文件为空或只有空白：请确认保存的是报告文件"},
			{MsgP0001Unsupported, "不支持的文件类型（%s）：nianbao 可读取 .docx、.doc、.wps、.rtf、.pdf、.txt 和 .html"},
		},
	},
}

// Messages of P0001, chosen by the driver from the error.
const (
	MsgP0001Generic     = "cannot read the file"
	MsgP0001NotFound    = "file not found"
	MsgP0001Permission  = "permission denied: the file cannot be opened"
	MsgP0001Legacy      = "this .doc or .wps file is not in the Word 97-2003 format (it may be an early WPS or Word 6.0/95 file) and cannot be read: save it as .docx in WPS or Word and try again"
	MsgP0001Encrypted   = "the document is password-protected: remove the password and try again"
	MsgP0001Corrupt     = "the file is damaged or incomplete: open it in Word or WPS, save it again as .docx and try again"
	MsgP0001WordXML     = "this file (%s) is in fact a Word XML file (office systems often export such \"Word\" files), which nianbao does not read: open it in Word or WPS, save it as .docx and try again"
	MsgP0001Scanned     = "a scanned document without a text layer cannot be read: check the report's Word (.docx) original, its web page or a PDF whose text can be copied"
	MsgP0001PDFCorrupt  = "the PDF is damaged, incomplete or not a PDF at all: download or export it again and try again"
	MsgP0001Internal    = "nianbao failed while reading this file (an internal error): please send the file and the output of --verbose to the maintainers"
	MsgP0001TooLarge    = "the file exceeds a read limit: check that this is the report (--verbose shows the detail)"
	MsgP0001FileBytes   = "the file is larger than %s %s, the most that is read (--max-file-size): not read"
	MsgP0001Inflated    = "the .docx unpacks to more than %s %s, the most that is read (--max-inflated): not read"
	MsgP0001Cells       = "reading stopped: more than %d table cells (the limit, see --max-cells); this is no annual report"
	MsgP0001Depth       = "reading stopped: elements nested deeper than %d levels (the limit, see --max-depth); this is no annual report"
	MsgP0001Ratio       = "the .docx is compressed more than %d to 1, far more than a document can be (a possible zip bomb), and was not unpacked (the limit, see --max-ratio): open it in Word or WPS, save it again as .docx and try again"
	MsgP0001Rows        = "reading stopped: more than %d table rows (the limit, see --max-rows); this is no annual report"
	MsgP0001Tables      = "reading stopped: more than %d tables (the limit, see --max-tables); this is no annual report"
	MsgP0001LineBytes   = "reading stopped: a line is longer than %s %s (the limit, see --max-line-size); no annual report has such a line"
	MsgP0001Lines       = "reading stopped: more than %d lines of text (the limit, see --max-lines); this is no annual report"
	MsgP0001Elements    = "reading stopped: more than %d elements in the page or document (the limit, see --max-elements); this is no annual report"
	MsgP0001Binary      = "this is not a text file: save the report as .docx or as UTF-8 .txt"
	MsgP0001Empty       = "the file is empty or holds only white space: check that the right file was saved"
	MsgP0001Unsupported = "unsupported file type (%s): nianbao reads .docx, .doc, .wps, .rtf, .pdf, .txt and .html"

	// MsgUnitBytes is the unit of a size under 1 KB, a phrase argument of
	// the size messages (see lint.SizeArgs); KB, MB and GB read the same
	// in both languages.
	MsgUnitBytes = "bytes"
)
