package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The child process of TestSearchStoredTwoProcesses: the test binary
// running one parley command (arguments, cache folder and output file
// from the environment, since TestMain sets its own cache folder).
const (
	childArgsEnv  = "PARLEY_TEST_CHILD_ARGS"
	childCacheEnv = "PARLEY_TEST_CHILD_CACHE"
	childOutEnv   = "PARLEY_TEST_CHILD_OUT"
)

func TestSearchChildProcess(t *testing.T) {
	args := os.Getenv(childArgsEnv)
	if args == "" {
		t.Skip("runs only as the child of TestSearchStoredTwoProcesses")
	}
	t.Setenv("PARLEY_CACHE_DIR", os.Getenv(childCacheEnv))
	var out bytes.Buffer
	cmd := newRootCmd(&out, io.Discard)
	cmd.SetArgs(strings.Split(args, "\x1f"))
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(os.Getenv(childOutEnv), out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Two parley processes searching one folder at once, through one cache,
// each answer as --no-cache does, whether the index is new, unchanged or
// out of date (a file changed, one added), and leave one whole index
// file and no temporary one.
func TestSearchStoredTwoProcesses(t *testing.T) {
	cacheDir := t.TempDir()
	dir := t.TempDir()
	for i := range 12 {
		body := fmt.Sprintf("Story %d\n\nThe minister spoke on day %d. Oil prices rose.\n", i, i)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i)), []byte(body), 0o644)
	}
	outDir := t.TempDir()
	var n atomic.Int64
	child := func(args ...string) (string, error) {
		outFile := filepath.Join(outDir, fmt.Sprint(n.Add(1)))
		cmd := exec.Command(os.Args[0], "-test.run=^TestSearchChildProcess$")
		cmd.Env = append(os.Environ(), childArgsEnv+"="+strings.Join(args, "\x1f"),
			childCacheEnv+"="+cacheDir, childOutEnv+"="+outFile, "PARLEY_NO_CACHE=")
		if msg, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("%v: %s", err, msg)
		}
		out, err := os.ReadFile(outFile)
		return string(out), err
	}
	steps := []func(){
		func() {},
		func() {},
		func() {
			p := filepath.Join(dir, "03.txt")
			os.WriteFile(p, []byte("Changed\n\nThe oil minister resigned.\n"), 0o644)
			later := time.Now().Add(2 * time.Second)
			os.Chtimes(p, later, later)
		},
		func() {
			os.WriteFile(filepath.Join(dir, "new.md"), []byte("# Added\n\nA minister was added.\n"), 0o644)
		},
	}
	for step, change := range steps {
		change()
		want, err := child("--no-cache", "search", "--limit", "0", "minister", dir)
		if err != nil || !strings.Contains(want, "minister") {
			t.Fatalf("step %d, --no-cache: %v\n%s", step, err, want)
		}
		var wg sync.WaitGroup
		outs, errs := make([]string, 2), make([]error, 2)
		for k := range outs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				outs[k], errs[k] = child("search", "--limit", "0", "minister", dir)
			}()
		}
		wg.Wait()
		for k := range outs {
			if errs[k] != nil || outs[k] != want {
				t.Fatalf("step %d, process %d: %v\n%s\nwant\n%s", step, k, errs[k], outs[k], want)
			}
		}
		index, _ := filepath.Glob(filepath.Join(cacheDir, "search-*"))
		temps, _ := filepath.Glob(filepath.Join(cacheDir, ".search-*"))
		if len(index) != 1 || len(temps) != 0 {
			t.Fatalf("step %d: index files %v, temporary files %v", step, index, temps)
		}
	}
}
