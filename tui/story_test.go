package tui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"parley/corpus"
	"parley/tui/compareview"
)

// storyFixture is the fixture corpus and a word-for-word copy of its
// border report filed elsewhere: two stories (the talks and the border
// report, with the copy as a duplicate; the analyst's notes alone).
func storyFixture() *corpus.Corpus {
	c := fixtureCorpus()
	cp := *c.Docs[1]
	cp.ID, cp.File, cp.Path = "wire/border", "border.txt", "wire/border.txt"
	c.Docs = append(c.Docs, &cp)
	return c
}

// deliver runs cmd and feeds every message it yields back to the model,
// as the runtime would (the shared helper feeds navigation only).
func deliver(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			deliver(m, c)
		}
	default:
		_, next := m.Update(msg)
		deliver(m, next)
	}
}

// pressAll presses keys, delivering every message their commands yield.
func pressAll(m *Model, keys ...string) {
	for _, k := range keys {
		_, cmd := m.Update(keyMsg(k))
		deliver(m, cmd)
	}
}

// storyModel is a model of storyFixture with its stories found.
func storyModel(t testing.TB, w, h int) *Model {
	t.Helper()
	m := newTestModel(t, w, h, storyFixture())
	deliver(m, findStories(m.corpus.Docs))
	if m.set.Groups == nil {
		t.Fatal("the stories were not installed")
	}
	return m
}

func TestStoryFixtureGroups(t *testing.T) {
	m := storyModel(t, 80, 24)
	g := m.set.Groups
	if len(g.Stories) != 2 || fmt.Sprint(g.Stories[0].Docs) != "[0 1]" || g.DuplicateOf[3] != 1 {
		t.Fatalf("stories %+v, duplicates %v: want talks and border together, the copy a duplicate of border", g.Stories, g.DuplicateOf)
	}
}

func TestTagsMarkAndCount(t *testing.T) {
	m := storyModel(t, 80, 24)
	first := m.list.selected()
	press(m, "space")
	if !m.set.Tags[first] || m.list.selected() == first {
		t.Fatalf("space: tags %v, cursor on %s; want the first tagged and the cursor moved down", m.set.Tags, m.list.selected().ID)
	}
	press(m, "t")
	s := screen(m)
	if !strings.Contains(s, "2 tagged") || strings.Count(s, "\n *A border")+strings.Count(s, "\n┃*A border") != 2 {
		t.Fatalf("two tagged documents must be marked and counted:\n%s", s)
	}
	press(m, "k", "space")
	if len(m.set.Tags) != 1 {
		t.Fatalf("space on a tagged document untags it: %d tagged", len(m.set.Tags))
	}
	press(m, "T")
	if len(m.set.Tags) != 0 || strings.Contains(screen(m), "tagged") {
		t.Fatal("T clears every tag")
	}
	// The list still pages with f.
	press(m, "G", "g", "f")
	if m.list.sel == 0 {
		t.Fatal("f no longer pages the list")
	}
}

func TestScopeRestrictsTheSessionAndWidens(t *testing.T) {
	m := storyModel(t, 80, 24)
	press(m, "g")
	if m.list.selected().ID != "border" {
		t.Fatalf("first in the list: %s", m.list.selected().ID)
	}
	pressAll(m, "&")
	if got := strings.Join(listOrder(m), " "); got != "border talks" {
		t.Fatalf("& on the border report: the list shows %q, want its story (the copy shown once)", got)
	}
	s := screen(m)
	for _, want := range []string{"story: Islamabad · Pakistan · Iran · 2 sources", "also in: wire/border", "& widens"} {
		if !strings.Contains(s, want) {
			t.Errorf("restricted list lacks %q:\n%s", want, s)
		}
	}
	// The marker shows in every pane: in the footer of the reader too.
	press(m, "enter")
	if m.focus != focusReader || !strings.Contains(lastLine(screen(m)), "story: Islamabad") {
		t.Fatalf("the reader's footer does not name the story:\n%s", screen(m))
	}
	// J stays within the story.
	press(m, "J", "J")
	if d := m.reader.doc.ID; d != "border" && d != "talks" {
		t.Fatalf("J left the story for %s", d)
	}
	// The filter counts within the story.
	press(m, "esc", "/")
	typeText(m, "talks")
	press(m, "enter")
	if s := screen(m); !strings.Contains(s, "(1 of 2)") {
		t.Fatalf("a filter in the story counts within it:\n%s", s)
	}
	press(m, "esc")
	pressAll(m, "&")
	if m.set.Scope != nil || len(m.list.shown) != 4 {
		t.Fatalf("& again: scope %v, %d shown; want every document", m.set.Scope, len(m.list.shown))
	}
}

