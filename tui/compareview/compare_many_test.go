package compareview

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/tui/common"
)

// manySourcesPane compares over 30 sources of which two speak: the origin
// (0), 9 (the better match) and 5.
func manySourcesPane(t *testing.T, w, h int) *ComparePane {
	t.Helper()
	var docs []*corpus.Document
	for i := range 30 {
		docs = append(docs, fixtureDoc(fmt.Sprintf("%03d", i), fmt.Sprintf("Outlet %d", i), "", "", []string{"The harbour reopened on Monday."}))
	}
	r := compare.Result{Query: "The harbour reopened on Monday.", Origin: 0}
	for i := range docs {
		src := compare.SourceResult{Doc: i, Silent: true}
		switch i {
		case 0:
			src = compare.SourceResult{Doc: i, Origin: true, Matches: []compare.Match{fixtureMatch(docs, i, 0, 0, 9, false, nil)}}
		case 5:
			src = compare.SourceResult{Doc: i, Matches: []compare.Match{fixtureMatch(docs, i, 0, 0, 3, false, nil)}}
		case 9:
			src = compare.SourceResult{Doc: i, Matches: []compare.Match{fixtureMatch(docs, i, 0, 0, 8, false, nil)}}
		}
		r.Sources = append(r.Sources, src)
	}
	p := NewComparePane(common.New(true), NewEngine(docs, nil))
	p.SetSize(w, h)
	p.setResult(r)
	return p
}

// Many silent sources are summed up in one column after the sources that
// speak, which come best first right after the origin.
func TestCompareManySilentCollapse(t *testing.T) {
	p := manySourcesPane(t, 160, 30)
	if want := []int{0, 9, 5, silentCol}; !slices.Equal(p.order, want) {
		t.Fatalf("order %v, want %v", p.order, want)
	}
	v := ansi.Strip(p.View())
	for _, want := range []string{"Outlet 0", "Outlet 9", "Outlet 5", "silent: 27 sources", "Outlet 1\n", "… and 15 more", "27 silent"} {
		if !strings.Contains(v, want) && !strings.Contains(v, strings.TrimSuffix(want, "\n")) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "▸") {
		t.Errorf("everything fits, yet a next page is offered:\n%s", v)
	}
	if s := p.Selected(); s == nil || s.Loc.Doc != 9 {
		t.Errorf("want the best other source selected, got %+v", s)
	}
	// A few silent sources keep a column each when every column fits on
	// one screen; when they would take a page of their own (80 columns:
	// the origin and one more per page) they fold into one column, and a
	// resize lays them out again, keeping the selected statement.
	few := fixturePane(t, 170, 30)
	if len(few.silent) != 0 || len(few.order) != 5 {
		t.Errorf("5 sources at 170 columns: order %v, silent %v", few.order, few.silent)
	}
	sel := few.Selected()
	few.SetSize(80, 24)
	if len(few.silent) != 2 || len(few.order) != 4 || few.order[3] != silentCol {
		t.Errorf("5 sources at 80 columns: order %v, silent %v; want the 2 silent in one column", few.order, few.silent)
	}
	if few.Selected() != sel && (few.Selected() == nil || sel == nil || few.Selected().Loc != sel.Loc) {
		t.Errorf("the resize lost the selected statement: %+v, was %+v", few.Selected(), sel)
	}
	if v := ansi.Strip(few.View()); strings.Count(v, "silent — nothing here") != 0 {
		t.Errorf("folded, yet a silent column of its own is drawn:\n%s", v)
	}
}

// The footer offers sideways paging only where it does something, and on
// the last page the way back rather than on.
func TestCompareFooterPagingKeys(t *testing.T) {
	offersKey := func(p *ComparePane, desc string) bool {
		for _, b := range p.Keys().ShortHelp() {
			if b.Help().Desc == desc {
				return true
			}
		}
		return false
	}
	offers := func(p *ComparePane) bool { return offersKey(p, "more sources") }
	if p := fixturePane(t, 50, 30); !p.stacked() || offers(p) {
		t.Error("stacked layout advertises paging")
	}
	p := fixturePane(t, 80, 24)
	if !offers(p) || offersKey(p, "previous sources") {
		t.Error("80 columns over 5 sources page, yet paging on is not offered first")
	}
	for range 5 {
		p.Update(keyPress("l"))
	}
	if offers(p) || !offersKey(p, "previous sources") {
		t.Error("on the last page the footer still offers more sources, not the way back")
	}
	if p := manySourcesPane(t, 160, 30); offers(p) {
		t.Error("every column fits at 160, yet paging is offered")
	}
}
