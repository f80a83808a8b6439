package tui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
	"parley/corpus/search"
	"parley/tui/common"
)

// focus names a pane slot. The search, compare and claims slots are wired
// by their panes: set m.panes[focusSearch] (etc.) in newModel, add a key in
// KeyMap, and focus it from handleGlobalKey. Tab cycles through every slot
// that holds a pane.
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

	panes  [focusCount]pane
	list   *listPane
	reader *readerPane
	// searchView, compareView and claimsIndex are the panes of the same
	// slots (compareView and claimsIndex nil until the corpus is loaded).
	searchView  *searchPane
	compareView *comparePane
	claimsIndex *claimsPane
	focus       focus
	history     []focus // panes to return to on esc
	jumps       jumpList
	showAll     bool // full help
	helpTop     int  // the full help's first line shown
	// search remembers where the reader was when search opened and where
	// a hit from it landed, so esc in search can undo the search.
	searchTrip searchTrip
	// set is the comparison set every pane reads: stories, tags and the
	// story the session is restricted to (storyset.go).
	set *storySet
	// hup is the state as of the last input, for the SIGHUP handler (hangup.go).
	hup *hangupSave

	cache    *corpus.Cache // parsed documents kept between runs; nil: none
	paths    []string
	corpus   *corpus.Corpus
	docIndex map[*corpus.Document]int
	embedded bool

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
		embedded:  len(paths) == 0,
		statePath: statePath,
		state:     loadState(statePath),
		docIndex:  map[*corpus.Document]int{},
		set:       newStorySet(),
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

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case tea.BackgroundColorMsg:
		m.restyle(msg.IsDark())
		return m, nil
	case tea.ModeReportMsg:
		if common.UnicodeCoreReport(msg) && common.SetWidthMethod(ansi.GraphemeWidth) {
			m.remeasure()
		}
		return m, nil
	case loadProgressMsg:
		return m, m.loadProgress(msg)
	case loadedMsg:
		return m, m.loaded(msg)
	case openDocMsg:
		return m, m.openDoc(msg.doc)
	case openMsg:
		fromSearch := m.focus == focusSearch
		cmd := m.openLoc(msg.loc, msg.highlight, true)
		if fromSearch {
			m.searchTrip.landed(m.here())
		}
		return m, cmd
	case saveDueMsg:
		return m, m.saveInBackground()
	case hangupMsg:
		_ = m.saveState() // the terminal is gone: nowhere to say a failure
		return m, tea.Quit
	case stateSavedMsg:
		m.stateProblem(msg.err)
		return m, nil
	case stepDocMsg:
		return m, m.stepDoc(msg.delta)
	case jumpMsg:
		m.jumps.record(msg.from, msg.to)
		return m, nil
	case compareMsg:
		return m, m.compare(msg)
	case compareClaimMsg:
		return m, m.compareClaim(msg)
	case claimsEditMsg:
		return m, m.editClaims(msg)
	case claimsUndoMsg:
		return m, m.undoClaims()
	case claimsSavedMsg:
		return m, m.claimsSaved(msg)
	case pickClaimMsg:
		return m, m.openPicker(msg)
	case storiesFoundMsg:
		return m, m.storiesFound(msg)
	case backMsg:
		if m.focus == focusSearch {
			return m, m.leaveSearch()
		}
		if m.focus == focusCompare || m.focus == focusClaims {
			return m, m.leaveCompare()
		}
		return m, m.back()
	case focusStepMsg:
		return m, m.cycleFocus(msg.dir)
	case noteMsg:
		m.note = string(msg)
		return m, nil
	case tea.PasteMsg:
		return m, m.paste(msg)
	case tea.KeyPressMsg:
		m.clearNote()
		if m.picker != nil && !key.Matches(msg, m.ctx.Keys.Interrupt) {
			return m, m.updatePicker(msg)
		}
		defer m.keepForHangup(msg)
		if cmd, handled := m.handleGlobalKey(msg); handled {
			return m, cmd
		}
		return m, m.updateFocused(msg)
	case tea.MouseWheelMsg:
		defer m.keepForHangup(msg)
		return m, m.updatePane(m.paneAt(msg.X), msg)
	case tea.MouseClickMsg:
		defer m.keepForHangup(msg)
		return m, m.click(msg)
	}
	// Anything else (blinks, ticks, results of a pane's commands) goes to
	// every pane; each ignores what is not its own.
	var cmds []tea.Cmd
	for f := range m.panes {
		cmds = append(cmds, m.updatePane(focus(f), msg))
	}
	return m, tea.Batch(cmds...)
}

