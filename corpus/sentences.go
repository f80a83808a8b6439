package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence segmentation: a rule-based splitter tuned for news prose.
// A sentence ends at ".", "!", "?" or "…" (plus any closing quotes or
// brackets) followed by a space and a word that can start a sentence
// (a capital, a digit or an opening quote). A period does not end a
// sentence after:
//   - a title ("Mr.", "Gen.", "Dr."), or "No." before a number;
//   - an initialism or initial ("U.S.", "J.D.", "i.e.", "M.") or a
//     company or date abbreviation ("Inc.", "Jan."), unless the next word
//     is one that usually starts a sentence ("The", "He", ...);
//   - a list number at the start of the text ("1. Historical ...").
// Decimals ("2.5") never split since no space follows the period.
// Chinese and Japanese text has no spaces between sentences: a full-width
// "。", "！" or "？" (plus closing brackets or quotes) always ends one.

// Abbreviation classes, looked up in one table (see abbrevs).
const (
	abTitle = 1 + iota // followed by a name, never the end of a sentence
	abWeak             // can also end one ("... said Apple Inc. The firm")
	abNo               // "No." before a number
)

var abbrevs = map[string]uint8{}

func init() {
	for _, w := range strings.Fields("mr mrs ms dr prof gen col lt sgt capt maj gov sen rep rev hon pres amb adm cmdr " +
		"brig supt insp det gens messrs fig vol vols pp approx vs v cf viz") {
		abbrevs[w] = abTitle
	}
	for _, w := range strings.Fields("jr sr st mt ft inc ltd co corp bros etc al dept univ " +
		"jan feb mar apr jun jul aug sep sept oct nov dec") {
		abbrevs[w] = abWeak
	}
	abbrevs["no"], abbrevs["nos"] = abNo, abNo
}

// sentenceStarters are words that, after an initialism such as "U.S.",
// tell that a new sentence has begun.
var sentenceStarters = setOf("the a an this that these those it its he she they we i you his her their our there " +
	"but and however in on at for as if when while after before since although though yet so then thus also " +
	"meanwhile moreover still both some many most all one no not what who why how where besides much despite " +
	"according instead now later earlier today yesterday last next other such another every each my mr mrs ms dr")

// isAbbrev reports whether word (without its final period) is an
// abbreviation that keeps the sentence going, given the next word.
func isAbbrev(word, next string) bool {
	w := trimOpeners(word)
	if w == "" || len(w) > 7 && strings.IndexByte(w, '.') < 0 {
		return false // long words are not abbreviations
	}
	kind := abbrevs[w]
	if kind == 0 && w[0] >= 'A' && w[0] <= 'Z' {
		var buf [8]byte
		if len(w) <= len(buf) {
			for i := 0; i < len(w); i++ {
				c := w[i]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[i] = c
			}
			kind = abbrevs[string(buf[:len(w)])]
		}
	}
	switch {
	case kind == abNo:
		// "No. 10" and "No.398"; "said no." ends a sentence.
		r, _ := utf8.DecodeRuneInString(next)
		return next != "" && unicode.IsDigit(r) || next == ""
	case kind == abTitle:
		return true
	case kind == abWeak || isInitialism(w):
		return next == "" || !inSet(sentenceStarters, strings.Trim(next, "\"'“‘(,"))
	}
	return false
}

// trimOpeners drops opening quotes and brackets from the front of a word.
func trimOpeners(w string) string {
	for len(w) > 0 {
		switch {
		case w[0] == '"' || w[0] == '\'' || w[0] == '(' || w[0] == '[':
			w = w[1:]
		case strings.HasPrefix(w, "“") || strings.HasPrefix(w, "‘"):
			w = w[3:]
		default:
			return w
		}
	}
	return w
}

// isInitialism: "U.S", "J.D", "i.e", "e.g", "a.m" or a single letter
// (the final period already removed).
func isInitialism(w string) bool {
	n := 0
	for i, r := range w {
		if i%2 == 1 {
			if r != '.' {
				return false
			}
			continue
		}
		if !unicode.IsLetter(r) || r >= utf8.RuneSelf {
			return false
		}
		n++
	}
	return n > 0 && len(w)%2 == 1
}

// splitSentences segments one block of text. Offsets are byte offsets
// into text; leading and trailing spaces are left out of each sentence.
func splitSentences(text string) []Sentence {
	var out []Sentence
	start := 0
	ends := newEnders(text)
	for i := 0; i < len(text); i++ {
		if i = ends.from(i); i == len(text) {
			break
		}
		end, isEnd := sentenceEndAt(text, i)
		if isEnd {
			out = appendSentence(out, text, start, end)
			start = end
		}
		i = end - 1
	}
	return appendSentence(out, text, start, len(text))
}

// appendSentence appends text[start:end], less its leading and trailing
// spaces, when anything is left.
func appendSentence(out []Sentence, text string, start, end int) []Sentence {
	for start < end && text[start] == ' ' {
		start++
	}
	for end > start && text[end-1] == ' ' {
		end--
	}
	if end > start {
		out = append(out, Sentence{Text: text[start:end], Start: start, End: end})
	}
	return out
}

