package tui

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/stories"
	"parley/tui/common"
)

// storySet is the comparison set, shared by every pane as the styles and
// the keys are: the stories of the corpus once they are found, the
// documents the user tagged, and the story (or tagged set) the session is
// restricted to. The root changes it in Update; panes only read it.
type storySet struct {
	docs  []*corpus.Document // the corpus, in corpus order (nil while loading)
	index map[*corpus.Document]int

	groups   *stories.Result // nil until found
	grouping bool            // being found, in the background

	tags map[*corpus.Document]bool

	// scope, when set, restricts the session (list, search, compare,
	// claims) to its documents.
	scope *scope
}

// scope is one comparison set: a story's documents or the tagged ones.
type scope struct {
	story int    // index into groups.Stories; -1 for the tagged set
	label string // the story's label, or "tagged"
	// sources are the documents compared (corpus indexes, in corpus
	// order): a story's kept copies, or the tagged documents with each
	// duplicate left to its copy when both are tagged.
	sources []int
	// members are every document of the set, duplicates included, for
	// the list to show (by pointer: the list holds documents in arrival
	// order while a folder loads).
	members map[*corpus.Document]bool
}

func newStorySet() *storySet {
	return &storySet{tags: map[*corpus.Document]bool{}}
}

// setCorpus installs the loaded documents; stories, tags and the scope of
// an earlier corpus no longer apply.
func (s *storySet) setCorpus(docs []*corpus.Document, index map[*corpus.Document]int) {
	s.docs, s.index = docs, index
	s.groups, s.grouping, s.scope = nil, false, nil
	for d := range s.tags {
		if _, ok := index[d]; !ok {
			delete(s.tags, d)
		}
	}
}

// storiesFoundMsg carries the stories of the corpus, found in the
// background once it is loaded.
type storiesFoundMsg struct {
	docs   []*corpus.Document // the corpus they were found for
	groups *stories.Result
}

// findStories groups docs into stories off the interface's goroutine.
func findStories(docs []*corpus.Document) tea.Cmd {
	return func() tea.Msg { return storiesFoundMsg{docs: docs, groups: stories.Group(docs)} }
}

// storyOf is the story of corpus document i, or -1 while unknown.
func (s *storySet) storyOf(i int) int {
	if s.groups == nil || i < 0 || i >= len(s.groups.StoryOf) {
		return -1
	}
	return s.groups.StoryOf[i]
}

// keptCopy is the copy kept for corpus document i: i itself unless it is
// a duplicate.
func (s *storySet) keptCopy(i int) int {
	if s.groups != nil {
		if k, ok := s.groups.DuplicateOf[i]; ok {
			return k
		}
	}
	return i
}

// storyScope is the scope of story k.
func (s *storySet) storyScope(k int) *scope {
	st := s.groups.Stories[k]
	sc := &scope{story: k, label: st.Label, sources: slices.Clone(st.Docs), members: map[*corpus.Document]bool{}}
	for _, i := range s.groups.Sources(k) {
		sc.members[s.docs[i]] = true
	}
	return sc
}

// taggedScope is the scope of the tagged documents; a tagged duplicate
// counts once, as its kept copy.
func (s *storySet) taggedScope() *scope {
	sc := &scope{story: -1, label: "tagged", members: map[*corpus.Document]bool{}}
	seen := map[int]bool{}
	for d := range s.tags {
		i, ok := s.index[d]
		if !ok {
			continue
		}
		sc.members[d] = true
		if k := s.keptCopy(i); !seen[k] {
			seen[k] = true
			sc.sources = append(sc.sources, k)
		}
	}
	slices.Sort(sc.sources)
	return sc
}

// inScope says whether the list shows d: always when the session is not
// restricted.
func (s *storySet) inScope(d *corpus.Document) bool {
	return s.scope == nil || s.scope.members[d]
}

// compareSet is the comparison set for a sentence of corpus document
// origin (-1: a typed query): the session's scope when it is restricted,
// else the tagged documents when there are any (with the origin's), else
// the origin's story. nil means every document. name says what the set
// is, for the compare view's header.
func (s *storySet) compareSet(origin int) (set []int, name string) {
	switch {
	case s.scope != nil:
		return withOrigin(s.scope.sources, origin, s.keptCopy(origin)), s.scopeName()
	case len(s.tags) > 0:
		sc := s.taggedScope()
		return withOrigin(sc.sources, origin, s.keptCopy(origin)), "tagged"
	case origin >= 0 && s.storyOf(origin) >= 0:
		k := s.storyOf(origin)
		return withOrigin(s.groups.Stories[k].Docs, origin, s.keptCopy(origin)), "story: " + cleanLabel(s.groups.Stories[k].Label)
	}
	return nil, ""
}

// withOrigin is set with the origin document in it: a duplicate that was
// compared stands in for its kept copy, so a text is never compared with
// its own copy.
func withOrigin(set []int, origin, kept int) []int {
	out := make([]int, 0, len(set)+1)
	for _, i := range set {
		if i == kept && origin >= 0 {
			continue
		}
		out = append(out, i)
	}
	if origin >= 0 {
		out = append(out, origin)
	}
	slices.Sort(out)
	return out
}

// scopeName is the marker of a restricted session: "story: <label>" or
// "tagged".
func (s *storySet) scopeName() string {
	if s.scope == nil {
		return ""
	}
	if s.scope.story < 0 {
		return "tagged"
	}
	return "story: " + cleanLabel(s.scope.label)
}

// marker is the restricted session's marker, "story: <label> · 7
// sources", or "" when the session is not restricted.
func (s *storySet) marker() string { return s.markerFit(1 << 20) }

// markerFit is the marker in at most w cells: the label gives way, the
// count of sources stays.
func (s *storySet) markerFit(w int) string {
	if s.scope == nil {
		return ""
	}
	count := " · " + plural(len(s.scope.sources), "source")
	name := s.scopeName()
	if room := w - common.StrWidth(count); common.StrWidth(name) > room {
		name = truncPlain(name, max(room, 8))
	}
	return name + count
}

// cleanLabel makes a story label one line of plain text.
func cleanLabel(l string) string { return oneLine(corpus.CleanLine(l)) }

// storySpan is the span of a story's dates, "2004-12-01 – 2004-12-20",
// one date when they are the same day, "" when none is dated.
func storySpan(s stories.Story) string {
	switch {
	case s.First != "" && s.First != s.Last:
		return s.First + " – " + s.Last
	case s.First != "":
		return s.First
	}
	return ""
}
