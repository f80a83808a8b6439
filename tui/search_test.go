package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
	"parley/corpus/search"
	"parley/tui/common"
)

// searchDriver runs a search pane alone: commands run synchronously and
// their messages go back to the pane, as the root would route them.
type searchDriver struct {
	t *testing.T
	p *searchPane
}

func newSearchDriver(t *testing.T, c *corpus.Corpus, w, h int) *searchDriver {
	t.Helper()
	d := &searchDriver{t: t, p: newSearchPane(common.New(true))}
	// A blinking cursor's commands wait; the driver would wait for each.
	is := d.p.input.Styles()
	is.Cursor.Blink = false
	d.p.input.SetStyles(is)
	d.p.SetSize(w, h)
	d.run(d.p.activate(-1))
	d.send(searchIndexMsg{ix: search.New(c.Docs)})
	return d
}

// send updates the pane and runs what it asks; it returns the messages
// meant for the root (open, back).
func (d *searchDriver) send(msg tea.Msg) []tea.Msg {
	_, cmd := d.p.Update(msg)
	return append(d.p.TakeNav(), d.run(cmd)...)
}

func (d *searchDriver) run(cmd tea.Cmd) []tea.Msg {
	var out []tea.Msg
	for _, msg := range searchCollect(cmd) {
		switch msg.(type) {
		case searchResultMsg, searchIndexMsg:
			out = append(out, d.send(msg)...)
		default:
			out = append(out, msg)
		}
	}
	return out
}

// searchCollect runs cmd (and the commands of a batch) and returns their
// messages. It waits for each as runCmd does: a search on a loaded
// machine can take longer than any short grace, and a dropped answer
// failed the test.
func searchCollect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		if batch, ok := msg.(tea.BatchMsg); ok {
			var out []tea.Msg
			for _, c := range batch {
				out = append(out, searchCollect(c)...)
			}
			return out
		}
		if msg == nil {
			return nil
		}
		return []tea.Msg{msg}
	case <-time.After(cmdDeadline):
		panic("a command did not return: it waits on a timer (a blink, a tick, a delay); tests must not start one")
	}
}

