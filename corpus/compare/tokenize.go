package compare

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// token is one word of a sentence as the index sees it.
type token struct {
	Surface    string // as written (for shared-term display)
	Lower      string // lower-cased, possessive stripped
	Start, End int    // byte offsets in the text
	Number     bool   // digits (1,000 / 2.5 / 1979)
	Upper      bool   // written in capitals ("US", "U.S.")
	Cap        bool   // first letter upper case
	HyphenNext bool   // joined to the next token by a plain hyphen
}

// rawTokens splits text into words and numbers. Abbreviations written
// with dots ("U.S.", "U.K.") become one token without dots, so "U.S." and
// "US" meet; possessives ("Iran's", "Pakistan’s") are stripped, since the
// owner is what matters for matching.
func rawTokens(text string) []token { return rawTokensInto(nil, text) }

func rawTokensInto(out []token, text string) []token {
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		if n := dottedAbbrev(text[i:]); n > 0 {
			surface := text[i : i+n]
			out = append(out, token{Surface: surface, Lower: strings.ToLower(strings.ReplaceAll(surface, ".", "")), Start: i, End: i + n, Upper: true, Cap: true})
			i += n
			out = markHyphen(out, text, i)
			continue
		}
		number := unicode.IsDigit(r)
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += size
				continue
			}
			// 1,000 and 2.5 stay one number; "don't" and "Iran’s" one word.
			if i+size < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+size:])
				if number && (r == ',' || r == '.') && unicode.IsDigit(next) {
					i += size
					continue
				}
				if !number && (r == '\'' || r == '’') && unicode.IsLetter(next) {
					i += size
					continue
				}
			}
			break
		}
		surface := text[start:i]
		lower := strings.ToLower(surface)
		for _, suf := range []string{"'s", "’s", "'", "’"} {
			if strings.HasSuffix(lower, suf) && len(lower) > len(suf) {
				lower = lower[:len(lower)-len(suf)]
				break
			}
		}
		first, _ := utf8.DecodeRuneInString(surface)
		t := token{Surface: surface, Lower: lower, Start: start, End: i, Number: number, Cap: unicode.IsUpper(first)}
		if number {
			t.Lower = strings.ReplaceAll(lower, ",", "")
		}
		t.Upper = len(surface) > 1 && !number && !hasLower(surface)
		out = append(out, t)
		out = markHyphen(out, text, i)
	}
	return out
}

