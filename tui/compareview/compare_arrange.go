package compareview

import (
	"strings"
	"unicode/utf8"

	"parley/corpus"
	"parley/corpus/compare"
)

// How a comparison is laid out in columns: the origin's column holds the
// compared sentence alone, and the silent sources fold into one column
// whenever a column each would take a page of their own.

// arrange orders the columns for the pane's width: the origin, the
// sources that speak (best first), then the silent ones, folded into one
// summary column when foldSilent says so. It keeps the selected statement
// when there is one, else selects the first statement of a source other
// than the origin.
func (p *ComparePane) arrange() {
	r := p.result
	if r == nil {
		return
	}
	var keep *stmtRef
	if p.sel < len(p.stmts) && len(p.order) > 0 {
		s := p.stmts[p.sel]
		keep = &stmtRef{p.order[s.col], s.match} // by source, as columns move
	}
	speaking, silent := compare.SpeakingOrder(*r)
	p.order = append(p.order[:0], speaking...)
	p.silent = nil
	if p.foldSilent(len(speaking), len(silent)) {
		p.silent = silent
		p.order = append(p.order, silentCol)
	} else {
		p.order = append(p.order, silent...)
	}
	p.stmts = p.stmts[:0]
	for col, si := range p.order {
		if si == silentCol {
			continue
		}
		for mi := range r.Sources[si].Matches {
			p.stmts = append(p.stmts, stmtRef{col, mi})
		}
	}
	p.sel = -1
	for i, s := range p.stmts {
		if keep != nil && p.order[s.col] == keep.col && s.match == keep.match {
			p.sel = i
			break
		}
	}
	if p.sel < 0 {
		p.sel, p.page = 0, 0
		for i, s := range p.stmts {
			if !r.Sources[p.order[s.col]].Origin {
				p.sel = i
				break
			}
		}
	}
	p.clampPage()
	p.showSel()
}

// foldSilent says whether the silent sources go into one summary column:
// when there are more than compareMaxSilentCols, and when two or more
// would otherwise need a page (sideways) or a screen (stacked) that says
// only "silent" again and again.
func (p *ComparePane) foldSilent(speaking, silent int) bool {
	switch {
	case silent > compareMaxSilentCols:
		return true
	case silent < 2:
		return false
	case p.stacked():
		return true
	}
	perScreen := max((p.width+colGap)/(compareMinCol+colGap), 1)
	return speaking+silent > perScreen
}

// rearrange lays the columns out again after a resize, when folding the
// silent sources changes with the width.
func (p *ComparePane) rearrange() {
	if p.result == nil {
		return
	}
	speaking, silent := compare.SpeakingOrder(*p.result)
	if p.foldSilent(len(speaking), len(silent)) != (len(p.silent) > 0) {
		p.arrange()
	}
}

// originOnly keeps, of the origin's matches, the compared sentence alone
// (shown in its paragraph): the origin's other sentences that happen to
// match the query are not what the user compared. A result without an
// origin, or whose origin does not list that sentence, is left as it is.
// The result's slices are shared with the engine, so the origin's source
// is copied, never changed in place.
func originOnly(r compare.Result, origin *corpus.Loc) compare.Result {
	if origin == nil {
		return r
	}
	for i, s := range r.Sources {
		if !s.Origin {
			continue
		}
		for _, m := range s.Matches {
			if m.Loc == *origin {
				srcs := append([]compare.SourceResult(nil), r.Sources...)
				srcs[i].Matches = []compare.Match{m}
				r.Sources = srcs
				return r
			}
		}
	}
	return r
}

// quoteOnce puts a query between quotation marks, unless it starts with
// one of its own (a quoted sentence): never “““.
func quoteOnce(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("“\"‘'«„”", r) {
		return s
	}
	return "“" + s + "”"
}
