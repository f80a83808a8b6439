package search

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

func seedIndex(t testing.TB) (*Index, *corpus.Corpus) {
	t.Helper()
	c, err := corpus.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	return New(c.Docs), c
}

func search(t testing.TB, ix *Index, q string, limit int) *Result {
	t.Helper()
	res, err := ix.Search(context.Background(), q, Options{Limit: limit, Doc: -1})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func docID(ix *Index, h Hit) string { return ix.docs[h.Loc.Doc].ID }

// The seeds mention the Strait of Hormuz in 002 and 004 only: the hits
// holding the word rank above every scattered fuzzy match, and they are
// exactly the places in 002 and 004 that name it.
func TestSeedsHormuz(t *testing.T) {
	ix, _ := seedIndex(t)
	res := search(t, ix, "hormuz", 0)
	var docs []string
	seenOther := false
	for i, h := range res.Hits {
		has := strings.Contains(strings.ToLower(h.Text), "hormuz")
		if has && seenOther {
			t.Fatalf("hit %d holds Hormuz but ranks below a scattered match: %q", i, h.Text)
		}
		if !has {
			seenOther = true
			continue
		}
		docs = append(docs, docID(ix, h)[:3])
	}
	got := strings.Join(docs, ",")
	if !strings.Contains(got, "002") || !strings.Contains(got, "004") || strings.Trim(got, "024,") != "" {
		t.Errorf("documents of the Hormuz hits = %s, want 002 and 004 only", got)
	}
	for _, h := range res.Hits[:2] {
		if id := docID(ix, h); h.Kind != Sentence || !strings.HasPrefix(id, "002") && !strings.HasPrefix(id, "004") {
			t.Errorf("top hit %s %s %q, want sentences of 002 and 004 first", h.Kind, id, h.Text)
		}
	}
}

func TestSeeds909(t *testing.T) {
	ix, _ := seedIndex(t)
	h := search(t, ix, "909", 5).Hits[0]
	if !strings.HasPrefix(docID(ix, h), "002") || h.Kind != Sentence || !strings.Contains(h.Text, "909 km long border") {
		t.Fatalf("best hit for 909 = %s %s %q, want 002's border sentence", docID(ix, h), h.Kind, h.Text)
	}
	// The location names that very sentence.
	b := ix.docs[h.Loc.Doc].Block(h.Loc.Block)
	if b == nil || h.Loc.Sentence < 0 || b.Sentences[h.Loc.Sentence].Text != h.Text {
		t.Errorf("Loc %+v does not address the hit's sentence", h.Loc)
	}
	if got := string([]rune(h.Text)[h.Positions[0] : h.Positions[2]+1]); got != "909" {
		t.Errorf("positions %v mark %q, want 909", h.Positions, got)
	}
}

func TestSeedsYahya(t *testing.T) {
	ix, _ := seedIndex(t)
	h := search(t, ix, "yahya", 5).Hits[0]
	if !strings.HasPrefix(docID(ix, h), "002") || !strings.Contains(h.Text, "Yahya") {
		t.Fatalf("best hit for yahya = %s %q, want 002", docID(ix, h), h.Text)
	}
}

func TestEmptyQueryListsDocuments(t *testing.T) {
	ix, c := seedIndex(t)
	for _, q := range []string{"", "   ", "!", "^", "'", "$", `\`, "^$", "!$ ' \\"} {
		res := search(t, ix, q, 0)
		if len(res.Hits) != len(c.Docs) || res.Total != len(c.Docs) {
			t.Fatalf("%q: %d hits, want the %d documents", q, len(res.Hits), len(c.Docs))
		}
		for i, h := range res.Hits {
			if h.Kind != Title || h.Loc.Doc != i || h.Loc.Block != -1 {
				t.Errorf("%q: hit %d = %+v, want document %d's title", q, i, h, i)
			}
		}
	}
}

// Narrowing from the previous keystroke's result must give exactly what a
// fresh search gives.
func TestNarrowingMatchesFreshSearch(t *testing.T) {
	ix, _ := seedIndex(t)
	ctx := context.Background()
	for _, q := range []string{"pakistan mediat", "'islam ^the", "Iran talks", "中国传媒", "hormuz !oil", "'bord 909", "e l e c", "türkiye pm", "talks$ x", "pak'istan", "turkiye pm", "tür", "tu türk", "Turkiye", "hormuz | lucerne", "pak | iran talks", "^the | !oil x", "iran | 'strait | talks$ islam"} {
		var prev *Result
		for i := 1; i <= len(q); i++ {
			if !utf8.ValidString(q[:i]) {
				continue // inside a multi-byte character
			}
			part := q[:i]
			got, err := ix.Search(ctx, part, Options{Limit: 20, Doc: -1, Prev: prev})
			if err != nil {
				t.Fatal(err)
			}
			want := search(t, ix, part, 20)
			if got.Total != want.Total || !sameHits(got.Hits, want.Hits) {
				t.Fatalf("%q narrowed=%v: %d hits, fresh search %d; first %v vs %v", part, got.Narrowed, got.Total, want.Total, first(got), first(want))
			}
			prev = got
		}
	}
}

func first(r *Result) any {
	if len(r.Hits) == 0 {
		return nil
	}
	return r.Hits[0]
}

func sameHits(a, b []Hit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Loc != b[i].Loc || a[i].Score != b[i].Score {
			return false
		}
	}
	return true
}

// Scoring only the targets that can rank (bounds, a rising bar) must give
// the same top hits as scoring every match.
func TestPruningKeepsTheBest(t *testing.T) {
	ix, _ := seedIndex(t)
	for _, q := range []string{"e", "pa", "iran", "talks us", "pkstn", "'the ir", "diplo !iran", "Talk", "e | a", "iran | pkstn", "talks | !iran us", "^the | 'ir | s$"} {
		all := search(t, ix, q, 0)
		for _, limit := range []int{1, 7, 50} {
			top := search(t, ix, q, limit)
			n := min(limit, len(all.Hits))
			if top.Total != all.Total || !sameHits(top.Hits, all.Hits[:n]) {
				t.Errorf("%q limit %d: pruned ranking differs from the full one", q, limit)
			}
		}
	}
}

func TestScope(t *testing.T) {
	ix, _ := seedIndex(t)
	ctx := context.Background()
	all := search(t, ix, "pakistan", 0)
	res, err := ix.Search(ctx, "pakistan", Options{Doc: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, h := range all.Hits {
		if h.Loc.Doc == 2 {
			want++
		}
	}
	if res.Total != want || want == 0 {
		t.Fatalf("scope 2: %d hits, want %d", res.Total, want)
	}
	for _, h := range res.Hits {
		if h.Loc.Doc != 2 {
			t.Fatalf("scope 2 returned a hit in document %d", h.Loc.Doc)
		}
	}
	// Narrowing from an all-documents result into one document.
	nar, err := ix.Search(ctx, "pakistans", Options{Doc: 2, Prev: all})
	if err != nil {
		t.Fatal(err)
	}
	fresh, _ := ix.Search(ctx, "pakistans", Options{Doc: 2})
	if !nar.Narrowed || nar.Total != fresh.Total || !sameHits(nar.Hits, fresh.Hits) {
		t.Errorf("narrowed into scope: %d hits (narrowed %v), fresh %d", nar.Total, nar.Narrowed, fresh.Total)
	}
}

func TestCancelled(t *testing.T) {
	ix, _ := seedIndex(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Search(ctx, "iran", Options{Doc: -1}); err == nil {
		t.Fatal("a cancelled search returned no error")
	}
}

func TestEmptyIndex(t *testing.T) {
	ix := New(nil)
	for _, q := range []string{"", "x", "'x !y"} {
		res, err := ix.Search(context.Background(), q, Options{Doc: 3, Limit: 5})
		if err != nil || len(res.Hits) != 0 || res.Total != 0 {
			t.Errorf("%q on an empty index: %+v, %v", q, res, err)
		}
	}
}

// Typing a negated term widens as it grows ("!i" excludes more than
// "!ir"), so it narrows from the result before the term was started.
func TestNarrowsFromHistory(t *testing.T) {
	ix, _ := seedIndex(t)
	ctx := context.Background()
	var prev *Result
	for _, q := range []string{"p", "pa", "pak", "pak ", "pak !", "pak !i", "pak !ir", "pak !ira", "pak !iran", "pak !ira", "pak !ir"} {
		got, err := ix.Search(ctx, q, Options{Limit: 10, Doc: -1, Prev: prev})
		if err != nil {
			t.Fatal(err)
		}
		want := search(t, ix, q, 10)
		if q != "p" && !got.Narrowed {
			t.Errorf("%q was searched from scratch", q)
		}
		if got.Total != want.Total || !sameHits(got.Hits, want.Hits) {
			t.Errorf("%q: %d hits narrowed, %d fresh", q, got.Total, want.Total)
		}
		if len(got.history) > historyLen {
			t.Fatalf("history grew to %d", len(got.history))
		}
		prev = got
	}
}

// On the BBC corpus (when it is beside the repository), every keystroke
// of the benchmark's queries, narrowed, equals a fresh search: by default
// one query of each shape (words, an exact term, an anchor, a negation),
// every query under PARLEY_FULL_SWEEP=1.
func TestNarrowingMatchesFreshSearchBBC(t *testing.T) {
	if testing.Short() {
		t.Skip("BBC corpus")
	}
	ix := bbc(t)
	ctx := context.Background()
	queries := []string{"government", "mobile phone", "'iraq war", "^the film", "music !download"}
	if testcorpus.FullSweep() {
		queries = typed
	}
	for _, q := range queries {
		var prev *Result
		for i := 1; i <= len(q); i++ {
			got, err := ix.Search(ctx, q[:i], Options{Limit: paneLimit, Doc: -1, Prev: prev})
			if err != nil {
				t.Fatal(err)
			}
			want, _ := ix.Search(ctx, q[:i], Options{Limit: paneLimit, Doc: -1})
			if got.Total != want.Total || !sameHits(got.Hits, want.Hits) {
				t.Fatalf("%q: %d hits narrowed, %d fresh", q[:i], got.Total, want.Total)
			}
			prev = got
		}
	}
}

// The CLI's index computes signatures only for the candidates it refines;
// it must rank exactly as the interactive one.
func TestUnsignedIndexRanksAlike(t *testing.T) {
	_, c := seedIndex(t)
	signed, unsigned := New(c.Docs), build(c.Docs, false)
	for _, q := range []string{"hormuz", "pakistan mediat", "e", "talks us", "'the !iran"} {
		a, b := search(t, signed, q, 7), search(t, unsigned, q, 7)
		if a.Total != b.Total || !sameHits(a.Hits, b.Hits) {
			t.Errorf("%q ranks differently without signatures", q)
		}
	}
}

// TestSeedsTurkiye: accents fold as in fzf, so "turkiye" finds the
// Türkiye of 001 (and 002) with the accented letter highlighted, and a
// term typed with the accent still finds it.
func TestSeedsTurkiye(t *testing.T) {
	ix, _ := seedIndex(t)
	for _, q := range []string{"turkiye", "türkiye", "Turkiye", "'turkiye"} {
		res := search(t, ix, q, 20)
		if len(res.Hits) == 0 {
			t.Fatalf("%q: no hits", q)
		}
		if got := marked(res.Hits[0]); got != "Türkiye" {
			t.Errorf("%q marks %q in %q, want Türkiye", q, got, res.Hits[0].Text)
		}
		in001 := false
		for _, h := range res.Hits {
			in001 = in001 || strings.HasPrefix(docID(ix, h), "001") && marked(h) == "Türkiye"
		}
		if !in001 {
			t.Errorf("%q: no hit in 001 marks Türkiye", q)
		}
	}
}

// "word$" and "^word$" match a title without the outlet and author its
// search text carries, and mark the word in the title.
func TestTitleSuffix(t *testing.T) {
	ix, _ := seedIndex(t)
	for _, q := range []string{"diplomacy$", `^when\ diplomacy\ opened\ the\ door$`} {
		res := search(t, ix, q, 0)
		found := false
		for _, h := range res.Hits {
			if h.Kind == Title {
				found = true
				runes := []rune(h.Text)
				var marked []rune
				for _, p := range h.Positions {
					marked = append(marked, runes[p])
				}
				want := strings.NewReplacer("^", "", "$", "", `\`, "").Replace(q)
				if !strings.EqualFold(string(marked), want) {
					t.Errorf("%q marks %q in %q", q, string(marked), h.Text)
				}
			}
		}
		if !found {
			t.Errorf("%q finds no title", q)
		}
	}
	// A byline part still ends the whole text.
	if res := search(t, ix, "rki.news$", 0); len(res.Hits) == 0 || res.Hits[0].Kind != Title {
		t.Errorf("rki.news$: %+v", res.Hits)
	}
}

// "hormuz | lucerne" finds the sentences naming either place: Hormuz in
// 002 and 004, Lake Lucerne in 004; whole words rank above scattered
// matches of either, and each hit highlights the word it holds.
func TestSeedsOr(t *testing.T) {
	ix, _ := seedIndex(t)
	res := search(t, ix, "hormuz | lucerne", 0)
	docs := map[string]bool{}
	lucerne, seenOther := false, false
	for i, h := range res.Hits {
		low := strings.ToLower(h.Text)
		var words []string
		for _, w := range []string{"hormuz", "lucerne"} {
			if strings.Contains(low, w) {
				words = append(words, w)
			}
		}
		if len(words) == 0 {
			seenOther = true
			continue
		}
		if seenOther {
			t.Fatalf("hit %d names %s but ranks below a scattered match: %q", i, words, h.Text)
		}
		docs[docID(ix, h)[:3]] = true
		lucerne = lucerne || strings.Contains(h.Text, "Lake Lucerne")
		if m := strings.ToLower(marked(h)); !slices.Contains(words, m) {
			t.Errorf("hit %d highlights %q, want one of the words %s", i, m, words)
		}
	}
	if !docs["002"] || !docs["004"] || len(docs) != 2 || !lucerne {
		t.Errorf("documents %v, Lake Lucerne found %v; want 002 and 004, and the Lake Lucerne sentence", docs, lucerne)
	}
}

// A group matches what any alternative matches, and scores the best of
// what its matching alternatives score as queries of their own; the
// other terms are ANDed with it.
func TestOrIsUnionOfBest(t *testing.T) {
	ix, _ := seedIndex(t)
	cases := []struct {
		q    string
		alts []string
		rest string
	}{
		{"hormuz | lucerne", []string{"hormuz", "lucerne"}, ""},
		{"iran | pakistan", []string{"iran", "pakistan"}, ""},
		{"talks ^the | 'iran | s$", []string{"^the", "'iran", "s$"}, "talks"},
		{"!iran | !pakistan", []string{"!iran", "!pakistan"}, ""},
		{"oil | !strait", []string{"oil", "!strait"}, ""},
		{"e | pkstn | Iran", []string{"e", "pkstn", "Iran"}, ""},
	}
	for _, c := range cases {
		got := search(t, ix, c.q, 0)
		want := map[hitKey]int{}
		for _, a := range c.alts {
			for _, h := range search(t, ix, a, 0).Hits {
				if s, ok := want[keyOf(h)]; !ok || h.Score > s {
					want[keyOf(h)] = h.Score
				}
			}
		}
		if c.rest != "" {
			rest := map[hitKey]int{}
			for _, h := range search(t, ix, c.rest, 0).Hits {
				rest[keyOf(h)] = h.Score
			}
			for loc, s := range want {
				if r, ok := rest[loc]; ok {
					want[loc] = s + r
				} else {
					delete(want, loc)
				}
			}
		}
		if got.Total != len(want) || len(want) == 0 {
			t.Errorf("%q: %d hits, the alternatives' union %d", c.q, got.Total, len(want))
			continue
		}
		for _, h := range got.Hits {
			if s, ok := want[keyOf(h)]; !ok || s != h.Score {
				t.Errorf("%q: %v scores %d, want %d (found %v)", c.q, h.Loc, h.Score, s, ok)
				break
			}
		}
	}
}

// hitKey tells hits apart: a title and a heading can share a Loc.
type hitKey struct {
	loc  corpus.Loc
	kind Kind
	text string
}

func keyOf(h Hit) hitKey { return hitKey{h.Loc, h.Kind, h.Text} }
