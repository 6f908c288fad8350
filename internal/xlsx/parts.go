package xlsx

import (
	"bufio"
	"fmt"
	"strings"
)

const header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

func (wb *Workbook) contentTypes(w *bufio.Writer) {
	w.WriteString(header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`)
	for i := range wb.sheets {
		fmt.Fprintf(w, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
	}
	w.WriteString(`</Types>`)
}

func (wb *Workbook) workbook(w *bufio.Writer) {
	w.WriteString(header + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, s := range wb.sheets {
		fmt.Fprintf(w, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, attr(s.Name), i+1, i+1)
	}
	w.WriteString(`</sheets>`)
	// Excel keeps each sheet's filter range under this hidden name.
	var names []string
	for i, s := range wb.sheets {
		if s.FilterRow > 0 && s.FilterCols > 0 {
			ref := fmt.Sprintf("$A$%d:$%s$%d", s.FilterRow, ColumnName(s.FilterCols), max(wb.lastRows[i], s.FilterRow+1))
			names = append(names, fmt.Sprintf(`<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">%s!%s</definedName>`,
				i, attr(quoteSheet(s.Name)), ref))
		}
		if s.PrintTitles > 0 {
			names = append(names, fmt.Sprintf(`<definedName name="_xlnm.Print_Titles" localSheetId="%d">%s!$1:$%d</definedName>`,
				i, attr(quoteSheet(s.Name)), s.PrintTitles))
		}
	}
	if len(names) > 0 {
		w.WriteString(`<definedNames>` + strings.Join(names, "") + `</definedNames>`)
	}
	w.WriteString(`</workbook>`)
}

func (wb *Workbook) workbookRels(w *bufio.Writer) {
	w.WriteString(header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := range wb.sheets {
		fmt.Fprintf(w, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
	}
	fmt.Fprintf(w, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, len(wb.sheets)+1)
	w.WriteString(`</Relationships>`)
}

// styleSheet writes one font, fill and border per style (the first two
// fills are the ones the format reserves) and one cell format joining them.
func (wb *Workbook) styleSheet(w *bufio.Writer) {
	w.WriteString(header + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	fmt.Fprintf(w, `<fonts count="%d">`, len(wb.styles))
	for _, s := range wb.styles {
		w.WriteString(`<font>`)
		if s.Bold {
			w.WriteString(`<b/>`)
		}
		if s.Underline {
			w.WriteString(`<u/>`)
		}
		size := s.Size
		if size == 0 {
			size = 11
		}
		fmt.Fprintf(w, `<sz val="%s"/>`, num(size))
		if s.Color != "" {
			fmt.Fprintf(w, `<color rgb="FF%s"/>`, attr(s.Color))
		}
		w.WriteString(`<name val="Calibri"/><family val="2"/></font>`)
	}
	fmt.Fprintf(w, `</fonts><fills count="%d"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`, len(wb.styles)+2)
	for _, s := range wb.styles {
		if s.Fill == "" {
			w.WriteString(`<fill><patternFill patternType="none"/></fill>`)
		} else {
			fmt.Fprintf(w, `<fill><patternFill patternType="solid"><fgColor rgb="FF%s"/><bgColor indexed="64"/></patternFill></fill>`, attr(s.Fill))
		}
	}
	fmt.Fprintf(w, `</fills><borders count="%d">`, len(wb.styles))
	for _, s := range wb.styles {
		if s.Border == "" {
			w.WriteString(`<border><left/><right/><top/><bottom/><diagonal/></border>`)
		} else {
			fmt.Fprintf(w, `<border><left/><right/><top/><bottom style="thin"><color rgb="FF%s"/></bottom><diagonal/></border>`, attr(s.Border))
		}
	}
	w.WriteString(`</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	fmt.Fprintf(w, `<cellXfs count="%d">`, len(wb.styles))
	for i, s := range wb.styles {
		fmt.Fprintf(w, `<xf numFmtId="%d" fontId="%d" fillId="%d" borderId="%d" xfId="0"`, s.NumFormat, i, i+2, i)
		if s.NumFormat != 0 {
			w.WriteString(` applyNumberFormat="1"`)
		}
		if i > 0 {
			w.WriteString(` applyFont="1"`)
		}
		if s.Fill != "" {
			w.WriteString(` applyFill="1"`)
		}
		if s.Border != "" {
			w.WriteString(` applyBorder="1"`)
		}
		if s.Wrap || s.VAlign != "" {
			w.WriteString(` applyAlignment="1"><alignment`)
			if s.VAlign != "" {
				fmt.Fprintf(w, ` vertical="%s"`, attr(s.VAlign))
			}
			if s.Wrap {
				w.WriteString(` wrapText="1"`)
			}
			w.WriteString(`/></xf>`)
		} else {
			w.WriteString(`/>`)
		}
	}
	w.WriteString(`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`)
}

// attr escapes s for an attribute value.
func attr(s string) string { return string(appendEscaped(nil, s)) }

// ColumnName returns the letters of column n (1: A, 27: AA).
func ColumnName(n int) string {
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('A' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}
