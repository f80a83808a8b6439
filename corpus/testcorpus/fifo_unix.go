//go:build unix

package testcorpus

import "syscall"

// MakeFIFO makes a named pipe at path, the special file parley must
// report and skip rather than read (a read of it would block).
func MakeFIFO(path string, perm uint32) error {
	return syscall.Mkfifo(path, perm)
}
