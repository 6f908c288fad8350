package serve

import (
	"bytes"
	"embed"
	"encoding/json"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/nianbao/nianbao/report"
)

// assets holds the page template, its script and its style sheet.
//
//go:embed assets
var assets embed.FS

// Texts of the page. Each is a key of the report printer's catalogue, which
// holds its Chinese text (report/messages.go).
const (
	msgTitle      = "Annual report self-check"
	msgIntro      = "Check a draft annual report before submitting it: the sums in the three tables, the cells to fill in, the headings and the dates."
	msgDrop       = "Drop the report file here, or click to choose it"
	msgKinds      = "Word or WPS (.docx, .doc, .wps), PDF (.pdf), text (.txt) or web page (.html), at most %s"
	msgChecking   = "Checking %s…"
	msgDone       = "%s checked."
	msgDownload   = "Download the findings (.xlsx)"
	msgPrivacy    = "The file is checked in memory on this computer: it is not saved, and it is not sent anywhere else."
	msgNoScript   = "This page needs JavaScript. Without it, run nianbao check in a terminal."
	msgOffline    = "Cannot reach nianbao serve: is it still running?"
	msgFailed     = "The check failed: %s"
	msgOneFile    = "Drop one file at a time."
	msgXLSXSuffix = "findings"
)

// pageTexts are the texts of the page, by the name the template and the
// script use.
var pageTexts = []struct{ name, key string }{
	{"title", msgTitle}, {"intro", msgIntro}, {"drop", msgDrop}, {"kinds", msgKinds},
	{"checking", msgChecking}, {"done", msgDone}, {"download", msgDownload}, {"privacy", msgPrivacy},
	{"noscript", msgNoScript}, {"offline", msgOffline}, {"failed", msgFailed}, {"oneFile", msgOneFile},
	{"tooLarge", msgTooLarge}, {"xlsxSuffix", msgXLSXSuffix},
}

var pageTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.ParseFS(assets, "assets/index.html"))
})

// page serves the check page in the request's language.
func (h *handler) page(w http.ResponseWriter, r *http.Request) {
	p := h.printer(r)
	size := FormatSize(h.opts.MaxUpload, p)
	t := map[string]string{}
	for _, x := range pageTexts {
		switch x.key {
		case msgKinds, msgTooLarge:
			t[x.name] = p.Sprintf(x.key, size)
		case msgChecking, msgDone, msgFailed:
			t[x.name] = p.Sprintf(x.key, "%s") // filled in by the script
		default:
			t[x.name] = p.Sprintf(x.key)
		}
	}
	js, err := json.Marshal(t)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	data := struct {
		Lang, HTMLLang, Other, OtherName string
		Max                              int64
		T                                map[string]string
		JS                               string
	}{Lang: "zh", HTMLLang: "zh-CN", Other: "en", OtherName: "English", Max: h.opts.MaxUpload, T: t, JS: string(js)}
	if p.English() {
		data.Lang, data.HTMLLang, data.Other, data.OtherName = "en", "en", "zh", "中文"
	}
	var buf bytes.Buffer
	if err := pageTmpl().Execute(&buf, data); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	buf.WriteTo(w)
}

// asset serves the embedded script and style sheets, and the report's
// style sheet as report.css.
func asset(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Path
	var body []byte
	switch {
	case name == "report.css":
		body = []byte(report.HTMLStyle())
	case name == "index.html" || strings.Contains(name, "/"):
		http.NotFound(w, r)
		return
	default:
		var err error
		if body, err = fs.ReadFile(assets, "assets/"+name); err != nil {
			http.NotFound(w, r)
			return
		}
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}
