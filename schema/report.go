package schema

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
)

// State says what a cell holds.
type State string

// Cell states.
const (
	StateNumber  State = "number"  // a number valid for the cell
	StateBlank   State = "blank"   // the cell is empty
	StateNA      State = "na"      // "/", "—", "无" and the like
	StateText    State = "text"    // something that is not a valid number
	StateMissing State = "missing" // the row or column is not in the document
)

// Cell is one data cell of a table.
type Cell struct {
	Key   string
	Kind  format.NumberKind
	State State
	// Value is the parsed number; meaningful only when State is StateNumber.
	Value float64
	// Raw is the cell's text as the document had it.
	Raw string
	// Unit is a unit written inside a money cell after the number ("万元",
	// "元"); the value is in that unit.
	Unit string
	Pos  parser.Pos
}

// IsNumber reports whether c is present and holds a number.
func (c *Cell) IsNumber() bool { return c != nil && c.State == StateNumber }

// MarshalJSON writes {"state","value","raw","location"}; value only for
// numbers, raw and location only when the document had the cell.
func (c *Cell) MarshalJSON() ([]byte, error) {
	type out struct {
		State    State           `json:"state"`
		Value    json.RawMessage `json:"value,omitempty"`
		Raw      *string         `json:"raw,omitempty"`
		Unit     string          `json:"unit,omitempty"`
		Location *parser.Pos     `json:"location,omitempty"`
	}
	o := out{State: c.State, Unit: c.Unit}
	if c.State == StateNumber {
		o.Value = json.RawMessage(strconv.FormatFloat(c.Value, 'f', -1, 64))
	}
	if c.State != StateMissing {
		raw, pos := c.Raw, c.Pos
		o.Raw, o.Location = &raw, &pos
	}
	return json.Marshal(o)
}

// Section is one of the six numbered sections as found in the document.
type Section struct {
	Number int    // 1…6
	Title  string // the heading as written
	Text   string // body paragraphs joined by "\n"
	Pos    parser.Pos
	// Paragraphs are the body paragraphs with their positions.
	Paragraphs []Paragraph
}

// Paragraph is one paragraph of text with its position.
type Paragraph struct {
	Text string
	Pos  parser.Pos
}

// YearRef is a year stated somewhere in the document.
type YearRef struct {
	Year int // 0 when not found
	Text string
	Pos  parser.Pos
}

// Evidence is one label that points to a format version.
type Evidence struct {
	Version format.Version
	Label   string
	Pos     parser.Pos
}

// IssueKind classifies a problem met while mapping tables to cells.
type IssueKind int

// Mapping problems.
const (
	IssueUnknownRow       IssueKind = iota // a row label not in the format
	IssueUnknownColumn                     // a column label not in the format
	IssueUnreadableRow                     // a row whose cells cannot be aligned with the columns
	IssueUnreadableHeader                  // header rows that cannot be read as the format's columns
	IssueDuplicateRow                      // the same row label twice
	IssueOtherR6Layout                     // table 三 uses the other version's （六）其他处理 rows
	IssueDuplicateTable                    // table 三 or 四 found twice
	IssueMergedRows                        // one row whose label holds the labels of several rows (Row: one of them)
)

// Issue is a problem met while mapping a table; rules turn issues into
// findings.
type Issue struct {
	Kind  IssueKind
	Table string // format.T2, format.T3 or format.T4
	Label string // the label concerned, as written
	Row   string // the row key when known ("t3.R7"), for IssueUnreadableRow and IssueMergedRows
	Pos   parser.Pos
	Found int // cells found, for IssueUnreadableRow; rows merged, for IssueMergedRows
	Want  int // cells expected, for IssueUnreadableRow
	// Glued marks an unreadable row whose digits ran together in the text
	// (parser.Row.Glued): the text, not the report, lost the cells.
	Glued bool
}

// Report is the typed content of one annual report.
type Report struct {
	Path     string
	Format   string // input format: "txt", "docx"
	Encoding string
	// Saved is when the file was last saved, as its properties say (the
	// zero time when they do not): not the publication date, which the
	// text states, but a trace of when the report was finished.
	Saved time.Time

	Title    string
	TitlePos parser.Pos
	Agency   string
	// Preamble holds the paragraphs between the title and section 一.
	Preamble []Paragraph
	// Year is the report year: from the title, else the statistics period,
	// else the body of section 一; 0 when none is stated.
	Year       int
	TitleYear  YearRef
	PeriodYear YearRef
	BodyYear   YearRef

	Version  format.Version
	Evidence []Evidence

	// Sections lists the numbered sections found, in document order.
	Sections []Section
	// Tables maps T2, T3 and T4 to the position of the table found for it.
	Tables map[string]parser.Pos
	// Cells holds every data cell of the detected version under its key,
	// StateMissing where the document lacks it, plus any cell found that
	// the version does not define.
	Cells map[string]*Cell
	// Keys lists the data cell keys of the detected version in template order.
	Keys []string
	// R6Split reports whether table 三's （六）其他处理 is split into three
	// rows (R6_1…R6_3) rather than one (R6).
	R6Split bool

	Issues []Issue

	// Cut is set when the text stops part-way: it ends inside a table of
	// the report that lacks its last rows (a download or copy cut short).
	// What would follow is missing because of the cut, not left out.
	Cut *Cut
	// Start is set when the text starts part-way: it begins with a table
	// of the report that lacks its first rows (a page or a copy taken
	// from the middle of a report). What would come before is missing
	// because of the cut, not left out.
	Start *Cut
}

