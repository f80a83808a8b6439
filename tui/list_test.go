package tui

import (
	"cmp"
	"image/color"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
	"parley/tui/common"
)

func listOrder(m *Model) []string {
	var ids []string
	for _, i := range m.list.shown {
		ids = append(ids, m.list.docs[i].ID)
	}
	return ids
}

func TestListSortCycles(t *testing.T) {
	m := newTestModel(t, 80, 24, fixtureCorpus())
	tests := []struct {
		name string
		want string
	}{
		{"date", "border talks notes"}, // newest first, undated last
		{"title", "border notes talks"},
		{"outlet", "border talks notes"}, // no outlet last
		{"story", "border talks notes"},  // stories not found yet: by date
		{"date", "border talks notes"},
	}
	for i, tt := range tests {
		if i > 0 {
			press(m, "s")
		}
		if got := strings.Join(listOrder(m), " "); got != tt.want || m.list.sortBy.String() != tt.name {
			t.Fatalf("sort %s: %s, want %s", m.list.sortBy, got, tt.want)
		}
		if !strings.Contains(screen(m), "by "+tt.name) {
			t.Fatalf("header does not say the sort")
		}
	}
}

func TestListFilter(t *testing.T) {
	m := newTestModel(t, 80, 24, fixtureCorpus())
	press(m, "/")
	if !m.list.CapturesInput() {
		t.Fatal("/ should start the filter")
	}
	typeText(m, "ledger q") // q must type, not quit
	if got := strings.Join(listOrder(m), " "); got != "" {
		t.Fatalf("terms must all match: %q", got)
	}
	press(m, "backspace", "backspace")
	if got := strings.Join(listOrder(m), " "); got != "border" {
		t.Fatalf("filter ledger: %q", got)
	}
	press(m, "enter", "enter")
	if m.focus != focusReader || m.reader.doc.ID != "border" {
		t.Fatal("enter after the filter opens the match")
	}
	press(m, "esc")
	if m.focus != focusList {
		t.Fatal("esc from the reader returns to the list")
	}
	press(m, "esc")
	if len(m.list.shown) != 3 {
		t.Fatal("esc in the list clears the filter")
	}
	if d := m.list.selected(); d == nil || d.ID != "border" {
		t.Fatalf("clearing the filter moved the cursor off the document it found, to %v", d)
	}

	// Accepting a filter without opening: clearing it keeps the document
	// (the last one in the list's order, so the top would be wrong).
	m = newTestModel(t, 80, 24, fixtureCorpus())
	order := listOrder(m)
	last := order[len(order)-1]
	press(m, "/")
	typeText(m, last)
	press(m, "enter", "esc")
	if d := m.list.selected(); len(m.list.shown) != 3 || d == nil || d.ID != last {
		t.Fatalf("after / %s, enter, esc: %d shown, cursor on %v", last, len(m.list.shown), d)
	}
}

func TestListShowsMetadata(t *testing.T) {
	m := newTestModel(t, 80, 24, fixtureCorpus())
	s := screen(m)
	for _, want := range []string{"Talks in Islamabad", "2026-04-12 · Example Times · A. Writer · 1 min ed.", "Daily Ledger", "Analyst notes"} {
		if !strings.Contains(s, want) {
			t.Fatalf("list lacks %q:\n%s", want, s)
		}
	}
}

func TestReadingTime(t *testing.T) {
	for words, want := range map[int]string{0: "empty", 1: "1 min", 230: "1 min", 231: "2 min", 2300: "10 min"} {
		if got := readingTime(words); got != want {
			t.Errorf("%d words: %s, want %s", words, got, want)
		}
	}
}

func TestFocusAndQuit(t *testing.T) {
	m := newTestModel(t, 120, 40, fixtureCorpus())
	if m.reader.doc == nil {
		t.Fatal("a wide window shows the first document beside the list")
	}
	press(m, "tab")
	if m.focus != focusReader {
		t.Fatal("tab moves to the reader")
	}
	press(m, "shift+tab")
	if m.focus != focusList {
		t.Fatal("shift+tab moves back")
	}
	press(m, "?")
	if !strings.Contains(screen(m), "jump back") {
		t.Fatal("? shows every key")
	}
	press(m, "x")
	if m.showAll || m.list.sel != 0 {
		t.Fatal("a key other than movement closes the help without acting")
	}
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil || cmd() != tea.Quit() {
		t.Fatal("q quits")
	}
	press(m, "/")
	_, cmd = m.Update(keyMsg("ctrl+c"))
	if cmd == nil || cmd() != tea.Quit() {
		t.Fatal("ctrl+c quits even while typing")
	}
}

func TestNarrowShowsOnePane(t *testing.T) {
	m := newTestModel(t, 80, 24, fixtureCorpus())
	if strings.Contains(screen(m), "│ A border") {
		t.Fatal("no side-by-side when narrow")
	}
	press(m, "enter")
	if strings.Contains(screen(m), "documents · by") {
		t.Fatal("the reader takes the whole narrow screen")
	}
}

