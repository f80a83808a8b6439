package search

import (
	"path"
	"strings"
	"unicode/utf8"
	"unsafe"

	"parley/corpus"
)

// DocumentFilter returns a corpus.LoadOptions.Keep function for query: it
// turns a file away only when none of its targets can match the query, so
// a search over what it keeps has exactly the hits of a search over all.
//
// A target matches only if every positive term matches it, and a positive
// term (fuzzy, exact, prefix or suffix alike) matches a text only if its
// folded runes occur in order in the text's folded runes. What the parser
// does to the cleaned text it is given decides what that implies:
//
//   - A heading or sentence is cut from one unit, and a unit is lines of
//     the text in order, with characters removed (line breaks, list and
//     emphasis markers, link brackets) and nothing added but spaces
//     (joined lines, "[a](b)" read as "a (b)"). So with whitespace dropped
//     on both sides, a term matching one is a subsequence of the text.
//   - The title target is title · outlet · author. Each field is cut from
//     units of its own (or the title is the file name, or "(untitled)"),
//     but they join in a fixed order whatever their order in the text,
//     with " · " and ", " between authors. So the term's runes, as a
//     multiset and leaving out whitespace, "·" and ",", are among those of
//     the text, the file name and "(untitled)".
//
// A file is kept when every positive term passes the first check, or
// every one passes the second; a query with no positive term keeps all.
// Markdown with front matter is always kept: YAML can spell a title its
// text does not hold ("\u00e9", a number, an alias).
func DocumentFilter(query string) func(name, text string) bool {
	var pats []filterTerm
	for _, t := range parseQuery(query).terms {
		if !t.neg {
			pats = append(pats, newFilterTerm(t.folded))
		}
	}
	if len(pats) == 0 {
		return func(name, text string) bool { return true }
	}
	return func(name, text string) bool {
		if strings.EqualFold(path.Ext(name), ".md") && strings.HasPrefix(text, "---\n") {
			return true // front matter: see above
		}
		// A term without whitespace is a subsequence of the text with its
		// whitespace dropped exactly when it is one of the text itself.
		hay := foldFast(text)
		inBody := true
		for _, p := range pats {
			if _, ok := subseqFrom(hay, 0, p.runes, p.ascii); !ok {
				inBody = false
				break
			}
		}
		if inBody {
			return true
		}
		file := fold(corpus.CleanLine(name))
		for _, p := range pats {
			for r, n := range p.counts {
				s := string(r)
				if strings.Count(hay, s)+strings.Count(file, s)+strings.Count("(untitled)", s) < n {
					return false
				}
			}
		}
		return true
	}
}

// filterTerm is a positive term as DocumentFilter checks it.
type filterTerm struct {
	runes  string       // the folded term without whitespace
	ascii  bool         // runes is ASCII (subseqFrom's fast path)
	counts map[rune]int // how often each rune occurs in runes, but "·" and ","
}

func newFilterTerm(folded string) filterTerm {
	// strings.Fields splits at unicode.IsSpace: every kind of whitespace.
	t := filterTerm{runes: strings.Join(strings.Fields(folded), ""), counts: map[rune]int{}}
	t.ascii = len(t.runes) == utf8.RuneCountInString(t.runes)
	for _, r := range t.runes {
		// The title target's separators, which need not be in the text.
		if r != '·' && r != ',' {
			t.counts[r]++
		}
	}
	return t
}

// foldFast is fold(s) by foldInto, which takes ASCII eight bytes at a
// time: it runs over every file the filter is given.
func foldFast(s string) string {
	b := make([]byte, len(s))
	foldInto(b, s)
	// b is never written again, so it can back the string without a copy.
	return unsafe.String(unsafe.SliceData(b), len(b))
}
