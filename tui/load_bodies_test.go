package tui

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/stories"
	"parley/seeds"
)

// loadThrough drives a load of dir through cache to its loadedMsg, as
// the interface's commands would; the commands loaded() returns are not
// run (the spinner's would wait for its timer).
func loadThrough(t *testing.T, m *Model, dir string, cache *corpus.Cache) {
	t.Helper()
	for cmd := loadCmdCached([]string{dir}, cache); cmd != nil; {
		msg := cmd()
		m.Update(msg)
		switch msg := msg.(type) {
		case loadProgressMsg:
			cmd = msg.next
		case loadedMsg:
			return
		default:
			t.Fatalf("unexpected %T", msg)
		}
	}
}

// A folder unchanged in the cache is listed whole before any body is
// read; the header says the texts are being read, with counts; a document
// opened meanwhile shows its body; once every body is in, the indexes
// start, and the documents are those a plain load makes.
func TestListedFromCacheThenBodies(t *testing.T) {
	dir := t.TempDir()
	const n = 40
	for i := range n {
		writeFile(t, dir, fmt.Sprintf("doc%02d.md", i), fmt.Sprintf("# Report %02d\n\nBody of report %d. It has two sentences.\n", i, i))
	}
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "t"}
	first := newModel([]string{dir}, filepath.Join(t.TempDir(), "state.json"))
	if loadThrough(t, first, dir, cache); first.list.bodies.total != 0 || first.list.indexing == nil && first.compareView == nil {
		t.Fatal("a folder read and parsed has bodies to read")
	}

	m := newModel([]string{dir}, filepath.Join(t.TempDir(), "state.json"))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	loadThrough(t, m, dir, cache)
	pending := 0
	for _, d := range m.list.docs {
		if d.BodyPending() {
			pending++
		}
	}
	if len(m.list.docs) != n || pending == 0 {
		t.Fatalf("listed %d documents, %d without their body", len(m.list.docs), pending)
	}
	if sc := screen(m); !strings.Contains(sc, fmt.Sprintf("%d docs · reading texts 0/%d", n, pending)) {
		t.Fatalf("while the bodies are read:\n%s", sc)
	}
	if m.list.indexing != nil || m.compareView != nil {
		t.Fatal("indexes started before the bodies were in")
	}
	press(m, "enter")
	if sc := screen(m); !strings.Contains(sc, "Body of report") {
		t.Fatalf("a document opened while the bodies are read:\n%s", sc)
	}
	// A body reader such as loaded() returned, run as the interface runs it.
	for cmd := m.readBodies(m.corpus); cmd != nil; {
		msg := cmd().(bodiesMsg)
		m.Update(msg)
		cmd = msg.next
	}
	if strings.Contains(screen(m), "reading texts") || m.compareView == nil {
		t.Fatalf("after the bodies:\n%s", screen(m))
	}
	plain, _ := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	for i, d := range m.corpus.Docs {
		if d.BodyPending() || d.Sections[0].Blocks[0].Text != plain.Docs[i].Sections[0].Blocks[0].Text {
			t.Fatalf("%s: body %+v", d.ID, d.Sections)
		}
	}
}

// A folder larger than readAheadWords keeps no body, read for the first
// time or listed from the cache, and reads none ahead: the indexes start
// at once, stories are grouped without keeping a body, and a body is read
// when used (the reader, a search's hits, a comparison's documents),
// showing and comparing as a plain load does.
func TestLargeFolderBodiesWhenNeeded(t *testing.T) {
	defer func(w int) { readAheadWords = w }(readAheadWords)
	readAheadWords = 1
	dir := t.TempDir()
	names, _ := fs.Glob(seeds.FS, "*.txt")
	for _, n := range names {
		b, _ := fs.ReadFile(seeds.FS, n)
		writeFile(t, dir, n, string(b))
		writeFile(t, dir, "copy-"+n, string(b))
	}
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "t"}
	// Read for the first time, the documents keep no body once loaded.
	cold := newModel([]string{dir}, filepath.Join(t.TempDir(), "state.json"))
	loadThrough(t, cold, dir, cache)
	for _, d := range cold.corpus.Docs {
		if !d.BodyPending() && d != cold.reader.doc {
			t.Fatalf("%s kept its body after the first load", d.ID)
		}
	}

	m := newModel([]string{dir}, filepath.Join(t.TempDir(), "state.json"))
	m.cache = cache
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	loadThrough(t, m, dir, cache)
	docs := m.corpus.Docs
	pending := func() (n int) {
		for _, d := range docs {
			if d.BodyPending() {
				n++
			}
		}
		return n
	}
	// The one the split layout's reader shows is read.
	unread := pending()
	if unread != len(docs)-1 || strings.Contains(screen(m), "reading texts") || !m.set.Grouping {
		t.Fatalf("%d of %d bodies pending, stories grouping %v:\n%s", unread, len(docs), m.set.Grouping, screen(m))
	}
	plain, _ := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	m.Update(findStories(docs)())
	if want := stories.Group(plain.Docs); !reflect.DeepEqual(m.set.Groups, want) || pending() != unread {
		t.Fatalf("stories %+v with %d bodies pending, want %+v", m.set.Groups, pending(), want)
	}

	m.Update(m.searchIndexCmd(m.corpus)())
	m.searchView.input.SetValue("'Aamer")
	res := m.searchView.start()().(searchResultMsg)
	if res.res == nil || len(res.res.Hits) == 0 {
		t.Fatal("no hits for Aamer")
	}
	hitDocs := map[int]bool{}
	for _, h := range res.res.Hits {
		hitDocs[h.Loc.Doc] = true
	}
	for i, d := range docs {
		if hitDocs[i] && d.BodyPending() {
			t.Fatalf("after a search: %s has hits and its body is not read", d.ID)
		}
	}
	if pending() == 0 {
		t.Fatal("a search read every body")
	}
	hit := res.res.Hits[0]
	got, want := docs[hit.Loc.Doc].Block(max(hit.Loc.Block, 0)), plain.Docs[hit.Loc.Doc].Block(max(hit.Loc.Block, 0))
	if got == nil || want == nil || got.Text != want.Text {
		t.Fatalf("the first hit's paragraph %v, want %v", got, want)
	}

	for _, d := range m.list.docs {
		if d.BodyPending() {
			m.list.selectDoc(d)
			press(m, "enter")
			first := plain.Docs[m.indexOf(d)].Blocks()[0].Block.Sentences[0].Text
			if sc := screen(m); d.BodyPending() || !strings.Contains(sc, first[:min(len(first), 30)]) {
				t.Fatalf("the opened document, want %q:\n%s", first, sc)
			}
			// Its first sentence compared: what the same comparison over
			// the documents of a plain load finds, the other documents'
			// bodies read as the comparison needs them.
			pm := newTestModel(t, 120, 30, plain)
			pm.Update(findStories(plain.Docs)())
			pm.list.selectDoc(plain.Docs[m.indexOf(d)])
			press(pm, "enter")
			for _, model := range []*Model{m, pm} {
				press(model, "v")
				press(model, "c")
			}
			if got, want := compareNow(t, m).Result(), compareNow(t, pm).Result(); !reflect.DeepEqual(got, want) {
				t.Fatalf("compared %+v, want %+v", got, want)
			}
			return
		}
	}
	t.Fatal("no document left unread")
}
