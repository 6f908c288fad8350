package main

import "github.com/urfave/cli/v2"

// urfave/cli v2 works a flag's names out afresh, through a regular
// expression (FlagNames), every time it asks for them, and it asks often:
// before running a command it asks, for every flag, whether it was set,
// and each of those questions walks the names of every flag up to the one
// asked for. For `nianbao check` (24 flags and --help) that is 896
// regular expression replacements (counted by wrapping Names): checking
// one real-length .docx took 24.6M instructions before the types below and
// 21.7M with them (callgrind, the whole process). They answer Names() from a slice made once; everything
// else is the flag's own.
//
// They are pointers: urfave/cli compares flags with == (hasFlag), which
// panics on a struct holding a slice.

type (
	boolFlag struct {
		*cli.BoolFlag
		names []string
	}
	intFlag struct {
		*cli.IntFlag
		names []string
	}
	stringFlag struct {
		*cli.StringFlag
		names []string
	}
	stringSliceFlag struct {
		*cli.StringSliceFlag
		names []string
	}
)

func (f *boolFlag) Names() []string        { return f.names }
func (f *intFlag) Names() []string         { return f.names }
func (f *stringFlag) Names() []string      { return f.names }
func (f *stringSliceFlag) Names() []string { return f.names }

// keepNames replaces the flags of app and of its commands, and urfave/cli's
// help and version flags, with flags that keep their names. It runs after
// localize, which changes the flags by their urfave/cli types.
func keepNames(app *cli.App) {
	keepNamesOf(app.Flags)
	for _, c := range app.Commands {
		keepNamesOf(c.Flags)
	}
	cli.HelpFlag = keepName(cli.HelpFlag)
	cli.VersionFlag = keepName(cli.VersionFlag)
}

func keepNamesOf(fs []cli.Flag) {
	for i, f := range fs {
		fs[i] = keepName(f)
	}
}

// keepName returns f as a flag that keeps its names; a flag of another
// type is returned as it is (TestKeepNames finds none in the app).
func keepName(f cli.Flag) cli.Flag {
	switch f := f.(type) {
	case *cli.BoolFlag:
		return &boolFlag{f, f.Names()}
	case *cli.IntFlag:
		return &intFlag{f, f.Names()}
	case *cli.StringFlag:
		return &stringFlag{f, f.Names()}
	case *cli.StringSliceFlag:
		return &stringSliceFlag{f, f.Names()}
	}
	return f
}
