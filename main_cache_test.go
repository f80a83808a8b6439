package main

import (
	"os"
	"path/filepath"
	"testing"
)

// parley list answers the same from the cache, and --no-cache neither
// reads nor writes it.
func TestCacheFlag(t *testing.T) {
	cacheDir := t.TempDir()
	t.Setenv("PARLEY_CACHE_DIR", cacheDir)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Talks resume\n\nThe talks resumed on Monday.\n"), 0o644)
	plain, _, err := run(t, "--no-cache", "list", dir)
	if err != nil {
		t.Fatal(err)
	}
	if files, _ := filepath.Glob(filepath.Join(cacheDir, "docs-*")); len(files) != 0 {
		t.Fatalf("--no-cache wrote %v", files)
	}
	for range 2 {
		out, _, err := run(t, "list", dir)
		if err != nil || out != plain {
			t.Fatalf("through the cache: %v\n%s\nwant\n%s", err, out, plain)
		}
	}
	if files, _ := filepath.Glob(filepath.Join(cacheDir, "docs-*")); len(files) != 1 {
		t.Fatalf("cache files: %v", files)
	}
}
