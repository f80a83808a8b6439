package tui

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/adrg/xdg"

	"parley/corpus"
	"parley/corpus/atomicfile"
)

// stateEnv overrides the state file's path (tests use it; so can users).
const stateEnv = "PARLEY_STATE_FILE"

// savedState is what persists across runs: the reading position of each
// document and the last document open for each corpus. Every entry has
// the time it was last set, so that several parley processes sharing
// the file merge their changes entry by entry, the latest write winning
// (see merge).
type savedState struct {
	Version   int                 `json:"version"`
	Positions map[string]savedPos `json:"positions"`
	LastDoc   map[string]string   `json:"last_doc"`
	LastAt    map[string]int64    `json:"last_doc_at,omitempty"`

	// touched holds the keys this process set, the only entries it may
	// change in the file; others' entries are taken from the file.
	touched, touchedLast map[string]bool
	// off is why nothing is saved (the path is not a regular file); said
	// once in the interface, and the file is never written.
	off error
}

// savedPos is a reading place: the block and byte at the top line (and
// how many lines above it the top was), plus its sentence for people
// reading the file, and when it was set (Unix nanoseconds).
type savedPos struct {
	Block    int   `json:"block"`
	Sentence int   `json:"sentence"`
	Offset   int   `json:"offset"`
	Above    int   `json:"above"`
	At       int64 `json:"at,omitempty"`
}

const stateVersion = 1

// Bounds that keep start-up and every save quick whatever the file
// holds: a state over maxStateBytes is not read, and at most
// maxStateEntries positions are kept, the oldest evicted first.
const (
	maxStateBytes   = 16 << 20
	maxStateEntries = 20000
)

// statePath is the state file: $PARLEY_STATE_FILE, or parley/state.json in
// the XDG state directory. When that directory cannot be made (an
// unwritable home), the path is still given: the first save fails and
// the interface says why, once, instead of saving nothing in silence.
func statePath() string {
	if p := os.Getenv(stateEnv); p != "" {
		return p
	}
	rel := filepath.Join("parley", "state.json")
	p, err := xdg.StateFile(rel)
	if err != nil {
		return filepath.Join(xdg.StateHome, rel)
	}
	return p
}

func newSavedState() *savedState {
	return &savedState{
		Version: stateVersion, Positions: map[string]savedPos{}, LastDoc: map[string]string{},
		LastAt: map[string]int64{}, touched: map[string]bool{}, touchedLast: map[string]bool{},
	}
}

// loadState reads the state file; a missing, truncated, corrupt or
// oversized file gives an empty state, never an error, since losing a
// reading position must not stop the reader. A path that is not a
// regular file (/dev/null, a FIFO, a directory) is never opened for
// reading and never replaced: the state is kept for this run only.
func loadState(path string) *savedState {
	s := newSavedState()
	if path == "" {
		return s
	}
	got, err := readState(path)
	var nr *atomicfile.NotRegularError
	if errors.As(err, &nr) {
		s.off = err
	}
	if got != nil {
		s.Positions, s.LastDoc = got.Positions, got.LastDoc
		if got.LastAt != nil {
			s.LastAt = got.LastAt
		}
	}
	return s
}

// readState reads and decodes the file at path: nil for a missing or
// unreadable one, with the reason.
func readState(path string) (*savedState, error) {
	raw, err := atomicfile.ReadCapped(path, maxStateBytes)
	if err != nil {
		return nil, err
	}
	var got savedState
	if err := json.Unmarshal(raw, &got); err != nil {
		return nil, err
	}
	if got.Version != stateVersion {
		return nil, errors.New("unknown state version")
	}
	if got.Positions == nil {
		got.Positions = map[string]savedPos{}
	}
	if got.LastDoc == nil {
		got.LastDoc = map[string]string{}
	}
	return &got, nil
}

var (
	stampMu   sync.Mutex
	lastStamp int64
)

// stamp is the time of a change in Unix nanoseconds, strictly increasing
// within the process so that two changes never tie.
func stamp() int64 {
	stampMu.Lock()
	defer stampMu.Unlock()
	lastStamp = max(time.Now().UnixNano(), lastStamp+1)
	return lastStamp
}

// place is where the reader was in a document; block -1 (the top) when
// there is no record.
func (s *savedState) place(key string) anchor {
	p, ok := s.Positions[key]
	if !ok || p.Block < 0 {
		return anchor{block: -1}
	}
	return anchor{block: p.Block, off: max(p.Offset, 0), above: max(p.Above, 0)}
}

func (s *savedState) setPlace(key string, a anchor, loc corpus.Loc) {
	p := savedPos{Block: a.block, Sentence: loc.Sentence, Offset: a.off, Above: a.above}
	if old, ok := s.Positions[key]; ok && old.Block == p.Block && old.Sentence == p.Sentence &&
		old.Offset == p.Offset && old.Above == p.Above {
		return // unchanged: keep its time, so another process's later move wins
	}
	p.At = stamp()
	s.Positions[key] = p
	s.touched[key] = true
}

// last is the last document read in the corpus named key.
func (s *savedState) last(key string) (string, bool) {
	d, ok := s.LastDoc[key]
	return d, ok
}

func (s *savedState) setLast(key, doc string) {
	s.LastDoc[key] = doc
	s.LastAt[key] = stamp()
	s.touchedLast[key] = true
}

// docKey names a document across runs: its absolute path, or its id in
// the embedded seeds (seeds is the loaded corpus's Seeds flag, the same
// that decides where the shipped claims apply).
func docKey(d *corpus.Document, seeds bool) string {
	if seeds {
		return "embedded:" + d.ID
	}
	if abs, err := filepath.Abs(d.Path); err == nil {
		return abs
	}
	return d.Path
}

// corpusKey names what was opened: the embedded seeds (by the corpus's
// Seeds flag) or the paths.
func corpusKey(paths []string, seeds bool) string {
	if seeds {
		return "embedded"
	}
	key := ""
	for i, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if i > 0 {
			key += "\x00"
		}
		key += p
	}
	return key
}
