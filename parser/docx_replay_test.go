package parser

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// parseReplay parses data with replaying on or off.
func parseReplay(t *testing.T, data []byte, lim Limits, on bool) (*Document, error) {
	t.Helper()
	replayOff.Store(!on)
	defer replayOff.Store(false)
	return Parse(context.Background(), "t.docx", data, lim)
}

// sameParse fails unless data reads the same with replaying on (twice:
// with the bodies it keeps itself, then with those of the first parse)
// and off: the same document, or the same error.
func sameParse(t *testing.T, name string, data []byte, lim Limits) {
	t.Helper()
	want, wantErr := parseReplay(t, data, lim, false)
	for pass := 1; pass <= 2; pass++ {
		got, err := parseReplay(t, data, lim, true)
		if errString(err) != errString(wantErr) {
			t.Fatalf("%s, pass %d: err = %v, want %v", name, pass, err, wantErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s, pass %d: the document differs with replaying", name, pass)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// skippedBytes walks the main part of data once more with the bodies the
// pooled walkers keep and returns how many bytes replaying skipped.
func skippedBytes(t *testing.T, data []byte) int {
	t.Helper()
	lim := DefaultLimits()
	pkg, err := openPackageAt(memReader(data), int64(len(data)), lim)
	if err != nil {
		t.Fatal(err)
	}
	main, err := pkg.mainPart()
	if err != nil {
		t.Fatal(err)
	}
	w := walkers.Get().(*docxWalker)
	defer w.release()
	if _, err := w.layoutWalk(context.Background(), "t.docx", lim, pkg, main, make([]byte, 0, docxWindow)); err != nil {
		t.Fatal(err)
	}
	return w.replay.skipped
}

// TestReplayFixtures reads every .docx made by real software in testdata,
// and the Flat OPC and web-archive .doc files, with replaying and without:
// the documents are the same, and replaying skipped most of each part.
func TestReplayFixtures(t *testing.T) {
	var names []string
	for _, dir := range []string{"../testdata", "../blank"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".docx") || strings.HasSuffix(path, ".doc") || strings.HasSuffix(path, ".mht")) {
				names = append(names, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(names) < 15 {
		t.Fatalf("only %d fixtures found", len(names))
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		sameParse(t, name, data, DefaultLimits())
	}
	// The WPS and LibreOffice fixtures: most of the part is skipped.
	for _, name := range []string{"filled-2021-wps.docx", "filled-2021-lo.docx", "seed-2020-lo.docx"} {
		data, err := os.ReadFile(filepath.Join(docxDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if n := skippedBytes(t, data); n < 100_000 {
			t.Errorf("%s: replaying skipped %d bytes, want most of the part", name, n)
		}
	}
}

// replayDoc is a document whose properties bodies repeat in every
// context replaying must tell apart: in runs, paragraphs and cells; a
// body that a longer one starts with; a body holding an element the walker
// reads (w:vanish, w:vMerge), first outside and then inside a deleted run;
// references in a body's text; nesting (w:hyperlink is read through) that
// takes the same body deeper and deeper; a paragraph's properties, which
// hold a run's, first in the body and then deeper in a cell; and a body
// that holds the part's last start tags.
func replayDoc(t *testing.T) []byte {
	return docxOf(t, replayPart(false))
}

// replayNestedDoc is the part of replayDoc that stops at the least depth:
// a paragraph's properties, which hold a run's properties kept before,
// first in the body and then, deeper, in a cell.
func replayNestedDoc(t *testing.T) []byte {
	return docxOf(t, replayPart(true))
}

func replayPart(nestedOnly bool) string {
	const (
		font   = `<w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="24"/>`
		rich   = font + `<w:b/><w:bCs/><w:i/><w:iCs/><w:color w:val="000000"/><w:u w:val="single"/>`
		hidden = `<w:rFonts w:ascii="宋体" w:hAnsi="宋体"/><w:vanish/>`
		para   = `<w:pPr><w:jc w:val="both"/><w:rPr>` + font + `</w:rPr></w:pPr>`
		width  = `<w:tcW w:w="1200" w:type="dxa"/><w:vAlign w:val="center"/>`
	)
	run := func(props, text string) string {
		return `<w:r><w:rPr>` + props + `</w:rPr><w:t>` + text + `</w:t></w:r>`
	}
	var b strings.Builder
	if nestedOnly {
		b.WriteString(p(run(font, "一")) + `<w:p>` + para + r("二") + `</w:p>`)
		b.WriteString(tbl(tr(tc(width, `<w:p>`+para+r("1")+`</w:p>`))))
		return b.String()
	}
	for i := range 3 {
		b.WriteString(p(run(font, "一"), run(font+`<w:b/>`, "二"), run(hidden, "藏"), run(font, "三")))
		b.WriteString(`<w:p>` + para + run(font, "&amp;四&#x4E94;") + run(rich, "粗") + `</w:p>`)
		b.WriteString(`<w:p><w:del w:id="1">` + run(hidden, "删") + `</w:del>` + run(hidden, "藏") + `</w:p>`)
		b.WriteString(`<w:p>` + strings.Repeat(`<w:hyperlink>`, 2*i+1) + run(font, "深") + strings.Repeat(`</w:hyperlink>`, 2*i+1) + `</w:p>`)
		b.WriteString(tbl(
			tr(tc(width, `<w:p>`+para+r("1")+`</w:p>`), tc(width+`<w:vMerge w:val="restart"/>`, p(r("2")))),
			tr(tc(width, p(r("3"))), tc(width+`<w:vMerge/>`, p(r("4")))),
		))
		b.WriteString(`<w:p><w:r><w:rPr><!-- a comment -->` + font + `</w:rPr><w:t>五</w:t></w:r></w:p>`)
	}
	// The part's last start tags are in a body kept before.
	b.WriteString(`<w:p><w:r><w:rPr>` + rich + `</w:rPr></w:r></w:p>`)
	return b.String()
}

// TestReplayLimits reads replayDoc under every depth limit and a range of
// elements limits, with replaying and without: where a limit stops the
// walk inside a body it would skip, the error must be the same.
func TestReplayLimits(t *testing.T) {
	data := replayDoc(t)
	sameParse(t, "replayDoc", data, DefaultLimits())
	if n := skippedBytes(t, data); n == 0 {
		t.Fatal("replaying skipped nothing in replayDoc")
	}
	nested := replayNestedDoc(t)
	for depth := 1; depth <= 16; depth++ {
		lim := DefaultLimits()
		lim.MaxDepth = depth
		sameParse(t, fmt.Sprint("replayDoc, MaxDepth ", depth), data, lim)
		sameParse(t, fmt.Sprint("replayNestedDoc, MaxDepth ", depth), nested, lim)
	}
	for elems := 1; elems <= 80; elems++ {
		lim := DefaultLimits()
		lim.MaxElements = elems // the part may hold 8 times as many
		sameParse(t, fmt.Sprint("replayDoc, MaxElements ", elems), data, lim)
	}
}

// walkPart walks a main part through a window of the given size, with
// replaying on or off, and with the bodies w kept from before.
func walkPart(w *docxWalker, part string, window int, on bool) (*Document, error) {
	replayOff.Store(!on)
	defer replayOff.Store(false)
	doc := &Document{Path: "t.docx", Format: "docx"}
	w.init("t.docx", DefaultLimits(), doc)
	err := w.walkFrom(context.Background(), strings.NewReader(part), make([]byte, 0, window))
	return doc, err
}

// TestReplayWindows walks replayDoc's part through small windows, so that
// bodies straddle the window's refills: a body is kept only when it was
// read in one window, and skipped only when it lies in one.
func TestReplayWindows(t *testing.T) {
	part := docXML(replayPart(false))
	w := new(docxWalker)
	skipped := 0
	for window := 24; window <= 400; window += 7 {
		want, wantErr := walkPart(w, part, window, false)
		for pass := 1; pass <= 2; pass++ {
			got, err := walkPart(w, part, window, true)
			if errString(err) != errString(wantErr) || !reflect.DeepEqual(got, want) {
				t.Fatalf("window %d, pass %d: replaying changes the walk (err %v, want %v)", window, pass, err, wantErr)
			}
			skipped += w.replay.skipped
		}
	}
	if skipped == 0 {
		t.Fatal("nothing skipped")
	}
}

// FuzzReplay walks a main part with replaying and without, through a
// small window and whole, and fails if replaying changes the walk.
func FuzzReplay(f *testing.F) {
	f.Add(docXML(replayPart(false)), uint8(64))
	f.Add(docXML(replayPart(true)), uint8(30))
	f.Add(docXML(p(`<w:r><w:rPr><w:b/><w:i/><w:sz w:val="1"/></w:rPr><w:t>a</w:t></w:r><w:r><w:rPr><w:b/><w:i/><w:sz w:val="1"/></w:rPr><w:t>b</w:t></w:r>`)), uint8(40))
	w := new(docxWalker)
	f.Fuzz(func(t *testing.T, part string, window uint8) {
		size := 16 + int(window)
		want, wantErr := walkPart(w, part, size, false)
		for pass := 1; pass <= 2; pass++ {
			got, err := walkPart(w, part, size, true)
			if errString(err) != errString(wantErr) || !reflect.DeepEqual(got, want) {
				t.Fatalf("window %d, pass %d: replaying changes the walk (err %v, want %v)", size, pass, err, wantErr)
			}
		}
	})
}

// TestMayMatter: every name the walker reads passes the filter, and the
// property names that fill most of a part do not (a body holding one that
// passes is not kept for replaying).
func TestMayMatter(t *testing.T) {
	for _, n := range readNames {
		if !mayMatter([]byte(n)) {
			t.Errorf("mayMatter(%q) = false for a name the walker reads", n)
		}
	}
	for _, n := range []string{"rFonts", "sz", "szCs", "b", "tcW", "top", "left", "bottom", "right", "shd", "vAlign", "jc", "spacing", "ind", "color", "kern", "lang", "pStyle", "tcBorders", "noWrap"} {
		if mayMatter([]byte(n)) {
			t.Errorf("mayMatter(%q) = true", n)
		}
	}
}

// BenchmarkReplayHostile reads an 8 MB part made to cost replaying the
// most: runs whose properties nest 250 w:rPr deep, each ending in a value
// no other has, so that every nested start tag finds kept bodies that
// match it for up to 1.7 KB and then differ. Compare on with off.
func BenchmarkReplayHostile(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() < 8<<20; i++ {
		sb.WriteString("<w:p><w:r><w:rPr>" + strings.Repeat("<w:rPr>", 250) + `<w:sz w:val="` + fmt.Sprint(i) + `"/>` + strings.Repeat("</w:rPr>", 250) + "</w:rPr></w:r></w:p>")
	}
	part := docXML(sb.String())
	for _, on := range []bool{false, true} {
		b.Run(map[bool]string{false: "off", true: "on"}[on], func(b *testing.B) {
			w := new(docxWalker)
			b.SetBytes(int64(len(part)))
			for b.Loop() {
				if _, err := walkPart(w, part, docxWindow, on); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
