// Package testcorpus finds the large test corpus that tests and
// benchmarks use when it is there: shared/corpora/bbc beside the
// repository (where CI clones the shared data). It is never shipped.
package testcorpus

import (
	"os"
	"path/filepath"
)

// BBC returns the path of the BBC folder (2,225 news articles), or ""
// when it is absent, so callers can skip cleanly.
func BBC() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", "corpora", "bbc")
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				return p
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
