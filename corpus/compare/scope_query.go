package compare

import (
	"cmp"
	"slices"

	"parley/corpus"
	"parley/corpus/stories"
)

// maxPicked is how many stories a typed query with no story is compared
// with at most: the ones whose best statement scores highest, and at
// least pickShare of the best story's.
const (
	maxPicked = 3
	pickShare = 0.5
)

// Compare compares text with the set's documents. An Origin in q is a
// corpus location; one outside the set (or in a copy) is compared as
// its text. Document indexes in the result are the corpus'.
func (sc *Scope) Compare(text string, q QueryOptions) Result {
	if q.Origin != nil {
		loc := *q.Origin
		if pos := sc.position(loc.Doc); pos >= 0 && sc.Set[pos] == loc.Doc {
			loc.Doc = pos
			q.Origin = &loc
		} else {
			q.Origin = nil
		}
	}
	r := sc.Index().Compare(text, q)
	if r.Origin >= 0 {
		r.Origin = sc.Set[r.Origin]
	}
	for i := range r.Sources {
		src := &r.Sources[i]
		src.Doc = sc.Set[src.Doc]
		for j := range src.Matches {
			src.Matches[j].Loc.Doc = sc.Set[src.Matches[j].Loc.Doc]
		}
	}
	if r.Claim != nil {
		c := sc.corpusClaim(*r.Claim)
		r.Claim = &c
	}
	return r
}

// CompareLoc compares the sentence at a corpus location with the set.
func (sc *Scope) CompareLoc(loc corpus.Loc, q QueryOptions) Result {
	d := sc.sets.docs[loc.Doc]
	b := d.Block(loc.Block)
	if b == nil || loc.Sentence < 0 || loc.Sentence >= len(b.Sentences) {
		return Result{Origin: -1}
	}
	q.Origin = &loc
	return sc.Compare(b.Sentences[loc.Sentence].Text, q)
}

// Claims are the claims the set's documents share, computed on first
// use. Each claim's Sources and Coverage follow Set (Sources[i].Doc is
// the corpus index Set[i]); statements' locations are the corpus'.
func (sc *Scope) Claims() []Claim {
	ix := sc.Index()
	claims := ix.Claims()
	out := make([]Claim, len(claims))
	if sc.identity() {
		// The set's indexes are the corpus': its statements and
		// differences are shared, not copied (5,223 claims of two 8 MiB
		// sentences, copied at the end of discovery, were its peak).
		copy(out, claims)
		return out
	}
	for i, c := range claims {
		out[i] = sc.corpusClaim(c)
	}
	return out
}

// identity says whether the set's documents are the corpus' first ones,
// in order, so that its indexes are the corpus'.
func (sc *Scope) identity() bool {
	for i, d := range sc.Set {
		if d != i {
			return false
		}
	}
	return true
}

// corpusClaim copies a claim of the set's index with corpus indexes.
func (sc *Scope) corpusClaim(c Claim) Claim {
	srcs := make([]ClaimSource, len(c.Sources))
	for i, s := range c.Sources {
		st := slices.Clone(s.Statements)
		for j := range st {
			st[j].Loc.Doc = sc.Set[st[j].Loc.Doc]
		}
		srcs[i] = ClaimSource{Doc: sc.Set[s.Doc], Statements: st}
	}
	c.Sources = srcs
	c.Differs = slices.Clone(c.Differs)
	for j := range c.Differs {
		for k, d := range c.Differs[j].Docs {
			c.Differs[j].Docs[k] = sc.Set[d]
		}
	}
	return c
}

// Locate finds a sentence of the corpus by its text (folded for case,
// quotes and spacing), so a pasted sentence is compared within its own
// story. Copies are skipped: the kept document comes first.
func (s *Sets) Locate(text string) (corpus.Loc, bool) {
	key, ok := textKey(corpus.StripControls(text))
	if !ok {
		return corpus.Loc{}, false
	}
	if s.stored != nil {
		return s.stored.g.lookup(key)
	}
	s.locOnce.Do(func() { s.byText = firstLocs(s.docs, s.stories) })
	loc, ok := s.byText[key]
	return loc, ok
}

// firstLocs is where each sentence key first occurs in docs, copies
// skipped.
func firstLocs(docs []*corpus.Document, r *stories.Result) map[uint64]corpus.Loc {
	byText := map[uint64]corpus.Loc{}
	for di, d := range docs {
		if _, dup := r.DuplicateOf[di]; dup {
			continue
		}
		for _, br := range d.Blocks() {
			for si, st := range br.Block.Sentences {
				if key, ok := textKey(st.Text); ok {
					if _, seen := byText[key]; !seen {
						byText[key] = corpus.Loc{Doc: di, Block: br.Index, Sentence: si}
					}
				}
			}
		}
	}
	return byText
}

// For is the set a text is compared with by default: the story of the
// sentence it is, or, for a typed query, the stories that speak to it
// (Pick).
func (s *Sets) For(text string) *Scope {
	if loc, ok := s.Locate(text); ok {
		return s.StoryOf(loc.Doc)
	}
	return s.Pick(text)
}

// Pick is the set for a typed query with no story: the stories whose
// documents speak to it, at most maxPicked, the one with the best
// statement first; a story whose best statement scores less than
// pickShare of the first's is left out. When no document speaks, it is every document.
func (s *Sets) Pick(text string) *Scope {
	r := s.All().Compare(text, QueryOptions{Top: 1})
	best := map[int]float64{}
	for _, src := range r.Sources {
		if src.Silent || len(src.Matches) == 0 {
			continue
		}
		st := s.stories.StoryOf[src.Doc]
		best[st] = max(best[st], src.Matches[0].Score)
	}
	if len(best) == 0 {
		return s.All()
	}
	var picked []int
	for st := range best {
		picked = append(picked, st)
	}
	slices.SortFunc(picked, func(a, b int) int {
		if c := cmp.Compare(best[b], best[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	picked = picked[:min(len(picked), maxPicked)]
	for len(picked) > 1 && best[picked[len(picked)-1]] < pickShare*best[picked[0]] {
		picked = picked[:len(picked)-1]
	}
	var docs []int
	for _, st := range picked {
		docs = append(docs, s.stories.Stories[st].Docs...)
	}
	sc := s.newScope(ScopePicked, s.keptOf(docs))
	sc.Stories = picked
	return sc
}
