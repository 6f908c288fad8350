// Command soak loads nianbao serve as issue 15 describes and checks that
// it stays bounded: it starts the binary given, then
//
//  1. sends -big uploads (default 32) of about 19 MB of tab-separated
//     numbers, -c (default 16) at a time: every request must be answered
//     200, 413 or 503; the server's RSS, sampled from /proc every 20 ms,
//     must stay under -peak (500 MB) and fall under -settle-rss (150 MB)
//     within -settle (10 s) of the last answer; /healthz must still answer;
//  2. sends -real uploads (default 300) of the real reports and fixtures
//     under testdata, -c at a time: all must be 200, with the 95th
//     percentile of the answer times under -p95 (1 s).
//
// It prints the figures and exits 1 when a target is missed. Linux only
// (/proc). bench/soak.sh builds the binary and runs it.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/nianbao/nianbao/internal/testsupport/hostilegen"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "soak:", err)
		os.Exit(1)
	}
}

type config struct {
	bin, testdata   string
	big, real, conc int
	peak, settleRSS int64
	settle, p95     time.Duration
	serveArgs       []string
	bigSize         int
	bigCols         int
}

func run() error {
	var c config
	flag.StringVar(&c.bin, "bin", "", "the nianbao binary (required)")
	flag.StringVar(&c.testdata, "testdata", "testdata", "the repository's testdata directory")
	flag.IntVar(&c.big, "big", 32, "uploads of the large file")
	flag.IntVar(&c.real, "real", 300, "uploads of real reports")
	flag.IntVar(&c.conc, "c", 16, "uploads at a time")
	flag.IntVar(&c.bigSize, "big-size", 19_000_000, "bytes of the large file")
	flag.IntVar(&c.bigCols, "big-cols", 200, "numbers to a line of the large file")
	flag.Int64Var(&c.peak, "peak", 500, "highest RSS allowed, MB")
	flag.Int64Var(&c.settleRSS, "settle-rss", 150, "RSS to fall under after the large uploads, MB")
	flag.DurationVar(&c.settle, "settle", 10*time.Second, "time allowed to fall under -settle-rss")
	flag.DurationVar(&c.p95, "p95", time.Second, "95th percentile allowed for real reports")
	flag.Parse()
	c.serveArgs = flag.Args()
	if c.bin == "" {
		return errors.New("-bin is required")
	}

	addr, err := freeAddr()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := exec.CommandContext(ctx, c.bin, append([]string{"serve", "--addr", addr}, c.serveArgs...)...)
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// Stop the server before returning: it shares this process's
	// standard error, which a pipe reading it would wait on.
	defer func() {
		cmd.Process.Kill()
		select {
		case <-exited:
		case <-time.After(5 * time.Second): // waitUp saw it exit
		}
	}()
	base := "http://" + addr
	if err := waitUp(base, exited); err != nil {
		return err
	}
	pid := cmd.Process.Pid
	rss := newSampler(pid)
	go rss.run(ctx)

	failed := false
	miss := func(format string, args ...any) {
		failed = true
		fmt.Printf("MISSED: "+format+"\n", args...)
	}

	fmt.Printf("server pid %d on %s (%s); idle RSS %d MB; GOMEMLIMIT=%q\n", pid, addr, strings.Join(c.serveArgs, " "), rss.now()>>20, os.Getenv("GOMEMLIMIT"))

	// Phase 1: the large file.
	big := hostilegen.NumberRows(c.bigCols, c.bigSize)
	fmt.Printf("phase 1: %d uploads of %.1f MB (%d numbers to a line), %d at a time\n", c.big, float64(len(big))/1e6, c.bigCols, c.conc)
	rss.resetPeak()
	res := load(base, c.big, c.conc, func(int) (string, []byte) { return "numbers.txt", big })
	last := time.Now()
	fmt.Printf("  answers: %s; time per request: %s; wall %.1f s\n", res.statuses(), res.latencies(), res.wall.Seconds())
	fmt.Printf("  peak RSS %d MB\n", rss.peakMB())
	for s, n := range res.status {
		if s != 200 && s != 413 && s != 503 {
			miss("%d answers with status %d", n, s)
		}
	}
	if res.errs > 0 {
		miss("%d requests without an answer: %v", res.errs, res.firstErr)
	}
	if p := rss.peakMB(); p > c.peak {
		miss("peak RSS %d MB > %d MB", p, c.peak)
	}
	under := time.Duration(-1)
	for time.Since(last) < 3*c.settle {
		if rss.now()>>20 < c.settleRSS {
			under = time.Since(last)
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if under < 0 {
		miss("RSS still %d MB %v after the last answer", rss.now()>>20, 3*c.settle)
	} else {
		fmt.Printf("  RSS under %d MB %.2f s after the last answer (now %d MB)\n", c.settleRSS, under.Seconds(), rss.now()>>20)
		if under > c.settle {
			miss("RSS took %v to fall under %d MB", under, c.settleRSS)
		}
	}
	if err := health(base); err != nil {
		miss("healthz after phase 1: %v", err)
	}

	// Phase 2: real reports.
	files, err := realFiles(c.testdata)
	if err != nil {
		return err
	}
	fmt.Printf("phase 2: %d uploads of %d real reports and fixtures, %d at a time\n", c.real, len(files), c.conc)
	rss.resetPeak()
	res = load(base, c.real, c.conc, func(i int) (string, []byte) { f := files[i%len(files)]; return f.name, f.data })
	fmt.Printf("  answers: %s; time per request: %s; wall %.1f s; peak RSS %d MB\n", res.statuses(), res.latencies(), res.wall.Seconds(), rss.peakMB())
	if res.status[200] != c.real {
		miss("%d of %d answered 200 (%v)", res.status[200], c.real, res.firstErr)
	}
	if p := res.pct(95); p >= c.p95 {
		miss("p95 %v >= %v", p, c.p95)
	}
	if err := health(base); err != nil {
		miss("healthz after phase 2: %v", err)
	}
	if err := cmd.Process.Signal(syscall.Signal(0)); err != nil {
		miss("the server exited: %v", err)
	}
	if failed {
		return errors.New("targets missed")
	}
	fmt.Println("all targets met")
	return nil
}

// freeAddr returns a loopback address with a free port.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func waitUp(base string, exited <-chan error) error {
	for range 200 {
		select {
		case err := <-exited:
			return fmt.Errorf("the server exited: %v", err)
		default:
		}
		// The page, not /healthz, so that a build before /healthz can be
		// measured too.
		if resp, err := http.Get(base + "/"); err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(25 * time.Millisecond)
	}
	return errors.New("the server did not come up")
}

func health(base string) error {
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !bytes.Contains(b, []byte(`"ok"`)) {
		return fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	return nil
}

// sampler follows the RSS of a process.
type sampler struct {
	pid       int
	cur, peak atomic.Int64
}

func newSampler(pid int) *sampler {
	s := &sampler{pid: pid}
	s.sample()
	return s
}

func (s *sampler) run(ctx context.Context) {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.sample()
		}
	}
}

