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

// A negative --limit is refused before anything loads, as compare refuses
// --top -1; --limit 0 still lists every hit.
func TestSearchNegativeLimit(t *testing.T) {
	for _, args := range [][]string{
		{"search", "--limit", "-1", "iran"},
		{"search", "--limit=-5", "iran", "/no/such/folder"},
	} {
		out, _, err := run(t, args...)
		if err == nil || !strings.Contains(err.Error(), "--limit takes a whole number from 0 up") || out != "" {
			t.Errorf("%q: err %v, stdout %q; want the limit refused", args, err, out)
		}
	}
	all, _, err := run(t, "search", "--limit", "0", "iran")
	if err != nil || strings.Count(all, "\n") <= 50 {
		t.Errorf("--limit 0: err %v, %d lines; want every hit", err, strings.Count(all, "\n"))
	}
}

// A lone $ or \ is an operator with nothing to act on, ignored as a lone
// ^, ' or ! is: each lists the documents.
func TestSearchOperatorsAlone(t *testing.T) {
	want, _, err := run(t, "search", "")
	if err != nil || want == "" {
		t.Fatalf("empty query: err %v, stdout %q", err, want)
	}
	for _, q := range []string{"^", "'", "!", "$", `\`, "^$", `! $ \`} {
		if out, _, err := run(t, "search", q); err != nil || out != want {
			t.Errorf("%q: err %v, stdout\n%s\nwant the documents listed", q, err, out)
		}
	}
}

// A query past 300 characters is searched up to there, and stderr says so.
func TestSearchLongQuery(t *testing.T) {
	out, errOut, err := run(t, "search", strings.Repeat("oil ", 25000))
	if err != nil || !strings.Contains(out, "midnight oil") || !strings.Contains(errOut, "first 300 characters") {
		t.Errorf("err %v, stderr %q, stdout %q", err, errOut, out)
	}
}
