package rules

// Translation pairs an English text (the catalogue key, as written in the
// code) with its Chinese text. The Chinese keeps the verbs and their
// order.
type Translation struct {
	EN, ZH string
}

// Texts are the Chinese texts of a rule, declared beside its English ones:
// its title, its doc, and every message format (and phrase argument) its
// findings or the driver's findings of it use.
type Texts struct {
	Title, Doc string
	Messages   []Translation
}

// Translations returns the Chinese text of every finding message, rule
// title, rule doc and phrase of this package, gathered from the rules of
// All. A message shared by several rules (a family's) is listed once.
func Translations() []Translation {
	var out []Translation
	seen := map[string]bool{}
	add := func(t Translation) {
		if !seen[t.EN] {
			seen[t.EN] = true
			out = append(out, t)
		}
	}
	for _, t := range errorTexts {
		add(t)
	}
	for _, r := range All() {
		add(Translation{r.Title, r.ZH.Title})
		add(Translation{r.Doc, r.ZH.Doc})
		for _, t := range r.ZH.Messages {
			add(t)
		}
	}
	return out
}

// errorTexts are the Chinese of this package's errors (Errorf), which a
// user meets on the command line and in the configuration.
var errorTexts = []Translation{
	{"unknown severity %q (want error, warning or info)", "没有 %q 这个级别（可用：error、warning 或 info）"},
	{"bad rule pattern %q: %s", "规则模式 %q 无效：%s"},
	{"no rule matches %q (see nianbao rules)", "没有与 %q 相符的规则（见 nianbao rules）"},
}