// TestBackgroundColourRestyles: a light terminal gets light styles, and
// the reader and list redraw with them (no stale cached rows).
func TestBackgroundColourRestyles(t *testing.T) {
	m := newTestModel(t, 120, 40, fixtureCorpus())
	dark := m.render()
	send(m, tea.BackgroundColorMsg{Color: color.White})
	if m.ctx.Styles.IsDark {
		t.Fatal("a white background is light")
	}
	light := m.render()
	if light == dark {
		t.Fatal("the view did not change with the background")
	}
	if ansi.Strip(light) != ansi.Strip(dark) {
		t.Fatal("the text changed with the background")
	}
	send(m, tea.BackgroundColorMsg{Color: color.Black})
	if m.render() != dark {
		t.Fatal("back to dark should draw as before")
	}
}

func TestClickSelectsThenOpens(t *testing.T) {
	m := newTestModel(t, 120, 40, fixtureCorpus())
	press(m, "tab")
	// The second item's title is on row 2 + 3.
	send(m, tea.MouseClickMsg{X: 5, Y: 5, Button: tea.MouseLeft})
	if m.focus != focusList || m.list.selected().ID != "talks" {
		t.Fatalf("click: focus %v selected %s", m.focus, m.list.selected().ID)
	}
	send(m, tea.MouseClickMsg{X: 5, Y: 6, Button: tea.MouseLeft})
	if m.focus != focusReader || m.reader.doc.ID != "talks" {
		t.Fatalf("second click should open: focus %v", m.focus)
	}
	send(m, tea.MouseClickMsg{X: 5, Y: 39, Button: tea.MouseLeft}) // the footer
	if m.focus != focusReader {
		t.Fatal("a click on the footer changes nothing")
	}
}

func TestWideListPreviewsSelection(t *testing.T) {
	m := newTestModel(t, 120, 40, fixtureCorpus())
	press(m, "j")
	if m.focus != focusList || m.reader.doc.ID != "talks" {
		t.Fatalf("focus %v, reader on %s", m.focus, m.reader.doc.ID)
	}
	if len(m.jumps.locs) != 0 {
		t.Fatal("browsing the list is not a jump")
	}
	narrow := newTestModel(t, 80, 24, fixtureCorpus())
	press(narrow, "j")
	if narrow.reader.doc != nil {
		t.Fatal("no preview when the reader is not on screen")
	}
}

// The full help lists the search syntax and the compare keys, which their
// panes cannot show while typing, and scrolls with j/k when it is taller
// than the screen.
func TestFullHelpScrollsAndListsEveryPane(t *testing.T) {
	m := newTestModel(t, 80, 24, fixtureCorpus())
	press(m, "?")
	first := screen(m)
	press(m, "j", "j", "j")
	if !m.showAll {
		t.Fatal("j closed the help instead of scrolling it")
	}
	if screen(m) == first {
		t.Fatal("j did not scroll the help")
	}
	var all strings.Builder
	for range 60 {
		all.WriteString(screen(m))
		press(m, "j")
	}
	for _, want := range []string{"'word", "exact substring", "!word", "ctrl+t", "curated layer"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the full help never shows %q", want)
		}
	}
	press(m, "k")
	if !m.showAll {
		t.Fatal("k closed the help")
	}
	press(m, "esc")
	if m.showAll {
		t.Fatal("esc did not close the help")
	}
}

// While a folder streams in, the cursor stays on the first row of the
// sorted list however the documents arrive, until the user moves it; then
// it stays on the document chosen. Once loaded, a saved last document
// still wins.
// listIdleMsg stands for a message routed to the list that is not a key
// (a progress tick).
type listIdleMsg struct{}

