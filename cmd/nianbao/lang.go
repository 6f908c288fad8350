package main

import (
	"os"
	"strings"

	"github.com/urfave/cli/v2"
)

// The command line speaks the language of the messages: Chinese unless
// --lang en (before or after the command) or NIANBAO_LANG=en says English.
// Flags are declared with English help texts; flagZH holds their Chinese,
// keyed by the English, and localize swaps them in.

// argsLang returns the language the arguments ask for ("zh" or "en"):
// the last --lang given anywhere, else NIANBAO_LANG, else Chinese.
func argsLang(args []string) string {
	lang := os.Getenv("NIANBAO_LANG")
	for i, a := range args {
		switch {
		case a == "--":
			return normLang(lang)
		case a == "--lang" || a == "-lang":
			if i+1 < len(args) {
				lang = args[i+1]
			}
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
			lang = a[strings.IndexByte(a, '=')+1:]
		}
	}
	return normLang(lang)
}

func normLang(s string) string {
	if strings.EqualFold(strings.TrimSpace(s), "en") {
		return "en"
	}
	return "zh"
}

// langFlag is the --lang flag of a command (localize sets its default).
func langFlag() cli.Flag {
	return &cli.StringFlag{Name: "lang", Value: "zh", Usage: "language of messages: zh or en", EnvVars: []string{"NIANBAO_LANG"}}
}

// flagZH is the Chinese help text of each flag, by its English one.
var flagZH = map[string]string{
	"output format on stdout: text, json, xlsx, csv, html or sarif":                                                  "标准输出的格式：text、json、xlsx、csv、html 或 sarif",
	"write to `FILE` (atomically; repeatable; the format follows the extension: .xlsx .html .csv .sarif .json .txt)": "写入 `FILE`（写完整后才替换；可重复；格式按扩展名：.xlsx .html .csv .sarif .json .txt）",
	"last year's reports (`PATH`: file or directory; repeatable) for the cross-year checks":                          "上一年度的报告（`PATH`：文件或目录；可重复），用于跨年度核对",
	"language of messages: zh or en":                                                               "消息语言：zh（中文）或 en（英文）",
	"default language of the page and the API: zh or en":                                           "页面和接口的默认语言：zh 或 en",
	"exit 1 when a finding is at or above this severity: error, warning or info":                   "有不低于此级别的问题时退出码为 1：error、warning 或 info",
	"rules to run, e.g. \"all,-C1004\" or \"A2*\" (replaces the rules: list of the configuration)": "要运行的规则，例如 \"all,-C1004\" 或 \"A2*\"（取代配置文件中的 rules: 列表）",
	"enable rules by `ID` or glob (repeatable, or comma-separated)":                                "按编号或通配符启用规则 `ID`（可重复，或用逗号分隔）",
	"disable rules by `ID` or glob (repeatable, or comma-separated)":                               "按编号或通配符停用规则 `ID`（可重复，或用逗号分隔）",
	"configuration `FILE` (default: .nianbao.yaml in the working directory or a parent)":           "配置文件 `FILE`（默认：当前目录或上级目录中的 .nianbao.yaml）",
	"report every blank or \"/\" cell instead of a count per table":                                "逐个报告空白或“/”单元格，而不是每张表报告一个数量",
	"files checked at once (default: all cores)":                                                   "同时检查的文件数（默认：全部 CPU 核心）",
	"output format: json": "输出格式：json",
	"report `YEAR` (2019–2020: 2019 format; 2021 on: 2021 format)":                                                                  "报告年度 `YEAR`（2019–2020 年度为 2019 年版格式，2021 年度起为 2021 年版格式）",
	"the reporting body, e.g. 某某镇人民政府 (default: XX)":                                                                                "报告机关，例如 某某镇人民政府（默认：XX）",
	"`FILE` to write (default: the title + .docx in the working directory)":                                                         "写入的文件 `FILE`（默认：当前目录下以标题命名的 .docx）",
	"overwrite FILE if it exists":                                                                                                   "FILE 已存在时覆盖",
	"listen on `HOST:PORT`; HOST is an IP address or localhost (a non-loopback host makes the page reachable from other computers)": "监听 `HOST:PORT`；HOST 为 IP 地址或 localhost（非本机地址会让其他电脑也能访问页面）",
	"largest file accepted (`SIZE`: 20MB, 512KB, bytes)":                                                                            "接受的最大文件 `SIZE`（如 20MB、512KB 或字节数）",
	"text output: list errors only, then the summary line":                                                                          "文本输出只列出错误，然后是汇总行",
	"text output: add the technical detail under a finding (why a file could not be read)":                                          "文本输出在问题下方列出技术详情（文件无法读取的原因）",
	"text output: list at most `N` findings":                                                                                        "文本输出最多列出 `N` 个问题",
	"open the page in the default browser":                                                                                          "在默认浏览器中打开页面",
}

