// Package batchgen builds folders of reports for the batch tests and
// benchmarks: copies of the committed fixtures with their agency, numbers
// and text changed in known ways, plus files that cannot be read. It
// records what it wrote, so that tests can compute totals independently of
// the outputs they check.
package batchgen

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/schema"
)

// Kind says how a generated file was made.
type Kind string

// Kinds of generated files.
const (
	Valid      Kind = "valid"      // numbers changed so that every sum still holds
	Broken     Kind = "broken"     // （七）总计 / 总计 raised by one: A2001 and A2002 fail
	Copy       Kind = "copy"       // a .docx fixture copied as it is
	NearCopy   Kind = "near-copy"  // same text as its twin, another agency
	Unreadable Kind = "unreadable" // cannot be read: P0001
)

// File is one generated report.
type File struct {
	Path   string
	Kind   Kind
	Agency string
	Year   int
	// Cells holds the value of every number cell as written.
	Cells map[string]float64
	// Keys lists every cell key of the report's format.
	Keys []string
}

// Source is a fixture read once: its lines and where each cell is.
type Source struct {
	Path    string
	Lines   []string
	Report  *schema.Report
	agency  string
	titleNo int // 0-based line of the title
}

// Load reads a .txt fixture and locates its cells.
func Load(path string) (*Source, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	opts := lint.DefaultOptions()
	opts.Rules = nil
	r := lint.CheckFile(context.Background(), path, opts)
	if r.Report == nil {
		return nil, fmt.Errorf("%s: %v", path, r.Err)
	}
	s := &Source{Path: path, Lines: strings.Split(string(b), "\n"), Report: r.Report, agency: r.Report.Agency}
	if r.Report.TitlePos.Line > 0 {
		s.titleNo = r.Report.TitlePos.Line - 1
	}
	return s, nil
}

var (
	digitsRe  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\s*)\S.*$`) })
	headingRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[一二三四五六]、`) })
)

// Render writes the source with another agency, the given cell values and,
// when text is set, the narrative paragraphs replaced by text of the same
// length that starts as the original does.
func (s *Source) Render(agency string, set map[string]float64, rng *rand.Rand) string {
	lines := append([]string(nil), s.Lines...)
	lines[s.titleNo] = strings.Replace(lines[s.titleNo], s.agency, agency, 1)
	for k, v := range set {
		c := s.Report.Cell(k)
		if c.Pos.Line == 0 {
			panic(fmt.Sprintf("%s: cell %s has no line", s.Path, k))
		}
		i := c.Pos.Line - 1
		lines[i] = digitsRe().ReplaceAllString(lines[i], "${1}") + fmt.Sprint(v)
	}
	if rng != nil {
		// Every paragraph gets as much made-up text again, so that the
		// reports differ as much as they share.
		for i, l := range lines {
			if i == s.titleNo || strings.HasPrefix(l, "\t") || headingRe().MatchString(l) || len([]rune(l)) < 20 {
				continue
			}
			var add []rune
			for n := len([]rune(l)) + 20; len(add) < n; {
				add = append(add, rune(0x4E00+rng.IntN(0x5000)))
				if rng.IntN(20) == 0 {
					add = append(add, '，')
				}
			}
			lines[i] = l + string(add) + "。"
		}
	}
	return strings.Join(lines, "\n")
}

// Values returns the number cells of the source with set applied.
func (s *Source) Values(set map[string]float64) map[string]float64 {
	out := map[string]float64{}
	for k, c := range s.Report.Cells {
		if c.IsNumber() {
			out[k] = c.Value
		}
	}
	for k, v := range set {
		out[k] = v
	}
	return out
}

