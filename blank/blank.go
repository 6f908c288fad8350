package blank

import (
	"bytes"
	"embed"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nguyenthenguyen/docx"
	"github.com/nianbao/nianbao/format"
)

//go:embed templates/v2019.docx templates/v2021.docx
var templates embed.FS

// Errors returned by Write and Bytes.
var (
	// ErrUnsupportedYear means that there is no template for the report
	// year: it is before FirstYear (no national format) or after LastYear.
	ErrUnsupportedYear = errors.New("no template for this report year")

	// ErrInvalidAgency means that the agency name holds a line break, a
	// tab or another control character, or is not valid UTF-8.
	ErrInvalidAgency = errors.New("invalid agency name")
)

const (
	// FirstYear is the first report year with a national format (2019).
	FirstYear = 2019
	// LastYear is the last report year accepted: nianbao reads years of
	// the form 19xx and 20xx.
	LastYear = 2099

	// firstYear2021 is the first report year of the 2021 format.
	firstYear2021 = 2021

	// AgencyPlaceholder stands in the title for the agency when none is
	// given, as in the placeholders of official templates ("XX市XX局"): a
	// clerk replaces it with the name of the body that publishes the report.
	AgencyPlaceholder = "XX"
)

// Title texts. They are document content, not row or column labels, so
// they live here rather than in format/labels.go.
const (
	// templateTitle is the title of both embedded templates, the text of a
	// single run (TestTemplateTitleIsOneRun).
	templateTitle = "政府信息公开工作年度报告格式模板"
	// titleFormat makes {机关}{年}年政府信息公开工作年度报告.
	titleFormat = "%s%d年政府信息公开工作年度报告"
)

// Format returns the format version of the template for a report year:
// format.V2019 for 2019 and 2020, format.V2021 from 2021 on. For a year
// outside FirstYear…LastYear it returns an error wrapping
// ErrUnsupportedYear.
func Format(year int) (format.Version, error) {
	switch {
	case year < FirstYear || year > LastYear:
		return "", fmt.Errorf("%w: %d (supported: %d–%d)", ErrUnsupportedYear, year, FirstYear, LastYear)
	case year < firstYear2021:
		return format.V2019, nil
	}
	return format.V2021, nil
}

// Title returns the report title for a year and agency,
// {机关}{年}年政府信息公开工作年度报告, with AgencyPlaceholder for an empty
// agency. Space around agency is dropped. It does not check the year.
func Title(year int, agency string) string {
	agency = strings.TrimSpace(agency)
	if agency == "" {
		agency = AgencyPlaceholder
	}
	return fmt.Sprintf(titleFormat, agency, year)
}

// Write writes to w the blank template (.docx) for the report year with the
// title filled in for agency (see Title). The template is the 2019 format
// for 2019 and 2020 and the 2021 format from 2021 on (see Format).
//
// The error wraps ErrUnsupportedYear for a year outside
// FirstYear…LastYear, ErrInvalidAgency for an agency that cannot stand in a
// one-line title, or is the error of w. Nothing is written to w unless the
// whole document was built.
func Write(w io.Writer, year int, agency string) error {
	b, err := Bytes(year, agency)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write template: %w", err)
	}
	return nil
}

// Bytes returns the blank template for the report year as Write writes it.
func Bytes(year int, agency string) ([]byte, error) {
	v, err := Format(year)
	if err != nil {
		return nil, err
	}
	if err := checkAgency(agency); err != nil {
		return nil, err
	}
	tpl, err := templateFor(v)
	if err != nil {
		return nil, err
	}
	return fill(tpl, layTitle(year, agency))
}

// Title layout. The templates print the title in 宋体, bold, 18 pt, on an
// A4 page with 1800-twip side margins: 8306 twips of line, 23 full-width
// characters at 18 pt.
const (
	lineTwips       = 11906 - 2*1800
	titleHalfPoints = 36 // the templates' w:sz of the title
	minHalfPoints   = 28 // 14 pt: the smallest a title is set
)

// titleLayout is the title as the template prints it: one or two lines at
// a size in half-points.
type titleLayout struct {
	lines []string
	size  int
}

// ems is the width of s in ems as Word, WPS and LibreOffice set a bold
// title: full-width characters 1, ASCII digits and letters 0.6 (the Latin
// face of the run is wider than half an em), and a quarter em where
// Chinese and Latin meet (the automatic space between them).
func ems(s string) float64 {
	w := 0.0
	prevASCII, first := false, true
	for _, r := range s {
		ascii := r < 0x80
		if ascii {
			w += 0.6
		} else {
			w++
		}
		if !first && ascii != prevASCII {
			w += 0.25
		}
		prevASCII, first = ascii, false
	}
	return w
}

// fits reports whether s fits one line at size half-points (an em is
// size×10 twips), with 5% to spare for the renderers' differences.
func fits(s string, size int) bool { return ems(s)*float64(size*10) <= 0.95*lineTwips }

