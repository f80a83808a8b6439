package search

import (
	"path/filepath"
	"testing"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

// TestPrefilterDropsNoMatch: for every target the screen lets through,
// its letter mask holds every letter the query needs, over queries of
// every kind (case, accents, digits, operators, groups) on the seeds, the
// format samples and a sample of BBC.
func TestPrefilterDropsNoMatch(t *testing.T) {
	dirs := []string{filepath.Join("..", "testdata", "formats")}
	if bbc := testcorpus.BBC(); bbc != "" {
		dirs = append(dirs, filepath.Join(bbc, "politics"))
	}
	c, err := corpus.LoadPaths(dirs, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	seeds, err := corpus.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	ix := New(append(c.Docs, seeds.Docs...))
	queries := append([]string{"BBC Blair", "'Minister", "2005", "£", "naïve", "Café", "'café", "^The",
		"said$", "^oil$", "!blair prime", "blair | brown", "x9", "Tony", "ü", "e"}, storedQueries...)
	rejected := 0
	for _, raw := range queries {
		q := parseQuery(raw)
		need := queryNeed(q.terms)
		for i := range ix.targets {
			tg := &ix.targets[i]
			ok := targetMask(tg)&need == need
			if _, match := screen(tg, q.terms); match && !ok {
				t.Fatalf("%q: the prefilter drops a match: %q", raw, tg.text)
			}
			if !ok {
				rejected++
			}
		}
	}
	if rejected == 0 {
		t.Error("the prefilter rejected nothing")
	}
}
