package compare

import (
	_ "embed"
	"strings"
)

//go:embed gazetteer.txt
var gazetteerText string

type place struct {
	name   string // canonical
	kind   string // country, capital, city, region, water
	within string // canonical containing place, or ""
}

// gazetteer maps a lower-cased name (one to three words) to its place.
var gazetteer = loadGazetteer(gazetteerText)

func loadGazetteer(text string) map[string]place {
	g := map[string]place{}
	for _, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			continue
		}
		p := place{name: f[0], kind: f[1]}
		if f[2] != "-" {
			p.within = f[2]
		}
		if len(f) > 3 {
			p.name = f[3]
		}
		g[f[0]] = p
	}
	return g
}

// containsFact says whether place fact outer contains place fact inner:
// through the containing place read beside an unlisted name ("Tver,
// Russia"), then the gazetteer's "within" links.
func containsFact(outer, inner Fact) bool {
	if inner.within != "" {
		return inner.within == outer.Name || contains(outer.Name, inner.within)
	}
	return contains(outer.Name, inner.Name)
}

// contains says whether place outer contains place inner, following the
// gazetteer's "within" links.
func contains(outer, inner string) bool {
	for seen := 0; inner != "" && seen < 5; seen++ {
		p, ok := gazetteer[inner]
		if !ok {
			return false
		}
		if p.within == outer {
			return true
		}
		inner = p.within
	}
	return false
}

// locative words make the capitalised name after them a place: the
// general rule that finds places no gazetteer lists ("talks in Muscat").
var locative = map[string]bool{"in": true, "at": true, "to": true, "from": true, "near": true, "inside": true, "across": true, "visited": true, "visit": true, "reached": true, "hosted": true}

// notPlace are capitalised words that follow "in"/"at" without being
// places.
var notPlace = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "his": true, "her": true,
	"their": true, "its": true, "our": true, "my": true, "it": true, "he": true, "she": true, "they": true,
	"we": true, "i": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "order": true, "addition": true, "contrast": true,
	"fact": true, "particular": true, "short": true, "general": true, "conclusion": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
}

// titles precede a person's name, which is then an actor.
var titles = map[string]bool{
	"president": true, "minister": true, "ambassador": true, "gen": true, "general": true,
	"marshal": true, "secretary": true, "prince": true, "emir": true, "king": true, "mr": true,
	"mrs": true, "ms": true, "dr": true, "senator": true, "envoy": true, "chancellor": true,
}

// organisations named as actors.
var organisations = map[string]string{"un": "un", "nato": "nato", "eu": "eu", "gcc": "gcc", "iaea": "iaea", "opec": "opec"}

// namedFacts finds places and actors among the tokens of s. A place
// comes from the gazetteer, read in context: a country or a capital is a
// place after a locative word and an actor otherwise; a gazetteer name
// inside a longer name ("Baikal Finance Group", "Washington Post", "Real
// Madrid", "Jack London") is no place at all. A name the gazetteer lacks
// is a place only when a gazetteer place follows it ("in Tver, Russia");
// after "in" or "to" alone it may be a person, a firm or a work ("a
// tribute to Jimi Hendrix", "opposition to the Prevention of Terrorism
// Bill"), and a fact the engine is unsure of is not compared. Demonyms
// and organisations are actors, and so is a capitalised name after a
// title.
func namedFacts(s string, toks []token) []Fact {
	var out []Fact
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.Cap || t.Number {
			continue
		}
		prev := prevWord(toks, i)
		if p, n, ok := lookupPlace(toks, i); ok {
			if f, ok := gazetteerFact(s, toks, i, n, p, prev); ok {
				out = append(out, f)
			}
			i = nameEnd(s, toks, i+n) - 1
			continue
		}
		if key, ok := organisations[t.Lower]; ok && t.Upper {
			out = append(out, Fact{Kind: KindActor, Text: t.Surface, Name: key, Start: t.Start, End: t.End})
			continue
		}
		if key, n := matchAlias(toks, i); n > 0 && key != "backchannel" {
			end := toks[i+n-1].End
			out = append(out, Fact{Kind: KindActor, Text: s[t.Start:end], Name: key, Start: t.Start, End: end})
			i += n - 1
			continue
		}
		if titles[prev] || (locative[prev] && !notPlace[t.Lower] && !t.HyphenNext) {
			n := min(nameEnd(s, toks, i+1)-i, 4)
			end := toks[i+n-1].End
			name := strings.ToLower(s[t.Start:end])
			if titles[prev] {
				out = append(out, Fact{Kind: KindActor, Text: s[t.Start:end], Name: name, Start: t.Start, End: end})
			} else if within, ok := placeAfterComma(s, toks, i+n); ok && !orgName(toks, i, i+n) {
				out = append(out, Fact{Kind: KindPlace, Text: s[t.Start:end], Name: name, Start: t.Start, End: end, within: within})
			}
			i += n - 1
		}
	}
	return out
}

// prevWord is the lower-cased word before toks[i], looking past "the".
func prevWord(toks []token, i int) string {
	if i == 0 {
		return ""
	}
	prev := toks[i-1].Lower
	if prev == "the" && i > 1 {
		prev = toks[i-2].Lower
	}
	return prev
}

