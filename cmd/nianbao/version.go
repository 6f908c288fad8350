package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/nianbao/nianbao/report"
	"github.com/urfave/cli/v2"
)

// Set by release builds: go build -ldflags "-X main.version=1.2.0
// -X main.commit=… -X main.date=…" (the names GoReleaser stamps by
// default; see .goreleaser.yaml and scripts/release.sh).
var version, commit, date string

// buildInfo is the version, commit and date of this binary: the ones
// stamped with -ldflags -X where set, else what the Go toolchain recorded
// (the module version of go install …@v1.2.0, the VCS revision and its
// time of a go build in a clone), else "devel".
func buildInfo() report.BuildInfo {
	return resolveBuild(version, commit, date, debug.ReadBuildInfo)
}

func resolveBuild(version, commit, date string, read func() (*debug.BuildInfo, bool)) report.BuildInfo {
	b := report.BuildInfo{Version: version, Commit: commit, Date: date}
	if bi, ok := read(); ok {
		if b.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			b.Version = bi.Main.Version
		}
		modified := false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if b.Commit == "" {
					b.Commit = s.Value
				}
			case "vcs.time":
				if b.Date == "" {
					b.Date = s.Value
				}
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if modified && commit == "" && b.Commit != "" {
			b.Commit += "+dirty"
		}
	}
	if b.Version == "" {
		b.Version = "devel"
	}
	return b
}

// Texts of the version command (translated in report/messages.go).
const (
	msgVersionCommit  = "commit: %s"
	msgVersionDate    = "date: %s"
	msgVersionUnknown = "unknown"
)

// printVersion writes the version, the commit and the date, one a line.
func printVersion(w io.Writer, b report.BuildInfo, p *report.Printer) {
	unknown := func(s string) string {
		if s == "" {
			return p.Sprintf(msgVersionUnknown)
		}
		return s
	}
	fmt.Fprintf(w, "nianbao %s\n", b.Version)
	fmt.Fprintln(w, p.Sprintf(msgVersionCommit, unknown(b.Commit)))
	fmt.Fprintln(w, p.Sprintf(msgVersionDate, unknown(b.Date)))
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name: "version", Usage: "显示版本、提交和构建日期 / print the version, commit and build date",
		Flags: []cli.Flag{langFlag()},
		Action: func(c *cli.Context) error {
			p, err := cmdPrinter(c)
			if err != nil {
				return err
			}
			printVersion(c.App.Writer, report.Build, p)
			return nil
		},
	}
}

func init() {
	// nianbao --version prints what nianbao version prints, in the
	// language of NIANBAO_LANG.
	cli.VersionPrinter = func(c *cli.Context) {
		p, err := report.NewPrinter(langFromEnv())
		if err != nil {
			p, _ = report.NewPrinter("zh")
		}
		printVersion(c.App.Writer, report.Build, p)
	}
}

// langFromEnv is the language of NIANBAO_LANG, for what is printed before
// a command's --lang is read.
func langFromEnv() string {
	if l := os.Getenv("NIANBAO_LANG"); l != "" {
		return l
	}
	return "zh"
}
