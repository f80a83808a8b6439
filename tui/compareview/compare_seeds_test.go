package compareview

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/seeds"
	"parley/tui/common"
)

// Tests of the compare view on the embedded seeds with the real engine and
// the curated layer: what a user sees, not a fixture.

// seedsEngine is the real engine over the embedded seeds, with their
// curated layer.
func seedsEngine(tb testing.TB) (*Engine, []*corpus.Document) {
	tb.Helper()
	c, err := corpus.LoadSeeds()
	if err != nil {
		tb.Fatal(err)
	}
	curated, err := compare.LoadCurated(seeds.FS)
	if err != nil {
		tb.Fatal(err)
	}
	return NewEngine(c.Docs, curated), c.Docs
}

// seedsPane is a compare pane over the embedded seeds with the real
// engine and the curated layer.
func seedsPane(t *testing.T) (*ComparePane, []*corpus.Document) {
	t.Helper()
	e, docs := seedsEngine(t)
	p := NewComparePane(common.New(true), e)
	p.SetSize(120, 40)
	return p, docs
}

// quoteLoc is the one sentence of the seed with prefix that holds quote.
func quoteLoc(t *testing.T, docs []*corpus.Document, prefix, quote string) corpus.Loc {
	t.Helper()
	locs := compare.ResolveQuote(docs, compare.DocByPrefix(docs, prefix), quote)
	if len(locs) != 1 {
		t.Fatalf("%s %q resolves to %v", prefix, quote, locs)
	}
	return locs[0]
}

// run feeds a command's message back into the pane, as the runtime does.
func feed(p *ComparePane, cmd tea.Cmd) {
	if cmd != nil {
		p.Update(cmd())
	}
}

func TestCompareSeedsBorderOpensTheOtherSource(t *testing.T) {
	p, docs := seedsPane(t)
	from := quoteLoc(t, docs, "000", "Pakistan and Iran share more than 900 kilometers of border")
	want := quoteLoc(t, docs, "002", "It shares a 909 km long border with Iran")
	text := docs[from.Doc].Block(from.Block).Sentences[from.Sentence].Text
	_, cmd := p.Update(common.CompareMsg{Text: text, From: from, HasFrom: true})
	feed(p, cmd)
	if p.result == nil {
		t.Fatal("no result")
	}
	found := false
	for i := range p.stmts {
		p.setSel(i)
		if m := p.Selected(); m.Loc == want {
			found = true
			break
		}
	}
	if !found {
		t.Fatalf("002's border sentence is not among its statements:\n%s", ansi.Strip(p.View()))
	}
	p.Update(keyPress("enter"))
	if nav := p.TakeNav(); len(nav) != 1 {
		t.Errorf("enter sent %v, want one OpenMsg", nav)
	} else if msg, ok := nav[0].(common.OpenMsg); !ok || msg.Loc != want {
		t.Errorf("enter sent %#v, want OpenMsg at %+v", nav[0], want)
	}
	if v := ansi.Strip(p.View()); !strings.Contains(v, "909 km") {
		t.Errorf("view lacks 002's sentence:\n%s", v)
	}
}

func TestCompareSeedsCuratedToggle(t *testing.T) {
	p, docs := seedsPane(t)
	from := quoteLoc(t, docs, "000", "The 21 hours of negotiation were important")
	text := docs[from.Doc].Block(from.Block).Sentences[from.Sentence].Text
	_, cmd := p.Update(common.CompareMsg{Text: text, From: from, HasFrom: true})
	feed(p, cmd)
	curated := countCurated(p.result)
	if curated == 0 {
		t.Errorf("curated layer on: no statement is marked curated:\n%s", ansi.Strip(p.View()))
	}
	if v := ansi.Strip(p.View()); curated > 0 && !strings.Contains(v, "curated") {
		t.Errorf("curated statements are not labelled curated:\n%s", v)
	}
	_, cmd = p.Update(keyPress("e"))
	_, cmd = p.Update(cmd()) // the layer message, as the root passes it back
	feed(p, cmd)
	if n := countCurated(p.result); n != 0 {
		t.Errorf("engine only: %d statements still marked curated", n)
	}
	if p.result.Claim != nil && p.result.Claim.Curated {
		t.Error("engine only: the result still names a curated claim")
	}
}

func countCurated(r *compare.Result) int {
	n := 0
	for _, s := range r.Sources {
		for _, m := range s.Matches {
			if m.Curated {
				n++
			}
		}
	}
	return n
}

// BenchmarkCompareView measures one redraw of the compare view on the
// seeds: View wraps and styles the visible statements each frame, so it
// must stay far below a frame's budget.
func BenchmarkCompareView(b *testing.B) {
	e, _ := seedsEngine(b)
	p := NewComparePane(common.New(true), e)
	p.SetSize(160, 48)
	_, cmd := p.Update(common.CompareMsg{Text: "Pakistan and Iran share more than 900 kilometers of border"})
	p.Update(cmd())
	b.ResetTimer()
	for b.Loop() {
		_ = p.View()
	}
}

// BenchmarkCompareSeeds measures one comparison on the seeds once the
// index is built, as the pane's command runs it.
func BenchmarkCompareSeeds(b *testing.B) {
	e, _ := seedsEngine(b)
	cmd := runCompare(e, 1, compareQuery{text: "the 21 hours of negotiation", top: compareTop})
	cmd()
	b.ResetTimer()
	for b.Loop() {
		cmd()
	}
}
