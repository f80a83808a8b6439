package formats_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"parley/corpus/formats/formatstest"
)

var update = flag.Bool("update", false, "rewrite the generated fixtures in testdata")

// TestFixturesCurrent keeps the committed PDF and EPUB fixtures (the fuzz
// seeds, and what the corpus tests load) equal to what formatstest makes.
// Refresh with: go test ./corpus/formats/ -run Fixtures -update
func TestFixturesCurrent(t *testing.T) {
	for name, data := range map[string][]byte{"brief.pdf": formatstest.Brief(), "book.epub": formatstest.Book()} {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s is not what formatstest makes (%v); run with -update", path, err)
		}
	}
}
