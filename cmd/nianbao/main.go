// Command nianbao checks Chinese government information-disclosure annual
// reports (政府信息公开工作年度报告) for arithmetic and completeness errors.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/nianbao/nianbao/report"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	report.Build = buildInfo()
	stopProfiles := startProfiles(os.Stderr)
	args := startArgs(os.Args, ownConsole())
	code := run(ctx, args, os.Stdout, os.Stderr)
	if code == exitError && len(os.Args) == 1 && len(args) > 1 {
		// A window of its own closes when nianbao exits: keep the
		// message in view until the user has read it.
		waitForEnter(os.Stdin, os.Stderr)
	}
	stopProfiles()
	stop()
	os.Exit(code)
}
