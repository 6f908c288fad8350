package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/nianbao/nianbao/blank"
	"github.com/nianbao/nianbao/internal/atomicfile"
	"github.com/nianbao/nianbao/lint"
	"github.com/nianbao/nianbao/report"
	"github.com/nianbao/nianbao/rules"
	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

// Exit codes.
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage or operational error
)

const usageCheck = `检查年度报告的表格勾稽关系与完整性。PATH 可以是文件或目录（递归查找 .docx、.doc、.wps、.pdf、.txt、.html 等报告文件）。

   nianbao check 报告目录/
   nianbao check 报告目录/ -o 审核.xlsx -o 审核.html --prev 去年报告/
   nianbao check --format json --lang en report.txt

   -o 可重复，按扩展名选择格式（.xlsx .html .csv .sarif .json .txt），写完整后才替换目标文件；
   给出 -o 而未给出 --format 时，标准输出只打印汇总行。
   退出码：0 无问题（低于 --fail-on），1 有问题，2 用法或运行错误。`

const usageLint = `提交前自查：与 check 相同的检查，默认 --fail-on warning，并在每个问题下给出修改建议。

   nianbao lint 我的报告.docx`

func newApp(stdout, stderr io.Writer) *cli.App {
	common := func(failOn string) []cli.Flag {
		return append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format on stdout: text, json, xlsx, csv, html or sarif"},
			&cli.StringSliceFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically; repeatable; the format follows the extension: .xlsx .html .csv .sarif .json .txt)"},
			&cli.StringSliceFlag{Name: "prev", Usage: "last year's reports (`PATH`: file or directory; repeatable) for the cross-year checks"},
			langFlag(),
			&cli.StringFlag{Name: "fail-on", Value: failOn, Usage: "exit 1 when a finding is at or above this severity: error, warning or info"},
			&cli.StringFlag{Name: "checks", Usage: "rules to run, e.g. \"all,-C1004\" or \"A2*\" (replaces the rules: list of the configuration)"},
			&cli.StringSliceFlag{Name: "enable", Usage: "enable rules by `ID` or glob (repeatable, or comma-separated)"},
			&cli.StringSliceFlag{Name: "disable", Usage: "disable rules by `ID` or glob (repeatable, or comma-separated)"},
			&cli.StringFlag{Name: "config", Usage: "configuration `FILE` (default: .nianbao.yaml in the working directory or a parent)"},
			&cli.BoolFlag{Name: "each-blank", Usage: "report every blank or \"/\" cell instead of a count per table"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "files checked at once (default: all cores)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "text output: list errors only, then the summary line"},
			&cli.IntFlag{Name: "max-issues", Usage: "text output: list at most `N` findings"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"V"}, Usage: "text output: add the technical detail under a finding (why a file could not be read)"},
		}, limitFlags()...)
	}
	return &cli.App{
		Name:      "nianbao",
		Version:   report.Build.Version,
		Usage:     "政府信息公开工作年度报告检查工具 / checks government information-disclosure annual reports",
		Writer:    stdout,
		ErrWriter: stderr,
		// File names may contain commas: -o and --prev take one path each.
		DisableSliceFlagSeparator: true,
		// Never let urfave/cli call os.Exit; run returns the code.
		ExitErrHandler: func(*cli.Context, error) {},
		// --lang before the command too ("nianbao --lang en check …"):
		// run reads it from the arguments (argsLang).
		Flags: []cli.Flag{langFlag()},
		Commands: []*cli.Command{
			{
				Name: "check", Usage: "检查报告（文件或目录） / check reports (files or directories)", ArgsUsage: "PATH...",
				Description: usageCheck, Flags: common("error"),
				Action: func(c *cli.Context) error { return checkAction(c, false) },
			},
			{
				Name: "lint", Usage: "提交前自查草稿，给出修改建议 / pre-submission check of a draft, with suggested fixes", ArgsUsage: "FILE...",
				Description: usageLint, Flags: common("warning"),
				Action: func(c *cli.Context) error { return checkAction(c, true) },
			},
			{
				Name: "extract", Usage: "以 JSON 输出识别出的内容 / print the typed content of reports as JSON", ArgsUsage: "PATH...",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "json", Usage: "output format: json"},
					langFlag(),
				},
				Action: extractAction,
			},
			{
				Name: "template", Usage: "写出该年度的官方空白模板 / write the official blank template for a report year (.docx)",
				Description: usageTemplate,
				Flags: []cli.Flag{
					&cli.IntFlag{Name: "year", Required: true, Usage: "report `YEAR` (2019–2020: 2019 format; 2021 on: 2021 format)"},
					&cli.StringFlag{Name: "agency", Usage: "the reporting body, e.g. 某某镇人民政府 (default: XX)"},
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "`FILE` to write (default: the title + .docx in the working directory)"},
					&cli.BoolFlag{Name: "force", Usage: "overwrite FILE if it exists"},
				},
				Action: templateAction,
			},
			serveCommand(),
			versionCommand(),
			{
				Name: "rules", Usage: "列出全部规则 / list every rule",
				Flags:  []cli.Flag{langFlag()},
				Action: rulesAction,
			},
			{
				Name: "explain", Usage: "说明一条规则 / explain a rule", ArgsUsage: "RULE-ID",
				Flags:  []cli.Flag{langFlag()},
				Action: explainAction,
			},
		},
	}
}

