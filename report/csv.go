package report

import (
	"encoding/csv"
	"io"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/rules"
)

// CSV writes one row per finding, UTF-8 with a byte-order mark so that
// Excel opens it with the right encoding:
//
//	file, agency, year, rule, severity, table, row, column, cell, expected, actual, message, location
func CSV(w io.Writer, rs []lint.FileResult, p *Printer) error {
	return writeCSV(w, batchOf(rs), p)
}

// findingHeads are the columns of a list of findings, in the CSV and in
// the workbook's 问题清单.
var findingHeads = []string{hdrFile, hdrAgency, hdrYear, hdrRule, hdrSeverity, hdrTable, hdrRow, hdrColumn, hdrCell,
	hdrExpected, hdrActual, hdrMessage, hdrLocation}

func writeCSV(w io.Writer, b *lint.Batch, p *Printer) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // as Excel writes it
	head := make([]string, len(findingHeads))
	for i, h := range findingHeads {
		head[i] = p.Sprintf(h)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	err := b.Each(func(i int, r lint.FileResult) error {
		agency, year, _ := meta(b.Summaries[i])
		for _, f := range r.Findings {
			n := format.NameOf(f.Cell, p.English())
			if f.Cell == "" {
				n = format.CellName{}
			}
			rec := []string{r.Path, agency, year, f.Rule, p.Severity(f.Severity), n.Table, n.Row, n.Col, f.Cell,
				num(f.Expected), num(f.Actual), p.Message(f.Msg), p.Pos(f.Pos)}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// num renders an optional number, "" when absent.
func num(v *float64) string {
	if v == nil {
		return ""
	}
	return rules.Num(*v)
}
