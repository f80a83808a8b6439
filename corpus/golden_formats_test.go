package corpus_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/corpus"
	"parley/corpus/export"
)

// TestGoldenFormats keeps the `show --json` output of one fixture per
// format in testdata/formats/<file>.golden, so that every change to an
// extraction shows as a diff. Refresh with: go test ./corpus/ -update
func TestGoldenFormats(t *testing.T) {
	for _, path := range []string{"formats/testdata/news.html", "formats/testdata/brief.pdf", "formats/testdata/book.epub",
		"testdata/formats/web.txt", "testdata/formats/table.md"} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			c, err := corpus.LoadPaths([]string{path}, corpus.LoadOptions{})
			if err != nil || len(c.Docs) != 1 {
				t.Fatalf("err %v, problems %v", err, c.Problems)
			}
			var buf bytes.Buffer
			if err := export.WriteShow(&buf, c.Docs[0], export.ShowOptions{JSON: true}); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "formats", strings.ReplaceAll(filepath.Base(path), ".", "_")+".golden")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./corpus/ -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from the parse; review the diff and run with -update:\n%s", golden, firstDiff(string(want), buf.String()))
			}
		})
	}
}
