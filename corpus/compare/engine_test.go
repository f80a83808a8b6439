package compare

import (
	"reflect"
	"strings"
	"testing"

	"parley/corpus"
	"parley/seeds"
)

// locOf finds the sentence of document prefix that contains fragment.
func locOf(t *testing.T, docs []*corpus.Document, prefix, fragment string) corpus.Loc {
	t.Helper()
	locs := ResolveQuote(docs, DocByPrefix(docs, prefix), fragment)
	if len(locs) == 0 {
		t.Fatalf("%s: no sentence contains %q", prefix, fragment)
	}
	return locs[0]
}

// The border sentences of 000 and 002 say the same thing in different
// words and numbers: comparing one finds the other first, and their
// lengths are marked compatible.
func TestBorderSentencesAlign(t *testing.T) {
	docs := seedDocs(t)
	ix := Build(docs, Options{EngineOnly: true})
	from := locOf(t, docs, "000", "more than 900 kilometers of border")
	want := locOf(t, docs, "002", "909 km long border")
	r := ix.CompareLoc(from, QueryOptions{Top: 3})
	if r.Origin != from.Doc {
		t.Fatalf("origin = %d, want %d", r.Origin, from.Doc)
	}
	origin := r.Sources[from.Doc]
	if !origin.Origin || len(origin.Matches) == 0 || origin.Matches[0].Loc != from {
		t.Fatalf("the origin's own sentence is not listed first: %+v", origin)
	}
	src := r.Sources[want.Doc]
	if src.Silent || len(src.Matches) == 0 || src.Matches[0].Loc != want {
		t.Fatalf("002 best match = %+v, want the 909 km sentence at %v", src.Matches, want)
	}
	var rel Relation
	for _, f := range src.Matches[0].Facts {
		if f.Kind == KindLength {
			rel = f.Relation
		}
	}
	if rel != Compatible {
		t.Errorf("909 km vs more than 900 kilometers: %q, want compatible", rel)
	}
	if !slicesContainsFold(src.Matches[0].Shared, "border") {
		t.Errorf("shared terms %v lack border", src.Matches[0].Shared)
	}
	for _, sp := range src.Matches[0].Spans {
		if sp.Start < 0 || sp.End > len(src.Matches[0].Text) || sp.Start >= sp.End {
			t.Errorf("bad span %v", sp)
		}
	}
	// And the other way round.
	back := ix.CompareLoc(want, QueryOptions{Top: 3})
	if m := back.Sources[from.Doc].Matches; len(m) == 0 || m[0].Loc != from {
		t.Errorf("from 002, 000's best = %+v, want %v", m, from)
	}
}

func slicesContainsFold(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// A typed query that matches one sentence's words verbatim finds its
// document as the origin; a query no source speaks to leaves every source
// silent rather than showing its best junk.
func TestCompareOriginAndSilence(t *testing.T) {
	docs := seedDocs(t)
	ix := Build(docs, Options{EngineOnly: true})
	loc := locOf(t, docs, "000", "The 21 hours of negotiation were important")
	text := docs[loc.Doc].Block(loc.Block).Sentences[loc.Sentence].Text
	r := ix.Compare("  "+strings.ToUpper(text)+"\n", QueryOptions{})
	if r.Origin != loc.Doc {
		t.Errorf("origin = %d, want %d", r.Origin, loc.Doc)
	}
	other := locOf(t, docs, "002", "21 hours long and intense negotiations")
	if m := r.Sources[other.Doc].Matches; len(m) == 0 || m[0].Loc != other {
		t.Errorf("002 best = %+v, want the 21 hours sentence", m)
	}
	none := ix.Compare("penguins migrate across the Antarctic ice shelf every winter", QueryOptions{})
	for _, s := range none.Sources {
		if !s.Silent || len(s.Matches) != 0 {
			t.Errorf("doc %d speaks to an unrelated query: %+v", s.Doc, s.Matches)
		}
	}
}

// Aliases let "America" meet "the United States" and "backchannel" meet
// "back-channel".
func TestAliases(t *testing.T) {
	keys := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, tm := range analyze(s) {
			m[tm.Key] = true
		}
		return m
	}
	for _, pair := range [][2]string{
		{"America", "the United States"}, {"U.S.", "Washington"}, {"US", "American"},
		{"Tehran", "Iranian"}, {"Turkey", "Türkiye"}, {"back-channel", "backchannel"}, {"kilometers", "km"},
	} {
		a, b := keys(pair[0]), keys(pair[1])
		shared := false
		for k := range a {
			shared = shared || b[k]
		}
		if !shared {
			t.Errorf("%q and %q share no term: %v / %v", pair[0], pair[1], a, b)
		}
	}
	if keys("tell us")["usa"] {
		t.Error("the pronoun us read as the United States")
	}
}

