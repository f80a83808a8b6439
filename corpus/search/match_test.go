package search

import (
	"context"
	"slices"
	"strings"
	"testing"

	"parley/corpus"
)

// mkdoc builds a document by hand: a title and one block per sentence
// group; a group starting with "# " is a heading opening a new section.
func mkdoc(title string, groups ...string) *corpus.Document {
	d := &corpus.Document{ID: title, File: title + ".txt", Path: "dir/" + title + ".txt", Title: title}
	d.Sections = []corpus.Section{{}}
	for _, g := range groups {
		if h, ok := strings.CutPrefix(g, "# "); ok {
			d.Sections = append(d.Sections, corpus.Section{Heading: h})
			continue
		}
		b := corpus.Block{Kind: corpus.Paragraph, Text: g}
		for _, s := range strings.Split(g, "|") {
			start := strings.Index(b.Text, s)
			b.Sentences = append(b.Sentences, corpus.Sentence{Text: s, Start: start, End: start + len(s)})
		}
		sec := &d.Sections[len(d.Sections)-1]
		sec.Blocks = append(sec.Blocks, b)
	}
	return d
}

func hitsOf(t *testing.T, ix *Index, q string) []Hit {
	t.Helper()
	res, err := ix.Search(context.Background(), q, Options{Doc: -1})
	if err != nil {
		t.Fatal(err)
	}
	return res.Hits
}

// marked returns the characters at a hit's positions.
func marked(h Hit) string {
	r := []rune(h.Text)
	var b strings.Builder
	for _, p := range h.Positions {
		b.WriteRune(r[p])
	}
	return b.String()
}

func TestPositionsAreRuneIndexes(t *testing.T) {
	ix := New([]*corpus.Document{
		mkdoc("cjk", "中国传媒大学的研究院在北京。", "Antalya, Türkiye, is the next stop.", "Le café crème à Genève coûte cher."),
		// Documents are read in NFC (corpus.decodeText); a query typed
		// with a combining accent is put in NFC too.
		mkdoc("decomposed", "Caf\u00e9 society in Montr\u00e9al."),
		mkdoc("accents", "The façade of the Ünïcödé building.", "A facade of calm.",
			"Łódź and Øresund, then İstanbul.", "The façade at 中国传媒大学."),
	})
	cases := []struct{ q, text, want string }{
		{"传媒", "中国传媒大学的研究院在北京。", "传媒"},
		{"研究北京", "中国传媒大学的研究院在北京。", "研究北京"},
		{"türkiye", "Antalya, Türkiye, is the next stop.", "Türkiye"},
		{"TÜR", "Antalya, Türkiye, is the next stop.", ""}, // smart case: no upper-case ÜR in the text
		{"'genève", "Le café crème à Genève coûte cher.", "Genève"},
		{"^le crème", "Le café crème à Genève coûte cher.", "Lecrème"},
		{"cher.$", "Le café crème à Genève coûte cher.", "cher."},
		{"coûte", "Le café crème à Genève coûte cher.", "coûte"},
		{"'montre\u0301al", "Caf\u00e9 society in Montr\u00e9al.", "Montr\u00e9al"},
		// Accents fold unless the term has one (fzf's rule).
		{"turkiye", "Antalya, Türkiye, is the next stop.", "Türkiye"},
		{"Turkiye", "Antalya, Türkiye, is the next stop.", "Türkiye"},
		{"TUR", "Antalya, Türkiye, is the next stop.", ""},
		{"tûrkiye", "Antalya, Türkiye, is the next stop.", ""},
		{"'geneve", "Le café crème à Genève coûte cher.", "Genève"},
		{"coute", "Le café crème à Genève coûte cher.", "coûte"},
		{"^le creme", "Le café crème à Genève coûte cher.", "Lecrème"},
		{"facade", "The façade of the Ünïcödé building.", "façade"},
		{"façade", "The façade of the Ünïcödé building.", "façade"},
		{"façade", "A facade of calm.", ""},
		{"facade", "A facade of calm.", "facade"},
		{"unicode", "The façade of the Ünïcödé building.", "Ünïcödé"},
		{"ünï", "The façade of the Ünïcödé building.", "Ünï"},
		{"lodz", "Łódź and Øresund, then İstanbul.", "Łódź"},
		{"oresund istanbul", "Łódź and Øresund, then İstanbul.", "Øresundİstanbul"},
		{"中国 facade", "The façade at 中国传媒大学.", "façade中国"},
	}
	for _, c := range cases {
		hits := hitsOf(t, ix, c.q)
		var found *Hit
		for i := range hits {
			if hits[i].Text == c.text {
				found = &hits[i]
			}
		}
		if c.want == "" {
			if found != nil {
				t.Errorf("%q matched %q at %v", c.q, c.text, found.Positions)
			}
			continue
		}
		if found == nil {
			t.Errorf("%q did not find %q", c.q, c.text)
			continue
		}
		if got := marked(*found); got != c.want {
			t.Errorf("%q marks %q (positions %v), want %q", c.q, got, found.Positions, c.want)
		}
		if !slices.IsSorted(found.Positions) {
			t.Errorf("%q: positions %v not ascending", c.q, found.Positions)
		}
	}
}

