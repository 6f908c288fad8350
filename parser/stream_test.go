package parser_test

import (
	"context"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// The pipe and one-cell-per-line forms of issue 18, on table 二's first
// block: each reads 规章 0 0 0 and 行政规范性文件 2 1 15, or reports a row
// that lost a cell, never reads it shifted.
func TestStreamForms(t *testing.T) {
	const caption = "二、主动公开政府信息情况\n"
	tests := []struct {
		name, text string
		unread     bool // 行政规范性文件 lost a cell
	}{
		{"no leading pipe", "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 2 | 1 | 15 |\n", false},
		{"padded", "信息内容      | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章          | 0            | 0            | 0\n行政规范性文件 | 2            | 1            | 15\n", false},
		{"row end on the next line", "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0\n| 0 |\n行政规范性文件 | 2 |\n1 | 15 |\n", false},
		{"one line", "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 | 规章 | 0 | 0 | 0 | 行政规范性文件 | 2 | 1 | 15 |\n", false},
		{"header filler", "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|||\n规章 | 0 | 0 | 0 |\n|||\n行政规范性文件 | 2 | 1 | 15 |\n", false},
		{"cells ending in pipes", "信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n|||\n规章 |\n0 |\n0 |\n0 |\n|||\n行政规范性文件 |\n2 |\n1 |\n15 |\n", false},
		{"blank line after each cell", "信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n规章\n\n0\n\n0\n\n0\n\n行政规范性文件\n\n2\n\n1\n\n15\n\n", false},
		{"dropped cell, no leading pipe", "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 2 | 15 |\n", true},
		{"dropped cell, blank line after each", "信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n规章\n\n0\n\n0\n\n0\n\n行政规范性文件\n\n2\n\n15\n\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sep := "\n"
			if strings.HasPrefix(tt.text, "信息内容\n\n") {
				sep = "\n\n" // a blank line after every line
			}
			doc, err := parser.Parse(context.Background(), "t.md", []byte(caption+"第二十条第（一）项"+sep+tt.text), parser.DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			rep := schema.Build(doc)
			for k, v := range map[string]float64{"t2.a1.reg.issued": 0, "t2.a1.reg.repealed": 0, "t2.a1.reg.inforce": 0} {
				if c := rep.Cell(k); c.State != schema.StateNumber || c.Value != v {
					t.Errorf("%s = %s %q, want %v", k, c.State, c.Raw, v)
				}
			}
			for k, v := range map[string]float64{"t2.a1.norm.issued": 2, "t2.a1.norm.repealed": 1, "t2.a1.norm.inforce": 15} {
				c := rep.Cell(k)
				switch {
				case tt.unread && c.State != schema.StateMissing:
					t.Errorf("%s = %s %q, want unread", k, c.State, c.Raw)
				case !tt.unread && (c.State != schema.StateNumber || c.Value != v):
					t.Errorf("%s = %s %q, want %v", k, c.State, c.Raw, v)
				}
			}
		})
	}
}

// Table 四 written as three small tables under headings that name the
// groups (Markdown made from PDF reports) reads as one; a part whose
// header is not the five result labels in order leaves the table unread.
func TestT4Groups(t *testing.T) {
	part := func(heading, header, values string) string {
		return "### " + heading + "\n| " + header + " |\n|---|---|---|---|---|\n| " + values + " |\n\n"
	}
	const leaves = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"
	text := "## 四、政府信息公开行政复议、行政诉讼情况\n\n" + part("行政复议", leaves, "27 | 10 | 9 | 15 | 61") +
		part("行政诉讼（未经复议直接起诉）", leaves, "3 | 0 | 0 | 0 | 3") + part("行政诉讼（复议后起诉）", leaves, "8 | 0 | 1 | 1 | 10")
	for _, tt := range []struct {
		name, text string
		read       bool
	}{
		{"three parts", text, true},
		{"columns swapped", strings.Replace(text, leaves, "结果纠正 | 结果维持 | 其他结果 | 尚未审结 | 总计", 1), false},
		{"part missing", strings.Replace(text, "### 行政诉讼（复议后起诉）", "### 其他", 1), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parser.Parse(context.Background(), "t.md", []byte(tt.text), parser.DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			rep := schema.Build(doc)
			for k, v := range map[string]float64{"t4.rev.keep": 27, "t4.rev.total": 61, "t4.lit_direct.keep": 3, "t4.lit_after.other": 1, "t4.lit_after.total": 10} {
				c := rep.Cell(k)
				switch {
				case !tt.read && c.State != schema.StateMissing:
					t.Errorf("%s = %s %q, want unread", k, c.State, c.Raw)
				case tt.read && (c.State != schema.StateNumber || c.Value != v):
					t.Errorf("%s = %s %q, want %v", k, c.State, c.Raw, v)
				}
			}
		})
	}
}
