package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"parley/corpus"
)

// Query syntax, after fzf's extended mode. Terms are separated by spaces
// and every term must match (AND):
//
//	word     fuzzy: the characters of word, in order, not necessarily together
//	'word    exact: word as a substring
//	^word    prefix: the text starts with word
//	word$    suffix: the text ends with word
//	^word$   the whole text is word
//	!word    the text does not contain word (also !'word, !^word, !word$)
//	a | b    either term: a "|" on its own joins the terms on either side
//	         into a group that matches when any of them matches (also
//	         !a | !b), and the group is ANDed with the other terms
//
// Matching ignores case unless the term has an upper-case letter (smart
// case), and accents unless the term has an accented letter (see
// plainRune). A backslash before a space keeps the space inside the term
// ("new\ york"), one before a final $ makes it a dollar sign ("cost\$"),
// and one before a bar makes it a bar ("\|" finds "|"). A term that is
// only operators ("!", "'", "^", "$", "^$") is ignored, and so is a
// backslash that ends the query and a "|" with no term before or after it
// ("a |", "| a", "a | | b" is "a | b"), so a query being typed never
// matches nothing for a keystroke.
//
// Only the first MaxQueryChars characters of a query are searched, as
// fzf's prompt takes no more: a pasted page costs what a long line does.

// MaxQueryChars is how many characters of a query are searched; the rest
// is ignored.
const MaxQueryChars = 300

// termKind says how one term matches.
type termKind uint8

const (
	termFuzzy termKind = iota
	termExact
	termPrefix
	termSuffix
	termEqual
	termGroup // alternatives joined by "|" (see group.go)
)

// term is one parsed query term.
type term struct {
	kind      termKind
	neg       bool
	text      string    // as typed, operators removed
	folded    string    // fold(text), what case-insensitive terms match against
	sensitive bool      // smart case: text has an upper-case letter
	exact     bool      // text has an accented letter, so accents match exactly (see plainRune)
	runes     int       // length of text in runes
	ascii     bool      // text is ASCII, so byte and rune subsequences agree
	ub        [2][2]int // most the bonuses can add, by [camel hump][contiguous]
	spanUB    [2]int    // most they can add to a contiguous occurrence, by camel hump
	adjAll    int       // chain(runes-1): the adjacency bonus of a contiguous match
	pairs     []uint8   // pairHash of each adjacent pair of folded runes (refinedHi)
	follow    []byte    // first byte of each folded rune after the first
	edges     uint8     // 1: the term begins with a non-word character, 2: ends with one (see occClass)
	alnum     bool      // folded is ASCII letters and digits only (see classHi)
	// A group's alternatives, two or more terms of the other kinds; its
	// text is their words joined by " | ", which tells groups apart.
	alts []term
}

// pattern returns what the term matches against a target's text (when
// sensitive) or its folded text.
func (t term) pattern() string {
	if t.sensitive {
		return t.text
	}
	return t.folded
}

// ranked reports whether the term's score is found when ranking rather
// than when screening: a fuzzy term, or an exact one, which can occur
// several times and scores its best occurrence (see class.go). The screen
// only bounds their scores.
// A group's score is its best alternative's, found when ranking too.
func (t *term) ranked() bool {
	return t.kind == termFuzzy || t.kind == termExact && !t.neg || t.kind == termGroup
}

// query is a parsed query string.
type query struct {
	clean string // the query after cleaning, as echoed back
	terms []term
	cut   bool // the query was longer than MaxQueryChars
}

