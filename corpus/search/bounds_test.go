package search

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/sahilm/fuzzy"
)

// The bounds must hold for every text: a target's final score (the better
// of sahilm/fuzzy's and the best contiguous span's) lies within [lo, hi].
// Random texts over a small alphabet make repeats, separators and camel
// humps common, the cases where sahilm/fuzzy's greedy scoring surprises.
func TestBoundsHold(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcabcAB -._éÉe")
	patAlphabet := []rune("abcabcB -ée")
	gen := func(letters []rune, n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(letters[rng.IntN(len(letters))])
		}
		return b.String()
	}
	checked := 0
	for range 100000 {
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
		tm, ok := parseTerm(pat)
		if !ok || tm.kind != termFuzzy {
			continue
		}
		tg := testTarget(text)
		sig := sign(tg.folded)
		c, ok := screen(tg, []term{tm})
		hay, _ := tm.hay(tg) // what the term is scored on
		m := fuzzy.Find(tm.text, []string{hay})
		if !ok {
			if len(m) > 0 && !tm.sensitive {
				t.Fatalf("%q in %q: sahilm/fuzzy matches, the screen does not", pat, text)
			}
			continue
		}
		final := -15 + tm.runes - len(hay)
		if len(m) > 0 {
			final = m[0].Score
		}
		if at, sc := tm.bestSpan(tg); at >= 0 {
			final = max(final, sc)
		}
		if final < c.lo || final > c.hi {
			t.Fatalf("%q in %q: score %d outside the bounds [%d, %d]", pat, text, final, c.lo, c.hi)
		}
		if tm.exact && tg.accent {
			// refine does not use the signature of plain text here.
		} else if hi := tm.refinedHi(tg, &sig); final > hi {
			t.Fatalf("%q in %q: score %d above the refined bound %d", pat, text, final, hi)
		}
		checked++
	}
	if checked < 5000 {
		t.Fatalf("only %d cases checked", checked)
	}
}

// testTarget makes a target of text as the index does.
func testTarget(text string) *target {
	dst := make([]byte, len(text))
	n, runes, camel := foldInto(dst, text)
	return &target{text: text, plain: plain(text), folded: string(dst[:n]), runes: int32(runes),
		camel: camel, accent: n < len(text)}
}
