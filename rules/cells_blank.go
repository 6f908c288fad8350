package rules

import (
	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// C1004 reports blank and "not applicable" cells.
var C1004 = &Rule{
	ID:       "C1004",
	Title:    "Blank or \"/\" data cells",
	Doc:      `The format does not say whether an empty cell means 0, so nianbao never reads a blank or a mark such as "/", "—" or "无" as 0. Such cells are counted per table in one finding (with --each-blank, one finding per cell), and the sums that need them are not checked. Write 0 where the count is zero.`,
	Severity: Warning,
	Since:    "0.1.0",
	Check:    checkBlankCells,
	ZH: Texts{
		Title: "空白或填写“/”的数据单元格",
		Doc:   `格式没有规定空白单元格是否表示 0，因此 nianbao 从不把空白或“/”、“—”、“无”等符号当作 0。此类单元格按表汇总报告一条（使用 --each-blank 时逐个报告），需要它们的合计不核对。数量为零时请填写 0。`,
		Messages: []Translation{
			{msgC1004Blank, "%s有 %d 个空白单元格，未按 0 计算，涉及它们的合计未核对"},
			{msgC1004NA, "%s有 %d 个填写“/”等符号的单元格，未按 0 计算，涉及它们的合计未核对"},
			{msgC1004Both, "%s有 %d 个空白单元格、%d 个填写“/”等符号的单元格，未按 0 计算，涉及它们的合计未核对"},
			{msgC1004Each, "单元格为空"},
			{msgC1004EachN, "单元格填写了“%s”"},
		},
	},
}

const (
	msgC1004Blank = "%s has %d blank cells; they are not read as 0, so the sums that use them were not checked"
	msgC1004NA    = "%s has %d cells marked “/” or similar; they are not read as 0, so the sums that use them were not checked"
	msgC1004Both  = "%s has %d blank cells and %d cells marked “/” or similar; they are not read as 0, so the sums that use them were not checked"
	msgC1004Each  = "the cell is blank"
	msgC1004EachN = "the cell is marked “%s”"
)

func checkBlankCells(pass *Pass) {
	r := pass.Report
	type count struct {
		blank, na int
		pos       parser.Pos
	}
	counts := map[string]*count{}
	for _, k := range r.Keys {
		c := r.Cell(k)
		if c.State != schema.StateBlank && c.State != schema.StateNA {
			continue
		}
		if pass.Options.EachBlank {
			if c.State == schema.StateBlank {
				pass.Add(Finding{Msg: Message{Format: msgC1004Each}, Cell: k})
			} else {
				pass.Add(Finding{Msg: Message{msgC1004EachN, []any{format.TrimCell(c.Raw)}}, Cell: k})
			}
			continue
		}
		t := k[:2]
		n := counts[t]
		if n == nil {
			n = &count{pos: c.Pos}
			counts[t] = n
		}
		if c.State == schema.StateBlank {
			n.blank++
		} else {
			n.na++
		}
	}
	for _, t := range []string{format.T2, format.T3, format.T4} {
		n := counts[t]
		switch {
		case n == nil:
		case n.na == 0:
			pass.Addf(n.pos, msgC1004Blank, TableRef(t), n.blank)
		case n.blank == 0:
			pass.Addf(n.pos, msgC1004NA, TableRef(t), n.na)
		default:
			pass.Addf(n.pos, msgC1004Both, TableRef(t), n.blank, n.na)
		}
	}
}
