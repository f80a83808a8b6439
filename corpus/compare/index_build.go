package compare

import (
	"parley/corpus"
)

// Building the sentence index (Build): each document analysed on every
// core (index_analyse.go), then its terms numbered, laid out forward and inverted, and
// weighed for BM25.

// entry is one term of a sentence while indexing: a word (key is
// wordFlag|its term id) or a phrase (key is phraseKey of its two words),
// with its weighted frequency. id is the term id: a word's from the
// start, a phrase's id within its shard until the shards are numbered.
type entry struct {
	key uint64
	id  int32
	tf  float32
}

// wordFlag marks a word's key; a phrase's never has it, as term ids are
// below 1<<31.
const wordFlag = 1 << 63

// phraseKey is the key of the phrase of words a then b.
func phraseKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// shardOf spreads phrase keys over n shards by a multiplicative hash
// (the keys' low bits alone are the second word's id, not spread), its
// top 32 bits scaled to [0, n) by a multiply rather than a division, as
// every phrase of a query is looked up through it.
func shardOf(k uint64, n int) int {
	return int((k * 0x9E3779B97F4A7C15 >> 32) * uint64(n) >> 32)
}

// addTerm adds w to key's frequency in the sentence that starts at
// first in ts, appending the term when the sentence lacks it. Sentences
// are short: a scan beats a map. A long unit (a window of an over-long
// sentence) passes pos, its terms' positions in ts, so that its cost
// stays linear.
func addTerm(ts []entry, first int, key uint64, id int32, w float32, pos map[uint64]int32) []entry {
	if pos != nil {
		if i, ok := pos[key]; ok {
			ts[i].tf += w
			return ts
		}
		pos[key] = int32(len(ts))
		return append(ts, entry{key, id, w})
	}
	for i := first; i < len(ts); i++ {
		if ts[i].key == key {
			ts[i].tf += w
			return ts
		}
	}
	return append(ts, entry{key, id, w})
}

// scanTerms is how many terms a unit may have before addTerm keeps them
// in a map rather than scanning them.
const scanTerms = 64

// docTerms is one document's sentences as terms: entries of sentence i
// end at ends[i].
type docTerms struct {
	terms   []entry
	posts   []posting // instead of terms, in a document of windows alone (windowTerms)
	ends    []int32
	phrases int // how many of terms are phrases
}

// sentenceTerms turns a document's analysis into its sentences' terms,
// given the term ids of its analyzer's keys. Phrases are left keyed by
// their words: their ids come later, from the shards.
func sentenceTerms(a analysed, tids []int32) docTerms {
	if a.windowed {
		return windowTerms(a, tids)
	}
	return sentenceEntries(a, tids)
}

// sentenceEntries is sentenceTerms as entries, for any document.
func sentenceEntries(a analysed, tids []int32) docTerms {
	out := docTerms{terms: make([]entry, 0, termRoom(a)), ends: make([]int32, len(a.ends))}
	start := int32(0)
	var long map[uint64]int32
	for si, end := range a.ends {
		first := len(out.terms)
		nw := int(a.words[si])
		prev := int32(-1)
		var pos map[uint64]int32
		if end-start > scanTerms {
			if long == nil {
				long = map[uint64]int32{}
			}
			clear(long)
			pos = long
		}
		for k, local := range a.ids[start:end] {
			tid := tids[local]
			out.terms = addTerm(out.terms, first, wordFlag|uint64(tid), tid, 1, pos)
			if k < nw && !a.win[si] {
				if prev >= 0 {
					out.terms = addTerm(out.terms, first, phraseKey(prev, tid), 0, bigramWeight, pos)
					out.phrases++
				}
				prev = tid
			}
		}
		out.ends[si] = int32(len(out.terms))
		start = end
	}
	return out
}

// termRoom is room for every term and phrase of a document's sentences,
// and no more: a window (see windows.go) has no phrases and holds each of
// its words once, so its distinct words are counted. That costs a pass
// over its words, and spares a file with no full stop room for every word
// it has (16 bytes each), allocated at once.
func termRoom(a analysed) int {
	room := len(a.ids)
	var seen []int32 // by key id: the last window (+1) that had it
	start := int32(0)
	for si, end := range a.ends {
		if !a.win[si] {
			room += int(a.words[si])
			start = end
			continue
		}
		if seen == nil {
			seen = make([]int32, len(a.an.keys))
		}
		for _, local := range a.ids[start:end] {
			if seen[local] == int32(si+1) {
				room--
			}
			seen[local] = int32(si + 1)
		}
		start = end
	}
	return room
}

// build indexes docs in stages, all but the cheap ones on every core:
// analysis (per document), word ids (serial, one slice lookup per word),
// sentence terms (per document), phrase ids (per shard of phrases: the
// phrase map is large and cache-missing, so each core fills a part),
// then the forward index (per document) and the inverted one.
func build(docs []*corpus.Document, opts Options, tune tuning) *Index {
	ix, all, sents, docSent, fwd := layOut(docs, opts, tune)
	ix.docFirst = docSent[:len(docs)]
	ix.fillSentences(all, sents)
	ix.fillPostings(fwd, docSent)
	ix.weigh()
	if !opts.EngineOnly {
		ix.curated = resolveCurated(docs, opts.Curated, ix)
	}
	return ix
}

