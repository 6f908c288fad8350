package parser

import "testing"

func TestPosString(t *testing.T) {
	for _, c := range []struct {
		p    Pos
		want string
	}{
		{Pos{}, "-"},
		{Pos{File: "a.txt", Line: 12}, "a.txt:12"},
		{Pos{File: "a.docx", Table: 2, Row: 3, Col: 4}, "a.docx:table2[3,4]"},
		{Pos{File: "a.docx", Para: 7}, "a.docx:para7"},
		{Pos{File: "a.pdf", Page: 2, Table: 3, Row: 4, Col: 5}, "a.pdf:page2:table3[4,5]"},
		{Pos{File: "a.pdf", Page: 1, Para: 9}, "a.pdf:page1:para9"},
		{Pos{File: "a.pdf", Page: 4}, "a.pdf:page4"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("%#v: %q, want %q", c.p, got, c.want)
		}
	}
}
