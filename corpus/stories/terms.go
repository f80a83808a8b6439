package stories

import (
	"unicode"
	"unicode/utf8"

	"parley/corpus"
)

// occ counts one term in one document.
type occ struct {
	key uint64
	tf  float32 // occurrences; a title occurrence counts titleTF
	// capMid counts occurrences capitalised away from a sentence start,
	// mid those away from a sentence start at all: their ratio, summed
	// over the corpus, says whether a word is a name.
	capMid, mid int32
	bigram      bool   // two capitalised words in a row ("Tony Blair"): always a name
	surface     string // the term as first written in the document
}

// scratch holds one document's terms while it is read; a worker reuses
// it from document to document, so reading allocates little.
type scratch struct {
	// slots is an open-addressed table of occs: 1 + the index in occs of
	// the term whose key hashes there, 0 when free. It is looked up for
	// every word read, and costs less than a map cleared per document.
	slots []int32
	occs  []occ
	// weighed and plain are vectorOf's buffers of a document's weighed
	// terms and plain words.
	weighed vector
	plain   plainWords
}

func newScratch() *scratch { return &scratch{slots: make([]int32, 1024)} }

// titleTF is what one occurrence in the title counts: a headline names
// its affair.
const titleTF = 2

// word is one word of a sentence as the scanner sees it.
type word struct {
	text string // as written, possessive 's removed
	// start and end are its byte offsets in the sentence; end is past
	// the possessive.
	start, end int
	key        uint64 // hash of the folded form (see foldHash)
	caps       bool   // starts with an upper-case letter
	stop       bool
	// number is a word without letters: it counts for near copies
	// ("won 3-1" is not "won 2-1") but is no term.
	number bool
}

// scan reads a document's title and body into the scratch's terms.
func (sc *scratch) scan(d *corpus.Document) {
	sc.clearSlots()
	sc.occs = sc.occs[:0]
	sc.addSentence(d.Title, true)
	for si := range d.Sections {
		for bi := range d.Sections[si].Blocks {
			for _, s := range d.Sections[si].Blocks[bi].Sentences {
				sc.addSentence(s.Text, false)
			}
		}
	}
}

// addSentence counts a sentence's words, reading one word at a time: a
// sentence may be a whole file with no full stop, and its words are
// never held all at once. In a title every word is treated as
// sentence-initial: headline capitals say nothing of names.
func (sc *scratch) addSentence(text string, title bool) {
	var prev word
	first := true
	for w, at := nextWord(text, 0); at >= 0; w, at = nextWord(text, at) {
		sc.addWord(text, w, prev, first, title)
		prev, first = w, false
	}
}

// addWord counts word w of text, prev the word before it (none when
// first), and the pair of names the two make.
func (sc *scratch) addWord(text string, w, prev word, first, title bool) {
	if w.stop || w.number {
		return
	}
	tf := float32(1)
	if title {
		tf = titleTF
	}
	mid := !title && !first
	o := sc.occ(w.key, w.text)
	o.tf += tf
	if mid {
		o.mid++
		if w.caps {
			o.capMid++
		}
	}
	if !first && w.caps && prev.caps && !prev.stop && (mid || title) {
		key := prev.key*1099511628211 ^ w.key ^ 0x9e3779b97f4a7c15
		b := sc.occ(key, "")
		if b.surface == "" {
			b.surface = pairText(text, prev, w)
		}
		b.bigram = true
		b.tf += tf
	}
}

// pairText is two words as written, one space between them: a slice of
// the sentence when that is how it reads, so that reading allocates
// nothing.
func pairText(text string, a, b word) string {
	if b.start == a.start+len(a.text)+1 && text[b.start-1] == ' ' {
		return text[a.start : b.start+len(b.text)]
	}
	return a.text + " " + b.text
}

