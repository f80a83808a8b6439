package tui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

// Tests never wait on the save delay: they send saveDueMsg themselves.
func init() { scheduleSave = func() tea.Cmd { return nil } }

// openModel is a model on the fixture corpus with its state at path.
func openModel(t *testing.T, path string) *Model {
	t.Helper()
	m := newModel(nil, path)
	send(m, tea.WindowSizeMsg{Width: 80, Height: 12})
	send(m, loadedMsg{c: fixtureCorpus()})
	return m
}

// saveNow runs the background save a change asked for, as its timer would.
func saveNow(t *testing.T, m *Model) {
	t.Helper()
	_, cmd := m.Update(saveDueMsg{})
	if cmd == nil {
		return
	}
	msg := cmd().(stateSavedMsg)
	if msg.err != nil {
		t.Fatal(msg.err)
	}
	m.Update(msg)
}

// Two processes share the state file: each one's positions survive the
// other's saves, and for a document both moved in, the later move wins
// whichever process saved last.
func TestStateMergesTwoProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a, b := openModel(t, path), openModel(t, path)
	docs := a.corpus.Docs
	a.state.setPlace("embedded:"+docs[1].ID, anchor{block: 5}, corpus.Loc{Block: 5})
	b.state.setPlace("embedded:"+docs[2].ID, anchor{block: 7}, corpus.Loc{Block: 7})
	b.state.setPlace("embedded:"+docs[0].ID, anchor{block: 1}, corpus.Loc{Block: 1})
	a.state.setPlace("embedded:"+docs[0].ID, anchor{block: 9}, corpus.Loc{Block: 9}) // later
	if err := a.state.save(path); err != nil {
		t.Fatal(err)
	}
	if err := b.state.save(path); err != nil { // b quits last
		t.Fatal(err)
	}
	got := loadState(path)
	for id, want := range map[string]int{docs[1].ID: 5, docs[2].ID: 7, docs[0].ID: 9} {
		if p := got.place("embedded:" + id); p.block != want {
			t.Errorf("%s: block %d, want %d", id, p.block, want)
		}
	}
}

// Four writers saving at once, each its own state as separate processes
// have: the lock makes each read-merge-write whole, so no entry is lost.
func TestStateConcurrentSavesLoseNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			s := loadState(path)
			for i := range 10 {
				s.setPlace(fmt.Sprintf("w%d-%d", w, i), anchor{block: i}, corpus.Loc{Block: i})
				if err := s.save(path); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if got := loadState(path); len(got.Positions) != 40 {
		t.Fatalf("%d of 40 positions kept", len(got.Positions))
	}
}

// The state is written once for any number of moves between two saves:
// 5,000 presses of J with 10,000 remembered documents cost one write.
func TestStateSavesAreDebounced(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	writeBigState(t, path, 10000)
	m := openModel(t, path)
	press(m, "enter")
	before := stateWrites.Load()
	for range 5000 {
		press(m, "J")
	}
	if n := stateWrites.Load() - before; n != 0 || !m.saveDue {
		t.Fatalf("%d writes during the presses (save due %v)", n, m.saveDue)
	}
	saveNow(t, m)
	if n := stateWrites.Load() - before; n != 1 {
		t.Fatalf("%d writes after the delay, want 1", n)
	}
	got := loadState(path)
	if len(got.Positions) != 10000+len(m.corpus.Docs) {
		t.Fatalf("%d positions kept", len(got.Positions))
	}
	if got.LastDoc[m.corpusKey()] != m.docKey(m.reader.doc) {
		t.Fatalf("last document %q, reader on %s", got.LastDoc[m.corpusKey()], m.reader.doc.ID)
	}
	saveNow(t, m) // nothing changed since: no write
	if n := stateWrites.Load() - before; n != 1 {
		t.Fatalf("an unchanged state was written again (%d writes)", n)
	}
}

