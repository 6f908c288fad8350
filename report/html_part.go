package report

import (
	"io"

	"github.com/nianbao/nianbao/lint"
)

// HTMLLegend writes the legend of the cell colours used by the tables of
// HTMLFile, as the one paragraph (<p class="legend">) that heads the full
// report.
func HTMLLegend(w io.Writer, p *Printer) error {
	return htmlTmpl().ExecuteTemplate(w, "legend", struct {
		L      map[string]string
		Legend []legendItem
	}{labels(p), legend(p)})
}

// HTMLFragment writes what a page that checks one file at a time shows for
// it: the legend, then the file's section as HTMLFile draws it (its
// findings and its three tables, faulty cells highlighted and related
// cells marked), with the element IDs of the first file of a report. The
// markup expects the style sheet of HTMLStyle; it has no script and no
// external reference.
func HTMLFragment(w io.Writer, r lint.FileResult, p *Printer) error {
	if err := HTMLLegend(w, p); err != nil {
		return err
	}
	return HTMLFile(w, r, 0, p)
}
