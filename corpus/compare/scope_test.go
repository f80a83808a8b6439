package compare

import (
	"slices"
	"testing"

	"parley/corpus"
	"parley/corpus/stories"
	"parley/corpus/testcorpus"
)

// writeFolder writes files (relative name -> text) into a temp folder
// and loads it.
func writeFolder(t *testing.T, files map[string]string) *corpus.Corpus {
	t.Helper()
	c, err := corpus.LoadPaths([]string{testcorpus.WriteFiles(t, files)}, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A sentence is compared with the other documents of its story; a copy
// is shown once, as its kept document "also in" the copy, and never
// compared with itself.
func TestScopeSentenceCopiesOnce(t *testing.T) {
	c := writeFolder(t, testcorpus.BridgeFolder())
	r := stories.Group(c.Docs)
	sets := NewSets(c.Docs, r, Options{})
	idx := map[string]int{}
	for i, d := range c.Docs {
		idx[d.ID] = i
	}
	if r.DuplicateOf[idx["copy"]] != idx["a"] {
		t.Fatalf("copy.txt not a duplicate of a.txt: %v", r.DuplicateOf)
	}
	sentence := "Traders in Harrowgate said closing the Tamsin bridge for repairs would cost them customers."
	sc := sets.For(sentence)
	if sc.Kind != ScopeStory || !slices.Equal(sc.Set, []int{idx["a"], idx["b"]}) || sc.Outside != 1 {
		t.Fatalf("scope %v %v outside %d", sc.Kind, sc.Set, sc.Outside)
	}
	res := sc.Compare(sentence, QueryOptions{Top: 1})
	if res.Origin != idx["b"] || len(res.Sources) != 2 {
		t.Fatalf("origin %d, %d sources", res.Origin, len(res.Sources))
	}
	for _, s := range res.Sources {
		if s.Doc == idx["copy"] || s.Doc == idx["c"] {
			t.Errorf("source %s compared", c.Docs[s.Doc].ID)
		}
		for _, m := range s.Matches {
			if m.Loc.Doc != s.Doc {
				t.Errorf("match located in %d, source %d", m.Loc.Doc, s.Doc)
			}
		}
	}
	if also := sc.AlsoIn(idx["a"]); !slices.Equal(also, []int{idx["copy"]}) {
		t.Errorf("AlsoIn(a) = %v", also)
	}
	// Comparing a sentence of the copy compares it as a sentence of a.
	loc := corpus.Loc{Doc: idx["copy"], Block: 0, Sentence: 0}
	res = sets.StoryOf(idx["copy"]).CompareLoc(loc, QueryOptions{Top: 1})
	if res.Origin != idx["a"] {
		t.Errorf("a sentence of the copy has origin %d, want a (%d)", res.Origin, idx["a"])
	}
}

// Tagged sets map copies to their kept documents; widening counts the
// rest.
func TestTaggedAndAll(t *testing.T) {
	c := writeFolder(t, testcorpus.BridgeFolder())
	sets := NewSets(c.Docs, stories.Group(c.Docs), Options{})
	var a, cp, cup int
	for i, d := range c.Docs {
		switch d.ID {
		case "a":
			a = i
		case "copy":
			cp = i
		case "c":
			cup = i
		}
	}
	tg := sets.Tagged([]int{cp, cup, a})
	if !slices.Equal(tg.Set, []int{min(a, cup), max(a, cup)}) || tg.Outside != 1 || tg.Kind != ScopeTagged {
		t.Errorf("tagged %v outside %d", tg.Set, tg.Outside)
	}
	all := sets.All()
	if len(all.Set) != 3 || all.Outside != 0 || all.Has(cp) != true {
		t.Errorf("all %v outside %d", all.Set, all.Outside)
	}
}
