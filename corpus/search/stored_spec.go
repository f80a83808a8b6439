package search

import (
	"context"
	"path/filepath"
	"sync/atomic"

	"parley/corpus"
)

// SearchStored answers query over paths from the index kept on disk, as
// LoadStored then RunIndex would, but scans the stored index while the
// folder is looked at rather than after. At forty times the BBC folder
// the look (corpus.TakeSnapshot: a stat of each of 89,040 files) and the
// scan were each about half of a second search, one after the other.
//
// The early answer is an answer from the index as it was written, so it
// is kept only when the snapshot, once complete, shows the folder as the
// index has it: the same files, in the same order, each with the size and
// modification time recorded (the test LoadStored makes before using an
// index without a rebuild). Otherwise the scan is cancelled, the index
// brought up to date as LoadStored does, and the query run on it. Only a
// single folder is answered early; several paths take LoadStored's way.
// ok is false as for LoadStored, and the caller then loads as usual. The
// answer has the best limit hits (Options.TopOnly): with a limit, its
// Total may be -1, as the command does not show it.
func SearchStored(cache *corpus.Cache, paths []string, query string, limit int) (c *corpus.Corpus, res *Result, ok bool) {
	if cache == nil || len(paths) != 1 {
		return searchLoaded(cache, paths, query, limit)
	}
	root, err := filepath.Abs(paths[0])
	if err != nil {
		return searchLoaded(cache, paths, query, limit)
	}
	ctx, cancel := context.WithCancel(bg)
	defer cancel()
	opened := make(chan *storeFile, 1)
	answered := make(chan early, 1)
	go func() {
		s, _ := openStore(storePath(cache, root), cache.Version, root, true)
		opened <- s
		if s == nil {
			answered <- early{}
			return
		}
		a := s.searchAsWritten(ctx, query, limit)
		if a.err == nil {
			a.docs = docRoom(len(s.files))
		}
		answered <- a
	}()
	snap := corpus.TakeSnapshot(paths)
	s := <-opened
	if s != nil && snap.Plain && s.sameAs(snap, root) {
		if a := <-answered; a.err == nil {
			earlyAnswers.Add(1)
			c = &corpus.Corpus{Problems: snap.Problems, Unsupported: snap.Unsupported, Docs: stubDocs(a.docs, snap.Files)}
			return c, a.res, true
		}
		// Not cancelled, so not expected; answered the usual way.
	}
	cancel()
	<-answered
	var old map[string]*storeFile
	if s != nil {
		s.order = nil // the early scan's; openRoot sets it anew
		old = map[string]*storeFile{root: s}
	}
	c, ix, ok := loadStored(cache, snap, old)
	if !ok {
		return nil, nil, false
	}
	res, err = runTop(ix, query, limit)
	return c, res, err == nil
}

// earlyAnswers counts the answers SearchStored gave from the scan begun
// before the snapshot was complete, for tests.
var earlyAnswers atomic.Int64

// early is the answer of the scan begun before the snapshot.
type early struct {
	res  *Result
	err  error
	docs []*corpus.Document // room for stubDocs
}

// searchLoaded is LoadStored then RunIndex.
func searchLoaded(cache *corpus.Cache, paths []string, query string, limit int) (*corpus.Corpus, *Result, bool) {
	c, ix, ok := LoadStored(cache, paths)
	if !ok {
		return nil, nil, false
	}
	res, err := runTop(ix, query, limit)
	return c, res, err == nil
}

// runTop is RunIndex for a command, which shows the best limit hits and
// not the count of all matches (Options.TopOnly).
func runTop(ix *Index, query string, limit int) (*Result, error) {
	return ix.Search(bg, query, Options{Limit: limit, Doc: -1, TopOnly: true})
}

// searchAsWritten runs query over the index s as written: its files in
// order, each a document of which the search needs only the place (the
// hits name documents by their place in the corpus, which is the
// listing's order when the folder is unchanged). Documents are stubs
// until the snapshot says which files they are.
func (s *storeFile) searchAsWritten(ctx context.Context, query string, limit int) early {
	s.order = s.files
	ix := fromStores(make([]*corpus.Document, len(s.files)), []*storeFile{s})
	res, err := ix.Search(ctx, query, Options{Limit: limit, Doc: -1, TopOnly: true})
	return early{res: res, err: err}
}

// sameAs reports whether the snapshot of the folder root finds exactly
// the files s holds, in its order, each with the size and time recorded:
// then the index serves the folder unchanged (see rebuild.hit). The names
// are compared in the mapped file, with no copy. Each half of the files
// is compared on a core of its own: it comes after the snapshot, with
// nothing else left to run.
func (s *storeFile) sameAs(snap *corpus.Snapshot, root string) bool {
	n := len(snap.Files)
	if n != len(s.files) {
		return false
	}
	var differs atomic.Bool
	_ = parallel(bg, 2, func(half int) {
		for i := half * n / 2; i < (half+1)*n/2 && !differs.Load(); i++ {
			f, e, st := &snap.Files[i], &s.files[i], snap.Stamps[i]
			if !st.OK || e.size != st.Size || e.mtime != st.MTime || f.Root != root ||
				string(s.data[e.nameAt:e.nameAt+e.nameLen]) != f.Rel {
				differs.Store(true)
			}
		}
	})
	return !differs.Load()
}

// docRoom is room for n documents, each page of it written once, and
// the list of them. The scan of an unchanged folder usually ends before
// the snapshot, and the documents stubDocs makes then are the last work
// before the answer: at forty times the BBC folder they are 26 MB of
// fresh memory, each page a fault the kernel serves. Taken while the
// snapshot is still being taken, those faults are off the answer's path.
func docRoom(n int) []*corpus.Document {
	room := make([]corpus.Document, n)
	docs := make([]*corpus.Document, n)
	for i := range docs {
		room[i].Words = 0 // written, so that its page is faulted in now
		docs[i] = &room[i]
	}
	return docs
}

// stubDocs are the documents of a stored index's corpus, ID and Path
// only, in room (docRoom) when it has the right size; each half of them
// is written on a core of its own.
func stubDocs(room []*corpus.Document, files []corpus.ListedFile) []*corpus.Document {
	n := len(files)
	if len(room) != n {
		room = docRoom(n)
	}
	_ = parallel(bg, 2, func(half int) {
		for i := half * n / 2; i < (half+1)*n/2; i++ {
			room[i].ID, room[i].Path = files[i].ID, files[i].Path
		}
	})
	return room
}
