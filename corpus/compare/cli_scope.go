package compare

import (
	"fmt"
	"strings"

	"parley/corpus"
	"parley/corpus/stories"
)

// setsForCLI groups c into stories and prepares its comparison sets,
// with the curated layer when it applies.
func setsForCLI(c *corpus.Corpus, opts CLIOptions) (*Sets, error) {
	o, err := optionsForCLI(opts)
	if err != nil {
		return nil, err
	}
	return NewSets(c.Docs, stories.Group(c.Docs), o), nil
}

// scopeForCLI is the set text is compared with: every document with
// --all, the story named by --story, else the default (Sets.For).
func scopeForCLI(sets *Sets, text string, opts CLIOptions) (*Scope, error) {
	switch {
	case opts.All && opts.Story != "":
		return nil, fmt.Errorf("--all and --story choose two comparison sets; choose one")
	case opts.All:
		return sets.All(), nil
	case opts.Story != "":
		i, err := findStory(sets.Stories(), opts.Story)
		if err != nil {
			return nil, err
		}
		return sets.Story(i), nil
	}
	return sets.For(text), nil
}

// findStory finds a story by its ID, or by a prefix of one ID.
func findStory(r *stories.Result, id string) (int, error) {
	if i := r.Find(id); i >= 0 {
		return i, nil
	}
	found := -1
	for i, s := range r.Stories {
		if strings.HasPrefix(s.ID, id) {
			if found >= 0 {
				return -1, fmt.Errorf("story %q is ambiguous: %s, %s, …", corpus.CleanLine(id), r.Stories[found].ID, s.ID)
			}
			found = i
		}
	}
	if found < 0 {
		return -1, fmt.Errorf("no story %q (parley stories lists them)", corpus.CleanLine(id))
	}
	return found, nil
}

// scopeLine says which documents were compared, and how many more
// --all would add.
func scopeLine(sc *Scope) string {
	r := sc.sets.Stories()
	var line string
	switch sc.Kind {
	case ScopeAll:
		line = fmt.Sprintf("Compared with every document (%d %s)", len(sc.Set), corpus.Plural(len(sc.Set), "source", "sources"))
		if c := len(r.DuplicateOf); c > 0 {
			line += fmt.Sprintf("; %d %s shown once", c, corpus.Plural(c, "copy", "copies"))
		}
		return line
	case ScopeTagged:
		line = fmt.Sprintf("Compared within the tagged documents (%d %s)", len(sc.Set), corpus.Plural(len(sc.Set), "source", "sources"))
	case ScopePicked:
		var names []string
		for _, st := range sc.Stories {
			s := r.Stories[st]
			names = append(names, fmt.Sprintf("%s [%s] (%d)", corpus.CleanLine(s.Label), corpus.CleanLine(s.ID), len(s.Docs)))
		}
		line = fmt.Sprintf("Compared within the %s that %s to it: %s", corpus.Plural(len(names), "story", "stories"),
			corpus.Plural(len(names), "speaks", "speak"), strings.Join(names, "; "))
	default:
		s := r.Stories[sc.Stories[0]]
		line = fmt.Sprintf("Compared within the story %s [%s] (%d %s)", corpus.CleanLine(s.Label), corpus.CleanLine(s.ID),
			len(sc.Set), corpus.Plural(len(sc.Set), "source", "sources"))
	}
	if sc.Outside > 0 {
		line += fmt.Sprintf("; --all adds %d more", sc.Outside)
	}
	return line
}

// jsonScope is the comparison set in parley compare --json.
type jsonScope struct {
	Kind    ScopeKind        `json:"kind"`
	Stories []jsonStoryBrief `json:"stories"`
	Sources int              `json:"sources"`
	Outside int              `json:"outside"` // documents --all adds
}

type jsonStoryBrief struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

func scopeJSON(docs []*corpus.Document, sc *Scope) jsonScope {
	out := jsonScope{Kind: sc.Kind, Stories: []jsonStoryBrief{}, Sources: len(sc.Set), Outside: sc.Outside}
	for _, st := range sc.Stories {
		s := sc.sets.Stories().Stories[st]
		out.Stories = append(out.Stories, jsonStoryBrief{ID: corpus.CleanLine(s.ID), Label: corpus.CleanLine(s.Label)})
	}
	return out
}

// idsOf is the documents' ids, cleaned for the terminal.
func idsOf(docs []*corpus.Document, idx []int) []string {
	var out []string
	for _, i := range idx {
		out = append(out, corpus.CleanLine(docs[i].ID))
	}
	return out
}
