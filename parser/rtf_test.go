package parser

import (
	"context"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// gbk escapes s as RTF \'hh bytes in GBK, as Word writes Chinese text in
// a document with \ansicpg936.
func gbk(t *testing.T, s string) string {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for _, c := range b {
		sb.WriteString(`\'`)
		sb.WriteString(strings.ToLower(string("0123456789ABCDEF"[c>>4]) + string("0123456789ABCDEF"[c&15])))
	}
	return sb.String()
}

// The parts of RTF the reader interprets, in the forms Word writes them
// (the committed fixtures are LibreOffice's and pandoc's, see
// testdata/rtf): GBK bytes under \ansicpg936, \uN with its fallback,
// hidden text, field results without their instructions, skipped
// destinations, a row definition repeated after the row's cells, spans
// from the cell edges, and vertical and horizontal merges.
func TestRTFStructure(t *testing.T) {
	src := `{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 ` + gbk(t, "宋体") + `;}{\f1\fswiss\fcharset0 Arial;}}` +
		`{\colortbl;\red0\green0\blue0;}{\*\generator Microsoft Word;}{\info{\title ` + gbk(t, "标题") + `}}` +
		`{\header \pard ` + gbk(t, "页眉") + `\par}` +
		`\pard\plain\f0 ` + gbk(t, "一、总体情况") + `\par` +
		`\pard \u20108?\u25253?{\v ` + gbk(t, "隐藏") + `}{\field{\*\fldinst PAGE}{\fldrslt 7}}\uc2\u8212\'a1\'aa\par` +
		// A row whose definition Word repeats after its cells.
		`\trowd\cellx2000\cellx4000\cellx6000` +
		`\pard\intbl ` + gbk(t, "信息内容") + `\cell ` + gbk(t, "本年") + `\par ` + gbk(t, "制发") + `\cell 3\cell` +
		`\trowd\cellx2000\cellx4000\cellx6000\row` +
		// A cell spanning two grid columns, and the first of a vertical merge.
		`\trowd\clvmgf\cellx2000\cellx6000` +
		`\pard\intbl A\cell B\cell\row` +
		// The merge continued; a horizontal merge (\clmrg) joins its cell to the one before.
		`\trowd\clvmrg\cellx2000\cellx4000\clmrg\cellx6000` +
		`\pard\intbl \cell C\cell \cell\row` +
		`\pard ` + gbk(t, "二、主动公开") + `{\*\unknowndest skipped}{\pict\bin4 {{{{}\par}`
	doc, err := Parse(context.Background(), "x.rtf", []byte(src), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, p := range doc.Paragraphs() {
		paras = append(paras, p.Text)
	}
	if want := []string{"一、总体情况", "二报7—", "二、主动公开"}; strings.Join(paras, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs %q, want %q", paras, want)
	}
	ts := doc.Tables()
	if len(ts) != 1 || len(ts[0].Rows) != 3 {
		t.Fatalf("tables %+v", ts)
	}
	type cell struct {
		text   string
		span   int
		merged bool
		col    int
	}
	want := [][]cell{
		{{"信息内容", 1, false, 1}, {"本年\n制发", 1, false, 2}, {"3", 1, false, 3}},
		{{"A", 1, false, 1}, {"B", 2, false, 2}},
		{{"", 1, true, 1}, {"C", 2, false, 2}},
	}
	for ri, row := range ts[0].Rows {
		var got []cell
		for _, c := range row.Cells {
			got = append(got, cell{c.Text, c.Span, c.Merged, c.Pos.Col})
		}
		if len(got) != len(want[ri]) {
			t.Errorf("row %d: %+v, want %+v", ri+1, got, want[ri])
			continue
		}
		for i := range got {
			if got[i] != want[ri][i] {
				t.Errorf("row %d cell %d: %+v, want %+v", ri+1, i+1, got[i], want[ri][i])
			}
		}
	}
}

func TestRTFLimits(t *testing.T) {
	lim := DefaultLimits()
	lim.MaxCells = 10
	var le *LimitError
	src := `{\rtf1 \trowd\cellx100` + strings.Repeat(`\pard\intbl 1\cell\row`, 20) + `}`
	if _, err := Parse(context.Background(), "x.rtf", []byte(src), lim); !errors.As(err, &le) || le.Limit != LimitCells {
		t.Errorf("cells: %v", err)
	}
	deep := `{\rtf1 ` + strings.Repeat("{", 1000) + "x" + strings.Repeat("}", 1000) + `}`
	if _, err := Parse(context.Background(), "x.rtf", []byte(deep), DefaultLimits()); !errors.As(err, &le) || le.Limit != LimitDepth {
		t.Errorf("depth: %v", err)
	}
	if _, err := Parse(context.Background(), "x.rtf", []byte(`{\rtf1 {\*\x text}}`), DefaultLimits()); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
	for _, cut := range []string{`{\rtf1 \'`, `{\rtf1 \u`, `{\rtf1 \u-`, `{\rtf1 \bin99999 x`, `{\rtf1 \uc9\u20108`, `{\rtf1 }}}}}}`} {
		if _, err := Parse(context.Background(), "x.rtf", []byte(cut), DefaultLimits()); err != nil && !errors.Is(err, ErrEmpty) {
			t.Errorf("%q: %v", cut, err)
		}
	}
}

func FuzzParseRTF(f *testing.F) {
	addSeeds(f, "../testdata/rtf/*.rtf")
	f.Add([]byte(`{\rtf1\ansi\ansicpg936 \trowd\clvmgf\cellx10\clmrg\cellx20\pard\intbl \'d2\'bb\cell\u20108?\cell\row\trowd\clvmrg\cellx10\cellx20\pard\intbl\cell x\cell\row}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(context.Background(), "fuzz.rtf", b, DefaultLimits())
		if err != nil {
			return
		}
		checkShape(t, doc)
	})
}
