package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/tui/common"
)

// loadProgress shows the documents parsed so far and keeps draining.
func (m *Model) loadProgress(msg loadProgressMsg) tea.Cmd {
	m.list.done, m.list.total = msg.done, msg.total
	m.list.problems += msg.skipped
	m.list.cached = msg.cached
	if len(msg.docs) > 0 {
		m.list.addDocs(msg.docs)
	}
	return msg.next
}

// loaded installs the corpus, reopens the last document and starts the
// background indexes.
func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	m.list.loading = false
	if msg.err != nil || msg.c == nil {
		if msg.err != nil {
			m.note = "could not load: " + corpus.CleanLine(msg.err.Error())
			m.failed = msg.err
			return tea.Quit
		}
		return nil
	}
	m.corpus = msg.c
	m.list.problems = len(msg.c.Problems) + len(msg.c.Unsupported)
	m.docIndex = make(map[*corpus.Document]int, len(msg.c.Docs))
	for i, d := range msg.c.Docs {
		m.docIndex[d] = i
	}
	m.set.SetCorpus(msg.c.Docs, m.docIndex)
	m.list.setDocs(msg.c.Docs)
	if len(msg.c.Docs) == 0 {
		// Nothing to read: quit, and let Run name the skipped files and
		// fail, rather than leave an empty reader open.
		m.note = corpus.ErrNoDocuments.Error()
		m.failed = corpus.ErrNoDocuments
		return tea.Quit
	}
	// Name what was skipped at once (skippedNote); the full list is
	// printed on stderr when parley exits.
	m.skipped = len(msg.c.Problems) > 0 || len(msg.c.Unsupported) > 0
	if m.reader.doc != nil {
		m.reader.docIdx = m.indexOf(m.reader.doc)
	} else if d := m.lastDoc(); d != nil {
		m.list.selectDoc(d)
		m.showSaved(d)
		if !m.lay.split {
			m.setFocus(focusReader)
		}
	} else if m.lay.split {
		if d := m.list.selected(); d != nil {
			m.showSaved(d)
		}
	}
	// Listed from the cache, the bodies come next (load_bodies.go).
	if cmd := m.readBodies(msg.c); cmd != nil {
		return tea.Batch(cmd, m.list.spin.Tick)
	}
	return m.startIndexes()
}

func (m *Model) indexOf(d *corpus.Document) int {
	if i, ok := m.docIndex[d]; ok {
		return i
	}
	return -1
}

// seeds says whether the loaded corpus is the embedded seeds, by its flag.
func (m *Model) seeds() bool { return m.corpus != nil && m.corpus.Seeds }

func (m *Model) docKey(d *corpus.Document) string { return docKey(d, m.seeds()) }

func (m *Model) corpusKey() string { return corpusKey(m.paths, m.seeds()) }

func (m *Model) lastDoc() *corpus.Document {
	key, ok := m.state.last(m.corpusKey())
	if !ok {
		return nil
	}
	for _, d := range m.corpus.Docs {
		if m.docKey(d) == key {
			return d
		}
	}
	return nil
}

// showDoc puts d in the reader at loc, first remembering where the reader
// was in the document it leaves.
func (m *Model) showDoc(d *corpus.Document, loc corpus.Loc, highlight bool) {
	m.rememberPosition()
	m.reader.open(d, m.indexOf(d), loc, highlight)
	m.list.selectDoc(d)
	m.state.setLast(m.corpusKey(), m.docKey(d))
}

// showSaved puts d in the reader where the user last left it.
func (m *Model) showSaved(d *corpus.Document) {
	m.showInReader(d)
	m.list.selectDoc(d)
}

// showInReader opens d in the reader at its saved place and makes it the
// last document read, leaving the list's cursor alone.
func (m *Model) showInReader(d *corpus.Document) {
	m.rememberPosition()
	m.reader.openAt(d, m.indexOf(d), m.state.place(m.docKey(d)))
	m.state.setLast(m.corpusKey(), m.docKey(d))
}

// previewSelection shows the list's selected document in the reader
// beside it, so moving through the list reads as you go. Only when both
// are on screen and the list has the focus; it records no jump. The
// preview follows the cursor and does not pin it: while a folder streams
// in (the list's progress ticks come here too), the cursor stays on the
// first row.
func (m *Model) previewSelection() {
	if !m.lay.split || m.focus != focusList {
		return
	}
	if d := m.list.selected(); d != nil && d != m.reader.doc {
		m.showInReader(d)
	}
}

