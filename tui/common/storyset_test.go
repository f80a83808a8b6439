package common

import (
	"slices"
	"strings"
	"testing"

	"parley/corpus"
	"parley/corpus/stories"
)

// storyFixture is four documents in two stories; document 2 is a copy of
// document 1.
func storyFixture() (*StorySet, []*corpus.Document) {
	docs := []*corpus.Document{{ID: "a"}, {ID: "b"}, {ID: "b-copy"}, {ID: "c"}}
	index := map[*corpus.Document]int{}
	for i, d := range docs {
		index[d] = i
	}
	s := NewStorySet()
	s.SetCorpus(docs, index)
	s.Groups = &stories.Result{
		Stories:     []stories.Story{{Label: "talks  in\u00a0Islamabad", Docs: []int{0, 1}}, {Label: "border", Docs: []int{3}}},
		StoryOf:     []int{0, 0, 0, 1},
		DuplicateOf: map[int]int{2: 1},
		Copies:      map[int][]int{1: {2}},
	}
	return s, docs
}

// A story's scope compares its kept documents and lists its copies too;
// the tagged set counts a tagged copy once, as its kept document.
func TestStorySetScopes(t *testing.T) {
	s, docs := storyFixture()
	sc := s.StoryScope(0)
	if !slices.Equal(sc.Sources, []int{0, 1}) || len(sc.Members) != 3 || !sc.Members[docs[2]] {
		t.Errorf("story scope: sources %v, %d members", sc.Sources, len(sc.Members))
	}
	s.Tags[docs[2]], s.Tags[docs[1]], s.Tags[docs[3]] = true, true, true
	tagged := s.TaggedScope()
	if !slices.Equal(tagged.Sources, []int{1, 3}) || len(tagged.Members) != 3 {
		t.Errorf("tagged scope: sources %v, %d members", tagged.Sources, len(tagged.Members))
	}
	if s.KeptCopy(2) != 1 || s.KeptCopy(3) != 3 || s.StoryOf(3) != 1 || s.StoryOf(9) != -1 {
		t.Errorf("KeptCopy(2)=%d KeptCopy(3)=%d StoryOf(3)=%d StoryOf(9)=%d", s.KeptCopy(2), s.KeptCopy(3), s.StoryOf(3), s.StoryOf(9))
	}
}

// A restricted session shows only its members, and its marker keeps the
// count of sources when the label must give way.
func TestStorySetRestrictedSession(t *testing.T) {
	s, docs := storyFixture()
	if !s.InScope(docs[3]) || s.MarkerFit(40) != "" {
		t.Fatal("an unrestricted session shows every document and has no marker")
	}
	s.Scope = s.StoryScope(0)
	if s.InScope(docs[3]) || !s.InScope(docs[2]) {
		t.Error("the story's session shows another story's document, or hides its copy")
	}
	if got := s.MarkerFit(80); got != "story: talks in Islamabad · 2 sources" {
		t.Errorf("marker %q", got)
	}
	if got := s.MarkerFit(20); StrWidth(got) > 20+8 || !strings.HasSuffix(got, " · 2 sources") {
		t.Errorf("narrow marker %q: the count of sources must stay", got)
	}
	// A new corpus forgets the stories, the scope and tags of documents
	// no longer loaded.
	s.Tags[docs[0]] = true
	s.SetCorpus(docs[1:], map[*corpus.Document]int{docs[1]: 0, docs[2]: 1, docs[3]: 2})
	if s.Groups != nil || s.Scope != nil || s.Tags[docs[0]] {
		t.Error("SetCorpus kept the old corpus's stories, scope or tags")
	}
}
