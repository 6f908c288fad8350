package batchgen

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/nianbao/nianbao/internal/testsupport/textgen"
)

// DocxOptions says how GenerateDocx varies the template.
type DocxOptions struct {
	// SameText keeps the template's narrative, so that every report is a
	// near-copy of every other (the worst case for X1005). Otherwise the
	// long paragraphs have half their characters replaced at random.
	SameText bool
	// RealLength replaces the narrative with a made-up one of real length
	// (1,000–5,000 characters, textgen), distinct in every report, so that
	// the near-copy check has texts of the length it meets to compare.
	RealLength bool
	// NearCopyEvery makes every NearCopyEvery-th report (0: none) a
	// near-copy of the report before it: under RealLength, its narrative
	// with 1% of the characters changed (and another agency).
	NearCopyEvery int
	// BrokenEvery raises one table number by one in every BrokenEvery-th
	// report (0: never), so that the arithmetic rules fail there.
	BrokenEvery int
	// Seed makes the output reproducible.
	Seed uint64
}

// DocxTemplate is a .docx fixture read once, ready to be varied.
type DocxTemplate struct {
	entries []*zip.File
	raw     []byte
	xml     string // word/document.xml
	agency  string // the agency named in the title, replaced in each copy
	runs    []textAt
}

// textAt is a text run of the document XML: where it is (the tag, then its
// text) and whether it is in a table.
type textAt struct {
	at      []int
	inTable bool
}

// locate finds the text runs of t.xml and which are in tables.
func (t *DocxTemplate) locate() {
	var tables [][2]int
	depth, start := 0, 0
	for _, m := range tableOpen().FindAllStringIndex(t.xml, -1) {
		if t.xml[m[0]+1] != '/' {
			if depth == 0 {
				start = m[0]
			}
			depth++
		} else if depth--; depth == 0 {
			tables = append(tables, [2]int{start, m[1]})
		}
	}
	for _, m := range textRun().FindAllStringSubmatchIndex(t.xml, -1) {
		in := false
		for _, r := range tables {
			in = in || (m[0] >= r[0] && m[0] < r[1])
		}
		t.runs = append(t.runs, textAt{m, in})
	}
}

// LoadDocx reads the .docx fixture at path; agency is the name written in
// its title (某某镇人民政府 for the filled fixtures).
func LoadDocx(path, agency string) (*DocxTemplate, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	t := &DocxTemplate{entries: zr.File, raw: raw, agency: agency}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		t.xml = string(b)
	}
	if t.xml == "" {
		return nil, fmt.Errorf("%s: no word/document.xml", path)
	}
	t.locate()
	return t, nil
}

var (
	textRun   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>`) })
	tableOpen = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:tbl>|</w:tbl>`) })
)

// Render returns the document XML of report i: another agency, and the
// text and numbers varied as o says.
func (t *DocxTemplate) Render(i int, o DocxOptions) string {
	rng := rand.New(rand.NewPCG(o.Seed, uint64(i)))
	agency := fmt.Sprintf("第%d号镇人民政府", i+1)
	broken := o.BrokenEvery > 0 && i%o.BrokenEvery == o.BrokenEvery-1
	numbers, bump := 0, -1
	if broken {
		bump = rng.IntN(20)
	}
	// Under RealLength, the narrative shared out among the long runs.
	var narrative []string
	if o.RealLength {
		long := 0
		for _, r := range t.runs {
			if text := t.xml[r.at[2]:r.at[3]]; !r.inTable && utf8.RuneCountInString(text) >= 30 && !strings.Contains(text, t.agency) {
				long++
			}
		}
		src := i
		if o.NearCopyEvery > 0 && i%o.NearCopyEvery == o.NearCopyEvery-1 && i > 0 {
			src = i - 1
		}
		nrng := rand.New(rand.NewPCG(o.Seed, uint64(src)|1<<40))
		text := []rune(strings.ReplaceAll(textgen.Narrative(nrng, 1000+nrng.IntN(4001)), "\n", ""))
		if src != i {
			text = []rune(textgen.Mutate(rng, string(text), 0.01))
		}
		for k := range long {
			narrative = append(narrative, string(text[k*len(text)/long:(k+1)*len(text)/long]))
		}
	}
	var b strings.Builder
	b.Grow(len(t.xml) + 1024)
	last := 0
	for _, r := range t.runs {
		m := r.at
		text := t.xml[m[2]:m[3]]
		repl := text
		switch {
		case strings.Contains(text, t.agency):
			repl = strings.ReplaceAll(text, t.agency, agency)
		case r.inTable:
			if n, err := strconv.Atoi(text); err == nil {
				if numbers == bump {
					repl = strconv.Itoa(n + 1)
				}
				numbers++
			}
		case len(narrative) > 0 && utf8.RuneCountInString(text) >= 30:
			repl, narrative = narrative[0], narrative[1:]
		case !o.SameText && utf8.RuneCountInString(text) >= 30:
			rs := []rune(text)
			for j, r := range rs {
				if unicode.Is(unicode.Han, r) && rng.IntN(2) == 0 {
					rs[j] = rune(0x4E00 + rng.IntN(0x5000))
				}
			}
			repl = string(rs)
		}
		b.WriteString(t.xml[last:m[2]])
		b.WriteString(repl)
		last = m[3]
	}
	b.WriteString(t.xml[last:])
	return b.String()
}

// Write writes report i to path: the template's other parts copied as
// they are, and word/document.xml rendered and deflated.
func (t *DocxTemplate) Write(path string, i int, o DocxOptions) error {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	for _, f := range t.entries {
		if f.Name == "word/document.xml" {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
			if err != nil {
				return err
			}
			if _, err := io.WriteString(w, t.Render(i, o)); err != nil {
				return err
			}
			continue
		}
		if err := zw.Copy(f); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, out.Bytes(), 0o644)
}

// GenerateDocx writes n reports varied from the .docx fixture template
// (whose title names agency) into dir, 500 to a subdirectory, and returns
// their paths.
func GenerateDocx(dir, template, agency string, n int, o DocxOptions) ([]string, error) {
	t, err := LoadDocx(template, agency)
	if err != nil {
		return nil, err
	}
	paths := make([]string, 0, n)
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/500))
		if i%500 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return nil, err
			}
		}
		p := filepath.Join(sub, fmt.Sprintf("第%05d号镇2022年报.docx", i+1))
		if err := t.Write(p, i, o); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}
