package lint

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"reflect"
	"slices"
	"time"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/parser"
	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/schema"
)

// spill keeps the results of a batch in a temporary file (Options.Spill),
// so that the memory a batch holds is a small summary per file whatever the
// number of files. Each result is written once, as the file is checked,
// and read back in order by Batch.Each, once per output.
//
// The file is removed as soon as it is created where the system allows
// (it lives on while open), else on close.
type spill struct {
	f       *os.File
	w       *bufio.Writer
	removed bool
	// at holds the offset and length of each file's record; a result that
	// cannot be encoded (a message argument of a type the encoding does
	// not know) stays in mem instead.
	at   [][2]int64
	mem  map[int]FileResult
	size int64
	keys [][]string // the distinct Report.Keys met, shared on reading
	buf  []byte     // put's encoding buffer
}

func newSpill() (*spill, error) {
	f, err := os.CreateTemp("", "nianbao-batch-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("temporary file for the batch: %w", err)
	}
	s := &spill{f: f, w: bufio.NewWriterSize(f, 64<<10), mem: map[int]FileResult{}}
	s.removed = os.Remove(f.Name()) == nil
	return s, nil
}

// put records r as the result of file i (files come in order).
func (s *spill) put(i int, r FileResult) error {
	for len(s.at) <= i {
		s.at = append(s.at, [2]int64{})
	}
	e := encoder{b: s.buf[:0], path: r.Path, ok: true}
	s.encode(&e, r)
	s.buf = e.b
	if !e.ok {
		s.mem[i] = r
		return nil
	}
	off, err := s.PutBlob(e.b)
	if err != nil {
		return err
	}
	s.at[i] = [2]int64{off, int64(len(e.b))}
	return nil
}

// PutBlob appends b to the file and returns its offset, for Blob; put
// writes the results this way too. With Blob, it makes the spill the
// rules' store for parked texts (rules.BlobStore).
func (s *spill) PutBlob(b []byte) (int64, error) {
	if _, err := s.w.Write(b); err != nil {
		return 0, fmt.Errorf("temporary file for the batch: %w", err)
	}
	off := s.size
	s.size += int64(len(b))
	return off, nil
}

// Blob reads back what PutBlob wrote at off, once finish has run.
func (s *spill) Blob(off, n int64) ([]byte, error) {
	b := make([]byte, n)
	if _, err := s.f.ReadAt(b, off); err != nil {
		return nil, fmt.Errorf("temporary file for the batch: %w", err)
	}
	return b, nil
}

// finish makes every record readable.
func (s *spill) finish() error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("temporary file for the batch: %w", err)
	}
	return nil
}

// get returns the result of file i.
func (s *spill) get(i int) (FileResult, error) {
	if r, ok := s.mem[i]; ok {
		return r, nil
	}
	buf, err := s.Blob(s.at[i][0], s.at[i][1])
	if err != nil {
		return FileResult{}, err
	}
	d := decoder{b: buf}
	r := s.decode(&d)
	if d.err != nil {
		return FileResult{}, fmt.Errorf("temporary file for the batch: record %d: %w", i, d.err)
	}
	return r, nil
}

func (s *spill) close() error {
	err := s.f.Close()
	if !s.removed {
		if rerr := os.Remove(s.f.Name()); err == nil {
			err = rerr
		}
	}
	return err
}

// The record of a result: path, error text, the findings, then the report
// (absent when the file could not be read).