// handleGlobalKey takes the keys that work everywhere. While a pane takes
// typed text (a filter, a query) only ctrl+c is global.
func (m *Model) handleGlobalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if key.Matches(msg, m.ctx.Keys.Interrupt) {
		return tea.Quit, true
	}
	if m.panes[m.focus].capturesInput() {
		return nil, false
	}
	if m.showAll {
		// Movement keys scroll the full help; q, as in less, and any
		// other key close it.
		h := m.lay.main.H
		switch {
		case key.Matches(msg, m.ctx.Keys.Down, m.ctx.Keys.LineDown):
			m.scrollHelp(1)
		case key.Matches(msg, m.ctx.Keys.Up, m.ctx.Keys.LineUp):
			m.scrollHelp(-1)
		case key.Matches(msg, m.ctx.Keys.PageDown):
			m.scrollHelp(max(h-1, 1))
		case key.Matches(msg, m.ctx.Keys.PageUp):
			m.scrollHelp(-max(h-1, 1))
		case key.Matches(msg, m.ctx.Keys.HalfDown):
			m.scrollHelp(max(h/2, 1))
		case key.Matches(msg, m.ctx.Keys.HalfUp):
			m.scrollHelp(-max(h/2, 1))
		case key.Matches(msg, m.ctx.Keys.Top):
			m.helpTop = 0
		case key.Matches(msg, m.ctx.Keys.Bottom):
			m.scrollHelp(1 << 20) // to the end
		default:
			m.showAll = false
		}
		return nil, true
	}
	switch {
	case key.Matches(msg, m.ctx.Keys.Quit):
		if m.focus == focusReader && m.reader.closeOverlay() {
			// q closes an overlay (the outline) as it closes less's help.
			return nil, true
		}
		if m.quitGoesBack() {
			// As in newsboat: q leaves a view a level down (the claims
			// index, a comparison) and quits only from the top level.
			return m.leaveCompare(), true
		}
		return tea.Quit, true
	case key.Matches(msg, m.ctx.Keys.Help):
		m.showAll, m.helpTop = true, 0
		return nil, true
	case key.Matches(msg, m.ctx.Keys.FocusNext):
		return m.cycleFocus(1), true
	case key.Matches(msg, m.ctx.Keys.FocusPrev):
		return m.cycleFocus(-1), true
	case key.Matches(msg, m.ctx.Keys.Claims):
		return m.openClaims(), true
	case key.Matches(msg, m.ctx.Keys.Search):
		return m.openSearch(), true
	case key.Matches(msg, m.ctx.Keys.Scope):
		return m.toggleScope(), true
	case key.Matches(msg, m.ctx.Keys.JumpBack):
		return m.walkJumps(-1), true
	case key.Matches(msg, m.ctx.Keys.JumpForward):
		return m.walkJumps(1), true
	}
	return nil, false
}

func (m *Model) updateFocused(msg tea.Msg) tea.Cmd { return m.updatePane(m.focus, msg) }

func (m *Model) updatePane(f focus, msg tea.Msg) tea.Cmd {
	if f < 0 || f >= focusCount || m.panes[f] == nil {
		return nil
	}
	var cmd tea.Cmd
	m.panes[f], cmd = m.panes[f].update(msg)
	for _, nav := range m.panes[f].takeNav() {
		_, next := m.Update(nav)
		cmd = tea.Batch(cmd, next)
	}
	if f == focusList {
		m.previewSelection()
	}
	return cmd
}

// paneAt is the pane under column x (the wheel scrolls what it points at).
func (m *Model) paneAt(x int) focus {
	if m.lay.split && (m.focus == focusList || m.focus == focusReader) {
		if x < m.lay.reader.X {
			return focusList
		}
		return focusReader
	}
	return m.focus
}

func (m *Model) resize(w, h int) {
	m.ctx.SetSize(w, h)
	m.lay = computeLayout(w, h)
	m.hlp.SetWidth(w)
	for f, p := range m.panes {
		if p != nil {
			r := m.paneRect(focus(f))
			p.setSize(r.W, r.H)
		}
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

// paste hands pasted text (bracketed paste) to the focused pane when it
// is taking typed text, cleaned to one line of plain characters so that a
// pasted line break never submits. Panes treat it as typing: the search,
// filter or find runs again.
func (m *Model) paste(msg tea.PasteMsg) tea.Cmd {
	if m.showAll {
		return nil
	}
	if m.picker != nil {
		text, _ := cleanPaste(msg.Content, maxLabel)
		return m.picker.paste(tea.PasteMsg{Content: text})
	}
	if !m.panes[m.focus].capturesInput() {
		return nil
	}
	text, cut := cleanPaste(msg.Content, maxQuery)
	m.clearNote()
	if cut {
		m.note = fmt.Sprintf("pasted text cut to %d characters, the most a query takes", maxQuery)
	}
	if text == "" {
		return nil
	}
	return m.updateFocused(tea.PasteMsg{Content: text})
}

// maxQuery is the most characters the search, filter and find inputs
// take, typed or pasted: what the search engine reads of a query (300, as
// fzf's prompt), generous for a pasted sentence. It bounds the work one
// query can ask for, and the box never shows text that is not searched.
const maxQuery = search.MaxQueryChars

// cleanPaste makes pasted text one line: line breaks and tabs become
// spaces (line breaks at either end are dropped), and control characters,
// bidi controls, zero-width characters and invalid bytes are removed. It
// keeps at most limit characters and says whether it cut any.
func cleanPaste(s string, limit int) (string, bool) {
	s = strings.ReplaceAll(strings.Trim(s, "\r\n"), "\r\n", "\n")
	var sb strings.Builder
	n := 0
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029':
			r = ' '
		case r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			continue
		}
		if n == limit {
			return sb.String(), true
		}
		sb.WriteRune(r)
		n++
	}
	return sb.String(), false
}
