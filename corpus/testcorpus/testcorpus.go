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

// FullSweep reports whether the heavy equivalence sweeps should run in
// full (PARLEY_FULL_SWEEP=1). By default they keep a small fixed sample,
// so `go test ./...` stays quick; the full sweep is for changes to the
// code those sweeps guard.
func FullSweep() bool { return os.Getenv("PARLEY_FULL_SWEEP") == "1" }

// Sample returns every item under a full sweep, else every step-th one
// (always the first), a fixed sample that still spans the list.
func Sample[T any](items []T, step int) []T {
	if FullSweep() || step <= 1 {
		return items
	}
	var out []T
	for i := 0; i < len(items); i += step {
		out = append(out, items[i])
	}
	return out
}
