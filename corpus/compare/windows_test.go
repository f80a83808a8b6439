package compare

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parley/corpus"
)

// giantSentence is n bytes of prose with no full stop: words drawn from
// a vocabulary of 20,000 made-up words (a few common, most rare, as in
// text), with a number now and then. It is one sentence however long.
func giantSentence(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 7))
	z := rand.NewZipf(r, 1.1, 2, 19999)
	var b strings.Builder
	b.Grow(n + 16)
	for b.Len() < n {
		k := z.Uint64()
		if k%97 == 5 {
			fmt.Fprintf(&b, "%d ", r.IntN(10000))
			continue
		}
		b.WriteString(pseudoWord(k))
		b.WriteByte(' ')
	}
	return b.String()[:n]
}

// pseudoWord spells number k as a word of letters.
func pseudoWord(k uint64) string {
	const letters = "bcdfghjklmnprstvwz"
	const vowels = "aeiou"
	var b []byte
	for {
		b = append(b, letters[k%18], vowels[k/18%5])
		k /= 90
		if k == 0 {
			return string(b)
		}
	}
}

func giantDoc(t testing.TB, dir, name, text string) *corpus.Document {
	t.Helper()
	c, err := corpus.LoadPaths([]string{writeFile(t, dir, name, "Giant\n\n"+text+"\n")}, corpus.LoadOptions{})
	if err != nil || len(c.Docs) != 1 {
		t.Fatalf("load %s: %v", name, err)
	}
	return c.Docs[0]
}

func TestForWindows(t *testing.T) {
	for _, text := range []string{"", "short", strings.Repeat("word ", 2000), strings.Repeat("x", 5000), strings.Repeat("é", 3000)} {
		var got []string
		forWindows(text, func(lo, hi int) { got = append(got, text[lo:hi]) })
		joined := strings.Join(got, "")
		if strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll(text, " ", "") {
			t.Errorf("windows of %d bytes lose text", len(text))
		}
		for _, w := range got {
			if len(w) > window || !strings.Contains(text, w) || strings.ToValidUTF8(w, "?") != w {
				t.Errorf("window of %d bytes: too long, not in the text, or cut inside a character", len(w))
			}
		}
		if first := firstWindow(text); len(text) > maxSentence && first != got[0] || len(text) <= maxSentence && first != text {
			t.Errorf("firstWindow = %d bytes, want the first window's %d", len(first), len(got[0]))
		}
	}
}

// An over-long sentence is indexed as windows, each at the sentence's
// location: a phrase from its middle finds the window holding it in
// each source, and what is shown of it is bounded.
func TestGiantSentenceWindows(t *testing.T) {
	dir := t.TempDir()
	shared := "The delegation arrived in Islamabad on Monday for talks with Iran"
	a := giantSentence(1, 100_000) + " " + shared + " " + giantSentence(2, 50_000)
	b := giantSentence(3, 30_000) + " " + shared + " " + giantSentence(4, 80_000)
	docs := []*corpus.Document{giantDoc(t, dir, "a.txt", a), giantDoc(t, dir, "b.txt", b)}
	for _, d := range docs {
		if n := len(d.Blocks()[0].Block.Sentences); n != 1 {
			t.Fatalf("%s: %d sentences, want the one giant sentence", d.File, n)
		}
	}
	ix := Build(docs, Options{EngineOnly: true})
	if ix.Sentences() < 100 {
		t.Fatalf("%d units, want the giant sentences cut into windows", ix.Sentences())
	}
	for id := range ix.Sentences() {
		if n := len(ix.text(int32(id))); n > window || n == 0 {
			t.Fatalf("unit %d has %d bytes", id, n)
		}
	}
	r := ix.Compare(shared, QueryOptions{Top: 1})
	for _, s := range r.Sources {
		if s.Silent || !strings.Contains(s.Matches[0].Text, shared) || s.Matches[0].Loc != (corpus.Loc{Doc: s.Doc}) {
			t.Errorf("%s: silent %v, matches %+v", docs[s.Doc].File, s.Silent, s.Matches)
		}
		if len(s.Matches) > 0 && len(s.Matches[0].Context) > window {
			t.Errorf("%s: context of %d bytes", docs[s.Doc].File, len(s.Matches[0].Context))
		}
	}
	// Claims are found among windows, each statement a window.
	for _, c := range ix.Claims() {
		for _, src := range c.Sources {
			for _, st := range src.Statements {
				if len(st.Text) > window || len(st.Context) > window {
					t.Errorf("claim statement of %d bytes (context %d)", len(st.Text), len(st.Context))
				}
			}
		}
	}
	// Comparing the giant sentence itself compares its first window.
	r = ix.CompareLoc(corpus.Loc{Doc: 0}, QueryOptions{})
	if r.Origin != 0 || len(r.Query) > window {
		t.Errorf("CompareLoc on the giant sentence: origin %d, query of %d bytes", r.Origin, len(r.Query))
	}
}

// writeFile writes text to dir/name and returns the path.
func writeFile(t testing.TB, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A document of windows alone is analysed into postings (analyseWindows,
// windowTerms): the same terms, in the same order, with the same
// frequencies, unit ends and unit lengths as the entries any other
// document gets from its words' ids.
func TestWindowTermsSameAsEntries(t *testing.T) {
	d := giantDoc(t, t.TempDir(), "g.txt", giantSentence(3, 64<<10))
	if !onlyWindows(d) {
		t.Fatal("a 64 KB sentence is not windows alone")
	}
	a, ids := analyseDoc(newAnalyzer(), d), analyseIDs(newAnalyzer(), d)
	if !a.windowed || ids.windowed {
		t.Fatalf("analysed as windowed %v and %v, want true and false", a.windowed, ids.windowed)
	}
	tids, _, _ := localIDs([]analysed{a})
	ix := &Index{core: &core{terms: map[string]int32{}}}
	ix.numberWords([]analysed{a}, tids)
	tidsIDs, _, _ := localIDs([]analysed{ids})
	ixIDs := &Index{core: &core{terms: map[string]int32{}}}
	ixIDs.numberWords([]analysed{ids}, tidsIDs)
	if !maps.Equal(ix.terms, ixIDs.terms) {
		t.Fatalf("%d terms numbered from postings, %d from ids, or numbered apart", len(ix.terms), len(ixIDs.terms))
	}
	start := int32(0)
	for si := range ids.ends {
		if got, want := a.unitLen(si, 0), ids.unitLen(si, start); got != want {
			t.Fatalf("unit %d: length %d, want %d", si, got, want)
		}
		start = ids.ends[si]
	}
	want, got := sentenceEntries(ids, tidsIDs[ids.an]), windowTerms(a, tids[a.an])
	if !slices.Equal(got.ends, want.ends) || len(got.posts) != len(want.terms) || want.phrases != 0 {
		t.Fatalf("%d postings ending %v, want %d entries ending %v (%d phrases)", len(got.posts), got.ends[:3], len(want.terms), want.ends[:3], want.phrases)
	}
	for i, e := range want.terms {
		if p := got.posts[i]; p.sent != e.id || p.tf != e.tf || e.key != wordFlag|uint64(e.id) {
			t.Fatalf("term %d: posting %+v, want %+v", i, p, e)
		}
	}
}