func TestScopeToTheTaggedSet(t *testing.T) {
	m := storyModel(t, 100, 30)
	press(m, "g", "space", "space", "space") // border, its copy, talks (by date)
	pressAll(m, "&")
	if m.set.Scope == nil || m.set.Scope.Story != -1 || fmt.Sprint(m.set.Scope.Sources) != "[0 1]" || len(m.list.shown) != 2 {
		t.Fatalf("& with tags: scope %+v, %d shown; want the tagged, the copy once", m.set.Scope, len(m.list.shown))
	}
	if !strings.Contains(screen(m), "tagged · 2 sources") {
		t.Fatalf("no marker:\n%s", screen(m))
	}
}

func TestGroupedListHeadersAndDuplicates(t *testing.T) {
	m := storyModel(t, 80, 24)
	press(m, "s", "s", "s")
	if m.list.sortBy != byStory {
		t.Fatalf("sort %s", m.list.sortBy)
	}
	if got := strings.Join(listOrder(m), " "); got != "border talks notes" {
		t.Fatalf("grouped order %q: the story of two first, the copy hidden, the lone notes last", got)
	}
	s := screen(m)
	for _, want := range []string{"▾ Islamabad · Pakistan · Iran · 2 sources (+1 copy) · 2026-04-12 – 2026-04-18", "▾ alone in their story · 1 document", "also in: wire/border", "by story"} {
		if !strings.Contains(s, want) {
			t.Errorf("grouped list lacks %q:\n%s", want, s)
		}
	}
	// A click lands on the item drawn under the pointer, headers counted.
	// Lines: header, filter, then a header, border (3), talks (3), a
	// header and notes' title at line 10.
	send(m, tea.MouseClickMsg{Button: tea.MouseLeft, X: 3, Y: 10})
	if m.list.selected().ID != "notes" {
		t.Fatalf("click under the second header selected %s", m.list.selected().ID)
	}
}

// The grouped list keeps the selected item on screen at every size, and
// draws exactly the pane's size.
func TestGroupedListScrollsAtEverySize(t *testing.T) {
	for _, size := range [][2]int{{30, 6}, {40, 8}, {80, 10}, {120, 40}} {
		m := storyModel(t, size[0], size[1])
		press(m, "s", "s", "s")
		for i := 0; i < 4; i++ {
			requireSize(t, m.render(), size[0], size[1])
			if m.list.sel < m.list.top || m.list.sel > m.list.top && m.list.linesFrom(m.list.top, m.list.sel) > m.list.height-2 {
				t.Fatalf("%v: selection %d not on screen (top %d)", size, m.list.sel, m.list.top)
			}
			press(m, "j")
		}
		press(m, "G", "g")
		requireSize(t, m.render(), size[0], size[1])
	}
}

func TestGoldenStoryViews(t *testing.T) {
	flows := []struct {
		name string
		keys []string
	}{
		{"list_grouped", []string{"s", "s", "s"}},
		{"list_story", []string{"&"}},
		{"compare_in_story", []string{"j", "j", "enter", "v", "c"}},
		{"compare_widened", []string{"j", "j", "enter", "v", "c", "w"}},
	}
	for _, s := range [][2]int{{80, 24}, {120, 40}} {
		for _, f := range flows {
			t.Run(fmt.Sprintf("%s_%dx%d", f.name, s[0], s[1]), func(t *testing.T) {
				m := storyModel(t, s[0], s[1])
				pressAll(m, f.keys...)
				requireSize(t, m.render(), s[0], s[1])
				golden.RequireEqual(t, screen(m))
			})
		}
	}
}

