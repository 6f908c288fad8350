package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/schema"
)

type jsonFinding struct {
	Rule     string         `json:"rule"`
	Severity rules.Severity `json:"severity"`
	Message  string         `json:"message"`
	Detail   string         `json:"detail,omitempty"`
	Cell     string         `json:"cell,omitempty"`
	Related  []string       `json:"related,omitempty"`
	Expected *float64       `json:"expected,omitempty"`
	Actual   *float64       `json:"actual,omitempty"`
	Location parser.Pos     `json:"location"`
	Fixes    []rules.Fix    `json:"fixes,omitempty"`
}

type fileHead struct {
	Path     string `json:"path"`
	Format   string `json:"format,omitempty"`
	Template string `json:"template,omitempty"`
	Year     int    `json:"year,omitempty"`
	Agency   string `json:"agency,omitempty"`
	Title    string `json:"title,omitempty"`
}

func head(r lint.FileResult) fileHead {
	h := fileHead{Path: r.Path}
	if rep := r.Report; rep != nil {
		h.Format, h.Template, h.Year, h.Agency, h.Title = rep.Format, string(rep.Version), rep.Year, rep.Agency, rep.Title
	}
	return h
}

// JSON writes the check results:
//
//	{"files":[{"path","format","template","year","agency","findings":[…]}],
//	 "summary":{"files","errors","warnings","infos"}}
func JSON(w io.Writer, rs []lint.FileResult, p *Printer) error {
	return writeJSON(w, batchOf(rs), p)
}

// writeJSON is JSON with last year's reports that matched nothing:
//
//	"prev_unmatched":[{"path","agency","year"}]
func writeJSON(w io.Writer, b *lint.Batch, p *Printer) error {
	unmatched := b.PrevUnmatched
	type prev struct {
		Path   string `json:"path"`
		Agency string `json:"agency,omitempty"`
		Year   int    `json:"year,omitempty"`
	}
	type file struct {
		fileHead
		Findings []jsonFinding `json:"findings"`
	}
	// The files are encoded one at a time, so that a large batch is never
	// held as one value; the output is what encode would write for
	//
	//	{"files": […], "summary": {…}, "prev_unmatched": […]}
	//
	// with prev_unmatched omitted when empty.
	bw := bufio.NewWriter(w)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	bw.WriteString("{\n  \"files\": [")
	err := b.Each(func(i int, r lint.FileResult) error {
		f := file{fileHead: head(r), Findings: make([]jsonFinding, 0, len(r.Findings))}
		for _, fd := range r.Findings {
			f.Findings = append(f.Findings, jsonFinding{
				Rule: fd.Rule, Severity: fd.Severity, Message: p.Message(fd.Msg), Detail: fd.Detail,
				Cell: fd.Cell, Related: fd.Related, Expected: fd.Expected, Actual: fd.Actual,
				Location: fd.Pos, Fixes: fd.Fixes,
			})
		}
		buf.Reset()
		if err := enc.Encode(f); err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return nil
	})
	if err != nil {
		return err
	}
	if len(b.Summaries) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n  \"summary\": ")
	enc.SetIndent("  ", "  ")
	buf.Reset()
	if err := enc.Encode(Summarize(b.Summaries)); err != nil {
		return err
	}
	bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	if len(unmatched) > 0 {
		ps := make([]prev, 0, len(unmatched))
		for _, u := range unmatched {
			ps = append(ps, prev{u.Path, u.Agency, u.Year})
		}
		buf.Reset()
		if err := enc.Encode(ps); err != nil {
			return err
		}
		bw.WriteString(",\n  \"prev_unmatched\": ")
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// Extract writes the typed report of each file:
//
//	{"files":[{"path","format","template","year","agency","sections":[…],"cells":{…}}]}
func Extract(w io.Writer, rs []lint.FileResult, p *Printer) error {
	type section struct {
		Number   int        `json:"number"`
		Title    string     `json:"title"`
		Text     string     `json:"text"`
		Location parser.Pos `json:"location"`
	}
	type evidence struct {
		Version  format.Version `json:"version"`
		Label    string         `json:"label"`
		Location parser.Pos     `json:"location"`
	}
	type file struct {
		fileHead
		Encoding string                  `json:"encoding,omitempty"`
		Evidence []evidence              `json:"evidence,omitempty"`
		Sections []section               `json:"sections"`
		Cells    map[string]*schema.Cell `json:"cells"`
		Error    string                  `json:"error,omitempty"`
	}
	out := struct {
		Files []file `json:"files"`
	}{Files: []file{}}
	for _, r := range rs {
		f := file{fileHead: head(r), Sections: []section{}, Cells: map[string]*schema.Cell{}}
		if rep := r.Report; rep != nil {
			f.Encoding = rep.Encoding
			for _, e := range rep.Evidence {
				f.Evidence = append(f.Evidence, evidence{e.Version, e.Label, e.Pos})
			}
			for _, s := range rep.Sections {
				f.Sections = append(f.Sections, section{s.Number, s.Title, s.Text, s.Pos})
			}
			f.Cells = rep.Cells
		}
		for _, fd := range r.Findings {
			if fd.Rule == rules.P0001.ID {
				f.Error = p.Message(fd.Msg)
			}
		}
		out.Files = append(out.Files, f)
	}
	return encode(w, out)
}

func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
