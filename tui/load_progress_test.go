package tui

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/tui/common"
)

// The list's header says what loading is doing, with counts: finding the
// files, reading and parsing them (and how many came from the cache),
// then which indexes of a large folder are still being built.
func TestLoadingSaysWhatItDoes(t *testing.T) {
	m := newModel([]string{"folder"}, filepath.Join(t.TempDir(), "state.json"))
	send(m, tea.WindowSizeMsg{Width: 120, Height: 30})
	if sc := screen(m); !strings.Contains(sc, "finding files") {
		t.Fatalf("before any file:\n%s", sc)
	}
	seeds := seedCorpus(t).Docs
	var docs []*corpus.Document
	for i := 0; len(docs) < indexingShownDocs; i++ {
		d := *seeds[i%len(seeds)]
		d.ID = strconv.Itoa(i)
		docs = append(docs, &d)
	}
	send(m, loadProgressMsg{done: 100, total: len(docs), docs: docs[:100]})
	if sc := screen(m); !strings.Contains(sc, "loading: read and parsed 100/1000") {
		t.Fatalf("while loading:\n%s", sc)
	}
	send(m, loadProgressMsg{done: 512, total: len(docs), cached: 400, docs: docs[100:512]})
	if sc := screen(m); !strings.Contains(sc, "loading 512/1000: 400 from cache") {
		t.Fatalf("while loading from the cache:\n%s", sc)
	}
	// The list is usable from the first batch.
	press(m, "j")
	if m.list.sel != 1 {
		t.Fatalf("j while loading left the cursor at %d", m.list.sel)
	}
	m.list.loading = true
	m.loaded(loadedMsg{c: &corpus.Corpus{Docs: docs}})
	if sc := screen(m); !strings.Contains(sc, "indexing search, compare") || !slices.Contains(m.list.indexing, "stories") {
		t.Fatalf("once loaded:\n%s", sc)
	}
	send(m, searchIndexMsg{})
	if sc := screen(m); !strings.Contains(sc, "indexing compare") || strings.Contains(sc, "indexing search") {
		t.Fatalf("with search indexed:\n%s", sc)
	}
	send(m, compareIndexedMsg{})
	if sc := screen(m); !strings.Contains(sc, "indexing stories") {
		t.Fatalf("with compare indexed:\n%s", sc)
	}
	send(m, findStories(docs)())
	if sc := screen(m); strings.Contains(sc, "indexing") {
		t.Fatalf("with every index built:\n%s", sc)
	}
}

// A folder arriving in batches, in any order, ends in the order one sort
// of everything gives, under each sort key.
func TestBatchesMergeAsOneSort(t *testing.T) {
	seeds := seedCorpus(t).Docs
	var docs []*corpus.Document
	for i := range 700 {
		d := *seeds[(i*7)%len(seeds)]
		d.ID = strconv.Itoa((i * 389) % 700)
		if i%3 == 0 {
			d.Published = ""
		}
		docs = append(docs, &d)
	}
	for by := range sortKeys {
		l := newListPane(&common.Context{Styles: &common.Styles{}, Keys: &common.KeyMap{}})
		l.sortBy = by
		for i := 0; i < len(docs); i += 64 {
			l.addDocs(docs[i:min(i+64, len(docs))])
		}
		want := make([]int, len(docs))
		for i := range want {
			want[i] = i
		}
		sortDocs(docs, want, by)
		for i := range want {
			if l.shown[i] != want[i] {
				t.Fatalf("sorted by %v, row %d is %s, want %s", by, i, docs[l.shown[i]].ID, docs[want[i]].ID)
			}
		}
	}
}

// Past about twice the BBC folder's words the compare index of every
// document is not built on loading: a comparison asks for it.
func TestLargeCorpusBuildsCompareIndexOnDemand(t *testing.T) {
	m := newModel([]string{"folder"}, filepath.Join(t.TempDir(), "state.json"))
	send(m, tea.WindowSizeMsg{Width: 120, Height: 30})
	seeds := seedCorpus(t).Docs
	var docs []*corpus.Document
	for i := 0; len(docs) < indexingShownDocs; i++ {
		d := *seeds[i%len(seeds)]
		d.ID, d.Words = strconv.Itoa(i), 2*backgroundClaimsWords/indexingShownDocs+1
		docs = append(docs, &d)
	}
	m.list.loading = true
	m.loaded(loadedMsg{c: &corpus.Corpus{Docs: docs}})
	if sc := screen(m); !strings.Contains(sc, "indexing search, stories") || slices.Contains(m.list.indexing, "compare") {
		t.Fatalf("once loaded:\n%s", sc)
	}
}
