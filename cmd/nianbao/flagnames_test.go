package main

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// TestKeepNames checks that every flag of the app, and the help and
// version flags, keep their names once run has set them up: a flag of a
// type keepName does not know would be asked for its names by regular
// expression again.
func TestKeepNames(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		app := newApp(nil, nil)
		localize(app, lang)
		all := func(f func(cli.Flag)) {
			for _, fl := range app.Flags {
				f(fl)
			}
			for _, c := range app.Commands {
				for _, fl := range c.Flags {
					f(fl)
				}
			}
			f(cli.HelpFlag)
			f(cli.VersionFlag)
		}
		var before []string
		all(func(f cli.Flag) { before = append(before, strings.Join(f.Names(), ",")) })
		keepNames(app)
		var after []string
		all(func(f cli.Flag) {
			switch f.(type) {
			case *boolFlag, *intFlag, *stringFlag, *stringSliceFlag:
			default:
				t.Errorf("%s: flag %q of type %T does not keep its names", lang, f.Names(), f)
			}
			if _, ok := f.(cli.DocGenerationFlag); !ok {
				t.Errorf("%s: flag %q lost its help methods", lang, f.Names())
			}
			after = append(after, strings.Join(f.Names(), ","))
		})
		if !slices.Equal(before, after) {
			t.Errorf("%s: names changed:\n%q\n%q", lang, before, after)
		}
	}
}

// TestKeepNamesSameHelp checks that the help pages, in both languages, are
// the same with the flags that keep their names as with urfave/cli's own.
func TestKeepNamesSameHelp(t *testing.T) {
	help := func(keep bool, args []string) string {
		var out bytes.Buffer
		app := newApp(&out, &out)
		localize(app, argsLang(args))
		if keep {
			keepNames(app)
		}
		app.RunContext(context.Background(), interspersed(app, args))
		return out.String()
	}
	pages := [][]string{{"--help"}}
	for _, c := range newApp(nil, nil).Commands {
		pages = append(pages, []string{c.Name, "--help"})
	}
	for _, page := range pages {
		for _, lang := range [][]string{nil, {"--lang", "en"}} {
			args := append(append([]string{"nianbao"}, lang...), page...)
			own, kept := help(false, args), help(true, args)
			if own != kept {
				t.Errorf("%q: help differs:\n%s\n--- with kept names:\n%s", args, own, kept)
			}
			if !strings.Contains(kept, "--") {
				t.Errorf("%q: no flags in the help:\n%s", args, kept)
			}
		}
	}
}
