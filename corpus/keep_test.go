package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestLoadPathsKeep(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":      "Alpha headline\n\nAlpha body.\n",
		"b.txt":      "Beta headline\n\nBeta body.\n",
		"sub\\c.txt": "Gamma\n\nGamma body.\n",
		"bin.txt":    "GIF89a\x00\x01",
	})
	var mu sync.Mutex
	var seen []string
	keep := func(name, text string) bool {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, name)
		return strings.Contains(text, "Alpha")
	}
	c, err := LoadPaths([]string{dir}, LoadOptions{Keep: keep})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 1 || c.Docs[0].ID != "a" {
		t.Fatalf("docs %v", c.Docs)
	}
	if c.Filtered != 2 {
		t.Errorf("filtered %d, want 2", c.Filtered)
	}
	// The binary file is a problem, as without Keep, and Keep never sees it.
	if len(c.Problems) != 1 || !strings.HasSuffix(c.Problems[0].Path, "bin.txt") {
		t.Errorf("problems %v", c.Problems)
	}
	slices.Sort(seen)
	// Keep gets the name the document's File is cleaned from: after the
	// system's last separator (on Linux a backslash is part of the name).
	if want := []string{"a.txt", "b.txt", filepath.Base("sub\\c.txt")}; !slices.Equal(seen, want) {
		t.Errorf("Keep saw %q, want %q", seen, want)
	}
}

func TestLoadPathsKeepNotUnderCatalog(t *testing.T) {
	files := map[string]string{
		"a.txt":     "This first line is a long sentence of body text and not a title at all, so none.\n",
		CatalogFile: `{"documents":[{"id":"a","title":"Curated Title"}]}`,
	}
	dir := writeFiles(t, files)
	none := func(name, text string) bool { return false }
	c, _ := LoadPaths([]string{dir}, LoadOptions{Keep: none})
	if len(c.Docs) != 1 || c.Filtered != 0 || c.Docs[0].Title != "Curated Title" {
		t.Fatalf("catalog root: docs %d filtered %d", len(c.Docs), c.Filtered)
	}
	// The same file named on its own has no catalog, so Keep applies.
	c, _ = LoadPaths([]string{filepath.Join(dir, "a.txt")}, LoadOptions{Keep: none})
	if len(c.Docs) != 0 || c.Filtered != 1 || len(c.Problems) != 0 {
		t.Fatalf("single file: docs %d filtered %d problems %v", len(c.Docs), c.Filtered, c.Problems)
	}
}

func TestReadCapped(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 4097, 100000} {
		p := filepath.Join(dir, "f.txt")
		want := []byte(strings.Repeat("x", size))
		if err := os.WriteFile(p, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readCapped(p, MaxFileSize)
		if err != nil || string(got) != string(want) {
			t.Errorf("size %d: got %d bytes, %v", size, len(got), err)
		}
		if _, err := readCapped(p, int64(size)-1); size > 0 && err == nil {
			t.Errorf("size %d: no error over a cap of %d", size, size-1)
		}
	}
}
