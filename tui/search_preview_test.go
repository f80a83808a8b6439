package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
)

// searchTyped opens search on m and types q, delivering every answer.
func searchTyped(m *Model, q string) *searchPane {
	press(m, "F")
	for _, r := range q {
		searchFeed(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m.searchView
}

// The preview shows the selected hit in its paragraph under the
// document's title: beside the hits from 100 columns, below them on a
// narrower terminal; the view is exactly the window's size.
func TestSearchPreviewGolden(t *testing.T) {
	for _, s := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", s[0], s[1]), func(t *testing.T) {
			m := newSearchModel(t, s[0], s[1], fixtureCorpus())
			p := searchTyped(m, "border")
			searchFeed(m, keyMsg("down"))
			p.took = 0 // the time a search took changes from run to run
			requireSize(t, m.render(), s[0], s[1])
			golden.RequireEqual(t, screen(m))
		})
	}
}

// Moving through the hits updates the preview without opening anything.
func TestSearchPreviewFollowsTheCursor(t *testing.T) {
	m := newSearchModel(t, 120, 30, fixtureCorpus())
	p := searchTyped(m, "'islamabad")
	seen := map[string]bool{}
	for i := 0; i < len(p.hits()); i++ {
		h, _ := p.selected()
		sc := screen(m)
		d := p.ix.Docs()[h.Loc.Doc]
		if !strings.Contains(sc, "│ "+d.Title) {
			t.Errorf("hit %d (%s): the preview does not show its document's title:\n%s", i, d.Title, sc)
		}
		if h.Kind == 2 && !strings.Contains(sc, strings.Fields(h.Text)[0]) {
			t.Errorf("hit %d: the preview lacks its sentence %q", i, h.Text)
		}
		seen[d.Title] = true
		searchFeed(m, keyMsg("down"))
		if m.focus != focusSearch {
			t.Fatalf("moving opened something: focus %v", m.focus)
		}
	}
	if len(seen) < 2 {
		t.Errorf("the hits span %d documents; the test needs two", len(seen))
	}
}

// Past the best searchLimit hits, moving down loads more, keeping the
// order and the selection; the status line says more come.
func TestSearchPagesPastTheLimit(t *testing.T) {
	m := newSearchModel(t, 100, 30, manyDocs(150)) // 450 targets
	p := searchTyped(m, "'a")
	if p.res.Total <= searchLimit || len(p.hits()) != searchLimit {
		t.Fatalf("%d hits of %d; the test needs more than %d", len(p.hits()), p.res.Total, searchLimit)
	}
	if !strings.Contains(screen(m), fmt.Sprintf("best %d shown, more as you move down", searchLimit)) {
		t.Errorf("the status line does not say more come:\n%s", screen(m))
	}
	first := p.hits()[:searchLimit:searchLimit]
	for i := 0; i < 3 && len(p.hits()) < p.res.Total; i++ {
		searchFeed(m, keyMsg("pgdown"))
		for p.sel < len(p.hits())-1 && len(p.hits()) == searchLimit*(i+1) {
			searchFeed(m, keyMsg("pgdown"))
		}
	}
	if len(p.hits()) != p.res.Total {
		t.Fatalf("after paging down: %d hits of %d", len(p.hits()), p.res.Total)
	}
	for i, h := range first {
		if p.hits()[i].Loc != h.Loc {
			t.Fatalf("hit %d moved when more were loaded", i)
		}
	}
	searchFeed(m, keyMsg("end"))
	for range p.res.Total {
		searchFeed(m, keyMsg("down"))
	}
	if h, ok := p.selected(); !ok || p.sel != p.res.Total-1 {
		t.Errorf("the last hit cannot be reached: selected %d of %d (%v)", p.sel, p.res.Total, h)
	}
	if strings.Contains(screen(m), "more as you move down") {
		t.Errorf("every hit is loaded, yet the status line says more come")
	}
}

// ctrl+t names the document it restricts the search to.
func TestSearchScopeNamesTheDocument(t *testing.T) {
	for _, w := range []int{40, 80, 120} {
		m := newSearchModel(t, w, 24, fixtureCorpus())
		press(m, "j", "enter") // the reader on "Talks in Islamabad"
		searchTyped(m, "talks")
		searchFeed(m, tea.KeyPressMsg{Code: 't', Mod: tea.ModCtrl})
		first := strings.SplitN(screen(m), "\n", 2)[0]
		want := " in Talks in Islamabad "
		if w < 80 {
			want = " in Talks"
		}
		if !strings.Contains(first, want) {
			t.Errorf("at %d columns, ctrl+t: the input line %q does not name the document", w, first)
		}
		requireSize(t, m.render(), w, 24)
	}
}
