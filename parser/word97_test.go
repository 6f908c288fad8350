package parser

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const docDir = "../testdata/doc"

// docFixtures are the .doc files LibreOffice converted from the .docx
// fixture of the same name (testdata/doc/gen.sh).
var docFixtures = []string{"filled-2021-wps", "filled-2021-tracked", "filled-2021-hidden", "seed-2020-wps", "v2021-clean-lo"}

// TestWord97MatchesDocx reads each .doc and the .docx it was converted
// from: the same paragraphs, and the same tables, row for row and cell for
// cell (text, span, vertical merge, position). Text is compared after
// strings.TrimSpace: LibreOffice drops trailing no-break spaces when it
// writes a .doc.
func TestWord97MatchesDocx(t *testing.T) {
	for _, name := range docFixtures {
		t.Run(name, func(t *testing.T) {
			want := parseFixture(t, name+".docx")
			got, err := ParseFile(context.Background(), filepath.Join(docDir, name+".doc"), DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			if got.Format != "doc" {
				t.Errorf("format %q", got.Format)
			}
			if len(got.Blocks) != len(want.Blocks) {
				t.Fatalf("%d blocks, want %d", len(got.Blocks), len(want.Blocks))
			}
			cells := 0
			for i, b := range want.Blocks {
				g := got.Blocks[i]
				if b.Para != nil {
					if g.Para == nil || strings.TrimSpace(g.Para.Text) != strings.TrimSpace(b.Para.Text) || g.Para.Pos.Para != b.Para.Pos.Para {
						t.Fatalf("block %d: got %+v, want paragraph %+v", i, g, b.Para)
					}
					continue
				}
				if g.Table == nil || len(g.Table.Rows) != len(b.Table.Rows) || g.Table.Index != b.Table.Index {
					t.Fatalf("block %d: got %+v, want table %d of %d rows", i, g, b.Table.Index, len(b.Table.Rows))
				}
				for ri, r := range b.Table.Rows {
					gr := g.Table.Rows[ri]
					if len(gr.Cells) != len(r.Cells) || noFile(gr.Pos) != noFile(r.Pos) {
						t.Fatalf("table %d row %d: %q, want %q", b.Table.Index, ri+1, texts(gr), texts(r))
					}
					for ci, c := range r.Cells {
						gc := gr.Cells[ci]
						if strings.TrimSpace(gc.Text) != strings.TrimSpace(c.Text) || gc.Span != c.Span || gc.Merged != c.Merged || noFile(gc.Pos) != noFile(c.Pos) {
							t.Errorf("table %d row %d cell %d: %+v, want %+v", b.Table.Index, ri+1, ci+1, gc, c)
						}
						cells++
					}
				}
			}
			if cells < 100 {
				t.Errorf("only %d cells compared", cells)
			}
		})
	}
}

func noFile(p Pos) Pos { p.File = ""; return p }

// The last-saved time comes from the summary information, which
// LibreOffice carries over from the .docx's core properties.
func TestWord97Saved(t *testing.T) {
	for _, name := range append(docFixtures, "filled-2021-gov-lo") {
		want := parseFixture(t, name+".docx").Saved
		got, err := ParseFile(context.Background(), filepath.Join(docDir, name+".doc"), DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		if got.Saved != want {
			t.Errorf("%s: saved %q, want %q as the .docx", name, got.Saved, want)
		}
	}
	// A damaged property set leaves the date unknown, however it is cut.
	data := fixtureDoc(t, "filled-2021-wps.doc")
	cf, err := openCFB(data)
	if err != nil {
		t.Fatal(err)
	}
	b, err := cf.stream(summaryStream)
	if err != nil || summarySaved(b) != "2025-12-08T22:17:24Z" {
		t.Fatalf("summary information: %q, %v", summarySaved(b), err)
	}
	for n := range len(b) {
		summarySaved(b[:n])
		c := bytes.Clone(b)
		c[n] ^= 0xFF
		summarySaved(c)
	}
}

// WPS Office 2005 and later write .wps files in the layout of .doc: a
// .doc named .wps reads the same, and so does one named .docx (the
// content decides).
func TestWord97AsWPS(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(docDir, "filled-2021-wps.doc"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse(context.Background(), "r.doc", data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"r.wps", "r.docx", "r"} {
		got, err := Parse(context.Background(), name, data, DefaultLimits())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if a, b := blockTexts(got), blockTexts(want); !equal(a, b) {
			t.Errorf("%s reads differently", name)
		}
	}
}

// The password-protected .doc LibreOffice wrote is ErrEncrypted, as an
// encrypted .docx is.
func TestWord97Encrypted(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(docDir, "encrypted.doc"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"e.doc", "e.wps"} {
		if _, err := Parse(context.Background(), name, data, DefaultLimits()); !errors.Is(err, ErrEncrypted) {
			t.Errorf("%s: err = %v, want ErrEncrypted", name, err)
		}
	}
}

// cellShapes lists each row's cells as text, span, merge and column.
func cellShapes(tb *Table) [][]string {
	var out [][]string
	for _, r := range tb.Rows {
		var row []string
		for _, c := range r.Cells {
			s := c.Text + "|" + string(rune('0'+c.Span)) + "@" + string(rune('0'+c.Pos.Col))
			if c.Merged {
				s += "M"
			}
			row = append(row, s)
		}
		out = append(out, row)
	}
	return out
}

// TestWord97Structures reads files built with the structures LibreOffice
// does not write into the fixtures.
func TestWord97Structures(t *testing.T) {
	ctx := context.Background()
	three := []int{0, 1000, 2000, 3000}
	var paras []wPara
	paras = append(paras,
		wPara{text: "Title\r", compressed: true},
		wPara{text: "a\x13 PAGE \x141\x15b\x13 TOC \x13 inner \x14x\x15 \x15c\r"}, // fields: code dropped, results kept
		wPara{text: "“quoted” tab\there\vline\r", compressed: false},
		wPara{text: "\u0093cp1252\u0094\r", compressed: true}, // bytes 0x93, 0x94: quotes in Windows-1252
		wPara{text: "𠀀 pair\x01\x08\r"},                       // a surrogate pair; picture and drawing anchors dropped
	)
	paras = append(paras, row(tdef(three), "1", "x\ty", "3")...)
	// A row whose first two cells are merged horizontally, and a row
	// whose first cell continues a vertical merge.
	paras = append(paras, row(tdef(three, tcFirstMerged, tcMerged), "wide", "", "z")...)
	paras = append(paras, row(tdef(three, tcVertMerge|tcVertRestart), "v", "m", "n")...)
	paras = append(paras, row(tdef(three, tcVertMerge), "", "p", "q")...)
	// A row with a cell on two grid columns of the table's grid.
	paras = append(paras, row(tdef([]int{0, 2000, 3000}), "two", "one")...)
	// A cell holding a nested table: its paragraphs are lines.
	paras = append(paras,
		wPara{text: "outer\r", sprms: inTable},
		wPara{text: "n1\r", sprms: innerEnd},
		wPara{text: "n2\r", sprms: innerEnd},
		wPara{text: "\r", sprms: innerTtp},
		wPara{text: "\a", sprms: inTable},
		wPara{text: "\a", sprms: append(append([]byte{}, ttp...), tdef([]int{0, 3000})...)},
		wPara{text: "after\r"},
		wPara{text: "page\x0cbreak\r"},
	)
	doc, err := Parse(ctx, "s.doc", word97Of(t, paras, docOpts{}), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	var ps []string
	for _, p := range doc.Paragraphs() {
		ps = append(ps, p.Text)
	}
	wantParas := []string{"Title", "a1bc", "“quoted” tab\there\nline", "“cp1252”", "𠀀 pair", "after", "page\nbreak"}
	if !equal(ps, wantParas) {
		t.Errorf("paragraphs %q, want %q", ps, wantParas)
	}
	tbs := doc.Tables()
	if len(tbs) != 1 {
		t.Fatalf("%d tables", len(tbs))
	}
	got := cellShapes(tbs[0])
	want := [][]string{
		{"1|1@1", "x y|1@2", "3|1@3"},
		{"wide|2@1", "z|1@3"},
		{"v|1@1", "m|1@2", "n|1@3"},
		{"|1@1M", "p|1@2", "q|1@3"},
		{"two|2@1", "one|1@3"},
		{"outer\nn1\nn2\n|3@1"},
	}
	if len(got) != len(want) {
		t.Fatalf("rows %q, want %q", got, want)
	}
	for i := range want {
		if !equal(got[i], want[i]) {
			t.Errorf("row %d: %q, want %q", i+1, got[i], want[i])
		}
	}
	if p := tbs[0].Rows[1].Cells[1].Pos; p != (Pos{File: "s.doc", Table: 1, Row: 2, Col: 3}) {
		t.Errorf("pos %+v", p)
	}
}

// TestWord97Modifiers reads table sprms that change a row definition,
// variable-size sprms before the ones read, and properties that a piece
// carries in the CLX (Prm1): hidden text, and a deleted paragraph mark
// that joins two paragraphs.
func TestWord97Modifiers(t *testing.T) {
	three := []int{0, 1000, 2000, 3000}
	cat := func(bs ...[]byte) []byte { return bytes.Join(bs, nil) }
	chgTabs := sprm(sprmPChgTabs, 255, 1, 0x10, 0, 0x20, 0, 2, 1, 0, 2, 0, 0, 0) // cb 255: one tab deleted, two added
	chgTabsShort := sprm(sprmPChgTabs, 2, 0, 0)
	dtap := sprm(sprmPDtap, 1, 0, 0, 0)
	var paras []wPara
	paras = append(paras,
		wPara{text: "keep\r"},
		wPara{text: "hidden\r", prc: sprm(sprmCFVanish, 1)},
		wPara{text: "joined "},
		wPara{text: "\r", prc: sprm(sprmCFRMarkDel, 1)},
		wPara{text: "line\r"},
		wPara{text: "gone", prc: sprm(sprmCFRMarkDel, 0x81)},
		wPara{text: "\r"},
	)
	paras = append(paras, row(cat(tdef(three), sprm(sprmTVertMerge, 2, 0, 3), sprm(sprmTMerge, 1, 3)), "v", "wide", "")...)
	paras = append(paras, row(cat(tdef(three, 0, tcFirstMerged, tcMerged), sprm(sprmTVertMerge, 2, 0, 1), sprm(sprmTSplit, 1, 3)), "", "b", "c")...)
	paras = append(paras,
		wPara{text: "t\a", sprms: cat(chgTabs, inTable)},
		wPara{text: "s\a", sprms: cat(chgTabsShort, inTable)},
		wPara{text: "n\r", sprms: cat(itap(1), dtap, sprm(sprmPFInnerTableCell, 1))},
		wPara{text: "\a", sprms: inTable},
	)
	paras = append(paras, wPara{text: "\a", sprms: cat(ttp, tdef(three))})
	doc, err := Parse(context.Background(), "m.doc", word97Of(t, paras, docOpts{}), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	var ps []string
	for _, p := range doc.Paragraphs() {
		ps = append(ps, p.Text)
	}
	if want := []string{"keep", "joined line"}; !equal(ps, want) {
		t.Errorf("paragraphs %q, want %q", ps, want)
	}
	got := cellShapes(doc.Tables()[0])
	want := [][]string{
		{"v|1@1", "wide|2@2"},
		{"|1@1M", "b|1@2", "c|1@3"},
		{"t|1@1", "s|1@2", "n\n|1@3"},
	}
	for i := range want {
		if i >= len(got) || !equal(got[i], want[i]) {
			t.Fatalf("rows %q, want %q", got, want)
		}
	}
}

// A layout table (one cell wide, holding a table) is read through as the
// .docx reader reads it: its paragraphs are body paragraphs, the table in
// it a top-level table. LibreOffice writes a report saved from a web page
// so (filled-2021-gov-lo.doc).
func TestWord97LayoutTable(t *testing.T) {
	paras := []wPara{
		{text: "menu\r"},
		{text: "title\r", sprms: inTable},
		{text: "a\r", sprms: innerEnd},
		{text: "b\r", sprms: innerEnd},
		{text: "\r", sprms: append(append([]byte{}, innerTtp...), tdef([]int{0, 1000, 2000})...)},
		{text: "text after\a", sprms: inTable},
		{text: "\a", sprms: append(append([]byte{}, ttp...), tdef([]int{0, 5000})...)},
	}
	doc, err := Parse(context.Background(), "l.doc", word97Of(t, paras, docOpts{}), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"menu", "title", "T:a|", "text after"}
	if got := blockTexts(doc); !equal(got, want) {
		t.Errorf("blocks %q, want %q", got, want)
	}
	gov, err := ParseFile(context.Background(), filepath.Join(docDir, "filled-2021-gov-lo.doc"), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(gov.Tables()); n != 3 {
		t.Errorf("%d tables in the web page's .doc, want 3 (table 二 in one piece, 三, 四)", n)
	}
}

// A row definition too large for its FKP is in the Data stream
// (sprmPHugePapx), as LibreOffice writes the rows of table 三.
func TestWord97HugePapx(t *testing.T) {
	def := tdef([]int{0, 2000, 3000})
	data := append(make([]byte, 16), binary.LittleEndian.AppendUint16(nil, uint16(len(def)))...)
	data = append(data, def...)
	huge := sprm(sprmPHugePapx, binary.LittleEndian.AppendUint32(nil, 16)...)
	paras := row(tdef([]int{0, 1000, 2000, 3000}), "1", "2", "3")
	paras = append(paras, wPara{text: "a\a", sprms: inTable}, wPara{text: "b\a", sprms: inTable},
		wPara{text: "\a", sprms: append(append([]byte{}, ttp...), huge...)})
	for _, tt := range []struct {
		name string
		data []byte
		want []string
	}{
		{"in the Data stream", data, []string{"a|2@1", "b|1@3"}},
		{"outside the Data stream", data[:20], []string{"a|1@1", "b|1@2"}}, // no definition: one column each
	} {
		doc, err := Parse(context.Background(), "h.doc", word97Of(t, paras, docOpts{data: tt.data}), DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		if got := cellShapes(doc.Tables()[0])[1]; !equal(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// fixtureDoc returns the bytes of a .doc fixture.
func fixtureDoc(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(docDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWord97Errors(t *testing.T) {
	simple := []wPara{{text: "x\r"}}
	small := DefaultLimits()
	small.MaxCells = 5
	shallow := DefaultLimits()
	shallow.MaxDepth = 3
	tiny := DefaultLimits()
	tiny.MaxInflatedBytes = 100
	real := fixtureDoc(t, "filled-2021-wps.doc")
	renamed := bytes.Clone(real)
	// The directory entry WordDocument renamed: a compound file that
	// holds no Word document, as the early WPS and Works formats.
	if i := bytes.Index(renamed, utf16le("WordDocument")); i < 0 {
		t.Fatal("no WordDocument entry")
	} else {
		copy(renamed[i:], utf16le("WpsDocument0"))
	}
	deepFields := []wPara{{text: strings.Repeat("\x13", 10) + "x\r"}}
	badPiece := func(clx []byte) []byte { binary.LittleEndian.PutUint32(clx[len(clx)-6:], 1<<29); return clx }
	tests := []struct {
		name string
		data []byte
		lim  *Limits
		want error
	}{
		{"Word 95", word97Of(t, simple, docOpts{nFib: 0x0068}), nil, ErrLegacyDoc},
		{"Word 6.0", word97Of(t, simple, docOpts{nFib: 0x0065}), nil, ErrLegacyDoc},
		{"no WordDocument stream", renamed, nil, ErrLegacyDoc},
		{"encrypted flag", word97Of(t, simple, docOpts{flags: fibEncrypted}), nil, ErrEncrypted},
		{"encrypted OOXML in a .doc", cfbOf(t, map[string][]byte{"EncryptionInfo": {1}, "EncryptedPackage": {1}}), nil, ErrEncrypted},
		{"truncated", real[:len(real)/2], nil, ErrCorrupt},
		{"header only", real[:512], nil, ErrCorrupt},
		{"no FIB", word97Of(t, simple, docOpts{fibPatch: func(f []byte) { f[0] = 0 }}), nil, ErrCorrupt},
		{"FIB cut short", word97Of(t, simple, docOpts{fibPatch: func(f []byte) { binary.LittleEndian.PutUint16(f[fibCswAt:], 0xFFFF) }}), nil, ErrCorrupt},
		{"no table stream", word97Of(t, simple, docOpts{fibPatch: func(f []byte) { binary.LittleEndian.PutUint16(f[fibFlagsAt:], 0) }}), nil, ErrCorrupt},
		{"text longer than its stream", word97Of(t, simple, docOpts{ccpText: 1 << 30}), nil, ErrCorrupt},
		{"text beyond the pieces", word97Of(t, simple, docOpts{ccpText: 3}), nil, ErrCorrupt},
		{"piece table outside the table stream", word97Of(t, simple, docOpts{fibPatch: func(f []byte) { binary.LittleEndian.PutUint32(f[0x9A+8*fibFcClx:], 1<<30) }}), nil, ErrCorrupt},
		{"piece outside WordDocument", word97Of(t, simple, docOpts{clxPatch: badPiece}), nil, ErrCorrupt},
		{"bad CLX entry", word97Of(t, simple, docOpts{clxPatch: func(c []byte) []byte { return append([]byte{7}, c...) }}), nil, ErrCorrupt},
		{"property modifier too long", word97Of(t, simple, docOpts{clxPatch: func(c []byte) []byte { return append([]byte{1, 0xFF, 0x7F}, c...) }}), nil, ErrCorrupt},
		{"pieces out of order", word97Of(t, []wPara{{text: "a\r"}, {text: "b\r"}}, docOpts{clxPatch: func(c []byte) []byte {
			binary.LittleEndian.PutUint32(c[5+4:], 0) // the first piece ends where it starts
			return c
		}}), nil, ErrCorrupt},
		{"too many cells", real, &small, ErrTooLarge},
		{"fields nested too deep", word97Of(t, deepFields, docOpts{}), &shallow, ErrTooLarge},
		{"tables nested too deep", word97Of(t, []wPara{{text: "x\a", sprms: itap(1000)}}, docOpts{}), &shallow, ErrTooLarge},
		{"text over the limit", real, &tiny, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lim := DefaultLimits()
			if tt.lim != nil {
				lim = *tt.lim
			}
			doc, err := Parse(context.Background(), "t.doc", tt.data, lim)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if doc != nil {
				t.Errorf("got a document with the error")
			}
		})
	}
}

// Damage that leaves the text readable is not an error: properties that
// cannot be found are the defaults, sprms cut short end their list.
func TestWord97DamagedProperties(t *testing.T) {
	paras := append([]wPara{{text: "body\r"}}, row(tdef([]int{0, 1000, 2000}), "a", "b")...)
	tests := []struct {
		name      string
		o         docOpts
		wantTable bool
	}{
		{"no paragraph properties", docOpts{noPapx: true}, false},
		{"FKP page outside WordDocument", docOpts{tblPatch: func(tbl []byte) {
			binary.LittleEndian.PutUint32(tbl[8:], 0x3FFFFF) // aPn[0] after aFC[0], aFC[1]
		}}, false},
		{"FKP with an impossible run count", docOpts{fibPatch: func(f []byte) {}, tblPatch: func(tbl []byte) {
			binary.LittleEndian.PutUint32(tbl[8:], 0) // page 0: the FIB, whose last byte is 0
		}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(context.Background(), "d.doc", word97Of(t, paras, tt.o), DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			if got := len(doc.Tables()) == 1; got != tt.wantTable {
				t.Errorf("table read: %v, want %v (%q)", got, tt.wantTable, blockTexts(doc))
			}
		})
	}
	// Every truncation of a row definition and of its sprms.
	def := tdef([]int{0, 1000, 2000}, tcVertMerge)
	for n := range len(def) {
		ps := append([]wPara{}, paras[:3]...)
		ps = append(ps, wPara{text: "\a", sprms: append(append([]byte{}, ttp...), def[:n]...)})
		if _, err := Parse(context.Background(), "d.doc", word97Of(t, ps, docOpts{}), DefaultLimits()); err != nil {
			t.Fatalf("definition cut at %d: %v", n, err)
		}
	}
}

func TestWord97Canceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Parse(ctx, "c.doc", fixtureDoc(t, "seed-2020-wps.doc"), DefaultLimits()); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

// A large .doc: 20,000 paragraphs of text in a table of 2,000 rows reads
// in well under a second.
func TestWord97Large(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large file")
	}
	var paras []wPara
	for i := range 2000 {
		paras = append(paras, row(tdef([]int{0, 1000, 2000}), strings.Repeat("数", i%50), "1")...)
	}
	for range 14000 {
		paras = append(paras, wPara{text: "正文段落正文段落\r"})
	}
	data := word97Of(t, paras, docOpts{})
	start := time.Now()
	doc, err := Parse(context.Background(), "l.doc", data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
	if n := len(doc.Tables()[0].Rows); n != 2000 {
		t.Errorf("%d rows", n)
	}
}

func BenchmarkParseWord97(b *testing.B) {
	data := fixtureDoc(b, "filled-2021-wps.doc")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(context.Background(), "b.doc", data, DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParseWord97(f *testing.F) {
	for _, n := range []string{"v2021-clean-lo.doc", "encrypted.doc"} {
		f.Add(fixtureDoc(f, n))
	}
	three := []int{0, 1000, 2000, 3000}
	paras := []wPara{{text: "T\x13x\x14y\x15\r", compressed: true}, {text: "“\t”\r"}}
	paras = append(paras, row(tdef(three, tcFirstMerged, tcMerged, tcVertMerge), "1", "2", "3")...)
	paras = append(paras, wPara{text: "n\r", sprms: innerEnd}, wPara{text: "\r", sprms: innerTtp}, wPara{text: "\a", sprms: inTable})
	paras = append(paras, row(tdef(three), "a")...)
	f.Add(word97Of(f, paras, docOpts{}))
	f.Add(word97Of(f, paras[:2], docOpts{nFib: 0x68}))
	lim := DefaultLimits()
	lim.MaxInflatedBytes = 8 << 20
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(context.Background(), "f.doc", data, lim)
		checkParsed(t, doc, err, ErrCorrupt, ErrTooLarge, ErrLegacyDoc, ErrEncrypted, ErrUnsupportedFormat, ErrEmpty)
	})
}

// checkParsed holds a parse to what every reader promises: a document or
// an error wrapping one of sentinels, never both; no table without rows,
// no row without cells; every cell with a span and a column, and no text
// in a cell that continues a vertical merge.
func checkParsed(t *testing.T, doc *Document, err error, sentinels ...error) {
	t.Helper()
	if (doc == nil) == (err == nil) {
		t.Fatalf("doc %v with err %v", doc != nil, err)
	}
	if err != nil {
		for _, s := range sentinels {
			if errors.Is(err, s) {
				return
			}
		}
		t.Fatalf("error wraps no sentinel: %v", err)
	}
	for _, tb := range doc.Tables() {
		if len(tb.Rows) == 0 {
			t.Fatal("empty table in document")
		}
		for _, r := range tb.Rows {
			if len(r.Cells) == 0 {
				t.Fatal("empty row in document")
			}
			for _, c := range r.Cells {
				if c.Span < 1 || c.Pos.Col < 1 || (c.Merged && c.Text != "") {
					t.Fatalf("bad cell %+v", c)
				}
			}
		}
	}
}
