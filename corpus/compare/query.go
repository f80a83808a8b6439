package compare

import (
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"parley/corpus"
)

// rerankDepth is how many BM25 candidates per source are re-scored with
// fact agreement before the best K are kept.
const rerankDepth = 8

// prepared is an analysed query.
type prepared struct {
	an      *analyzer // reused for the matches' shared terms
	tids    []int32
	weights []float64 // query weight × idf per tid
	keys    map[string]bool
	max     float64 // score of a sentence covering every query term once
	// informative counts the query's informative words (not its phrases
	// or compounds): see need.
	informative int
	facts       []Fact
	// memo, when set, keeps the facts of the candidates instead of the
	// index (claim discovery, see factMemo).
	memo *factMemo
}

// prepare analyses a query with an analyzer, which the caller returns
// to ix.analyzers once done with p.
func (ix *Index) prepare(an *analyzer, text string) prepared {
	p := ix.prepareWith(an, text)
	p.facts = ExtractFacts(text)
	return p
}

// prepareTerms analyses a query's terms, without its facts.
func (ix *Index) prepareTerms(text string) prepared {
	return ix.prepareWith(newAnalyzer(), text)
}

// prepareWith is prepareTerms with a given analyzer, which a caller
// analysing many sentences in turn (claim discovery) reuses, so each
// distinct word is analysed once.
func (ix *Index) prepareWith(an *analyzer, text string) prepared {
	p := prepared{keys: map[string]bool{}}
	seen := map[int32]bool{}
	use := func(tid int32, w float64) {
		if seen[tid] {
			return
		}
		seen[tid] = true
		p.tids = append(p.tids, tid)
		p.weights = append(p.weights, w*ix.idf[tid])
		// The maximum counts words only: a shared phrase is extra
		// evidence on top of its words, not more to cover.
		if w == 1 {
			p.max += ix.idf[tid]
			if ix.informative[tid] {
				p.informative++
			}
		}
	}
	p.an = an
	words, compounds := p.an.split(text, nil, nil)
	missing := map[string]bool{}
	prev := int32(-1)
	for i, t := range append(words, compounds...) {
		p.keys[t.Key] = true
		tid, ok := ix.terms[t.Key]
		compound := i >= len(words)
		if !ok {
			// A word no sentence has still counts in the maximum: a
			// source cannot be said to cover what no source mentions.
			if !missing[t.Key] && !compound {
				missing[t.Key] = true
				p.max += ix.idfOf(0)
			}
			continue
		}
		if compound {
			// A hyphen compound ("high-level") is also indexed as its
			// parts: it is evidence like a phrase, not more to cover.
			use(tid, compoundWeight)
			continue
		}
		use(tid, 1)
	}
	for _, t := range words {
		tid, ok := ix.terms[t.Key]
		if !ok {
			prev = -1
			continue
		}
		if prev >= 0 {
			if bt, ok := ix.bigramID(prev, tid); ok {
				use(bt, bigramWeight)
			}
		}
		prev = tid
	}
	return p
}

type cand struct {
	id    int32
	score float64
}

// Compare finds, in every document, the sentences that speak to text.
// A typed text is untrusted: the result echoes it by the document hygiene
// rules, and it is matched without its control characters.
func (ix *Index) Compare(text string, q QueryOptions) Result {
	text = firstWindow(text) // a query longer than a window: see windows.go
	echo := corpus.CleanLine(text)
	text = norm.NFC.String(corpus.StripControls(text)) // as documents are read (corpus.decodeText)
	top := q.Top
	if top <= 0 {
		top = 3
	}
	originID := ix.originOf(text, q)
	// A pooled analyzer remembers the words it met in earlier queries,
	// so the matches' shared terms (match) rarely stem a word anew.
	an, _ := ix.analyzers.Get().(*analyzer)
	if an == nil {
		an = newAnalyzer()
	}
	defer ix.analyzers.Put(an)
	p := ix.prepare(an, text)
	res := Result{Query: echo, QueryFacts: p.facts, Origin: -1, Sources: make([]SourceResult, len(ix.docs))}
	if originID >= 0 {
		res.Origin = int(ix.sents[originID].doc)
	}
	perDoc := ix.candidates(p, originID)
	claim := ix.comparedClaim(text, q, p, originID, perDoc)
	if claim != nil {
		c := ix.curatedClaimView(*claim)
		res.Claim = &c
	}
	ix.fillMatched(perDoc)
	// The sources on two cores, each with an analyzer of its own: the
	// matches' shared terms and facts were four fifths of the CPU samples
	// of a typed sentence's comparison with the 40x BBC folder's index
	// (perf record), on one core.
	second, _ := ix.analyzers.Get().(*analyzer)
	if second == nil {
		second = newAnalyzer()
	}
	defer ix.analyzers.Put(second)
	ps := [2]prepared{p, p}
	ps[1].an = second
	parallel(len(res.Sources), len(ps), func(w, d int) {
		src := &res.Sources[d]
		src.Doc = d
		src.Origin = originID >= 0 && int(ix.sents[originID].doc) == d
		src.Matches = ix.sourceMatches(ps[w], d, originID, claim, perDoc[d], top)
		src.Silent = len(src.Matches) == 0
	})
	return res
}

