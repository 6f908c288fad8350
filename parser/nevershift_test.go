package parser_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/schema"
)

// valueToken is a cell of a text layout that holds a number: a line, or a
// field between pipes or tabs, whose text is a number.
type valueToken struct {
	line       int // index of the line
	start, end int // byte range of the number in the line
}

// valueTokens finds the numbers of a text that stand alone in a line or
// between pipes or tabs.
func valueTokens(lines []string) []valueToken {
	var out []valueToken
	for li, l := range lines {
		start := 0
		for k := 0; k <= len(l); k++ {
			if k < len(l) && l[k] != '|' && l[k] != '\t' {
				continue
			}
			f := l[start:k]
			t := strings.TrimSpace(f)
			if _, c := format.ParseNumber(t, format.Signed); t != "" && c == format.ClassNumber && strings.Trim(t, "0123456789.-") == "" {
				off := start + strings.Index(f, t)
				out = append(out, valueToken{li, off, off + len(t)})
			}
			start = k + 1
		}
	}
	return out
}

// layoutSep returns the separator of two cells in a layout: what stands
// between the token and the one after it on the same line, else a line
// break (with a blank line in a spaced layout).
func layoutSep(lines []string, tok valueToken) string {
	l := lines[tok.line]
	if strings.HasPrefix(l, "\t") && strings.Count(l, "\t") == 1 {
		return "\n\t" // tab-prefixed cells
	}
	if k := strings.LastIndexAny(l, "|\t"); k >= 0 {
		if l[k] == '\t' {
			return "\t"
		}
		return " | "
	}
	if tok.line+1 < len(lines) && strings.TrimSpace(lines[tok.line+1]) == "" {
		return "\n\n"
	}
	return "\n"
}

// limitedOps lists the layouts where some changes are not tried, and why.
var limitedOps = []struct {
	match  string // a part of the file name
	ops    string // the changes tried: b(lank), d(rop), s(plit)
	reason string
}{
	{"docx2txt", "bs", "docx2txt writes every cell, an empty one as an empty line: a line lost from it cannot be told from an empty cell"},
	{"lo-text", "bs", "LibreOffice's Text export writes every cell, an empty one as an empty line: as docx2txt"},
	{"tsv-collapsed", "bd", "a split cell in a row without label (table 四) gives 16 numbers for 15 columns, which the schema reads from the right (see the report of issue 18)"},
	{"seed-2020.txt", "b", "tab-prefixed cells: as tsv-collapsed for a split cell; a dropped cell before an empty grid column (2019 table 二) is not seen"},
}

