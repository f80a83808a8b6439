package search

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/sahilm/fuzzy"

	"parley/corpus/testcorpus"
)

// The bounds must hold for every text: a target's final score (the better
// of sahilm/fuzzy's and the best contiguous span's) lies within [lo, hi].
// Random texts over a small alphabet make repeats, separators, camel
// humps and word boundaries common, the cases where sahilm/fuzzy's greedy
// scoring surprises and where the match class (class.go) changes.
func TestBoundsHold(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcabcAB -._éÉe(中1")
	patAlphabet := []rune("abcabcB -ée(中")
	gen := func(letters []rune, n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(letters[rng.IntN(len(letters))])
		}
		return b.String()
	}
	rng2 := rand.New(rand.NewPCG(7, 8)) // the groups' own, so the terms above stay those checked before
	checked, groups := 0, 0
	// A quarter of the sequence by default (about 9,000 terms and 13,000
	// groups checked); all of it under PARLEY_FULL_SWEEP=1.
	for range testcorpus.Cases(25_000, 100_000) {
		pat := strings.TrimSpace(gen(patAlphabet, 1+rng.IntN(6)))
		// Half the texts are made of pieces of the pattern between
		// separators: the near misses that make sahilm/fuzzy's adjacency
		// bonus grow without a contiguous match.
		text := gen(alphabet, 1+rng.IntN(24))
		if rng.IntN(2) == 0 && pat != "" {
			var b strings.Builder
			for range 1 + rng.IntN(6) {
				r := []rune(pat)
				i := rng.IntN(len(r))
				j := i + 1 + rng.IntN(len(r)-i)
				b.WriteString(gen(alphabet, rng.IntN(3)))
				b.WriteString(string(r[i:j]))
			}
			text = b.String()
		}
		if pat == "" || strings.ContainsAny(pat[:1], "'^!") {
			continue
		}
		// A quarter of the terms are exact: scored by their best
		// occurrence, bounded as a fuzzy term found contiguously is.
		exact := rng.IntN(4) == 0
		if exact {
			pat = "'" + pat
		}
		tm, ok := parseTerm(pat)
		if !ok || tm.kind != termFuzzy && tm.kind != termExact {
			continue
		}
		tg := testTarget(text)
		sig := sign(tg.folded)
		if checkGroupBounds(t, rng2, pat, gen(patAlphabet, 1+rng2.IntN(4)), text) {
			groups++
		}
		c, ok := screen(tg, []term{tm})
		hay, _ := tm.hay(tg) // what the term is scored on
		m := fuzzy.Find(tm.text, []string{hay})
		if exact {
			m = nil
		}
		if !ok {
			if len(m) > 0 && !tm.sensitive {
				t.Fatalf("%q in %q: sahilm/fuzzy matches, the screen does not", pat, text)
			}
			continue
		}
		contig := exact || c.spans&1 != 0
		final := scoreOne(tm, tg, contig)
		if final < int(c.lo) || final > int(c.hi) {
			t.Fatalf("%q in %q: score %d outside the bounds [%d, %d]", pat, text, final, c.lo, c.hi)
		}
		// What refine computes for this target.
		ix := &Index{targets: []target{*tg}}
		his := []int{0}
		if err := ix.refine(context.Background(), []term{tm}, []cand{c}, []int32{0}, his); err != nil {
			t.Fatal(err)
		}
		if final > his[0] {
			t.Fatalf("%q in %q: score %d above the refined bound %d", pat, text, final, his[0])
		}
		if at, _ := tm.bestSpan(tg); at < 0 && len(m) > 0 {
			if hi := tm.refinedHi(tg, &sig); !tm.exact || !tg.accent {
				if raw := m[0].Score; raw > hi {
					t.Fatalf("%q in %q: sahilm/fuzzy's %d above refinedHi %d", pat, text, raw, hi)
				}
			}
		}
		checked++
	}
	t.Logf("%d terms and %d groups checked", checked, groups)
	if checked < 5000 || groups < 5000 {
		t.Fatalf("only %d cases checked, %d of them with groups", checked, groups)
	}
}

