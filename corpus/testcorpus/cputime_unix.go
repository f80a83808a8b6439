//go:build unix

package testcorpus

import (
	"syscall"
	"time"
)

// CPUTime is the processor time (user and system) the process has used
// so far. Benchmarks report it beside wall time: on a shared machine the
// wall time of one run swings with the load, its processor time much
// less.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
