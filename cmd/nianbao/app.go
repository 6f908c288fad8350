package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/rules"
	"github.com/urfave/cli/v2"
)

// Exit codes.
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage or operational error
)

const usageCheck = `检查年度报告的表格勾稽关系与完整性。PATH 可以是文件或目录（递归查找 .txt、.docx）。

   nianbao check 报告目录/
   nianbao check --format json --lang en report.txt

   退出码：0 无问题（低于 --fail-on），1 有问题，2 用法或运行错误。`

const usageLint = `提交前自查：与 check 相同的检查，默认 --fail-on warning，并在每个问题下给出修改建议。

   nianbao lint 我的报告.docx`

func newApp(stdout, stderr io.Writer) *cli.App {
	common := func(failOn string) []cli.Flag {
		return []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text or json"},
			&cli.StringFlag{Name: "lang", Value: "zh", Usage: "language of messages: zh or en", EnvVars: []string{"NIANBAO_LANG"}},
			&cli.StringFlag{Name: "fail-on", Value: failOn, Usage: "exit 1 when a finding is at or above this severity: error, warning or info"},
			&cli.StringFlag{Name: "checks", Usage: "rules to run, e.g. \"all,-C1004\" or \"A2*\""},
			&cli.BoolFlag{Name: "each-blank", Usage: "report every blank or \"/\" cell instead of a count per table"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "files checked at once (default: all cores)"},
		}
	}
	return &cli.App{
		Name:      "nianbao",
		Usage:     "政府信息公开工作年度报告检查工具 / checks government information-disclosure annual reports",
		Writer:    stdout,
		ErrWriter: stderr,
		// Never let urfave/cli call os.Exit; run returns the code.
		ExitErrHandler: func(*cli.Context, error) {},
		Commands: []*cli.Command{
			{
				Name: "check", Usage: "check reports (files or directories)", ArgsUsage: "PATH...",
				Description: usageCheck, Flags: common("error"),
				Action: func(c *cli.Context) error { return checkAction(c, false) },
			},
			{
				Name: "lint", Usage: "pre-submission check of a draft, with suggested fixes", ArgsUsage: "FILE...",
				Description: usageLint, Flags: common("warning"),
				Action: func(c *cli.Context) error { return checkAction(c, true) },
			},
			{
				Name: "extract", Usage: "print the typed content of reports as JSON", ArgsUsage: "PATH...",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "json", Usage: "output format: json"},
					&cli.StringFlag{Name: "lang", Value: "zh", Usage: "language of messages: zh or en", EnvVars: []string{"NIANBAO_LANG"}},
				},
				Action: extractAction,
			},
			{
				Name: "rules", Usage: "list every rule",
				Flags:  []cli.Flag{&cli.StringFlag{Name: "lang", Value: "zh", EnvVars: []string{"NIANBAO_LANG"}}},
				Action: rulesAction,
			},
			{
				Name: "explain", Usage: "explain a rule", ArgsUsage: "RULE-ID",
				Flags:  []cli.Flag{&cli.StringFlag{Name: "lang", Value: "zh", EnvVars: []string{"NIANBAO_LANG"}}},
				Action: explainAction,
			},
		},
	}
}

// usageError is an error the user made on the command line.
func usageError(format string, args ...any) error {
	return cli.Exit(fmt.Sprintf("nianbao: "+format, args...), exitError)
}

