package search

import (
	"path"
	"slices"
	"strings"
	"unicode/utf8"

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
// A term without accents matches fold(plain(text)), one with them
// fold(text) (see plainRune); both map each rune to one rune, so the
// relations above hold between the folded forms too. A file is kept when
// every positive term passes the first check, or every one passes the
// second; a query with no positive term keeps all. A group (a | b)
// passes a check when any of its alternatives does, and is no condition
// at all when one of them is negated. Markdown with front matter is
// always kept: YAML can spell a title its text does not hold ("\u00e9", a
// number, an alias).
func DocumentFilter(query string) func(name, text string) bool {
	var pats [][]filterTerm // each term's alternatives
	for _, t := range parseQuery(query).terms {
		var alts []filterTerm
		for _, a := range altsOf(&t) {
			if a.neg {
				alts = nil
				break
			}
			alts = append(alts, newFilterTerm(a.folded, a.exact))
		}
		if alts != nil {
			pats = append(pats, alts)
		}
	}
	if len(pats) == 0 {
		return func(name, text string) bool { return true }
	}
	return func(name, text string) bool {
		if strings.EqualFold(path.Ext(name), ".md") && strings.HasPrefix(text, "---\n") {
			return true // front matter: see above
		}
		h := hays{text: text, file: corpus.CleanLine(name)}
		// The checks find a folded ASCII letter in either case, so an
		// ASCII term without accents is first looked for in the text
		// itself: there a folded ASCII letter comes only from that letter
		// in either case, or (in fold(plain(text))) from an accented one
		// too. So the text can pass that way but not fail: only a text
		// with no accented letter fails without a second look.
		if h.check(pats, false) {
			return true
		}
		return hasAccent(text) && h.check(pats, true)
	}
}

// hays holds the forms of one file's text the terms are matched against,
// each made when first needed.
type hays struct {
	text, file            string
	folded, plain         string // fold(text), fold(plain(text))
	fileFolded, filePlain string
	haveFolded, havePlain bool
	haveFile              bool
}

// of returns what p is matched against in the text and in the file name;
// accents says the text may have accented letters.
func (h *hays) of(p filterTerm, accents bool) (text, file string) {
	if !h.haveFile {
		h.fileFolded, h.filePlain, h.haveFile = fold(h.file), foldPlain(h.file), true
	}
	if p.exact {
		if !h.haveFolded {
			h.folded, h.haveFolded = fold(h.text), true
		}
		return h.folded, h.fileFolded
	}
	if p.ascii && !accents {
		return h.text, h.filePlain
	}
	if !h.havePlain {
		h.plain, h.havePlain = foldPlain(h.text), true
	}
	return h.plain, h.filePlain
}

// check runs the two checks of DocumentFilter on the groups of terms
// pats, each passing when one of its alternatives does; accents as for of.
func (h *hays) check(pats [][]filterTerm, accents bool) bool {
	// A term without whitespace is a subsequence of the text with its
	// whitespace dropped exactly when it is one of the text itself.
	inBody := true
	for _, alts := range pats {
		if !slices.ContainsFunc(alts, func(p filterTerm) bool {
			hay, _ := h.of(p, accents)
			return foldedSubsequence(hay, p.runes)
		}) {
			inBody = false
			break
		}
	}
	if inBody {
		return true
	}
	for _, alts := range pats {
		if !slices.ContainsFunc(alts, func(p filterTerm) bool {
			hay, file := h.of(p, accents)
			for r, n := range p.counts {
				if foldedCount(hay, r)+foldedCount(file, r)+foldedCount("(untitled)", r) < n {
					return false
				}
			}
			return true
		}) {
			return false
		}
	}
	return true
}

// filterTerm is a positive term as DocumentFilter checks it.
type filterTerm struct {
	runes  string       // the folded term without whitespace
	ascii  bool         // runes is ASCII
	exact  bool         // the term has accents, which match exactly
	counts map[rune]int // how often each rune occurs in runes, but "·" and ","
}

func newFilterTerm(folded string, exact bool) filterTerm {
	// strings.Fields splits at unicode.IsSpace: every kind of whitespace.
	t := filterTerm{runes: strings.Join(strings.Fields(folded), ""), exact: exact, counts: map[rune]int{}}
	t.ascii = len(t.runes) == utf8.RuneCountInString(t.runes)
	for _, r := range t.runes {
		// The title target's separators, which need not be in the text.
		if r != '·' && r != ',' {
			t.counts[r]++
		}
	}
	return t
}

// foldedSubsequence reports whether the runes of pat (folded) occur in
// order in fold(s), given s folded, or s itself when pat is ASCII and s
// has no accented letter: fold keeps UTF-8 lengths, so then only an ASCII
// letter folds to an ASCII letter, and an ASCII rune is found in s in
// either case.
func foldedSubsequence(s, pat string) bool {
	from := 0
	for _, r := range pat {
		var j int
		if r < utf8.RuneSelf {
			j = indexFolded(s[from:], byte(r))
		} else {
			j = strings.IndexRune(s[from:], r)
		}
		if j < 0 {
			return false
		}
		from += j + utf8.RuneLen(r)
	}
	return true
}

// indexFolded is the first index of the ASCII byte c in s, in either case
// when c is a lower-case letter. The upper-case search stops where the
// lower-case one found c, so neither scans further than it must.
func indexFolded(s string, c byte) int {
	i := strings.IndexByte(s, c)
	if c < 'a' || c > 'z' {
		return i
	}
	end := i
	if i < 0 {
		end = len(s)
	}
	if j := strings.IndexByte(s[:end], c-'a'+'A'); j >= 0 {
		return j
	}
	return i
}

// foldedCount counts the folded rune r in fold(s), on the terms of
// foldedSubsequence.
func foldedCount(s string, r rune) int {
	switch {
	case 'a' <= r && r <= 'z':
		return strings.Count(s, string(r)) + strings.Count(s, string(r-'a'+'A'))
	default:
		return strings.Count(s, string(r))
	}
}
