//go:build unix

package claimsfile

import "golang.org/x/sys/unix"

// writable asks the system whether dir can be written (permissions and a
// read-only file system both count).
func writable(dir string) bool { return unix.Access(dir, unix.W_OK) == nil }
