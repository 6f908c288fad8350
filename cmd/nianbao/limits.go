package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/rules"
	"github.com/urfave/cli/v2"
)

// limitFlag is a flag of check and lint that changes one of
// parser.Limits. Its help text is declared here in both languages.
type limitFlag struct {
	name   string
	size   bool // a size in bytes, written with K, M or G
	en, zh string
	field  func(*parser.Limits) any // *int or *int64
}

// limitList is every limit flag, in the order of the help text. Each is
// named by the P0001 message of its limit (rules/unreadable.go).
var limitList = []limitFlag{
	{name: "max-file-size", size: true, field: func(l *parser.Limits) any { return &l.MaxFileBytes },
		en: "largest input file read, in bytes or with K, M, G",
		zh: "读取的最大输入文件，字节数或带 K、M、G"},
	{name: "max-inflated", size: true, field: func(l *parser.Limits) any { return &l.MaxInflatedBytes },
		en: "largest size a .docx may inflate to, in bytes or with K, M, G",
		zh: ".docx 解压后的最大大小，字节数或带 K、M、G"},
	{name: "max-ratio", field: func(l *parser.Limits) any { return &l.MaxCompressionRatio },
		en: "largest compression ratio of a .docx part (inflated to packed size) not taken for a zip bomb",
		zh: ".docx 中一个部件的最大压缩比（解压后与压缩后大小之比），超过即视为压缩炸弹"},
	{name: "max-line-size", size: true, field: func(l *parser.Limits) any { return &l.MaxLineBytes },
		en: "longest line of a text file (or piece of XML markup in a .docx) read, in bytes or with K, M, G",
		zh: "文本文件中最长的一行（或 .docx 中最长的一段 XML 标记），字节数或带 K、M、G"},
	{name: "max-lines", field: func(l *parser.Limits) any { return &l.MaxLines },
		en: "most lines read from one text file",
		zh: "每个文本文件最多读取的行数"},
	{name: "max-cells", field: func(l *parser.Limits) any { return &l.MaxCells },
		en: "most table cells read from one document",
		zh: "每份文档最多读取的表格单元格数"},
	{name: "max-rows", field: func(l *parser.Limits) any { return &l.MaxRows },
		en: "most table rows read from one document",
		zh: "每份文档最多读取的表格行数"},
	{name: "max-tables", field: func(l *parser.Limits) any { return &l.MaxTables },
		en: "most tables read from one document",
		zh: "每份文档最多读取的表格数"},
	{name: "max-elements", field: func(l *parser.Limits) any { return &l.MaxElements },
		en: fmt.Sprintf("most elements read from one web page (a .docx may have %d times as many)", parser.DocxElementsPerHTML),
		zh: fmt.Sprintf("每个网页最多读取的元素数（.docx 可为其 %d 倍）", parser.DocxElementsPerHTML)},
	{name: "max-depth", field: func(l *parser.Limits) any { return &l.MaxDepth },
		en: "deepest element nesting read from one .docx or web page",
		zh: ".docx 或网页中最多读取的元素嵌套层数"},
}

// limitFlags are the flags of limitList. Their defaults are
// parser.DefaultLimits, shown in the usage text.
func limitFlags() []cli.Flag {
	d := parser.DefaultLimits()
	var fs []cli.Flag
	for _, l := range limitList {
		var n int64
		switch v := l.field(&d).(type) {
		case *int64:
			n = *v
		case *int:
			n = int64(*v)
		}
		if l.size {
			fs = append(fs, &cli.StringFlag{Name: l.name, Usage: fmt.Sprintf("%s (default: %s)", l.en, sizeText(n))})
		} else {
			fs = append(fs, &cli.IntFlag{Name: l.name, Value: int(n), Usage: l.en})
		}
	}
	return fs
}

// limitZH returns the Chinese of a limit flag's English help text, with
// the default of a size limit ("… (default: 64M)"), if en is one.
func limitZH(en string) (string, bool) {
	for _, l := range limitList {
		if en == l.en {
			return l.zh, true
		}
		if rest, ok := strings.CutPrefix(en, l.en+" (default: "); ok && l.size {
			return l.zh + "（默认：" + strings.TrimSuffix(rest, ")") + "）", true
		}
	}
	return "", false
}

// setLimits applies the limit flags that are set to lim.
func setLimits(c *cli.Context, p *report.Printer, lim *parser.Limits) error {
	for _, l := range limitList {
		if !c.IsSet(l.name) {
			continue
		}
		var n int64
		if l.size {
			var err error
			if n, err = parseSize(c.String(l.name)); err != nil {
				return usageError(p, "--%s: %v", l.name, err)
			}
		} else if n = int64(c.Int(l.name)); n < 1 {
			return usageError(p, msgNotPositive, l.name, n)
		}
		switch v := l.field(lim).(type) {
		case *int64:
			*v = n
		case *int:
			*v = int(min(n, math.MaxInt32))
		}
	}
	return nil
}

// parseSize reads a size in bytes: a whole number with an optional unit K,
// M or G (powers of 1024; "KB", "KiB" and lower case are accepted too).
func parseSize(s string) (int64, error) {
	num := strings.TrimSpace(s)
	shift := 0
	upper := strings.ToUpper(num)
	for _, u := range []struct {
		suffix string
		shift  int
	}{{"KIB", 10}, {"MIB", 20}, {"GIB", 30}, {"KB", 10}, {"MB", 20}, {"GB", 30}, {"K", 10}, {"M", 20}, {"G", 30}, {"B", 0}} {
		if strings.HasSuffix(upper, u.suffix) {
			num, shift = strings.TrimSpace(num[:len(num)-len(u.suffix)]), u.shift
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 1 || n > (1<<62)>>shift {
		return 0, rules.Errorf(msgNotSize, s)
	}
	return n << shift, nil
}

// sizeText writes n bytes the way parseSize reads it back, in the largest
// unit that divides it.
func sizeText(n int64) string {
	for _, u := range []struct {
		suffix string
		shift  int
	}{{"G", 30}, {"M", 20}, {"K", 10}} {
		if n >= 1<<u.shift && n%(1<<u.shift) == 0 {
			return strconv.FormatInt(n>>u.shift, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10)
}