// parseQuery splits raw into terms. The query is echoed cleaned by the
// document hygiene rules (control characters as caret text, invalid bytes
// as <XX>); the terms are the same text with control characters dropped,
// since a document's text never holds one.
func parseQuery(raw string) query {
	raw, cut := cutQuery(raw)
	q := query{clean: corpus.CleanLine(raw), cut: cut}
	// NFC, as documents are read (corpus.decodeText), so an accent typed
	// as a combining mark finds the composed letter.
	plain := norm.NFC.String(corpus.StripControls(raw))
	// A term repeated word for word adds nothing to what must match, and
	// would be matched again on every text (a pasted line repeats words);
	// so does a group repeated, or an alternative within one.
	seen := map[string]bool{}
	var alts []term
	var words []string
	flush := func() {
		key := strings.Join(words, " | ")
		switch {
		case len(alts) == 0 || seen[key]:
		case len(alts) == 1:
			q.terms = append(q.terms, alts[0])
		default:
			q.terms = append(q.terms, term{kind: termGroup, text: key, alts: alts})
		}
		seen[key] = true
		alts, words = nil, nil
	}
	or := false // a "|" follows the last term
	for _, word := range splitTerms(corpus.CleanLine(plain)) {
		if word == "|" {
			or = len(alts) > 0
			continue
		}
		t, ok := parseTerm(word)
		if !ok {
			continue // operators alone leave a "|" before them pending
		}
		if !or {
			flush()
		}
		or = false
		if !slices.Contains(words, word) {
			alts, words = append(alts, t), append(words, word)
		}
	}
	flush()
	return q
}

// cutQuery keeps the first MaxQueryChars characters of s (an invalid
// byte counts as one) and reports whether it cut any.
func cutQuery(s string) (string, bool) {
	n := 0
	for i := range s {
		if n == MaxQueryChars {
			return s[:i], true
		}
		n++
	}
	return s, false
}

// splitTerms splits on spaces, except a space escaped with a backslash. A
// backslash that ends s escapes nothing yet: it is dropped.
func splitTerms(s string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == ' ':
			cur.WriteByte(' ')
			i++
		case s[i] == '\\' && i+1 == len(s):
			// dropped
		case s[i] == ' ':
			flush()
		default:
			cur.WriteByte(s[i])
		}
	}
	flush()
	return out
}

func parseTerm(w string) (term, bool) {
	t := term{kind: termFuzzy}
	if strings.HasPrefix(w, "!") {
		t.neg = true
		t.kind = termExact // fzf: an inverse term matches exactly
		w = w[1:]
	}
	switch {
	case strings.HasPrefix(w, "'"):
		t.kind = termExact
		w = w[1:]
	case strings.HasPrefix(w, "^"):
		t.kind = termPrefix
		w = w[1:]
	}
	if strings.HasSuffix(w, "$") && !strings.HasSuffix(w, `\$`) {
		if t.kind == termPrefix {
			t.kind = termEqual
		} else {
			t.kind = termSuffix
		}
		w = w[:len(w)-1]
	}
	w = strings.ReplaceAll(w, `\$`, "$")
	w = strings.ReplaceAll(w, `\|`, "|")
	if w == "" {
		return t, false
	}
	t.text = w
	t.folded = fold(w)
	t.sensitive = hasUpper(w)
	t.exact = hasAccent(w) || hasAccent(t.folded)
	t.runes = utf8.RuneCountInString(w)
	t.ascii = t.runes == len(w)
	t.bonusBounds()
	return t, true
}

// implies reports whether every text matching t also matches old, so the
// hits of old can be narrowed instead of searching everything again. That
// holds when typing extends a positive fuzzy, exact or prefix term, and
// for any term left unchanged; where either is a group, when every
// alternative of t implies one of old's (see groupImplies).
func (t term) implies(old term) bool {
	if t.kind == termGroup || old.kind == termGroup {
		return groupImplies(t, old)
	}
	// Terms with and without accents match against different texts (see
	// plainRune); typing the first accent into a term starts again.
	if t.neg != old.neg || t.kind != old.kind || (old.sensitive && !t.sensitive) || t.exact != old.exact {
		return false
	}
	if t.text == old.text {
		return true
	}
	if t.neg || t.kind == termSuffix || t.kind == termEqual {
		return false
	}
	if old.sensitive {
		return strings.HasPrefix(t.text, old.text)
	}
	// A case-sensitive term matches a subset of what its insensitive form
	// matches, so comparing folded forms is enough.
	return strings.HasPrefix(t.folded, old.folded)
}

// narrows reports whether every text matching q also matches old.
func (q query) narrows(old query) bool {
	if len(old.terms) == 0 || len(q.terms) < len(old.terms) {
		return false
	}
	for i, o := range old.terms {
		if !q.terms[i].implies(o) {
			return false
		}
	}
	return true
}
