package stories

import (
	"unicode"
	"unicode/utf8"

	"parley/corpus"
)

// termStat counts one term in one document.
type termStat struct {
	tf float32 // occurrences; a title occurrence counts titleTF
	// capMid counts occurrences capitalised away from a sentence start,
	// mid those away from a sentence start at all: their ratio, summed
	// over the corpus, says whether a word is a name.
	capMid, mid int32
	bigram      bool   // two capitalised words in a row ("Tony Blair"): always a name
	surface     string // the term as first written in the document
}

// docTerms is what one document contributes: its terms and, for
// near-duplicate checks, the hash of every word in order.
type docTerms struct {
	terms map[uint64]*termStat
	words []uint64
}

// titleTF is what one occurrence in the title counts: a headline names
// its affair.
const titleTF = 2

// word is one word of a sentence as the scanner sees it.
type word struct {
	text string // as written, possessive 's removed
	key  uint64 // hash of the folded form (see foldHash)
	caps bool   // starts with an upper-case letter
	stop bool
	// number is a word without letters: it counts for near copies
	// ("won 3-1" is not "won 2-1") but is no term.
	number bool
}

// scanDoc reads a document's title and body into its terms.
func scanDoc(d *corpus.Document) docTerms {
	dt := docTerms{terms: make(map[uint64]*termStat, 256)}
	var ws []word
	ws = splitWords(d.Title, ws[:0])
	dt.addSentence(ws, true)
	for si := range d.Sections {
		for bi := range d.Sections[si].Blocks {
			for _, s := range d.Sections[si].Blocks[bi].Sentences {
				ws = splitWords(s.Text, ws[:0])
				dt.addSentence(ws, false)
			}
		}
	}
	return dt
}

// addSentence counts a sentence's words. In a title every word is
// treated as sentence-initial: headline capitals say nothing of names.
func (dt *docTerms) addSentence(ws []word, title bool) {
	tf := float32(1)
	if title {
		tf = titleTF
	}
	for i, w := range ws {
		if !title {
			dt.words = append(dt.words, w.key)
		}
		if w.stop || w.number {
			continue
		}
		mid := !title && i > 0
		st := dt.stat(w.key, w.text)
		st.tf += tf
		if mid {
			st.mid++
			if w.caps {
				st.capMid++
			}
		}
		if i > 0 && w.caps && ws[i-1].caps && !ws[i-1].stop && (mid || title) {
			key := ws[i-1].key*1099511628211 ^ w.key ^ 0x9e3779b97f4a7c15
			b := dt.stat(key, "")
			if b.surface == "" {
				b.surface = ws[i-1].text + " " + w.text
			}
			b.bigram = true
			b.tf += tf
		}
	}
}

func (dt *docTerms) stat(key uint64, surface string) *termStat {
	st := dt.terms[key]
	if st == nil {
		st = &termStat{surface: surface}
		dt.terms[key] = st
	}
	return st
}

// splitWords appends the words of s: runs of letters and digits, with
// inner hyphens and apostrophes ("Kilroy-Silk", "O'Neill"). A word with
// no letter is a number.
func splitWords(s string, out []word) []word {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		letters := false
		for i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				letters = letters || unicode.IsLetter(r)
				i += n
				continue
			}
			if (r == '-' || r == '\'' || r == '’') && i+n < len(s) {
				next, _ := utf8.DecodeRuneInString(s[i+n:])
				if isWordRune(next) {
					i += n
					continue
				}
			}
			break
		}
		if letters {
			out = append(out, makeWord(trimPossessive(s[start:i])))
		} else {
			out = append(out, word{text: s[start:i], key: foldHash(s[start:i]), number: true})
		}
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func trimPossessive(w string) string {
	for _, suf := range []string{"'s", "’s"} {
		if len(w) > len(suf) && w[len(w)-len(suf):] == suf {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func makeWord(text string) word {
	first, _ := utf8.DecodeRuneInString(text)
	w := word{text: text, caps: unicode.IsUpper(first)}
	w.key = foldHash(text)
	w.stop = stopKeys[w.key] || len(text) < 3 && !allCaps(text)
	return w
}

// foldHash hashes a word lower-cased, with a plural "s" dropped from
// longer words ("talks" meets "talk"). A word in capitals ("US", "BBC")
// is kept apart from the same letters in lower case ("us").
func foldHash(w string) uint64 {
	h := uint64(14695981039346656037)
	if allCaps(w) && len(w) > 1 {
		h ^= 0xA5
		h *= 1099511628211
	} else if n := len(w); n > 4 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i' {
		w = w[:n-1]
	}
	for _, r := range w {
		r = unicode.ToLower(r)
		if r == '’' {
			r = '\''
		}
		for r > 0 {
			h ^= uint64(r & 0xff)
			h *= 1099511628211
			r >>= 8
		}
	}
	return h
}

func allCaps(w string) bool {
	upper := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
}