func TestCompareWithinTheStoryAndWiden(t *testing.T) {
	m := storyModel(t, 120, 40)
	pressAll(m, "j", "j", "enter", "v", "c") // talks (after border and its copy), its first sentence
	p := m.compareView
	if m.focus != focusCompare || p.Result() == nil {
		t.Fatalf("no comparison: focus %v", m.focus)
	}
	if got := resultDocs(p); got != "[0 1]" {
		t.Fatalf("compared across %s, want the story: talks and border, not the copy or the notes", got)
	}
	if s := screen(m); !strings.Contains(s, "2 sources · w: +1 more · story: Islamabad · Pakistan · Iran") {
		t.Fatalf("the view does not say what it compares:\n%s", s)
	}
	pressAll(m, "w")
	if got := resultDocs(p); got != "[0 1 2]" {
		t.Fatalf("widened to %s, want every document but the copy", got)
	}
	if s := screen(m); !strings.Contains(s, "every document (3) · w: back to the story") {
		t.Fatalf("widened view:\n%s", s)
	}
	pressAll(m, "w")
	if got := resultDocs(p); got != "[0 1]" {
		t.Fatalf("w again: %s", got)
	}
}

// A sentence of the copy is compared as the border report's, which stands
// for it: a text is never compared with its own copy.
func TestCompareFromADuplicate(t *testing.T) {
	m := storyModel(t, 120, 40)
	send(m, openDocMsg{doc: m.corpus.Docs[3]})
	pressAll(m, "v", "c")
	p := m.compareView
	if got := resultDocs(p); got != "[0 1]" || p.Result().Origin != 1 {
		t.Fatalf("compared across %s from %d, want talks and the border report, its origin", got, p.Result().Origin)
	}
}

// A typed query with no story picks the stories that speak to it.
func TestTypedQueryPicksStories(t *testing.T) {
	m := storyModel(t, 120, 40)
	pressAll(m, "C", "/")
	typeText(m, "border between Pakistan and Iran")
	pressAll(m, "enter")
	p := m.compareView
	if m.focus != focusCompare || p.Result() == nil {
		t.Fatalf("focus %v", m.focus)
	}
	if got := resultDocs(p); got != "[0 1]" {
		t.Fatalf("typed query compared across %s, want the border story", got)
	}
	if s := screen(m); !strings.Contains(s, "the story that speaks: Islamabad · Pakistan · Iran") {
		t.Fatalf("the view does not say which story it picked:\n%s", s)
	}
	pressAll(m, "w")
	if got := resultDocs(p); got != "[0 1 2]" || !strings.Contains(screen(m), "every document (3) · w: back to the stories that speak") {
		t.Fatalf("w on a typed query: %s\n%s", got, screen(m))
	}
}

func TestSearchWithinTheStory(t *testing.T) {
	m := storyModel(t, 100, 30)
	deliver(m, buildSearchIndex(m.corpus))
	pressAll(m, "g", "&", "F")
	typeText(m, "searchable")
	sp := m.searchView
	deliver(m, sp.start())
	if sp.res == nil || len(sp.res.Hits) != 0 {
		t.Fatalf("the notes are outside the story, yet searched: %+v", sp.res)
	}
	for range len("searchable") {
		press(m, "backspace")
	}
	typeText(m, "909")
	deliver(m, sp.start())
	if sp.res == nil || len(sp.res.Hits) == 0 {
		t.Fatal("no hit in the story")
	}
	pressAll(m, "enter")
	if m.focus != focusReader || m.reader.doc.ID != "border" {
		t.Fatalf("enter opened %v", m.reader.doc)
	}
}

