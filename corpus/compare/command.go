package compare

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"parley/corpus"
	"parley/corpus/stories"
)

// CommandOptions are what parley compare and parley claims choose: the
// comparison set and the layer. Package export writes their answers.
type CommandOptions struct {
	Top        int // best K matches per source (compare); 0: 1
	EngineOnly bool
	// Curated is the curated layer of the corpus: the user's claims and,
	// for the embedded seeds, the shipped ones (see package claimsfile,
	// which decides what applies).
	Curated []CuratedClaim
	// All compares with every document instead of the comparison set
	// (see CompareCommand); Story names the story to compare within or
	// list the claims of (a story ID from parley stories).
	All   bool
	Story string
	// Stored is the corpus' grouping kept on disk (LoadStored), when the
	// corpus was opened through it; nil groups the corpus anew.
	Stored *Stored
}

// CompareCommand compares text with its comparison set in c: the other
// documents of its story when text is a sentence of c, the stories that
// speak to it when it is typed, the story opts.Story, or every document
// with opts.All. It returns the scope used, which the output names.
func CompareCommand(c *corpus.Corpus, text string, opts CommandOptions) (Result, *Scope, error) {
	sc, err := scopeFor(setsFor(c, opts), text, opts)
	if err != nil {
		return Result{}, nil, err
	}
	return sc.Compare(text, QueryOptions{Top: max(opts.Top, 1)}), sc, nil
}

// StoryClaims is one story's claims: Story indexes the grouping's
// stories; ID and Label are the story's, Set and Outside its comparison
// set's (Scope.Set, Scope.Outside), and Read of its Sentences were read
// by claim discovery (Index.ClaimsRead).
type StoryClaims struct {
	Story           int
	ID, Label       string
	Set             []int
	Outside         int
	Read, Sentences int
	Claims          []Claim
}

// ClaimsList is the stories ClaimsCommand lists claims for: Stories of
// them, found one at a time by Each. Alone counts the documents that are
// a story of their own, and so have no claims to share.
type ClaimsList struct {
	Stories, Alone int
	sets           *Sets
	picked         []int
}

// ClaimsCommand lists the stories of c whose claims parley claims
// writes: opts.Story, or every story of two documents or more. Claims
// are found within each story, with no cap on the corpus; a story too
// long to read whole says so (StoryClaims.Read).
func ClaimsCommand(c *corpus.Corpus, opts CommandOptions) (*ClaimsList, error) {
	sets := setsFor(c, opts)
	r := sets.Stories()
	l := &ClaimsList{sets: sets}
	if opts.Story != "" {
		i, err := findStory(r, opts.Story)
		if err != nil {
			return nil, err
		}
		l.picked = []int{i}
	} else {
		for i, s := range r.Stories {
			if len(s.Docs) > 1 {
				l.picked = append(l.picked, i)
			} else {
				l.Alone++
			}
		}
	}
	l.Stories = len(l.picked)
	return l, nil
}

// Each finds the claims of each story in turn and hands them to write.
// A story's comparison set, its index with it, is let go before its
// claims are written: the claims do not need it, and writing them then
// reuses its memory (on two 8 MiB sentences the index is a third of the
// heap, and writing 5,223 claims beside it was the command's peak).
func (l *ClaimsList) Each(write func(StoryClaims) error) error {
	for _, i := range l.picked {
		if err := write(l.sets.takeStoryClaims(i)); err != nil {
			return err
		}
	}
	return nil
}

// takeStoryClaims is story i's claims, its set forgotten once they are
// found (a later Story(i) makes it anew).
func (s *Sets) takeStoryClaims(i int) StoryClaims {
	sc := s.Story(i)
	st := s.stories.Stories[i]
	read, total := sc.Index().ClaimsRead()
	out := StoryClaims{Story: i, ID: st.ID, Label: st.Label, Set: sc.Set, Outside: sc.Outside,
		Read: read, Sentences: total, Claims: sc.Claims()}
	s.mu.Lock()
	delete(s.byStory, i)
	s.mu.Unlock()
	return out
}

// setsFor groups c into stories and prepares its comparison sets, with
// the curated layer unless EngineOnly.
func setsFor(c *corpus.Corpus, opts CommandOptions) *Sets {
	o := Options{EngineOnly: opts.EngineOnly, Curated: opts.Curated}
	if opts.Stored != nil {
		return opts.Stored.Sets(o)
	}
	return NewSets(c.Docs, stories.Group(c.Docs), o)
}

// scopeFor is the set text is compared with: every document with
// --all, the story named by --story, else the default (Sets.For).
func scopeFor(sets *Sets, text string, opts CommandOptions) (*Scope, error) {
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

// SpeakingOrder splits a result's sources, as indices into r.Sources,
// into those shown in full — the origin first, then the sources that
// speak, best match first (ties in document order) — and the silent ones
// in document order.
func SpeakingOrder(r Result) (speaking, silent []int) {
	for i, s := range r.Sources {
		switch {
		case s.Origin:
			speaking = append([]int{i}, speaking...)
		case s.Silent || len(s.Matches) == 0:
			silent = append(silent, i)
		default:
			speaking = append(speaking, i)
		}
	}
	rest := speaking
	if len(rest) > 0 && r.Sources[rest[0]].Origin {
		rest = rest[1:]
	}
	slices.SortStableFunc(rest, func(a, b int) int {
		return cmp.Compare(r.Sources[b].Matches[0].Score, r.Sources[a].Matches[0].Score)
	})
	return speaking, silent
}
