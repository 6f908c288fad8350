package schema

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/nianbao/nianbao/format"
)

// fileYearRe finds a year in a file name, not inside a longer number.
var fileYearRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)`) })

// FillFromFileName fills the agency and year that the title does not give
// from the name of the file read at path, as reviewers name the files they
// collect ("清凉峰镇2020年报.docx"). An agency is taken only when the name
// holds Chinese characters before the year (or the report words).
func (r *Report) FillFromFileName(path string) {
	if r.Agency != "" && r.Year != 0 {
		return
	}
	base := filepath.Base(path)
	base = format.NormalizeLabel(strings.TrimSuffix(base, filepath.Ext(base)))
	agency := base
	if m := fileYearRe().FindStringSubmatchIndex(base); m != nil {
		if r.Year == 0 {
			r.Year, _ = strconv.Atoi(base[m[2]:m[3]])
		}
		agency = base[:m[2]]
	}
	if r.Agency != "" {
		return
	}
	for changed := true; changed; {
		changed = false
		agency = strings.TrimRightFunc(agency, func(c rune) bool { return !unicode.Is(unicode.Han, c) })
		for _, w := range format.FileNameWords {
			if strings.HasSuffix(agency, w) && len(agency) > len(w) {
				agency, changed = strings.TrimSuffix(agency, w), true
			}
		}
	}
	agency = strings.TrimLeftFunc(agency, func(c rune) bool { return !unicode.Is(unicode.Han, c) })
	if agency != "" {
		r.Agency = agency
	}
}