// The claims index of several stories opens on them; a story's claims
// are found when it is opened, and esc returns to the stories.
func TestClaimsIndexByStory(t *testing.T) {
	m := storyModel(t, 100, 30)
	pressAll(m, "C")
	p := m.claimsIndex
	if !p.OnStories() {
		t.Fatal("the index does not open on the stories")
	}
	s := screen(m)
	for _, want := range []string{"Claims by story", "1 story of two sources or more · 1 document alone", "2 sources", "Islamabad · Pakistan · Iran", "claims found in the 1 story · enter opens it"} {
		if !strings.Contains(s, want) {
			t.Errorf("stories index lacks %q:\n%s", want, s)
		}
	}
	// The count's noun agrees with it ("1 claim", "3 claims").
	row := regexp.MustCompile(`2 sources +(\d+) (claims?) `).FindStringSubmatch(s)
	if row == nil {
		t.Fatalf("no count of claims on the story's row:\n%s", s)
	}
	if n, _ := strconv.Atoi(row[1]); corpus.Plural(n, "claim", "claims") != row[2] {
		t.Errorf("story row says %q %q", row[1], row[2])
	}
	pressAll(m, "enter")
	if p.Story() != 0 || !p.Loaded() {
		t.Fatalf("enter: story %d, loaded %v", p.Story(), p.Loaded())
	}
	if s := screen(m); !strings.Contains(s, "Claims of Islamabad · Pakistan · Iran") {
		t.Fatalf("story claims:\n%s", s)
	}
	for _, c := range p.Claims() {
		for _, src := range c.Sources {
			for _, st := range src.Statements {
				if st.Loc.Doc != 0 && st.Loc.Doc != 1 {
					t.Fatalf("a claim of the story quotes document %d", st.Loc.Doc)
				}
			}
		}
	}
	pressAll(m, "esc")
	if !p.OnStories() || m.focus != focusClaims {
		t.Fatal("esc on a story's claims returns to the stories")
	}
	pressAll(m, "esc")
	if m.focus == focusClaims {
		t.Fatal("esc on the stories leaves the index")
	}
}

// Claims of a story are computed in a command; the view only draws what
// has come back, and says they are being found until then.
func TestStoryClaimsFoundInBackground(t *testing.T) {
	m := newTestModel(t, 100, 30, storyFixture())
	_, cmd := m.Update(findStories(m.corpus.Docs)())
	p := m.claimsIndex
	if _, running := p.StoryClaims(0); cmd == nil || !running {
		t.Fatal("the stories did not start finding the first story's claims")
	}
	press(m, "C")
	if s := screen(m); !strings.Contains(s, "finding claims: 0 of 1 story") || !strings.Contains(s, "…") {
		t.Fatalf("no progress while finding:\n%s", s)
	}
	deliver(m, cmd)
	if found, _ := p.StoryClaims(0); !found {
		t.Fatal("the claims did not arrive")
	}
}

func TestScopeKeysInHelp(t *testing.T) {
	m := storyModel(t, 120, 40)
	press(m, "?")
	var all strings.Builder
	for range 60 {
		all.WriteString(screen(m))
		press(m, "j")
	}
	for _, want := range []string{"& ", "only this story", "space/t", "tag/untag", "untag all", "w widen to every document", "story (grouped)"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the full help never shows %q", want)
		}
	}
}

// No size panics or overflows with stories, tags and a restricted session.
func TestStoryViewsAtEverySize(t *testing.T) {
	m := storyModel(t, 80, 24)
	press(m, "space")
	pressAll(m, "s", "s", "s", "&")
	for w := 1; w <= 100; w += 7 {
		for h := 1; h <= 30; h += 5 {
			send(m, tea.WindowSizeMsg{Width: w, Height: h})
			requireSize(t, m.render(), w, h)
		}
	}
	pressAll(m, "C")
	for w := 1; w <= 100; w += 9 {
		for h := 1; h <= 30; h += 4 {
			send(m, tea.WindowSizeMsg{Width: w, Height: h})
			requireSize(t, m.render(), w, h)
		}
	}
}

func resultDocs(p *compareview.ComparePane) string {
	var ds []int
	for _, s := range p.Result().Sources {
		ds = append(ds, s.Doc)
	}
	return fmt.Sprint(ds)
}