// sample reads VmRSS from /proc/pid/status.
func (s *sampler) sample() {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.pid))
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				s.cur.Store(kb << 10)
				for {
					p := s.peak.Load()
					if kb<<10 <= p || s.peak.CompareAndSwap(p, kb<<10) {
						break
					}
				}
			}
			return
		}
	}
}

func (s *sampler) now() int64    { s.sample(); return s.cur.Load() }
func (s *sampler) peakMB() int64 { return s.peak.Load() >> 20 }
func (s *sampler) resetPeak()    { s.peak.Store(s.cur.Load()) }

// result is what a load gave.
type result struct {
	status   map[int]int
	times    []time.Duration
	errs     int
	firstErr error
	wall     time.Duration
}

func (r *result) statuses() string {
	var keys []int
	for k := range r.status {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%d×%d", r.status[k], k))
	}
	if r.errs > 0 {
		parts = append(parts, fmt.Sprintf("%d×error", r.errs))
	}
	return strings.Join(parts, ", ")
}

func (r *result) pct(p int) time.Duration {
	if len(r.times) == 0 {
		return 0
	}
	t := slices.Clone(r.times)
	slices.Sort(t)
	return t[min(len(t)-1, (len(t)*p+99)/100-1)]
}

func (r *result) latencies() string {
	return fmt.Sprintf("p50 %.3f s, p95 %.3f s, max %.3f s", r.pct(50).Seconds(), r.pct(95).Seconds(), r.pct(100).Seconds())
}

// load sends n uploads, conc at a time; file gives the name and content
// of the i-th.
func load(base string, n, conc int, file func(i int) (string, []byte)) *result {
	res := &result{status: map[int]int{}}
	var mu sync.Mutex
	next := make(chan int)
	go func() {
		for i := range n {
			next <- i
		}
		close(next)
	}()
	client := &http.Client{Timeout: 5 * time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: conc}}
	start := time.Now()
	var wg sync.WaitGroup
	for range conc {
		wg.Go(func() {
			for i := range next {
				name, data := file(i)
				t0 := time.Now()
				status, err := post(client, base+"/api/check", name, data)
				d := time.Since(t0)
				mu.Lock()
				if err != nil {
					res.errs++
					if res.firstErr == nil {
						res.firstErr = err
					}
				} else {
					res.status[status]++
					res.times = append(res.times, d)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res.wall = time.Since(start)
	return res
}

func post(client *http.Client, url, name string, data []byte) (int, error) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		return 0, err
	}
	if _, err := fw.Write(data); err != nil {
		return 0, err
	}
	if err := mw.Close(); err != nil {
		return 0, err
	}
	resp, err := client.Post(url, mw.FormDataContentType(), &b)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

type file struct {
	name string
	data []byte
}

// realFiles reads the real reports (testdata/real/*/source.*) and the
// .docx fixtures (testdata/docx/*.docx).
func realFiles(testdata string) ([]file, error) {
	var paths []string
	for _, pat := range []string{"real/*/source.*", "docx/*.docx"} {
		m, err := filepath.Glob(filepath.Join(testdata, pat))
		if err != nil {
			return nil, err
		}
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no reports under %s", testdata)
	}
	var out []file
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, file{filepath.Base(filepath.Dir(p)) + "-" + filepath.Base(p), b})
	}
	return out, nil
}
