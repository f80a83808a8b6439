package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// writeFiles creates files (relative path -> content) under a temp dir.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadPathsMixedFolder(t *testing.T) {
	utf16 := "\xff\xfe" + "W\x00i\x00d\x00e\x00\n\x00\n\x00O\x00k\x00.\x00"
	dir := writeFiles(t, map[string]string{
		"b/crlf.txt":       "CRLF headline\r\n\r\nA body line that ends.\r\nAnother line.\r\n",
		"a/utf16.txt":      utf16,
		"a/binary.txt":     "GIF89a\x00\x01\x02\x03",
		"big.txt":          strings.Repeat("word ", 100),
		"notes.md":         "---\ntitle: From YAML\nauthor: [Ann Lee, Bo Chan]\ndate: 2025-03-04\noutlet: Example Post\nurl: https://example.org/x\n---\n# From YAML\n\nBody text here.\n",
		"image.png":        "not loaded",
		".hidden/skip.txt": "hidden folder",
		"c/ctrl.txt":       "Escape \x1b[2J title\n\nBody with a bell\x07.\n",
	})
	var calls atomic.Int64
	c, err := LoadPaths([]string{dir, filepath.Join(dir, "missing")}, LoadOptions{
		MaxSize: 200,
		Progress: func(done, total int, doc *Document) {
			calls.Add(1)
			if total != 6 || done < 1 || done > total {
				t.Errorf("progress %d/%d", done, total)
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range c.Docs {
		ids = append(ids, d.ID)
	}
	if want := []string{"a/utf16", "b/crlf", "c/ctrl", "notes"}; !slices.Equal(ids, want) {
		t.Errorf("ids = %q, want %q", ids, want)
	}
	if calls.Load() != 6 {
		t.Errorf("progress called %d times, want 6", calls.Load())
	}
	problems := map[string]error{}
	for _, p := range c.Problems {
		problems[filepath.Base(p.Path)] = p.Err
	}
	if len(problems) != 3 {
		t.Errorf("problems = %v", c.Problems)
	}
	if !errors.Is(problems["binary.txt"], ErrBinary) {
		t.Errorf("binary.txt: %v", problems["binary.txt"])
	}
	if e := problems["big.txt"]; e == nil || !strings.Contains(e.Error(), "too large") {
		t.Errorf("big.txt: %v", e)
	}
	if e := problems["missing"]; e == nil || !errors.Is(e, os.ErrNotExist) {
		t.Errorf("missing: %v", e)
	}

	byID := map[string]*Document{}
	for _, d := range c.Docs {
		byID[d.ID] = d
	}
	if d := byID["a/utf16"]; d.Title != "Wide" || bodyText(d) != "Ok.\n" {
		t.Errorf("utf16: title %q body %q", d.Title, bodyText(d))
	}
	if d := byID["b/crlf"]; d.Title != "CRLF headline" || strings.Contains(bodyText(d), "\r") {
		t.Errorf("crlf: %q %q", d.Title, bodyText(d))
	}
	if d := byID["c/ctrl"]; d.Title != "Escape ^[[2J title" || !strings.Contains(bodyText(d), "bell^G") || len(d.Notes) == 0 {
		t.Errorf("ctrl: %q %q %q", d.Title, bodyText(d), d.Notes)
	}
	md := byID["notes"]
	got := []string{md.Title, md.Author, md.Published, md.Outlet, md.URL, md.File}
	if want := []string{"From YAML", "Ann Lee, Bo Chan", "2025-03-04", "Example Post", "https://example.org/x", "notes.md"}; !slices.Equal(got, want) {
		t.Errorf("md metadata = %q, want %q", got, want)
	}
	if bodyText(md) != "Body text here.\n" {
		t.Errorf("md body = %q", bodyText(md))
	}
}

func TestLoadPathsSingleFilesAndDuplicates(t *testing.T) {
	dir1 := writeFiles(t, map[string]string{"x/001.txt": "One\n\nFirst body.\n"})
	dir2 := writeFiles(t, map[string]string{"x/001.txt": "Two\n\nSecond body.\n"})
	file := filepath.Join(dir1, "x", "001.txt")
	c, _ := LoadPaths([]string{dir1, dir2, file}, LoadOptions{})
	var ids []string
	for _, d := range c.Docs {
		ids = append(ids, d.ID)
	}
	// The second tree's file gets its root's name; the file named again is loaded once.
	if len(ids) != 2 || ids[0] != "x/001" || ids[1] != filepath.Base(dir2)+"/x/001" {
		t.Errorf("ids = %q", ids)
	}
	c, _ = LoadPaths([]string{file}, LoadOptions{})
	if len(c.Docs) != 1 || c.Docs[0].ID != "001" {
		t.Errorf("single file: %+v", c.Docs)
	}
	c, _ = LoadPaths([]string{filepath.Join(dir1, "nope.pdf")}, LoadOptions{})
	if len(c.Docs) != 0 || len(c.Problems) != 1 {
		t.Errorf("missing pdf: docs %d problems %v", len(c.Docs), c.Problems)
	}
}

func TestFind(t *testing.T) {
	c, err := LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	for ref, want := range map[string]string{
		"002_9690ed19ebd18b97":     "002_9690ed19ebd18b97",
		"003_410bcc352dbf4a3f.txt": "003_410bcc352dbf4a3f",
		"004":                      "004_ab57fc61b301b9b7",
		"001_3c":                   "001_3cf63f139cab5d6f",
	} {
		d, err := c.Find(ref)
		if err != nil || d.ID != want {
			t.Errorf("Find(%q) = %v, %v; want %s", ref, d, err, want)
		}
	}
	if _, err := c.Find("00"); err == nil || !strings.Contains(err.Error(), "names 5 documents") {
		t.Errorf("ambiguous prefix: %v", err)
	}
	if _, err := c.Find("zzz\x1b"); err == nil || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("unknown ref: %v", err)
	}
}

// A file name shared by documents in two folders names neither; their
// ids still do.
func TestFindSameFileNameInTwoFolders(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"business", "sport"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, sub, "001.txt"), []byte(sub+" headline\n\nBody.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := LoadPaths([]string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Find("001.txt"); err == nil || !strings.Contains(err.Error(), "names 2 documents") {
		t.Errorf("Find(001.txt) = %v, want an ambiguity error", err)
	}
	if d, err := c.Find("sport/001"); err != nil || d.ID != "sport/001" {
		t.Errorf("Find(sport/001) = %v, %v", d, err)
	}
	// The path as loaded (what `parley search` prints) and the id with
	// its extension name one document too.
	for _, ref := range []string{filepath.Join(dir, "sport", "001.txt"), "sport/001.txt", filepath.Join(dir, "sport", ".", "001.txt")} {
		if d, err := c.Find(ref); err != nil || d.ID != "sport/001" {
			t.Errorf("Find(%q) = %v, %v", ref, d, err)
		}
	}
}

// A document's path names it absolute or relative to the working
// folder, whichever way its folder was opened.
func TestFindRelativeOrAbsolutePath(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a b.txt"), []byte("Headline\n\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, open := range []string{".", dir} {
		c, err := LoadPaths([]string{open}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, ref := range []string{filepath.Join(dir, "a b.txt"), "./a b.txt", "../" + filepath.Base(dir) + "/a b.txt"} {
			if d, err := c.Find(ref); err != nil || d.ID != "a b" {
				t.Errorf("opened %q: Find(%q) = %v, %v", open, ref, d, err)
			}
		}
	}
}

func TestParseNeverKeepsCallerBytes(t *testing.T) {
	raw := []byte("Title\n\nBody text.\n")
	d := Parse("x.txt", raw)
	copy(raw, "XXXXX")
	if d.Title != "Title" || bodyText(d) != "Body text.\n" {
		t.Errorf("document changed with the caller's buffer: %q %q", d.Title, bodyText(d))
	}
}

func TestLoadPathsCatalog(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"sub/a.txt":    "This first line is a long sentence of body text and not a title at all, so none.\n",
		"b.txt":        "Own Title\n\nBody.\n",
		"catalog.json": `{"documents":[{"id":"sub/a","title":"Curated Title","author":"A. Writer"},{"id":"b","title":"Own Title"}]}`,
	})
	c, _ := LoadPaths([]string{dir}, LoadOptions{})
	if len(c.Docs) != 2 || len(c.Problems) != 0 {
		t.Fatalf("docs %d problems %v", len(c.Docs), c.Problems)
	}
	b, a := c.Docs[0], c.Docs[1]
	if a.Title != "Curated Title" || a.Author != "A. Writer" || !slices.Equal(a.Editorial, []string{"title", "author"}) {
		t.Errorf("a = %q %q %q", a.Title, a.Author, a.Editorial)
	}
	if len(a.Notes) != 0 {
		t.Errorf("a notes = %q", a.Notes)
	}
	// A catalog value equal to the parsed one is not editorial.
	if b.Title != "Own Title" || len(b.Editorial) != 0 {
		t.Errorf("b = %q %q", b.Title, b.Editorial)
	}
	bad := writeFiles(t, map[string]string{"x.txt": "X\n\nY.\n", "catalog.json": "{not json"})
	c, _ = LoadPaths([]string{bad}, LoadOptions{})
	if len(c.Docs) != 1 || len(c.Problems) != 1 || !strings.HasSuffix(c.Problems[0].Path, "catalog.json") {
		t.Errorf("bad catalog: docs %d problems %v", len(c.Docs), c.Problems)
	}
}
