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
)

// searchLimit is how many hits the pane keeps: many screens' worth, few
// enough that ranking them stays well under a frame.
const searchLimit = 200

// searchIndexMsg carries the search index, built in the background once
// the corpus is loaded.
type searchIndexMsg struct{ ix *search.Index }

// searchResultMsg is the answer to one search. seq says which keystroke
// asked for it: an answer to anything but the latest is dropped.
type searchResultMsg struct {
	seq  int
	res  *search.Result
	err  error
	took time.Duration
}

// buildSearchIndex indexes the corpus off the interface's goroutine.
func buildSearchIndex(c *corpus.Corpus) tea.Cmd {
	return func() tea.Msg { return searchIndexMsg{ix: search.New(c.Docs)} }
}

// searchPane is a query input over every title, heading and sentence, and
// the ranked hits. Each change of the query or scope runs a search in a
// command; the pane only draws the latest answer.
type searchPane struct {
	outbox

	km *KeyMap
	st *styles

	ix    *search.Index
	input textinput.Model

	width, height int

	// current is the document the reader shows (-1: none), for the
	// this-document scope; thisDoc is set when that scope is on.
	current int
	thisDoc bool

	seq    int                // the latest search asked for
	cancel context.CancelFunc // stops the search in flight, if any
	res    *search.Result     // the latest answer shown
	took   time.Duration
	err    string

	sel, top int // selected hit and first hit shown
}

func newSearchPane(km *KeyMap, st *styles) *searchPane {
	ti := textinput.New()
	ti.Prompt = "search: "
	ti.Placeholder = "words, 'exact, ^start, end$, !not"
	return &searchPane{km: km, st: st, input: ti, current: -1}
}

// activate prepares the pane to take the focus: it remembers which
// document is open (for the scope toggle) and focuses the input.
func (p *searchPane) activate(current int) tea.Cmd {
	if current != p.current {
		p.current = current
		if p.thisDoc {
			p.thisDoc = current >= 0
		}
	}
	cmd := p.input.Focus()
	if p.res == nil || p.thisDoc {
		return tea.Batch(cmd, p.run())
	}
	return cmd
}

// capturesInput: the pane is a text input, so every key but ctrl+c is its.
func (p *searchPane) capturesInput() bool { return true }

func (p *searchPane) keys() help.KeyMap { return p.km.searchKeys() }

func (p *searchPane) setSize(w, h int) {
	p.width, p.height = w, h
	p.input.SetWidth(max(w-len(p.input.Prompt)-scopeWidth-1, 1))
	p.keepVisible()
}

func (p *searchPane) update(msg tea.Msg) (pane, tea.Cmd) {
	switch msg := msg.(type) {
	case searchIndexMsg:
		p.ix = msg.ix
		return p, p.run()
	case searchResultMsg:
		p.receive(msg)
		return p, nil
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			p.move(1)
		case tea.MouseWheelUp:
			p.move(-1)
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
	km := p.km
	switch {
	case key.Matches(msg, km.Accept):
		return p.open()
	case key.Matches(msg, km.Cancel):
		p.input.Blur()
		p.emit(backMsg{})
		return nil
	case key.Matches(msg, km.SearchDown):
		p.move(1)
		return nil
	case key.Matches(msg, km.SearchUp):
		p.move(-1)
		return nil
	case key.Matches(msg, km.SearchPageDown):
		p.move(p.rows())
		return nil
	case key.Matches(msg, km.SearchPageUp):
		p.move(-p.rows())
		return nil
	case key.Matches(msg, km.SearchScope):
		if p.current < 0 {
			p.err = "no document is open: searching all of them"
			return nil
		}
		p.thisDoc = !p.thisDoc
		return p.run()
	}
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

// run starts a search for the current query and scope, cancelling the one
// in flight. It narrows from the latest answer when the query only grew.
func (p *searchPane) run() tea.Cmd {
	if p.ix == nil {
		return nil
	}
	if p.cancel != nil {
		p.cancel()
	}
	p.seq++
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	seq, ix, query := p.seq, p.ix, p.input.Value()
	opts := search.Options{Limit: searchLimit, Doc: -1, Prev: p.res}
	if p.thisDoc {
		opts.Doc = p.current
	}
	return func() tea.Msg {
		start := time.Now()
		res, err := ix.Search(ctx, query, opts)
		return searchResultMsg{seq: seq, res: res, err: err, took: time.Since(start)}
	}
}

// receive shows an answer unless a later keystroke has asked again.
func (p *searchPane) receive(msg searchResultMsg) {
	if msg.seq != p.seq {
		return
	}
	p.cancel = nil
	if msg.err != nil {
		return // cancelled: a newer search is coming
	}
	p.res, p.took, p.err = msg.res, msg.took, ""
	p.sel, p.top = 0, 0
}

// open asks the root to show the selected hit in the reader, highlighted.
func (p *searchPane) open() tea.Cmd {
	h, ok := p.selected()
	if !ok {
		return nil
	}
	p.input.Blur()
	p.emit(openMsg{loc: h.Loc, highlight: true})
	return nil
}

func (p *searchPane) selected() (search.Hit, bool) {
	if p.res == nil || p.sel < 0 || p.sel >= len(p.res.Hits) {
		return search.Hit{}, false
	}
	return p.res.Hits[p.sel], true
}

func (p *searchPane) move(delta int) {
	if p.res == nil || len(p.res.Hits) == 0 {
		return
	}
	p.sel = max(min(p.sel+delta, len(p.res.Hits)-1), 0)
	p.keepVisible()
}

func (p *searchPane) keepVisible() {
	n := p.rows()
	if p.sel < p.top {
		p.top = p.sel
	}
	if p.sel >= p.top+n {
		p.top = p.sel - n + 1
	}
	p.top = max(p.top, 0)
}
