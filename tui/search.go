package tui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/search"
	"parley/tui/common"
)

// searchLimit is how many hits the pane keeps: many screens' worth, few
// enough that ranking them stays well under a frame.
const searchLimit = 200

// searchIndexMsg carries the search index, built in the background once
// the corpus is loaded.
type searchIndexMsg struct{ ix *search.Index }

// searchResultMsg is the answer to one search. seq says which query
// asked for it: an answer to anything but the latest is not shown.
type searchResultMsg struct {
	seq  int
	ix   *search.Index // the index searched
	res  *search.Result
	err  error
	took time.Duration
}

// buildSearchIndex indexes the corpus off the interface's goroutine.
func buildSearchIndex(c *corpus.Corpus) tea.Cmd {
	return func() tea.Msg { return searchIndexMsg{ix: search.New(c.Docs)} }
}

// searchIndexCmd is the corpus's search index, off the interface's
// goroutine: the one kept in the cache (search.LoadStored, as
// `parley search` reads it; brought up to date first when a file
// changed) when the cache is on and it serves the folders opened, else
// one built now. The stored index is mapped from its file rather than
// held in the heap: at forty times the BBC folder the built one held
// 0.53 GB. Its targets are those search.New makes, so the hits are the
// same. Seeds, --no-cache, a file named or a folder with a catalog
// (whose documents are not their files' alone) are indexed as before.
func (m *Model) searchIndexCmd(c *corpus.Corpus) tea.Cmd {
	cache, paths := m.cache, m.paths
	if cache == nil || len(paths) == 0 {
		return buildSearchIndex(c)
	}
	return func() tea.Msg { return searchIndexMsg{ix: storedSearchIndex(cache, paths, c.Docs)} }
}

// storedSearchIndex is the stored index of paths over docs, or one built
// over docs when the store cannot serve them or lists other documents
// (a file changed between the load and now).
func storedSearchIndex(cache *corpus.Cache, paths []string, docs []*corpus.Document) *search.Index {
	if _, ix, ok := search.LoadStored(cache, paths); ok {
		if over, ok := ix.Over(docs); ok {
			return over
		}
	}
	return search.New(docs)
}

// searchPane is a query input over every title, heading and sentence, and
// the ranked hits. Each change of the query or scope asks for a search;
// the pane only draws the answer to the latest.
//
// One search runs at a time, in a command. A change while it runs cancels
// it (the engine stops at its next check of the context) and waits: when
// the answer comes back, the latest query is searched. So typing or
// pasting fast never queues a search per keystroke, and the work in
// flight is at most one search, whatever the rate of keys.
type searchPane struct {
	common.Outbox

	ctx *common.Context

	ix    *search.Index
	input textinput.Model

	// In a restricted session ix holds the scope's documents alone
	// (search_scope.go): full is the whole corpus's index, docMap takes
	// ix's documents back to the corpus.
	set      *common.StorySet
	full     *search.Index
	docMap   []int
	scopeGen int

	width, height int

	// current is the document the reader shows (-1: none), for the
	// this-document scope; thisDoc is set when that scope is on.
	current int
	thisDoc bool

	seq     int                // the latest query asked for
	running int                // seq of the search in flight; 0 when none
	cancel  context.CancelFunc // stops the search in flight
	res     *search.Result     // the latest answer shown
	prev    *search.Result     // the latest answer computed, to narrow from
	took    time.Duration
	err     string

	sel, top int // selected hit and first hit shown
	more     int // the hit count asked of a search for more hits in flight; 0 when none

	preview previewMemo // the preview drawn for the selected hit (search_preview.go)

	drawn hitLines // hit lines drawn for the latest answer (search_view.go)
}

func newSearchPane(ctx *common.Context) *searchPane {
	ti := common.NewTextInput("search: ", "words, 'exact, ^start, end$, !not", maxQuery)
	return &searchPane{ctx: ctx, input: ti, current: -1}
}

// activate prepares the pane as it takes the focus: it remembers which
// document is open (for the scope toggle) and searches when there is no
// answer yet, or the answer is of this document.
func (p *searchPane) activate(current int) tea.Cmd {
	current = p.scopedDoc(current)
	if current != p.current {
		p.current = current
		if p.thisDoc {
			p.thisDoc = current >= 0
		}
		p.fitInput()
	}
	if p.res == nil || p.thisDoc {
		return p.run()
	}
	return nil
}

// Focus focuses the input (its cursor blinks). The input stays focused
// on blur, as the pane is not drawn without the focus.
func (p *searchPane) Focus() tea.Cmd { return p.input.Focus() }
func (p *searchPane) Blur()          {}

// Restyle: the hit lines and the preview are keyed by the context's
// generation.
func (p *searchPane) Restyle() {}

// CapturesInput: the pane is a text input, so every key but ctrl+c is its.
func (p *searchPane) CapturesInput() bool { return true }

func (p *searchPane) Keys() help.KeyMap { return p.ctx.Keys.SearchKeys() }

func (p *searchPane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.fitInput()
	p.keepVisible()
}

func (p *searchPane) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case searchIndexMsg:
		p.full = msg.ix
		if p.set != nil && p.set.Scope != nil {
			return p, p.scopeSearch()
		}
		p.ix, p.prev = msg.ix, nil
		return p, p.run()
	case common.ScopeChangedMsg:
		return p, p.scopeSearch()
	case searchScopeMsg:
		if msg.gen == p.scopeGen {
			return p, p.useIndex(msg.ix, msg.docMap)
		}
		return p, nil
	case searchResultMsg:
		return p, p.receive(msg)
	case searchMoreMsg:
		p.receiveMore(msg)
		return p, p.loadMore()
	case tea.PasteMsg:
		return p, p.edit(msg)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			return p, p.move(1)
		case tea.MouseWheelUp:
			return p, p.move(-1)
		}
		return p, nil
	case tea.KeyPressMsg:
		return p, p.handleKey(msg)
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmd
}

