package compare

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"parley/corpus"
	"parley/seeds"
)

// qualityGroup is one claim or theme of the labelled set: a label and,
// per source, fragments that each identify one sentence.
type qualityGroup struct {
	Label     string              `json:"label"`
	Sentences map[string][]string `json:"sentences"`
}

// qualitySet is the shape of testdata/quality.json, the labelled set the
// engine is measured on. Claims are held to the targets; themes (loose
// paraphrases, or points made only with a neighbour's help) are reported
// for information.
type qualitySet struct {
	Claims  []qualityGroup `json:"claims"`
	Themes  []qualityGroup `json:"themes"`
	Singles []struct {
		Doc  string `json:"doc"`
		Text string `json:"text"`
	} `json:"singles"`
}

func loadQuality(t testing.TB) qualitySet {
	t.Helper()
	raw, err := os.ReadFile("testdata/quality.json")
	if err != nil {
		t.Fatal(err)
	}
	var q qualitySet
	if err := json.Unmarshal(raw, &q); err != nil {
		t.Fatalf("quality.json: %v", err)
	}
	return q
}

// rawSeed returns the squeezed raw text of the seed file whose name starts
// with prefix, straight from the embedded bytes (not through the parser),
// so a quote is checked against what the source really says.
func rawSeed(t *testing.T, prefix string) string {
	t.Helper()
	names, err := fs.Glob(seeds.FS, prefix+"*.txt")
	if err != nil || len(names) != 1 {
		t.Fatalf("seed %q: want one file, got %v (%v)", prefix, names, err)
	}
	b, err := fs.ReadFile(seeds.FS, names[0])
	if err != nil {
		t.Fatal(err)
	}
	s, _ := squeeze(string(b))
	return s
}

func seedDocs(t testing.TB) []*corpus.Document {
	t.Helper()
	c, err := corpus.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	return c.Docs
}

// checkQuote asserts that quote is verbatim in the raw seed and that it
// resolves to sentences of the parsed document; exact, when > 0, is how
// many sentences it must identify.
func checkQuote(t *testing.T, docs []*corpus.Document, what, prefix, quote string, exact int) {
	t.Helper()
	if strings.ContainsAny(quote, "\n\r") {
		t.Errorf("%s: %s %q holds a line break", what, prefix, quote)
	}
	want, _ := squeeze(quote)
	if !strings.Contains(rawSeed(t, prefix), want) {
		t.Errorf("%s: %s: not verbatim in the source: %q", what, prefix, quote)
		return
	}
	doc := DocByPrefix(docs, prefix)
	if doc < 0 {
		t.Errorf("%s: no parsed document with prefix %s", what, prefix)
		return
	}
	locs := ResolveQuote(docs, doc, quote)
	switch {
	case len(locs) == 0:
		t.Errorf("%s: %s: in the source but in no parsed sentence (parser lost or split it): %q", what, prefix, quote)
	case exact > 0 && len(locs) != exact:
		t.Errorf("%s: %s: %q identifies %d sentences, want %d: %v", what, prefix, quote, len(locs), exact, sentencesAt(docs, locs))
	}
}

func sentencesAt(docs []*corpus.Document, locs []corpus.Loc) []string {
	var out []string
	for _, l := range locs {
		b := docs[l.Doc].Block(l.Block)
		out = append(out, b.Sentences[l.Sentence].Text)
	}
	return out
}

func TestCuratedQuotesAreVerbatimAndResolve(t *testing.T) {
	claims, err := LoadCurated(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	if len(claims) < 15 {
		t.Errorf("curated claims: %d, want at least 15", len(claims))
	}
	docs := seedDocs(t)
	for _, c := range claims {
		for prefix, quotes := range c.Quotes {
			if len(quotes) == 0 {
				t.Errorf("claim %q: source %s has no quote", c.Label, prefix)
			}
			for _, q := range quotes {
				checkQuote(t, docs, c.Label, prefix, q, 0)
			}
		}
	}
}

func TestQualitySetIsVerbatimAndResolves(t *testing.T) {
	q := loadQuality(t)
	if len(q.Claims) < 15 || len(q.Singles) < 15 {
		t.Errorf("quality set: %d claims, %d singles; want at least 15 of each", len(q.Claims), len(q.Singles))
	}
	docs := seedDocs(t)
	check := func(kind string, groups []qualityGroup) {
		for _, c := range groups {
			if len(c.Sentences) < 2 {
				t.Errorf("%s %q: made by %d source(s), it needs two", kind, c.Label, len(c.Sentences))
			}
			for prefix, frags := range c.Sentences {
				if len(frags) == 0 {
					t.Errorf("%s %q: source %s has no fragment", kind, c.Label, prefix)
				}
				for _, f := range frags {
					// A fragment of the labelled set stands for exactly one
					// sentence: two would mean the splitter cut a sentence.
					checkQuote(t, docs, kind+" "+c.Label, prefix, f, 1)
				}
			}
		}
	}
	check("claim", q.Claims)
	check("theme", q.Themes)
	// A single is a point no other source makes, so its sentence cannot
	// also be listed in a claim.
	inClaim := map[string]bool{}
	for _, c := range q.Claims {
		for prefix, frags := range c.Sentences {
			doc := DocByPrefix(docs, prefix)
			for _, f := range frags {
				for _, l := range ResolveQuote(docs, doc, f) {
					inClaim[fmt.Sprint(l)] = true
				}
			}
		}
	}
	for _, s := range q.Singles {
		checkQuote(t, docs, "single", s.Doc, s.Text, 1)
		for _, l := range ResolveQuote(docs, DocByPrefix(docs, s.Doc), s.Text) {
			if inClaim[fmt.Sprint(l)] {
				t.Errorf("single %s %q is also listed in a claim", s.Doc, s.Text)
			}
		}
	}
}

func TestResolveQuoteAcrossRejoinedLines(t *testing.T) {
	doc := corpus.Parse("x.txt", []byte("Title\n\nThe border is long and\nit is old. Another sentence here.\n"))
	docs := []*corpus.Document{doc}
	locs := ResolveQuote(docs, 0, "long and   it is\nold")
	if len(locs) != 1 || locs[0].Sentence != 0 {
		t.Fatalf("locs = %v, want the first sentence", locs)
	}
	if got := ResolveQuote(docs, 0, "old. Another"); len(got) != 2 {
		t.Errorf("a quote across a sentence boundary: %v, want both sentences", got)
	}
	if got := ResolveQuote(docs, 0, "not there"); got != nil {
		t.Errorf("missing quote resolved to %v", got)
	}
}

func TestLoadCurated(t *testing.T) {
	none, err := LoadCurated(fstest.MapFS{})
	if err != nil || none != nil {
		t.Errorf("no data file: %v, %v; want nil, nil", none, err)
	}
	bad := fstest.MapFS{CuratedFile: {Data: []byte(`{"claims":[{"label":"x","quotes":{"000":["a"]}}]}`)}}
	if _, err := LoadCurated(bad); err == nil {
		t.Error("a claim with one source loaded without error")
	}
	broken := fstest.MapFS{CuratedFile: {Data: []byte(`{"claims":[`)}}
	if _, err := LoadCurated(broken); err == nil {
		t.Error("malformed JSON loaded without error")
	}
}