const usageTemplate = `写出该年度的官方空白模板（2019、2020 年度为 2019 年版格式，2021 年度起为 2021 年版格式），
   标题填好机关和年度，三张表格的数据单元格全部为空。

   nianbao template --year 2025 --agency 某某镇人民政府
   nianbao template --year 2020 -o 模板.docx`

func templateAction(c *cli.Context) error {
	p, err := cmdPrinter(c)
	if err != nil {
		return err
	}
	year, agency := c.Int("year"), c.String("agency")
	f, err := blank.Format(year)
	if err != nil {
		return usageError(p, msgTemplateYear, year, blank.FirstYear, blank.LastYear)
	}
	data, err := blank.Bytes(year, agency)
	if errors.Is(err, blank.ErrInvalidAgency) {
		return usageError(p, msgTemplateAgency, agency)
	} else if err != nil {
		return runError(p, err)
	}
	out := c.String("output")
	if out == "" {
		out = blank.Title(year, agency) + ".docx"
	}
	if !strings.EqualFold(filepath.Ext(out), ".docx") {
		return usageError(p, msgTemplateExt, out)
	}
	if !c.Bool("force") {
		if _, err := os.Stat(out); err == nil {
			return usageError(p, msgTemplateExists, out)
		}
	}
	if err := atomicfile.Write(out, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		return runError(p, writeError(out, err))
	}
	fmt.Fprintf(c.App.Writer, "%s（%s 年版格式）\n", out, f)
	return nil
}

// configure applies the configuration file and the rule flags to opts.
func configure(c *cli.Context, p *report.Printer, opts *lint.Options) error {
	cfg := &lint.Config{}
	file := c.String("config")
	if file == "" {
		file = lint.FindConfig(".")
	}
	if file != "" {
		var err error
		if cfg, err = lint.LoadConfig(file); err != nil {
			return usageError(p, "%v", err)
		}
	}
	if c.IsSet("checks") {
		cfg.Rules = []string{c.String("checks")}
	}
	split := func(vals []string) []string {
		var out []string
		for _, v := range vals {
			for _, p := range strings.Split(v, ",") {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
		}
		return out
	}
	if err := cfg.Apply(opts, split(c.StringSlice("enable")), split(c.StringSlice("disable"))); err != nil {
		return usageError(p, "%v", err)
	}
	return nil
}

// Usage and run errors (translated in report/messages.go).
const (
	msgTemplateYear     = "template: there is no template for report year %d (the years are %d–%d)"
	msgTemplateAgency   = "template: --agency %q cannot stand in a title or a file name (no line breaks, control characters, / or \\)"
	msgTemplateExt      = "template: %s: the template is a .docx file; give -o a name ending in .docx"
	msgTemplateExists   = "template: %s exists (use --force to overwrite)"
	msgUnknownFormat    = "--format: unknown format %q (want %s)"
	msgNoPath           = "%s: no PATH given (try: nianbao %s testdata/seed-2020.txt)"
	msgInterrupted      = "interrupted; nothing written"
	msgInterruptedWrite = "interrupted while writing %s; it is left as it was"
	msgExtractJSON      = "--format: extract writes json only, not %q"
	msgExplainOne       = "explain: give one rule ID (see nianbao rules)"
	msgExplainNone      = "explain: no rule %q (see nianbao rules)"
	msgNotPositive      = "--%s: %d is not a positive number"
	msgNotSize          = "%q is not a size (e.g. 64M)"
	msgServeArg         = "serve: unexpected argument %q (the page takes the files)"
	msgBadPort          = "invalid port %q"
	msgBadHost          = "host %q is not an IP address or localhost"
	msgBadAddr          = "%q is not HOST:PORT (e.g. 127.0.0.1:8765)"
	msgAddrInUse        = "--addr %s: the address is in use by another program (another nianbao serve?); choose another port, or 127.0.0.1:0 for any free one"
	msgRequiredFlag     = "missing option %s (see nianbao %s --help)"
	msgUnknownLang      = "--lang: unknown language %q (want zh or en)"
	msgProgress         = "nianbao checking"
	msgProgressRate     = "nianbao %d files/s"
)

// usageError is an error the user made on the command line, in the
// user's language: format is an English text of the catalogue
// (report/messages.go), an error argument is worded by p.Error.
func usageError(p *report.Printer, format string, args ...any) error {
	return cli.Exit("nianbao: "+p.Sprintf(format, args...), exitError)
}

// runError is an error met while running (reading, writing), worded for
// the user.
func runError(p *report.Printer, err error) error {
	return cli.Exit("nianbao: "+p.Error(err), exitError)
}

// writeError names the file an output could not be written to.
func writeError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		// The output is written to a temporary file beside it first: name
		// the file the user asked for.
		err = pe.Err
	}
	return &fs.PathError{Op: "write", Path: path, Err: err}
}