func (d *searchDriver) typeText(s string) {
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (d *searchDriver) screen() string { return ansi.Strip(d.p.View()) }

func TestSearchPaneFindsAndOpens(t *testing.T) {
	c := fixtureCorpus()
	d := newSearchDriver(t, c, 80, 24)
	if s := d.screen(); !strings.Contains(s, "Talks in Islamabad") || !strings.Contains(s, "Analyst notes") {
		t.Fatalf("an empty query should list the documents:\n%s", s)
	}
	d.typeText("909")
	h, ok := d.p.selected()
	if !ok || !strings.Contains(h.Text, "909 km") {
		t.Fatalf("selected hit for 909 = %+v", h)
	}
	// The preview under the hits names the document by its title.
	if s := d.screen(); !strings.Contains(s, "909 km") || !strings.Contains(s, " A border of 909 km") {
		t.Errorf("view lacks the hit or its document:\n%s", s)
	}
	out := d.send(keyMsg("enter"))
	if len(out) != 1 {
		t.Fatalf("enter sent %v, want one OpenMsg", out)
	}
	open, ok := out[0].(common.OpenMsg)
	if !ok || open.Loc != h.Loc || !open.Highlight {
		t.Fatalf("enter sent %#v, want OpenMsg{%+v, highlight}", out[0], h.Loc)
	}
	if out := d.send(keyMsg("esc")); len(out) != 1 || out[0] != (common.BackMsg{}) {
		t.Errorf("esc sent %v, want BackMsg", out)
	}
}

func TestSearchPaneMovesSelection(t *testing.T) {
	d := newSearchDriver(t, fixtureCorpus(), 80, 8)
	d.typeText("'the")
	n := len(d.p.res.Hits)
	if n < 6 {
		t.Fatalf("want several hits for 'the, got %d", n)
	}
	for range n + 3 {
		d.send(keyMsg("down"))
	}
	if d.p.sel != n-1 {
		t.Errorf("selection %d after moving past the end, want %d", d.p.sel, n-1)
	}
	// The selected hit stays on screen.
	h, _ := d.p.selected()
	if !strings.Contains(d.screen(), ansi.Truncate(h.Text, 20, "")) {
		t.Errorf("selected hit %q not shown:\n%s", h.Text, d.screen())
	}
	d.send(keyMsg("pgup"))
	if d.p.sel != n-1-d.p.rows() {
		t.Errorf("sel %d after a page up from %d, want %d", d.p.sel, n-1, n-1-d.p.rows())
	}
	for range n {
		d.send(tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl})
	}
	if d.p.sel != 0 || d.p.top != 0 {
		t.Errorf("sel %d top %d after going up past the start, want 0 0", d.p.sel, d.p.top)
	}
	d.send(tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	if d.p.sel != 1 {
		t.Errorf("ctrl+n: sel %d, want 1", d.p.sel)
	}
	// Letters are typed, never taken as movement.
	d.typeText("j")
	if d.p.input.Value() != "'thej" {
		t.Errorf("query = %q, want the j typed", d.p.input.Value())
	}
}

// One search runs at a time. Keys typed while it runs cancel it and start
// nothing; its answer, stale, is not shown, and the latest query is
// searched when it comes back. Answers delivered twice are ignored.
func TestSearchPaneOneSearchInFlight(t *testing.T) {
	d := newSearchDriver(t, fixtureCorpus(), 80, 24)
	shown := d.p.res
	_, first := d.p.Update(tea.KeyPressMsg{Code: 'b', Text: "b"})
	_, second := d.p.Update(tea.KeyPressMsg{Code: 'o', Text: "o"})
	_, third := d.p.Update(tea.KeyPressMsg{Code: 'r', Text: "r"})
	stale := searchResults(searchCollect(first))
	if len(stale) != 1 {
		t.Fatalf("the first key ran %d searches, want 1", len(stale))
	}
	if n := len(searchResults(append(searchCollect(second), searchCollect(third)...))); n != 0 {
		t.Fatalf("keys typed while a search runs started %d more", n)
	}
	_, next := d.p.Update(stale[0])
	if d.p.res != shown {
		t.Fatalf("the answer for %q was shown after bor was typed", stale[0].res.Query)
	}
	latest := searchResults(searchCollect(next))
	if len(latest) != 1 {
		t.Fatalf("the stale answer started %d searches, want the latest query's", len(latest))
	}
	d.send(latest[0])
	want := d.p.res
	if want == nil || want.Query != "bor" {
		t.Fatalf("latest answer is for %v, want bor", want)
	}
	// Delivered again, old answers change nothing and start nothing.
	for _, msg := range append(stale, latest...) {
		if _, cmd := d.p.Update(msg); len(searchResults(searchCollect(cmd))) != 0 {
			t.Errorf("a repeated answer started a search")
		}
	}
	if d.p.res != want || d.p.searching() {
		t.Errorf("after repeated answers: shown %q, searching %v", d.p.res.Query, d.p.searching())
	}
	if !strings.Contains(d.screen(), "search: bor") {
		t.Errorf("input lost the query:\n%s", d.screen())
	}
}

// Typing far faster than searches answer (2,000 keys before any answer)
// starts one search, and one more for the latest query when it answers:
// the work never grows with the number of keys. The input stops at
// maxQuery characters.
func TestSearchPaneKeyStormIsBounded(t *testing.T) {
	d := newSearchDriver(t, fixtureCorpus(), 80, 24)
	var cmds []tea.Cmd
	for i := range 2000 {
		r := rune('a' + i%26)
		_, cmd := d.p.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		cmds = append(cmds, cmd)
	}
	if n := len([]rune(d.p.input.Value())); n != maxQuery {
		t.Errorf("the query holds %d characters, want the limit %d", n, maxQuery)
	}
	var answers []searchResultMsg
	for _, cmd := range cmds {
		answers = append(answers, searchResults(searchCollect(cmd))...)
	}
	if len(answers) != 1 {
		t.Fatalf("2,000 keys started %d searches, want 1", len(answers))
	}
	_, next := d.p.Update(answers[0])
	latest := searchResults(searchCollect(next))
	if len(latest) != 1 {
		t.Fatalf("after the first answer %d searches started, want 1", len(latest))
	}
	d.send(latest[0])
	if d.p.res == nil || d.p.res.Query != d.p.input.Value() || d.p.searching() {
		t.Errorf("the answer shown (%v) is not for the query typed (%d characters)", d.p.res, len(d.p.input.Value()))
	}
}

// searchResults keeps the search answers among msgs.
func searchResults(msgs []tea.Msg) []searchResultMsg {
	var out []searchResultMsg
	for _, m := range msgs {
		if r, ok := m.(searchResultMsg); ok {
			out = append(out, r)
		}
	}
	return out
}

func TestSearchPaneScope(t *testing.T) {
	c := fixtureCorpus()
	d := newSearchDriver(t, c, 100, 20)
	d.run(d.p.activate(1)) // the reader shows "A border of 909 km"
	d.typeText("'the")
	all := d.p.res.Total
	d.send(tea.KeyPressMsg{Code: 't', Mod: tea.ModCtrl})
	if !d.p.thisDoc || !strings.Contains(d.screen(), " in A border of 909 km ") {
		t.Fatalf("ctrl+t did not switch to this document:\n%s", d.screen())
	}
	if d.p.res.Total == 0 || d.p.res.Total >= all {
		t.Errorf("this document: %d hits, all documents: %d", d.p.res.Total, all)
	}
	for _, h := range d.p.res.Hits {
		if h.Loc.Doc != 1 {
			t.Errorf("hit in document %d with the scope on document 1", h.Loc.Doc)
		}
	}
	d.send(tea.KeyPressMsg{Code: 't', Mod: tea.ModCtrl})
	if d.p.thisDoc || d.p.res.Total != all {
		t.Errorf("back to all documents: %d hits, want %d", d.p.res.Total, all)
	}
}

func TestSearchPaneSize(t *testing.T) {
	c := fixtureCorpus()
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {40, 10}, {20, 5}, {3, 4}, {1, 1}} {
		d := newSearchDriver(t, c, sz[0], sz[1])
		requireSize(t, d.p.View(), sz[0], sz[1])
		for _, q := range []string{"talks", "人类命运", "'the !iran"} {
			d.p.input.SetValue("")
			d.typeText(q)
			requireSize(t, d.p.View(), sz[0], sz[1])
		}
	}
}

