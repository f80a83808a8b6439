package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/search"
)

// From anywhere, F opens search; a hit opens the reader there with the
// sentence marked, esc returns, and ctrl+o walks back to where the jump
// started.
func TestSearchFlowThroughRoot(t *testing.T) {
	c := fixtureCorpus()
	m := newSearchModel(t, 100, 30, c)
	press(m, "enter") // open the first document in the reader
	before, _ := m.here()
	searchFeed(m, keyMsg("F"))
	if m.focus != focusSearch {
		t.Fatalf("F: focus %v, want search", m.focus)
	}
	for _, r := range "runs 909" { // the border sentence, not the title
		searchFeed(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	requireSize(t, m.render(), 100, 30)
	if s := screen(m); !strings.Contains(s, "909") || !strings.Contains(s, "F search all") && !strings.Contains(s, "open at the hit") {
		t.Fatalf("search screen:\n%s", s)
	}
	searchFeed(m, keyMsg("enter"))
	if m.focus != focusReader || m.reader.mark == nil {
		t.Fatalf("enter: focus %v, mark %v; want the reader with a marked sentence", m.focus, m.reader.mark)
	}
	mark := *m.reader.mark
	if got := c.Docs[mark.Doc].Block(mark.Block).Sentences[mark.Sentence].Text; !strings.Contains(got, "909 km") {
		t.Errorf("marked sentence %q, want the border sentence", got)
	}
	searchFeed(m, keyMsg("ctrl+o"))
	if now, _ := m.here(); now.Doc != before.Doc {
		t.Errorf("ctrl+o went to document %d, want %d", now.Doc, before.Doc)
	}
	searchFeed(m, keyMsg("F"))
	searchFeed(m, keyMsg("esc"))
	if m.focus != focusReader {
		t.Errorf("esc from search: focus %v, want the reader", m.focus)
	}
}

// Esc undoes a search as a whole: after a hit was opened, esc in the
// reader returns to the results, and esc there returns the reader to where
// it was before the search; ctrl+o then returns to the hit.
func TestEscFromSearchReturnsToWhereYouWere(t *testing.T) {
	c := fixtureCorpus()
	m := newSearchModel(t, 100, 30, c)
	press(m, "j", "enter", "j", "j") // the second document in the list, scrolled
	before, _ := m.here()
	searchFeed(m, keyMsg("F"))
	for _, r := range "runs 909" {
		searchFeed(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	searchFeed(m, keyMsg("enter"))
	hit, _ := m.here()
	if hit.Doc == before.Doc {
		t.Fatalf("the hit is in the same document (%d); the test needs another", hit.Doc)
	}
	searchFeed(m, keyMsg("esc"))
	if m.focus != focusSearch {
		t.Fatalf("esc in the reader after a hit: focus %v, want the search results", m.focus)
	}
	searchFeed(m, keyMsg("esc"))
	if now, _ := m.here(); m.focus != focusReader || now != before {
		t.Fatalf("esc in search: focus %v at %+v, want the reader back at %+v", m.focus, now, before)
	}
	searchFeed(m, keyMsg("ctrl+o"))
	if now, _ := m.here(); now.Doc != hit.Doc {
		t.Errorf("ctrl+o after esc went to document %d, want the hit's %d", now.Doc, hit.Doc)
	}
}

// newSearchModel is newTestModel with the search index installed and the
// search input's cursor not blinking (its commands wait, and searchFeed
// would wait for each).
func newSearchModel(t testing.TB, w, h int, c *corpus.Corpus) *Model {
	t.Helper()
	m := newTestModel(t, w, h, c)
	sp := m.searchView
	is := sp.input.Styles()
	is.Cursor.Blink = false
	sp.input.SetStyles(is)
	searchFeed(m, searchIndexMsg{ix: search.New(c.Docs)})
	return m
}

// searchFeed sends msg to the root and routes every message its commands
// produce back to it, search answers included.
func searchFeed(m *Model, msg tea.Msg) {
	_, cmd := m.Update(msg)
	for _, out := range searchCollect(cmd) {
		searchFeed(m, out)
	}
}

// searchFrameModel is the search pane at 100×30 showing the hits of a
// 300-character query on the seeds (matches scattered through long
// sentences: the costliest hit lines).
func searchFrameModel(b *testing.B) *Model {
	c := seedCorpus(b)
	m := newSearchModel(b, 100, 30, c)
	searchFeed(m, keyMsg("F"))
	q := strings.Repeat("the talks in islamabad between iran and the united states ", 6)[:maxQuery]
	for _, r := range q {
		searchFeed(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if sp := m.searchView; sp.res == nil || len(sp.res.Hits) < 20 {
		b.Fatalf("want a screenful of hits for the long query")
	}
	return m
}

// BenchmarkSearchViewNewAnswer is the first frame after an answer: every
// hit line and the preview drawn.
func BenchmarkSearchViewNewAnswer(b *testing.B) {
	m := searchFrameModel(b)
	sp := m.searchView
	for b.Loop() {
		sp.drawn, sp.preview = hitLines{}, previewMemo{}
		_ = m.View()
	}
}

// BenchmarkSearchView is a frame while the answer stays (a blink, a key
// that does not change the query): the hit lines are kept.
func BenchmarkSearchView(b *testing.B) {
	m := searchFrameModel(b)
	for b.Loop() {
		_ = m.View()
	}
}

// Search keeps its query when left and opened again, as the README says;
// ctrl+u clears it, as in a shell's line.
func TestSearchKeepsQueryCtrlUClears(t *testing.T) {
	m := newSearchModel(t, 100, 30, fixtureCorpus())
	searchFeed(m, keyMsg("F"))
	typeText(m, "runs")
	searchFeed(m, keyMsg("esc"))
	if m.focus == focusSearch {
		t.Fatal("esc did not leave search")
	}
	searchFeed(m, keyMsg("F"))
	if got := m.searchView.input.Value(); got != "runs" {
		t.Fatalf("query on coming back = %q, want %q", got, "runs")
	}
	searchFeed(m, keyMsg("ctrl+u"))
	if got := m.searchView.input.Value(); got != "" {
		t.Fatalf("query after ctrl+u = %q, want it empty", got)
	}
}

// Two presses of esc that arrive together (read as alt+esc) act as two
// presses: the first leaves search.
func TestAltEscIsTwoEscapes(t *testing.T) {
	m := newSearchModel(t, 100, 30, fixtureCorpus())
	searchFeed(m, keyMsg("F"))
	if m.focus != focusSearch {
		t.Fatal("F did not open search")
	}
	searchFeed(m, tea.KeyPressMsg{Code: tea.KeyEscape, Mod: tea.ModAlt})
	if m.focus == focusSearch {
		t.Fatal("alt+esc (two presses of esc) did not leave search")
	}
}
