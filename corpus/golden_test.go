package corpus_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"parley/corpus"
	"parley/corpus/export"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenSeeds keeps the `show --json` output of every seed in
// testdata/<id>.golden, so that each parsing change shows as a diff.
// Refresh with: go test ./corpus/... -update
func TestGoldenSeeds(t *testing.T) {
	c, err := corpus.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 5 || len(c.Problems) != 0 {
		t.Fatalf("seeds: %d docs, problems %v", len(c.Docs), c.Problems)
	}
	for _, d := range c.Docs {
		t.Run(d.ID, func(t *testing.T) {
			var buf bytes.Buffer
			if err := export.WriteShow(&buf, d, export.ShowOptions{JSON: true}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", d.ID+".golden")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./corpus/... -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from the parse; review the diff and run with -update:\n%s", path, firstDiff(string(want), buf.String()))
			}
		})
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	wl, gl := bytes.Split([]byte(want), []byte("\n")), bytes.Split([]byte(got), []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return "line " + itoa(i+1) + "\n- " + string(w) + "\n+ " + string(g)
		}
	}
	return ""
}

func itoa(n int) string {
	var b []byte
	for n >= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(append([]byte{byte('0' + n)}, b...))
}
