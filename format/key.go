package format

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Key names one data cell of the three tables, as template-spec §11 spells
// it: "t3.R7.TOT" (table 三, row, column), "t4.rev.keep" (table 四, group,
// column), "t2.a1.reg.issued" (table 二, block.row, column).
//
// A Key is a string so that it prints, sorts and marshals as the key; build
// one with [CellKey] or [ParseKey], which accept only the keys of the
// format (either version, with either layout of （六）其他处理), so that a
// misspelt key fails where it is made instead of silencing a check.
type Key string

// Table returns the table part: T2, T3 or T4.
func (k Key) Table() string {
	t, _, _ := strings.Cut(string(k), ".")
	return t
}

// Row returns the row part: "R7" for "t3.R7.TOT", "rev" for "t4.rev.keep",
// "a1.reg" for "t2.a1.reg.issued".
func (k Key) Row() string {
	s := string(k)
	i, j := strings.IndexByte(s, '.'), strings.LastIndexByte(s, '.')
	if i < 0 || i == j {
		return ""
	}
	return s[i+1 : j]
}

// Col returns the column part: "TOT", "keep", "issued".
func (k Key) Col() string {
	s := string(k)
	return s[strings.LastIndexByte(s, '.')+1:]
}

// Kind returns the kind of number the cell holds.
func (k Key) Kind() NumberKind { return KindOf(string(k)) }

// IsKey reports whether s is the key of a cell of the format.
func IsKey(s string) bool {
	_, ok := knownKeys()[s]
	return ok
}

// ParseKey returns s as a Key, or an error when the format has no such
// cell.
func ParseKey(s string) (Key, error) {
	if !IsKey(s) {
		return "", fmt.Errorf("unknown cell key %q", s)
	}
	return Key(s), nil
}

// CellKey returns the key of the cell in row and col of table ("t3", "R7",
// "TOT"; "t4", "rev", "keep"; "t2", "a1.reg", "issued"). It panics when the format has no such cell: keys are made by
// code, and a wrong one is a bug to find at once.
func CellKey(table, row, col string) Key {
	k := table + "." + row + "." + col
	if !IsKey(k) {
		panic(fmt.Sprintf("format: no cell %s", k))
	}
	return Key(k)
}

// KeysFor lists the data cell keys of a format version in template order:
// table 二 (none for VUnknown), table 三 with one or three （六） rows, and
// table 四. The slice is shared by every report of the version: callers
// must not modify it (appending copies it).
func KeysFor(v Version, r6Split bool) []string {
	if ks, ok := keySets()[keySet{v, r6Split}]; ok {
		return ks
	}
	return slices.Clip(keysFor(v, r6Split))
}

// JoinKey returns the key table+"."+row+"."+col (table+"."+col when row is
// ""), the string of KeysFor when it lists the key, so that most cells of a
// report share their key's memory. Unlike CellKey it accepts parts the
// format lacks: it names what a document has, such as a column of one
// version found in a table of the other.
func JoinKey(table, row, col string) string {
	var buf [64]byte
	b := append(buf[:0], table...)
	if row != "" {
		b = append(append(b, '.'), row...)
	}
	b = append(append(b, '.'), col...)
	if k, ok := knownKeys()[string(b)]; ok { // no allocation for the look-up
		return k
	}
	return string(b)
}

// keySet names one list of KeysFor.
type keySet struct {
	v       Version
	r6Split bool
}

// keySets holds KeysFor of every version, computed once: each report
// refers to its list instead of holding a copy. Never modified.
var keySets = sync.OnceValue(func() map[keySet][]string {
	// Each table's keys are made once and shared by the lists.
	t3 := [2][]string{t3Keys(false), t3Keys(true)}
	t4 := t4Keys()
	m := map[keySet][]string{}
	for _, v := range []Version{V2019, V2021, VUnknown} {
		t2 := t2Keys(v)
		for i, split := range []bool{false, true} {
			m[keySet{v, split}] = slices.Concat(t2, t3[i], t4)
		}
	}
	return m
})

// knownKeys maps every key of KeysFor to the string the lists hold.
// Never modified.
var knownKeys = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, ks := range keySets() {
		for _, k := range ks {
			m[k] = k
		}
	}
	return m
})

func keysFor(v Version, r6Split bool) []string {
	return slices.Concat(t2Keys(v), t3Keys(r6Split), t4Keys())
}

func t2Keys(v Version) []string {
	var keys []string
	for _, bl := range t2Layout[v] {
		for _, row := range bl.Rows {
			for _, col := range bl.Cols {
				keys = append(keys, T2+"."+bl.Block+"."+row+"."+col)
			}
		}
	}
	return keys
}

func t3Keys(r6Split bool) []string {
	var keys []string
	for _, row := range T3RowKeys(r6Split) {
		for _, col := range T3Columns {
			keys = append(keys, T3+"."+row+"."+col)
		}
	}
	return keys
}

func t4Keys() []string {
	var keys []string
	for _, g := range T4Groups {
		for _, p := range append(append([]string{}, T4Parts...), "total") {
			keys = append(keys, T4+"."+g+"."+p)
		}
	}
	return keys
}

// KindOf returns the number kind of a cell key.
func KindOf(key string) NumberKind {
	if strings.HasPrefix(key, T2+".") {
		col := key[strings.LastIndexByte(key, '.')+1:]
		for _, c := range T2Cols {
			if c.Key == col {
				return c.Kind
			}
		}
	}
	return Count
}
