package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/schema"
)

// Summary counts files and findings by severity.
type Summary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// Summarize counts the files and findings of a batch from its summaries.
func Summarize(ss []lint.FileSummary) Summary {
	s := Summary{Files: len(ss)}
	for _, f := range ss {
		s.Errors += f.Errors
		s.Warnings += f.Warnings
		s.Infos += f.Infos
	}
	return s
}

// batchOf wraps results that are complete (no cross-file step to run) as
// a batch for the writers.
func batchOf(rs []lint.FileResult) *lint.Batch {
	b := &lint.Batch{Files: rs, Summaries: make([]lint.FileSummary, len(rs))}
	for i, r := range rs {
		b.Summaries[i] = lint.Summarize(r)
	}
	return b
}

// Text writes one line per finding,
//
//	file:line: 错误 [表三 （七）总计 / 总计] message (A2001)
//
// with the related cells and any suggested fix indented below, a line for
// each file without findings, and a closing summary line.
func Text(w io.Writer, rs []lint.FileResult, p *Printer) error {
	return writeText(w, batchOf(rs), p)
}

// writeText is Text for a batch, with last year's unmatched reports listed
// before the summary.
func writeText(w io.Writer, b *lint.Batch, p *Printer) error {
	bw := bufio.NewWriter(w)
	listed, left := 0, 0
	err := b.Each(func(_ int, r lint.FileResult) error {
		if len(r.Findings) == 0 {
			if !p.Quiet {
				fmt.Fprintf(bw, "%s: %s\n", r.Path, p.Sprintf(msgClean))
			}
			return nil
		}
		for _, f := range r.Findings {
			switch {
			case p.Quiet && f.Severity < rules.Error:
			case p.MaxIssues > 0 && listed >= p.MaxIssues:
				left++
			default:
				writeFinding(bw, r, f, p)
				listed++
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if left > 0 {
		fmt.Fprintln(bw, p.Sprintf(msgMoreIssues, left))
	}
	for _, l := range unmatchedLines(b.PrevUnmatched, p) {
		fmt.Fprintf(bw, "%s (%s)\n", l, rules.X1004.ID)
	}
	s := Summarize(b.Summaries)
	fmt.Fprintln(bw, p.Sprintf(msgSummary, s.Files, s.Errors, s.Warnings, s.Infos))
	return bw.Flush()
}

// SummaryLine writes the closing summary line of Text alone.
func SummaryLine(w io.Writer, ss []lint.FileSummary, p *Printer) error {
	s := Summarize(ss)
	_, err := fmt.Fprintln(w, p.Sprintf(msgSummary, s.Files, s.Errors, s.Warnings, s.Infos))
	return err
}

// Pos renders where a finding is: "file:line" for text sources, the table,
// row and column (or the paragraph) as Word counts them for .docx, or the
// file alone.
func (p *Printer) Pos(pos parser.Pos) string {
	file := pos.File
	if file == "" {
		file = "-"
	}
	if pos.Line > 0 {
		return file + ":" + strconv.Itoa(pos.Line)
	}
	if where := shortPos(pos, file, p); where != "" {
		return p.Sprintf(msgWhere, file, where)
	}
	return file
}

func writeFinding(w io.Writer, r lint.FileResult, f rules.Finding, p *Printer) {
	var b strings.Builder
	b.WriteString(p.Pos(f.Pos))
	b.WriteString(": ")
	b.WriteString(p.Severity(f.Severity))
	b.WriteString(" ")
	if f.Cell != "" {
		fmt.Fprintf(&b, "[%s] ", p.Cell(f.Cell))
	}
	b.WriteString(p.Message(f.Msg))
	fmt.Fprintf(&b, " (%s)\n", f.Rule)
	if p.Verbose && f.Detail != "" {
		fmt.Fprintf(&b, "    %s\n", p.Sprintf(msgDetail, f.Detail))
	}
	// The suggestion first, right under the message; then the cells of
	// the relation, at most maxCellLines of them.
	for i, fx := range f.Fixes {
		format := msgFix
		if i > 0 {
			format = msgFixOr
		}
		fmt.Fprintf(&b, "    %s\n", p.Sprintf(format, rules.CellRef(fx.Cell), rules.Num(fx.From), rules.Num(fx.To)))
	}
	shown, more := foldCells(f.Cells, f.Fixes)
	for _, c := range shown {
		fmt.Fprintf(&b, "    %s", cellValue(c, p))
		if where := shortPos(c.Pos, f.Pos.File, p); where != "" {
			fmt.Fprintf(&b, " (%s)", where)
		}
		b.WriteString("\n")
	}
	if more > 0 {
		fmt.Fprintf(&b, "    %s\n", p.Sprintf(msgMoreCells, more))
	}
	io.WriteString(w, b.String())
}

// maxCellLines is the most cells a finding lists in text output.
const maxCellLines = 8

// foldCells returns the cells a finding lists in text output, in their
// order: all of them when they fit in maxCellLines lines, else the
// suggested cells and those that add most (largest values, then those
// that are not numbers) in maxCellLines-1 lines, and how many are left
// out for a line of their own.
func foldCells(cells []schema.Cell, fixes []rules.Fix) (shown []*schema.Cell, more int) {
	if len(cells) <= maxCellLines {
		for i := range cells {
			shown = append(shown, &cells[i])
		}
		return shown, 0
	}
	idx := make([]int, len(cells))
	for i := range idx {
		idx[i] = i
	}
	weight := func(i int) float64 {
		c := &cells[i]
		for _, fx := range fixes {
			if fx.Cell == c.Key {
				return math.Inf(1)
			}
		}
		if !c.IsNumber() {
			return -1 // a blank or text cell explains why a sum was not checked
		}
		return math.Abs(c.Value)
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(weight(b), weight(a)) })
	keep := idx[:maxCellLines-1]
	slices.Sort(keep)
	for _, i := range keep {
		shown = append(shown, &cells[i])
	}
	return shown, len(cells) - len(keep)
}

// cellValue renders "name = 3" or "name is blank".
func cellValue(c *schema.Cell, p *Printer) string {
	name := p.Cell(c.Key)
	switch c.State {
	case schema.StateNumber:
		return p.Sprintf(msgRelated, name, rules.Num(c.Value))
	case schema.StateBlank:
		return p.Sprintf(msgRelatedNo, name, p.Sprintf(stateBlank))
	case schema.StateNA:
		return p.Sprintf(msgRelatedNo, name, p.Sprintf(stateNA))
	case schema.StateText:
		return p.Sprintf(msgRelatedNo, name, p.Sprintf(stateText))
	}
	return p.Sprintf(msgRelatedNo, name, p.Sprintf(stateMissing))
}

// shortPos renders a related cell's position without repeating the file;
// in a PDF, with its page first.
func shortPos(pos parser.Pos, file string, p *Printer) string {
	where := placeIn(pos, p)
	switch {
	case pos.Page > 0 && where != "":
		return p.Sprintf(msgOnPage, pos.Page, where)
	case pos.Page > 0:
		return p.Sprintf(msgPage, pos.Page)
	}
	return where
}

// placeIn renders the line, table cell or paragraph of pos.
func placeIn(pos parser.Pos, p *Printer) string {
	switch {
	case pos.Line > 0:
		return p.Sprintf(msgLine, pos.Line)
	case pos.Table > 0 && pos.Row == 0:
		return p.Sprintf(msgTable, pos.Table)
	case pos.Table > 0:
		return p.Sprintf(msgAt, pos.Table, pos.Row, pos.Col)
	case pos.Para > 0:
		return p.Sprintf(msgPara, pos.Para)
	}
	return ""
}

// Rules writes the rule list: ID, severity and title.
func Rules(w io.Writer, rs []*rules.Rule, p *Printer) error {
	bw := bufio.NewWriter(w)
	for _, r := range rs {
		fmt.Fprintf(bw, "%s\t%s\t%s\n", r.ID, p.Severity(r.Severity), p.Sprintf(r.Title))
	}
	return bw.Flush()
}

// Explain writes a rule's title, documentation and defaults.
func Explain(w io.Writer, r *rules.Rule, p *Printer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n%s\n", r.ID, p.Sprintf(r.Title), p.Sprintf(r.Doc))
	if r.Example.Bad != "" {
		fmt.Fprintf(&b, "\n%s\n  ✗ %s\n  ✓ %s\n", p.Sprintf(msgExample), indent(r.Example.Bad), indent(r.Example.Good))
	}
	fmt.Fprintf(&b, "\n%s\n", p.Sprintf(msgSince, r.Since, p.Severity(r.Severity)))
	_, err := io.WriteString(w, b.String())
	return err
}

func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n    ") }