// cmdPrinter is the printer of the command's --lang (Chinese when the
// command has none); an unknown language is a usage error, in Chinese.
func cmdPrinter(c *cli.Context) (*report.Printer, error) {
	p, err := report.NewPrinter(c.String("lang"))
	if err != nil {
		zh, _ := report.NewPrinter("zh")
		return nil, usageError(zh, msgUnknownLang, c.String("lang"))
	}
	return p, nil
}

func checkAction(c *cli.Context, suggest bool) error {
	p, err := cmdPrinter(c)
	if err != nil {
		return err
	}
	p.Quiet, p.MaxIssues, p.Verbose = c.Bool("quiet"), c.Int("max-issues"), c.Bool("verbose")
	p.Generated, p.Inputs = time.Now(), c.Args().Slice()
	failOn, err := rules.ParseSeverity(c.String("fail-on"))
	if err != nil {
		return usageError(p, "--fail-on: %v", err)
	}
	format := c.String("format")
	if !slices.Contains(report.Formats, format) {
		return usageError(p, msgUnknownFormat, format, strings.Join(report.Formats, ", "))
	}
	type output struct{ path, format string }
	var outputs []output
	for _, o := range c.StringSlice("output") {
		f, err := report.FormatOf(o)
		if err != nil {
			return usageError(p, "-o: %v", err)
		}
		outputs = append(outputs, output{o, f})
	}
	if c.NArg() == 0 {
		return usageError(p, msgNoPath, c.Command.Name, c.Command.Name)
	}
	if err := checkPaths(c.Args().Slice(), c.StringSlice("prev"), p); err != nil {
		return err
	}
	opts := lint.DefaultOptions()
	if err := configure(c, p, &opts); err != nil {
		return err
	}
	if err := setLimits(c, p, &opts.Limits); err != nil {
		return err
	}
	opts.Jobs = c.Int("jobs")
	tuneGC()
	opts.Rule.EachBlank = c.Bool("each-blank")
	opts.Fixes = suggest
	opts.Prev = c.StringSlice("prev")
	toStdout := len(outputs) == 0 || c.IsSet("format")
	// The results wait for the outputs in a temporary file, not in
	// memory: a folder of any size is checked in the same memory.
	opts.Spill = true
	formats := []string{}
	if toStdout {
		formats = append(formats, format)
	}
	for _, o := range outputs {
		formats = append(formats, o.format)
	}
	opts.Retain, opts.Aggregate = report.Needs(formats...)
	var b *lint.Batch
	if isStdin(c.Args().Slice()) {
		b, err = checkStdin(c.Context, opts, p, c.App.ErrWriter)
	} else {
		bar := progress(c.App.ErrWriter, p)
		opts.Progress = bar.update
		b, err = lint.RunBatch(c.Context, c.Args().Slice(), opts)
		bar.done()
	}
	heapPoint(c.App.ErrWriter)
	if err != nil {
		if c.Context.Err() != nil {
			return usageError(p, msgInterrupted)
		}
		return runError(p, err)
	}
	defer b.Close()
	for _, o := range outputs {
		if err := writeOutput(c.Context, o.path, func(w io.Writer) error { return report.Write(w, o.format, b, p) }); err != nil {
			if c.Context.Err() != nil {
				return usageError(p, msgInterruptedWrite, o.path)
			}
			return runError(p, writeError(o.path, err))
		}
	}
	w := c.App.Writer
	if toStdout {
		err = report.Write(w, format, b, p)
	} else {
		err = report.SummaryLine(w, b.Summaries, p)
	}
	if err != nil {
		return runError(p, writeError("-", err))
	}
	for _, s := range b.Summaries {
		if s.Worst() >= failOn {
			return cli.Exit("", exitFindings)
		}
	}
	return nil
}

