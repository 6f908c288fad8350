package report

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/nianbao/nianbao/format"
	"github.com/nianbao/nianbao/rules"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Printer renders messages in one language.
type Printer struct {
	p       *message.Printer
	english bool
	zh      *lazyCatalog // nil for English

	// Quiet makes the text output list only errors, then the summary
	// line (for scripts and a quick look).
	Quiet bool
	// MaxIssues, when above 0, is the most findings the text output lists;
	// a line says how many more there are.
	MaxIssues int

	// Verbose adds the technical detail of a finding (an unreadable
	// file's error) under its message in the text output.
	Verbose bool

	// Generated and Inputs, when set, are named in the outputs that say
	// how they were made (the workbook's 说明).
	Generated time.Time
	Inputs    []string
}

// NewPrinter returns a printer for lang: "zh" (the default when empty) or
// "en".
func NewPrinter(lang string) (*Printer, error) {
	switch lang {
	case "", "zh", "zh-CN", "zh-Hans":
		c := newLazyCatalog()
		return &Printer{p: message.NewPrinter(language.Chinese, message.Catalog(c.b)), zh: c}, nil
	case "en":
		// The keys are the English texts: an empty catalogue prints them.
		b := catalog.NewBuilder(catalog.Fallback(language.English))
		return &Printer{p: message.NewPrinter(language.English, message.Catalog(b)), english: true}, nil
	}
	return nil, fmt.Errorf("unknown language %q (want zh or en)", lang)
}

// English reports whether p prints English.
func (p *Printer) English() bool { return p.english }

// allTranslations returns every English text with its Chinese: the
// printers' and the rules'.
func allTranslations() [][2]string {
	pairs := append(translations(), batchTranslations()...)
	for _, t := range rules.Translations() {
		pairs = append(pairs, [2]string{t.EN, t.ZH})
	}
	return pairs
}

// Catalog returns the message catalogue: Chinese texts of the rules' and
// the printers' English messages, every one compiled. English needs no
// entries: the key is the English text.
func Catalog() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, t := range allTranslations() {
		setString(b, t[0], t[1])
	}
	return b
}

func setString(b *catalog.Builder, en, zh string) {
	if err := b.SetString(language.Chinese, en, zh); err != nil {
		panic(fmt.Sprintf("catalog entry %q: %v", en, err)) // a bad literal in this module
	}
}

// lazyCatalog is the Chinese catalogue, each message compiled the first
// time it is printed: a run prints a few dozen of the several hundred
// texts (rule documentation among them), and compiling them all took a
// third of a millisecond and 330 KB at every start.
// The table of texts is made at the first message too: a command that
// prints none (version, --help) does not make it.
type lazyCatalog struct {
	b       *catalog.Builder
	mu      sync.Mutex
	pending map[string]string // English → Chinese, not yet in b; nil until the first message
}

func newLazyCatalog() *lazyCatalog {
	return &lazyCatalog{b: catalog.NewBuilder(catalog.Fallback(language.English))}
}

// ensure compiles the message of key if it has not been.
func (c *lazyCatalog) ensure(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pending == nil {
		pairs := allTranslations()
		c.pending = make(map[string]string, len(pairs))
		for _, t := range pairs {
			c.pending[t[0]] = t[1]
		}
	}
	if zh, ok := c.pending[key]; ok {
		setString(c.b, key, zh)
		delete(c.pending, key)
	}
}

// tr translates format and formats args as they are.
func (p *Printer) tr(format string, args ...any) string {
	if p.zh != nil {
		p.zh.ensure(format)
	}
	return p.p.Sprintf(format, args...)
}

// plain prints an integer without the grouping separators that the
// message printer would add ("2020", not "2,020").
type plain int

func (v plain) Format(f fmt.State, _ rune) { fmt.Fprint(f, strconv.Itoa(int(v))) }

// Sprintf translates msg and formats args, rendering cell, table and
// section references by name.
func (p *Printer) Sprintf(msg string, args ...any) string {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case rules.CellRef:
			out[i] = p.Cell(string(v))
		case rules.TableRef:
			out[i] = format.TableName(string(v), p.english)
		case rules.TableTitleRef:
			out[i] = format.TableTitle(string(v), p.english)
		case rules.ColRef:
			out[i] = format.ColumnName(string(v), p.english)
		case rules.SumRef:
			out[i] = format.SumName(strings.Split(string(v), "+"), p.english)
		case rules.RowsRef:
			var names []string
			for _, k := range strings.Split(string(v), ",") {
				names = append(names, "“"+format.RowName(k, p.english)+"”")
			}
			sep := "、"
			if p.english {
				sep = ", "
			}
			out[i] = strings.Join(names, sep)
		case rules.RowRef:
			out[i] = format.RowName(string(v), p.english)
		case rules.SectionRef:
			out[i] = format.SectionHeading(int(v), p.english)
		case rules.Phrase:
			out[i] = p.tr(string(v))
		case *rules.MessageError:
			out[i] = p.Message(v.Msg)
		case error:
			out[i] = p.Error(v)
		case int:
			out[i] = plain(v)
		default:
			out[i] = a
		}
	}
	return p.tr(msg, out...)
}

// Error renders an error for the user: a rules.MessageError (anywhere in
// the chain) in the printer's language, an error of the system with its
// cause in words, others as they are.
func (p *Printer) Error(err error) string {
	var me *rules.MessageError
	if errors.As(err, &me) {
		return p.Message(me.Msg)
	}
	for _, c := range sysErrors {
		if errors.Is(err, c.err) {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				return p.Sprintf(msgPathError, pe.Path, rules.Phrase(c.text))
			}
			return p.tr(c.text)
		}
	}
	return err.Error()
}

// sysErrors are the causes of system errors a user meets, in words.
var sysErrors = []struct {
	err  error
	text string
}{
	{fs.ErrNotExist, "no such file or directory"},
	{fs.ErrPermission, "permission denied"},
	{fs.ErrExist, "the file exists"},
	{syscall.ENOSPC, "the disk is full"},
	{syscall.EROFS, "read-only file system"},
	{syscall.EADDRINUSE, "the address is in use by another program"},
	{syscall.EISDIR, "is a directory"},
}

// Message renders a finding message.
func (p *Printer) Message(m rules.Message) string { return p.Sprintf(m.Format, m.Args...) }

// Cell returns the display name of a cell key: "表三 （七）总计 / 总计".
func (p *Printer) Cell(key string) string { return format.NameOf(key, p.english).String() }

// Severity returns the localized name of a severity.
func (p *Printer) Severity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return p.tr(sevError)
	case rules.Warning:
		return p.tr(sevWarning)
	}
	return p.tr(sevInfo)
}
