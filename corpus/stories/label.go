package stories

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"parley/corpus"
)

// labelTerms is how many terms a label names.
const labelTerms = 3

// build turns the groups of kept positions into stories: members in
// corpus order, label, dates, ID, and the order of the stories.
func (r *Result) build(docs []*corpus.Document, kept []int, group []int, vs []vector, st corpusStats) {
	byGroup := map[int][]int{}
	var order []int
	for pos, g := range group {
		if _, dup := r.DuplicateOf[kept[pos]]; dup {
			continue
		}
		if _, ok := byGroup[g]; !ok {
			order = append(order, g)
		}
		byGroup[g] = append(byGroup[g], pos)
	}
	for _, g := range order {
		s := Story{}
		for _, pos := range byGroup[g] {
			s.Docs = append(s.Docs, kept[pos])
		}
		s.Label = label(byGroup[g], vs, st)
		s.First, s.Last = r.dateSpan(docs, s.Docs)
		r.Stories = append(r.Stories, s)
	}
	slices.SortStableFunc(r.Stories, func(a, b Story) int {
		if c := cmp.Compare(len(b.Docs), len(a.Docs)); c != 0 {
			return c
		}
		return cmp.Compare(a.Docs[0], b.Docs[0])
	})
	r.StoryOf = make([]int, len(docs))
	used := map[string]int{}
	for si := range r.Stories {
		s := &r.Stories[si]
		s.ID = uniqueID(slug(s.Label), used)
		for _, d := range r.Sources(si) {
			r.StoryOf[d] = si
		}
	}
}

func (r *Result) dateSpan(docs []*corpus.Document, members []int) (first, last string) {
	for _, d := range members {
		for _, i := range append([]int{d}, r.Copies[d]...) {
			p := docs[i].Published
			if p == "" {
				continue
			}
			if first == "" || p < first {
				first = p
			}
			if p > last {
				last = p
			}
		}
	}
	return first, last
}

// label names a group by the terms that weigh most over its documents.
// A word of a pair of names that is among the heaviest terms is named by
// the pair ("Tony Blair" for "Blair"), and a word already inside a chosen
// pair is skipped.
func label(members []int, vs []vector, st corpusStats) string {
	terms := weighTerms(members, vs)
	// The label is almost always found among the heaviest few terms;
	// all are sorted only when it is not.
	top := heaviest(terms, 8*labelTerms, heavierLabel)
	picked := pickLabel(top, st)
	if len(picked) < labelTerms && len(top) < len(terms) {
		slices.SortFunc(terms, heavierLabel)
		picked = pickLabel(terms, st)
	}
	return strings.Join(picked, " · ")
}

// pickLabel picks the label's terms from terms sorted heaviest first.
func pickLabel(terms []labelTerm, st corpusStats) []string {
	spell := func(t labelTerm) string {
		w := t.surface
		if !st.isName(t.key) {
			w = strings.ToLower(w)
		}
		return corpus.CleanLine(w)
	}
	// A pair of names among the heaviest terms stands for its words:
	// "Lib Dems", not "Lib · Dems".
	var pairs []string
	for _, t := range terms[:min(len(terms), 4*labelTerms)] {
		if w := spell(t); strings.Contains(w, " ") {
			pairs = append(pairs, w)
		}
	}
	var picked []string
	for _, t := range terms {
		if len(picked) == labelTerms {
			break
		}
		w := spell(t)
		if !strings.Contains(w, " ") {
			for _, p := range pairs {
				if overlaps([]string{p}, w) {
					w = p
					break
				}
			}
		}
		if w == "" || overlaps(picked, w) {
			continue
		}
		picked = append(picked, w)
	}
	return picked
}

// labelTerm is one term's weight summed over a story's documents.
type labelTerm struct {
	key     uint64
	weight  float64
	surface string // as written in the first document that has it
}

// weighTerms sums each term's weight over the members' vectors, by key.
// Each vector is sorted by key, so the sums are merged in one member
// after another: in member order, the same on every run, and without a
// map or a sort per story.
func weighTerms(members []int, vs []vector) []labelTerm {
	terms := weighOne(vs[members[0]])
	var next []labelTerm
	for _, pos := range members[1:] {
		next = mergeTerms(next[:0], terms, vs[pos])
		terms, next = next, terms
	}
	return terms
}

// mergeTerms appends to out the terms of sums and of v, both sorted by
// key, adding v's weight to a term both have.
func mergeTerms(out, sums []labelTerm, v vector) []labelTerm {
	i, j := 0, 0
	for i < len(sums) || j < len(v) {
		switch {
		case j == len(v) || i < len(sums) && sums[i].key < v[j].key:
			out = append(out, sums[i])
			i++
		case i == len(sums) || v[j].key < sums[i].key:
			out = append(out, labelTerm{v[j].key, float64(v[j].w), v[j].surface})
			j++
		default:
			t := sums[i]
			t.weight += float64(v[j].w)
			out = append(out, t)
			i++
			j++
		}
	}
	return out
}

// weighOne is weighTerms for a story of one document.
func weighOne(v vector) []labelTerm {
	terms := make([]labelTerm, len(v))
	for i, t := range v {
		terms[i] = labelTerm{t.key, float64(t.w), t.surface}
	}
	return terms
}

func heavierLabel(a, b labelTerm) int {
	if c := cmp.Compare(b.weight, a.weight); c != 0 {
		return c
	}
	return cmp.Compare(a.key, b.key)
}

// overlaps says whether w shares a word with a label term already
// picked.
func overlaps(picked []string, w string) bool {
	for _, p := range picked {
		for _, a := range strings.Fields(strings.ToLower(p)) {
			for _, b := range strings.Fields(strings.ToLower(w)) {
				if a == b {
					return true
				}
			}
		}
	}
	return false
}

// slug makes an ID from a label: lower-case letters and digits, words
// joined by "-".
func slug(label string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(label) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "story"
	}
	return b.String()
}

func uniqueID(base string, used map[string]int) string {
	used[base]++
	if used[base] == 1 {
		return base
	}
	for {
		id := base + "-" + strconv.Itoa(used[base])
		if used[id] == 0 {
			used[id] = 1
			return id
		}
		used[base]++
	}
}