// TestNeverShiftedRandom is the never-shift property over every text
// layout: each value of a layout's file is made unique, then cells are
// blanked, dropped or split at random, at most one in a table row; every
// cell read must be the value that cell has (blank only where it was
// blanked) or unread, never another.
func TestNeverShiftedRandom(t *testing.T) {
	var files []string
	for _, pat := range []string{"*.txt", "*.md"} {
		m, _ := filepath.Glob(filepath.Join(layoutsDir, pat))
		files = append(files, m...)
	}
	files = append(files, "../testdata/seed-2020.txt")
	trials := 40
	if testing.Short() {
		trials = 8
	}
	for _, path := range files {
		name := filepath.Base(path)
		if strings.Contains(name, "utf16") || strings.Contains(name, "gb18030") || name == "README.md" {
			continue // the same texts in other encodings
		}
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(b), "\n")
			toks := valueTokens(lines)
			// Unique values: the i-th number becomes 100+i.
			uniq := slicesClone(lines)
			for i := len(toks) - 1; i >= 0; i-- {
				tk := toks[i]
				l := uniq[tk.line]
				uniq[tk.line] = l[:tk.start] + strconv.Itoa(100+i) + l[tk.end:]
			}
			toks = valueTokens(uniq)
			ref := buildText(t, name, strings.Join(uniq, "\n"))
			valueKey := map[float64]string{}
			read := 0
			for _, k := range ref.Keys {
				if c := ref.Cell(k); c.State == schema.StateNumber {
					valueKey[c.Value] = k
					read++
				}
			}
			ops := "bds"
			for _, l := range limitedOps {
				if strings.Contains(name, l.match) {
					ops = l.ops
					t.Logf("changes tried: %s (%s)", ops, l.reason)
				}
			}
			rng := rand.New(rand.NewPCG(uint64(len(b)), 18))
			for trial := range trials {
				mut := slicesClone(uniq)
				blanked := map[string]bool{}
				var did []string
				// At most one change per table row: two in one row (a cell
				// split and another dropped) can leave a row that shows as
				// many cells as it should, which no reader can tell.
				var picks []int
				rows := map[string]bool{}
				for _, p := range rng.Perm(len(toks)) {
					if len(picks) == 1+trial%3 {
						break
					}
					tk := toks[p]
					v, _ := strconv.ParseFloat(uniq[tk.line][tk.start:tk.end], 64)
					row := valueKey[v]
					if k := strings.LastIndexByte(row, '.'); k > 0 {
						row = row[:k]
					}
					if strings.HasPrefix(row, "t4") {
						row = "t4"
					}
					if row != "" && rows[row] {
						continue
					}
					rows[row] = true
					picks = append(picks, p)
				}
				// Apply from the end of the text so that earlier tokens keep their offsets.
				sortDesc(picks, toks)
				for _, p := range picks {
					tk := toks[p]
					l := mut[tk.line]
					num := l[tk.start:tk.end]
					switch op := ops[rng.IntN(len(ops))]; {
					case op == 'b': // blanked
						mut[tk.line] = l[:tk.start] + l[tk.end:]
						v, _ := strconv.ParseFloat(num, 64)
						blanked[valueKey[v]] = true
						did = append(did, "blank "+num)
					case op == 'd': // dropped: the cell and its separator
						switch sep := layoutSep(mut, tk); {
						case (sep == "\t" || sep == " | ") && strings.ContainsAny(l[tk.end:], "|\t"):
							k := strings.IndexAny(l[tk.end:], "|\t")
							mut[tk.line] = l[:tk.start] + l[tk.end+k+1:]
						case strings.TrimSpace(l) == num:
							// A cell on a line of its own; a line of "|" that
							// separates it from the next cell goes with it.
							mut[tk.line] = "\x00drop"
							for _, dir := range []int{1, -1} {
								j := tk.line + dir
								for j > 0 && j < len(mut)-1 && strings.TrimSpace(mut[j]) == "" {
									j += dir
								}
								if j >= 0 && j < len(mut) && strings.TrimSpace(mut[j]) == "|" {
									mut[j] = "\x00drop"
									break
								}
							}
						default: // the last cell of a line: the separator before it goes
							k := strings.LastIndexAny(l[:tk.start], "|\t")
							mut[tk.line] = l[:max(k, 0)] + l[tk.end:]
						}
						did = append(did, "drop "+num)
					default: // split over two cells
						if len(num) < 2 {
							continue
						}
						cut := 1 + rng.IntN(len(num)-1)
						mut[tk.line] = l[:tk.start] + num[:cut] + layoutSep(mut, tk) + num[cut:] + l[tk.end:]
						did = append(did, "split "+num)
					}
				}
				var kept []string
				for _, l := range mut {
					if l != "\x00drop" {
						kept = append(kept, l)
					}
				}
				rep := buildText(t, name, strings.Join(kept, "\n"))
				if d := os.Getenv("NEVERSHIFT_DUMP"); d != "" {
					_ = os.WriteFile(filepath.Join(d, fmt.Sprintf("%s.%d", name, trial)), []byte(strings.Join(kept, "\n")), 0o644)
					_ = os.WriteFile(filepath.Join(d, name+".ref"), []byte(strings.Join(uniq, "\n")), 0o644)
				}
				for _, k := range ref.Keys {
					want, got := ref.Cell(k), rep.Cell(k)
					switch {
					case got == nil || got.State == schema.StateMissing:
					case got.State == schema.StateBlank && blanked[k]:
					case got.State == want.State && got.Value == want.Value:
					default:
						t.Errorf("trial %d (%s): %s = %s %v (%q), want %s %v or unread", trial, strings.Join(did, ", "), k, got.State, got.Value, got.Raw, want.State, want.Value)
					}
				}
			}
			t.Logf("%d values, %d read before the changes", len(toks), read)
		})
	}
}

func buildText(t *testing.T, name, text string) *schema.Report {
	t.Helper()
	doc, err := parser.Parse(context.Background(), name, []byte(text), parser.DefaultLimits())
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return schema.Build(doc)
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }

// sortDesc orders picks so that the tokens they index come from the end
// of the text first.
func sortDesc(picks []int, toks []valueToken) {
	for i := 1; i < len(picks); i++ {
		for j := i; j > 0; j-- {
			a, b := toks[picks[j-1]], toks[picks[j]]
			if a.line > b.line || a.line == b.line && a.start > b.start {
				break
			}
			picks[j-1], picks[j] = picks[j], picks[j-1]
		}
	}
}
