package report

import (
	"io"

	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/schema"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the workbook (translated: 汇总, 问题清单, 数据, 合计).
const (
	sheetSummary  = "Summary"
	sheetFindings = "Findings"
	sheetData     = "Data"
	sheetTotal    = "Total"
)

// xlsxStyles holds the style IDs of one workbook.
type xlsxStyles struct {
	header, key, num, text, bad, warn, ok, gray, title int
}

func newStyles(f *excelize.File) (xlsxStyles, error) {
	var s xlsxStyles
	border := []excelize.Border{{Type: "bottom", Color: "9AA5B1", Style: 1}}
	defs := []struct {
		dst   *int
		style excelize.Style
	}{
		{&s.header, excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: excelize.Fill{Type: "pattern", Color: []string{"35537A"}, Pattern: 1},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, Border: border}},
		{&s.key, excelize.Style{Font: &excelize.Font{Color: "6B7785", Size: 9}, Fill: excelize.Fill{Type: "pattern", Color: []string{"EEF1F5"}, Pattern: 1}}},
		{&s.num, excelize.Style{NumFmt: 0}},
		{&s.text, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.bad, excelize.Style{Font: &excelize.Font{Color: "9C0006", Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"FFC7CE"}, Pattern: 1}}},
		{&s.warn, excelize.Style{Font: &excelize.Font{Color: "7F5F00"}, Fill: excelize.Fill{Type: "pattern", Color: []string{"FFEB9C"}, Pattern: 1}}},
		{&s.ok, excelize.Style{Font: &excelize.Font{Color: "006100"}, Fill: excelize.Fill{Type: "pattern", Color: []string{"C6EFCE"}, Pattern: 1}}},
		{&s.gray, excelize.Style{Font: &excelize.Font{Color: "FFFFFF"}, Fill: excelize.Fill{Type: "pattern", Color: []string{"7F7F7F"}, Pattern: 1}}},
		{&s.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return s, err
		}
		*d.dst = id
	}
	return s, nil
}

// XLSX writes the review workbook:
//
//   - 汇总: one row per file — file, agency, year, format version, errors,
//     warnings, infos, status (coloured);
//   - 问题清单: one row per finding — file, agency, rule, severity, table,
//     row, column, expected, actual, message;
//   - 数据: one row per file, one column per canonical cell (numbers as
//     numbers, blank and missing cells empty, "/" and text as written);
//   - 合计: the district sums per cell with the number of reports that
//     contributed, then the table checks run on the sums.
//
// Every sheet has a frozen, filterable header. The batch must have been
// run with Options.Aggregate for 合计 to have rows.
func XLSX(w io.Writer, b *lint.Batch, p *Printer) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	names := []string{p.Sprintf(sheetSummary), p.Sprintf(sheetFindings), p.Sprintf(sheetData), p.Sprintf(sheetTotal)}
	if err := f.SetSheetName("Sheet1", names[0]); err != nil {
		return err
	}
	for _, n := range names[1:] {
		if _, err := f.NewSheet(n); err != nil {
			return err
		}
	}
	x := &xlsxWriter{f: f, st: st, p: p}
	x.summary(names[0], b)
	x.findings(names[1], b)
	x.data(names[2], b)
	x.total(names[3], b)
	if x.err != nil {
		return x.err
	}
	// 汇总 is the first sheet and, as Sheet1 was, the active one. (Setting
	// it again would read every streamed sheet back into memory.)
	return f.Write(w)
}

// xlsxWriter keeps the first error, so that the sheet builders read
// straight.
type xlsxWriter struct {
	f   *excelize.File
	st  xlsxStyles
	p   *Printer
	err error
}

func (x *xlsxWriter) check(err error) {
	if x.err == nil && err != nil {
		x.err = err
	}
}

func cell(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// header writes a header row, freezes the rows above and including it,
// sets a filter over it and the rows below, and sets column widths.
func (x *xlsxWriter) header(sheet string, row int, heads []string, widths []float64, lastRow int) {
	vals := make([]any, len(heads))
	for i, h := range heads {
		vals[i] = x.p.Sprintf(h)
	}
	x.check(x.f.SetSheetRow(sheet, cell(1, row), &vals))
	x.check(x.f.SetCellStyle(sheet, cell(1, row), cell(len(heads), row), x.st.header))
	x.check(x.f.SetRowHeight(sheet, row, 30))
	x.check(x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, Split: false, XSplit: 0, YSplit: row,
		TopLeftCell: cell(1, row+1), ActivePane: "bottomLeft"}))
	x.check(x.f.AutoFilter(sheet, cell(1, row)+":"+cell(len(heads), max(lastRow, row+1)), nil))
	// From the last column: each width goes before those set earlier, and
	// a streamed sheet (see stream) writes them in that order, which must
	// be ascending.
	for i := len(widths) - 1; i >= 0; i-- {
		c, _ := excelize.ColumnNumberToName(i + 1)
		x.check(x.f.SetColWidth(sheet, c, c, widths[i]))
	}
	// Printed: landscape, one page wide.
	landscape, one, zero, fit := "landscape", 1, 0, true
	x.check(x.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}))
	x.check(x.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
}

