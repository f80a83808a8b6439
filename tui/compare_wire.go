package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/corpus/compare/claimsfile"
	"parley/tui/compareview"
)

// wireCompare adds the compare view and the claims index once the corpus
// is loaded (they index its documents), and up to about twice the BBC
// folder returns a command that builds the compare index (and for a
// handful of documents finds the claims) in the background, so the first
// comparison is quick; for a larger corpus it returns nil.
// The curated layer is the user's claims file over, for the embedded
// seeds only, the shipped claims (claimsfile decides what applies).
func (m *Model) wireCompare() tea.Cmd {
	var curated []compare.CuratedClaim
	var stale map[string][]string
	layer, err := claimsfile.Open(m.corpus, m.paths)
	switch {
	case err != nil:
		m.note = "curated claims not loaded: " + corpus.CleanLine(err.Error())
	default:
		m.claims = &claimsWork{layer: layer, docs: m.corpus.Docs}
		curated, stale = layer.Curated(m.corpus.Docs), layer.Stale(m.corpus.Docs)
		m.claimsReport = layer.Report(m.corpus.Docs)
		if layer.Err != nil {
			m.note = corpus.CleanLine(layer.Err.Error())
		} else if n := countStale(stale); n > 0 {
			m.note = fmt.Sprintf("%d quote(s) of your claims no longer found in their sources (marked ! in the claims index)", n)
		} else if n := layer.NotOpened(m.corpus.Docs); n > 0 {
			m.note = fmt.Sprintf("%d of your claims quote files not opened (kept as they are)", n)
		}
	}
	e := compareview.NewEngine(m.corpus.Docs, curated)
	if layer != nil {
		e.SetFile(layer.Key, layer.IsShipped, stale)
	}
	cp, cl := compareview.NewComparePane(m.ctx, e), compareview.NewClaimsPane(m.ctx, e)
	dir := exportDir(m.paths)
	cp.SetExportDir(dir)
	cl.SetExportDir(dir)
	cp.SetStories(m.set)
	cl.SetStories(m.set)
	m.compareView, m.claimsIndex = cp, cl
	m.panes[focusCompare], m.panes[focusClaims] = cp, cl
	for _, f := range []focus{focusCompare, focusClaims} {
		r := m.paneRect(f)
		m.panes[f].SetSize(r.W, r.H)
	}
	// The claims of a small corpus are found in the background too, so
	// the index is ready however it is reached (C, or tab cycling through
	// the panes). A large one holds many stories: its index lists them
	// and finds a story's claims when it is opened (compareview/claims_story.go); and
	// over a large folder finding every claim at once takes many times
	// the text's size in memory. There the index of every document is
	// built in the background up to about twice the BBC folder, so a
	// typed statement or w compares at once. Past that it is built when a
	// comparison with every document first asks for it, while the view
	// says "comparing…": a sentence is compared within its story, whose
	// own index is small, and at forty times the BBC folder the whole
	// index held 0.6 GB from the load on.
	words := corpusWords(m.corpus.Docs)
	switch {
	case len(m.corpus.Docs) <= eagerClaimsDocs && words <= backgroundClaimsWords:
		return cl.Load()
	case words <= backgroundClaimsWords:
		return func() tea.Msg {
			e.Index(false)
			return compareIndexedMsg{}
		}
	}
	return nil
}

// compareIndexedMsg says the compare index of every document is built.
type compareIndexedMsg struct{}

// backgroundClaimsWords is the largest corpus whose claims are found
// before they are asked for: about twice the BBC folder.
const backgroundClaimsWords = 2_000_000

func corpusWords(docs []*corpus.Document) int {
	n := 0
	for _, d := range docs {
		n += d.Words
	}
	return n
}

// eagerClaimsDocs is the largest corpus whose claims are found as soon as
// it is loaded: finding every claim of thousands of documents at once
// takes seconds and hundreds of megabytes, for an index that then lists
// stories.
const eagerClaimsDocs = 50

// openClaims shows the claims index, finding the claims the first time.
func (m *Model) openClaims() tea.Cmd {
	p := m.claimsIndex
	if p == nil {
		m.note = "claims are not ready: the corpus is still loading"
		return nil
	}
	m.beginCompareTrip()
	cmd := m.focusTo(focusClaims)
	if !p.Started() {
		return tea.Batch(cmd, p.Load())
	}
	return cmd
}

// compareClaim opens the compare view on a claim picked in the index.
func (m *Model) compareClaim(msg compareview.CompareClaimMsg) tea.Cmd {
	if m.compareView == nil {
		return nil
	}
	cmd := m.updatePane(focusCompare, msg)
	return tea.Batch(cmd, m.focusTo(focusCompare))
}

// compareTrip is where the reader was when the user left it for the
// compare view or the claims index (c on a sentence, C), and whether
// enter has opened a statement in the reader since. Typed queries and
// claims compared on the way belong to the same trip: leaving them all
// for the reader ends it.
type compareTrip struct {
	from   bool // the trip started in the reader
	doc    int
	top    anchor         // the reader's place in doc
	cursor sentenceCursor // on when the sentence cursor was (c compares its sentence)
	opened bool
}

// beginCompareTrip is called as the compare view or the claims index is
// about to take the focus: from the reader, a trip starts there; from
// either of them (a typed query, a claim, C) the trip goes on; from
// anywhere else there is no reader place to return to.
func (m *Model) beginCompareTrip() {
	if m.compareView == nil {
		return
	}
	switch {
	case m.focus == focusCompare || m.focus == focusClaims:
		return
	case m.focus == focusReader && m.reader.doc != nil && m.reader.docIdx >= 0:
		r := m.reader
		m.compareTrip = compareTrip{from: true, doc: r.docIdx, top: r.topAnchor()}
		if r.cursor.on {
			m.compareTrip.cursor = r.cursor
		}
	default:
		m.compareTrip = compareTrip{}
	}
}

// leaveCompare is esc in the compare view or the claims index: back to
// the pane the user came from. When that is the reader, and enter has
// opened a statement since the user left the reader for these views
// (whether the comparison was a sentence, a typed query or a claim), the
// reader goes back to where it was then: the same document and place,
// with the sentence cursor where it was (on the compared sentence after
// c), ready to compare the next one. As esc after a search, it records
// the jump, so ctrl+o returns to the statement.
func (m *Model) leaveCompare() tea.Cmd {
	cmd := m.back()
	if m.compareView == nil || m.focus == focusCompare || m.focus == focusClaims {
		return cmd // still among the comparisons: the trip goes on
	}
	trip := m.compareTrip
	m.compareTrip = compareTrip{}
	if !trip.from || !trip.opened || m.focus != focusReader || m.corpus == nil || trip.doc < 0 || trip.doc >= len(m.corpus.Docs) {
		return cmd
	}
	cur, here := m.here()
	d := m.corpus.Docs[trip.doc]
	m.showSaved(d)
	// The place the reader had, not the one saved for the document: a
	// statement opened in the same document has moved that.
	r := m.reader
	r.openAt(d, trip.doc, trip.top)
	r.cursor.on = false
	if c := trip.cursor; c.on && r.r != nil && r.validSentence(c.block, c.sentence) {
		r.cursor = c
		r.showCursor()
	}
	if to, ok := m.here(); here && ok && to != cur {
		m.jumps.record(cur, to)
	}
	return tea.Batch(cmd, m.persist())
}

func countStale(stale map[string][]string) int {
	n := 0
	for _, qs := range stale {
		n += len(qs)
	}
	return n
}