// sentenceEndAt reads the punctuation at text[i]: it returns where the
// scan goes on (just past the punctuation and any closing quotes or
// brackets; i+1 for a byte that ends nothing), and whether a sentence
// ends there. A stop inside a number or a name ("2.5", "rcas.top"),
// before a word that cannot start a sentence, after an abbreviation or
// a list number, ends none.
func sentenceEndAt(text string, i int) (int, bool) {
	c := text[i]
	var end int // just past the terminal punctuation
	single := false
	switch {
	case c == '.' || c == '!' || c == '?':
		end = i + 1
		for end < len(text) && (text[end] == '.' || text[end] == '!' || text[end] == '?') {
			end++
		}
		single = c == '.' && end == i+1
	case c == 0xe2 && strings.HasPrefix(text[i:], "…"):
		end = i + len("…")
	case isCJKStop(text[i:]):
		return cjkEndAt(text, i)
	default:
		return i + 1, false
	}
	end = pastClosers(text, end)
	if end < len(text) && text[end] != ' ' {
		return end, false // "2.5", "U.S.-led", "rcas.top"
	}
	next := nextWord(text, end)
	if end < len(text) && (!canStartSentence(next) || creditLine(text[end:])) {
		return end, false
	}
	if single {
		if word := wordBefore(text, i); isAbbrev(word, next) || isListNumber(text, word, i) {
			return end, false
		}
	}
	return end, true
}

// cjkEndAt is sentenceEndAt for a full-width stop, which needs no space
// after it.
func cjkEndAt(text string, i int) (int, bool) {
	end := i + 3 // each is three bytes in UTF-8
	quoted := false
	for end < len(text) && hasCJKCloser(text[end:]) {
		end, quoted = end+3, true
	}
	if quoted && end < len(text) && text[end] != ' ' {
		// 「はい。」と言った: the stop closed a quotation inside
		// a sentence that goes on.
		return end, false
	}
	return end, true
}

// pastClosers moves end past closing quotes and brackets, which go with
// the sentence they close.
func pastClosers(text string, end int) int {
	for end < len(text) {
		if strings.ContainsRune("\"')]", rune(text[end])) {
			end++
			continue
		}
		if strings.HasPrefix(text[end:], "”") || strings.HasPrefix(text[end:], "’") {
			end += 3
			continue
		}
		break
	}
	return end
}

// enderBytes are the bytes that can end a sentence: '.', '!', '?' and the
// first bytes of '…' and of the full-width stops.
const enderBytes = ".!?\xe2\xe3\xef"

// isCJKStop reports whether s starts with a full-width sentence stop.
func isCJKStop(s string) bool {
	return strings.HasPrefix(s, "。") || strings.HasPrefix(s, "！") || strings.HasPrefix(s, "？")
}

// hasCJKCloser reports whether s starts with a full-width closing quote or
// bracket, which stays with the sentence it closes.
func hasCJKCloser(s string) bool {
	for _, c := range []string{"」", "』", "）", "】", "》", "”"} {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
}

// enders finds the next byte of enderBytes in text. It remembers where
// each one occurs next, so every byte is searched for with IndexByte
// (vectorised) and each part of the text is scanned once per byte: a
// plain loop over every byte was a good share of loading a corpus.
type enders struct {
	text string
	next [len(enderBytes)]int // the next occurrence of each, or len(text); -1: not searched yet
}

func newEnders(text string) enders {
	e := enders{text: text}
	for k := range e.next {
		e.next[k] = -1
	}
	return e
}

// from returns the position of the first byte of enderBytes at or after
// i, or len(text).
func (e *enders) from(i int) int {
	first := len(e.text)
	for k := range e.next {
		if e.next[k] < i {
			e.next[k] = len(e.text)
			if j := strings.IndexByte(e.text[i:], enderBytes[k]); j >= 0 {
				e.next[k] = i + j
			}
		}
		first = min(first, e.next[k])
	}
	return first
}

// nextWord returns the word after position i (skipping spaces).
func nextWord(text string, i int) string {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	j := strings.IndexByte(text[i:], ' ')
	if j < 0 {
		return text[i:]
	}
	return text[i : i+j]
}

// wordBefore returns the word that ends just before position i.
func wordBefore(text string, i int) string {
	j := strings.LastIndexByte(text[:i], ' ')
	return text[j+1 : i]
}

// canStartSentence: a capital letter, a digit, or an opening quote or
// bracket; not a lower-case word or a continuing punctuation mark.
func canStartSentence(w string) bool {
	r := firstLetter(w)
	if r == 0 {
		return false
	}
	return !unicode.IsLower(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isListNumber reports "1." (or "12.") at the very start of the text.
func isListNumber(text, word string, i int) bool {
	if word == "" || i-len(word) != 0 || len(word) > 3 {
		return false
	}
	for _, r := range word {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// creditLine reports a short parenthetical that closes the text, such as
// a photo credit "(Pakistan Prime Minister Office)": it belongs to the
// sentence before it.
func creditLine(rest string) bool {
	rest = strings.TrimSpace(rest)
	return len(rest) < 80 && strings.HasPrefix(rest, "(") && strings.HasSuffix(strings.TrimRight(rest, "."), ")") &&
		strings.Count(rest, "(") == 1
}
