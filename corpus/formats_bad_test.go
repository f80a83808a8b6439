package corpus

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/corpus/formats/formatstest"
)

// Malformed files of each format are reported and skipped, never a
// panic or a hang, and the good file beside them still opens.
func TestMalformedFormatsSkipped(t *testing.T) {
	brief, _ := os.ReadFile("formats/testdata/brief.pdf")
	book, _ := os.ReadFile("formats/testdata/book.epub")
	scanned := formatstest.PDF("", "", "", []formatstest.Page{{""}})
	bad := map[string]struct {
		data []byte
		why  string
	}{
		"truncated.epub": {book[:len(book)/2], "broken EPUB"},
		"notzip.epub":    {[]byte("this is not a zip archive"), "broken EPUB"},
		"bomb.epub":      {zipBomb(t), "cap"},
		"truncated.pdf":  {brief[:len(brief)/2], "broken PDF"},
		"garbage.pdf":    {[]byte("%PDF-1.4\n\x00\x01\x02 garbage"), "broken PDF"},
		"scanned.pdf":    {scanned, "no text layer"},
		"encrypted.pdf":  {encryptedPDF(), "encrypted"},
		"deep.html":      {[]byte(strings.Repeat("<div>", 100_000) + "deep"), "nested"},
		"deep.xhtml":     {[]byte(strings.Repeat("<blockquote>", 100_000)), "nested"},
	}
	dir := t.TempDir()
	for name, f := range bad {
		os.WriteFile(filepath.Join(dir, name), f.data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "good.htm"), []byte("<html><head><title>Good</title></head><body><p>A short page.</p></body></html>"), 0o644)
	c, err := LoadPaths([]string{dir}, LoadOptions{})
	if err != nil || len(c.Docs) != 1 || c.Docs[0].Title != "Good" {
		t.Fatalf("err %v, docs %d", err, len(c.Docs))
	}
	if len(c.Problems) != len(bad) {
		t.Errorf("%d problems, want %d: %v", len(c.Problems), len(bad), c.Problems)
	}
	for _, p := range c.Problems {
		why := bad[filepath.Base(p.Path)].why
		if !strings.Contains(p.Err.Error(), why) {
			t.Errorf("%s: %q, want it to say %q", filepath.Base(p.Path), p.Err, why)
		}
	}
}

// zipBomb is an EPUB whose one chapter unpacks to 40 MiB of zeros: more
// than a file inside may unpack to.
func zipBomb(t *testing.T) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, _ := z.Create("META-INF/container.xml")
	w.Write(make([]byte, 40<<20))
	z.Close()
	return b.Bytes()
}

// encryptedPDF is a PDF that needs a password to open.
func encryptedPDF() []byte {
	return formatstest.Encrypted()
}
