package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/rules"
	"github.com/urfave/cli/v2"
)

// limitFlags are the flags of check and lint that change parser.Limits.
// Their defaults are parser.DefaultLimits, shown in the usage text.
func limitFlags() []cli.Flag {
	d := parser.DefaultLimits()
	return []cli.Flag{
		&cli.StringFlag{Name: "max-file-size", Usage: fmt.Sprintf("largest input file read, in bytes or with K, M, G (default: %s)", sizeText(d.MaxFileBytes))},
		&cli.StringFlag{Name: "max-inflated", Usage: fmt.Sprintf("largest size a .docx may inflate to, in bytes or with K, M, G (default: %s)", sizeText(d.MaxInflatedBytes))},
		&cli.IntFlag{Name: "max-cells", Value: d.MaxCells, Usage: "most table cells read from one document"},
		&cli.IntFlag{Name: "max-depth", Value: d.MaxDepth, Usage: "deepest element nesting read from one .docx or web page"},
	}
}

// setLimits applies the limit flags that are set to lim.
func setLimits(c *cli.Context, p *report.Printer, lim *parser.Limits) error {
	for _, f := range []struct {
		name string
		dst  *int64
	}{{"max-file-size", &lim.MaxFileBytes}, {"max-inflated", &lim.MaxInflatedBytes}} {
		if !c.IsSet(f.name) {
			continue
		}
		n, err := parseSize(c.String(f.name))
		if err != nil {
			return usageError(p, "--%s: %v", f.name, err)
		}
		*f.dst = n
	}
	for _, f := range []struct {
		name string
		dst  *int
	}{{"max-cells", &lim.MaxCells}, {"max-depth", &lim.MaxDepth}} {
		if !c.IsSet(f.name) {
			continue
		}
		n := c.Int(f.name)
		if n < 1 {
			return usageError(p, msgNotPositive, f.name, n)
		}
		*f.dst = n
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
