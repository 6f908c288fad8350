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

// flagZH is the Chinese help text of each flag, by its English one.
var flagZH = map[string]string{
	"output format on stdout: text, json, xlsx, csv, html or sarif":                                                  "标准输出的格式：text、json、xlsx、csv、html 或 sarif",
	"write to `FILE` (atomically; repeatable; the format follows the extension: .xlsx .html .csv .sarif .json .txt)": "写入 `FILE`（写完整后才替换；可重复；格式按扩展名：.xlsx .html .csv .sarif .json .txt）",
	"last year's reports (`PATH`: file or directory; repeatable) for the cross-year checks":                          "上一年度的报告（`PATH`：文件或目录；可重复），用于跨年度核对",
	"language of messages: zh or en":                                                               "消息语言：zh（中文）或 en（英文）",
	"language: zh or en":                                                                           "语言：zh（中文）或 en（英文）",
	"default language of the page and the API: zh or en":                                           "页面和接口的默认语言：zh 或 en",
	"exit 1 when a finding is at or above this severity: error, warning or info":                   "有不低于此级别的问题时退出码为 1：error、warning 或 info",
	"rules to run, e.g. \"all,-C1004\" or \"A2*\" (replaces the rules: list of the configuration)": "要运行的规则，例如 \"all,-C1004\" 或 \"A2*\"（取代配置文件中的 rules: 列表）",
	"enable rules by `ID` or glob (repeatable, or comma-separated)":                                "按编号或通配符启用规则 `ID`（可重复，或用逗号分隔）",
	"disable rules by `ID` or glob (repeatable, or comma-separated)":                               "按编号或通配符停用规则 `ID`（可重复，或用逗号分隔）",
	"configuration `FILE` (default: .nianbao.yaml in the working directory or a parent)":           "配置文件 `FILE`（默认：当前目录或上级目录中的 .nianbao.yaml）",
	"report every blank or \"/\" cell instead of a count per table":                                "逐个报告空白或“/”单元格，而不是每张表报告一个数量",
	"files checked at once (default: all cores)":                                                   "同时检查的文件数（默认：全部 CPU 核心）",
	"most table cells read from one document":                                                      "每份文档最多读取的表格单元格数",
	"deepest element nesting read from one .docx or web page":                                      ".docx 或网页中最多读取的元素嵌套层数",
	"output format: json": "输出格式：json",
	"report `YEAR` (2019–2020: 2019 format; 2021 on: 2021 format)":                                                                  "报告年度 `YEAR`（2019–2020 年度为 2019 年版格式，2021 年度起为 2021 年版格式）",
	"the reporting body, e.g. 某某镇人民政府 (default: XX)":                                                                                "报告机关，例如 某某镇人民政府（默认：XX）",
	"`FILE` to write (default: the title + .docx in the working directory)":                                                         "写入的文件 `FILE`（默认：当前目录下以标题命名的 .docx）",
	"overwrite FILE if it exists":                                                                                                   "FILE 已存在时覆盖",
	"listen on `HOST:PORT`; HOST is an IP address or localhost (a non-loopback host makes the page reachable from other computers)": "监听 `HOST:PORT`；HOST 为 IP 地址或 localhost（非本机地址会让其他电脑也能访问页面）",
	"largest file accepted (`SIZE`: 20MB, 512KB, bytes)":                                                                            "接受的最大文件 `SIZE`（如 20MB、512KB 或字节数）",
	"text output: list errors only, then the summary line":                                                                          "文本输出只列出错误，然后是汇总行",
	"text output: list at most `N` findings":                                                                                        "文本输出最多列出 `N` 个问题",
	"open the page in the default browser":                                                                                          "在默认浏览器中打开页面",
	"show help":                                                                                                                     "显示帮助",
	"print the version":                                                                                                             "显示版本",
}

// limitsZH is the Chinese of the size-limit flags, whose English carries
// the default: "… (default: 64M)".
var limitsZH = map[string]string{
	"largest input file read, in bytes or with K, M, G":             "读取的最大输入文件，字节数或带 K、M、G",
	"largest size a .docx may inflate to, in bytes or with K, M, G": ".docx 解压后的最大大小，字节数或带 K、M、G",
}

// zhUsage returns the Chinese of a flag's English help text, or the text.
func zhUsage(en string) string {
	if zh, ok := flagZH[en]; ok {
		return zh
	}
	for e, z := range limitsZH {
		if rest, ok := strings.CutPrefix(en, e+" (default: "); ok {
			return z + "（默认：" + strings.TrimSuffix(rest, ")") + "）"
		}
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
	// The help command's own text is English; --help says the same.
	app.HideHelpCommand = true
	if lang == "zh" {
		app.CustomAppHelpTemplate = zhHeadings.Replace(cli.AppHelpTemplate)
	}
	for _, c := range app.Commands {
		flags(c.Flags)
		c.OnUsageError = flagError(lang)
		c.HideHelpCommand = true
		if lang == "zh" {
			c.CustomHelpTemplate = zhHeadings.Replace(cli.CommandHelpTemplate)
		}
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
