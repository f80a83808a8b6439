package search

import (
	"path/filepath"
	"testing"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

// TestQuartersDropNoMatch: for every target the screen lets through, its
// quarters' masks hold the letters of every fuzzy term in order
// (inOrder), over queries of every kind, including terms that repeat a
// letter, end where they begin, or span a whole title; and the quarters
// do pass over some targets that the letters alone let through.
func TestQuartersDropNoMatch(t *testing.T) {
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
	queries := append([]string{"BBC Blair", "government", "minister prime", "ee", "aa", "tt", "xx", "said said",
		"economy growth", "naïve", "Café", "abcdefghijklmnopqrstuvwxyz", "e", "x9 y", "!blair prime",
		"blair | brown", "the the the", "labour's", "s.a.i.d"}, storedQueries...)
	narrowed := 0
	for _, raw := range queries {
		q := parseQuery(raw)
		need, orders := queryNeed(q.terms), queryOrders(q.terms)
		for i := range ix.targets {
			tg := &ix.targets[i]
			if targetMask(tg)&need != need {
				continue
			}
			quarters := quarterMasks(tg)
			ok := inOrder(&quarters, orders)
			if _, match := screen(tg, q.terms); match && !ok {
				t.Fatalf("%q: the quarters drop a match: %q", raw, tg.text)
			}
			if !ok {
				narrowed++
			}
		}
	}
	if narrowed == 0 {
		t.Error("the quarters passed over no target the letters let through")
	}
}

// TestQuartersShortTexts: a text of fewer bytes than there are quarters
// leaves some quarters empty, and its letters are still all kept.
func TestQuartersShortTexts(t *testing.T) {
	for _, s := range []string{"", "a", "ab", "abc", "abcd", "abcde", "é"} {
		tg := &target{folded: s}
		q := quarterMasks(tg)
		var all uint32
		for _, m := range q {
			all |= m
		}
		if uint64(all) != letterMask(s)&(1<<26-1) {
			t.Errorf("%q: quarters hold %b, want %b", s, all, letterMask(s))
		}
	}
}