// fillMatched reads at once the text of the documents with candidates,
// on an index read from the store, rather than each as it is first
// matched: the documents are then read on every core. A typed sentence
// at forty times the BBC folder matched 201 documents, read one by one
// in 15 ms.
func (ix *Index) fillMatched(perDoc [][]cand) {
	if ix.fillAll == nil {
		return
	}
	var docs []int32
	for d, cs := range perDoc {
		if len(cs) > 0 {
			docs = append(docs, int32(d))
		}
	}
	ix.fillAll(docs)
}

// originOf is the sentence a query comes from: the one named, else the
// indexed sentence whose text it is, else -1 (a typed query).
func (ix *Index) originOf(text string, q QueryOptions) int32 {
	if q.Origin != nil {
		return ix.sentID(*q.Origin)
	}
	if key, ok := textKey(text); ok {
		if id, ok := ix.byText[key]; ok {
			return id
		}
	}
	return -1
}

// comparedClaim is the curated claim a comparison is about, or nil: the
// claim named (the one being worked on), else the origin's, else the
// claim whose text the query is, else the claim of the query's best match
// anywhere when that is one of the claim's quotes and a confident one,
// and the query names more than the story's common words.
func (ix *Index) comparedClaim(text string, q QueryOptions, p prepared, originID int32, perDoc [][]cand) *curatedClaim {
	if q.Claim != "" {
		if c := ix.curatedForText(q.Claim); c != nil {
			return c
		}
	}
	if originID >= 0 {
		return ix.curatedFor(originID)
	}
	if c := ix.curatedForText(text); c != nil {
		return c
	}
	best := cand{id: -1}
	for _, cs := range perDoc {
		if len(cs) > 0 && (best.id < 0 || cs[0].score > best.score) {
			best = cs[0]
		}
	}
	if best.id >= 0 && best.score >= ix.tune.confident && p.informative > 0 {
		return ix.curatedFor(best.id)
	}
	return nil
}

// sourceMatches lists at most top statements of document d: the origin
// first when it is d's, then the claim's quotes (closest to the query
// first), then the engine's candidates the claim has not rejected.
func (ix *Index) sourceMatches(p prepared, d int, originID int32, claim *curatedClaim, cands []cand, top int) []Match {
	var ms []Match
	used := map[int32]bool{}
	if originID >= 0 && int(ix.sents[originID].doc) == d {
		ms = append(ms, ix.match(p, cand{originID, 1}, claim != nil && claim.has(originID)))
		used[originID] = true
	}
	if claim != nil {
		var cur []cand
		for _, id := range claim.sents[d] {
			if !used[id] {
				used[id] = true
				cur = append(cur, cand{id, ix.scoreOne(p, id)})
			}
		}
		slices.SortStableFunc(cur, func(a, b cand) int {
			switch {
			case a.score > b.score:
				return -1
			case a.score < b.score:
				return 1
			}
			return int(a.id - b.id)
		})
		for _, c := range cur {
			ms = append(ms, ix.match(p, c, true))
		}
	}
	for _, c := range cands {
		if len(ms) >= top {
			break
		}
		if used[c.id] || claim != nil && claim.rejected[c.id] {
			continue
		}
		used[c.id] = true
		ms = append(ms, ix.match(p, c, false))
	}
	if len(ms) > top {
		ms = ms[:top]
	}
	return ms
}

// CompareLoc compares the sentence at loc across every document.
func (ix *Index) CompareLoc(loc corpus.Loc, q QueryOptions) Result {
	q.Origin = &loc
	id := ix.sentID(loc)
	if id < 0 {
		return Result{Origin: -1}
	}
	return ix.Compare(ix.text(id), q)
}

// scoreOne scores a single sentence against a prepared query.
func (ix *Index) scoreOne(p prepared, id int32) float64 {
	if p.max == 0 {
		return 0
	}
	var s float64
	for i, tid := range p.tids {
		for _, po := range ix.postings[tid] {
			if po.sent == id {
				s += p.weights[i] * float64(po.tf)
				break
			}
		}
	}
	return s / p.max
}

// match builds the result entry for one sentence: its shared terms with
// their spans and its facts marked against the query's.
func (ix *Index) match(p prepared, c cand, curated bool) Match {
	text := ix.text(c.id)
	m := Match{Loc: ix.loc(c.id), Text: text, Context: ix.context(c.id), Score: c.score, Curated: curated}
	seen := map[string]bool{}
	words, compounds := p.an.split(text, nil, nil)
	for _, t := range append(words, compounds...) {
		if !p.keys[t.Key] {
			continue
		}
		m.Spans = append(m.Spans, corpus.Span{Start: t.Start, End: t.End})
		if low := strings.ToLower(t.Surface); !seen[low] {
			seen[low] = true
			m.Shared = append(m.Shared, t.Surface)
		}
	}
	m.Spans = mergeSpans(m.Spans)
	for _, f := range ix.factsOf(c.id) {
		m.Facts = append(m.Facts, markFact(f, p.facts))
	}
	return m
}

func mergeSpans(sp []corpus.Span) []corpus.Span {
	slices.SortFunc(sp, func(a, b corpus.Span) int { return a.Start - b.Start })
	var out []corpus.Span
	for _, s := range sp {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}
