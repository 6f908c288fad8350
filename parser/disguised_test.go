package parser

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
)

// Files named as Word documents that are something else inside, made by
// real software (testdata/disguised/gen.sh): the content decides.
func TestDisguisedWordFiles(t *testing.T) {
	for _, c := range []struct {
		file   string
		format string // read as; "" when an error is expected
		err    error
	}{
		{"filled-2021-lo-html.doc", "html", nil},
		{"filled-2021-blink-mht.doc", "html", nil},
		{"filled-2021-gov-py.mht", "html", nil},
		{"filled-2021-lo-rtf.doc", "rtf", nil},
		{"filled-2021-lo-word2003.doc", "", ErrWordXML},
		{"filled-2021-flatopc.doc", "", ErrWordXML},
	} {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile("../testdata/disguised/" + c.file)
			if err != nil {
				t.Fatal(err)
			}
			// The same bytes under every Word name are read alike.
			for _, ext := range []string{".doc", ".wps", ".docx", ".mht"} {
				doc, err := Parse(context.Background(), "x"+ext, data, DefaultLimits())
				if c.err != nil {
					if !errors.Is(err, c.err) || !errors.Is(err, ErrUnsupportedFormat) {
						t.Errorf("%s: error %v, want %v", ext, err, c.err)
					}
					continue
				}
				if err != nil {
					t.Fatalf("%s: %v", ext, err)
				}
				if doc.Format != c.format || len(doc.Tables()) < 3 {
					t.Errorf("%s: format %s, %d tables", ext, doc.Format, len(doc.Tables()))
				}
			}
		})
	}
}

func TestDisguisedEdgeCases(t *testing.T) {
	lim := DefaultLimits()
	for _, c := range []struct {
		name, data string
		err        error // nil: read
	}{
		{"fragment", "<div><p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr></table></div>", nil},
		{"single-part mht", "MIME-Version: 1.0\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=E4=B8=80=E3=80=81=E6=80=BB=E4=BD=93=E6=83=85=E5=86=B5</p>", nil},
		{"mht without page", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n", ErrUnsupportedFormat},
		{"mht without boundary", "MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n", ErrUnsupportedFormat},
		{"mht cut short", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nPHA+", nil},
		{"mht bad base64", "MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!", ErrCorrupt},
		{"plain text named .doc", "一、总体情况", ErrUnsupportedFormat},
		{"rtf after a BOM", "\ufeff{\\rtf1\\ansi 一、总体情况\\par}", nil},
		{"flat package", `<?xml version="1.0"?><?mso-application progid="Word.Document"?><pkg:package xmlns:pkg="x"/>`, ErrWordXML},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(context.Background(), "x.doc", []byte(c.data), lim)
			if c.err == nil && err != nil && !errors.Is(err, ErrEmpty) {
				t.Errorf("error %v", err)
			}
			if c.err != nil && !errors.Is(err, c.err) {
				t.Errorf("error %v, want %v", err, c.err)
			}
		})
	}
	// The page of a MIME HTML file is bounded like an unpacked .docx.
	small := lim
	small.MaxInflatedBytes = 100
	big := "MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<p>" + strings.Repeat("一", 100) + "</p>"
	var le *LimitError
	if _, err := Parse(context.Background(), "x.mht", []byte(big), small); !errors.As(err, &le) || le.Limit != LimitInflated {
		t.Errorf("error %v, want the inflated-size limit", err)
	}
}

func FuzzParseDisguised(f *testing.F) {
	addSeeds(f, "../testdata/disguised/*.mht")
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset=gb2312\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<table><tr><td>=D2=BB</td></tr></table>\r\n--b--\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(context.Background(), "fuzz.doc", b, DefaultLimits())
		if err != nil {
			return
		}
		checkShape(t, doc)
	})
}
