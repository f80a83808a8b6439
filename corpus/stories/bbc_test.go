package stories

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

var bbc struct {
	once sync.Once
	docs []*corpus.Document
	err  error
}

// bbcDocs loads the BBC folder once for every test and benchmark of the
// package, and skips when it is absent.
func bbcDocs(tb testing.TB) []*corpus.Document {
	tb.Helper()
	dir := testcorpus.BBC()
	if dir == "" {
		tb.Skip("BBC corpus not present beside the repository (../shared/corpora/bbc)")
	}
	bbc.once.Do(func() {
		c, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
		if err == nil {
			bbc.docs = c.Docs
		}
		bbc.err = err
	})
	if bbc.err != nil {
		tb.Fatal(bbc.err)
	}
	return bbc.docs
}

// bbcGrouped is the five seeds followed by the BBC folder, grouped once
// for the package's tests.
var bbcGrouped struct {
	once sync.Once
	docs []*corpus.Document
	r    *Result
}

// bbcResult gives the seeds and BBC documents (seeds first) and their
// grouping.
func bbcResult(t *testing.T) ([]*corpus.Document, *Result) {
	articles := bbcDocs(t)
	bbcGrouped.once.Do(func() {
		bbcGrouped.docs = append(slices.Clone(seedDocs(t)), articles...)
		bbcGrouped.r = Group(bbcGrouped.docs)
	})
	return bbcGrouped.docs, bbcGrouped.r
}

func TestSeedsBesideBBC(t *testing.T) {
	docs, r := bbcResult(t)
	seeds := seedDocs(t)
	s := r.StoryOf[0]
	for i := range seeds {
		if r.StoryOf[i] != s {
			t.Fatalf("seed %s is in story %q, seed %s in %q", docs[i].ID, r.Stories[r.StoryOf[i]].Label, docs[0].ID, r.Stories[s].Label)
		}
	}
	if n := len(r.Sources(s)); n != len(seeds) {
		var extra []string
		for _, d := range r.Sources(s)[len(seeds):] {
			extra = append(extra, docs[d].ID+" "+docs[d].Title)
		}
		t.Errorf("the seeds' story holds %d documents; BBC articles joined it: %v", n, extra)
	}
}

// TestBBCExactCopies checks every pair of BBC files whose bodies are the
// same, spacing aside (read from the files, not from the parser), is
// found as a duplicate pair.
func TestBBCExactCopies(t *testing.T) {
	docs, r := bbcResult(t)
	texts := bbcTexts(t)
	byBody := map[string][]int{}
	seeds := len(seedDocs(t))
	for i, d := range docs {
		if i < seeds {
			continue
		}
		_, body, _ := strings.Cut(texts[d.ID], "\n")
		key := strings.Join(strings.Fields(body), " ")
		byBody[key] = append(byBody[key], i)
	}
	pairs, found := 0, 0
	for _, ds := range byBody {
		for _, d := range ds[1:] {
			pairs++
			if k, ok := r.DuplicateOf[d]; ok && k == ds[0] {
				found++
			} else {
				t.Errorf("%s is a copy of %s; DuplicateOf gives %v, %v", docs[d].ID, docs[ds[0]].ID, k, ok)
			}
		}
	}
	if pairs < 100 {
		t.Errorf("only %d copy pairs in BBC; the test reads the wrong files", pairs)
	}
	t.Logf("%d of %d exact copy pairs found; %d duplicates in all", found, pairs, len(r.DuplicateOf))
}
