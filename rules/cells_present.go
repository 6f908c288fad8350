package rules

import (
	"strings"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/schema"
)

// C1003 checks that every data cell of the detected format is present.
var C1003 = &Rule{
	ID:       "C1003",
	Title:    "Every data cell of the format is present",
	Doc:      `Every row and column of the detected format version must be in its table: 22 cells in table 2 of the 2019 format or 10 in the 2021 format, 161 or 175 in table 3, 15 in table 4. A row that is missing entirely is reported once; a missing cell of a row that is present is reported on its own. When the table also has rows whose cells the layout made unreadable (P0002, P0003), the rows not found are counted in one finding that says they were not read: a converter may have lost them. A missing cell is not 0: the sums that need it are not checked. Tables missing as a whole are reported by C1002 instead.`,
	Severity: Error,
	Since:    "0.1.0",
	Check:    checkCellsPresent,
	ZH: Texts{
		Title: "格式规定的数据单元格齐全",
		Doc:   `所识别格式版本的每一行、每一列都应在表中：表二 2019 年版 22 个、2021 年版 10 个单元格，表三 161 个或 175 个，表四 15 个。整行缺失时报告一次；行存在但缺少个别单元格时逐个报告。表中另有版式无法读取的行（P0002、P0003）时，找不到的行合为一条，说明未读到：可能是转换工具弄丢了它们。缺失不等于 0：需要它的合计不核对。整张表缺失由 C1002 报告。`,
		Messages: []Translation{
			{msgC1003Row, "%s缺少“%s”"},
			{msgC1003Cell, "单元格缺失"},
			{msgC1003Rows, "%s有 %d 行未读到（第一行：“%s”）：文本中没有这些行，或版式打乱后无法对应；请对照原文核对"},
		},
	},
}

const (
	msgC1003Row  = "%s is missing %s"
	msgC1003Cell = "the cell is missing"
	msgC1003Rows = "%s: %d rows were not read (the first: %s): they are not in the text, or its layout lost them; check against the original"
)

func checkCellsPresent(pass *Pass) {
	r := pass.Report
	// Group the keys by row ("t3.R7", "t2.a1.reg"), keeping template
	// order. KeysFor lists the cells of a row together, so a row is a run
	// of keys sharing the prefix.
	var rows []string
	var byRow [][]string
	for i := 0; i < len(r.Keys); {
		row := r.Keys[i][:strings.LastIndexByte(r.Keys[i], '.')]
		j := i + 1
		for j < len(r.Keys) && r.Keys[j][:strings.LastIndexByte(r.Keys[j], '.')] == row {
			j++
		}
		rows, byRow = append(rows, row), append(byRow, r.Keys[i:j])
		i = j
	}
	// Rows and tables that P0002 already reports as unreadable.
	explained := map[string]bool{}
	for _, is := range r.Issues {
		switch {
		case is.Kind == schema.IssueUnreadableHeader, is.Kind == schema.IssueUnreadableRow && (is.Found == 0 || is.Table == format.T4):
			// Table 四 has one row of data: when it cannot be read, no
			// row of the table is missing.
			explained[is.Table] = true
		case (is.Kind == schema.IssueUnreadableRow || is.Kind == schema.IssueMergedRows) && is.Row != "":
			explained[is.Row] = true
		}
	}
	// In a table with unreadable rows, the rows not found at all are most
	// likely rows whose cells the layout lost too: they are counted in one
	// finding rather than listed.
	shortTables := map[string]bool{}
	for _, is := range r.Issues {
		if is.Kind == schema.IssueUnreadableRow && is.Found > 0 {
			shortTables[is.Table] = true
		}
	}
	lost := map[string][]string{}
	for ri, row := range rows {
		table := row[:strings.IndexByte(row, '.')]
		tpos, ok := r.Tables[table]
		if !ok || explained[table] || explained[row] || r.Cut.After(row, r.Keys) || r.Start.Before(row, r.Keys) {
			continue // read as unreadable, or cut off (C1015)
		}
		if shortTables[table] && allMissing(r, byRow[ri]) {
			if len(lost[table]) == 0 {
				defer func() {
					if n := len(lost[table]); n > 1 {
						pass.Addf(tpos, msgC1003Rows, TableRef(table), n, RowRef(lost[table][0]))
					} else {
						pass.Addf(tpos, msgC1003Row, TableRef(table), RowRef(lost[table][0]))
					}
				}()
			}
			lost[table] = append(lost[table], row)
			continue
		}
		var missing []string
		for _, k := range byRow[ri] {
			if r.Cell(k).State == schema.StateMissing {
				missing = append(missing, k)
			}
		}
		switch {
		case len(missing) == 0:
		case len(missing) == len(byRow[ri]):
			pass.Addf(tpos, msgC1003Row, TableRef(table), RowRef(row))
		default:
			for _, k := range missing {
				pass.Add(Finding{Msg: Message{Format: msgC1003Cell}, Cell: k, Pos: tpos})
			}
		}
	}
}

// allMissing reports whether every cell under keys is missing.
func allMissing(r *schema.Report, keys []string) bool {
	for _, k := range keys {
		if r.Cell(k).State != schema.StateMissing {
			return false
		}
	}
	return true
}
