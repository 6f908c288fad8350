package report

import (
	"html/template"
	"strings"
	"testing"
)

// gridTemplate is how the grid was drawn by html/template before
// grid.HTML: the reference for its escaping and markup.
var gridTemplate = template.Must(template.New("grid").Parse(`<table class="grid {{.Class}}"><caption>{{.Caption}}</caption>
{{range .Rows}}<tr>{{range .}}{{if .Head}}<th{{if gt .Colspan 1}} colspan="{{.Colspan}}"{{end}}{{if gt .Rowspan 1}} rowspan="{{.Rowspan}}"{{end}}{{if .Class}} class="{{.Class}}"{{end}}>{{.Text}}</th>{{else}}<td id="{{.ID}}"{{if gt .Colspan 1}} colspan="{{.Colspan}}"{{end}} class="{{.Class}}" title="{{.Title}}">{{.Text}}</td>{{end}}{{end}}</tr>
{{end}}</table>
`))

// TestGridHTML checks grid.HTML against the template it replaced, on
// texts with every character that needs escaping, invalid UTF-8 and NUL.
func TestGridHTML(t *testing.T) {
	odd := `<b>"x" & 'y' + z</b>` + "\x00\xff\xfe 表三\n第二行"
	g := grid{Caption: odd, Class: "t3 " + odd, Rows: [][]gridCell{
		{{Text: odd, Head: true, Colspan: 2, Rowspan: 3, Class: odd}, {Text: "", Head: true, Colspan: 1}},
		{{Text: odd, ID: "f1-" + odd, Class: "c-num sev-error", Title: odd, Colspan: 4}, {Text: "12", ID: "f1-t3.R1.NP", Title: "表三\n说明"}},
		{},
	}}
	var want strings.Builder
	if err := gridTemplate.Execute(&want, g); err != nil {
		t.Fatal(err)
	}
	if got := string(g.HTML()); got != want.String() {
		t.Errorf("grid.HTML:\n%s\nthe template:\n%s", got, want.String())
	}
}
