package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
)

// startProfiles starts the profiles that developers ask for through the
// environment, for measuring a real run of the command:
//
//	NIANBAO_CPUPROFILE=cpu.out nianbao check DIR
//	NIANBAO_MEMPROFILE=mem.out nianbao check DIR
//
// The heap profile is written once the batch has been checked and before
// the outputs are written (heapPoint), after a garbage collection: it shows
// what the batch keeps alive (-sample_index=inuse_space) and what was
// allocated (alloc_space). The returned function stops the CPU profile.
// Errors go to stderr and do not change the exit code.
func startProfiles(stderr io.Writer) (stop func()) {
	if os.Getenv("NIANBAO_MEMPROFILE") != "" {
		runtime.MemProfileRate = 4096 // finer than the default 512 KiB: a batch keeps many small values
	}
	cpu := os.Getenv("NIANBAO_CPUPROFILE")
	var cpuFile *os.File
	if cpu != "" {
		f, err := os.Create(cpu)
		if err == nil {
			if err = pprof.StartCPUProfile(f); err != nil {
				f.Close() // the profile error is the one to report
			}
		}
		if err != nil {
			fmt.Fprintln(stderr, "nianbao: cpu profile:", err)
		} else {
			cpuFile = f
		}
	}
	return func() {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			if err := cpuFile.Close(); err != nil {
				fmt.Fprintln(stderr, "nianbao: cpu profile:", err)
			}
		}
	}
}

// heapPoint writes the heap profile NIANBAO_MEMPROFILE names, if any.
// Errors go to stderr.
func heapPoint(stderr io.Writer) {
	mem := os.Getenv("NIANBAO_MEMPROFILE")
	if mem == "" {
		return
	}
	f, err := os.Create(mem)
	if err == nil {
		runtime.GC()
		err = pprof.Lookup("heap").WriteTo(f, 0)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "nianbao: memory profile:", err)
	}
}

// tuneGC sets the garbage collector for checking: a batch keeps little
// alive (its results wait in a temporary file) but allocates about 250 KB
// per report, so at the default GOGC=100 the collector ran every few
// dozen reports. At 200 it ran half as often: on 10,000 reports, 12.1–13.2
// s of CPU became 11.5 and the peak went from 46 to 62 MB. At 400, on
// 10,000 reports of real length run in turn with 200, the CPU time fell
// by 1–17% (median of three pairs 4%; 24.4 → 23.5, 28.7 → 23.9, 27.5 →
// 25.9 s) and the peak rose from 59 to 87 MB; a large batch is held by the
// soft limit whatever GOGC is. The soft limit of 256 MiB holds a national
// batch, whose digests grow by about 4 MB per 1,000 reports, under 300 MB:
// near it the collector runs more often instead of letting the heap grow
// to three times what is live (at 512 MiB, 100,000 reports would have
// peaked near 420 MB). It also keeps a hostile file, whose parse can hold
// hundreds of megabytes, from raising the heap goal as far.
// GOGC and GOMEMLIMIT set in the environment win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}

// defaultMemoryLimit is the soft memory limit of check and lint when
// GOMEMLIMIT is not set.
const defaultMemoryLimit = 256 << 20