// zhUsage returns the Chinese of a flag's English help text, or the text.
func zhUsage(en string) string {
	if zh, ok := flagZH[en]; ok {
		return zh
	}
	if zh, ok := limitZH(en); ok {
		return zh
	}
	return en
}

// localize sets every --lang flag's default to lang and, for Chinese, the
// flags' help texts and the usage errors of the app and its commands.
func localize(app *cli.App, lang string) {
	flags := func(fs []cli.Flag) {
		for _, f := range fs {
			switch f := f.(type) {
			case *cli.StringFlag:
				if f.Name == "lang" {
					f.Value = lang
				}
				f.Usage = pickText(lang, zhUsage(f.Usage), f.Usage)
			case *cli.StringSliceFlag:
				f.Usage = pickText(lang, zhUsage(f.Usage), f.Usage)
			case *cli.IntFlag:
				f.Usage = pickText(lang, zhUsage(f.Usage), f.Usage)
			case *cli.BoolFlag:
				f.Usage = pickText(lang, zhUsage(f.Usage), f.Usage)
			}
		}
	}
	flags(app.Flags)
	app.OnUsageError = flagError(lang)
	app.Usage = pickUsage(lang, app.Usage)
	// urfave/cli keeps the help and version flags and the flag printer in
	// package variables: one process speaks one language, so run sets them
	// (run is not called concurrently).
	cli.HelpFlag = &cli.BoolFlag{Name: "help", Aliases: []string{"h"}, Usage: pickText(lang, "显示帮助", "show help"), DisableDefaultText: true}
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Aliases: []string{"v"}, Usage: pickText(lang, "显示版本", "print the version"), DisableDefaultText: true}
	cli.FlagStringer = flagDefault(lang, baseFlagStringer)
	// The help command's own text is English; --help says the same.
	app.HideHelpCommand = true
	if lang == "zh" {
		app.CustomAppHelpTemplate = zhHeadings.Replace(cli.AppHelpTemplate)
	}
	for _, c := range app.Commands {
		flags(c.Flags)
		c.OnUsageError = flagError(lang)
		c.HideHelpCommand = true
		c.Usage = pickUsage(lang, c.Usage)
		if en, ok := descriptionEN[c.Description]; ok && lang == "en" {
			c.Description = en
		}
		if lang == "zh" {
			c.CustomHelpTemplate = zhHeadings.Replace(cli.CommandHelpTemplate)
			// urfave/cli writes "[command options]" into the usage line
			// itself unless the command gives the line.
			if c.UsageText == "" {
				c.UsageText = strings.TrimSpace("nianbao " + c.Name + " [选项] " + c.ArgsUsage)
			}
		}
	}
}

// pickUsage takes one side of a "中文 / English" usage line.
func pickUsage(lang, both string) string {
	zh, en, ok := strings.Cut(both, " / ")
	if !ok {
		return both
	}
	return pickText(lang, zh, en)
}