// layOut is build's first stages: the documents analysed, their terms
// numbered and laid out forward (see fillForward for docSent and f).
func layOut(docs []*corpus.Document, opts Options, tune tuning) (ix *Index, all []analysed, sents int, docSent []int32, f forward) {
	all = analyseAll(docs)
	workers := buildWorkers(len(docs))
	tids, sents, keys := localIDs(all)
	ix = &Index{core: &core{docs: docs, opts: opts, tune: tune, terms: make(map[string]int32, keys), byText: make(map[uint64]int32, sents), facts: map[int32][]Fact{}}}
	nWords := ix.numberWords(all, tids)

	terms := make([]docTerms, len(docs))
	parallel(len(docs), workers, func(_, i int) {
		terms[i] = sentenceTerms(all[i], tids[all[i].an])
		// Dropped as soon as they are read, so that indexing one giant
		// document does not hold every stage of it at once; the analyzer
		// too (its words and keys, 7 MB for a 16 MiB sentence), whose
		// keys the index has taken.
		all[i].ids, all[i].posts, all[i].an = nil, nil, nil
	})
	ix.numberPhrases(terms, workers, nWords)
	docSent, f = ix.fillForward(terms, workers)
	return ix, all, sents, docSent, f
}

// localIDs gives each analyzer a slice from its key ids to term ids (all
// -1 until numberWords), and counts the sentences and keys, so that the
// maps are sized from the analysis: rehashing is a good part of the merge.
func localIDs(all []analysed) (tids map[*analyzer][]int32, sents, keys int) {
	tids = map[*analyzer][]int32{}
	for _, a := range all {
		sents += len(a.ends)
		if tids[a.an] == nil {
			keys += len(a.an.keys)
			t := make([]int32, len(a.an.keys))
			for i := range t {
				t[i] = -1
			}
			tids[a.an] = t
		}
	}
	return tids, sents, keys
}

// numberWords gives word ids in order of first sight (only keys some
// sentence has become terms) and returns how many there are.
func (ix *Index) numberWords(all []analysed, tids map[*analyzer][]int32) int32 {
	for _, a := range all {
		t := tids[a.an]
		for _, local := range a.ids {
			if t[local] < 0 {
				t[local] = ix.termID(a.an.keys[local])
			}
		}
		for _, p := range a.posts {
			if t[p.sent] < 0 {
				t[p.sent] = ix.termID(a.an.keys[p.sent])
			}
		}
	}
	return int32(len(ix.terms))
}

// numberPhrases gives phrase ids: shard s numbers its phrases from
// bigramBase[s], each shard's goroutine writing the ids of its own
// entries only. It sizes the postings for every word and phrase.
func (ix *Index) numberPhrases(terms []docTerms, workers int, nWords int32) {
	ix.bigrams = make([]map[uint64]int32, workers)
	ix.bigramBase = make([]int32, workers)
	parallel(workers, workers, func(_, s int) {
		// The map grows as phrases come rather than being sized for
		// every phrase met: repeats are a third of them in the BBC folder
		// (268,000 distinct of 406,000), but most in a folder of copies,
		// where forty copies of it had the interface's compare index hold
		// 600 MB of empty room (3 times the text). The same index at 1x
		// and, in alternating runs, no measurable change in time.
		m := make(map[uint64]int32)
		for _, d := range terms {
			for i := range d.terms {
				e := &d.terms[i]
				if e.key&wordFlag != 0 || shardOf(e.key, workers) != s {
					continue
				}
				id, ok := m[e.key]
				if !ok {
					id = int32(len(m))
					m[e.key] = id
				}
				e.id = id
			}
		}
		ix.bigrams[s] = m
	})
	next := nWords
	for s, m := range ix.bigrams {
		ix.bigramBase[s] = next
		next += int32(len(m))
	}
	ix.postings = make([][]posting, next)
	ix.word = make([]bool, next)
	for i := range nWords {
		ix.word[i] = true
	}
}

// fillSentences records every indexed unit (a sentence, or a window of
// an over-long one): where it is, whether it states a number, its text's
// key for finding a pasted sentence, and its length for BM25.
func (ix *Index) fillSentences(all []analysed, sents int) {
	ix.sents = make([]sentRef, 0, sents)
	ix.numeric = make([]bool, 0, sents)
	ix.lens = make([]float32, 0, sents)
	ix.windows = map[int32][2]int32{}
	var totalLen float64
	for di, a := range all {
		si := 0
		start := int32(0)
		forUnits(ix.docs[di], func(block, sent int, _ string, lo, hi int, window bool) {
			id := int32(len(ix.sents))
			ix.sents = append(ix.sents, sentRef{int32(di), int32(block), int32(sent)})
			if window {
				ix.windows[id] = [2]int32{int32(lo), int32(hi)}
			}
			ix.numeric = append(ix.numeric, a.num[si])
			if h := a.hash[si]; h != 0 {
				if _, dup := ix.byText[h]; !dup {
					ix.byText[h] = id
				}
			}
			n := float32(a.unitLen(si, start))
			ix.lens = append(ix.lens, n)
			totalLen += float64(n)
			start = a.ends[si]
			si++
		})
	}
	if len(ix.sents) > 0 {
		ix.avgLen = totalLen / float64(len(ix.sents))
	}
	if ix.avgLen == 0 {
		ix.avgLen = 1
	}
}

// weigh sets each term's IDF and whether it is informative, and turns
// the postings' frequencies into BM25's saturated ones.
func (ix *Index) weigh() {
	ix.idf = make([]float64, len(ix.postings))
	ix.informative = make([]bool, len(ix.postings))
	for tid, ps := range ix.postings {
		ix.idf[tid] = ix.idfOf(len(ps))
		ix.informative[tid] = ix.word[tid] && isInformative(ix.idf[tid], len(ps), ix.docsWith(ps))
		for i := range ps {
			ps[i].tf = float32(ix.saturate(float64(ps[i].tf), ps[i].sent))
		}
	}
}
