package compareview

import (
	"fmt"
	"strings"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/corpus/stories"
	"parley/tui/common"
)

// The compare view within a comparison set: a sentence is compared with
// the other documents of its story (or the tagged set, or the story the
// session is restricted to); w widens the comparison to every document
// and back. A typed query with no set picks the stories that speak to it.
// The sets are the engine's (compare.Sets): each has its own index, so a
// story compares as it would in a folder of its own.

// SetStories gives the engine the corpus's stories, so it hands out
// comparison sets from now on.
func (e *Engine) SetStories(g *stories.Result) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.groups, e.sets = g, [2]*compare.Sets{}
}

// setsFor is the comparison sets of a layer, or nil until the stories are
// found. The curated layer's are made again when the layer changes.
func (e *Engine) setsFor(engineOnly bool) *compare.Sets {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.groups == nil {
		return nil
	}
	i, opts := 0, compare.Options{Curated: e.curated}
	if engineOnly {
		i, opts = 1, compare.Options{EngineOnly: true}
	}
	if e.sets[i] == nil || e.setsGen[i] != e.gen {
		e.sets[i], e.setsGen[i] = compare.NewSets(e.docs, e.groups, opts), e.gen
	}
	return e.sets[i]
}

// compareScope is the comparison set of the view's query.
type compareScope struct {
	name string // "story: …", "tagged"; "" for every document
	all  bool   // the set is every document (no story to compare within)
	wide bool   // w widened the comparison to every document
	pick bool   // a typed query with no set: the stories that speak are picked
	// set is the set compared, once known (for a typed query, once the
	// stories are picked).
	set *compare.Scope
}

// scopeFor is the comparison set of a query from corpus document origin
// (-1 for typed text), given the session's scope and tags.
func (p *ComparePane) scopeFor(origin int) compareScope {
	sets := p.engine.setsFor(p.engineOnly)
	if sets == nil || p.set == nil {
		return compareScope{all: true}
	}
	var sc compareScope
	switch {
	case p.set.Scope != nil && p.set.Scope.Story >= 0:
		sc = compareScope{set: sets.Story(p.set.Scope.Story), name: p.set.ScopeName()}
	case p.set.Scope != nil || len(p.set.Tags) > 0:
		docs := p.set.TaggedScope().Sources
		if p.set.Scope != nil {
			docs = p.set.Scope.Sources
		}
		if origin >= 0 {
			docs = append(docs, origin)
		}
		sc = compareScope{set: sets.Tagged(docs), name: "tagged"}
	case origin >= 0:
		sc = compareScope{set: sets.StoryOf(origin), name: "story: " + common.CleanLabel(p.set.Groups.Stories[p.set.StoryOf(origin)].Label)}
		if len(sc.set.Set) < 2 {
			// A story of one has nothing to compare with: every document.
			return compareScope{set: sets.All(), all: true, name: "alone in its story"}
		}
	case len(p.set.Groups.Stories) > 1:
		return compareScope{pick: true}
	default:
		return compareScope{all: true}
	}
	if sc.set.Outside == 0 {
		// The set is the whole corpus (the seeds are one story): the
		// corpus's own index answers.
		return compareScope{all: true}
	}
	return sc
}

// querySet fills in what q is compared with: the set, every document when
// widened, or the stories to pick for a typed query. A sentence of a copy
// is compared as its kept copy's, which stands for it in every set.
//
// The set is found again for each query: the sets of the curated layer
// are made anew when the user's claims change.
func (p *ComparePane) querySet(q *compareQuery) {
	wide := p.scope.wide
	p.scope = p.scopeFor(q.originDoc())
	p.scope.wide = wide && !p.scope.all
	q.set, q.pick = p.scope.set, nil
	sets := p.engine.setsFor(q.engineOnly)
	switch {
	case sets == nil:
		q.set = nil
		return
	case p.scope.wide:
		p.scope.set = sets.All()
		q.set = p.scope.set
	case p.scope.pick:
		q.set, q.pick = nil, sets
	}
	if o := q.origin; o != nil && p.set != nil && p.set.KeptCopy(o.Doc) != o.Doc {
		if loc, ok := sets.Locate(q.text); ok {
			q.origin = &loc
		}
	}
}

// OriginDoc is the corpus document the view's query came from, or -1.
func (p *ComparePane) OriginDoc() int {
	switch {
	case p.query.origin != nil:
		return p.query.origin.Doc
	case p.result != nil:
		return p.result.Origin
	}
	return -1
}

// widen is w: the comparison goes to every document, or back to its set.
func (p *ComparePane) widen() {
	if p.query.text == "" {
		return
	}
	if p.scope.all {
		p.status = paneStatus{text: "already comparing every document"}
		return
	}
	p.scope.wide = !p.scope.wide
}

// scopeNote is the compare view's account of its set, before what the
// query is: "7 sources · w: +2218 more · story: …".
func (p *ComparePane) scopeNote() string {
	sc := p.scope
	var parts []string
	switch {
	case sc.wide && sc.set != nil:
		parts = append(parts, fmt.Sprintf("every document (%d) · w: back to the %s", len(sc.set.Set)+sc.set.Outside, setWord(sc)))
	case sc.pick && p.loading:
		parts = append(parts, "picking the stories that speak…")
	case sc.pick && (sc.set == nil || len(sc.set.Stories) == 0):
		parts = append(parts, "no story speaks to it: every document")
	case sc.pick:
		parts = append(parts, fmt.Sprintf("w: +%d more", sc.set.Outside), p.pickedNote())
	case sc.name != "" && sc.all:
		parts = append(parts, sc.name+": every document")
	case sc.set != nil && !sc.all:
		// The label last: on a narrow screen it is what gives way.
		parts = append(parts, common.Plural(len(sc.set.Set), "source"), fmt.Sprintf("w: +%d more", sc.set.Outside), sc.name)
	}
	return strings.Join(parts, " · ")
}

// pickedNote names the stories a typed query was compared across.
func (p *ComparePane) pickedNote() string {
	var labels []string
	for _, k := range p.scope.set.Stories {
		labels = append(labels, common.CleanLabel(p.set.Groups.Stories[k].Label))
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

// setDocs are the documents of a set, in its order (the order of a
// story's claims' coverage marks).
func setDocs(docs []*corpus.Document, sc *compare.Scope) []*corpus.Document {
	out := make([]*corpus.Document, len(sc.Set))
	for i, d := range sc.Set {
		out[i] = docs[d]
	}
	return out
}