// Marked characters are whole grapheme clusters, measured as the terminal
// does, on accented and CJK text; a match far right scrolls into view.
func TestHighlightText(t *testing.T) {
	mark := lipgloss.NewStyle().Transform(func(s string) string { return "[" + s + "]" })
	plain := lipgloss.NewStyle()
	cases := []struct {
		text  string
		pos   []int
		width int
		want  string
	}{
		{"中国传媒大学", []int{2, 3}, 20, "中国[传媒]大学"},
		{"一二三四五六七八九十传媒", []int{10, 11}, 12, "…十[传媒]"},
		{"Cafe\u0301 noir", []int{3}, 20, "Caf[e\u0301] noir"},
		{"Cafe\u0301 noir", []int{4}, 20, "Caf[e\u0301] noir"},
		{"Türkiye", []int{0, 1, 2}, 20, "[Tür]kiye"},
		// Cut before the match at the start of a word where one is near:
		// forward here, back to "diplomatic" below; a long word or CJK
		// text is cut where the context runs out.
		{"one two three four five six seven eight nine hormuz", []int{45, 46, 47, 48, 49, 50}, 24, "…nine [hormuz]"},
		{"described the meeting as their diplomatic success of the year", []int{42, 43, 44, 45, 46, 47, 48}, 30, "…diplomatic [success] of the …"},
		{"described the meeting as a considerablyunderappreciated success", []int{56, 57, 58, 59, 60, 61, 62}, 30, "…reciated [success]"},
	}
	for _, c := range cases {
		got := ansi.Strip(highlightText(c.text, c.pos, c.width, plain, mark))
		if got != c.want {
			t.Errorf("highlightText(%q, %v, %d) = %q, want %q", c.text, c.pos, c.width, got, c.want)
		}
	}
	// Wherever the cut falls, it is at a word's start when a space is
	// near, and the match stays in view.
	text := "Officials in Islamabad described the meeting as their diplomatic success of the year"
	pos := []int{65, 66, 67, 68, 69, 70, 71}
	for w := 12; w <= 90; w++ {
		got := ansi.Strip(highlightText(text, pos, w, plain, mark))
		if !strings.Contains(got, "[s") {
			t.Errorf("width %d: the match is out of view: %q", w, got)
		}
		if lead, ok := strings.CutPrefix(got, "…"); ok {
			if i := strings.Index(text, strings.TrimSuffix(strings.NewReplacer("[", "", "]", "").Replace(lead), "…")); i > 0 && text[i-1] != ' ' {
				t.Errorf("width %d: cut inside a word: %q", w, got)
			}
		}
	}
	// Without markers the width never exceeds what was given, even when a
	// wide character straddles the edge.
	for w := 1; w < 14; w++ {
		got := highlightText("中国传媒大学 and Genève", []int{1, 2, 12}, w, plain, plain)
		if ansi.StringWidth(got) > w {
			t.Errorf("width %d: drew %d cells: %q", w, ansi.StringWidth(got), ansi.Strip(got))
		}
	}
}

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

