package compareview

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/corpus/export"
	"parley/corpus/stories"
)

// Engine builds the compare index on first use, off the UI
// goroutine, and shares it between the compare view and the claims index.
// The engine-only view is the index itself; the curated layer (shipped
// and the user's claims) is put over it with WithCurated, again each
// time the user's claims change, so neither the toggle nor an edit ever
// indexes anything again.
type Engine struct {
	docs []*corpus.Document
	once sync.Once
	ix   *compare.Index

	mu       sync.Mutex // guards what follows, which edits change
	curated  []compare.CuratedClaim
	stale    map[string][]string // the user's quotes no longer found, per claim label
	gen      int                 // bumped by each new layer
	layered  *compare.Index      // ix with the layer of generation layerGen
	layerGen int
	found    []compare.Claim // the last claims listed, for default labels

	// key names a document in the user's claims file; nil when there is
	// no file (the corpus is still loading).
	key func(*corpus.Document) string
	// shipped says whether a label is a shipped claim's.
	shipped func(label string) bool

	// The comparison sets of the corpus once its stories are found
	// (compare_set.go): one per layer, made again when the layer changes.
	groups  *stories.Result
	sets    [2]*compare.Sets
	setsGen [2]int
}

// NewEngine is the engine over docs with the curated layer curated; its
// index is built the first time it is asked for (Index).
func NewEngine(docs []*corpus.Document, curated []compare.CuratedClaim) *Engine {
	return &Engine{docs: docs, curated: curated}
}

// Index returns the Index for a layer, building it the first time. Safe
// to call from commands running concurrently.
func (e *Engine) Index(engineOnly bool) *compare.Index {
	e.once.Do(func() { e.ix = compare.Build(e.docs, compare.Options{}) })
	if engineOnly {
		return e.ix
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.layered == nil || e.layerGen != e.gen {
		e.layered, e.layerGen = e.ix.WithCurated(e.curated), e.gen
	}
	return e.layered
}

// SetLayer replaces the curated layer (after an edit of the user's
// claims); the next query uses it.
func (e *Engine) SetLayer(curated []compare.CuratedClaim, stale map[string][]string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.curated, e.stale = curated, stale
	e.gen++
}

// curatedLayer is the curated layer as it is now (an edit replaces it).
func (e *Engine) curatedLayer() []compare.CuratedClaim {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.curated
}

// staleOf lists the user's quotes of a claim that are no longer found.
func (e *Engine) staleOf(label string) []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.stale[label]
}

// SetFile tells the engine, before it is used, how the user's claims file
// names a document, which labels are shipped claims', and which quotes of
// the user's claims are no longer found in their sources.
func (e *Engine) SetFile(key func(*corpus.Document) string, shipped func(label string) bool, stale map[string][]string) {
	e.key, e.shipped, e.stale = key, shipped, stale
}

// DocKey names d as the user's claims file does; false while there is no
// file (the corpus is still loading).
func (e *Engine) DocKey(d *corpus.Document) (string, bool) {
	if e.key == nil {
		return "", false
	}
	return e.key(d), true
}

// CuratedLabels lists the curated claims' labels, and which are the
// user's own.
func (e *Engine) CuratedLabels() (labels []string, yours map[string]bool) {
	yours = map[string]bool{}
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, c := range e.curated {
		labels = append(labels, c.Label)
		yours[c.Label] = c.Origin == compare.OriginUser
	}
	return labels, yours
}

// hasCurated says whether there is a curated layer to toggle at all (a
// folder the user opened has none until the user keeps a statement).
func (e *Engine) hasCurated() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.curated) > 0
}

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
	picked *compare.Scope // the set picked for a typed query (compare_set.go)
}

// compareQuery is what the compare pane asks the engine.
type compareQuery struct {
	text       string
	origin     *corpus.Loc
	top        int
	engineOnly bool
	claim      string // the curated claim worked on, if any
	// set, when given, is the comparison set the query is compared
	// with; pick, when given, picks the stories that speak to a typed
	// query (compare_set.go). Neither: every document.
	set  *compare.Scope
	pick *compare.Sets
}