// gazetteerFact reads the gazetteer name toks[i:i+n] in its context.
func gazetteerFact(s string, toks []token, i, n int, p place, prev string) (Fact, bool) {
	end := toks[i+n-1].End
	f := Fact{Text: s[toks[i].Start:end], Name: p.name, Start: toks[i].Start, End: end}
	actor := p.kind == "country" || p.kind == "capital"
	longer := nameEnd(s, toks, i+n) > i+n
	switch {
	case partOfName(s, toks, i) || orgName(toks, i, nameEnd(s, toks, i+n)):
		// "Jack London", "Baikal Finance Group", "Bank of England".
		return Fact{}, false
	case toks[i+n-1].HyphenNext || longer:
		// The first part of a hyphen compound ("US-Iran talks", "a
		// Tehran-based analyst") or of a longer name ("Pakistan Prime
		// Minister", "the Islamabad Process") qualifies what follows: it
		// names a party, never where something happens.
		if !actor {
			return Fact{}, false
		}
		f.Kind = KindActor
	case possessive(f.Text):
		// "Pakistan's military leadership" names an owner, not where
		// something happens.
		if !actor {
			return Fact{}, false
		}
		f.Kind = KindActor
	case p.kind == "city" || p.kind == "water" || p.kind == "region" || locative[prev]:
		f.Kind = KindPlace
	case actor:
		f.Kind = KindActor
	default:
		return Fact{}, false
	}
	if f.Kind == KindActor {
		if key, ok := aliasWords[p.name]; ok {
			f.Name = key
		}
	}
	return f, true
}

func possessive(s string) bool {
	return strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s") || strings.HasSuffix(s, "s'") || strings.HasSuffix(s, "s’")
}

// nameEnd is the index after the run of capitalised words that starts
// at toks[from], joined by single spaces ("Baikal Finance Group"); "of"
// inside the run is taken when a capitalised word follows it ("Bank of
// England").
func nameEnd(s string, toks []token, from int) int {
	k := from
	for k < len(toks) && k > 0 && k < from+maxNameWords && s[toks[k-1].End:toks[k].Start] == " " {
		switch {
		case toks[k].Cap && !toks[k].Number:
			k++
			continue
		case toks[k].Lower == "of" && k+1 < len(toks) && toks[k+1].Cap && s[toks[k].End:toks[k+1].Start] == " " && toks[k-1].Cap && orgWords[toks[k-1].Lower]:
			k += 2
			continue
		}
		break
	}
	return k
}

// maxNameWords bounds how far a name is read past its start, so a run
// of capitalised words (a heading, a list of names) costs linear time.
const maxNameWords = 8

// partOfName says whether the capitalised word before toks[i] belongs to
// the same name ("Jack London", "Real Madrid", "Michael Jordan"), as
// opposed to a sentence's first word or a preposition ("In London").
func partOfName(s string, toks []token, i int) bool {
	if i == 0 || s[toks[i-1].End:toks[i].Start] != " " {
		return false
	}
	p := toks[i-1]
	if !p.Cap || p.Number || p.Upper && len(p.Lower) <= 3 {
		return false
	}
	return !notPlace[p.Lower] && !locative[p.Lower] && !titles[p.Lower] && !directions[p.Lower] && !isStop(p.Lower)
}

// orgName says whether toks[i:end] (or the name it starts, or "Bank of"
// before it) names an organisation: it has a word such as Group, Bank or
// University.
func orgName(toks []token, i, end int) bool {
	for k := i; k < end && k < len(toks); k++ {
		if orgWords[toks[k].Lower] && toks[k].Cap {
			return true
		}
	}
	return i >= 2 && toks[i-1].Lower == "of" && orgWords[toks[i-2].Lower] && toks[i-2].Cap
}

// placeAfterComma reads a gazetteer place right after toks[k-1] and a
// comma ("Muscatine, Iowa"), returning its canonical name.
func placeAfterComma(s string, toks []token, k int) (string, bool) {
	if k <= 0 || k >= len(toks) || s[toks[k-1].End:toks[k].Start] != ", " {
		return "", false
	}
	p, _, ok := lookupPlace(toks, k)
	return p.name, ok
}

// directions before a place name ("North London") do not make it part
// of another name; the whole is still unsure, but not an organisation.
var directions = map[string]bool{"north": true, "south": true, "east": true, "west": true, "central": true, "northern": true, "southern": true, "eastern": true, "western": true}

// orgWords end or fill the names of organisations, media and works, which
// are never places ("Baikal Finance Group", "New York Times").
var orgWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`group bank finance financial holdings holding corp corporation inc ltd plc company
		co capital partners fund investments investment securities insurance energy oil gas petroleum airlines airways air
		motors telecom telecoms communications media university college school institute academy council party club fc
		united city rovers athletic wanderers times post journal herald telegraph news records studios pictures
		exchange court police museum theatre theater hospital foundation association society commission committee agency
		authority ministry department office service services council assembly parliament stock index orchestra opera
		festival awards prize trust board federation union league cup open championship games marathon airport zoo`) {
		m[w] = true
	}
	return m
}()

// lookupPlace matches the longest gazetteer name (up to three words)
// starting at toks[i].
func lookupPlace(toks []token, i int) (place, int, bool) {
	for n := 3; n >= 1; n-- {
		if i+n > len(toks) {
			continue
		}
		parts := make([]string, n)
		for k := range n {
			parts[k] = toks[i+k].Lower
		}
		name := strings.Join(parts, " ")
		if name == "us" && !toks[i].Upper {
			continue
		}
		if p, ok := gazetteer[name]; ok {
			return p, n, true
		}
	}
	return place{}, 0, false
}
