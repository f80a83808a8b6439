package tui

import (
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/search"
)

// Search in a restricted session: the pane searches an index of the
// scope's documents alone, so every hit (and the limit on hits) is the
// story's. Hits then number documents within the scope; docMap takes
// them back to the corpus when one is opened.

// searchScopeMsg carries the index of a scope's documents.
type searchScopeMsg struct {
	gen    int
	ix     *search.Index
	docMap []int // index in ix -> corpus index; nil for the whole corpus
}

// scopeSearch answers a change of the session's scope: back to the whole
// corpus's index, or an index of the scope's documents built in a
// command.
func (p *searchPane) scopeSearch() tea.Cmd {
	p.scopeGen++
	if p.set == nil || p.set.Scope == nil || p.full == nil {
		if p.docMap != nil && p.full != nil {
			return p.useIndex(p.full, nil)
		}
		return nil
	}
	var docs []*corpus.Document
	var docMap []int
	for i, d := range p.set.Docs {
		if p.set.Scope.Members[d] {
			docs = append(docs, d)
			docMap = append(docMap, i)
		}
	}
	gen := p.scopeGen
	return func() tea.Msg { return searchScopeMsg{gen: gen, ix: search.New(docs), docMap: docMap} }
}

// useIndex searches ix from now on.
func (p *searchPane) useIndex(ix *search.Index, docMap []int) tea.Cmd {
	p.ix, p.docMap, p.prev, p.res = ix, docMap, nil, nil
	p.current = -1
	return p.run()
}

// corpusLoc is a hit's location in the corpus.
func (p *searchPane) corpusLoc(loc corpus.Loc) corpus.Loc {
	if p.docMap != nil && loc.Doc >= 0 && loc.Doc < len(p.docMap) {
		loc.Doc = p.docMap[loc.Doc]
	}
	return loc
}

// scopedDoc is corpus document i's index in the index searched, or -1
// when the scope leaves it out.
func (p *searchPane) scopedDoc(i int) int {
	if p.docMap == nil || i < 0 {
		return i
	}
	for k, d := range p.docMap {
		if d == i {
			return k
		}
	}
	return -1
}
