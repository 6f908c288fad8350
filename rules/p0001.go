package rules

// P0001 is emitted by the driver for a file it cannot read.
var P0001 = &Rule{
	ID:       "P0001",
	Title:    "File cannot be read",
	Doc:      `The file could not be opened or read as a report: it does not exist, cannot be opened, is a legacy Word 97-2003 (.doc) or WPS (.wps) file, is password-protected, damaged or truncated, larger than the limits, or not text. The message says what to do. No other check runs on such a file; the rest of the batch is checked as usual.`,
	Severity: Error,
	Since:    "0.1.0",
	Driver:   true,
}

// Messages of P0001, chosen by the driver from the error.
const (
	MsgP0001Generic     = "cannot read the file: %s"
	MsgP0001NotFound    = "file not found"
	MsgP0001Permission  = "permission denied: the file cannot be opened"
	MsgP0001Legacy      = "this is a legacy Word 97-2003 (.doc) or WPS (.wps) file: save it as .docx in Word or WPS and try again"
	MsgP0001Encrypted   = "the document is password-protected: remove the password and try again"
	MsgP0001Corrupt     = "the file is damaged or incomplete (%s): open it in Word or WPS, save it again as .docx and try again"
	MsgP0001TooLarge    = "the file exceeds a size limit (%s)"
	MsgP0001Binary      = "this is not a text file: save the report as .docx or as UTF-8 .txt"
	MsgP0001Empty       = "the file is empty or holds only white space: check that the right file was saved"
	MsgP0001Unsupported = "unsupported file type (%s): nianbao reads .docx, .txt and .html"
)
