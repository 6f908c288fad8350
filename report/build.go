package report

// BuildInfo identifies the build of nianbao that wrote an output.
type BuildInfo struct {
	// Version is a release version ("1.2.0"), a module version
	// ("v1.2.0", "v0.0.0-2026…-799d29cabc12") or "devel".
	Version string
	// Commit and Date are the VCS revision and the build (or commit) date;
	// empty when unknown.
	Commit, Date string
}

// Build is the build named in the outputs: the SARIF tool and invocation,
// the footer of the HTML page and of the printed workbook. cmd/nianbao sets
// it when it starts; tests keep the fixed default, so that the expected
// outputs do not change with every commit.
var Build = BuildInfo{Version: "devel"}
