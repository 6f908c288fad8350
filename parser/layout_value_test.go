package parser

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/internal/testsupport/realtext"
	"golang.org/x/text/width"
)

// TestIsValueTextDigitFirst: isValueText looks for a digit before it
// narrows a text and matches the units; on every cell and line of the real
// reports and fixtures it decides as it did without that look.
func TestIsValueTextDigitFirst(t *testing.T) {
	slow := func(t string) bool {
		if _, c := format.ParseNumber(t, format.Signed); c == format.ClassNumber || c == format.ClassNA {
			return true
		}
		if _, c := format.ParseNumber(t, format.Money); c == format.ClassNumber {
			return true
		}
		return utf8.RuneCountInString(t) <= 16 && valueUnit().MatchString(width.Narrow.String(t))
	}
	for _, cell := range append(realtext.Pieces(t, "../testdata"), "１２件", "3.5万元", "２笔", "十件", "件") {
		cell = strings.TrimSpace(cell)
		if got, want := isValueText(cell), slow(cell); got != want {
			t.Errorf("isValueText(%q) = %v, want %v", cell, got, want)
		}
	}
}
