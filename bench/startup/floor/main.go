// Command floor is the start-up floor of bench/startup.sh: a program that
// starts the libraries any nianbao needs before it reads a report — the
// CLI (urfave/cli), the message catalogue and NFKC of golang.org/x/text,
// the HTML parser of golang.org/x/net — uses each once, and exits. What a
// nianbao command costs beyond it is nianbao's own start and work.
package main

import (
	"os"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/net/html"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/unicode/norm"
)

func main() {
	app := &cli.App{Name: "floor", Commands: []*cli.Command{{
		Name: "version",
		Action: func(*cli.Context) error {
			doc, err := html.Parse(strings.NewReader("<p>年报</p>"))
			if err != nil {
				return err
			}
			p := message.NewPrinter(language.Chinese)
			_, err = p.Fprintf(os.Stdout, "floor %s %d\n", norm.NFKC.String("１"), doc.Type)
			return err
		},
	}}}
	if err := app.Run(os.Args); err != nil {
		os.Exit(1)
	}
}
