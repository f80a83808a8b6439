package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/compare"
)

// compareEngine builds the compare indexes on first use, off the UI
// goroutine, and shares them between the compare view and the claims
// index. There are two: one with the curated layer and one without
// (engine only), so the toggle never rebuilds anything.
type compareEngine struct {
	docs    []*corpus.Document
	curated []compare.CuratedClaim
	once    [2]sync.Once
	ix      [2]*compare.Index
}

func newCompareEngine(docs []*corpus.Document, curated []compare.CuratedClaim) *compareEngine {
	return &compareEngine{docs: docs, curated: curated}
}

// index returns the index for a layer, building it the first time. Safe
// to call from commands running concurrently.
func (e *compareEngine) index(engineOnly bool) *compare.Index {
	i := 0
	if engineOnly {
		i = 1
	}
	e.once[i].Do(func() {
		e.ix[i] = compare.Build(e.docs, compare.Options{Curated: e.curated, EngineOnly: engineOnly})
	})
	return e.ix[i]
}

// hasCurated says whether there is a curated layer to toggle at all (a
// folder the user opened has none).
func (e *compareEngine) hasCurated() bool { return len(e.curated) > 0 }

// curatedLayerMsg turns the curated layer on or off. A pane's toggle key
// sends it rather than flipping its own flag, so that the root passes it
// to every pane and the compare view and the claims index always agree.
type curatedLayerMsg struct {
	engineOnly bool
}

func setCuratedLayer(engineOnly bool) tea.Cmd {
	return func() tea.Msg { return curatedLayerMsg{engineOnly: engineOnly} }
}

// compareResultMsg carries a finished comparison back to the compare
// pane; seq lets the pane drop results of queries it has moved past.
type compareResultMsg struct {
	seq    int
	result compare.Result
}

// compareQuery is what the compare pane asks the engine.
type compareQuery struct {
	text       string
	origin     *corpus.Loc
	top        int
	engineOnly bool
}

// runCompare runs one comparison in a command: building the index the
// first time and comparing can both take a while on a large folder.
func runCompare(e *compareEngine, seq int, q compareQuery) tea.Cmd {
	return func() tea.Msg {
		ix := e.index(q.engineOnly)
		res := ix.Compare(q.text, compare.QueryOptions{Top: q.top, Origin: q.origin})
		return compareResultMsg{seq: seq, result: res}
	}
}

// claimsLoadedMsg carries the claims list back to the claims pane.
type claimsLoadedMsg struct {
	seq    int
	claims []compare.Claim
}

func runClaims(e *compareEngine, seq int, engineOnly bool) tea.Cmd {
	return func() tea.Msg {
		return claimsLoadedMsg{seq: seq, claims: e.index(engineOnly).Claims()}
	}
}

// compareExportedMsg reports where an export was written (or was to be),
// in which folder, and why not.
type compareExportedMsg struct {
	path, dir string
	err       error
}

// exportCompare writes the comparison as Markdown to a new file named by
// the time, in dir (the current directory when empty), in a command so a
// slow disk never stalls the interface.
func exportCompare(docs []*corpus.Document, res compare.Result, dir string, now time.Time) tea.Cmd {
	return func() tea.Msg {
		name := fmt.Sprintf("parley-compare-%s.md", now.Format("20060102-150405"))
		path := filepath.Join(dir, name)
		// The status names the file absolutely: the reader may have been
		// started anywhere, and a bare name says nothing of where it is.
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		out := compareExportedMsg{path: path, dir: filepath.Dir(path)}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			out.err = err
			return out
		}
		werr := compare.WriteMarkdown(f, docs, res)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			_ = os.Remove(path) // no half-written report left behind
			out.err = werr
		}
		return out
	}
}
