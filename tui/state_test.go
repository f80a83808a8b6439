package tui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
)

func TestStateRoundTripAndAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "state.json")
	s := loadState(path)
	s.setPlace("a", anchor{block: 3, off: 40, above: 2}, corpus.Loc{Block: 3, Sentence: 1})
	s.setLast("embedded", "a")
	if err := s.save(path); err != nil {
		t.Fatal(err)
	}
	got := loadState(path)
	if a := got.place("a"); a != (anchor{block: 3, off: 40, above: 2}) || got.LastDoc["embedded"] != "a" {
		t.Fatalf("round trip: %+v", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if e.Name() != "state.json" && e.Name() != "state.json.lock" {
			t.Fatalf("temp files left behind: %v", entries)
		}
	}
}

func TestStateBadFilesAreIgnored(t *testing.T) {
	dir := t.TempDir()
	good := `{"version":1,"positions":{"a":{"block":2,"sentence":0}},"last_doc":{}}`
	for name, content := range map[string]string{
		"truncated": good[:len(good)/2],
		"corrupt":   "\x00\xff not json",
		"empty":     "",
		"wrongtype": `{"version":1,"positions":[1,2,3]}`,
		"future":    `{"version":99,"positions":{"a":{"block":2}}}`,
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		s := loadState(path)
		if len(s.Positions) != 0 || s.Positions == nil || s.LastDoc == nil {
			t.Errorf("%s: %+v", name, s)
		}
	}
	if s := loadState(filepath.Join(dir, "missing")); s.Positions == nil {
		t.Fatal("missing file")
	}
}

func TestStatePathOverride(t *testing.T) {
	t.Setenv(stateEnv, "/tmp/somewhere/state.json")
	if got := statePath(); got != "/tmp/somewhere/state.json" {
		t.Fatal(got)
	}
}

// TestPositionPersistsAcrossRuns: quit in the middle of a document, start
// again, and the reader is back on that document at that place.
func TestPositionPersistsAcrossRuns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	c := fixtureCorpus()
	m := newModel(nil, path)
	send(m, tea.WindowSizeMsg{Width: 80, Height: 12})
	send(m, loadedMsg{c: c})
	press(m, "j", "enter", "]")
	press(m, "j", "j") // a line inside a paragraph, not a sentence start
	want := m.reader.top
	if m.reader.position().Block <= 0 {
		t.Fatalf("position %+v", m.reader.position())
	}
	if err := m.saveState(); err != nil {
		t.Fatal(err)
	}
	again := newModel(nil, path)
	send(again, tea.WindowSizeMsg{Width: 80, Height: 12})
	send(again, loadedMsg{c: fixtureCorpus()})
	if again.reader.doc == nil || again.reader.doc.ID != "talks" || again.focus != focusReader {
		t.Fatalf("last document not reopened: %+v", again.reader.doc)
	}
	if got := again.reader.top; got != want {
		t.Fatalf("top line %d, want %d", got, want)
	}
}

// TestPositionPastEndIsClamped: a document that shrank since the position
// was saved opens at its end, not past it.
func TestPositionPastEndIsClamped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := loadState(path)
	c := fixtureCorpus()
	talks := docKey(c.Docs[0], c.Seeds)
	s.setPlace(talks, anchor{block: 500, off: 9000}, corpus.Loc{Block: 500, Sentence: 9})
	s.setLast(corpusKey(nil, c.Seeds), talks)
	if err := s.save(path); err != nil {
		t.Fatal(err)
	}
	m := newModel(nil, path)
	send(m, tea.WindowSizeMsg{Width: 80, Height: 12})
	send(m, loadedMsg{c: c})
	if m.reader.doc == nil || m.reader.top != m.reader.maxTop() {
		t.Fatalf("top %d, max %d", m.reader.top, m.reader.maxTop())
	}
	requireSize(t, m.render(), 80, 12)
}

// TestOpeningSavesInBackground: opening a document asks for a save,
// which writes the state without waiting for quit.
func TestOpeningSavesInBackground(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	m := newModel(nil, path)
	send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	send(m, loadedMsg{c: fixtureCorpus()})
	if send(m, openDocMsg{doc: m.corpus.Docs[1]}); !m.saveDue {
		t.Fatal("no save asked for")
	}
	_, cmd := m.Update(saveDueMsg{})
	if msg := cmd(); msg.(stateSavedMsg).err != nil {
		t.Fatal(msg)
	}
	if s := loadState(path); s.LastDoc[m.corpusKey()] != m.docKey(m.corpus.Docs[1]) {
		t.Fatalf("state after opening: %+v", s.LastDoc)
	}
	// An older snapshot written late never replaces a newer one.
	older := m.state.changes()
	m.state.setLast(m.corpusKey(), m.docKey(m.corpus.Docs[2]))
	if err := m.state.save(path); err != nil {
		t.Fatal(err)
	}
	if err := older.write(path); err != nil {
		t.Fatal(err)
	}
	if s := loadState(path); s.LastDoc[m.corpusKey()] != m.docKey(m.corpus.Docs[2]) {
		t.Fatalf("an older save won: %+v", s.LastDoc)
	}
}

// TestStateKeyFromSeedsFlag: documents are named by their id only in the
// embedded seeds, as the corpus's Seeds flag says (the same flag that
// decides where the shipped claims apply), not whenever no path was named.
func TestStateKeyFromSeedsFlag(t *testing.T) {
	seeds := seedCorpus(t)
	m := newTestModel(t, 80, 24, seeds)
	if got := m.docKey(seeds.Docs[0]); got != "embedded:"+seeds.Docs[0].ID || m.corpusKey() != "embedded" {
		t.Fatalf("seeds keyed %q in %q", got, m.corpusKey())
	}
	c := fixtureCorpus() // named by no path, and not the seeds
	m = newTestModel(t, 80, 24, c)
	abs, _ := filepath.Abs(c.Docs[0].Path)
	if got := m.docKey(c.Docs[0]); got != abs || m.corpusKey() == "embedded" {
		t.Fatalf("a corpus other than the seeds keyed %q in %q", got, m.corpusKey())
	}
}
