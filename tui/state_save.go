package tui

import (
	"encoding/json"
	"errors"
	"io/fs"
	"path/filepath"
	"sort"
	"sync/atomic"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/atomicfile"
	"parley/tui/common"
)

// saveDelay is how long after a change the state is written: the changes
// made meanwhile (5,000 presses of J) share one write instead of one each.
const saveDelay = 2 * time.Second

// lockWait bounds the wait for another parley process's save.
const lockWait = 2 * time.Second

// stateWrites counts the state files written, for tests and benchmarks.
var stateWrites atomic.Int64

// saveDueMsg says the delay after a change has passed; stateSavedMsg
// says how the save went.
type (
	saveDueMsg    struct{}
	stateSavedMsg struct{ err error }
)

// stateChanges is what this process set, copied so that a save can run
// in the background while the interface goes on changing the state.
type stateChanges struct {
	pos    map[string]savedPos
	last   map[string]string
	lastAt map[string]int64
}

func (s *savedState) changes() stateChanges {
	c := stateChanges{pos: map[string]savedPos{}, last: map[string]string{}, lastAt: map[string]int64{}}
	for k := range s.touched {
		c.pos[k] = s.Positions[k]
	}
	for k := range s.touchedLast {
		c.last[k], c.lastAt[k] = s.LastDoc[k], s.LastAt[k]
	}
	return c
}

// save writes this process's changes into the state file now.
func (s *savedState) save(path string) error {
	if path == "" {
		return nil
	}
	if s.off != nil {
		return s.off
	}
	return s.changes().write(path)
}

// write merges the changes into the file under its lock: the file is
// read again, each entry changed here replaces the file's when it is the
// later of the two, and the result is written atomically (through a
// link, never over a special file). Entries other processes wrote
// meanwhile are kept. Nothing is written when nothing changed.
func (c stateChanges) write(path string) error {
	if _, _, err := atomicfile.Check(path); err != nil {
		return err
	}
	unlock, err := atomicfile.Lock(path, lockWait)
	if err != nil {
		return err
	}
	defer unlock()
	disk, rerr := readState(path)
	var nr *atomicfile.NotRegularError
	if errors.As(rerr, &nr) {
		return rerr
	}
	if disk == nil {
		disk = newSavedState()
	}
	if disk.LastAt == nil {
		disk.LastAt = map[string]int64{}
	}
	changed := rerr != nil
	for k, p := range c.pos {
		if old, ok := disk.Positions[k]; !ok || p.At > old.At {
			disk.Positions[k], changed = p, true
		}
	}
	for k, d := range c.last {
		if _, ok := disk.LastDoc[k]; !ok || c.lastAt[k] > disk.LastAt[k] {
			disk.LastDoc[k], disk.LastAt[k], changed = d, c.lastAt[k], true
		}
	}
	if !changed {
		return nil
	}
	disk.evict(maxStateEntries)
	raw, err := json.MarshalIndent(disk, "", "  ")
	if err != nil {
		return err
	}
	stateWrites.Add(1)
	err = atomicfile.Write(path, raw, 0o600)
	// Under the lock no other parley is writing: any temp file left is
	// from a write that was killed. ".state-*.json" are those of earlier
	// versions, which wrote without the lock.
	atomicfile.CleanTemps(path, 0)
	if target, terr := atomicfile.Target(path); terr == nil {
		atomicfile.CleanGlob(filepath.Dir(target), ".state-*.json", time.Minute)
	}
	return err
}

// evict keeps the n latest positions and last documents, so the file and
// the time to read it stay bounded.
func (s *savedState) evict(n int) {
	evictOldest(s.Positions, n, func(k string) int64 { return s.Positions[k].At })
	evictOldest(s.LastDoc, n, func(k string) int64 { return s.LastAt[k] })
	for k := range s.LastAt {
		if _, ok := s.LastDoc[k]; !ok {
			delete(s.LastAt, k)
		}
	}
}

func evictOldest[V any](m map[string]V, n int, at func(string) int64) {
	if len(m) <= n {
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if ta, tb := at(keys[a]), at(keys[b]); ta != tb {
			return ta < tb
		}
		return keys[a] < keys[b]
	})
	for _, k := range keys[:len(keys)-n] {
		delete(m, k)
	}
}

// persist records the reader's place and asks for a save once saveDelay
// has passed, unless one is already asked for.
func (m *Model) persist() tea.Cmd {
	m.rememberPosition()
	if m.statePath == "" || m.saveDue {
		return nil
	}
	if m.state.off != nil {
		m.stateProblem(m.state.off)
		return nil
	}
	m.saveDue = true
	return scheduleSave()
}

// scheduleSave delivers saveDueMsg after saveDelay. Tests replace it, as
// they never wait on a timer, and send saveDueMsg themselves.
var scheduleSave = func() tea.Cmd {
	return tea.Tick(saveDelay, func(time.Time) tea.Msg { return saveDueMsg{} })
}

// saveInBackground writes the changes so far in a command.
func (m *Model) saveInBackground() tea.Cmd {
	m.saveDue = false
	m.rememberPosition()
	if m.state.off != nil || m.statePath == "" {
		return nil
	}
	c, path := m.state.changes(), m.statePath
	return func() tea.Msg { return stateSavedMsg{err: c.write(path)} }
}

// saveState writes the reading positions; Run calls it on the way out.
// A problem the interface has already shown is not returned again.
func (m *Model) saveState() error {
	m.rememberPosition()
	err := m.state.save(m.statePath)
	if err == nil || m.stateWarned {
		return nil
	}
	m.stateWarned = true
	return errors.New(stateProblemText(err))
}

// stateProblem says once, in the footer, why positions are not saved.
func (m *Model) stateProblem(err error) {
	if err == nil || m.stateWarned {
		return
	}
	m.stateWarned = true
	m.note = stateProblemText(err)
}

// stateProblemText says in a few words why the state cannot be saved.
func stateProblemText(err error) string {
	var nr *atomicfile.NotRegularError
	var pe *fs.PathError
	switch {
	case errors.As(err, &nr):
		return "reading positions are not saved: " + corpus.CleanLine(nr.Error())
	case (errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)) && errors.As(err, &pe):
		return "reading positions are not saved: " + corpus.CleanLine(filepath.Dir(pe.Path)) + " is not writable"
	}
	return "reading positions are not saved: " + corpus.CleanLine(common.OneLine(err.Error()))
}
