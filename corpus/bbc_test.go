package corpus

import (
	"html"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"parley/corpus/testcorpus"
)

// bbcDir finds ../shared/corpora/bbc beside the repository root (the
// folder holding go.mod), or skips the test when it is absent.
func bbcDir(tb testing.TB) string {
	tb.Helper()
	bbc := testcorpus.BBC()
	if bbc == "" {
		tb.Skip("BBC corpus not present beside the repository (../shared/corpora/bbc)")
	}
	return bbc
}

var bbcCategories = []string{"business", "entertainment", "politics", "sport", "tech"}

func TestBBC(t *testing.T) {
	dir := bbcDir(t)
	c, err := LoadPaths([]string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) != 0 {
		t.Fatalf("problems: %v", c.Problems)
	}
	n := 0
	for _, d := range c.Docs {
		if !strings.Contains(d.ID, "/") {
			continue // SOURCE.txt, the corpus description
		}
		n++
		raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(d.ID)+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(raw), "\n")
		want, _, _ := decodeText([]byte(strings.TrimSpace(first)))
		// Character references are decoded: "&#163;1.8m" reads "£1.8m".
		want = html.UnescapeString(want)
		if d.Title != want {
			t.Errorf("%s: title %q, want first line %q", d.ID, d.Title, want)
		}
		if len(d.Sections) == 0 || d.Words < 20 {
			t.Errorf("%s: body of %d words", d.ID, d.Words)
		}
		for _, r := range d.Blocks() {
			cleanIsSafe(t, r.Block.Text)
			if strings.Contains(r.Block.Text, "&#") {
				t.Errorf("%s: a character reference is left: %q", d.ID, r.Block.Text)
			}
		}
	}
	if n != 2225 {
		t.Errorf("loaded %d BBC articles, want 2225", n)
	}
	d, err := c.Find("sport/199")
	if err != nil {
		t.Fatal(err)
	}
	// Its one byte over 0x7F is a Latin-1 pound sign.
	if body := bodyText(d); !strings.Contains(body, "a £15.8m signing from Parma") {
		t.Errorf("sport/199: the pound sign not read as Windows-1252")
	}
	if len(d.Notes) == 0 || !strings.Contains(d.Notes[0], "Windows-1252") {
		t.Errorf("sport/199 notes = %q", d.Notes)
	}
}

// bbcBytes is the size of the article text, for SetBytes and the heap ratio.
func bbcBytes(tb testing.TB, dir string) int64 {
	var total int64
	for _, cat := range bbcCategories {
		files, _ := filepath.Glob(filepath.Join(dir, cat, "*.txt"))
		for _, f := range files {
			fi, err := os.Stat(f)
			if err != nil {
				tb.Fatal(err)
			}
			total += fi.Size()
		}
	}
	return total
}

// BenchmarkLoadBBC loads and parses the whole BBC folder per iteration.
func BenchmarkLoadBBC(b *testing.B) {
	dir := bbcDir(b)
	b.SetBytes(bbcBytes(b, dir))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadPaths([]string{dir}, LoadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadBBCHeap reports the peak heap seen while loading the BBC
// folder, as a multiple of the text size (heap/text) and in MiB. The
// sampling slows the load, so its time is not the speed to quote.
func BenchmarkLoadBBCHeap(b *testing.B) {
	dir := bbcDir(b)
	size := bbcBytes(b, dir)
	var peak uint64
	for b.Loop() {
		runtime.GC()
		p := testcorpus.PeakHeap(func() {
			if _, err := LoadPaths([]string{dir}, LoadOptions{}); err != nil {
				b.Fatal(err)
			}
		})
		peak = max(peak, p)
	}
	b.ReportMetric(float64(peak)/float64(size), "heap/text")
	b.ReportMetric(float64(peak)/(1<<20), "peakMiB")
}

// BenchmarkSplitSentencesBBC runs the sentence splitter alone over the
// raw text of every BBC article, on one core.
func BenchmarkSplitSentencesBBC(b *testing.B) {
	dir := bbcDir(b)
	var texts []string
	var size int64
	for _, cat := range bbcCategories {
		files, _ := filepath.Glob(filepath.Join(dir, cat, "*.txt"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			texts = append(texts, string(raw))
			size += int64(len(raw))
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			splitSentences(t)
		}
	}
}