func TestSyntax(t *testing.T) {
	ix := New([]*corpus.Document{mkdoc("syntax",
		"Peace talks resume in Islamabad.",
		"The talks stalled.",
		"Islamabad hosts the peace talks",
		"Parks and palaces.",
		"PEACE IN OUR TIME",
	)})
	texts := func(q string) []string {
		var out []string
		for _, h := range hitsOf(t, ix, q) {
			if h.Kind == Sentence {
				out = append(out, h.Text)
			}
		}
		slices.Sort(out)
		return out
	}
	cases := []struct {
		q    string
		want []string
	}{
		{"pks", []string{"Islamabad hosts the peace talks", "Parks and palaces.", "Peace talks resume in Islamabad."}},
		{"'talks", []string{"Islamabad hosts the peace talks", "Peace talks resume in Islamabad.", "The talks stalled."}},
		{"^the", []string{"The talks stalled."}},
		{"talks$", []string{"Islamabad hosts the peace talks"}},
		{"^the talks stalled.$", []string{"The talks stalled."}},
		{"^peace", []string{"PEACE IN OUR TIME", "Peace talks resume in Islamabad."}},
		{"^Peace", []string{"Peace talks resume in Islamabad."}}, // smart case
		{"PEACE", []string{"PEACE IN OUR TIME"}},
		{"peace !islamabad", []string{"PEACE IN OUR TIME"}},
		{"peace !'islamabad", []string{"PEACE IN OUR TIME"}},
		{"'talks !^the", []string{"Islamabad hosts the peace talks", "Peace talks resume in Islamabad."}},
		{"'talks !talks$", []string{"Peace talks resume in Islamabad.", "The talks stalled."}},
		{`'the\ peace`, []string{"Islamabad hosts the peace talks"}},
		{"'zebra", nil},
	}
	for _, c := range cases {
		if got := texts(c.q); !slices.Equal(got, c.want) {
			t.Errorf("%q matched %q, want %q", c.q, got, c.want)
		}
	}
}

func TestTieBreaks(t *testing.T) {
	ix := New([]*corpus.Document{
		mkdoc("alpha", "beta gamma delta epsilon", "# beta gamma delta epsilon", "beta gamma delta epsilon", "beta gamma delta epsilon zeta"),
		mkdoc("beta gamma delta epsilon"),
	})
	hits := hitsOf(t, ix, "'beta")
	var got []string
	for _, h := range hits {
		got = append(got, h.Kind.String()+"@"+ix.docs[h.Loc.Doc].ID)
	}
	// The title and the heading outscore nothing here (equal text, equal
	// score) but rank first; the longer sentence ranks last; equal
	// sentences keep document order.
	want := []string{"title@beta gamma delta epsilon", "heading@alpha", "sentence@alpha", "sentence@alpha", "sentence@alpha"}
	if !slices.Equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	if hits[2].Loc.Block != 0 || hits[3].Loc.Block != 1 || !strings.HasSuffix(hits[4].Text, "zeta") {
		t.Errorf("sentences out of order: %+v", hits[2:])
	}
	// The heading opens its section's first block.
	if hits[1].Loc.Block != 1 || hits[1].Loc.Sentence != -1 {
		t.Errorf("heading Loc = %+v, want block 1, sentence -1", hits[1].Loc)
	}
}

func TestTitleCarriesOutletAndAuthor(t *testing.T) {
	d := mkdoc("Talks in Lucerne", "Body text.")
	d.Outlet, d.Author = "The News", "Omar Quraishi"
	ix := New([]*corpus.Document{d})
	hits := hitsOf(t, ix, "quraishi")
	if len(hits) != 1 || hits[0].Kind != Title || hits[0].Text != "Talks in Lucerne · The News · Omar Quraishi" {
		t.Fatalf("hits = %+v", hits)
	}
}

func TestNULNeverPanics(t *testing.T) {
	ix := New([]*corpus.Document{mkdoc("nul", "before\x00after the NUL", "\x00", "plain after")})
	for _, q := range []string{"after", "bef", "\x00", "'after", "a\x00b", "nul"} {
		res, err := ix.Search(context.Background(), q, Options{Doc: -1})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			for _, p := range h.Positions {
				if p < 0 || p >= len([]rune(h.Text)) {
					t.Fatalf("%q: position %d outside %q", q, p, h.Text)
				}
			}
		}
	}
	if got := len(hitsOf(t, ix, "after")); got != 2 {
		t.Errorf("after: %d hits, want both sentences that hold it", got)
	}
}

// TestFirstOccurrenceFromLeftmostEnd checks that a term's first
// occurrence, looked for only from where the leftmost match of its runes
// ends, is the one strings.Index finds in the whole text.
func TestFirstOccurrenceFromLeftmostEnd(t *testing.T) {
	texts := []string{
		"the prime minister", "prim prime", "primeprime", "p r i m e prime", "mississippi",
		"ministers met the minister", "émile et émilie", "aaaa", "abcabcab", "prime",
	}
	pats := []string{"prime", "pr", "minister", "ssi", "issi", "émil", "aa", "abcab", "e", "é"}
	for _, s := range texts {
		for _, p := range pats {
			tm := parseQuery(p).terms[0]
			end, ok := subseqFrom(s, 0, tm.folded, tm.ascii)
			if !ok {
				continue
			}
			if got, want := tm.firstOccurrence(s, end), strings.Index(s, tm.folded); got != want {
				t.Errorf("%q in %q: %d, want %d", p, s, got, want)
			}
		}
	}
}
