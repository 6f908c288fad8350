package main

import (
	"bufio"
	"fmt"
	"io"
	"os/exec"
	"runtime"

	"github.com/nianbao/nianbao/report"
)

// openBrowser opens url in the default browser; tests replace it.
var openBrowser = func(url string) error {
	name, args := browserCommand(runtime.GOOS, url)
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reaps the opener, which returns once it has handed the URL on
	return nil
}

// browserCommand is the command that opens url in the default browser on
// goos.
func browserCommand(goos, url string) (string, []string) {
	switch goos {
	case "windows":
		return "rundll32", []string{"url.dll,FileProtocolHandler", url}
	case "darwin":
		return "open", []string{url}
	}
	return "xdg-open", []string{url}
}

// doubleClickArgs are the arguments nianbao runs with when it is started
// with none in a console window of its own (a double-click on Windows):
// the check page on a free local port, opened in the browser.
var doubleClickArgs = []string{"serve", "--addr", "127.0.0.1:0", "--open", "--window"}

// startArgs decides what nianbao runs: args as given, or the check page
// when there are no arguments and the console is nianbao's own. In a
// terminal, no arguments print the help as before.
func startArgs(args []string, ownConsole bool) []string {
	if len(args) == 1 && ownConsole {
		return append([]string{args[0]}, doubleClickArgs...)
	}
	return args
}

// Text of the double-clicked window (translated in report/messages.go).
const msgPressEnter = "Press Enter to close this window."

// waitForEnter asks the user to press Enter and waits for it.
func waitForEnter(stdin io.Reader, stderr io.Writer) {
	p, err := report.NewPrinter(langFromEnv())
	if err != nil {
		p, _ = report.NewPrinter("zh")
	}
	fmt.Fprintln(stderr, p.Sprintf(msgPressEnter))
	bufio.NewReader(stdin).ReadString('\n')
}