func (x *xlsxWriter) statusStyle(s lint.FileSummary) int {
	switch status(s) {
	case "unreadable":
		return x.st.gray
	case "error":
		return x.st.bad
	case "warning":
		return x.st.warn
	}
	return x.st.ok
}

func yearValue(rep *schema.Report) any {
	if rep == nil || rep.Year == 0 {
		return nil
	}
	return rep.Year
}

func versionValue(rep *schema.Report) any {
	if rep == nil {
		return nil
	}
	return string(rep.Version)
}

func agencyValue(rep *schema.Report) any {
	if rep == nil || rep.Agency == "" {
		return nil
	}
	return rep.Agency
}

func (x *xlsxWriter) summary(sheet string, b *lint.Batch) {
	heads := []string{hdrFile, hdrAgency, hdrYear, hdrVersion, hdrErrors, hdrWarnings, hdrInfos, hdrStatus}
	x.header(sheet, 1, heads, []float64{48, 24, 8, 10, 8, 8, 8, 12}, len(b.Summaries)+1)
	sw := x.stream(sheet)
	if sw == nil {
		return
	}
	x.check(sw.SetRow("A1", x.styled(x.headerValues(heads), x.st.header), excelize.RowOpts{Height: 30}))
	for i, s := range b.Summaries {
		var errs, warns any = s.Errors, s.Warnings
		if s.Errors > 0 {
			errs = excelize.Cell{StyleID: x.st.bad, Value: s.Errors}
		}
		if s.Warnings > 0 {
			warns = excelize.Cell{StyleID: x.st.warn, Value: s.Warnings}
		}
		var agency, year, version any
		if s.Agency != "" {
			agency = s.Agency
		}
		if s.Year != 0 {
			year = s.Year
		}
		if !s.Unreadable {
			version = string(s.Version)
		}
		vals := []any{s.Path, agency, year, version, errs, warns, s.Infos,
			excelize.Cell{StyleID: x.statusStyle(s), Value: statusText(s, x.p)}}
		x.check(sw.SetRow(cell(1, i+2), vals))
	}
	row := len(b.Summaries) + 3
	for _, l := range unmatchedLines(b.PrevUnmatched, x.p) {
		x.check(sw.SetRow(cell(1, row), []any{l}))
		row++
	}
	x.check(sw.Flush())
}

func (x *xlsxWriter) findings(sheet string, b *lint.Batch) {
	heads := []string{hdrFile, hdrAgency, hdrRule, hdrSeverity, hdrTable, hdrRow, hdrColumn, hdrExpected, hdrActual, hdrMessage}
	n := 0
	for _, s := range b.Summaries {
		n += s.Errors + s.Warnings + s.Infos
	}
	x.header(sheet, 1, heads, []float64{40, 20, 8, 8, 8, 36, 14, 8, 8, 90}, n+1)
	sw := x.stream(sheet)
	if sw == nil {
		return
	}
	x.check(sw.SetRow("A1", x.styled(x.headerValues(heads), x.st.header), excelize.RowOpts{Height: 30}))
	row := 2
	x.check(b.Each(func(_ int, r lint.FileResult) error {
		for _, fd := range r.Findings {
			name := schema.CellName{}
			if fd.Cell != "" {
				name = schema.NameOf(fd.Cell, x.p.English())
			}
			style := x.st.ok
			switch fd.Severity {
			case 3:
				style = x.st.bad
			case 2:
				style = x.st.warn
			}
			vals := []any{r.Path, agencyValue(r.Report), fd.Rule, excelize.Cell{StyleID: style, Value: x.p.Severity(fd.Severity)},
				name.Table, name.Row, name.Col, optNum(fd.Expected), optNum(fd.Actual), x.p.Message(fd.Msg)}
			if err := sw.SetRow(cell(1, row), vals); err != nil {
				return err
			}
			row++
		}
		return nil
	}))
	x.check(sw.Flush())
}

// stream returns a stream writer for sheet, whose settings (panes,
// filter, widths, page layout) header has made: the rows written through
// it are encoded at once instead of being kept as cells until the
// workbook is saved, which is what bounds the memory of a large batch.
// The rows header wrote are dropped; write them again. It returns nil
// after an error.
func (x *xlsxWriter) stream(sheet string) *excelize.StreamWriter {
	if x.err != nil {
		return nil
	}
	sw, err := x.f.NewStreamWriter(sheet)
	x.check(err)
	return sw
}

// headerValues translates heads.
func (x *xlsxWriter) headerValues(heads []string) []any {
	vals := make([]any, len(heads))
	for i, h := range heads {
		vals[i] = x.p.Sprintf(h)
	}
	return vals
}

// styled gives every value of vals the style.
func (x *xlsxWriter) styled(vals []any, style int) []any {
	out := make([]any, len(vals))
	for i, v := range vals {
		out[i] = excelize.Cell{StyleID: style, Value: v}
	}
	return out
}

