package bench

import (
	"os"
	"runtime"
	"strconv"
	"strings"
)

// Where PeakMemory read its figure from.
const (
	// MemVmHWM is the kernel's peak resident set size of the process
	// (VmHWM in /proc/self/status): every page the process touched and
	// held at once, heap, stacks, SQLite's caches and mapped file pages
	// alike.
	MemVmHWM = "VmHWM"
	// MemGoSys is the Go runtime's MemStats.Sys, where /proc is missing:
	// the memory the runtime obtained from the system, which leaves out
	// what SQLite maps, so it reads lower than resident memory.
	MemGoSys = "Go runtime Sys"
)

// PeakMemory returns the process's peak memory in bytes and which measure
// it is (MemVmHWM, or MemGoSys where /proc/self/status cannot be read).
func PeakMemory() (int64, string) {
	if data, err := os.ReadFile("/proc/self/status"); err == nil {
		for line := range strings.SplitSeq(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				f := strings.Fields(v)
				if len(f) == 2 && f[1] == "kB" {
					if kb, err := strconv.ParseInt(f[0], 10, 64); err == nil {
						return kb << 10, MemVmHWM
					}
				}
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.Sys), MemGoSys
}

// ResetPeakMemory starts the peak resident set size of the process over
// from what it holds now (writing 5 to /proc/self/clear_refs, Linux 4.0
// and later), so that a peak read afterwards belongs to what came after.
// It reports whether it could; MemGoSys cannot be reset.
func ResetPeakMemory() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}
