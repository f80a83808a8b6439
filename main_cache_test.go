package main

import (
	"os"
	"path/filepath"
	"strings"
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
	if files, _ := filepath.Glob(filepath.Join(cacheDir, "docs-*")); len(files) != 2 { // a list file and its bodies
		t.Fatalf("cache files: %v", files)
	}
}

// parley search answers the same from the stored index as with
// --no-cache, skipped files included, and the index is written once.
func TestSearchStoredSameOutput(t *testing.T) {
	cacheDir := t.TempDir()
	t.Setenv("PARLEY_CACHE_DIR", cacheDir)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Talks resume\n\nThe talks resumed on Monday. The minister spoke.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.md"), []byte("# Oil prices\n\nOil rose **sharply** on Tuesday, the minister said.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bin.txt"), []byte("MZ\x00\x01\x02\x00binary"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.docx"), []byte("x"), 0o644)
	for _, args := range [][]string{{"search", "minister"}, {"search", "--json", "--limit", "0", "oil"}} {
		args = append(args, dir)
		want, wantErr, err := run(t, append([]string{"--no-cache"}, args...)...)
		if err != nil || !strings.Contains(wantErr, "skipped") {
			t.Fatal(err, wantErr)
		}
		for i := range 2 {
			out, errOut, err := run(t, args...)
			if err != nil || out != want || errOut != wantErr {
				t.Fatalf("run %d through the stored index: %v\n%s%s\nwant\n%s%s", i, err, out, errOut, want, wantErr)
			}
		}
	}
	if files, _ := filepath.Glob(filepath.Join(cacheDir, "search-*")); len(files) != 1 {
		t.Fatalf("index files: %v", files)
	}
}