// progressBar shows files done, rate and time left on stderr when stderr is
// a terminal; otherwise it does nothing.
// progressBar shows, on a terminal, how many files are checked and how
// fast, in the user's language (the library's own rate reads "files/hr").
type progressBar struct {
	bar   *progressbar.ProgressBar
	p     *report.Printer
	start time.Time
}

func progress(stderr io.Writer, p *report.Printer) *progressBar {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progressBar{}
	}
	return &progressBar{p: p, start: time.Now(), bar: progressbar.NewOptions(0,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription(progressText(p, 0, 0)),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

// progressText is the bar's description: the rate once there is one.
func progressText(p *report.Printer, done int, elapsed time.Duration) string {
	if done == 0 || elapsed <= 0 {
		return p.Sprintf(msgProgress)
	}
	return p.Sprintf(msgProgressRate, int(float64(done)/elapsed.Seconds()+0.5))
}

func (b *progressBar) update(done, total int) {
	if b.bar == nil {
		return
	}
	if done == 0 {
		b.bar.ChangeMax(total)
		return
	}
	b.bar.Describe(progressText(b.p, done, time.Since(b.start)))
	b.bar.Set(done)
}

func (b *progressBar) done() {
	if b.bar != nil {
		b.bar.Finish()
	}
}

func extractAction(c *cli.Context) error {
	p, err := cmdPrinter(c)
	if err != nil {
		return err
	}
	if f := c.String("format"); f != "json" {
		return usageError(p, msgExtractJSON, f)
	}
	if c.NArg() == 0 {
		return usageError(p, msgNoPath, "extract", "extract")
	}
	if err := checkPaths(c.Args().Slice(), nil, p); err != nil {
		return err
	}
	if isStdin(c.Args().Slice()) {
		return usageError(p, msgStdinExtract)
	}
	opts := lint.DefaultOptions()
	opts.Rules = []*rules.Rule{rules.P0001}
	results, err := lint.Run(c.Context, c.Args().Slice(), opts)
	if err != nil {
		return runError(p, err)
	}
	if err := report.Extract(c.App.Writer, results, p); err != nil {
		return runError(p, writeError("-", err))
	}
	for _, r := range results {
		if r.Report == nil {
			return cli.Exit("", exitFindings)
		}
	}
	return nil
}

func rulesAction(c *cli.Context) error {
	p, err := cmdPrinter(c)
	if err != nil {
		return err
	}
	return report.Rules(c.App.Writer, rules.All(), p)
}

func explainAction(c *cli.Context) error {
	p, err := cmdPrinter(c)
	if err != nil {
		return err
	}
	if c.NArg() != 1 {
		return usageError(p, msgExplainOne)
	}
	r := rules.Lookup(c.Args().First())
	if r == nil {
		return usageError(p, msgExplainNone, c.Args().First())
	}
	return report.Explain(c.App.Writer, r, p)
}

// run executes the command line args and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	localize(app, argsLang(args))
	keepNames(app)
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
	p, _ := report.NewPrinter(argsLang(args))
	msg := err.Error()
	if _, rest, ok := strings.Cut(msg, "Required flag"); ok {
		flags := strings.Fields(strings.NewReplacer(`"`, "", "s ", " ", " not set", "").Replace(rest))
		for i, f := range flags {
			flags[i] = "--" + strings.TrimSuffix(f, ",")
		}
		msg = p.Sprintf(msgRequiredFlag, strings.Join(flags, "、"), commandOf(app, args))
	}
	fmt.Fprintf(stderr, "nianbao: %s\n", msg)
	return exitError
}

// commandOf is the name of the command args run, "" for none.
func commandOf(app *cli.App, args []string) string {
	for _, a := range args[1:] {
		if app.Command(a) != nil {
			return a
		}
	}
	return ""
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
		doc, ok := f.(cli.DocGenerationFlag)
		for _, n := range f.Names() {
			takesValue[n] = ok && doc.TakesValue()
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

// writeOutput writes the file at path with write, atomically: when write
// fails, or ctx is cancelled (Ctrl-C) while it writes, the file at path is
// left as it was and no temporary file remains.
func writeOutput(ctx context.Context, path string, write func(io.Writer) error) error {
	return atomicfile.Write(path, func(w io.Writer) error { return write(ctxWriter{ctx, w}) })
}

// ctxWriter is a writer that stops with the context's error once the
// context is cancelled.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (w ctxWriter) Write(b []byte) (int, error) {
	if err := w.ctx.Err(); err != nil {
		return 0, err
	}
	return w.w.Write(b)
}