func (sc *scratch) occ(key uint64, surface string) *occ {
	mask := uint64(len(sc.slots) - 1)
	i := (key ^ key>>29) & mask
	for sc.slots[i] != 0 {
		if o := &sc.occs[sc.slots[i]-1]; o.key == key {
			return o
		}
		i = (i + 1) & mask
	}
	sc.occs = append(sc.occs, occ{key: key, surface: surface})
	sc.slots[i] = int32(len(sc.occs))
	if 2*len(sc.occs) > len(sc.slots) {
		sc.growSlots()
	}
	return &sc.occs[len(sc.occs)-1]
}

// clearSlots frees the slots of the terms read, for the next document.
func (sc *scratch) clearSlots() {
	if 16*len(sc.occs) > len(sc.slots) {
		clear(sc.slots)
		return
	}
	mask := uint64(len(sc.slots) - 1)
	for _, o := range sc.occs {
		i := (o.key ^ o.key>>29) & mask
		for sc.slots[i] != 0 {
			sc.slots[i] = 0
			i = (i + 1) & mask
		}
	}
}

// growSlots doubles the table, keeping it at most half full.
func (sc *scratch) growSlots() {
	sc.slots = make([]int32, 2*len(sc.slots))
	mask := uint64(len(sc.slots) - 1)
	for n, o := range sc.occs {
		i := (o.key ^ o.key>>29) & mask
		for sc.slots[i] != 0 {
			i = (i + 1) & mask
		}
		sc.slots[i] = int32(n + 1)
	}
}

// splitWords appends the words of s (see nextWord).
func splitWords(s string, out []word) []word {
	for w, at := nextWord(s, 0); at >= 0; w, at = nextWord(s, at) {
		out = append(out, w)
	}
	return out
}

// nextWord finds the first word of s at or after byte i, and returns it
// and the offset past it, or -1 when there is none. A word is a run of
// letters and digits, with inner hyphens and apostrophes ("Kilroy-Silk",
// "O'Neill"); one with no letter is a number.
func nextWord(s string, i int) (word, int) {
	for i < len(s) {
		r, n := decode(s, i)
		if isWordRune(r) {
			break
		}
		i += n
	}
	if i >= len(s) {
		return word{}, -1
	}
	start := i
	letters := false
	for i < len(s) {
		r, n := decode(s, i)
		if isWordRune(r) {
			letters = letters || r > '9' && (r < utf8.RuneSelf || unicode.IsLetter(r))
			i += n
			continue
		}
		if (r == '-' || r == '\'' || r == '’') && i+n < len(s) {
			next, _ := decode(s, i+n)
			if isWordRune(next) {
				i += n
				continue
			}
		}
		break
	}
	if !letters {
		return word{text: s[start:i], key: foldHash(s[start:i]), number: true, start: start, end: i}, i
	}
	w := makeWord(trimPossessive(s[start:i]))
	w.start, w.end = start, i
	return w, i
}

// decode is utf8.DecodeRuneInString(s[i:]) with a fast path for ASCII,
// most of the text.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func trimPossessive(w string) string {
	for _, suf := range []string{"'s", "’s"} {
		if len(w) > len(suf) && w[len(w)-len(suf):] == suf {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func makeWord(text string) word {
	w := word{text: text}
	if c := text[0]; c < utf8.RuneSelf {
		w.caps = 'A' <= c && c <= 'Z'
	} else {
		first, _ := utf8.DecodeRuneInString(text)
		w.caps = unicode.IsUpper(first)
	}
	w.key = foldHash(text)
	w.stop = isStop(w.key) || len(text) < 3 && !allCaps(text)
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
		switch {
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r == '’':
			r = '\''
		case r >= utf8.RuneSelf:
			r = unicode.ToLower(r)
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
	for i := 0; i < len(w); i++ { // ASCII, most words, without decoding
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return allCapsRunes(w)
		case 'a' <= c && c <= 'z':
			return false
		case 'A' <= c && c <= 'Z':
			upper = true
		}
	}
	return upper
}

func allCapsRunes(w string) bool {
	upper := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
}