func (s *spill) encode(e *encoder, r FileResult) {
	e.string(r.Path)
	e.path = r.Path
	if r.Err != nil {
		e.bool(true)
		e.string(r.Err.Error())
	} else {
		e.bool(false)
	}
	e.uvarint(uint64(len(r.Findings)))
	for _, f := range r.Findings {
		e.finding(f)
	}
	rep := r.Report
	e.bool(rep != nil)
	if rep == nil {
		return
	}
	e.string(rep.Path)
	e.string(rep.Format)
	e.string(rep.Encoding)
	e.varint(savedUnix(rep.Saved))
	e.cut(rep.Cut)
	e.cut(rep.Start)
	e.string(rep.Title)
	e.pos(rep.TitlePos)
	e.string(rep.Agency)
	e.varint(int64(rep.Year))
	for _, y := range []schema.YearRef{rep.TitleYear, rep.PeriodYear, rep.BodyYear} {
		e.varint(int64(y.Year))
		e.string(y.Text)
		e.pos(y.Pos)
	}
	e.string(string(rep.Version))
	e.bool(rep.R6Split)
	// What trim drops is not written: a result kept with its text stays
	// in memory.
	if rep.Preamble != nil || rep.Evidence != nil || rep.Sections != nil || rep.Issues != nil {
		e.ok = false
	}
	e.bool(rep.Tables != nil)
	e.uvarint(uint64(len(rep.Tables)))
	for k, p := range rep.Tables {
		e.string(k)
		e.pos(p)
	}
	// Keys are shared by every report of a format: written as an index
	// into the ones met so far.
	ki := -1
	for j, ks := range s.keys {
		if slices.Equal(ks, rep.Keys) {
			ki = j
			break
		}
	}
	if ki < 0 {
		ki = len(s.keys)
		s.keys = append(s.keys, rep.Keys)
	}
	e.uvarint(uint64(ki))
	index := map[string]int{}
	if len(rep.Cells) > 0 {
		for j, k := range rep.Keys {
			index[k] = j
		}
	}
	e.bool(rep.Cells != nil)
	e.uvarint(uint64(len(rep.Cells)))
	for k, c := range rep.Cells {
		if j, ok := index[k]; ok && c.Key == k {
			e.uvarint(uint64(j) + 1)
		} else {
			e.uvarint(0)
			e.string(k)
			e.string(c.Key)
		}
		e.cellBody(c)
	}
}

// cellBody writes what a cell holds besides its key.
func (e *encoder) cellBody(c *schema.Cell) {
	e.varint(int64(c.Kind))
	e.string(string(c.State))
	e.float(c.Value)
	e.string(c.Raw)
	e.string(c.Unit)
	e.pos(c.Pos)
}

// cellBody reads what encoder.cellBody wrote into c.
func (d *decoder) cellBody(c *schema.Cell) {
	c.Kind = format.NumberKind(d.varint())
	c.State = schema.State(d.string())
	c.Value = d.float()
	c.Raw = d.string()
	c.Unit = d.string()
	c.Pos = d.pos()
}

func (s *spill) decode(d *decoder) FileResult {
	var r FileResult
	r.Path = d.string()
	d.path = r.Path
	if d.bool() {
		r.Err = errors.New(d.string())
	}
	if n := d.count(); n > 0 {
		r.Findings = make([]rules.Finding, n)
		for j := range r.Findings {
			r.Findings[j] = d.finding()
		}
	}
	if !d.bool() {
		return r
	}
	rep := &schema.Report{}
	rep.Path = d.string()
	rep.Format = d.string()
	rep.Encoding = d.string()
	if t := d.varint(); t != 0 {
		rep.Saved = time.Unix(t, 0).UTC()
	}
	rep.Cut = d.cut()
	rep.Start = d.cut()
	rep.Title = d.string()
	rep.TitlePos = d.pos()
	rep.Agency = d.string()
	rep.Year = int(d.varint())
	for _, y := range []*schema.YearRef{&rep.TitleYear, &rep.PeriodYear, &rep.BodyYear} {
		y.Year = int(d.varint())
		y.Text = d.string()
		y.Pos = d.pos()
	}
	rep.Version = format.Version(d.string())
	rep.R6Split = d.bool()
	if d.bool() {
		n := d.count()
		rep.Tables = make(map[string]parser.Pos, n)
		for range n {
			k := d.string()
			rep.Tables[k] = d.pos()
		}
	} else {
		d.count()
	}
	if ki := d.uvarint(); ki < uint64(len(s.keys)) {
		rep.Keys = s.keys[ki]
	} else {
		d.fail()
	}
	hasCells := d.bool()
	n := d.count()
	if hasCells {
		rep.Cells = make(map[string]*schema.Cell, n)
	}
	cells := make([]schema.Cell, n)
	for j := range cells {
		c := &cells[j]
		k := ""
		if ki := d.uvarint(); ki > 0 && ki <= uint64(len(rep.Keys)) {
			k = rep.Keys[ki-1]
			c.Key = k
		} else {
			k = d.string()
			c.Key = d.string()
		}
		d.cellBody(c)
		if rep.Cells != nil {
			rep.Cells[k] = c
		}
	}
	r.Report = rep
	return r
}

