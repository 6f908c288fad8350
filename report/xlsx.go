package report

import (
	"io"
	"math"
	"strings"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/internal/xlsx"
	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/schema"
)

// Sheet names of the workbook (translated: 汇总, 问题清单, 数据, 合计, 说明).
const (
	sheetSummary  = "Summary"
	sheetFindings = "Findings"
	sheetData     = "Data"
	sheetTotal    = "Total"
	sheetAbout    = "About"
)

// xlsxStyles holds the style IDs of one workbook.
type xlsxStyles struct {
	header, key, bad, warn, ok, gray, title, link, wrap int
	// The same, top-aligned, for the rows of 问题清单, whose texts wrap.
	topKey, topBad, topWarn, topOk int
}

func newStyles(wb *xlsx.Workbook) xlsxStyles {
	key := xlsx.Style{Color: "6B7785", Size: 9, Fill: "EEF1F5"}
	bad := xlsx.Style{Color: "9C0006", Bold: true, Fill: "FFC7CE"}
	warn := xlsx.Style{Color: "7F5F00", Fill: "FFEB9C"}
	ok := xlsx.Style{Color: "006100", Fill: "C6EFCE"}
	top := func(s xlsx.Style) int {
		s.VAlign = "top"
		return wb.Style(s)
	}
	return xlsxStyles{
		header:  wb.Style(xlsx.Style{Bold: true, Color: "FFFFFF", Fill: "35537A", VAlign: "center", Wrap: true, Border: "9AA5B1"}),
		key:     wb.Style(key),
		bad:     wb.Style(bad),
		warn:    wb.Style(warn),
		ok:      wb.Style(ok),
		gray:    wb.Style(xlsx.Style{Color: "FFFFFF", Fill: "7F7F7F"}),
		title:   wb.Style(xlsx.Style{Bold: true, Size: 12}),
		link:    wb.Style(xlsx.Style{Color: "0563C1", Underline: true}),
		wrap:    top(xlsx.Style{Wrap: true}),
		topKey:  top(key),
		topBad:  top(bad),
		topWarn: top(warn),
		topOk:   top(ok),
	}
}

// XLSX writes the review workbook:
//
//   - 汇总: one row per file — file, agency, year, format version, errors,
//     warnings, infos, status (coloured); the file links to its first
//     finding in 问题清单;
//   - 问题清单: one row per finding, the columns of the CSV (findingHeads);
//   - 数据: one row per file, one column per canonical cell (numbers as
//     numbers, blank and missing cells empty, "/" and text as written),
//     the cells' names on top and their keys in the row under them, file
//     and agency frozen at the left;
//   - 合计: the district sums per cell with the number of reports that
//     contributed, then the table checks run on the sums;
//   - 说明: when and by which version the workbook was made, from which
//     inputs, and how to read it.
//
// Every sheet has a frozen, filterable header and prints on A4, landscape
// and one page wide, the header repeated on every page. The sheets are written one after another and each row as it
// is made, the findings and cells of one file at a time (Batch.Each): the
// workbook of a large batch takes no more memory than a small one. The
// batch must have been run with Options.Aggregate for 合计 to have rows.
func XLSX(w io.Writer, b *lint.Batch, p *Printer) error {
	wb := xlsx.New(w)
	x := &xlsxWriter{wb: wb, st: newStyles(wb), p: p}
	for _, sheet := range []func(*lint.Batch) error{x.summary, x.findings, x.data, x.total, x.about} {
		if err := sheet(b); err != nil {
			return err
		}
	}
	return wb.Close()
}

type xlsxWriter struct {
	wb *xlsx.Workbook
	st xlsxStyles
	p  *Printer
}

// sheet starts a sheet whose header is rows 1..headRow: frozen, repeated
// on every printed page, filtered over the header's columns, printed
// landscape.
func (x *xlsxWriter) sheet(name string, headRow, cols int, widths []float64) (*xlsx.Sheet, error) {
	return x.wb.NewSheet(xlsx.SheetOptions{Name: x.p.Sprintf(name), Widths: widths, Freeze: headRow, PrintTitles: headRow,
		FilterRow: headRow, FilterCols: cols, Landscape: true, Footer: x.p.Sprintf(xlsxFooter, Build.Version)})
}

