package tui

import (
	"fmt"
	"slices"
	"strings"

	"parley/corpus/compare"
	"parley/corpus/stories"
)

// The compare view within a comparison set: a sentence is compared with
// the other documents of its story (or the tagged set, or the story the
// session is restricted to); w widens the comparison to every document
// and back. A typed query with no set picks the stories that speak to it.

// compareScope is the comparison set of the view's query.
type compareScope struct {
	docs []int  // corpus indexes compared; nil: every document
	name string // "story: …", "tagged", …; "" for every document
	wide bool   // w widened the comparison to every document
	pick bool   // a typed query with no set: the stories that speak are picked
	// picked names the stories picked for a typed query, once answered.
	picked []int
}

// scopeFor is the comparison set of a query from corpus document origin
// (-1 for typed text).
func (p *comparePane) scopeFor(origin int) compareScope {
	if p.set == nil {
		return compareScope{}
	}
	docs, name := p.set.compareSet(origin)
	if docs != nil && len(docs) < 2 && origin >= 0 {
		// A story of one has nothing to compare with: every document.
		return compareScope{name: "alone in its story"}
	}
	if docs != nil && len(docs) >= p.keptDocs() {
		// The set is the whole corpus (the shipped seeds are one story).
		return compareScope{}
	}
	sc := compareScope{docs: docs, name: name}
	if docs == nil && origin < 0 && p.set.groups != nil && len(p.set.groups.Stories) > 1 {
		sc.pick = true
	}
	return sc
}

// queryDocs is what the engine's answer is cut to: the set, or every
// document but the duplicates (each shown once, as its kept copy) when
// the comparison is wide.
func (p *comparePane) queryDocs(origin int) []int {
	if !p.scope.wide && p.scope.docs != nil {
		return p.scope.docs
	}
	if p.set == nil || p.set.groups == nil || len(p.set.groups.DuplicateOf) == 0 {
		return nil
	}
	var out []int
	for i := range p.docs {
		if _, dup := p.set.groups.DuplicateOf[i]; !dup || i == origin {
			out = append(out, i)
		}
	}
	// The origin's kept copy says what the origin says, word for word.
	if k := p.set.keptCopy(origin); origin >= 0 && k != origin {
		out = slices.DeleteFunc(out, func(i int) bool { return i == k })
	}
	return out
}

// restrictResult keeps the sources of r whose documents are in docs
// (sorted corpus indexes); the silent ones are then counted within it.
func restrictResult(r compare.Result, docs []int) compare.Result {
	if docs == nil {
		return r
	}
	out := r
	out.Sources = make([]compare.SourceResult, 0, len(docs))
	for _, s := range r.Sources {
		if _, ok := slices.BinarySearch(docs, s.Doc); ok {
			out.Sources = append(out.Sources, s)
		}
	}
	return out
}

// pickStories chooses, for a typed query, the stories that speak to it:
// those whose best source scores at least half the best score anywhere,
// at most pickMax of them, best first. It returns their documents (sorted)
// and the stories.
func pickStories(r compare.Result, g *stories.Result) ([]int, []int) {
	best := map[int]float64{}
	top := 0.0
	for _, s := range r.Sources {
		if s.Silent || len(s.Matches) == 0 || s.Doc >= len(g.StoryOf) {
			continue
		}
		k, sc := g.StoryOf[s.Doc], s.Matches[0].Score
		best[k] = max(best[k], sc)
		top = max(top, sc)
	}
	var picked []int
	for k, sc := range best {
		if sc >= top/2 {
			picked = append(picked, k)
		}
	}
	slices.SortFunc(picked, func(a, b int) int {
		if best[a] != best[b] {
			if best[a] > best[b] {
				return -1
			}
			return 1
		}
		return a - b
	})
	picked = picked[:min(len(picked), pickMax)]
	var docs []int
	for _, k := range picked {
		docs = append(docs, g.Stories[k].Docs...)
	}
	slices.Sort(docs)
	return docs, picked
}

// pickMax is the most stories a typed query is compared across: beyond a
// few, the columns are a search result, not a comparison.
const pickMax = 3

// originDoc is the corpus document the view's query came from, or -1.
func (p *comparePane) originDoc() int {
	switch {
	case p.query.origin != nil:
		return p.query.origin.Doc
	case p.result != nil:
		return p.result.Origin
	}
	return -1
}

// widen is w: the comparison goes to every document, or back to its set.
func (p *comparePane) widen() {
	if p.query.text == "" {
		return
	}
	if p.scope.docs == nil && !p.scope.pick {
		p.status = paneStatus{text: "already comparing every document"}
		return
	}
	p.scope.wide = !p.scope.wide
}

// scopeNote is the compare view's account of its set, before what the
// query is: "7 sources · w: +2218 more · story: …".
func (p *comparePane) scopeNote() string {
	sc := p.scope
	all := p.keptDocs()
	var parts []string
	switch {
	case sc.wide:
		parts = append(parts, fmt.Sprintf("every document (%d) · w: back to the %s", all, setWord(sc)))
	case sc.pick && p.loading:
		parts = append(parts, "picking the stories that speak…")
	case sc.pick && len(sc.picked) == 0:
		parts = append(parts, "no story speaks to it")
	case sc.pick:
		parts = append(parts, fmt.Sprintf("w: +%d more", max(all-p.pickedDocs(), 0)), p.pickedNote())
	case sc.docs != nil:
		// The label last: on a narrow screen it is what gives way.
		parts = append(parts, plural(len(sc.docs), "source"), fmt.Sprintf("w: +%d more", max(all-len(sc.docs), 0)), sc.name)
	case sc.name != "":
		parts = append(parts, sc.name+": every document")
	}
	return strings.Join(parts, " · ")
}

// keptDocs counts the documents that are not a duplicate of another.
func (p *comparePane) keptDocs() int {
	if p.set == nil || p.set.groups == nil {
		return len(p.docs)
	}
	return len(p.docs) - len(p.set.groups.DuplicateOf)
}

// pickedDocs counts the sources of the stories picked for a typed query.
func (p *comparePane) pickedDocs() int {
	n := 0
	for _, k := range p.scope.picked {
		n += len(p.set.groups.Stories[k].Docs)
	}
	return n
}

// pickedNote names the stories a typed query was compared across.
func (p *comparePane) pickedNote() string {
	if p.set == nil || p.set.groups == nil || len(p.scope.picked) == 0 {
		return "no story speaks to it"
	}
	var labels []string
	for _, k := range p.scope.picked {
		labels = append(labels, cleanLabel(p.set.groups.Stories[k].Label))
	}
	if len(labels) == 1 {
		return "the story that speaks: " + labels[0]
	}
	return fmt.Sprintf("the %d stories that speak: %s", len(labels), strings.Join(labels, "; "))
}

func setWord(sc compareScope) string {
	switch {
	case sc.pick:
		return "stories that speak"
	case sc.name == "tagged":
		return "tagged set"
	}
	return "story"
}
