package common

import (
	"slices"

	"parley/corpus"
	"parley/corpus/stories"
)

// StorySet is the comparison set, shared by every pane as the styles and
// the keys are: the stories of the corpus once they are found, the
// documents the user tagged, and the story (or tagged set) the session is
// restricted to. The root changes it in Update; panes only read it.
type StorySet struct {
	Docs  []*corpus.Document // the corpus, in corpus order (nil while loading)
	Index map[*corpus.Document]int

	Groups   *stories.Result // nil until found
	Grouping bool            // being found, in the background

	Tags map[*corpus.Document]bool

	// Scope, when set, restricts the session (list, search, compare,
	// claims) to its documents.
	Scope *Scope
}

// Scope is one comparison set: a story's documents or the tagged ones.
type Scope struct {
	Story int    // index into groups.Stories; -1 for the tagged set
	Label string // the story's label, or "tagged"
	// Sources are the documents compared (corpus indexes, in corpus
	// order): a story's kept copies, or the tagged documents with each
	// duplicate left to its copy when both are tagged.
	Sources []int
	// Members are every document of the set, duplicates included, for
	// the list to show (by pointer: the list holds documents in arrival
	// order while a folder loads).
	Members map[*corpus.Document]bool
}

// NewStorySet is an empty set: no corpus, no stories, nothing tagged.
func NewStorySet() *StorySet {
	return &StorySet{Tags: map[*corpus.Document]bool{}}
}

// SetCorpus installs the loaded documents; stories, tags and the scope of
// an earlier corpus no longer apply.
func (s *StorySet) SetCorpus(docs []*corpus.Document, index map[*corpus.Document]int) {
	s.Docs, s.Index = docs, index
	s.Groups, s.Grouping, s.Scope = nil, false, nil
	for d := range s.Tags {
		if _, ok := index[d]; !ok {
			delete(s.Tags, d)
		}
	}
}

// StoryOf is the story of corpus document i, or -1 while unknown.
func (s *StorySet) StoryOf(i int) int {
	if s.Groups == nil || i < 0 || i >= len(s.Groups.StoryOf) {
		return -1
	}
	return s.Groups.StoryOf[i]
}

// KeptCopy is the copy kept for corpus document i: i itself unless it is
// a duplicate.
func (s *StorySet) KeptCopy(i int) int {
	if s.Groups != nil {
		if k, ok := s.Groups.DuplicateOf[i]; ok {
			return k
		}
	}
	return i
}

// StoryScope is the scope of story k.
func (s *StorySet) StoryScope(k int) *Scope {
	st := s.Groups.Stories[k]
	sc := &Scope{Story: k, Label: st.Label, Sources: slices.Clone(st.Docs), Members: map[*corpus.Document]bool{}}
	for _, i := range s.Groups.Sources(k) {
		sc.Members[s.Docs[i]] = true
	}
	return sc
}

// TaggedScope is the scope of the tagged documents; a tagged duplicate
// counts once, as its kept copy.
func (s *StorySet) TaggedScope() *Scope {
	sc := &Scope{Story: -1, Label: "tagged", Members: map[*corpus.Document]bool{}}
	seen := map[int]bool{}
	for d := range s.Tags {
		i, ok := s.Index[d]
		if !ok {
			continue
		}
		sc.Members[d] = true
		if k := s.KeptCopy(i); !seen[k] {
			seen[k] = true
			sc.Sources = append(sc.Sources, k)
		}
	}
	slices.Sort(sc.Sources)
	return sc
}

// InScope says whether the list shows d: always when the session is not
// restricted.
func (s *StorySet) InScope(d *corpus.Document) bool {
	return s.Scope == nil || s.Scope.Members[d]
}

// ScopeName is the marker of a restricted session: "story: <label>" or
// "tagged".
func (s *StorySet) ScopeName() string {
	if s.Scope == nil {
		return ""
	}
	if s.Scope.Story < 0 {
		return "tagged"
	}
	return "story: " + CleanLabel(s.Scope.Label)
}

// MarkerFit is the restricted session's marker, "story: <label> · 7
// sources", in at most w cells (the label gives way, the count of sources
// stays); "" when the session is not restricted.
func (s *StorySet) MarkerFit(w int) string {
	if s.Scope == nil {
		return ""
	}
	count := " · " + Plural(len(s.Scope.Sources), "source")
	name := s.ScopeName()
	if room := w - StrWidth(count); StrWidth(name) > room {
		name = TruncPlain(name, max(room, 8))
	}
	return name + count
}

// CleanLabel makes a story label one line of plain text.
func CleanLabel(l string) string { return OneLine(corpus.CleanLine(l)) }

// StorySpan is the span of a story's dates, "2004-12-01 – 2004-12-20",
// one date when they are the same day, "" when none is dated.
func StorySpan(s stories.Story) string {
	switch {
	case s.First != "" && s.First != s.Last:
		return s.First + " – " + s.Last
	case s.First != "":
		return s.First
	}
	return ""
}

// ScopeChangedMsg tells every pane that the session's scope changed, so
// that what they show follows it.
type ScopeChangedMsg struct{}