// rememberPosition records the reader's place in the state (saved on quit).
func (m *Model) rememberPosition() {
	if d := m.reader.doc; d != nil {
		m.state.setPlace(m.docKey(d), m.reader.topAnchor(), m.reader.position())
	}
}

// here is the reader's current place, for the jump list.
func (m *Model) here() (corpus.Loc, bool) {
	if m.reader.doc == nil || m.reader.docIdx < 0 {
		return corpus.Loc{}, false
	}
	return m.reader.position(), true
}

// openDoc opens a document from the list at its remembered position.
func (m *Model) openDoc(d *corpus.Document) tea.Cmd {
	from, ok := m.here()
	m.showSaved(d)
	if to, ok2 := m.here(); ok && ok2 && from.Doc != to.Doc {
		m.jumps.record(from, to)
	}
	return tea.Batch(m.focusTo(focusReader), m.persist())
}

// openLoc opens the reader at a precise place (search and compare send
// OpenMsg); record makes it a jump that ctrl+o can undo.
func (m *Model) openLoc(loc corpus.Loc, highlight, record bool) tea.Cmd {
	if m.corpus == nil || loc.Doc < 0 || loc.Doc >= len(m.corpus.Docs) {
		return nil
	}
	from, ok := m.here()
	m.showDoc(m.corpus.Docs[loc.Doc], loc, highlight)
	if record && ok {
		m.jumps.record(from, loc)
	}
	return tea.Batch(m.focusTo(focusReader), m.persist())
}

// stepDoc opens the next or previous document in the list's order.
func (m *Model) stepDoc(delta int) tea.Cmd {
	d, wrapped := m.list.neighbour(m.reader.doc, delta)
	if d == nil || d == m.reader.doc {
		return nil
	}
	cmd := m.openDoc(d)
	if wrapped {
		// As vim's "search hit BOTTOM, continuing at TOP".
		m.note = "past the last document: back to the first"
		if delta < 0 {
			m.note = "before the first document: on to the last"
		}
	}
	return cmd
}

// walkJumps goes back (-1) or forward (+1) in the jump list.
func (m *Model) walkJumps(dir int) tea.Cmd {
	cur, ok := m.here()
	if !ok {
		return nil
	}
	var loc corpus.Loc
	if dir < 0 {
		loc, ok = m.jumps.back(cur)
	} else {
		loc, ok = m.jumps.forward(cur)
	}
	if !ok {
		m.note = "no more jumps"
		return nil
	}
	m.openLoc(loc, false, false)
	return nil
}

// compare hands a statement to the compare pane when there is one.
func (m *Model) compare(msg common.CompareMsg) tea.Cmd {
	if m.compareView == nil {
		m.note = "compare is not available yet"
		return nil
	}
	m.beginCompareTrip()
	cmd := m.updatePane(focusCompare, msg)
	return tea.Batch(cmd, m.focusTo(focusCompare))
}

// skippedNote names the first file that could not be read, in width
// cells: "skipped x.bin: binary file (not text) (+3 more; listed on exit)".
// When that is too wide the reason and then the path give way (the path
// from its left, so the file's name stays), never the count.
func (m *Model) skippedNote(width int) string {
	probs := m.corpus.Problems
	if len(m.corpus.Unsupported) > 0 {
		// Files of other kinds are counted by kind, not named one by one.
		note := " " + m.corpus.SkippedSummary()
		if len(probs) > 0 {
			note += " (the unreadable listed on exit)"
		}
		return common.TruncPlain(note, width)
	}
	p := probs[0]
	tail := ""
	if n := len(probs) - 1; n > 0 {
		tail = fmt.Sprintf(" (+%d more; listed on exit)", n)
	}
	path := corpus.CleanLine(p.Path)
	reason := ": " + corpus.CleanLine(p.Err.Error())
	head := " skipped "
	room := width - common.StrWidth(head) - common.StrWidth(tail)
	if pw := common.StrWidth(path); pw+common.StrWidth(reason) > room {
		reason = common.TruncPlain(reason, max(room-min(pw, room/2), 0))
		if pw > room-common.StrWidth(reason) {
			path = truncLeft(path, max(room-common.StrWidth(reason), 0))
		}
	}
	return common.TruncPlain(head+path+reason+tail, width)
}

// truncLeft keeps the right end of s in w cells, behind "…".
func truncLeft(s string, w int) string {
	sw := common.StrWidth(s)
	switch {
	case sw <= w:
		return s
	case w <= 0:
		return ""
	}
	return common.TruncateLeft(s, sw-w+1, "…")
}

// indexingShownDocs is the smallest folder whose background indexing the
// list's header names: a smaller one's indexes are ready in a blink.
const indexingShownDocs = 1000
