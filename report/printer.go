package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nianbao/nianbao/rules"
	"github.com/nianbao/nianbao/schema"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Printer renders messages in one language.
type Printer struct {
	p       *message.Printer
	english bool
}

// NewPrinter returns a printer for lang: "zh" (the default when empty) or
// "en".
func NewPrinter(lang string) (*Printer, error) {
	switch lang {
	case "", "zh", "zh-CN", "zh-Hans":
		return &Printer{p: message.NewPrinter(language.Chinese, message.Catalog(Catalog()))}, nil
	case "en":
		return &Printer{p: message.NewPrinter(language.English, message.Catalog(Catalog())), english: true}, nil
	}
	return nil, fmt.Errorf("unknown language %q (want zh or en)", lang)
}

// English reports whether p prints English.
func (p *Printer) English() bool { return p.english }

// Catalog returns the message catalogue: Chinese texts of the rules' and
// the printers' English messages. English needs no entries: the key is the
// English text.
func Catalog() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	pairs := append(translations(), batchTranslations()...)
	for _, t := range rules.Translations() {
		pairs = append(pairs, [2]string{t.EN, t.ZH})
	}
	for _, t := range pairs {
		if err := b.SetString(language.Chinese, t[0], t[1]); err != nil {
			panic(fmt.Sprintf("catalog entry %q: %v", t[0], err)) // a bad literal in this module
		}
	}
	return b
}

// plain prints an integer without the grouping separators that the
// message printer would add ("2020", not "2,020").
type plain int

func (v plain) Format(f fmt.State, _ rune) { fmt.Fprint(f, strconv.Itoa(int(v))) }

// Sprintf translates format and formats args, rendering cell, table and
// section references by name.
func (p *Printer) Sprintf(format string, args ...any) string {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case rules.CellRef:
			out[i] = p.Cell(string(v))
		case rules.TableRef:
			out[i] = schema.TableName(string(v), p.english)
		case rules.TableTitleRef:
			out[i] = schema.TableTitle(string(v), p.english)
		case rules.ColRef:
			out[i] = schema.ColumnName(string(v), p.english)
		case rules.SumRef:
			out[i] = schema.SumName(strings.Split(string(v), "+"), p.english)
		case rules.RowsRef:
			var names []string
			for _, k := range strings.Split(string(v), ",") {
				names = append(names, "“"+schema.RowName(k, p.english)+"”")
			}
			sep := "、"
			if p.english {
				sep = ", "
			}
			out[i] = strings.Join(names, sep)
		case rules.RowRef:
			out[i] = schema.RowName(string(v), p.english)
		case rules.SectionRef:
			out[i] = schema.SectionHeading(int(v), p.english)
		case rules.Phrase:
			out[i] = p.p.Sprintf(string(v))
		case int:
			out[i] = plain(v)
		default:
			out[i] = a
		}
	}
	return p.p.Sprintf(format, out...)
}

// Message renders a finding message.
func (p *Printer) Message(m rules.Message) string { return p.Sprintf(m.Format, m.Args...) }

// Cell returns the display name of a cell key: "表三 （七）总计 / 总计".
func (p *Printer) Cell(key string) string { return schema.NameOf(key, p.english).String() }

// Severity returns the localized name of a severity.
func (p *Printer) Severity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return p.p.Sprintf(sevError)
	case rules.Warning:
		return p.p.Sprintf(sevWarning)
	}
	return p.p.Sprintf(sevInfo)
}
