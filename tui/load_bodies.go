package tui

import (
	"runtime"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
)

// A folder found unchanged in the cache is listed from the documents'
// metadata alone (corpus.LoadOptions.ListOnly): the list is complete
// before any body is decoded. Up to about twice the BBC folder
// (backgroundClaimsWords) the bodies are then read in the background
// (bodiesMsg reports the count), and search, compare and stories, which
// need every body, start once they are all in; a document opened in the
// meantime has its own body read at once (readerPane.open).
//
// A larger folder's bodies are not read ahead, and are not kept as it is
// read for the first time either: past readAheadWords a parsed document
// comes without its body (corpus.LoadOptions.ListOnlyAfter), which is
// written to the cache at once. Each body is read from the cache when
// first used (corpus.Document.Blocks reads it; the reader, a
// search's hits and a comparison's documents), so the process holds the
// bodies of the documents opened and compared rather than all of them
// (at forty times the BBC folder, 0.31 GB of bodies and the collector's
// headroom over them). Search runs on the index kept in the cache, and
// stories are grouped reading each body for the moment it is looked at
// (corpus.Document.WithBody).

// bodiesMsg reports how many of a corpus' pending bodies are read.
type bodiesMsg struct {
	c           *corpus.Corpus
	done, total int
	next        tea.Cmd // waits for the next count; nil once all are read
}

// readAheadWords is the largest corpus, in words, whose bodies are read
// ahead: the size up to which the compare index is built in the
// background, which needs them all. A variable for tests.
var readAheadWords = backgroundClaimsWords

// bodiesBatch is how many bodies are read between two reports at most.
const bodiesBatch = 2048

// readBodies reads the bodies c's documents lack, off the interface's
// goroutine, on every core but one; nil when none is pending or the
// corpus is large enough to read them when needed.
func (m *Model) readBodies(c *corpus.Corpus) tea.Cmd {
	if corpusWords(c.Docs) > readAheadWords {
		return nil // read when needed
	}
	var pending []*corpus.Document
	for _, d := range c.Docs {
		if d.BodyPending() {
			pending = append(pending, d)
		}
	}
	if len(pending) == 0 {
		return nil
	}
	total := len(pending)
	m.list.bodies.done, m.list.bodies.total = 0, total
	// One slot: a count the interface has not taken yet is replaced by
	// nothing newer, so reports never queue up behind a busy frame.
	counts := make(chan int, 1)
	var once sync.Once
	start := func() {
		go func() {
			var next, done atomic.Int64
			var wg sync.WaitGroup
			// One core is left to the interface, so a key pressed
			// meanwhile never waits for a reader to be preempted.
			for range max(runtime.GOMAXPROCS(0)-1, 1) {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := int(next.Add(1) - 1); i < total; i = int(next.Add(1) - 1) {
						pending[i].LoadBody()
						if n := int(done.Add(1)); n%bodiesBatch == 0 {
							select {
							case counts <- n:
							default:
							}
						}
					}
				}()
			}
			wg.Wait()
			close(counts)
		}()
	}
	var wait tea.Cmd
	wait = func() tea.Msg {
		once.Do(start)
		if n, ok := <-counts; ok {
			return bodiesMsg{c: c, done: n, total: total, next: wait}
		}
		return bodiesMsg{c: c, done: total, total: total}
	}
	return wait
}

// bodiesRead shows the count, and once every body is in starts the
// indexes that need them.
func (m *Model) bodiesRead(msg bodiesMsg) tea.Cmd {
	if m.corpus != msg.c {
		return nil // a corpus no longer open
	}
	if msg.next != nil {
		m.list.bodies.done, m.list.bodies.total = msg.done, msg.total
		return msg.next
	}
	m.list.bodies.done, m.list.bodies.total = 0, 0
	return m.startIndexes()
}

// startIndexes starts the background indexes of the loaded corpus:
// search, compare and stories.
func (m *Model) startIndexes() tea.Cmd {
	c := m.corpus
	compare := m.wireCompare() // nil for a large corpus: nothing to wait for
	if len(c.Docs) >= indexingShownDocs {
		m.list.indexing = []string{"search", "stories"}
		if compare != nil {
			m.list.indexing = []string{"search", "compare", "stories"}
		}
	}
	return tea.Batch(append(m.backgroundIndexes(c), compare, m.groupStories(), m.list.spin.Tick)...)
}
