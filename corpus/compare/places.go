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
}

// titles precede a person's name, which is then an actor.
var titles = map[string]bool{
	"president": true, "minister": true, "ambassador": true, "gen": true, "general": true,
	"marshal": true, "secretary": true, "prince": true, "emir": true, "king": true, "mr": true,
	"mrs": true, "ms": true, "dr": true, "senator": true, "envoy": true, "chancellor": true,
}

// organisations named as actors.
var organisations = map[string]string{"un": "un", "nato": "nato", "eu": "eu", "gcc": "gcc", "iaea": "iaea", "opec": "opec"}

// namedFacts finds places and actors among the tokens of s: gazetteer names (a country or a
// capital is a place after a locative word and an actor otherwise),
// demonyms and organisations as actors, capitalised names after a
// locative word as places, and capitalised names after a title as people.
func namedFacts(s string, toks []token) []Fact {
	var out []Fact
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		prev := ""
		if i > 0 {
			prev = toks[i-1].Lower
			if prev == "the" && i > 1 {
				prev = toks[i-2].Lower
			}
		}
		if !t.Cap || t.Number {
			continue
		}
		if p, n, ok := lookupPlace(toks, i); ok {
			end := toks[i+n-1].End
			f := Fact{Text: s[t.Start:end], Name: p.name, Start: t.Start, End: end}
			// The first part of a hyphen compound ("US-Iran talks",
			// "a Tehran-based analyst") qualifies the noun after it: it
			// names a party, never where something happens.
			modifier := toks[i+n-1].HyphenNext
			switch {
			case modifier && (p.kind == "country" || p.kind == "capital"):
				f.Kind = KindActor
				if key, ok := aliasWords[p.name]; ok {
					f.Name = key
				}
			case modifier:
				i += n - 1
				continue
			case p.kind == "city" || p.kind == "water" || locative[prev]:
				f.Kind = KindPlace
			case p.kind == "country" || p.kind == "capital":
				f.Kind = KindActor
				if key, ok := aliasWords[p.name]; ok {
					f.Name = key
				}
			default:
				i += n - 1
				continue
			}
			out = append(out, f)
			i += n - 1
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
			n := 1
			for i+n < len(toks) && toks[i+n].Cap && !toks[i+n].Number && toks[i+n].Start-toks[i+n-1].End <= 1 && n < 4 {
				n++
			}
			end := toks[i+n-1].End
			kind := KindPlace
			if titles[prev] {
				kind = KindActor
			}
			out = append(out, Fact{Kind: kind, Text: s[t.Start:end], Name: strings.ToLower(s[t.Start:end]), Start: t.Start, End: end})
			i += n - 1
		}
	}
	return out
}

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