// header translates heads into a row of header cells.
func (x *xlsxWriter) header(heads []string) []xlsx.Cell {
	return x.styled(x.translated(heads), x.st.header)
}

func (x *xlsxWriter) translated(heads []string) []any {
	vals := make([]any, len(heads))
	for i, h := range heads {
		vals[i] = x.p.Sprintf(h)
	}
	return vals
}

// styled gives every value of vals the style.
func (x *xlsxWriter) styled(vals []any, style int) []xlsx.Cell {
	out := make([]xlsx.Cell, len(vals))
	for i, v := range vals {
		out[i] = xlsx.Cell{Value: v, Style: style}
	}
	return out
}

// cellsOf makes cells of vals with the default style.
func cellsOf(vals ...any) []xlsx.Cell {
	out := make([]xlsx.Cell, len(vals))
	for i, v := range vals {
		out[i] = xlsx.Cell{Value: v}
	}
	return out
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

// metaValues are a file's agency, year and format version as cells:
// empty where unknown.
func metaValues(s lint.FileSummary) (agency, year, version any) {
	if s.Agency != "" {
		agency = s.Agency
	}
	if s.Year != 0 {
		year = s.Year
	}
	if _, _, v := meta(s); v != "" {
		version = v
	}
	return
}

func (x *xlsxWriter) summary(b *lint.Batch) error {
	heads := []string{hdrFile, hdrAgency, hdrYear, hdrVersion, hdrErrors, hdrWarnings, hdrInfos, hdrStatus}
	sh, err := x.sheet(sheetSummary, 1, len(heads), []float64{48, 24, 8, 10, 8, 8, 8, 12})
	if err != nil {
		return err
	}
	if err := sh.Row(1, 30, x.header(heads)...); err != nil {
		return err
	}
	// 问题清单 lists every finding of each file in turn, from row 2.
	first := 2
	for i, s := range b.Summaries {
		agency, year, version := metaValues(s)
		row := cellsOf(s.Path, agency, year, version, s.Errors, s.Warnings, s.Infos, statusText(s, x.p))
		if n := s.Errors + s.Warnings + s.Infos; n > 0 {
			sh.Link(i+2, 1, xlsx.Ref(x.p.Sprintf(sheetFindings), 1, first))
			row[0].Style = x.st.link
			first += n
		}
		if s.Errors > 0 {
			row[4].Style = x.st.bad
		}
		if s.Warnings > 0 {
			row[5].Style = x.st.warn
		}
		row[7].Style = x.statusStyle(s)
		if err := sh.Row(i+2, 0, row...); err != nil {
			return err
		}
	}
	for i, l := range unmatchedLines(b.PrevUnmatched, x.p) {
		if err := sh.Row(len(b.Summaries)+3+i, 0, cellsOf(l)...); err != nil {
			return err
		}
	}
	return nil
}

func (x *xlsxWriter) findings(b *lint.Batch) error {
	// Narrow columns, the long texts wrapped: a page of A4 landscape
	// holds the whole row at a size that can be read.
	widths := []float64{26, 14, 6, 7, 6, 6, 22, 10, 14, 7, 7, 52, 18}
	sh, err := x.sheet(sheetFindings, 1, len(findingHeads), widths)
	if err != nil {
		return err
	}
	if err := sh.Row(1, 30, x.header(findingHeads)...); err != nil {
		return err
	}
	row := 2
	return b.Each(func(i int, r lint.FileResult) error {
		agency, year, _ := metaValues(b.Summaries[i])
		for _, fd := range r.Findings {
			name := format.CellName{}
			if fd.Cell != "" {
				name = format.NameOf(fd.Cell, x.p.English())
			}
			style := x.st.topOk
			switch fd.Severity {
			case 3:
				style = x.st.topBad
			case 2:
				style = x.st.topWarn
			}
			var key any
			if fd.Cell != "" {
				key = fd.Cell
			}
			cells := cellsOf(r.Path, agency, year, fd.Rule, x.p.Severity(fd.Severity),
				name.Table, name.Row, name.Col, key, optNum(fd.Expected), optNum(fd.Actual), x.p.Message(fd.Msg), x.p.Pos(fd.Pos))
			lines := 1
			for c := range cells {
				cells[c].Style = x.st.wrap
				if t, ok := cells[c].Value.(string); ok {
					lines = max(lines, wrappedLines(t, widths[c]))
				}
			}
			cells[4].Style = style
			cells[8].Style = x.st.topKey
			// Spreadsheets do not grow a row for wrapped text they did
			// not lay out themselves: the height is set from the text.
			if err := sh.Row(row, 15*float64(lines), cells...); err != nil {
				return err
			}
			row++
		}
		return nil
	})
}

func optNum(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// dataKeys lists the cells of every format met in the batch.
func dataKeys(b *lint.Batch) ([]string, error) {
	if b.Aggregate != nil {
		return b.Aggregate.Keys, nil
	}
	seen := map[string]bool{}
	var keys []string
	err := b.Each(func(_ int, r lint.FileResult) error {
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
	return keys, err
}

func (x *xlsxWriter) data(b *lint.Batch) error {
	keys, err := dataKeys(b)
	if err != nil {
		return err
	}
	// Row 1: the cells' names; row 2: their keys (for formulas and
	// scripts), the filter on it.
	heads := []string{hdrFile, hdrAgency, hdrYear, hdrVersion}
	keyRow := []any{"file", "agency", "year", "version"}
	widths := []float64{40, 20, 8, 8}
	for _, k := range keys {
		heads = append(heads, x.p.Cell(k))
		keyRow = append(keyRow, k)
		widths = append(widths, 14)
	}
	sh, err := x.wb.NewSheet(xlsx.SheetOptions{Name: x.p.Sprintf(sheetData), Widths: widths, Freeze: 2, FreezeCols: 2,
		PrintTitles: 2, FilterRow: 2, FilterCols: len(heads), Landscape: true, Footer: x.p.Sprintf(xlsxFooter, Build.Version)})
	if err != nil {
		return err
	}
	if err := sh.Row(1, 90, x.header(heads)...); err != nil {
		return err
	}
	if err := sh.Row(2, 0, x.styled(keyRow, x.st.key)...); err != nil {
		return err
	}
	row := make([]xlsx.Cell, len(heads))
	// One report's cells at a time (Batch.Each), each row written at once.
	return b.Each(func(i int, r lint.FileResult) error {
		agency, year, version := metaValues(b.Summaries[i])
		row[0], row[1], row[2], row[3] = xlsx.Cell{Value: r.Path}, xlsx.Cell{Value: agency}, xlsx.Cell{Value: year}, xlsx.Cell{Value: version}
		for j, k := range keys {
			row[4+j] = xlsx.Cell{Value: cellValueAny(r.Report, k)}
		}
		return sh.Row(i+3, 0, row...)
	})
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

// total writes 合计: the sums per cell in columns A–H and, from column J,
// the table checks run on the sums. The sheet is small (one row per cell
// key); its rows are put together first, then written in order.
func (x *xlsxWriter) total(b *lint.Batch) error {
	a := b.Aggregate
	heads := []string{hdrCell, hdrTable, hdrRow, hdrColumn, hdrSum, hdrContributing, hdrHaveCell, hdrComplete}
	const c0 = 10 // column J
	sh, err := x.sheet(sheetTotal, 1, len(heads), []float64{24, 8, 40, 16, 12, 12, 12, 8, 0, 8, 8, 36, 80})
	if err != nil {
		return err
	}
	rows := [][]xlsx.Cell{x.header(heads)}
	put := func(row, col int, c xlsx.Cell) {
		for len(rows) < row {
			rows = append(rows, nil)
		}
		for len(rows[row-1]) < col {
			rows[row-1] = append(rows[row-1], xlsx.Cell{})
		}
		rows[row-1][col-1] = c
	}
	if a != nil {
		for i, k := range a.Keys {
			n := format.NameOf(k, x.p.English())
			var sum any
			if a.Count[k] > 0 {
				sum = a.Sum[k]
			}
			complete := a.Count[k] == a.Want[k]
			for j, v := range []any{k, n.Table, n.Row, n.Col, sum, a.Count[k], a.Want[k], x.p.Sprintf(yesNo(complete))} {
				c := xlsx.Cell{Value: v}
				if !complete && j >= 4 {
					c.Style = x.st.warn
				}
				put(i+2, j+1, c)
			}
		}
		put(1, c0, xlsx.Cell{Value: x.p.Sprintf(msgAggChecks, a.Files), Style: x.st.header})
		for j := 1; j < 4; j++ {
			put(1, c0+j, xlsx.Cell{Style: x.st.header})
		}
		for j, h := range []string{hdrRule, hdrSeverity, hdrCell, hdrMessage} {
			put(2, c0+j, xlsx.Cell{Value: x.p.Sprintf(h), Style: x.st.title})
		}
		if len(a.Findings) == 0 {
			put(3, c0, xlsx.Cell{Value: x.p.Sprintf(msgAggClean), Style: x.st.ok})
			for j := 1; j < 4; j++ {
				put(3, c0+j, xlsx.Cell{Style: x.st.ok})
			}
		}
		for i, fd := range a.Findings {
			for j, v := range []any{fd.Rule, x.p.Severity(fd.Severity), x.p.Cell(fd.Cell), x.p.Message(fd.Msg)} {
				c := xlsx.Cell{Value: v}
				if j < 2 {
					c.Style = x.st.bad
				}
				put(i+3, c0+j, c)
			}
		}
	}
	for i, r := range rows {
		height := 0.0
		if i == 0 {
			height = 30
		}
		if err := sh.Row(i+1, height, r...); err != nil {
			return err
		}
	}
	return nil
}

func yesNo(b bool) string {
	if b {
		return msgYes
	}
	return msgNo
}

// about writes 说明: when, by which version and from which inputs the
// workbook was made, the batch's counts, and what each sheet holds.
func (x *xlsxWriter) about(b *lint.Batch) error {
	sh, err := x.wb.NewSheet(xlsx.SheetOptions{Name: x.p.Sprintf(sheetAbout), Widths: []float64{16, 100},
		Footer: x.p.Sprintf(xlsxFooter, Build.Version)})
	if err != nil {
		return err
	}
	var files, errs, warns, infos, unreadable int
	for _, s := range b.Summaries {
		files++
		errs += s.Errors
		warns += s.Warnings
		infos += s.Infos
		if s.Unreadable {
			unreadable++
		}
	}
	version := Build.Version
	if Build.Commit != "" {
		version += " (" + Build.Commit + ")"
	}
	rows := [][2]any{
		{x.p.Sprintf(aboutTitle), nil},
		{x.p.Sprintf(aboutVersion), "nianbao " + version},
	}
	if !x.p.Generated.IsZero() {
		rows = append(rows, [2]any{x.p.Sprintf(aboutGenerated), x.p.Generated.Format("2006-01-02 15:04:05 MST")})
	}
	for i, in := range x.p.Inputs {
		head := any(nil)
		if i == 0 {
			head = x.p.Sprintf(aboutInputs)
		}
		rows = append(rows, [2]any{head, in})
	}
	rows = append(rows,
		[2]any{x.p.Sprintf(aboutFiles), x.p.Sprintf(aboutCounts, files, unreadable, errs, warns, infos)},
		[2]any{nil, nil},
		[2]any{x.p.Sprintf(sheetSummary), x.p.Sprintf(aboutSummary)},
		[2]any{x.p.Sprintf(sheetFindings), x.p.Sprintf(aboutFindings)},
		[2]any{x.p.Sprintf(sheetData), x.p.Sprintf(aboutData)},
		[2]any{x.p.Sprintf(sheetTotal), x.p.Sprintf(aboutTotal)},
	)
	for i, r := range rows {
		style := 0
		if i == 0 {
			style = x.st.title
		}
		if err := sh.Row(i+1, 0, xlsx.Cell{Value: r[0], Style: style}, xlsx.Cell{Value: r[1]}); err != nil {
			return err
		}
	}
	return nil
}

// wrappedLines estimates the lines text takes in a column width characters
// wide: a Chinese character is two characters wide, others one.
func wrappedLines(text string, width float64) int {
	lines := 0
	for _, l := range strings.Split(text, "\n") {
		w := 0.0
		for _, r := range l {
			if r < 0x2E80 {
				w++
			} else {
				w += 2
			}
		}
		lines += max(1, int(math.Ceil(w/(width-1))))
	}
	return lines
}
