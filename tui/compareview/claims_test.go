package compareview

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/tui/common"
)

// fixtureClaims are hand-made claims over fixtureDocs, for a stable golden.
func fixtureClaims(docs []*corpus.Document) []compare.Claim {
	claim := func(label string, curated bool, cover ...int) compare.Claim {
		c := compare.Claim{Label: label, Curated: curated, Coverage: make([]bool, len(docs))}
		for i := range docs {
			src := compare.ClaimSource{Doc: i}
			for _, d := range cover {
				if d == i {
					c.Coverage[i] = true
					b := docs[i].Block(0)
					src.Statements = []compare.Statement{{Loc: corpus.Loc{Doc: i}, Text: b.Sentences[0].Text, Context: b.Text, Curated: curated}}
				}
			}
			c.Sources = append(c.Sources, src)
		}
		return c
	}
	return []compare.Claim{
		claim("Pakistan and Iran share a long border", true, 0, 2, 3),
		claim("Where the talks took place", true, 0, 1, 2, 3, 4),
		claim("border · share · iran", false, 0, 2),
		claim("国境 · 边界 — a label with wide characters that is long enough to be cut", false, 2, 3),
	}
}

func fixtureClaimsPane(t *testing.T, w, h int) *ClaimsPane {
	t.Helper()
	docs := fixtureDocs()
	curated := []compare.CuratedClaim{{Label: "x", Quotes: map[string][]string{"000": {"x"}, "002": {"x"}}}}
	p := NewClaimsPane(common.New(true), NewEngine(docs, curated))
	p.SetSize(w, h)
	p.Load()
	p.Update(ClaimsLoadedMsg{seq: p.seq, claims: fixtureClaims(docs)})
	return p
}

func TestClaimsGolden80x24(t *testing.T) {
	golden.RequireEqual(t, ansi.Strip(fixtureClaimsPane(t, 80, 24).View()))
}

func TestClaimsViewExactSize(t *testing.T) {
	for _, w := range []int{0, 1, 3, 20, 45, 80, 160} {
		for _, h := range []int{0, 1, 2, 3, 4, 5, 24} {
			p := fixtureClaimsPane(t, w, h)
			requirePaneSize(t, p.View(), w, h)
			p.Update(keyPress("G"))
			requirePaneSize(t, p.View(), w, h)
			p.Update(keyPress("/"))
			requirePaneSize(t, p.View(), w, h)
		}
	}
}

func TestClaimsRowsShowCoverage(t *testing.T) {
	p := fixtureClaimsPane(t, 80, 24)
	v := ansi.Strip(p.View())
	for _, want := range []string{"▌●○●●○   curated Pakistan and Iran share a long border", " ●●●●●   curated Where the talks took place", " ●○●○○   found   border", "made by 3: rki.news, CUC / PRCCSF, RCAS", "Claims · 4 claims: 2 shipped, 2 found"} {
		if !strings.Contains(v, want) {
			t.Errorf("claims view lacks %q:\n%s", want, v)
		}
	}
	p.Update(keyPress("j"))
	p.Update(keyPress("j"))
	p.Update(keyPress("j"))
	_, cmd := p.Update(keyPress("enter"))
	msg, ok := cmd().(CompareClaimMsg)
	if !ok || !strings.HasPrefix(msg.claim.Label, "国境") {
		t.Errorf("enter on the fourth claim sent %#v", msg)
	}
}

func TestClaimsTypedQuerySendsCompare(t *testing.T) {
	p := fixtureClaimsPane(t, 80, 24)
	p.Update(keyPress("/"))
	if !p.CapturesInput() {
		t.Fatal("/ did not open the input")
	}
	for _, r := range "21 hours" {
		p.Update(keyPress(string(r)))
	}
	_, cmd := p.Update(keyPress("enter"))
	if msg, ok := cmd().(common.CompareMsg); !ok || msg.Text != "21 hours" || msg.HasFrom {
		t.Errorf("typed query sent %#v", msg)
	}
	if p.CapturesInput() {
		t.Error("the input stayed open after enter")
	}
}