func TestClaimsDeterministicAndCovered(t *testing.T) {
	docs := seedDocs(t)
	a := Build(docs, Options{EngineOnly: true}).Claims()
	b := Build(seedDocs(t), Options{EngineOnly: true}).Claims()
	if len(a) == 0 {
		t.Fatal("no claims discovered in the seeds")
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatal("claims differ between two builds of the same corpus")
	}
	for _, c := range a {
		if c.Curated {
			t.Errorf("engine-only claims hold a curated one: %q", c.Label)
		}
		if c.Covered() < 2 {
			t.Errorf("claim %q covered by %d sources", c.Label, c.Covered())
		}
		if c.Label == "" || len(c.Terms) == 0 {
			t.Errorf("claim without label or terms: %+v", c)
		}
	}
	// The 21 hours are one of the discovered claims, joining 000 and 002.
	h0 := locOf(t, docs, "000", "The 21 hours of negotiation")
	h2 := locOf(t, docs, "002", "21 hours long and intense negotiations")
	found := false
	for _, c := range a {
		if hasStatement(c, h0) && hasStatement(c, h2) {
			found = true
		}
	}
	if !found {
		t.Error("no discovered claim joins the two 21-hours sentences")
	}
}

func hasStatement(c Claim, l corpus.Loc) bool {
	for _, s := range c.Sources {
		for _, st := range s.Statements {
			if st.Loc == l {
				return true
			}
		}
	}
	return false
}

func TestCuratedLayer(t *testing.T) {
	cc, err := LoadCurated(seeds.FS)
	if err != nil || len(cc) == 0 {
		t.Skipf("no curated claims (%v)", err)
	}
	docs := seedDocs(t)
	ix := Build(docs, Options{Curated: cc})
	claims := ix.Claims()
	for i := range cc {
		if !claims[i].Curated || claims[i].Label != cc[i].Label {
			t.Fatalf("claim %d = %q (curated %v), want curated %q first", i, claims[i].Label, claims[i].Curated, cc[i].Label)
		}
	}
	if missing := ix.MissingQuotes(); len(missing) > 0 {
		t.Errorf("curated quotes matching no sentence: %v", missing)
	}
	// Comparing a curated quote lists the claim's quotes of the other
	// sources first, flagged curated; engine-only drops them.
	c := claims[0]
	var from corpus.Loc
	for _, s := range c.Sources {
		if len(s.Statements) > 0 {
			from = s.Statements[0].Loc
			break
		}
	}
	r := ix.CompareLoc(from, QueryOptions{Top: 3})
	if r.Claim == nil || r.Claim.Label != c.Label {
		t.Fatalf("result claim = %v, want %q", r.Claim, c.Label)
	}
	for _, s := range c.Sources {
		if len(s.Statements) == 0 || s.Doc == from.Doc {
			continue
		}
		m := r.Sources[s.Doc].Matches
		if len(m) == 0 || !m[0].Curated {
			t.Errorf("doc %d: first match %+v is not the curated quote", s.Doc, m)
		}
	}
	for _, cl := range Build(docs, Options{Curated: cc, EngineOnly: true}).Claims() {
		if cl.Curated {
			t.Fatal("EngineOnly kept a curated claim")
		}
	}
}

func TestEdgeCases(t *testing.T) {
	empty := Build(nil, Options{})
	if r := empty.Compare("anything at all", QueryOptions{}); len(r.Sources) != 0 || r.Origin != -1 {
		t.Errorf("empty corpus: %+v", r)
	}
	if c := empty.Claims(); len(c) != 0 {
		t.Errorf("empty corpus claims: %v", c)
	}
	docs := seedDocs(t)
	ix := Build(docs, Options{})
	for _, q := range []string{"", "   ", "the of and", "\x00\x1b[31m", strings.Repeat("border ", 5000)} {
		r := ix.Compare(q, QueryOptions{Top: 2})
		if len(r.Sources) != len(docs) {
			t.Errorf("%q: %d sources", q[:min(len(q), 20)], len(r.Sources))
		}
	}
	if r := ix.CompareLoc(corpus.Loc{Doc: 99, Block: 0, Sentence: 0}, QueryOptions{}); r.Origin != -1 || len(r.Sources) != 0 {
		t.Errorf("bad loc: %+v", r)
	}
	// A one-document corpus has no claims (a claim needs two sources).
	if c := Build(docs[:1], Options{EngineOnly: true}).Claims(); len(c) != 0 {
		t.Errorf("one document, %d claims", len(c))
	}
}

// The TUI compares in commands running beside each other on one index.
func TestConcurrentUse(t *testing.T) {
	docs := seedDocs(t)
	ix := Build(docs, Options{})
	want := ix.Compare("Pakistan and Iran share a long border", QueryOptions{Top: 2})
	done := make(chan Result)
	for range 4 {
		go func() {
			ix.Claims()
			done <- ix.Compare("Pakistan and Iran share a long border", QueryOptions{Top: 2})
		}()
	}
	for range 4 {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Error("concurrent compare differs")
		}
	}
}
