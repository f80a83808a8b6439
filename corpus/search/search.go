package search

import (
	"context"
	"sort"

	"parley/corpus"
)

// Hit is one matching target.
type Hit struct {
	Kind Kind
	// Loc is where the reader opens: Loc.Doc indexes the index's
	// documents; a title has Block -1 and Sentence -1; a heading has the
	// first block of its section and Sentence -1.
	Loc   corpus.Loc
	Text  string
	Score int
	// Positions are the matched characters, as ascending rune indexes
	// into Text.
	Positions []int
}

// Options tune one search.
type Options struct {
	// Limit is the most hits returned (0: all). Total counts them all.
	Limit int
	// Doc limits the search to one document (an index into Docs); -1 or
	// any value out of range searches them all.
	Doc int
	// Prev is the previous result. When the new query can only match a
	// subset of what Prev, or one of the results Prev remembers, matched
	// (it extends that query by typing), only those matches are searched.
	Prev *Result
	// TopOnly says that only the Limit best hits are wanted: targets that
	// cannot rank among them may then be passed over unscreened (see
	// topbar.go), and when they were, Total is -1 (not counted) and the
	// result is not narrowed from.
	TopOnly bool
}

// Result is the outcome of one search. It is immutable.
type Result struct {
	Query    string // the query as cleaned and searched
	Cut      bool   // the query had more than MaxQueryChars characters: Query is its start
	Hits     []Hit
	Total    int  // how many targets match, beyond Limit
	Narrowed bool // computed from Options.Prev's matches
	self     base
	history  []base // earlier results to narrow from, newest first
}

// base is what narrowing needs of a result; it holds no history of its
// own, so a chain of results never keeps more than historyLen alive.
type base struct {
	q       query
	scope   int     // document index, or -1 for all
	matched []int32 // every matching target in index order; nil for an empty query
	// cands are the matches as screened, for the next keystroke to
	// continue from (incremental.go); only the latest result keeps them.
	cands []cand
}

// historyLen is how many earlier results a result remembers: enough to
// narrow again after a negated term ("!x") or a typo is typed and erased.
const historyLen = 16

// Search runs raw against the index. It fails only when ctx is cancelled.
func (ix *Index) Search(ctx context.Context, raw string, opts Options) (*Result, error) {
	q := parseQuery(raw)
	scope := opts.Doc
	if scope < 0 || scope >= len(ix.docs) {
		scope = -1
	}
	res := &Result{Query: q.clean, Cut: q.cut, self: base{q: q, scope: scope}}
	if p := opts.Prev; p != nil {
		prev := p.self
		prev.cands = nil
		res.history = append([]base{prev}, p.history[:min(len(p.history), historyLen-1)]...)
	}
	if len(q.terms) == 0 {
		res.Hits = ix.titles(scope, opts.Limit)
		res.Total = len(ix.docs)
		if scope >= 0 {
			res.Total = 1
		}
		return res, nil
	}

	var bar *topBar
	if opts.TopOnly && opts.Limit > 0 && opts.Prev == nil && prunable(q.terms) {
		bar = newTopBar(opts.Limit)
	}
	cands, err := ix.screenQuery(ctx, q, scope, opts.Prev, res, bar)
	if err != nil {
		return nil, err
	}
	res.Total = len(cands)
	if bar != nil {
		// Some matches may not have been screened: neither counted nor
		// kept to narrow from.
		res.Total = -1
	} else {
		res.self.cands = cands
		res.self.matched = make([]int32, len(cands))
		for i, c := range cands {
			res.self.matched[i] = c.id
		}
	}
	top, err := ix.rank(ctx, q.terms, cands, opts.Limit)
	if err != nil {
		return nil, err
	}
	for _, s := range top {
		res.Hits = append(res.Hits, ix.hit(s, q.terms))
	}
	return res, nil
}

// screenQuery finds every target matching q in scope: from the previous
// result's matches when q extends its query by a keystroke, else from the
// closest earlier result q narrows, else from the whole index.
func (ix *Index) screenQuery(ctx context.Context, q query, scope int, prev *Result, res *Result, bar *topBar) ([]cand, error) {
	if prev != nil {
		cands, ok, err := ix.screenFrom(ctx, q, &prev.self, scope)
		if ok || err != nil {
			res.Narrowed = ok
			return cands, err
		}
	}
	var ids []int32 // nil: every target in [lo, hi)
	lo, hi := 0, ix.Len()
	if scope >= 0 {
		lo, hi = int(ix.spans[scope][0]), int(ix.spans[scope][1])
	}
	if b := narrowest(res.history, q, scope); b != nil {
		ids = b.matched
		if scope >= 0 && b.scope == -1 {
			ids = within(ids, lo, hi)
		}
		lo, hi = 0, len(ids)
		res.Narrowed = true
	}
	return ix.screenAll(ctx, q.terms, ids, lo, hi, bar)
}

// narrowest is the earlier result with the fewest matches that q
// narrows (every text matching q matched it) in a scope covering scope.
func narrowest(history []base, q query, scope int) *base {
	var best *base
	for i := range history {
		b := &history[i]
		if b.matched == nil || b.scope != scope && b.scope != -1 || !q.narrows(b.q) {
			continue
		}
		if best == nil || len(b.matched) < len(best.matched) {
			best = b
		}
	}
	return best
}

// within returns the part of the ascending ids that lies in [lo, hi).
func within(ids []int32, lo, hi int) []int32 {
	a := sort.Search(len(ids), func(i int) bool { return int(ids[i]) >= lo })
	b := sort.Search(len(ids), func(i int) bool { return int(ids[i]) >= hi })
	return ids[a:b]
}

// titles lists the documents in scope, in corpus order: the answer to an
// empty query.
func (ix *Index) titles(scope, limit int) []Hit {
	var hits []Hit
	for di := range ix.docs {
		if scope >= 0 && di != scope {
			continue
		}
		if limit > 0 && len(hits) == limit {
			break
		}
		var tb target
		t := ix.at(ix.spans[di][0], &tb)
		hits = append(hits, Hit{Kind: Title, Loc: t.loc(), Text: t.text})
	}
	return hits
}

func (t *target) loc() corpus.Loc {
	return corpus.Loc{Doc: int(t.doc), Block: int(t.block), Sentence: int(t.sent)}
}

// hit builds the Hit for a ranked target, with its matched positions.
func (ix *Index) hit(s scored, terms []term) Hit {
	var tb target
	t := ix.at(s.id, &tb)
	return Hit{Kind: t.kind, Loc: t.loc(), Text: t.text, Score: s.score, Positions: positions(t, terms)}
}
