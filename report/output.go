package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/rules"
)

// Formats lists the output formats of Write.
var Formats = []string{"text", "json", "xlsx", "csv", "html", "sarif"}

// FormatOf returns the format of an output file from its extension:
// .txt, .json, .xlsx, .csv, .html (.htm) or .sarif.
func FormatOf(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt":
		return "text", nil
	case ".json":
		return "json", nil
	case ".xlsx":
		return "xlsx", nil
	case ".csv":
		return "csv", nil
	case ".html", ".htm":
		return "html", nil
	case ".sarif":
		return "sarif", nil
	}
	return "", rules.Errorf("%s: cannot tell the format from the extension (want .xlsx, .html, .csv, .sarif, .json or .txt)", path)
}

// Needs says what a batch must keep for the given output formats: how
// much of each report (the findings carry the cells they name; the
// workbook and the HTML page also draw every cell of the tables) and
// whether the district totals are summed (the workbook's 汇总 sheet). It is
// the one place that decides it, for nianbao check and for serve alike.
func Needs(formats ...string) (retain lint.Retain, aggregate bool) {
	retain = lint.RetainFindingCells
	for _, f := range formats {
		if f == "xlsx" || f == "html" {
			retain = lint.RetainCells
		}
		aggregate = aggregate || f == "xlsx"
	}
	return retain, aggregate
}

// Write writes a batch in one format.
func Write(w io.Writer, format string, b *lint.Batch, p *Printer) error {
	switch format {
	case "text":
		return writeText(w, b, p)
	case "json":
		return writeJSON(w, b, p)
	case "csv":
		return writeCSV(w, b, p)
	case "sarif":
		return writeSARIF(w, b, p)
	case "html":
		return HTML(w, b, p, HTMLOptions{})
	case "xlsx":
		return XLSX(w, b, p)
	}
	return fmt.Errorf("unknown format %q", format)
}

// status classifies a file for the summaries: unreadable, errors,
// warnings, infos or clean.
func status(s lint.FileSummary) string {
	if s.Unreadable {
		return "unreadable"
	}
	switch w := s.Worst(); {
	case w == 0:
		return "clean"
	default:
		return w.String()
	}
}

// statusText is the localized status of a file.
func statusText(s lint.FileSummary, p *Printer) string {
	switch status(s) {
	case "unreadable":
		return p.Sprintf(stUnreadable)
	case "error":
		return p.Sprintf(stErrors)
	case "warning":
		return p.Sprintf(stWarnings)
	case "info":
		return p.Sprintf(stInfos)
	}
	return p.Sprintf(stClean)
}

// meta returns what a file says about itself, "" where unknown.
func meta(s lint.FileSummary) (agency, year, template string) {
	agency = s.Agency
	if !s.Unreadable && s.Version != format.VUnknown {
		template = string(s.Version)
	}
	if s.Year != 0 {
		year = fmt.Sprint(s.Year)
	}
	return
}

// unmatchedLines renders last year's reports that matched nothing.
func unmatchedLines(us []lint.PrevReport, p *Printer) []string {
	var out []string
	for _, u := range us {
		out = append(out, p.Sprintf(rules.MsgX1004Prev, u.Path, u.Agency, u.Year))
	}
	return out
}