func checkAction(c *cli.Context, suggest bool) error {
	p, err := report.NewPrinter(c.String("lang"))
	if err != nil {
		return usageError("%v", err)
	}
	failOn, err := rules.ParseSeverity(c.String("fail-on"))
	if err != nil {
		return usageError("--fail-on: %v", err)
	}
	format := c.String("format")
	if format != "text" && format != "json" {
		return usageError("--format: unknown format %q (want text or json)", format)
	}
	if c.NArg() == 0 {
		return usageError("%s: no PATH given (try: nianbao %s testdata/seed-2020.txt)", c.Command.Name, c.Command.Name)
	}
	opts := lint.DefaultOptions()
	if opts.Rules, err = rules.Select(rules.All(), c.String("checks")); err != nil {
		return usageError("--checks: %v", err)
	}
	opts.Jobs = c.Int("jobs")
	opts.Rule.EachBlank = c.Bool("each-blank")
	opts.Fixes = suggest
	results, err := lint.Run(c.Context, c.Args().Slice(), opts)
	if err != nil {
		return cli.Exit(fmt.Sprintf("nianbao: %v", err), exitError)
	}
	w := c.App.Writer
	if format == "json" {
		err = report.JSON(w, results, p)
	} else {
		err = report.Text(w, results, p)
	}
	if err != nil {
		return cli.Exit(fmt.Sprintf("nianbao: write output: %v", err), exitError)
	}
	for _, r := range results {
		if r.Worst() >= failOn {
			return cli.Exit("", exitFindings)
		}
	}
	return nil
}

func extractAction(c *cli.Context) error {
	p, err := report.NewPrinter(c.String("lang"))
	if err != nil {
		return usageError("%v", err)
	}
	if f := c.String("format"); f != "json" {
		return usageError("--format: extract writes json only, not %q", f)
	}
	if c.NArg() == 0 {
		return usageError("extract: no PATH given")
	}
	opts := lint.DefaultOptions()
	opts.Rules = []*rules.Rule{rules.P0001}
	results, err := lint.Run(c.Context, c.Args().Slice(), opts)
	if err != nil {
		return cli.Exit(fmt.Sprintf("nianbao: %v", err), exitError)
	}
	if err := report.Extract(c.App.Writer, results, p); err != nil {
		return cli.Exit(fmt.Sprintf("nianbao: write output: %v", err), exitError)
	}
	for _, r := range results {
		if r.Report == nil {
			return cli.Exit("", exitFindings)
		}
	}
	return nil
}

func rulesAction(c *cli.Context) error {
	p, err := report.NewPrinter(c.String("lang"))
	if err != nil {
		return usageError("%v", err)
	}
	return report.Rules(c.App.Writer, rules.All(), p)
}

func explainAction(c *cli.Context) error {
	p, err := report.NewPrinter(c.String("lang"))
	if err != nil {
		return usageError("%v", err)
	}
	if c.NArg() != 1 {
		return usageError("explain: give one rule ID (see nianbao rules)")
	}
	r := rules.Lookup(c.Args().First())
	if r == nil {
		return usageError("explain: no rule %q (see nianbao rules)", c.Args().First())
	}
	return report.Explain(c.App.Writer, r, p)
}

// run executes the command line args and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	err := app.RunContext(ctx, interspersed(app, args))
	if err == nil {
		return exitOK
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		if msg := strings.TrimSpace(ec.Error()); msg != "" {
			fmt.Fprintln(stderr, msg)
		}
		return ec.ExitCode()
	}
	// Errors from flag parsing and unknown commands.
	fmt.Fprintf(stderr, "nianbao: %v\n", err)
	return exitError
}

// interspersed moves a command's flags in front of its arguments, so that
// "nianbao check DIR --format json" works as users expect (urfave/cli v2
// stops reading flags at the first argument). "--" ends the flags.
func interspersed(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	var cmd *cli.Command
	for _, c := range app.Commands {
		if c.Name == args[1] || c.HasName(args[1]) {
			cmd = c
		}
	}
	if cmd == nil {
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, rest []string
	in := args[2:]
	for i := 0; i < len(in); i++ {
		a := in[i]
		if a == "--" {
			rest = append(rest, in[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if takesValue[name] && !strings.Contains(name, "=") && i+1 < len(in) {
				i++
				flags = append(flags, in[i])
			}
			continue
		}
		rest = append(rest, a)
	}
	out := append([]string{args[0], args[1]}, flags...)
	if len(rest) > 0 {
		out = append(out, "--")
		out = append(out, rest...)
	}
	return out
}
