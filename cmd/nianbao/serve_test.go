package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nianbao/nianbao/report"
)

// TestServeBadFlags checks that serve refuses a bad --addr or --max-upload
// before listening.
func TestServeBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--addr", "nonsense"},
		{"--addr", "127.0.0.1"},
		{"--addr", "127.0.0.1:99999"},
		{"--addr", "127.0.0.1:http"},
		{"--addr", "example.com:8765"},
		{"--max-upload", "lots"},
		{"--max-upload", "0"},
		{"--lang", "fr"},
		{"report.docx"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			_, stderr, code := runCmd(t, append([]string{"serve"}, args...)...)
			if code != exitError {
				t.Errorf("exit %d, want %d", code, exitError)
			}
			if !strings.HasPrefix(stderr, "nianbao: ") {
				t.Errorf("stderr %q", stderr)
			}
		})
	}
}

func TestListenAddr(t *testing.T) {
	for addr, loopback := range map[string]bool{
		"127.0.0.1:8765": true, "localhost:8765": true, "[::1]:0": true, "127.0.0.2:80": true,
		":8765": false, "0.0.0.0:8765": false, "[::]:8765": false, "192.168.1.10:8765": false,
	} {
		got, err := listenAddr(addr)
		if err != nil || got != loopback {
			t.Errorf("listenAddr(%q) = %v, %v; want %v", addr, got, err, loopback)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeStartStop starts serve on a free loopback port, fetches the page
// from the URL it prints, and stops it as Ctrl-C does, by cancelling the
// context.
func TestServeStartStop(t *testing.T) {
	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"nianbao", "serve", "--addr", "127.0.0.1:0"}, &stdout, &stderr) }()
	urlRe := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var url string
	for deadline := time.Now().Add(10 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		url = urlRe.FindString(stdout.String())
	}
	if url == "" {
		cancel()
		t.Fatalf("no URL printed; stdout %q, stderr %q", stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "请在浏览器中打开") {
		t.Errorf("stdout %q", stdout.String())
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), `<form id="upload"`) {
		t.Errorf("GET %s: %d", url, resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit %d; stderr %q", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	if s := stderr.String(); strings.Contains(s, "警告") || !strings.Contains(s, "已停止") {
		t.Errorf("stderr %q", s)
	}
}

func TestServeTextsTranslated(t *testing.T) {
	p, err := report.NewPrinter("zh")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{msgNotFound, msgStdinAlone, msgStdinPrev, msgStdinWait, msgStdinName, msgStdinExtract, msgServing, msgExposed, msgStopped, msgWindow, msgNoOpen, msgPressEnter, msgVersionCommit, msgVersionDate, msgVersionUnknown} {
		if p.Sprintf(k) == k {
			t.Errorf("no Chinese text for %q", k)
		}
	}
}