func (e *encoder) finding(f rules.Finding) {
	e.string(f.Rule)
	e.varint(int64(f.Severity))
	e.string(f.Msg.Format)
	e.uvarint(uint64(len(f.Msg.Args)))
	for _, a := range f.Msg.Args {
		e.arg(a)
	}
	e.string(f.Detail)
	e.string(f.Cell)
	e.strings(f.Related)
	e.uvarint(uint64(len(f.Cells)))
	for i := range f.Cells {
		e.string(f.Cells[i].Key)
		e.cellBody(&f.Cells[i])
	}
	e.optFloat(f.Expected)
	e.optFloat(f.Actual)
	e.pos(f.Pos)
	e.bool(f.Equation != nil)
	if f.Equation != nil {
		e.strings(f.Equation.Left)
		e.strings(f.Equation.Right)
	}
	e.bool(f.Fixes != nil)
	e.uvarint(uint64(len(f.Fixes)))
	for _, x := range f.Fixes {
		e.string(x.Cell)
		e.float(x.From)
		e.float(x.To)
	}
	e.uvarint(uint64(len(f.Supersedes)))
	for _, ref := range f.Supersedes {
		e.string(ref.Rule.ID)
		e.string(ref.Cell)
	}
}

func (d *decoder) finding() rules.Finding {
	var f rules.Finding
	f.Rule = d.string()
	f.Severity = rules.Severity(d.varint())
	f.Msg.Format = d.string()
	if n := d.count(); n > 0 {
		f.Msg.Args = make([]any, n)
		for j := range f.Msg.Args {
			f.Msg.Args[j] = d.arg()
		}
	}
	f.Detail = d.string()
	f.Cell = d.string()
	f.Related = d.strings()
	if n := d.count(); n > 0 {
		f.Cells = make([]schema.Cell, n)
		for j := range f.Cells {
			f.Cells[j].Key = d.string()
			d.cellBody(&f.Cells[j])
		}
	}
	f.Expected = d.optFloat()
	f.Actual = d.optFloat()
	f.Pos = d.pos()
	if d.bool() {
		f.Equation = &rules.Equation{Left: d.strings(), Right: d.strings()}
	}
	hasFixes := d.bool()
	n := d.count()
	if hasFixes {
		f.Fixes = make([]rules.Fix, n)
	}
	for j := range n {
		x := rules.Fix{Cell: d.string(), From: d.float(), To: d.float()}
		if hasFixes {
			f.Fixes[j] = x
		}
	}
	if n := d.count(); n > 0 {
		f.Supersedes = make([]rules.Ref, n)
		for j := range f.Supersedes {
			f.Supersedes[j] = rules.Ref{Rule: rules.Lookup(d.string()), Cell: d.string()}
		}
	}
	return f
}

// Message arguments: the index of their type here, then the value. A
// type not listed makes the result stay in memory.
var argTypes = []reflect.Type{
	reflect.TypeFor[string](), reflect.TypeFor[int](), reflect.TypeFor[float64](),
	reflect.TypeFor[rules.CellRef](), reflect.TypeFor[rules.TableRef](), reflect.TypeFor[rules.ColRef](),
	reflect.TypeFor[rules.SectionRef](), reflect.TypeFor[rules.RowRef](), reflect.TypeFor[rules.RowsRef](),
	reflect.TypeFor[rules.SumRef](), reflect.TypeFor[rules.Phrase](), reflect.TypeFor[rules.TableTitleRef](),
}