func TestStreamingListStaysAtTop(t *testing.T) {
	c := manyDocs(60)
	// Arrival order: from the end, so each batch sorts before the last.
	var arrival []*corpus.Document
	for i := len(c.Docs) - 1; i >= 0; i-- {
		arrival = append(arrival, c.Docs[i])
	}
	stream := func(m *Model, check func(batch int)) {
		for b := 0; b*7 < len(arrival); b++ {
			batch := arrival[b*7 : min(b*7+7, len(arrival))]
			send(m, loadProgressMsg{done: b*7 + len(batch), total: len(arrival), docs: batch})
			check(b)
		}
	}
	for _, w := range []int{80, 120} {
		m := newModel([]string{"folder"}, filepath.Join(t.TempDir(), "state.json"))
		send(m, tea.WindowSizeMsg{Width: w, Height: 30})
		stream(m, func(b int) {
			// Messages the list gets while loading (its progress ticks)
			// preview the selection beside it, which must not pin it.
			m.updatePane(focusList, listIdleMsg{})
			sel := m.list.selected()
			first := m.list.docs[m.list.shown[0]]
			if m.list.sel != 0 || m.list.top != 0 || sel != first {
				t.Fatalf("%d columns, batch %d: cursor %d, top %d on %s; want the first row (%s)", w, b, m.list.sel, m.list.top, sel.Title, first.Title)
			}
		})
		send(m, loadedMsg{c: c})
		if m.list.sel != 0 || m.list.top != 0 || m.list.selected() != c.Docs[0] {
			t.Fatalf("%d columns, loaded: cursor %d top %d on %s; want %s", w, m.list.sel, m.list.top, m.list.selected().Title, c.Docs[0].Title)
		}
		if w >= splitWidth && m.reader.doc != c.Docs[0] {
			t.Fatalf("the reader beside the list shows %v, want the first document", m.reader.doc)
		}
	}

	// Moved by the user while loading: the cursor keeps its document.
	m := newModel([]string{"folder"}, filepath.Join(t.TempDir(), "state.json"))
	send(m, tea.WindowSizeMsg{Width: 120, Height: 30})
	var chosen *corpus.Document
	stream(m, func(b int) {
		if b == 1 {
			press(m, "j")
			chosen = m.list.selected()
		}
		if chosen != nil && m.list.selected() != chosen {
			t.Fatalf("batch %d: the cursor left %s for %s", b, chosen.Title, m.list.selected().Title)
		}
	})
	send(m, loadedMsg{c: c})
	if m.list.selected() != chosen {
		t.Fatalf("loaded: the cursor left %s", chosen.Title)
	}

	// A saved last document wins once loaded.
	m = newModel([]string{"folder"}, filepath.Join(t.TempDir(), "state.json"))
	send(m, tea.WindowSizeMsg{Width: 120, Height: 30})
	last := c.Docs[37]
	m.state.LastDoc[m.corpusKey()] = m.docKey(last)
	stream(m, func(int) {})
	send(m, loadedMsg{c: c})
	if m.list.selected() != last || m.reader.doc != last {
		t.Fatalf("the saved document %s: list on %v, reader on %v", last.Title, m.list.selected().Title, m.reader.doc)
	}
	if m.list.top > m.list.sel || m.list.sel >= m.list.top+m.list.visibleItems() {
		t.Fatalf("the saved document is off screen: top %d sel %d", m.list.top, m.list.sel)
	}
}

// The compare view keeps its last drawing between frames; the shared
// context's generation, changed by the background report, redraws it in
// the new styles with the same text.
func TestBackgroundColourRestylesCompare(t *testing.T) {
	m := newTestModel(t, 100, 30, fixtureCorpus())
	send(m, common.CompareMsg{Text: "Pakistan and Iran share more than 900 kilometers of border."})
	compareNow(t, m)
	if m.focus != focusCompare {
		t.Fatalf("focus %v, want compare", m.focus)
	}
	dark := m.compareView.View()
	send(m, tea.BackgroundColorMsg{Color: color.White})
	light := m.compareView.View()
	if light == dark {
		t.Fatal("the compare view did not change with the background")
	}
	if ansi.Strip(light) != ansi.Strip(dark) {
		t.Fatal("the text changed with the background")
	}
}

// The order by date, one comparison of dateOrder's bytes, is the order
// field by field: dated first, newest first, then title, then id; for
// dates and titles that are prefixes of one another, empty, or hold the
// bytes the encoding ends its fields with; the numbers made of its first
// sixteen bytes (listKey.pre, pre2) settle comparisons as the bytes do.
func TestDateOrderAsFields(t *testing.T) {
	fields := func(a, b *listKey) int {
		if (a.published == "") != (b.published == "") {
			return boolOrder(a.published != "")
		}
		return cmp.Or(strings.Compare(b.published, a.published), strings.Compare(a.title, b.title), strings.Compare(a.id, b.id))
	}
	parts := []string{"", "a", "ab", "a\x00", "a\x00b", "a\x01", "\xff", "a\xff", "\xfe", "2024-05", "2024-05-01", "2024-05-01\xff", "2024-05-02", "2024-05-01-x"}
	var keys []listKey
	for _, p := range parts {
		for _, title := range parts {
			for _, id := range parts[:4] {
				date, at := dateOrder(p, title, id)
				pre, pre2 := datePrefixes(date)
				keys = append(keys, listKey{pre: pre, pre2: pre2, date: date, published: p, title: title, id: id})
				if at >= 0 && date[at:at+len(title)] != title {
					t.Fatalf("%q is not at %d of its key", title, at)
				}
			}
		}
	}
	for i := range keys {
		for j := range keys {
			a, b := &keys[i], &keys[j]
			if got, want := compareKeys(a, b, byDate), fields(a, b); got != want {
				t.Fatalf("%q %q %q against %q %q %q: %d, want %d", a.published, a.title, a.id, b.published, b.title, b.id, got, want)
			}
		}
	}
}

// The keys of a batch lower-case each outlet as the document's own key
// would, whether the outlet repeats, changes or is empty.
func TestAppendListKeysOutlets(t *testing.T) {
	var docs []*corpus.Document
	for i, o := range []string{"BBC News", "BBC News", "", "The Guardian", "BBC News", "", ""} {
		docs = append(docs, &corpus.Document{ID: strconv.Itoa(i), Title: "T", Outlet: o})
	}
	keys := appendListKeys(nil, docs)
	for i, d := range docs {
		if want := listKeyOf(d, strings.ToLower(d.Outlet)); keys[i] != want {
			t.Fatalf("%d: %+v, want %+v", i, keys[i], want)
		}
	}
}