// originDoc is the document the query was taken from, or -1.
func (q compareQuery) originDoc() int {
	if q.origin == nil {
		return -1
	}
	return q.origin.Doc
}

// runCompare runs one comparison in a command: building the index the
// first time and comparing can both take a while on a large folder.
func runCompare(e *Engine, seq int, q compareQuery) tea.Cmd {
	return func() tea.Msg {
		opts := compare.QueryOptions{Top: q.top, Origin: q.origin, Claim: q.claim}
		switch {
		case q.pick != nil:
			sc := q.pick.Pick(q.text)
			return compareResultMsg{seq: seq, result: sc.Compare(q.text, opts), picked: sc}
		case q.set != nil:
			return compareResultMsg{seq: seq, result: q.set.Compare(q.text, opts)}
		}
		return compareResultMsg{seq: seq, result: e.Index(q.engineOnly).Compare(q.text, opts)}
	}
}

// ClaimsLoadedMsg carries the claims list back to the claims pane.
type ClaimsLoadedMsg struct {
	seq    int
	claims []compare.Claim
	part   string // partRead
}

func runClaims(e *Engine, seq int, engineOnly bool) tea.Cmd {
	return func() tea.Msg {
		ix := e.Index(engineOnly)
		claims := ix.Claims()
		e.mu.Lock()
		e.found = claims
		e.mu.Unlock()
		return ClaimsLoadedMsg{seq: seq, claims: claims, part: partRead(ix)}
	}
}

// compareExportedMsg reports where an export was written (or was to be),
// in which folder, and why not.
type compareExportedMsg struct {
	path, dir string
	err       error
}

// exportCompare writes the comparison as Markdown to a new file named by
// the time, in dir (the current directory when empty).
func exportCompare(docs []*corpus.Document, res compare.Result, dir string, now time.Time) tea.Cmd {
	return exportMarkdown("parley-compare", dir, now, func(w io.Writer) error { return export.WriteCompareMarkdown(w, docs, res) })
}

// exportMarkdown writes a Markdown report with write to a new file named
// prefix and the time, in dir (the current directory when empty), in a
// command so a slow disk never stalls the interface. Every export (the
// comparison, the claims index) goes through it.
func exportMarkdown(prefix, dir string, now time.Time, write func(io.Writer) error) tea.Cmd {
	return func() tea.Msg {
		if dir == "" {
			if _, err := os.Getwd(); err != nil {
				return compareExportedMsg{dir: ".", err: errNoWorkingDir}
			}
		} else {
			_ = os.MkdirAll(dir, 0o755) // the data directory's exports/ at first; a failure shows below
		}
		f, path, err := createExport(dir, prefix, now)
		// The status names the file absolutely: the reader may have been
		// started anywhere, and a bare name says nothing of where it is.
		if abs, aerr := filepath.Abs(path); aerr == nil {
			path = abs
		}
		out := compareExportedMsg{path: path, dir: filepath.Dir(path)}
		if err != nil {
			out.err = err
			return out
		}
		werr := write(f)
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

// errNoWorkingDir: the folder parley was started in has been deleted,
// so an export to it has nowhere to go.
var errNoWorkingDir = errors.New("the working folder was deleted")

// createExport makes a new file for a report in dir, named by the time;
// a second export in the same second (or a file already there) gets the
// next free number, "…-093000-2.md": an export never replaces a file.
func createExport(dir, prefix string, now time.Time) (*os.File, string, error) {
	stamp := now.Format("20060102-150405")
	for n := 1; ; n++ {
		name := fmt.Sprintf("%s-%s.md", prefix, stamp)
		if n > 1 {
			name = fmt.Sprintf("%s-%s-%d.md", prefix, stamp, n)
		}
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) && n < 1000 {
			continue
		}
		return f, path, err
	}
}
