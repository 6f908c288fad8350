//go:build unix

// Command startup times whole processes: each command given is started
// -n times, in turn with the others (A B C A B C …, so that a drift of the
// machine's speed touches all of them alike), and for each the median wall
// time, CPU time (user + system) and minor page faults of the finished
// process are printed, with the ratio of its CPU time to the first
// command's. The operating system's own accounting of the child
// (getrusage, microseconds) is read: bash's time builtins and
// /usr/bin/time round CPU to 10 ms, more than a start-up costs.
//
//	go run ./bench/startup -n 30 ./hello './nianbao version' './nianbao check a.docx'
//
// Each command is one argument, split at spaces; its output is discarded
// and its exit status ignored (nianbao check exits 1 on findings).
// bench/startup.sh builds the usual set and runs it.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

// sample is one run of one command.
type sample struct {
	wall, cpu time.Duration
	faults    int64
}

func main() {
	runs := flag.Int("n", 30, "runs of each command")
	flag.Parse()
	cmds := flag.Args()
	if len(cmds) == 0 || *runs < 1 {
		fmt.Fprintln(os.Stderr, "usage: startup [-n RUNS] COMMAND...")
		os.Exit(2)
	}
	samples := make([][]sample, len(cmds))
	for range *runs + 1 { // the first round warms the page cache and is dropped
		for i, c := range cmds {
			s, err := run(c)
			if err != nil {
				fmt.Fprintf(os.Stderr, "startup: %s: %v\n", c, err)
				os.Exit(1)
			}
			samples[i] = append(samples[i], s)
		}
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "wall ms\tcpu ms\tfaults\tcpu ÷ first\t command\t")
	var base time.Duration
	for i, c := range cmds {
		ss := samples[i][1:]
		wall := median(ss, func(s sample) int64 { return int64(s.wall) })
		cpu := median(ss, func(s sample) int64 { return int64(s.cpu) })
		faults := median(ss, func(s sample) int64 { return s.faults })
		if i == 0 {
			base = time.Duration(cpu)
		}
		fmt.Fprintf(w, "%.2f\t%.2f\t%d\t%.1f\t %s\t\n", ms(wall), ms(cpu), faults, float64(cpu)/float64(max(base, 1)), shown(c))
	}
	w.Flush()
	fmt.Printf("medians of %d runs each, in turn\n", *runs)
}

// run starts c once and returns what the system accounted to it.
func run(c string) (sample, error) {
	args := strings.Fields(c)
	cmd := exec.Command(args[0], args[1:]...)
	t := time.Now()
	err := cmd.Run()
	wall := time.Since(t)
	if _, exit := err.(*exec.ExitError); err != nil && !exit {
		return sample{}, err
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return sample{}, fmt.Errorf("no resource usage on this system")
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return sample{wall: wall, cpu: cpu, faults: int64(ru.Minflt)}, nil
}

func median(ss []sample, key func(sample) int64) int64 {
	v := make([]int64, len(ss))
	for i, s := range ss {
		v[i] = key(s)
	}
	slices.Sort(v)
	return v[len(v)/2]
}

// shown is c with its program named without its directory.
func shown(c string) string {
	prog, rest, _ := strings.Cut(c, " ")
	return strings.TrimSpace(filepath.Base(prog) + " " + rest)
}

func ms(ns int64) float64 { return float64(ns) / 1e6 }
