package search

import (
	"strings"
	"testing"

	"parley/corpus"
)

// hitTexts runs q over c as parley search does, every hit, and returns
// the hits' texts, best first.
func hitTexts(t *testing.T, c *corpus.Corpus, q string) []string {
	t.Helper()
	res, err := Run(c, q, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Text)
	}
	return out
}

// parley search with a group, as main runs it (the prefilter, then the
// search): the lines hold either word, and a file holding neither is
// turned away; a bar alone lists the documents as operators alone do.
func TestRunOr(t *testing.T) {
	dir := guardFolder(t)
	const q = "hormuz | genève"
	c, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{Keep: DocumentFilter(q)})
	if err != nil {
		t.Fatal(err)
	}
	if c.Filtered == 0 {
		t.Error("the filter kept every file")
	}
	var words []string
	for _, line := range hitTexts(t, c, q) {
		switch {
		case strings.Contains(line, "Hormuz"):
			words = append(words, "hormuz")
		case strings.Contains(line, "Genève"):
			words = append(words, "genève")
		default:
			t.Errorf("line %q holds neither word", line)
		}
	}
	if !strings.Contains(strings.Join(words, " "), "hormuz") || !strings.Contains(strings.Join(words, " "), "genève") {
		t.Errorf("hits of %v, want hits with Hormuz and with Genève", words)
	}
	all, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(hitTexts(t, all, "|"), "\n"), strings.Join(hitTexts(t, all, ""), "\n"); got != want {
		t.Errorf("a bar alone:\n%s\nwant the documents listed:\n%s", got, want)
	}
}