func (e *encoder) arg(a any) {
	v := reflect.ValueOf(a)
	tag := slices.Index(argTypes, reflect.TypeOf(a))
	if tag < 0 {
		e.ok = false
		return
	}
	e.uvarint(uint64(tag))
	switch v.Kind() {
	case reflect.String:
		e.string(v.String())
	case reflect.Int:
		e.varint(v.Int())
	case reflect.Float64:
		e.float(v.Float())
	}
}

func (d *decoder) arg() any {
	tag := d.uvarint()
	if tag >= uint64(len(argTypes)) {
		d.fail()
		return nil
	}
	v := reflect.New(argTypes[tag]).Elem()
	switch v.Kind() {
	case reflect.String:
		v.SetString(d.string())
	case reflect.Int:
		v.SetInt(d.varint())
	case reflect.Float64:
		v.SetFloat(d.float())
	}
	return v.Interface()
}

// encoder appends to b; ok turns false when a value cannot be encoded.
type encoder struct {
	b    []byte
	path string // the file of the result, not repeated in positions
	ok   bool
}

func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) varint(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) float(v float64) {
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v))
}

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) string(s string) {
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// strings writes a list, keeping nil apart from empty.
func (e *encoder) strings(ss []string) {
	if ss == nil {
		e.uvarint(0)
		return
	}
	e.uvarint(uint64(len(ss)) + 1)
	for _, s := range ss {
		e.string(s)
	}
}

func (e *encoder) optFloat(v *float64) {
	e.bool(v != nil)
	if v != nil {
		e.float(*v)
	}
}

// pos writes p; its file only when it is not the result's own.
func (e *encoder) pos(p parser.Pos) {
	if p.File == e.path {
		e.bool(false)
	} else {
		e.bool(true)
		e.string(p.File)
	}
	for _, v := range []int{p.Line, p.Table, p.Row, p.Col, p.Para, p.Page} {
		e.varint(int64(v))
	}
}

// cut writes a Report.Cut or Report.Start, nil or not.
func (e *encoder) cut(c *schema.Cut) {
	e.bool(c != nil)
	if c != nil {
		e.string(c.Table)
		e.string(c.Row)
		e.pos(c.Pos)
	}
}

var errShort = errors.New("record cut short")

// decoder reads what encoder wrote, keeping the first error.
type decoder struct {
	b    []byte
	path string
	err  error
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b) // 0 on error
	d.skip(n)
	return v
}

// skip drops the n bytes read; n <= 0 is a read that failed.
func (d *decoder) skip(n int) {
	if n <= 0 {
		d.fail()
		return
	}
	d.b = d.b[n:]
}

// count reads a length, which cannot exceed the bytes left.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b) // 0 on error
	d.skip(n)
	return v
}

func (d *decoder) float() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return math.Float64frombits(v)
}

func (d *decoder) bool() bool {
	if len(d.b) == 0 {
		d.fail()
		return false
	}
	v := d.b[0] != 0
	d.b = d.b[1:]
	return v
}

func (d *decoder) string() string {
	n := d.count()
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) strings() []string {
	n := d.uvarint()
	if n == 0 {
		return nil
	}
	if n-1 > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	ss := make([]string, n-1)
	for j := range ss {
		ss[j] = d.string()
	}
	return ss
}

func (d *decoder) optFloat() *float64 {
	if !d.bool() {
		return nil
	}
	v := d.float()
	return &v
}

// cut reads what encoder.cut wrote.
func (d *decoder) cut() *schema.Cut {
	if !d.bool() {
		return nil
	}
	return &schema.Cut{Table: d.string(), Row: d.string(), Pos: d.pos()}
}

func (d *decoder) pos() parser.Pos {
	var p parser.Pos
	if d.bool() {
		p.File = d.string()
	} else {
		p.File = d.path
	}
	for _, v := range []*int{&p.Line, &p.Table, &p.Row, &p.Col, &p.Para, &p.Page} {
		*v = int(d.varint())
	}
	return p
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errShort
	}
	d.b = nil
}

// savedUnix is a report's saved time in whole seconds, 0 for none (the
// properties give no finer time).
func savedUnix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}