// layTitle fits the title to its line: at 18 pt when it fits, else at
// 16 pt; a longer title breaks after the agency, so that the second line
// is "{年}年政府信息公开工作年度报告" and never one character alone, the
// agency line shrunk (not below 14 pt) until it fits.
func layTitle(year int, agency string) titleLayout {
	title := Title(year, agency)
	for _, size := range []int{titleHalfPoints, 32} {
		if fits(title, size) {
			return titleLayout{[]string{title}, size}
		}
	}
	name := strings.TrimSpace(agency)
	if name == "" {
		name = AgencyPlaceholder
	}
	size := titleHalfPoints
	for size > minHalfPoints && !fits(name, size) {
		size -= 2
	}
	return titleLayout{[]string{name, strings.TrimPrefix(title, name)}, size}
}

// checkAgency rejects what would break the title or the file name made of
// it: line breaks and the control characters XML 1.0 cannot hold, and the
// path separators / and \ (the title names the file written).
func checkAgency(agency string) error {
	if !utf8.ValidString(agency) {
		return fmt.Errorf("%w: not valid UTF-8", ErrInvalidAgency)
	}
	if strings.ContainsAny(agency, `/\`) {
		return fmt.Errorf("%w: %q holds a path separator", ErrInvalidAgency, agency)
	}
	for _, r := range agency {
		if unicode.IsControl(r) {
			return fmt.Errorf("%w: %q holds control character %U", ErrInvalidAgency, agency, r)
		}
	}
	return nil
}

// templateFor returns the embedded template of format v.
func templateFor(v format.Version) ([]byte, error) {
	name := "templates/v" + string(v) + ".docx"
	b, err := templates.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read embedded template %s: %w", name, err)
	}
	return b, nil
}

// fill returns tpl with its title laid out as t, every table row kept on
// one page and the header rows of table 三 repeated on each page it runs
// over.
//
// The docx library's Write ignores the errors of its zip writer and of
// reading the template's entries. Writing to a bytes.Buffer cannot fail,
// and the embedded templates are read back by the tests, so neither can go
// unnoticed; the output still goes to a buffer first so that a failing
// writer never receives a partial package.
func fill(tpl []byte, t titleLayout) ([]byte, error) {
	r, err := docx.ReadDocxFromMemory(bytes.NewReader(tpl), int64(len(tpl)))
	if err != nil {
		return nil, fmt.Errorf("open embedded template: %w", err)
	}
	defer r.Close()
	d := r.Editable()
	// The placeholder must be the whole text of one run (<w:t>…</w:t>):
	// replacing part of a run, or a text that Word split over runs, would
	// leave a wrong title.
	if n := strings.Count(d.GetContent(), ">"+templateTitle+"</w:t>"); n != 1 {
		return nil, fmt.Errorf("embedded template: title %q found as a whole run %d times, want 1", templateTitle, n)
	}
	var run strings.Builder
	for i, l := range t.lines {
		if i > 0 {
			run.WriteString("<w:br/>")
		}
		run.WriteString("<w:t>")
		if err := xml.EscapeText(&run, []byte(l)); err != nil {
			return nil, err
		}
		run.WriteString("</w:t>")
	}
	size := strconv.Itoa(t.size)
	d.ReplaceRaw(fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr><w:t>%s</w:t>`, titleHalfPoints, titleHalfPoints, templateTitle),
		`<w:sz w:val="`+size+`"/><w:szCs w:val="`+size+`"/></w:rPr>`+run.String(), 1)
	if strings.Contains(d.GetContent(), templateTitle) {
		return nil, fmt.Errorf("embedded template: the title run is not %d half-points", titleHalfPoints)
	}
	d.SetContent(keepRows(d.GetContent()))
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		return nil, fmt.Errorf("write template: %w", err)
	}
	return buf.Bytes(), nil
}

// keepRows marks every table row of doc (word/document.xml) as one that
// does not split across pages, and the rows of table 三 above its first
// data row as header rows that Word and WPS repeat on each page.
func keepRows(doc string) string {
	var b strings.Builder
	b.Grow(len(doc) + 4096)
	inT3Header := false
	for {
		i := strings.Index(doc, "<w:tbl>")
		j := strings.Index(doc, "<w:trPr>")
		if j < 0 {
			b.WriteString(doc)
			return b.String()
		}
		if i >= 0 && i < j {
			// A table starts: table 三 is the one with the applications.
			end := strings.Index(doc[i:], "</w:tbl>")
			inT3Header = end > 0 && strings.Contains(doc[i:i+end], format.T3Rows[0].Core[0])
		}
		row := doc[:j+len("<w:trPr>")]
		if inT3Header && strings.Contains(doc[j:nextRowEnd(doc, j)], format.T3Rows[0].Core[0]) {
			inT3Header = false
		}
		b.WriteString(row)
		b.WriteString("<w:cantSplit/>")
		if inT3Header {
			b.WriteString("<w:tblHeader/>")
		}
		doc = doc[j+len("<w:trPr>"):]
	}
}

// nextRowEnd is the end of the row holding position i of doc.
func nextRowEnd(doc string, i int) int {
	if k := strings.Index(doc[i:], "</w:tr>"); k >= 0 {
		return i + k
	}
	return len(doc)
}