// Cell returns the cell under key, or a missing cell when the document
// lacks it: a cell shared by every report, which callers must not modify.
// It panics when the format has no cell of that key (see format.IsKey): a
// misspelt key is a bug, and a missing cell would silence every check that
// reads it.
func (r *Report) Cell(key string) *Cell {
	if c, ok := r.Cells[key]; ok {
		return c
	}
	return missingCell(key)
}

// missingCells holds a missing cell for every key of the format. Never
// modified.
var missingCells = sync.OnceValue(func() map[string]*Cell {
	m := map[string]*Cell{}
	for _, v := range []format.Version{format.V2019, format.V2021, format.VUnknown} {
		for _, split := range []bool{false, true} {
			for _, k := range format.KeysFor(v, split) {
				if _, ok := m[k]; !ok {
					m[k] = &Cell{Key: k, State: StateMissing, Kind: format.KindOf(k)}
				}
			}
		}
	}
	return m
})

// missingCell returns the shared missing cell of key. key does not escape
// (strconv.Quote copies it), so that callers may build keys on the stack.
func missingCell(key string) *Cell {
	if c, ok := missingCells()[key]; ok {
		return c
	}
	panic("schema: no cell " + strconv.Quote(key) + " in the format")
}

// Section returns the section numbered n, or nil.
func (r *Report) Section(n int) *Section {
	for i := range r.Sections {
		if r.Sections[i].Number == n {
			return &r.Sections[i]
		}
	}
	return nil
}

// Cut says where a text that stops part-way ends (Report.Cut) or where
// one that starts part-way begins (Report.Start).
type Cut struct {
	Table string // format.T2 or format.T3: the table the text ends or starts in
	// Row is the row read next to the cut ("t3.R4_1"): the last one of a
	// text that ends, the first one of a text that starts; "" for none.
	Row string
	Pos parser.Pos // where the text ends or starts
}

// After reports whether a row ("t3.R5_1") or a cell ("t3.R5_1.NP") lies
// after the cut: a later row of the cut table in template order (keys,
// the report's Keys), or any row of a later table.
func (c *Cut) After(key string, keys []string) bool {
	if c == nil {
		return false
	}
	if table, _, _ := strings.Cut(key, "."); table != c.Table {
		return table > c.Table // t2 < t3 < t4, in document order
	}
	if c.Row == "" {
		return true
	}
	return rowIndex(key, keys) > rowIndex(c.Row, keys)
}

// Before reports whether a row or a cell lies before the start of a text
// that starts part-way (c is Report.Start): an earlier row of the table
// the text starts in, in template order, or any row of an earlier table.
func (c *Cut) Before(key string, keys []string) bool {
	if c == nil {
		return false
	}
	if table, _, _ := strings.Cut(key, "."); table != c.Table {
		return table < c.Table
	}
	return rowIndex(key, keys) < rowIndex(c.Row, keys)
}

// rowIndex is the index in keys of the first cell of the row of key (a
// row or a cell key), -1 when keys hold none.
func rowIndex(key string, keys []string) int {
	row := key
	if format.IsKey(key) {
		row = key[:strings.LastIndexByte(key, '.')]
	}
	for i, k := range keys {
		if strings.HasPrefix(k, row+".") {
			return i
		}
	}
	return -1
}

// CutSection is the number of the section the cut falls in: 2 for table
// 二, 3 for table 三; 7 when the text is whole (c is Report.Cut).
func (c *Cut) CutSection() int {
	switch {
	case c == nil:
		return 7
	case c.Table == format.T2:
		return 2
	}
	return 3
}

// StartSection is the number of the first section whose heading can be
// in a text that starts part-way (c is Report.Start): 3 when it starts in
// table 二, 4 in table 三; 1 when the text is whole.
func (c *Cut) StartSection() int {
	switch {
	case c == nil:
		return 1
	case c.Table == format.T2:
		return 3
	}
	return 4
}