// Reached by tab (no activate), the pane still takes typed text.
func TestSearchPaneTypesWithoutActivate(t *testing.T) {
	d := newSearchDriver(t, fixtureCorpus(), 80, 24)
	d.p.input.Blur()
	d.typeText("909")
	if d.p.input.Value() != "909" || d.p.res == nil || d.p.res.Query != "909" {
		t.Fatalf("typing into an unfocused pane: query %q", d.p.input.Value())
	}
}

// A long query matches letters all through long sentences; drawing a hit
// measures and styles only what shows of it, and the plain text drawn is
// the start of the sentence, never wider than asked.
func TestHighlightTextLongSentence(t *testing.T) {
	text := strings.Repeat("the talks in islamabad between iran and the united states ", 200)
	var pos []int
	for i := 0; i < len(text); i += 2 {
		pos = append(pos, i)
	}
	mark := lipgloss.NewStyle().Underline(true)
	for _, w := range []int{1, 10, 60, 200} {
		got := highlightText(text, pos, w, lipgloss.NewStyle(), mark)
		plain := ansi.Strip(got)
		if ansi.StringWidth(plain) > w || !strings.HasPrefix(text, strings.TrimSuffix(plain, "…")) {
			t.Errorf("width %d: drew %q", w, plain)
		}
		if w > 1 && !strings.Contains(got, "\x1b[4") {
			t.Errorf("width %d: no match marked: %q", w, got)
		}
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

// The fast path (styles that are escape sequences only, widths summed)
// draws what measuring and ansi.Truncate draw, on every width.
func TestHighlightRunsMatchesTruncate(t *testing.T) {
	st := common.NewStyles(true)
	fastB, fastH := common.NewPaint(st.Body), common.NewPaint(st.Match)
	if !fastB.Plain || !fastH.Plain {
		t.Fatal("the body and match styles should take the fast path")
	}
	slowB, slowH := fastB, fastH
	slowB.Plain, slowH.Plain = false, false
	cases := []struct {
		text string
		pos  []int
	}{
		{"中国传媒大学 and Genève", []int{1, 2, 12}},
		{"一二三四五六七八九十传媒", []int{10, 11}},
		{"one two three four five six seven eight nine hormuz", []int{45, 46, 47, 48, 49, 50}},
		{"Cafe\u0301 noir", []int{3}},
		{"no match here at all, a longer line than most widths", nil},
		{strings.Repeat("ab ", 40), []int{0, 3, 6, 9, 60, 61, 100}},
	}
	for _, c := range cases {
		for w := 1; w <= 60; w++ {
			fast, fw := highlightRuns(c.text, c.pos, w, fastB, fastH)
			slow, sw := highlightRuns(c.text, c.pos, w, slowB, slowH)
			if ansi.Strip(fast) != ansi.Strip(slow) || fw != sw || fw != ansi.StringWidth(fast) {
				t.Errorf("%q at %d: fast %q (%d), measured %q (%d)", c.text, w, ansi.Strip(fast), fw, ansi.Strip(slow), sw)
			}
		}
	}
}

// A query with "|" typed key by key: "hormuz |" still lists the Hormuz
// hits (a bar with nothing after it is ignored), and "hormuz | geneva"
// lists the sentences naming either place first.
func TestSearchPaneOr(t *testing.T) {
	d := newSearchDriver(t, fixtureCorpus(), 80, 24)
	const q = "hormuz | geneva"
	for i, r := range q {
		d.typeText(string(r))
		if i > 0 && (d.p.res == nil || len(d.p.res.Hits) == 0) {
			t.Fatalf("%q: no hits", q[:i+1])
		}
	}
	if d.p.res.Query != q {
		t.Fatalf("shown answer is for %q, want %q", d.p.res.Query, q)
	}
	var top []string
	for _, h := range d.p.res.Hits[:2] {
		top = append(top, h.Text)
	}
	got := strings.Join(top, " / ")
	if !strings.Contains(got, "Strait of Hormuz") || !strings.Contains(got, "Geneva") {
		t.Errorf("top hits %q, want the Hormuz and the Geneva sentences", got)
	}
	if s := d.screen(); !strings.Contains(s, "Hormuz") || !strings.Contains(s, "Geneva") || !strings.Contains(s, "search: "+q) {
		t.Errorf("view lacks the query or its hits:\n%s", s)
	}
}
