// Package stories finds which documents of a corpus tell the same story,
// and which are copies of one another.
//
// A story is a set of documents that cover one concrete affair (the
// Yukos auction, one by-election, one transfer), not a broad topic (oil,
// politics): a document on its own is a story of one. A duplicate is a
// document whose body is the same, or almost word for word the same, as
// another's; it is listed under the copy kept, never as a source of its
// own.
//
// It works on whole documents and knows nothing of sentences' meaning or
// of the interface:
//
//  1. Copies: documents whose bodies match letter for letter (case,
//     spacing and punctuation aside) are collapsed to the first.
//  2. Vectors: each remaining document is a TF-IDF vector of its
//     distinctive terms: words (plural folded), names (words the corpus
//     mostly capitalises away from a sentence start) and pairs of
//     capitalised words ("Tony Blair"). Names weigh nameBoost times more,
//     title words count twice, and the topTerms heaviest are kept.
//  3. Near copies: pairs with close vectors whose bodies share at least
//     nearDupJaccard of their word triples are duplicates too.
//  4. Stories: pairs are joined strongest first (average link): two
//     groups merge when a pair across them reaches linkSim (untitledSim
//     when their titles share no word) and its plain words, the heaviest
//     words that are not names, reach minPlainSim (who and what, not who
//     alone), and the mean similarity of all pairs across them reaches
//     meanSim. Documents dated more than dateGap days apart count half
//     as similar.
//
// Use:
//
//	r := stories.Group(docs)
//	for _, s := range r.Stories { ... s.Label, s.Docs (indexes into docs) ... }
//	r.StoryOf[i]      // the story of docs[i] (a duplicate: its kept copy's)
//	r.DuplicateOf[i]  // for a duplicate, the index of the copy kept
//	r.Copies[k]       // for a kept document, its duplicates
//
// The result depends only on the documents and their order: the same
// corpus gives the same stories, labels and IDs on every run.
package stories

import (
	"slices"

	"parley/corpus"
)

// Story is one affair and the documents that cover it.
type Story struct {
	// ID is stable for the same corpus: a slug of the label, made unique
	// with a number when two stories share one ("yukos-gazprom-auction").
	ID string
	// Label names the story by its most distinctive names and terms,
	// joined by " · ".
	Label string
	// Docs are indexes into the documents given to Group, in corpus
	// order, kept copies only (see Result.Copies for their duplicates).
	Docs []int
	// First and Last are the earliest and latest publication dates
	// (YYYY-MM-DD) of its documents and their copies; empty when none is
	// dated.
	First, Last string
}

// Result is the grouping of a corpus.
type Result struct {
	// Stories, most documents first; ties go to the story whose first
	// document comes first.
	Stories []Story
	// StoryOf[i] is the index in Stories of document i's story.
	StoryOf []int
	// DuplicateOf maps a duplicate's index to its kept copy's.
	DuplicateOf map[int]int
	// Copies maps a kept document's index to its duplicates, in order.
	Copies map[int][]int
}

// Sources is the story's documents with their duplicates, in corpus
// order: every document that belongs to it.
func (r *Result) Sources(story int) []int {
	s := r.Stories[story]
	out := slices.Clone(s.Docs)
	for _, d := range s.Docs {
		out = append(out, r.Copies[d]...)
	}
	slices.Sort(out)
	return out
}

// Find returns the index of the story with the given ID, or -1.
func (r *Result) Find(id string) int {
	for i, s := range r.Stories {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// Group finds the duplicates and the stories of docs. A document listed
// without its body (corpus.Document.BodyPending) is read for the moment
// it is looked at (WithBody) and left without it, so a large folder
// listed from the cache is grouped without holding every body.
func Group(docs []*corpus.Document) *Result {
	r := &Result{DuplicateOf: map[int]int{}, Copies: map[int][]int{}}
	kept := exactCopies(docs, r)
	st := corpusStats{n: len(kept), terms: map[uint64]termCount{}}
	vs, plain := make([]vector, len(kept)), make([]plainWords, len(kept))
	// A document alone shares no term with another, and its vector would
	// be empty (see vectorOf): it is not read, which spares the reading of
	// one giant file opened on its own.
	if len(kept) > 1 {
		var occs [][]occ
		st, occs = gatherStats(docs, kept)
		vs, plain = st.vectors(occs)
	}
	edges := similarPairs(vs)
	dup := nearCopies(docs, edges, kept, r)
	groups := cluster(edges, len(kept), dup, datesOf(docs, kept), titleKeys(docs, kept), plain)
	r.build(docs, kept, groups, vs, st)
	return r
}

// exactCopies collapses documents with the same body onto the first and
// returns the others' indexes, in order.
func exactCopies(docs []*corpus.Document, r *Result) []int {
	hashes := make([]uint64, len(docs))
	all := make([]int, len(docs))
	for i := range all {
		all[i] = i
	}
	eachKept(all, workersFor(len(docs)), func(_ int, _ *scratch, i int) { hashes[i] = bodyHash(docs[i].WithBody()) })
	first := map[uint64]int{}
	kept := make([]int, 0, len(docs))
	for i, h := range hashes {
		if k, ok := first[h]; ok && h != 0 {
			r.markCopy(i, k)
			continue
		}
		first[h] = i
		kept = append(kept, i)
	}
	return kept
}

// markCopy records dup as a copy of keep; dup's own copies become keep's.
func (r *Result) markCopy(dup, keep int) {
	r.DuplicateOf[dup] = keep
	r.Copies[keep] = append(r.Copies[keep], dup)
	for _, c := range r.Copies[dup] {
		r.DuplicateOf[c] = keep
		r.Copies[keep] = append(r.Copies[keep], c)
	}
	delete(r.Copies, dup)
}

// nearCopies marks pairs whose bodies are almost word for word the same
// as duplicates of the earlier document. It returns, per kept position,
// whether it turned out a duplicate.
func nearCopies(docs []*corpus.Document, edges []edge, kept []int, r *Result) []bool {
	dup := make([]bool, len(kept))
	sh := map[int32]shingleSet{}
	get := func(i int32) shingleSet {
		if s, ok := sh[i]; ok {
			return s
		}
		s := shingles(docs[kept[i]].WithBody())
		sh[i] = s
		return s
	}
	for _, e := range edges {
		if e.sim < nearDupCosine {
			break
		}
		if dup[e.a] || dup[e.b] || !nearDuplicate(get(e.a), get(e.b)) {
			continue
		}
		dup[e.b] = true
		r.markCopy(kept[e.b], kept[e.a])
	}
	for k, cs := range r.Copies {
		slices.Sort(cs)
		r.Copies[k] = cs
	}
	return dup
}
