// Package testcorpus finds the large test corpus that tests and
// benchmarks use when it is there: shared/corpora/bbc beside the
// repository (where CI clones the shared data). It is never shipped.
package testcorpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"
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

// ClaimsFolder writes, in a new temp dir of t, three sources that speak
// of one meeting (two of them in sub-folders), for tests of claims kept
// across sources; it returns the folder.
func ClaimsFolder(t testing.TB) string {
	t.Helper()
	return WriteFiles(t, map[string]string{
		"news/a.txt": "Talks in Islamabad\n\nThe delegations met in Islamabad on Saturday for direct talks. Oil prices rose.\n",
		"oped/b.txt": "A view on the talks\n\nIslamabad hosted the direct talks between the delegations on Saturday. The mood was calm.\n",
		"c.txt":      "Third source\n\nThe delegations held direct talks in Islamabad over the weekend. Nobody walked out.\n",
	})
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

// Cases is how many cases a random sweep checks: sample by default (the
// first ones of its fixed sequence), full under PARLEY_FULL_SWEEP=1.
func Cases(sample, full int) int {
	if FullSweep() {
		return full
	}
	return sample
}

// ScaleEnv names the environment variable that adds larger scales to the
// scale benchmarks: PARLEY_BENCH_SCALE=40 measures 40 copies of BBC too,
// PARLEY_BENCH_SCALE=4,40 both 4 and 40 (two steps of 4×: 1 to 4, 10 to 40).
const ScaleEnv = "PARLEY_BENCH_SCALE"

// Scales are the corpus sizes the scale benchmarks measure, in copies of
// BBC: 1 and 10, plus those named by PARLEY_BENCH_SCALE, smallest first.
func Scales() []int {
	scales := []int{1, 10}
	for _, f := range strings.Split(os.Getenv(ScaleEnv), ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 && !slices.Contains(scales, n) {
			scales = append(scales, n)
		}
	}
	slices.Sort(scales)
	return scales
}

// EachScale runs one sub-benchmark per scale (x1, x10, …) on a folder of
// that many copies of BBC made in the sub-benchmark's temp dir; the
// folder's parent is the temp dir, free for a cache beside it. It skips
// when BBC is absent.
func EachScale(b *testing.B, run func(b *testing.B, dir string)) {
	if BBC() == "" {
		b.Skip("BBC corpus not present beside the repository (../shared/corpora/bbc)")
	}
	for _, n := range Scales() {
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			dir, err := BBCCopies(b.TempDir(), n)
			if err != nil {
				b.Fatal(err)
			}
			run(b, dir)
		})
	}
}

// BBCCopies builds a folder holding n plain copies of the BBC folder
// (c01/, c02/, …) under dir, and returns it. Copies are byte for byte, as
// a user's folder of near-duplicates would be.
func BBCCopies(dir string, n int) (string, error) {
	src := BBC()
	if src == "" {
		return "", os.ErrNotExist
	}
	root := filepath.Join(dir, "bbc"+strconv.Itoa(n))
	for i := 1; i <= n; i++ {
		dst := filepath.Join(root, fmt.Sprintf("c%02d", i))
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
		})
		if err != nil {
			return "", err
		}
	}
	return root, nil
}

// PeakHeap runs f while sampling the live heap every 2ms, and
// returns the highest HeapAlloc seen above the level before f.
func PeakHeap(f func()) uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(stop)
	<-done
	runtime.ReadMemStats(&ms)
	if ms.HeapAlloc > peak.Load() {
		peak.Store(ms.HeapAlloc)
	}
	if peak.Load() < base {
		return 0
	}
	return peak.Load() - base
}

// BBCRunOn is n bytes of the BBC articles' text run together as one
// sentence: full stops, other sentence ends and line breaks become
// spaces, and the articles repeat until there is enough. It is real
// prose, names and all, that no splitter can cut: what a file with no
// full stop gives the engines. It returns "" when BBC is absent.
func BBCRunOn(n int) string {
	src := BBC()
	if src == "" {
		return ""
	}
	var files []string
	_ = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".txt" {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		return ""
	}
	out := make([]byte, 0, n+1<<16)
	for len(out) < n {
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil || !utf8.Valid(b) {
				continue
			}
			for _, c := range b {
				if strings.IndexByte(".!?;:\n\r", c) >= 0 {
					c = ' '
				}
				out = append(out, c)
			}
			out = append(out, ' ')
			if len(out) >= n {
				break
			}
		}
	}
	return strings.ToValidUTF8(string(out[:n]), "")
}

// WriteFiles writes files (a path relative to the folder, with slashes,
// -> text) into a new temporary folder and returns the folder.
func WriteFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for rel, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// BridgeFolder is a folder of two stories: two reports on a bridge's
// closure (a.txt, b.txt), a copy of the first (copy.txt), and a cup
// final (c.txt).
func BridgeFolder() map[string]string {
	const bridgeA = "Tamsin bridge to close\n\nThe Harrowgate council voted on Monday to close the Tamsin bridge for repairs costing 4 million pounds.\n\nCouncillor Edwina Morrow said the Tamsin bridge would reopen in the spring.\n"
	const bridgeB = "Bridge closure angers traders\n\nTraders in Harrowgate said closing the Tamsin bridge for repairs would cost them customers.\n\nEdwina Morrow of the Harrowgate council said the Tamsin bridge repairs could not wait.\n"
	const cupFinal = "Quillon cup final sold out\n\nAll tickets for the Quillon cup final against Ostley Rovers sold out within an hour.\n\nQuillon manager Desmond Arkwright said his squad was ready.\n"
	return map[string]string{"a.txt": bridgeA, "b.txt": bridgeB, "c.txt": cupFinal, "copy.txt": bridgeA}
}

// PeakLiveHeap is PeakHeap with the collector run after every 10% of
// growth (GOGC=10) while f runs: garbage then counts for little, so it is
// close to the most that f holds at once. At the default GOGC=100 the
// garbage allowed is as large as the live heap, the documents loaded
// before f included, and PeakHeap measures that allowance as much as f.
func PeakLiveHeap(f func()) uint64 {
	old := debug.SetGCPercent(10)
	defer debug.SetGCPercent(old)
	runtime.GC()
	return PeakHeap(f)
}
