package rules

import (
	"regexp"
	"sync"
)

// lazyRE is a regular expression compiled when it is first used. Most
// runs reach a few of the rules' patterns (the narrative ones only for
// sentences with their key word), and compiling them all at start cost
// every run, `nianbao --version` included, about 0.3 MB and half a
// millisecond.
type lazyRE struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

// lazyREs lists every pattern, for the test that compiles them all.
var lazyREs []*lazyRE

// lazyRegexp returns the pattern src, compiled on first use; a bad
// pattern panics then, and in TestPatternsCompile.
func lazyRegexp(src string) *lazyRE {
	l := &lazyRE{src: src}
	lazyREs = append(lazyREs, l)
	return l
}

func (l *lazyRE) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}
