package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/corpus/formats/formatstest"
)

// Loading 100 saved web pages and 100 ten-page PDFs, as `parley DIR`
// does (every core, no cache). Targets: 2 s each on two cores.
//   go test ./corpus/ -run '^$' -bench 'Load(WebPages|PDFs)' -benchtime 3x

func BenchmarkLoadWebPages(b *testing.B) {
	page, err := os.ReadFile("formats/testdata/news.html")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := range 100 {
		// Each page its own: the headline and the body differ.
		p := strings.ReplaceAll(string(page), "second round", fmt.Sprintf("round %d", i+2))
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("page%03d.html", i)), []byte(p), 0o644)
	}
	benchLoad(b, dir, 100)
}

func BenchmarkLoadPDFs(b *testing.B) {
	dir := b.TempDir()
	for i := range 100 {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("report%03d.pdf", i)), formatstest.Report(i, 10), 0o644)
	}
	benchLoad(b, dir, 100)
}

func benchLoad(b *testing.B, dir string, want int) {
	b.ResetTimer()
	for b.Loop() {
		c, err := LoadPaths([]string{dir}, LoadOptions{})
		if err != nil || len(c.Docs) != want || len(c.Problems) > 0 {
			b.Fatalf("err %v, %d docs, problems %v", err, len(c.Docs), c.Problems)
		}
	}
}
