package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeDir creates files (name -> content) in a temp folder.
func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestSearchEveryFileFiltered(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"a.txt": "Alpha headline\n\nA body.\n",
		"b.txt": "Beta headline\n\nAnother body.\n",
	})
	out, errOut, err := run(t, "search", "zzzz", dir)
	if err != nil || out != "" || errOut != "" {
		t.Errorf("search: err %v, stdout %q, stderr %q", err, out, errOut)
	}
	out, _, err = run(t, "search", "--json", "zzzz", dir)
	if err != nil || !strings.Contains(out, `"hits": []`) {
		t.Errorf("search --json: err %v, stdout %q", err, out)
	}
	// A folder with nothing to load is still an error.
	if _, _, err := run(t, "search", "zzzz", t.TempDir()); err == nil {
		t.Error("an empty folder searched without an error")
	}
}

func TestSearchCatalogTitleNotFiltered(t *testing.T) {
	// The catalog's title is in no file: the filter must not run here.
	dir := writeDir(t, map[string]string{
		"a.txt":        "this first line is a long sentence of body text and not a title at all, so none.\n",
		"catalog.json": `{"documents":[{"id":"a","title":"Jazz Quartet"}]}`,
	})
	out, _, err := run(t, "search", "jazz", dir)
	if err != nil || !strings.Contains(out, "a.txt:-1:-1: Jazz Quartet") {
		t.Errorf("search: err %v, stdout %q", err, out)
	}
}