// Generate writes n reports under dir (in subfolders, as a district's
// folder looks) from the fixtures under testdata, and returns them sorted
// by path, the order nianbao checks them in. About one in ten is broken,
// one in twenty cannot be read, a few are .docx copies and two are
// near-copies of each other.
func Generate(dir, testdata string, n int) ([]File, error) {
	clean, err := Load(filepath.Join(testdata, "v2021-clean.txt"))
	if err != nil {
		return nil, err
	}
	seed, err := Load(filepath.Join(testdata, "seed-2020.txt"))
	if err != nil {
		return nil, err
	}
	docx, err := filepath.Glob(filepath.Join(testdata, "docx", "filled-2021-*.docx"))
	if err != nil || len(docx) == 0 {
		return nil, fmt.Errorf("no .docx fixtures: %v", err)
	}
	rng := rand.New(rand.NewPCG(6, 2026))
	var files []File
	write := func(name string, data []byte, f File) error {
		f.Path = filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(f.Path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(f.Path, data, 0o644); err != nil {
			return err
		}
		files = append(files, f)
		return nil
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...)
	for i := range n {
		town := fmt.Sprintf("第%03d街道", i)
		sub := fmt.Sprintf("片区%d", i%7)
		var err error
		switch {
		case i%20 == 7:
			err = write(filepath.Join(sub, fmt.Sprintf("%s旧文件.doc", town)), ole, File{Kind: Unreadable})
		case i%20 == 13:
			err = write(filepath.Join(sub, fmt.Sprintf("%s损坏.docx", town)), []byte("PK\x03\x04broken"), File{Kind: Unreadable})
		case i%25 == 3:
			src := docx[(i/25)%len(docx)]
			b, rerr := os.ReadFile(src)
			if rerr != nil {
				return nil, rerr
			}
			r := lint.CheckFile(context.Background(), src, lint.DefaultOptions())
			vals := map[string]float64{}
			for k, c := range r.Report.Cells {
				if c.IsNumber() {
					vals[k] = c.Value
				}
			}
			err = write(filepath.Join(sub, fmt.Sprintf("%s-%s", town, filepath.Base(src))), b,
				File{Kind: Copy, Agency: r.Report.Agency, Year: r.Report.Year, Cells: vals, Keys: r.Report.Keys})
		case i == 10 || i == 11:
			// Two agencies, one text: the same made-up text in both.
			err = write(filepath.Join(sub, town+"2020年报.txt"), []byte(seed.Render(town, nil, rand.New(rand.NewPCG(1, 1)))),
				File{Kind: NearCopy, Agency: town, Year: 2020, Cells: seed.Values(nil), Keys: seed.Report.Keys})
		case i%6 == 5:
			// A 2020 report in the 2019 format, with its blank cells.
			set := map[string]float64{"t2.a1.norm.made": float64(i % 9)}
			err = write(filepath.Join(sub, town+"2020年报.txt"), []byte(seed.Render(town, set, rng)),
				File{Kind: Valid, Agency: town, Year: 2020, Cells: seed.Values(set), Keys: seed.Report.Keys})
		default:
			// 2021 format: move d applications of natural persons into
			// "disclosed", which keeps every sum, and break one in ten.
			d := float64(i % 5)
			set := map[string]float64{}
			for _, k := range []string{"t3.NEW.NP", "t3.NEW.TOT", "t3.R1.NP", "t3.R1.TOT", "t3.R7.NP", "t3.R7.TOT"} {
				set[k] = clean.Report.Cell(k).Value + d
			}
			set["t2.a6.pen.decisions"] = float64(i)
			kind := Valid
			if i%10 == 4 {
				kind = Broken
				set["t3.R7.TOT"]++
			}
			err = write(filepath.Join(sub, town+"2022年度报告.txt"), []byte(clean.Render(town, set, rng)),
				File{Kind: kind, Agency: town, Year: 2022, Cells: clean.Values(set), Keys: clean.Report.Keys})
		}
		if err != nil {
			return nil, err
		}
	}
	sorted, err := lint.Expand([]string{dir})
	if err != nil {
		return nil, err
	}
	byPath := map[string]File{}
	for _, f := range files {
		byPath[f.Path] = f
	}
	out := make([]File, 0, len(files))
	for _, p := range sorted {
		out = append(out, byPath[p])
	}
	if len(out) != len(files) {
		return nil, fmt.Errorf("%d files written, %d found", len(files), len(out))
	}
	return out, nil
}