func optNum(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// dataKeys lists the cells of every format met in the batch.
func dataKeys(b *lint.Batch) []string {
	if b.Aggregate != nil {
		return b.Aggregate.Keys
	}
	seen := map[string]bool{}
	var keys []string
	b.Each(func(_ int, r lint.FileResult) error {
		if r.Report == nil {
			return nil
		}
		for _, k := range r.Report.Keys {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
		return nil
	})
	return keys
}

func (x *xlsxWriter) data(sheet string, b *lint.Batch) {
	keys := dataKeys(b)
	heads := []string{hdrFile, hdrAgency, hdrYear, hdrVersion}
	keyRow := []any{nil, nil, nil, nil}
	for _, k := range keys {
		heads = append(heads, x.p.Cell(k))
		keyRow = append(keyRow, k)
	}
	widths := []float64{40, 20, 8, 8}
	for range keys {
		widths = append(widths, 14)
	}
	x.header(sheet, 2, heads, widths, len(b.Summaries)+2)
	sw := x.stream(sheet)
	if sw == nil {
		return
	}
	x.check(sw.SetRow("A1", x.styled(keyRow, x.st.key)))
	x.check(sw.SetRow("A2", x.styled(x.headerValues(heads), x.st.header), excelize.RowOpts{Height: 90}))
	vals := make([]any, 0, len(heads))
	// One report's cells at a time (Batch.Each), each row encoded at once.
	x.check(b.Each(func(i int, r lint.FileResult) error {
		vals = append(vals[:0], r.Path, agencyValue(r.Report), yearValue(r.Report), versionValue(r.Report))
		for _, k := range keys {
			vals = append(vals, cellValueAny(r.Report, k))
		}
		return sw.SetRow(cell(1, i+3), vals)
	}))
	x.check(sw.Flush())
}

// cellValueAny is a cell as the 数据 sheet shows it: a number, the text as
// written for "/" and non-numbers, nothing for blank and missing cells.
func cellValueAny(rep *schema.Report, key string) any {
	if rep == nil {
		return nil
	}
	c, ok := rep.Cells[key]
	if !ok {
		return nil
	}
	switch c.State {
	case schema.StateNumber:
		return c.Value
	case schema.StateNA, schema.StateText:
		return c.Raw
	}
	return nil
}

func (x *xlsxWriter) total(sheet string, b *lint.Batch) {
	a := b.Aggregate
	heads := []string{hdrCell, hdrTable, hdrRow, hdrColumn, hdrSum, hdrContributing, hdrHaveCell, hdrComplete}
	rows := 0
	if a != nil {
		rows = len(a.Keys)
	}
	x.header(sheet, 1, heads, []float64{24, 8, 40, 16, 12, 12, 12, 8}, rows+1)
	if a == nil {
		return
	}
	for i, k := range a.Keys {
		n := schema.NameOf(k, x.p.English())
		var sum any
		if a.Count[k] > 0 {
			sum = a.Sum[k]
		}
		complete := a.Count[k] == a.Want[k]
		vals := []any{k, n.Table, n.Row, n.Col, sum, a.Count[k], a.Want[k], x.p.Sprintf(yesNo(complete))}
		x.check(x.f.SetSheetRow(sheet, cell(1, i+2), &vals))
		if !complete {
			x.check(x.f.SetCellStyle(sheet, cell(5, i+2), cell(8, i+2), x.st.warn))
		}
	}
	// The table checks on the sums, to the right of the sums.
	const c0 = 10
	x.check(x.f.SetCellValue(sheet, cell(c0, 1), x.p.Sprintf(msgAggChecks, a.Files)))
	x.check(x.f.SetCellStyle(sheet, cell(c0, 1), cell(c0+3, 1), x.st.header))
	for i, h := range []string{hdrRule, hdrSeverity, hdrCell, hdrMessage} {
		x.check(x.f.SetCellValue(sheet, cell(c0+i, 2), x.p.Sprintf(h)))
	}
	x.check(x.f.SetCellStyle(sheet, cell(c0, 2), cell(c0+3, 2), x.st.title))
	for i, wd := range []float64{8, 8, 36, 80} {
		c, _ := excelize.ColumnNumberToName(c0 + i)
		x.check(x.f.SetColWidth(sheet, c, c, wd))
	}
	if len(a.Findings) == 0 {
		x.check(x.f.SetCellValue(sheet, cell(c0, 3), x.p.Sprintf(msgAggClean)))
		x.check(x.f.SetCellStyle(sheet, cell(c0, 3), cell(c0+3, 3), x.st.ok))
	}
	for i, fd := range a.Findings {
		vals := []any{fd.Rule, x.p.Severity(fd.Severity), x.p.Cell(fd.Cell), x.p.Message(fd.Msg)}
		x.check(x.f.SetSheetRow(sheet, cell(c0, i+3), &vals))
		x.check(x.f.SetCellStyle(sheet, cell(c0, i+3), cell(c0+1, i+3), x.st.bad))
	}
}

func yesNo(b bool) string {
	if b {
		return msgYes
	}
	return msgNo
}