// writeBigState writes a state of n positions, the oldest first.
func writeBigState(t testing.TB, path string, n int) {
	t.Helper()
	s := newSavedState()
	for i := range n {
		s.Positions[fmt.Sprintf("/docs/%06d.txt", i)] = savedPos{Block: i % 50, At: int64(i + 1)}
	}
	raw, _ := json.Marshal(s)
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

// The file stays bounded (the oldest positions go first), temp files a
// killed save left are removed, and a file too large to be parley's own
// is not read at start-up.
func TestStateBoundedAndCleaned(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	writeBigState(t, path, maxStateEntries+500)
	hourAgo := time.Now().Add(-time.Hour)
	stale := []string{filepath.Join(dir, ".state-123.json"), filepath.Join(dir, ".state.json.tmp-456")}
	for _, p := range stale {
		os.WriteFile(p, []byte("{"), 0o600)
		os.Chtimes(p, hourAgo, hourAgo)
	}
	m := openModel(t, path)
	press(m, "enter")
	if err := m.saveState(); err != nil {
		t.Fatal(err)
	}
	got := loadState(path)
	if len(got.Positions) != maxStateEntries {
		t.Fatalf("%d positions, want %d", len(got.Positions), maxStateEntries)
	}
	if _, ok := got.Positions["/docs/000000.txt"]; ok {
		t.Fatal("the oldest position was kept")
	}
	if _, ok := got.Positions[m.docKey(m.reader.doc)]; !ok {
		t.Fatal("the newest position was evicted")
	}
	for _, p := range stale {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s left behind", p)
		}
	}
	huge := filepath.Join(dir, "huge.json")
	f, _ := os.Create(huge)
	f.Truncate(maxStateBytes + 1) // sparse: no time spent writing it
	f.Close()
	if s := loadState(huge); len(s.Positions) != 0 || s.off != nil {
		t.Fatalf("an oversized state was read: %d positions, off %v", len(s.Positions), s.off)
	}
}

// A linked state file (dotfiles) is written through its link.
func TestStateWrittenThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "dotfiles", "parley-state.json")
	os.MkdirAll(filepath.Dir(real), 0o700)
	link := filepath.Join(dir, "state.json")
	os.Symlink(real, link)
	m := openModel(t, link)
	press(m, "enter", "j", "j")
	if err := m.saveState(); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced by a file")
	}
	if s := loadState(real); s.LastDoc[m.corpusKey()] == "" {
		t.Fatalf("the link's target holds %+v", s)
	}
}

// What is not a regular file is never read (a FIFO would block) nor
// replaced: parley says so once, in the footer, and reads on unsaved.
func TestStateSpecialFileNeverReplaced(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := testcorpus.MakeFIFO(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	folder := filepath.Join(dir, "state.json")
	os.Mkdir(folder, 0o700)
	for _, path := range []string{os.DevNull, fifo, folder} {
		done := make(chan *Model, 1)
		go func() { done <- openModel(t, path) }()
		var m *Model
		select {
		case m = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: start-up blocked", path)
		}
		press(m, "enter")
		if !strings.Contains(m.note, "reading positions are not saved") || !strings.Contains(m.note, "not a regular file") {
			t.Errorf("%s: note %q", path, m.note)
		}
		press(m, "esc", "j", "enter")
		if m.note != "" {
			t.Errorf("%s: said twice: %q", path, m.note)
		}
		if err := m.saveState(); err != nil {
			t.Errorf("%s: said again on quit: %v", path, err)
		}
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode().IsRegular() {
		t.Fatal("/dev/null was replaced")
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatal("the FIFO was replaced")
	}
	if fi, _ := os.Lstat(folder); !fi.IsDir() {
		t.Fatal("the folder was replaced")
	}
	// Never opened in the interface: said on the way out instead, once.
	m := openModel(t, folder)
	if err := m.saveState(); err == nil || !strings.Contains(err.Error(), "is a directory, not a regular file") {
		t.Fatalf("quit: %v", err)
	}
}

// A state that cannot be written (its folder cannot be made) is said
// once in the interface, and not again on the way out.
func TestStateUnwritableSaidOnce(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "home"), nil, 0o600) // a file where a folder should be
	m := openModel(t, filepath.Join(dir, "home", "state", "state.json"))
	press(m, "enter")
	saveNowErr(m)
	if !strings.HasPrefix(m.note, "reading positions are not saved: ") {
		t.Fatalf("note %q", m.note)
	}
	press(m, "J")
	saveNowErr(m)
	if m.note != "" {
		t.Fatalf("said twice: %q", m.note)
	}
	if err := m.saveState(); err != nil {
		t.Fatalf("said again on quit: %v", err)
	}
	perm := &os.PathError{Op: "open", Path: "/home/u/.local/state/parley/.state.json.tmp-1", Err: syscall.EACCES}
	if got := stateProblemText(perm); got != "reading positions are not saved: /home/u/.local/state/parley is not writable" {
		t.Fatal(got)
	}
}

