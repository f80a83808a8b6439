package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/tui/common"
	"parley/tui/compareview"
)

// focus names a pane slot. A slot is wired by its pane: set m.panes[f]
// and the Model's typed field for it (newModel, or wireCompare once the
// corpus is loaded), add a key in the KeyMap, and focus it from
// handleGlobalKey. Tab cycles through every slot that holds a pane.
type focus int

const (
	focusList focus = iota
	focusReader
	focusSearch
	focusCompare
	focusClaims
	focusCount
)

// Model is the root: it owns the panes, routes messages, keeps the focus
// and the layout, and nothing else.
type Model struct {
	ctx *common.Context // styles, keys, size and measure every pane shares
	hlp help.Model

	lay screenLayout

	panes  [focusCount]common.Pane
	list   *listPane
	reader *readerPane
	// searchView, compareView and claimsIndex are the panes of the same
	// slots (compareView and claimsIndex nil until the corpus is loaded).
	searchView  *searchPane
	compareView *compareview.ComparePane
	claimsIndex *compareview.ClaimsPane
	focus       focus
	history     []focus // panes to return to on esc
	jumps       jumpList
	showAll     bool           // full help
	helpView    viewport.Model // the full help, laid out and scrolled (help.go)
	// search remembers where the reader was when search opened and where
	// a hit from it landed, so esc in search can undo the search.
	searchTrip searchTrip
	// compareTrip is where the reader was when the user left it for the
	// compare view or the claims index, kept across the queries and
	// claims compared since: esc takes the reader back there once a
	// statement has been opened (compare_wire.go).
	compareTrip compareTrip
	// set is the comparison set every pane reads: stories, tags and the
	// story the session is restricted to (common/storyset.go).
	set *common.StorySet
	// hup is the state as of the last input, for the SIGHUP handler (hangup.go).
	hup *hangupSave

	cache    *corpus.Cache // parsed documents kept between runs; nil: none
	paths    []string
	corpus   *corpus.Corpus
	docIndex map[*corpus.Document]int

	state     *savedState
	statePath string
	saveDue   bool // a save is asked for (state_save.go)
	// stateWarned: why the state cannot be saved has been said, once.
	stateWarned bool
	note        string // a one-line message in the footer until the next key
	// skipped shows, in the footer until the next key and when there is
	// no note, which files could not be read (fitted when drawn).
	skipped bool
	// failed is why nothing could be read: the interface quits and Run
	// returns it, so parley exits 1 as the subcommands do.
	failed     error
	footerMemo // the last footer drawn (view.go)
	// claims is the user's claims file and its undo steps (claims_work.go),
	// once the corpus is loaded; picker adds a sentence to one of them.
	claims *claimsWork
	picker *claimPicker
	// claimsReport is what was wrong with the claims file when it was
	// opened (broken, stale quotes), for stderr on exit.
	claimsReport []string
}

// newModel builds the root for paths (the embedded corpus when empty).
func newModel(paths []string, statePath string) *Model {
	ctx := common.New(true)
	m := &Model{
		ctx:       ctx,
		hlp:       help.New(),
		paths:     paths,
		statePath: statePath,
		state:     loadState(statePath),
		docIndex:  map[*corpus.Document]int{},
		set:       common.NewStorySet(),
		hup:       &hangupSave{},
	}
	m.hlp.Styles = ctx.Styles.Help
	m.list = newListPane(ctx)
	m.list.set = m.set
	m.reader = newReaderPane(ctx)
	m.panes[focusList] = m.list
	m.panes[focusReader] = m.reader
	m.searchView = newSearchPane(ctx)
	m.searchView.set = m.set
	m.panes[focusSearch] = m.searchView
	m.list.loading = true
	m.setFocus(focusList)
	return m
}

func (m *Model) Init() tea.Cmd {
	return tea.Batch(loadCmdCached(m.paths, m.cache), tea.RequestBackgroundColor, m.list.spin.Tick)
}

func (m *Model) resize(w, h int) {
	m.ctx.SetSize(w, h)
	m.lay = computeLayout(w, h)
	m.hlp.SetWidth(w)
	for f, p := range m.panes {
		if p != nil {
			r := m.paneRect(focus(f))
			p.SetSize(r.W, r.H)
		}
	}
	if m.showAll {
		m.layHelp()
	}
}

// paneRect is where pane f draws: list and reader share the screen when it
// is wide; any other pane takes the whole area above the footer.
func (m *Model) paneRect(f focus) rect {
	switch f {
	case focusList:
		return m.lay.list
	case focusReader:
		return m.lay.reader
	}
	return m.lay.main
}

// clearNote removes the footer's message (done on each key).
func (m *Model) clearNote() {
	m.note, m.skipped = "", false
}
