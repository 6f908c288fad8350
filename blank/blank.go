package blank

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
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
	return fill(tpl, Title(year, agency))
}

// checkAgency rejects what would break the one-line title: the docx
// library turns line breaks into <w:br/>, and XML 1.0 cannot hold most
// other control characters.
func checkAgency(agency string) error {
	if !utf8.ValidString(agency) {
		return fmt.Errorf("%w: not valid UTF-8", ErrInvalidAgency)
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

// fill returns tpl with its title replaced by title.
//
// The docx library's Write ignores the errors of its zip writer and of
// reading the template's entries. Writing to a bytes.Buffer cannot fail,
// and the embedded templates are read back by the tests, so neither can go
// unnoticed; the output still goes to a buffer first so that a failing
// writer never receives a partial package.
func fill(tpl []byte, title string) ([]byte, error) {
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
	if err := d.Replace(templateTitle, title, 1); err != nil {
		return nil, fmt.Errorf("fill title: %w", err)
	}
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		return nil, fmt.Errorf("write template: %w", err)
	}
	return buf.Bytes(), nil
}
