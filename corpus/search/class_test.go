package search

import (
	"context"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

func TestOccClass(t *testing.T) {
	cases := []struct {
		text, term string
		want       int
	}{
		{"oil prices", "oil", 3},
		{"crude oil", "oil", 3},
		{"the oil.", "oil", 3},
		{"“Oil”", "Oil", 3},
		{"(oil)", "oil", 3},
		{"oilfield", "oil", 2},
		{"an oilfield", "oil", 2},
		{"turmoil", "oil", 1},
		{"turmoil ends", "oil", 1},
		{"spoils", "oil", 1},
		{"three-month low", "month", 3},
		{"three-month low", "-month", 3}, // a term starting with a non-word character starts at a boundary
		{"threemonth", "month", 1},
		{"2003 and 1994", "199", 2},
		{"in 1994.", "1994", 3},
		{"Türkiye's", "Türkiye", 3},
		{"Türkiyeli", "Türkiye", 2},
		{"中国传媒大学", "传媒", 1},
		{"中国传媒大学", "中国", 2},
		{"中国", "中国", 3},
		{"Cafe\u0301 society", "Cafe", 2}, // a combining mark continues the word
		{"e", "e", 3},
		{"e-mail", "e", 3},
	}
	for _, c := range cases {
		at := strings.Index(c.text, c.term)
		if at < 0 {
			t.Fatalf("%q not in %q", c.term, c.text)
		}
		if got := occClass(c.text, at, at+len(c.term)); got != c.want {
			t.Errorf("%q in %q: class %d, want %d", c.term, c.text, got, c.want)
		}
	}
}

// A term found as a whole word ranks above one found at a word start,
// that above one inside a word, and that above letters scattered through
// a shorter text; highlighting marks the occurrence that scored.
func TestClassesRankFirst(t *testing.T) {
	texts := []string{
		"Orange had its UK launch in 1994.", // o, i, l at word starts
		"Analysts blamed the turmoil in the markets for the fall that went on for weeks.",
		"Oilfield workers went on strike across the whole region, and it lasted until the new year.",
		"Weak US fuel stocks and a cold winter have pushed up demand, and with it the price of crude oil, over the past month.",
	}
	ix := New([]*corpus.Document{mkdoc("Oil prices reach three-month low", texts...)})
	for _, q := range []string{"oil", "'oil", "Oil"} {
		var got []string
		for _, h := range hitsOf(t, ix, q) {
			got = append(got, h.Text)
			if h.Kind == Title {
				if want := []int{0, 1, 2}; !slices.Equal(h.Positions, want) {
					t.Errorf("%q marks %v in the title, want %v (the word Oil)", q, h.Positions, want)
				}
			}
		}
		want := []string{"Oil prices reach three-month low", texts[3], texts[2], texts[1], texts[0]}
		switch q {
		case "'oil":
			want = want[:4] // exact: the scattered letters do not match
		case "Oil":
			want = []string{want[0], texts[2], texts[0]} // smart case: only the capital O
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q ranks\n%q\nwant\n%q", q, got, want)
		}
	}
	for _, h := range hitsOf(t, ix, "oil") {
		if h.Text == texts[3] && !strings.HasSuffix(string([]rune(h.Text)[:h.Positions[2]+1]), "crude oil") {
			t.Errorf("marks %v in %q, want the word oil", h.Positions, h.Text)
		}
	}
}

// The best occurrence is highlighted, not the first: "oil" in "Soil
// tests show oil" marks the word.
func TestPositionsBestOccurrence(t *testing.T) {
	ix := New([]*corpus.Document{mkdoc("t", "Soil tests show oil here.", "Oil and soil.")})
	for _, h := range hitsOf(t, ix, "oil") {
		if h.Kind != Sentence {
			continue
		}
		want := map[string][]int{"Soil tests show oil here.": {16, 17, 18}, "Oil and soil.": {0, 1, 2}}[h.Text]
		if !slices.Equal(h.Positions, want) {
			t.Errorf("%q: positions %v, want %v", h.Text, h.Positions, want)
		}
	}
}

// On the seeds, the two sentences that name oil rank first; before the
// match classes the first of them ranked 195th of 356.
func TestSeedsOil(t *testing.T) {
	ix, _ := seedIndex(t)
	res := search(t, ix, "oil", 0)
	word := regexp.MustCompile(`(?i)\boil\b`)
	n := 0
	for i, h := range res.Hits {
		if word.MatchString(h.Text) {
			if i != n {
				t.Errorf("hit %d names oil but ranks below a hit that does not: %q", i, h.Text)
			}
			if got := marked(h); strings.ToLower(got) != "oil" {
				t.Errorf("hit %d marks %q, want oil", i, got)
			}
			n++
		}
	}
	if n < 2 {
		t.Errorf("%d hits name oil, want the 2 sentences of the seeds", n)
	}
}

// On BBC (when it is beside the repository), the QA queries: the top 50
// hits of a short word all hold it whole (before the match classes: 11,
// 1 and 4 of 50); longer and multi-term queries still put the words
// first, whole or at least at a word start.
func TestBBCWordsRankFirst(t *testing.T) {
	if testing.Short() {
		t.Skip("BBC corpus")
	}
	ix := bbc(t)
	cases := []struct {
		q     string
		n     int
		words []string // regular expressions every hit must match
	}{
		{"oil", 50, []string{`\boil\b`}},
		{"gas", 50, []string{`\bgas\b`}},
		{"war", 50, []string{`\bwar\b`}},
		{"passage", 5, []string{`\bpassage\b`}},
		{"qatar", 10, []string{`\bqatar`}},
		{"oil price", 30, []string{`\boil\b`, `\bprice`}},
		{"blair brown", 30, []string{`\bblair\b`, `\bbrown\b`}},
		{"mobile phone", 30, []string{`\bmobile\b`, `\bphone`}},
	}
	for _, c := range cases {
		res := search(t, ix, c.q, c.n)
		if len(res.Hits) < c.n {
			t.Fatalf("%q: %d hits", c.q, len(res.Hits))
		}
		for i, h := range res.Hits {
			for _, w := range c.words {
				if !regexp.MustCompile(`(?i)` + w).MatchString(h.Text) {
					t.Errorf("%q: hit %d does not match %s: %q", c.q, i, w, h.Text)
				}
			}
		}
	}
}

// Scoring only the targets that can rank (bounds, the class bounds from
// the signature, a rising bar) gives exactly the top of the full ranking,
// on BBC, for queries whose hits fall in every class.
func TestPruningKeepsTheBestBBC(t *testing.T) {
	if testing.Short() {
		t.Skip("BBC corpus")
	}
	ix := bbc(t)
	ctx := context.Background()
	queries := []string{"e", "o", "oi", "oil", "'oil", "war", "gas", "oil price", "ir", "passage", "^the", "a e", "Oil", "hormuz", "s$", "oil | gas", "o | e", "^the | war", "'oil | !price x", "s$ | a e"}
	// A fixed sample by default (every query under PARLEY_FULL_SWEEP=1);
	// TestPruningRandomQueries covers many more shapes on the seeds.
	for _, q := range testcorpus.Sample(queries, 3) {
		all, err := ix.Search(ctx, q, Options{Doc: -1})
		if err != nil {
			t.Fatal(err)
		}
		for _, limit := range []int{1, 50, paneLimit} {
			top := search(t, ix, q, limit)
			n := min(limit, len(all.Hits))
			if top.Total != all.Total || !sameHits(top.Hits, all.Hits[:n]) {
				t.Errorf("%q limit %d: pruned ranking differs from the full one", q, limit)
			}
		}
	}
}

// Random queries made of pieces of the seeds' text (so that every class
// turns up), with operators: the pruned ranking equals the full one, on
// the index with signatures and on the CLI's without.
func TestPruningRandomQueries(t *testing.T) {
	ix, c := seedIndex(t)
	unsigned := build(c.Docs, false)
	rng := rand.New(rand.NewPCG(3, 4))
	var words []string
	for _, tg := range ix.targets {
		words = append(words, strings.Fields(tg.text)...)
	}
	ops := []string{"", "", "", "'", "^", "!"}
	for range 300 {
		var q []string
		for range 1 + rng.IntN(3) {
			w := []rune(words[rng.IntN(len(words))])
			i := rng.IntN(len(w))
			j := i + 1 + rng.IntN(min(len(w)-i, 4))
			term := ops[rng.IntN(len(ops))] + string(w[i:j])
			if rng.IntN(8) == 0 {
				term += "$"
			}
			if len(q) > 0 && rng.IntN(3) == 0 {
				q = append(q, "|") // the terms on either side make a group
			}
			q = append(q, term)
		}
		query := strings.Join(q, " ")
		all := search(t, ix, query, 0)
		for _, limit := range []int{1, 3, 10} {
			n := min(limit, len(all.Hits))
			for _, x := range []*Index{ix, unsigned} {
				top := search(t, x, query, limit)
				if top.Total != all.Total || !sameHits(top.Hits, all.Hits[:n]) {
					t.Fatalf("%q limit %d (signed %v): pruned ranking differs from the full one", query, limit, x == ix)
				}
			}
		}
	}
}