// On the seeds with the real engine: curated claims come first and are
// labelled; enter opens the compare view on the claim; the toggle leaves
// only what the engine finds.
func TestClaimsSeedsCuratedFirstThenCompare(t *testing.T) {
	e, _ := seedsEngine(t)
	curated := e.curatedLayer()
	p := NewClaimsPane(common.New(true), e)
	p.SetSize(100, 30)
	p.Update(p.Load()())
	if len(p.claims) < len(curated) {
		t.Fatalf("%d claims, want at least the %d curated", len(p.claims), len(curated))
	}
	for i := range curated {
		if !p.claims[i].Curated {
			t.Fatalf("claim %d (%q) is not curated; curated claims come first", i, p.claims[i].Label)
		}
	}
	if v := ansi.Strip(p.View()); !strings.Contains(v, "curated "+common.OneLine(curated[0].Label)) {
		t.Errorf("first row is not the first curated claim:\n%s", v)
	}
	_, cmd := p.Update(keyPress("enter"))
	cp := NewComparePane(common.New(true), e)
	cp.SetSize(100, 30)
	_, cmd = cp.Update(cmd())
	feed(cp, cmd)
	if cp.result == nil {
		t.Fatal("no comparison for the claim")
	}
	if v := ansi.Strip(cp.View()); !strings.Contains(v, "claim: "+common.OneLine(curated[0].Label)) {
		t.Errorf("compare view does not name the claim:\n%s", v)
	}

	_, cmd = p.Update(keyPress("e"))
	_, cmd = p.Update(cmd()) // the layer message, as the root passes it back
	p.Update(cmd())
	for _, cl := range p.claims {
		if cl.Curated {
			t.Fatalf("engine only: curated claim %q still listed", cl.Label)
		}
	}
	if v := ansi.Strip(p.View()); !strings.Contains(v, "[engine only]") {
		t.Errorf("engine-only list does not say so:\n%s", v)
	}
}

var _ tea.Msg = CompareClaimMsg{}

// On a corpus of many sources a claim's row is a count, not a mark per
// source, and the marks legend is gone, so the label stays on screen.
func TestClaimsManySourcesShowCounts(t *testing.T) {
	var docs []*corpus.Document
	for i := range 40 {
		docs = append(docs, fixtureDoc(fmt.Sprintf("%03d", i), "", "", "", []string{"Some text."}))
	}
	cov := make([]bool, len(docs))
	cov[1], cov[7], cov[30] = true, true, true
	p := NewClaimsPane(common.New(true), NewEngine(docs, nil))
	p.SetSize(80, 10)
	p.Load()
	p.Update(ClaimsLoadedMsg{seq: p.seq, claims: []compare.Claim{{Label: "a claim made thrice", Coverage: cov}}})
	v := ansi.Strip(p.View())
	if !strings.Contains(v, " 3/40   found   a claim made thrice") {
		t.Errorf("want a count and the label:\n%s", v)
	}
	if strings.Contains(v, "○") || strings.Contains(v, "marks:") {
		t.Errorf("marks drawn for 40 sources:\n%s", v)
	}
}

// The claims index pages with the keys that page the list and the
// reader: space/f/pgdn and b/pgup by a screenful, d/ctrl+d and u/ctrl+u
// by half of one, clamped at either end, the selection always in view.
func TestClaimsPaging(t *testing.T) {
	docs := fixtureDocs()
	var claims []compare.Claim
	for i := range 60 {
		claims = append(claims, compare.Claim{Label: fmt.Sprintf("claim number %02d", i), Coverage: make([]bool, len(docs))})
	}
	p := NewClaimsPane(common.New(true), NewEngine(docs, nil))
	p.SetSize(80, 24)
	p.Load()
	p.Update(ClaimsLoadedMsg{seq: p.seq, claims: claims})
	page := p.listHeight()
	half := page / 2
	if page < 10 {
		t.Fatalf("a page of %d rows", page)
	}
	steps := []struct {
		key  tea.KeyPressMsg
		want int
	}{
		{tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}, page},
		{tea.KeyPressMsg{Code: tea.KeyPgDown}, 2 * page},
		{tea.KeyPressMsg{Code: 'f', Text: "f"}, 59},
		{tea.KeyPressMsg{Code: tea.KeyPgUp}, 59 - page},
		{tea.KeyPressMsg{Code: 'b', Text: "b"}, 59 - 2*page},
		{tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}, 59 - 2*page - half},
		{tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}, 59 - 2*page},
		{tea.KeyPressMsg{Code: 'd', Text: "d"}, 59 - 2*page + half},
		{tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}, 59 - 2*page}, // u undoes here
		{tea.KeyPressMsg{Code: tea.KeyPgUp}, max(59-3*page, 0)},
		{tea.KeyPressMsg{Code: 'g', Text: "g"}, 0},
	}
	for _, s := range steps {
		p.Update(s.key)
		if p.sel != s.want {
			t.Fatalf("%s: selection %d, want %d", s.key, p.sel, s.want)
		}
		v := ansi.Strip(p.View())
		requirePaneSize(t, p.View(), 80, 24)
		if !strings.Contains(v, fmt.Sprintf("▌○○○○○   found   claim number %02d", s.want)) {
			t.Fatalf("%s: claim %d is not shown selected:\n%s", s.key, s.want, v)
		}
	}
}