// checkGroupBounds checks, on one text, the group of the term typed as
// pat and another term made of other with a random operator: the
// group matches when either alternative does, scores the better of what
// each scores as a term of its own, and that score lies within the
// screen's bounds and under refine's. It reports whether it checked a
// matching group.
func checkGroupBounds(t *testing.T, rng *rand.Rand, pat, other, text string) bool {
	t.Helper()
	other = strings.TrimSpace(other)
	if other == "" || strings.ContainsAny(other[:1], "'^!") {
		return false
	}
	other = []string{"", "", "'", "^", "!"}[rng.IntN(5)] + other
	if rng.IntN(4) == 0 {
		other += "$"
	}
	q := parseQuery(strings.ReplaceAll(pat, " ", `\ `) + " | " + strings.ReplaceAll(other, " ", `\ `))
	if len(q.terms) != 1 || q.terms[0].kind != termGroup {
		return false // the same term twice, or operators alone
	}
	g := q.terms[0]
	tg := testTarget(text)
	want, any := 0, false
	for _, a := range g.alts {
		c, ok := screen(tg, []term{a})
		if !ok {
			continue
		}
		sc := int(c.score)
		if a.ranked() {
			sc = scoreOne(a, tg, a.kind == termExact || c.spans&1 != 0)
		}
		if !any || sc > want {
			want, any = sc, true
		}
	}
	c, ok := screen(tg, []term{g})
	if ok != any {
		t.Fatalf("%q in %q: the group matches %v, its alternatives %v", g.text, text, ok, any)
	}
	if !ok {
		return false
	}
	_, final := g.bestAlt(tg)
	if final != want {
		t.Fatalf("%q in %q: the group scores %d, its best alternative %d", g.text, text, final, want)
	}
	if final < int(c.lo) || final > int(c.hi) {
		t.Fatalf("%q in %q: score %d outside the bounds [%d, %d]", g.text, text, final, c.lo, c.hi)
	}
	ix := &Index{targets: []target{*tg}}
	his := []int{0}
	if err := ix.refine(context.Background(), []term{g}, []cand{c}, []int32{0}, his); err != nil {
		t.Fatal(err)
	}
	if final > his[0] {
		t.Fatalf("%q in %q: score %d above the refined bound %d", g.text, text, final, his[0])
	}
	return true
}

// scoreOne scores one fuzzy term on one target as scoreTerm does.
func scoreOne(tm term, tg *target, contig bool) int {
	if at, sc := tm.bestSpan(tg); contig && at >= 0 {
		return sc
	}
	hay, _ := tm.hay(tg)
	s := -15 + tm.runes - len(hay)
	if m := fuzzy.Find(tm.text, []string{hay}); len(m) > 0 && !strings.Contains(hay, "\x00") {
		s = m[0].Score
	}
	return tm.scattered(tg, s, contig)
}

// testTarget makes a target of text as the index does.
func testTarget(text string) *target {
	dst := make([]byte, len(text))
	n, runes, camel := foldInto(dst, text)
	return &target{text: text, plain: plain(text), folded: string(dst[:n]), runes: int32(runes),
		camel: camel, accent: n < len(text)}
}

// signWords is sign's word sets computed a byte at a time, as the
// definition reads: runs of bytes that are not edges.
func signWords(f string) (singles uint64, words, heads [4]uint64) {
	for i := 0; i < len(f); {
		for i < len(f) && edgeBit[f[i]] != 0 {
			i++
		}
		w := i
		for i < len(f) && edgeBit[f[i]] == 0 {
			i++
		}
		if i > w {
			addWord(f, w, i, &singles, &words, &heads)
		}
	}
	return
}

// sign finds the words with a bitmap built eight bytes at a time; it must
// find exactly what a byte loop finds, across chunk ends and at the ends
// of the text.
func TestSignWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	al := []byte("abcAZz09 .,-é中\x80\xff_")
	for range testcorpus.Cases(50_000, 200_000) {
		var b strings.Builder
		for range rng.IntN(200) {
			b.WriteByte(al[rng.IntN(len(al))])
		}
		f := b.String()
		s := sign(f)
		a, w, h := signWords(f)
		if s.singles != a || s.words != w || s.heads != h {
			t.Fatalf("%q: the word sets differ from a byte loop's", f)
		}
	}
}