func saveNowErr(m *Model) {
	if _, cmd := m.Update(saveDueMsg{}); cmd != nil {
		m.Update(cmd())
	}
}

// BenchmarkStateNextDocument: one press of J with 10,000 remembered
// documents, and the state writes it costs (writes/op: one per delay,
// whatever the number of presses).
func BenchmarkStateNextDocument(b *testing.B) {
	path := filepath.Join(b.TempDir(), "state.json")
	writeBigState(b, path, 10000)
	m := newModel(nil, path)
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.Update(loadedMsg{c: fixtureCorpus()})
	m.Update(keyMsg("enter"))
	before := stateWrites.Load()
	b.ResetTimer()
	for range b.N {
		m.Update(keyMsg("J"))
	}
	b.StopTimer()
	b.ReportMetric(float64(stateWrites.Load()-before)/float64(b.N), "writes/op")
}

// BenchmarkStateSave: one save (lock, read, merge, write) of a state of
// 10,000 and of 20,000 (the cap) positions.
func BenchmarkStateSave(b *testing.B) {
	for _, n := range []int{10000, maxStateEntries} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "state.json")
			writeBigState(b, path, n)
			s := loadState(path)
			b.ResetTimer()
			for i := range b.N {
				s.setPlace("/docs/new.txt", anchor{block: i}, corpus.Loc{Block: i})
				if err := s.save(path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStateLoad: start-up reading a full state (20,000 positions).
func BenchmarkStateLoad(b *testing.B) {
	path := filepath.Join(b.TempDir(), "state.json")
	writeBigState(b, path, maxStateEntries)
	b.ResetTimer()
	for range b.N {
		if s := loadState(path); len(s.Positions) != maxStateEntries {
			b.Fatal(len(s.Positions))
		}
	}
}

// On SIGHUP the model saves at once, before quitting.
func TestHangupSavesThenQuits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	m := openModel(t, path)
	press(m, "enter", "j", "j", "j")
	_, cmd := m.Update(hangupMsg{})
	if cmd == nil {
		t.Fatal("no quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("hangup does not quit")
	}
	want := m.state.Positions[m.docKey(m.reader.doc)]
	if got := loadState(path).Positions[m.docKey(m.reader.doc)]; got.Block != want.Block || got.Offset != want.Offset || got.At == 0 {
		t.Fatalf("saved %+v, want %+v", got, want)
	}
}

// TestHangupWritesTheLastInputsState: the SIGHUP handler's own copy holds
// the place after the last key, so it is saved even if Update never runs
// again (the program stopped with its terminal).
func TestHangupWritesTheLastInputsState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	m := openModel(t, path)
	press(m, "enter", "space", "j")
	key := m.docKey(m.reader.doc)
	want := m.reader.topAnchor()
	m.hup.write()
	got := loadState(path).Positions[key]
	if got.At == 0 || got.Block != want.block || got.Offset != want.off {
		t.Fatalf("saved %+v, want block %d offset %d", got, want.block, want.off)
	}
}
