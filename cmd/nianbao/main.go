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
	code := run(ctx, os.Args, os.Stdout, os.Stderr)
	stopProfiles()
	stop()
	os.Exit(code)
}
