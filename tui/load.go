package tui

import (
	"sync"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
)

// loadedMsg carries the finished corpus.
type loadedMsg struct {
	c   *corpus.Corpus
	err error
}

// loadProgressMsg carries documents parsed so far while a folder loads.
type loadProgressMsg struct {
	done, total int
	docs        []*corpus.Document
	skipped     int
	cached      int     // documents decoded from the cache so far
	next        tea.Cmd // waits for the next batch
}

// loadBatch is the most documents one progress message carries. Larger
// batches did not list a 40x folder from the cache measurably sooner
// (1.2-1.5 s of CPU with 2,048, 1.3-1.4 s with 512, alternating runs at a
// load average of 14), and a key pressed while one is merged waited
// longer (BenchmarkKeyWhileLoading at 40x: 16.3 ms against 8.9 ms).
const loadBatch = 512

// loadCmd loads the embedded seeds or paths. For paths it streams
// progress: a goroutine parses while the returned command and its
// successors drain batches of documents, so the list fills as they arrive
// and the interface never waits on the disk.
func loadCmd(paths []string) tea.Cmd { return loadCmdCached(paths, nil) }

// loadCmdCached is loadCmd reading through cache (nil: none).
func loadCmdCached(paths []string, cache *corpus.Cache) tea.Cmd {
	if len(paths) == 0 {
		return func() tea.Msg {
			c, err := corpus.LoadSeeds()
			return loadedMsg{c: c, err: err}
		}
	}
	type event struct {
		done, total int
		doc         *corpus.Document
	}
	events := make(chan event, 256)
	result := make(chan loadedMsg, 1)
	var once sync.Once
	start := func() {
		go func() {
			// The folders' cache files are read while they are walked.
			cache.Preload(paths)
			c, err := corpus.LoadPaths(paths, corpus.LoadOptions{Cache: cache, ListOnly: true, ListOnlyAfter: readAheadWords, Progress: func(done, total int, doc *corpus.Document) {
				events <- event{done, total, doc}
			}})
			close(events)
			result <- loadedMsg{c: c, err: err}
		}()
	}
	var wait tea.Cmd
	wait = func() tea.Msg {
		once.Do(start)
		ev, ok := <-events
		if !ok {
			return <-result
		}
		msg := loadProgressMsg{next: wait}
		add := func(ev event) {
			msg.done, msg.total = max(msg.done, ev.done), ev.total
			if ev.doc != nil {
				msg.docs = append(msg.docs, ev.doc)
			} else {
				msg.skipped++
			}
		}
		add(ev)
		// Take whatever else is ready, so thousands of files make a few
		// dozen updates rather than thousands.
	drain:
		for len(msg.docs) < loadBatch {
			select {
			case ev, ok := <-events:
				if !ok {
					break drain
				}
				add(ev)
			default:
				break drain
			}
		}
		msg.cached = cache.Hits()
		return msg
	}
	return wait
}
