//go:build !unix

package testcorpus

import "errors"

// MakeFIFO fails with errors.ErrUnsupported: this system has no named
// pipes in its file system, and tests that need one skip.
func MakeFIFO(path string, perm uint32) error {
	return errors.ErrUnsupported
}