// descriptionEN is the English of each command's Chinese description.
var descriptionEN = map[string]string{
	usageCheck: `Checks the tables of annual reports (sums and completeness). PATH is a file or a directory
   (searched for .docx, .doc, .wps, .pdf, .txt, .html and other report files).

   nianbao check reports/
   nianbao check reports/ -o review.xlsx -o review.html --prev last-year/
   nianbao check --format json --lang en report.txt

   -o may be repeated; the format follows the extension (.xlsx .html .csv .sarif .json .txt); the
   file is replaced only once written in full. With -o and no --format, stdout gets the summary line.
   Exit code: 0 no finding (below --fail-on), 1 findings, 2 usage or run error.`,
	usageLint: `Pre-submission check: the checks of check, --fail-on warning by default, with a suggested
   fix under each finding.

   nianbao lint my-report.docx`,
	usageTemplate: `Writes the official blank template of a report year (2019 and 2020: the 2019 format; 2021 on:
   the 2021 format), the agency and year in the title, every data cell of the three tables empty.

   nianbao template --year 2025 --agency 某某镇人民政府
   nianbao template --year 2020 -o template.docx`,
	usageServe: `Starts the check page on this computer: choose or drop a report (.docx, .doc, .wps, .pdf, .txt, .html) in the
   browser, see the findings and the three tables (cells with findings highlighted), download the
   findings (.xlsx). Files are checked in memory and never stored. By default it listens on this
   computer only (127.0.0.1); another address must be given with --addr. Ctrl-C stops it.

   nianbao serve
   nianbao serve --open --addr 127.0.0.1:0      # any free port, opened in the default browser
   nianbao serve --addr 127.0.0.1:9000 --max-upload 50MB

   On Windows, double-clicking nianbao.exe starts this page and opens the browser; closing the
   window stops it.

   API: POST /api/check (multipart field file) returns the JSON of nianbao check --format json;
   POST /api/check.xlsx returns the workbook; POST /api/check.html the HTML fragment of the page.`,
}

// baseFlagStringer is urfave/cli's own flag printer.
var baseFlagStringer = cli.FlagStringer

// flagDefault prints a flag's help line: urfave/cli's, with the default
// in the user's language and left out where it says nothing (false, 0).
func flagDefault(lang string, base cli.FlagStringFunc) cli.FlagStringFunc {
	return func(f cli.Flag) string {
		s := base(f)
		for _, none := range []string{" (default: false)", " (default: 0)"} {
			s = strings.Replace(s, none, "", 1)
		}
		if lang == "zh" {
			// The placeholder of a value without a name of its own.
			if names, help, ok := strings.Cut(s, "\t"); ok {
				s = strings.ReplaceAll(names, " value", " 值") + "\t" + help
			}
			if i := strings.LastIndex(s, " (default: "); i >= 0 {
				if j := strings.Index(s[i:], ")"); j > 0 {
					s = s[:i] + "（默认：" + s[i+len(" (default: "):i+j] + "）" + s[i+j+1:]
				}
			}
		}
		return s
	}
}

// zhHeadings turns the headings of urfave/cli's help templates Chinese.
var zhHeadings = strings.NewReplacer(
	"NAME:", "名称：", "USAGE:", "用法：", "DESCRIPTION:", "说明：", "COMMANDS:", "命令：",
	"GLOBAL OPTIONS:", "全局选项：", "OPTIONS:", "选项：", "CATEGORY:", "类别：", "VERSION:", "版本：",
	"[command options]", "[选项]", "[global options]", "[全局选项]", "command [command options]", "命令 [选项]",
)

func pickText(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

// flagError words flag errors in the user's language and names the help.
func flagError(lang string) cli.OnUsageErrorFunc {
	return func(c *cli.Context, err error, _ bool) error {
		if lang == "en" {
			return err
		}
		msg := err.Error()
		cmd := "nianbao"
		if c.Command != nil && c.Command.Name != "" {
			cmd += " " + c.Command.Name
		}
		switch {
		case strings.HasPrefix(msg, "flag provided but not defined: "):
			msg = "没有这个选项：" + strings.TrimPrefix(msg, "flag provided but not defined: ")
		case strings.HasPrefix(msg, "flag needs an argument: "):
			msg = "选项需要一个值：" + strings.TrimPrefix(msg, "flag needs an argument: ")
		case strings.HasPrefix(msg, "invalid value "):
			msg = "选项的值无效：" + strings.TrimPrefix(msg, "invalid value ")
		}
		return cli.Exit("nianbao: "+msg+"（"+cmd+" --help 列出全部选项）", exitError)
	}
}