// The index's header names what it counts: claims, and of them yours,
// the shipped ones and those the engine found.
func TestClaimCounts(t *testing.T) {
	user := compare.Claim{Curated: true, Origin: compare.OriginUser}
	shipped := compare.Claim{Curated: true, Origin: compare.OriginShipped}
	found := compare.Claim{}
	for _, tc := range []struct {
		claims []compare.Claim
		want   string
	}{
		{nil, "0 claims"},
		{[]compare.Claim{found}, "1 claim, all found by the engine"},
		{[]compare.Claim{found, found}, "2 claims, all found by the engine"},
		{[]compare.Claim{user, user, found}, "3 claims: 2 yours, 1 found"},
		{[]compare.Claim{user, user}, "2 claims: 2 yours"},
		{[]compare.Claim{user, shipped, shipped, found}, "4 claims: 1 yours, 2 shipped, 1 found"},
	} {
		if got := claimCounts(tc.claims); got != tc.want {
			t.Errorf("claimCounts = %q, want %q", got, tc.want)
		}
	}
}

// e without a curated layer says so, in the claims index as in the
// compare view, rather than doing nothing.
func TestCuratedKeyWithoutCuratedSaysSo(t *testing.T) {
	docs := fixtureDocs()
	e := NewEngine(docs, nil)
	cl := NewClaimsPane(common.New(true), e)
	cl.SetSize(80, 24)
	cl.Load()
	cl.Update(ClaimsLoadedMsg{seq: cl.seq, claims: []compare.Claim{{Label: "a claim", Coverage: make([]bool, len(docs))}}})
	cp := NewComparePane(common.New(true), e)
	cp.SetSize(80, 24)
	for name, p := range map[string]common.Pane{"claims index": cl, "compare view": cp} {
		_, cmd := p.Update(tea.KeyPressMsg{Code: 'e', Text: "e"})
		if cmd != nil {
			t.Errorf("%s: e asked for a layer change with no curated layer", name)
		}
		if v := ansi.Strip(p.View()); !strings.Contains(v, noCurated) {
			t.Errorf("%s: e without curated claims does not say so:\n%s", name, v)
		}
	}
}

// When claim discovery read only part of a set's sentences (a sample
// spread over its documents), the header says how much; a set read whole
// says nothing of it.
func TestClaimsHeaderSaysPartRead(t *testing.T) {
	docs := fixtureDocs()
	p := NewClaimsPane(common.New(true), NewEngine(docs, nil))
	p.SetSize(200, 10)
	p.Load()
	part := "found in 12,000 of 32,717 sentences, spread over the documents"
	p.Update(ClaimsLoadedMsg{seq: p.seq, claims: fixtureClaims(docs), part: part})
	if v := ansi.Strip(p.View()); !strings.Contains(v, part) {
		t.Errorf("want the part read in the header:\n%s", v)
	}
	ix := p.engine.Index(true)
	if got := partRead(ix); got != "" {
		t.Errorf("a set read whole: %q", got)
	}
	p.Update(ClaimsLoadedMsg{seq: p.seq, claims: fixtureClaims(docs), part: partRead(ix)})
	if v := ansi.Strip(p.View()); strings.Contains(v, "sentences, spread") {
		t.Errorf("a set read whole says it was read in part:\n%s", v)
	}
}

// A claim no open source makes (the user's, quoting files not opened)
// says so, not "made by 0:" with nothing after it.
func TestClaimMadeByNone(t *testing.T) {
	docs := fixtureDocs()
	p := NewClaimsPane(common.New(true), NewEngine(docs, nil))
	p.SetSize(80, 24)
	p.Load()
	p.Update(ClaimsLoadedMsg{seq: p.seq, claims: []compare.Claim{{Label: "Venue", Curated: true, Origin: compare.OriginUser, Coverage: make([]bool, len(docs))}}})
	if v := ansi.Strip(p.View()); !strings.Contains(v, "made by none of the sources open") || strings.Contains(v, "made by 0") {
		t.Fatalf("claims view:\n%s", v)
	}
}
