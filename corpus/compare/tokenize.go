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
func rawTokens(text string) []token {
	var out []token
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
		t.Upper = len(surface) > 1 && strings.ToUpper(surface) == surface && !number
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

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

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

func isStop(lower string) bool {
	return english.IsStopWord(lower) || extraStop[lower]
}

// stemCache memoises the stemmer: a corpus has far fewer distinct words
// than words, and stemming is the costliest step of indexing.
var stemCache sync.Map

func stem(word string) string {
	if s, ok := stemCache.Load(word); ok {
		return s.(string)
	}
	s := english.Stem(word, true)
	stemCache.Store(word, s)
	return s
}

// term is an index feature of a sentence with where it was found.
type term struct {
	Key        string // "usa", "border", "#909", "b:kilomet border"
	Start, End int    // byte range of the words that produced it
	Surface    string
}

// features tunes which features terms produces (all on in the engine;
// the quality test turns them off one at a time to measure each).
type features struct {
	NoStem, NoAlias, NoBigram, NoNumber, NoFacts bool
	// Threshold overrides silenceThreshold when > 0 (for the sweep).
	Threshold float64
	// MinShared overrides minShared when > 0.
	MinShared int
}

// analyze turns text into index terms: alias-normalised names, stemmed
// content words, number tokens, hyphen compounds and bigrams of adjacent
// content words (which carry phrases like "long border", "21 hours").
func analyze(text string, f features) []term {
	toks := rawTokens(text)
	var words []term // content words, in order
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !f.NoAlias {
			if key, n := matchAlias(toks, i); n > 0 {
				last := toks[i+n-1]
				words = append(words, term{Key: key, Start: t.Start, End: last.End, Surface: text[t.Start:last.End]})
				i += n - 1
				continue
			}
		}
		if t.Number {
			if !f.NoNumber {
				words = append(words, term{Key: "#" + t.Lower, Start: t.Start, End: t.End, Surface: t.Surface})
			}
			continue
		}
		if isStop(t.Lower) || len(t.Lower) < 2 {
			continue
		}
		key := t.Lower
		if !f.NoAlias {
			key = unitAlias(key)
		}
		if !f.NoStem {
			key = stem(key)
		}
		words = append(words, term{Key: key, Start: t.Start, End: t.End, Surface: t.Surface})
	}
	out := words
	if !f.NoAlias {
		// A hyphen compound ("back-channel") is also indexed as one word,
		// so it meets the closed spelling ("backchannel").
		for i := 0; i+1 < len(toks); i++ {
			if toks[i].HyphenNext && !toks[i].Number && !toks[i+1].Number {
				joined := toks[i].Lower + toks[i+1].Lower
				if !f.NoStem {
					joined = stem(joined)
				}
				out = append(out, term{Key: joined, Start: toks[i].Start, End: toks[i+1].End, Surface: text[toks[i].Start:toks[i+1].End]})
			}
		}
	}
	if !f.NoBigram {
		for i := 0; i+1 < len(words); i++ {
			a, b := words[i], words[i+1]
			out = append(out, term{Key: "b:" + a.Key + " " + b.Key, Start: a.Start, End: b.End, Surface: text[a.Start:b.End]})
		}
	}
	return out
}
