package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A body written as it is encoded (writeBody, for a large document) is
// byte for byte the body laid out (appendBody), for the seeds and for a
// text longer than the piece it is written in.
func TestWriteBodySameAsAppendBody(t *testing.T) {
	c, err := LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("oil prices rose sharply then fell back ", 3*streamAt/39+7)
	d, err := parseFile("long.txt", []byte("Long\n\n"+long+"\n\nShort one. Two.\n"), MaxFileSize, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range append(c.Docs, d) {
		var out bytes.Buffer
		if err := writeBody(&out, d); err != nil {
			t.Fatal(err)
		}
		if want := appendBody(nil, d); !bytes.Equal(out.Bytes(), want) {
			t.Fatalf("%s: written %d bytes, laid out %d, not the same", d.ID, out.Len(), len(want))
		}
	}
}

// A document of a mebibyte or more goes through the cache (its body
// written as encoded, read back decoded in place) unchanged.
func TestCacheLargeBodyRoundTrip(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	text := strings.Repeat("the talks resumed on monday and both sides spoke at length ", (1<<20)/60+100)
	os.WriteFile(filepath.Join(dir, "giant.txt"), []byte("Giant\n\n"+text+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "small.txt"), []byte("Small\n\nA small one. It ends.\n"), 0o644)
	requireColdThenWarm(t, dir, cacheDir, 2)
}