func (p *searchPane) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	km := p.ctx.Keys
	switch {
	case key.Matches(msg, km.Accept):
		return p.open()
	case key.Matches(msg, km.Cancel):
		p.input.Blur()
		p.Emit(common.BackMsg{})
		return nil
	case key.Matches(msg, km.FocusNext):
		// Tab leaves search as it leaves every pane; the text input
		// has no use for it.
		p.input.Blur()
		p.Emit(focusStepMsg{dir: 1})
		return nil
	case key.Matches(msg, km.FocusPrev):
		p.input.Blur()
		p.Emit(focusStepMsg{dir: -1})
		return nil
	case key.Matches(msg, km.SearchDown):
		return p.move(1)
	case key.Matches(msg, km.SearchUp):
		return p.move(-1)
	case key.Matches(msg, km.SearchPageDown):
		return p.move(p.rows())
	case key.Matches(msg, km.SearchPageUp):
		return p.move(-p.rows())
	case key.Matches(msg, km.SearchScope):
		if p.current < 0 {
			p.err = "no document is open: searching all of them"
			return nil
		}
		p.thisDoc = !p.thisDoc
		p.fitInput()
		return p.run()
	}
	return p.edit(msg)
}

// edit passes typing or a paste to the input, and searches when the query
// changed.
func (p *searchPane) edit(msg tea.Msg) tea.Cmd {
	var focus tea.Cmd
	if !p.input.Focused() {
		// Reached by tab rather than by the search key: typing still types.
		focus = p.input.Focus()
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		return tea.Batch(focus, cmd, p.run())
	}
	return tea.Batch(focus, cmd)
}

// run asks for a search of the current query and scope. With none in
// flight it starts one; otherwise it cancels the one in flight, and
// receive starts the latest query when that one answers.
func (p *searchPane) run() tea.Cmd {
	if p.ix == nil {
		return nil
	}
	p.seq++
	if p.running != 0 {
		p.cancel()
		return nil
	}
	return p.start()
}

// start runs the latest query in a command. It narrows from the latest
// answer computed when the query only grew.
func (p *searchPane) start() tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	p.running, p.cancel = p.seq, cancel
	seq, ix, query := p.seq, p.ix, p.input.Value()
	opts := search.Options{Limit: searchLimit, Doc: -1, Prev: p.prev}
	if p.thisDoc {
		opts.Doc = p.current
	}
	return func() tea.Msg {
		start := time.Now()
		res, err := ix.Search(ctx, query, opts)
		loadHitBodies(ix, res)
		return searchResultMsg{seq: seq, ix: ix, res: res, err: err, took: time.Since(start)}
	}
}

// loadHitBodies reads the bodies of the documents of res's hits, off the
// interface's goroutine: the pane shows a hit's section and paragraph, and
// a large folder's bodies are read when needed (load_bodies.go).
func loadHitBodies(ix *search.Index, res *search.Result) {
	if res == nil {
		return
	}
	docs := ix.Docs()
	for _, h := range res.Hits {
		if h.Loc.Doc >= 0 && h.Loc.Doc < len(docs) {
			docs[h.Loc.Doc].LoadBody()
		}
	}
}

// receive takes the answer of the search in flight: it is shown when it
// answers the latest query; otherwise the latest query is searched now.
func (p *searchPane) receive(msg searchResultMsg) tea.Cmd {
	if msg.seq != p.running {
		return nil // not the search in flight: already taken
	}
	p.cancel()
	p.running, p.cancel = 0, nil
	if msg.err == nil && msg.ix == p.ix {
		p.prev = msg.res
	}
	if msg.seq != p.seq {
		return p.start()
	}
	if msg.err == nil {
		p.res, p.took, p.err = msg.res, msg.took, ""
		p.sel, p.top, p.more = 0, 0, 0
	}
	return nil
}

// searching says a search for the latest query is under way.
func (p *searchPane) searching() bool { return p.running != 0 }

// open asks the root to show the selected hit in the reader, highlighted.
func (p *searchPane) open() tea.Cmd {
	h, ok := p.selected()
	if !ok {
		return nil
	}
	p.input.Blur()
	p.Emit(common.OpenMsg{Loc: p.corpusLoc(h.Loc), Highlight: true})
	return nil
}

func (p *searchPane) selected() (search.Hit, bool) {
	if p.res == nil || p.sel < 0 || p.sel >= len(p.res.Hits) {
		return search.Hit{}, false
	}
	return p.res.Hits[p.sel], true
}

// move moves the selection, and asks for more hits when it comes within
// a page of the last one kept.
func (p *searchPane) move(delta int) tea.Cmd {
	if p.res == nil || len(p.res.Hits) == 0 {
		return nil
	}
	p.sel = max(min(p.sel+delta, len(p.res.Hits)-1), 0)
	p.keepVisible()
	return p.loadMore()
}

func (p *searchPane) keepVisible() {
	total := 0
	if p.res != nil {
		total = len(p.res.Hits)
	}
	p.top = common.ScrollIntoView(p.sel, p.top, p.rows(), total)
}
