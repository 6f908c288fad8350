package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/nianbao/nianbao/rules"
	"go.yaml.in/yaml/v3"
)

// ConfigName is the file nianbao looks for from the working directory
// upward.
const ConfigName = ".nianbao.yaml"

// Config is the content of a .nianbao.yaml file:
//
//	rules: [all, "-N*"]      # selection, applied in order (as --checks)
//	enable: [M1004]          # rules to add
//	disable: [C1011, A1005]  # rules to remove
//	severity:                # severity overrides, by ID or glob
//	  C1004: error
//	  "N*": info             # quote globs: * starts an alias in YAML
//	year: 2024               # the report year expected
//	blank: error             # blank cells: error, warning (default) or allow
//	aliases:                 # names of one body across years
//	  - [苏州市吴中区人民政府, 吴中区人民政府]
type Config struct {
	Rules    []string          `yaml:"rules"`
	Enable   []string          `yaml:"enable"`
	Disable  []string          `yaml:"disable"`
	Severity map[string]string `yaml:"severity"`
	Year     int               `yaml:"year"`
	Blank    string            `yaml:"blank"`
	Aliases  [][]string        `yaml:"aliases"`

	// Path is the file the configuration was read from, "" for none.
	Path string `yaml:"-"`
}

// FindConfig looks for ConfigName in dir and its parents and returns its
// path, or "" when there is none.
func FindConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, ConfigName)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// LoadConfig reads a configuration file. An unknown key is an error that
// names it.
func LoadConfig(file string) (*Config, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, rules.Errorf("cannot read the configuration %s: %s", file, err.Error())
	}
	c := &Config{Path: file}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, configError(file, err)
	}
	return c, nil
}

// configError words a YAML error of the configuration file for the user:
// an unknown key is named with the keys there are, never with the Go type
// the file is read into.
func configError(file string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		var line int
		var key string
		if _, e := fmt.Sscanf(te.Errors[0], "line %d: field %s not found", &line, &key); e == nil {
			return rules.Errorf("%s, line %d: unknown key %q (the keys are %s)", file, line, key, configKeys)
		}
		return rules.Errorf("%s: a value of the wrong kind (%s)", file, strings.Join(te.Errors, "; "))
	}
	return rules.Errorf("%s is not valid YAML: %s", file, err.Error())
}

// configKeys lists the keys of the configuration file.
const configKeys = "rules, enable, disable, severity, year, blank, aliases"

// Apply turns the configuration, then the command line's enable and
// disable lists, into opts: the rules to run, severity overrides and the
// expected year. A rule ID or pattern that names no rule is an error.
func (c *Config) Apply(opts *Options, enable, disable []string) error {
	// Without a file, the rules come from --checks.
	where := any("--checks")
	if c.Path != "" {
		where = c.Path
	}
	all := rules.All()
	spec := strings.Join(c.Rules, ",")
	selected, err := rules.Select(all, spec)
	if err != nil {
		return rules.Errorf("%s, %s: %s", where, "rules", err)
	}
	on := map[string]bool{}
	for _, r := range selected {
		on[r.ID] = true
	}
	set := func(field string, pats []string, v bool) error {
		for _, p := range pats {
			ids, err := rules.Match(all, p)
			if err != nil {
				return rules.Errorf("%s, %s: %s", where, field, err)
			}
			for _, id := range ids {
				on[id] = v
			}
		}
		return nil
	}
	if err := set("enable", c.Enable, true); err != nil {
		return err
	}
	if err := set("disable", c.Disable, false); err != nil {
		return err
	}
	where = rules.Phrase("the command line")
	if err := set("--enable", enable, true); err != nil {
		return err
	}
	if err := set("--disable", disable, false); err != nil {
		return err
	}
	sev := map[string]rules.Severity{}
	switch strings.ToLower(c.Blank) {
	case "", "warning":
	case "error":
		sev[rules.C1004.ID] = rules.Error
	case "allow", "allowed", "ok":
		on[rules.C1004.ID] = false
	default:
		return rules.Errorf("%s, blank: %q is not error, warning or allow", c.Path, c.Blank)
	}
	for pat, s := range c.Severity {
		level, err := rules.ParseSeverity(s)
		if err != nil {
			return rules.Errorf("%s, severity of %s: %s", c.Path, pat, err)
		}
		ids, err := rules.Match(all, pat)
		if err != nil {
			return rules.Errorf("%s, %s: %s", c.Path, "severity", err)
		}
		for _, id := range ids {
			sev[id] = level
		}
	}
	opts.Rules = slices.DeleteFunc(slices.Clone(all), func(r *rules.Rule) bool { return !on[r.ID] && r.ID != rules.P0001.ID })
	if len(sev) > 0 {
		opts.Severity = sev
	}
	for _, group := range c.Aliases {
		if len(group) < 2 {
			return rules.Errorf("%s, aliases: %q names one body only: list two names or more", c.Path, group)
		}
	}
	opts.Aliases = c.Aliases
	if c.Year != 0 {
		if c.Year < 2019 || c.Year > 2100 {
			return rules.Errorf("%s, year: %d is not a report year", c.Path, c.Year)
		}
		opts.Rule.Year = c.Year
	}
	return nil
}
