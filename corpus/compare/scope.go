package compare

import (
	"slices"
	"sync"

	"parley/corpus"
	"parley/corpus/stories"
)

// A comparison set is the documents a sentence is compared with: by
// default the other documents of its story, or a set the user tagged, or
// every document. Each set has its own index, built when first used, so
// the engine weighs words as it does on a folder that holds only that
// story (the five seeds compare the same opened alone or beside other
// folders). A duplicate never enters a set: its kept copy stands for it,
// and Scope.AlsoIn names the copies.

// ScopeKind says what a comparison set is.
type ScopeKind string

const (
	ScopeStory  ScopeKind = "story"  // one story's documents
	ScopeTagged ScopeKind = "tagged" // documents the user chose
	ScopeAll    ScopeKind = "all"    // every document (copies aside)
	ScopePicked ScopeKind = "picked" // the stories that speak to a typed query
)

// Sets hands out the comparison sets of one corpus and keeps their
// indexes. It is safe for concurrent use.
type Sets struct {
	docs    []*corpus.Document
	stories *stories.Result
	opts    Options
	kept    int // documents that are no copy

	mu      sync.Mutex
	byStory map[int]*Scope
	all     *Scope

	locOnce sync.Once
	byText  map[uint64]corpus.Loc

	// stored is the grouping kept on disk the sets come from (see
	// LoadStored), or nil: then the documents are read when a set's
	// index is first built, and a sentence is found through the store.
	stored *Stored
}

// Scope is one comparison set. Results of Compare and Claims on it use
// the corpus' document indexes, as an index over the whole corpus does,
// and list only the set's documents.
type Scope struct {
	Kind ScopeKind
	// Stories are the stories the set is made of (indexes into the
	// grouping's Stories): one for ScopeStory, the chosen ones for
	// ScopePicked, none otherwise.
	Stories []int
	// Set is the documents compared, as corpus indexes in corpus order;
	// copies are left out (their kept copy stands for them).
	Set []int
	// Outside counts the documents (copies aside) not in the set: what
	// widening to every document adds.
	Outside int

	sets  *Sets
	once  sync.Once
	index *Index
}

// NewSets prepares the comparison sets of docs grouped as r.
func NewSets(docs []*corpus.Document, r *stories.Result, opts Options) *Sets {
	return &Sets{docs: docs, stories: r, opts: opts, kept: len(docs) - len(r.DuplicateOf), byStory: map[int]*Scope{}}
}

// Stories is the grouping the sets come from.
func (s *Sets) Stories() *stories.Result { return s.stories }

// Story is the set of one story's documents.
func (s *Sets) Story(story int) *Scope {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sc, ok := s.byStory[story]; ok {
		return sc
	}
	sc := s.newScope(ScopeStory, slices.Clone(s.stories.Stories[story].Docs))
	sc.Stories = []int{story}
	s.byStory[story] = sc
	return sc
}

// StoryOf is the set of the story document doc belongs to.
func (s *Sets) StoryOf(doc int) *Scope { return s.Story(s.stories.StoryOf[doc]) }

// All is the set of every document, copies aside.
func (s *Sets) All() *Scope {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.all == nil {
		// The copies are marked from the map rather than each document
		// looked up in it (89,040 look-ups at forty times the BBC folder).
		copies := make([]bool, len(s.docs))
		for i := range s.stories.DuplicateOf {
			if i >= 0 && i < len(copies) {
				copies[i] = true
			}
		}
		var set []int
		if kept := len(s.docs) - len(s.stories.DuplicateOf); kept > 0 {
			set = make([]int, 0, kept)
		}
		for i, dup := range copies {
			if !dup {
				set = append(set, i)
			}
		}
		s.all = s.newScope(ScopeAll, set)
	}
	return s.all
}

// Tagged is the set of the documents the user chose; a copy stands for
// its kept copy. The set is not cached: tags change.
func (s *Sets) Tagged(docs []int) *Scope {
	return s.newScope(ScopeTagged, s.keptOf(docs))
}

// keptOf maps documents to their kept copies, sorted, without repeats.
func (s *Sets) keptOf(docs []int) []int {
	var set []int
	for _, d := range docs {
		if k, dup := s.stories.DuplicateOf[d]; dup {
			d = k
		}
		set = append(set, d)
	}
	slices.Sort(set)
	return slices.Compact(set)
}

func (s *Sets) newScope(kind ScopeKind, set []int) *Scope {
	return &Scope{Kind: kind, Set: set, Outside: s.kept - len(set), sets: s}
}

// Index is the set's sentence index, built on first use; its document
// i is the corpus document Set[i].
func (sc *Scope) Index() *Index {
	sc.once.Do(func() {
		st := sc.sets.stored
		if sc.storesAll() {
			if sc.index = st.loadAll(sc); sc.index != nil {
				return
			}
		}
		if st != nil {
			st.Fill(sc.Set)
		}
		docs := make([]*corpus.Document, len(sc.Set))
		for i, d := range sc.Set {
			docs[i] = sc.sets.docs[d]
		}
		sc.index = Build(docs, sc.sets.opts)
		if sc.storesAll() {
			st.saveAll(sc.index)
		}
	})
	return sc.index
}

// Grouping is the stories the scope's sets were made from.
func (sc *Scope) Grouping() *stories.Result { return sc.sets.Stories() }

// AlsoIn lists the copies of a document of the set (corpus indexes), to
// show it once as one source "also in" them.
func (sc *Scope) AlsoIn(doc int) []int { return sc.sets.stories.Copies[doc] }

// Has says whether the corpus document doc is compared in the set
// (directly, or through its kept copy).
func (sc *Scope) Has(doc int) bool {
	if k, dup := sc.sets.stories.DuplicateOf[doc]; dup {
		doc = k
	}
	_, ok := slices.BinarySearch(sc.Set, doc)
	return ok
}

// position is the index in Set of a corpus document (or of its kept
// copy), or -1.
func (sc *Scope) position(doc int) int {
	if k, dup := sc.sets.stories.DuplicateOf[doc]; dup {
		doc = k
	}
	if i, ok := slices.BinarySearch(sc.Set, doc); ok {
		return i
	}
	return -1
}

// ClaimsRead says how many of the index's sentences claim discovery
// reads (see maxDiscover; they are spread over its documents) and how
// many it has, so that a view of the claims can say when it read only
// part of them.
func (ix *Index) ClaimsRead() (read, total int) {
	return min(ix.Sentences(), ix.tune.discover), ix.Sentences()
}