// markHyphen records that the last token is joined to the next by a plain
// hyphen ("back-channel"), so the compound can also be indexed whole.
func markHyphen(out []token, text string, i int) []token {
	if i+1 < len(text) && text[i] == '-' {
		r, _ := utf8.DecodeRuneInString(text[i+1:])
		if unicode.IsLetter(r) {
			out[len(out)-1].HyphenNext = true
		}
	}
	return out
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // ASCII without the unicode tables
		return '0' <= r && r <= '9' || 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// dottedAbbrev returns the length of a dotted capital abbreviation at the
// start of s ("U.S.", "U.N."), or 0.
func dottedAbbrev(s string) int {
	n := 0
	for n+1 < len(s) && s[n] >= 'A' && s[n] <= 'Z' && s[n+1] == '.' {
		n += 2
	}
	if n >= 4 {
		return n
	}
	return 0
}

// extraStop are words the stemmer's stop list lacks but that carry no
// topic in news prose: reporting verbs and vague quantifiers.
var extraStop = map[string]bool{
	"said": true, "says": true, "say": true, "also": true, "would": true, "could": true,
	"one": true, "many": true, "much": true, "may": true, "might": true, "must": true,
	"however": true, "even": true, "including": true, "according": true, "like": true,
	"well": true, "still": true, "yet": true, "per": true, "mr": true, "ms": true,
	"via": true, "upon": true, "within": true, "without": true, "among": true,
}

// discourseStop are connectives, enumerators, reporting verbs and
// intensifiers: frequent in analysis prose, never the point of a
// sentence. In a small corpus each is rare enough to get a high IDF, so
// two sentences sharing "moreover" or "particularly" would look alike.
var discourseStop = map[string]bool{
	"particular": true, "particularly": true, "especially": true, "moreover": true, "furthermore": true,
	"notably": true, "additionally": true, "addition": true, "therefore": true, "thus": true, "hence": true,
	"indeed": true, "instead": true, "rather": true, "often": true, "second": true, "third": true,
	"fourth": true, "fifth": true, "firstly": true, "secondly": true, "thirdly": true, "finally": true,
	"explained": true, "explains": true, "described": true, "describes": true, "noted": true, "notes": true,
	"added": true, "adds": true, "stressed": true, "emphasized": true, "emphasised": true, "highlighted": true,
	"highlights": true, "believe": true, "believes": true, "significant": true, "significantly": true,
	"important": true, "importantly": true, "various": true, "several": true, "certain": true,
	"actually": true, "really": true, "simply": true, "clearly": true, "increasingly": true,
	"although": true, "though": true, "whether": true, "whose": true, "towards": true, "toward": true,
	// Light verbs: their object carries the meaning.
	"become": true, "became": true, "becomes": true, "becoming": true, "remain": true, "remains": true,
	"remained": true, "make": true, "makes": true, "made": true, "making": true, "take": true,
	"takes": true, "took": true, "taken": true, "give": true, "gives": true, "gave": true, "given": true,
	"keep": true, "keeps": true, "kept": true, "get": true, "gets": true, "got": true, "come": true,
	"comes": true, "came": true, "go": true, "goes": true, "went": true, "gone": true, "seen": true,
}

func isStop(lower string) bool {
	return english.IsStopWord(lower) || extraStop[lower] || discourseStop[lower]
}

// boundPrefix are prefixes written with a hyphen ("de-escalation",
// "co-operation", "re-established"): alone they would make every
// de-something meet every other.
var boundPrefix = map[string]bool{
	"de": true, "re": true, "co": true, "non": true, "anti": true, "pre": true, "post": true,
	"un": true, "ex": true, "semi": true, "mid": true, "sub": true, "inter": true, "multi": true,
}

// stemCache memoises the stemmer: a corpus has far fewer distinct words
// than words, and stemming is the costliest step of indexing. A map
// under a lock rather than a sync.Map: each word is stored once (up to
// stemCacheMax words) and read mostly by one analyzer, and the
// sync.Map's nodes and boxed strings took 2.8 MB of the heap for the
// 30,000 words of a 16 MiB sentence. Its keys are copies, as a word is often a slice of
// a document's text, which the cache would otherwise keep for good.
var stemCache = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

func stem(word string) string {
	stemCache.RLock()
	s, ok := stemCache.m[word]
	stemCache.RUnlock()
	if ok {
		return s
	}
	s = english.Stem(word, true)
	stemCache.Lock()
	if len(stemCache.m) >= stemCacheMax {
		stemCache.m = make(map[string]string)
	}
	stemCache.m[strings.Clone(word)] = s
	stemCache.Unlock()
	return s
}

// stemCacheMax bounds the stem cache: past it, the next word starts a
// new one. Each analyzer remembers its words' stems itself, so the
// cache serves only analyzers started anew (a story's index, a query,
// claim discovery's, see discoverWords), which meet the common words
// first. Unbounded, the 30,000 words of two 8 MiB sentences held 2.5 MB
// from their indexing to the end, at the moment the index is largest:
// claims on them peaked at 63.4-66.2 MiB, bounded at 60.9-64.6 (two
// alternating runs of each mode), for the same CPU time there and in
// claims and compare --all on the BBC folder.
const stemCacheMax = 8192

// term is an index feature of a sentence with where it was found.
type term struct {
	Key        string // "usa", "border", "#909", "b:kilomet border"
	Start, End int    // byte range of the words that produced it
	Surface    string
}

// tuning holds the engine's calibrated thresholds. The engine uses the
// shipped values (shippedTuning); the quality tests sweep them.
type tuning struct {
	threshold      float64 // silenceThreshold
	minShared      int     // minShared
	confident      float64 // confidentThreshold
	claimThreshold float64 // claimThreshold
	claimShared    int     // claimShared
	discover       int     // maxDiscover
}

func shippedTuning() tuning {
	return tuning{threshold: silenceThreshold, minShared: minShared, confident: confidentThreshold,
		claimThreshold: claimThreshold, claimShared: claimShared, discover: maxDiscover}
}

// analyzer turns text into index terms. It gives every distinct key a
// small id and memoises the per-word pipeline (alias, unit, stop word,
// stem) by the lower-cased word, which is what makes indexing a large
// folder fast. An analyzer is not safe for concurrent use: each indexing
// worker and each query has its own.
type analyzer struct {
	words map[string]wordInfo // lower-cased token -> what it becomes
	ids   map[string]int32    // key -> id
	keys  []string            // id -> key
	toks  []token
	// numeric is set by scan when the text has a number (digits, a
	// number word or "hundreds"...): only such a sentence can state a
	// measured fact, so the others never need fact extraction to be
	// compared on numbers.
	numeric bool
}

// wordInfo is the memoised analysis of one lower-cased token.
type wordInfo struct {
	id int32 // key id, -1 for a stop word
	// phrase is set for words that may start a multi-word alias
	// ("united", "saudi") or whose reading depends on capitals ("us").
	phrase bool
	// numeric is set for numbers, number words and vague counts.
	numeric bool
}

func newAnalyzer() *analyzer {
	return &analyzer{words: map[string]wordInfo{}, ids: map[string]int32{}}
}

func (a *analyzer) keyID(key string) int32 {
	if id, ok := a.ids[key]; ok {
		return id
	}
	id := int32(len(a.keys))
	a.ids[key] = id
	a.keys = append(a.keys, key)
	return id
}

// word analyses a lower-cased token that is not part of a phrase alias.
func (a *analyzer) word(t token) wordInfo {
	if w, ok := a.words[t.Lower]; ok {
		return w
	}
	w := wordInfo{id: -1}
	lower := t.Lower
	_, numWord := numberWords[lower]
	w.numeric = t.Number || numWord || vagueWords[lower]
	switch {
	case t.Number:
		w.id = a.keyID("#" + lower)
	case (aliasPhrases[lower] != nil || lower == "us" || lower == "un" || lower == "uk"):
		w.phrase = true
	case aliasWords[lower] != "":
		w.id = a.keyID(aliasWords[lower])
	case !isStop(lower) && len(lower) >= 2:
		w.id = a.keyID(stem(unitAlias(lower)))
	}
	a.words[lower] = w
	return w
}

// plainWord is the key id of a token read as an ordinary word (used when
// a phrase head turns out not to start a phrase), or -1.
func (a *analyzer) plainWord(lower string) int32 {
	if isStop(lower) || len(lower) < 2 {
		return -1
	}
	return a.keyID(stem(lower))
}

// scan calls emit for each content word of text in order (alias-
// normalised names, number tokens, stemmed words), then for each hyphen
// compound ("back-channel" is also indexed as one word, so it meets the
// closed spelling "backchannel"), with compound set.
func (a *analyzer) scan(text string, emit func(id int32, start, end int, compound bool)) {
	a.toks = rawTokensInto(a.toks[:0], text)
	toks := a.toks
	a.numeric = false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.HyphenNext && boundPrefix[t.Lower] {
			// "de-" of "de-escalation" is no word of its own; the
			// compound, emitted below, carries it.
			continue
		}
		w := a.word(t)
		a.numeric = a.numeric || w.numeric
		if w.phrase {
			if key, n := matchAlias(toks, i); n > 0 {
				emit(a.keyID(key), t.Start, toks[i+n-1].End, false)
				i += n - 1
			} else if id := a.plainWord(t.Lower); id >= 0 {
				emit(id, t.Start, t.End, false)
			}
			continue
		}
		if w.id >= 0 {
			emit(w.id, t.Start, t.End, false)
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].HyphenNext && !toks[i].Number && !toks[i+1].Number {
			if w := a.word(token{Lower: toks[i].Lower + toks[i+1].Lower}); w.id >= 0 && !w.phrase {
				emit(w.id, toks[i].Start, toks[i+1].End, true)
			}
		}
	}
}

// split returns the content words of text in order and its hyphen
// compounds, as terms. Bigrams are adjacent pairs of words.
func (a *analyzer) split(text string, words, compounds []term) ([]term, []term) {
	a.scan(text, func(id int32, start, end int, compound bool) {
		t := term{Key: a.keys[id], Start: start, End: end, Surface: text[start:end]}
		if compound {
			compounds = append(compounds, t)
		} else {
			words = append(words, t)
		}
	})
	return words, compounds
}

// bigramKey names the phrase feature of two adjacent words.
func bigramKey(a, b string) string { return "b:" + a + " " + b }

// analyze returns every term of text: words, compounds and bigrams (for
// label and highlight code that wants them all as strings).
func analyze(text string) []term {
	a := newAnalyzer()
	words, compounds := a.split(text, nil, nil)
	out := append(words, compounds...)
	for i := 0; i+1 < len(words); i++ {
		x, y := words[i], words[i+1]
		out = append(out, term{Key: bigramKey(x.Key, y.Key), Start: x.Start, End: y.End, Surface: text[x.Start:y.End]})
	}
	return out
}
