package main

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// With no arguments nianbao serves and opens the page only in a console of
// its own; in a terminal, and outside Windows, it prints the help.
func TestStartArgs(t *testing.T) {
	if got := startArgs([]string{"nianbao"}, true); !slices.Equal(got, []string{"nianbao", "serve", "--addr", "127.0.0.1:0", "--open", "--window"}) {
		t.Errorf("double-click: %q", got)
	}
	for _, args := range [][]string{{"nianbao"}, {"nianbao", "check", "x.docx"}} {
		if got := startArgs(args, false); !slices.Equal(got, args) {
			t.Errorf("terminal %q: %q", args, got)
		}
	}
	if got := startArgs([]string{"nianbao", "rules"}, true); !slices.Equal(got, []string{"nianbao", "rules"}) {
		t.Errorf("arguments in an own console: %q", got)
	}
	if runtime.GOOS != "windows" {
		if ownConsole() {
			t.Error("ownConsole outside Windows")
		}
		if got := startArgs([]string{"nianbao"}, ownConsole()); !slices.Equal(got, []string{"nianbao"}) {
			t.Errorf("no arguments outside Windows: %q", got)
		}
	}
	stdout, _, code := runCmd(t)
	if code != exitOK || !strings.Contains(stdout, "命令：") {
		t.Errorf("no arguments: exit %d, %q", code, stdout)
	}
}

func TestBrowserCommand(t *testing.T) {
	for goos, want := range map[string][]string{
		"windows": {"rundll32", "url.dll,FileProtocolHandler", "http://127.0.0.1:1/"},
		"darwin":  {"open", "http://127.0.0.1:1/"},
		"linux":   {"xdg-open", "http://127.0.0.1:1/"},
	} {
		name, args := browserCommand(goos, "http://127.0.0.1:1/")
		if got := append([]string{name}, args...); !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", goos, got, want)
		}
	}
}

// serveOpen runs nianbao with args and an opener that records the URL and
// returns openErr; it returns what was printed, the opened URL and whether
// the page answered there, after stopping the server.
func serveOpen(t *testing.T, openErr error, args ...string) (stdout, stderr, opened string) {
	t.Helper()
	openedCh := make(chan string, 1)
	old := openBrowser
	openBrowser = func(url string) error { openedCh <- url; return openErr }
	defer func() { openBrowser = old }()
	var out, errb syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() { done <- run(ctx, append([]string{"nianbao"}, args...), &out, &errb) }()
	select {
	case opened = <-openedCh:
	case <-time.After(10 * time.Second):
		cancel()
		t.Fatalf("no browser opened; stdout %q, stderr %q", out.String(), errb.String())
	}
	resp, err := http.Get(opened)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET %s: %d", opened, resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d; stderr %q", code, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	return out.String(), errb.String(), opened
}

func TestServeOpen(t *testing.T) {
	url := regexp.MustCompile(`http://127\.0\.0\.1:(\d+)/`)
	stdout, _, opened := serveOpen(t, nil, "serve", "--open", "--addr", "127.0.0.1:0")
	m := url.FindStringSubmatch(opened)
	if m == nil || m[1] == "0" || !strings.Contains(stdout, opened) || !strings.Contains(stdout, "Ctrl-C") {
		t.Errorf("opened %q; stdout %q", opened, stdout)
	}

	// Started by a double-click: the window is the process.
	stdout, stderr, opened := serveOpen(t, nil, doubleClickArgs...)
	if !strings.Contains(stdout, "nianbao 检查页面："+opened+"\n关闭此窗口即可退出。") {
		t.Errorf("double-click stdout %q", stdout)
	}
	if strings.Contains(stderr, "警告") {
		t.Errorf("stderr %q", stderr)
	}

	// A browser that cannot be opened leaves the address to open by hand.
	_, stderr, opened = serveOpen(t, errors.New("no browser"), "serve", "--open", "--addr", "127.0.0.1:0")
	if !strings.Contains(stderr, "无法自动打开浏览器（no browser）：请在浏览器中打开 "+opened) {
		t.Errorf("stderr %q", stderr)
	}
}

func TestWaitForEnter(t *testing.T) {
	var errb strings.Builder
	waitForEnter(strings.NewReader("\n"), &errb)
	if errb.String() != "按回车键关闭此窗口。\n" {
		t.Errorf("%q", errb.String())
	}
}
