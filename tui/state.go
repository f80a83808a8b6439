package tui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"github.com/adrg/xdg"

	"parley/corpus"
)

// stateEnv overrides the state file's path (tests use it; so can users).
const stateEnv = "PARLEY_STATE_FILE"

// savedState is what persists across runs: the reading position of each
// document and the last document open for each corpus.
type savedState struct {
	Version   int                 `json:"version"`
	Positions map[string]savedPos `json:"positions"`
	LastDoc   map[string]string   `json:"last_doc"`
}

// savedPos is a reading place: the block and byte at the top line (and
// how many lines above it the top was), plus its sentence for people
// reading the file.
type savedPos struct {
	Block    int `json:"block"`
	Sentence int `json:"sentence"`
	Offset   int `json:"offset"`
	Above    int `json:"above"`
}

const stateVersion = 1

// statePath is the state file: $PARLEY_STATE_FILE, or parley/state.json in
// the XDG state directory. Empty when neither can be found.
func statePath() string {
	if p := os.Getenv(stateEnv); p != "" {
		return p
	}
	p, err := xdg.StateFile(filepath.Join("parley", "state.json"))
	if err != nil {
		return ""
	}
	return p
}

// loadState reads the state file; a missing, truncated or corrupt file
// gives an empty state, never an error, since losing a reading position
// must not stop the reader.
func loadState(path string) *savedState {
	s := &savedState{Version: stateVersion, Positions: map[string]savedPos{}, LastDoc: map[string]string{}}
	if path == "" {
		return s
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return s
	}
	var got savedState
	if json.Unmarshal(raw, &got) != nil || got.Version != stateVersion {
		return s
	}
	for k, v := range got.Positions {
		s.Positions[k] = v
	}
	for k, v := range got.LastDoc {
		s.LastDoc[k] = v
	}
	return s
}

// save writes the state atomically (see writeAtomic).
func (s *savedState) save(path string) error {
	if path == "" {
		return nil
	}
	raw, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(path, raw, nextWrite())
}

// saveCmd snapshots the state now and writes it in the background, so a
// reading position survives even if the program is killed later.
func (s *savedState) saveCmd(path string) tea.Cmd {
	if path == "" {
		return nil
	}
	raw, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil
	}
	seq := nextWrite()
	return func() tea.Msg {
		_ = writeAtomic(path, raw, seq) // best effort; the save on quit reports errors
		return nil
	}
}

var (
	writeMu   sync.Mutex
	writeSeq  atomic.Int64
	lastWrite = map[string]int64{}
)

func nextWrite() int64 { return writeSeq.Add(1) }

// writeAtomic writes a temp file in the same directory, syncs it and
// renames it over the old one, so a crash leaves either the old or the new
// file, never half of one. Writes are serialised, and one older than the
// last written (seq) is dropped, so background saves never go backwards.
func writeAtomic(path string, raw []byte, seq int64) error {
	writeMu.Lock()
	defer writeMu.Unlock()
	if seq < lastWrite[path] {
		return nil
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".state-*.json")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, werr := f.Write(raw)
	serr := f.Sync()
	cerr := f.Close()
	if werr != nil || serr != nil || cerr != nil {
		os.Remove(tmp)
		return firstErr(werr, serr, cerr)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	lastWrite[path] = seq
	return nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
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
	s.Positions[key] = savedPos{Block: a.block, Sentence: loc.Sentence, Offset: a.off, Above: a.above}
}

// docKey names a document across runs: its absolute path, or its id in
// the embedded corpus.
func docKey(d *corpus.Document, embedded bool) string {
	if embedded {
		return "embedded:" + d.ID
	}
	if abs, err := filepath.Abs(d.Path); err == nil {
		return abs
	}
	return d.Path
}

// corpusKey names what was opened (the embedded corpus or the paths).
func corpusKey(paths []string) string {
	if len(paths) == 0 {
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
