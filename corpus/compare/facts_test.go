package compare

import (
	"math"
	"strings"
	"testing"
)

// factOf extracts the facts of s and returns the first of kind k.
func factOf(t *testing.T, s string, k FactKind) Fact {
	t.Helper()
	for _, f := range ExtractFacts(s) {
		if f.Kind == k {
			return f
		}
	}
	t.Fatalf("%q: no %s fact in %+v", s, k, ExtractFacts(s))
	return Fact{}
}

func TestExtractFacts(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		text      string
		kind      FactKind
		fact      string
		low, high float64
		unit      string
	}{
		{"Pakistan and Iran share more than 900 kilometers of border.", KindLength, "more than 900 kilometers", 900, inf, "km"},
		{"It shares a 909 km long border with Iran.", KindLength, "909 km", 909, 909, "km"},
		{"a frontier of about 570 miles", KindLength, "about 570 miles", 570 * 1.609344 * 0.95, 570 * 1.609344 * 1.05, "km"},
		{"The 21 hours of negotiation were important.", KindDuration, "21 hours", 21, 21, "h"},
		{"In these 21 hours long and intense negotiations", KindDuration, "21 hours", 21, 21, "h"},
		{"a temporary 2 weeks ceasefire", KindDuration, "2 weeks", 336, 336, "h"},
		{"a four-day regional trip", KindDuration, "four-day", 96, 96, "h"},
		{"The summit concluded with a 60-day roadmap.", KindDuration, "60-day", 60 * 24, 60 * 24, "h"},
		{"hundreds, if not thousands, of hours were spent", KindDuration, "hundreds, if not thousands, of hours", 100, 999, "h"},
		{"nearly 10 million Pakistanis living in the Gulf", KindCount, "nearly 10 million Pakistanis", 9e6, 1e7, "pakistan"},
		{"In 2004 about 25 million portable players were sold.", KindCount, "about 25 million portable", 25e6 * 0.95, 25e6 * 1.05, "portabl"},
		{"debts of 7.5bn euros", KindCount, "7.5bn euros", 7.45e9, 7.55e9, "euro"},
		{"the index closed at 11,740.60 points", KindCount, "11,740.60 points", 11740.595, 11740.605, "point"},
		{"in excess of 300 delegates attended", KindCount, "in excess of 300 delegates", 300, inf, "deleg"},
		{"the population reached 5.2 million.", KindCount, "5.2 million", 5.15, 5.25, "million"},
		{"Inflation rose to 40% last year.", KindPercent, "40%", 40, 40, "%"},
		{"a fall of 3.5 per cent", KindPercent, "3.5 per cent", 3.45, 3.55, "%"},
		{"a loan of $5 billion", KindMoney, "$5 billion", 5e9, 5e9, "USD"},
		{"a £10m indecency fine", KindMoney, "£10m", 10e6, 10e6, "£"},
		{"a $1.5m payoff", KindMoney, "$1.5m", 1.45e6, 1.55e6, "USD"},
		{"worth $50k a year", KindMoney, "$50k", 5e4, 5e4, "USD"},
		{"pay $1 more", KindMoney, "$1", 1, 1, "USD"},
		{"for the first time since 1979", KindYear, "since 1979", 1979, 1979, "year"},
		{"engagement between the United States and China in the 1970s", KindYear, "in the 1970s", 1970, 1979, "year"},
		{"a project in 2016-18", KindYear, "2016-18", 2016, 2018, "year"},
		{"hosted in Islamabad on April 11–12, 2026.", KindDate, "April 11–12, 2026", epochDay(2026, 4, 11), epochDay(2026, 4, 12), "day"},
		{"began on Wednesday, 15 April, 2026.", KindDate, "15 April, 2026", epochDay(2026, 4, 15), epochDay(2026, 4, 15), "day"},
		{"Published on 18th April 2026", KindDate, "18th April 2026", epochDay(2026, 4, 18), epochDay(2026, 4, 18), "day"},
		{"the conflict that intensified in late February 2026", KindDate, "late February 2026", epochDay(2026, 2, 20), epochDay(2026, 2, 28), "day"},
	}
	for _, tt := range tests {
		f := factOf(t, tt.text, tt.kind)
		if f.Text != tt.fact || math.Abs(f.Low-tt.low) > 1e-6 || !(f.High == tt.high || math.Abs(f.High-tt.high) < 1e-6) || f.Unit != tt.unit {
			t.Errorf("%q: got %q [%v, %v] %q; want %q [%v, %v] %q", tt.text, f.Text, f.Low, f.High, f.Unit, tt.fact, tt.low, tt.high, tt.unit)
		}
	}
}

func TestExtractPlacesAndActors(t *testing.T) {
	tests := []struct {
		text string
		kind FactKind
		name string
	}{
		{"talks hosted in Islamabad", KindPlace, "islamabad"},
		{"talks scheduled in Istanbul, Türkiye.", KindPlace, "istanbul"},
		{"the first round of talks in Switzerland", KindPlace, "switzerland"},
		{"the architecture established at Lake Lucerne", KindPlace, "lake lucerne"},
		// A place no gazetteer lists is found beside one it does.
		{"the envoys met in Muscatine, Iowa, last week", KindPlace, "muscatine"},
		{"registered in the central Russian region of Tver, Russia", KindPlace, "tver"},
		{"Yukos will return to a US court in Houston", KindPlace, "houston"},
		{"Washington and Tehran were brought to the same table", KindActor, "usa"},
		{"the U.S. and Iran", KindActor, "usa"},
		{"Iranian officials acknowledged it", KindActor, "iran"},
		{"Türkiye helped pave the way", KindActor, "turkey"},
		{"Prime Minister Shehbaz Sharif began a trip", KindActor, "shehbaz sharif"},
	}
	for _, tt := range tests {
		f := factOf(t, tt.text, tt.kind)
		if f.Name != tt.name {
			t.Errorf("%q: %s name %q, want %q", tt.text, tt.kind, f.Name, tt.name)
		}
	}
	// "us" the pronoun is not the country.
	for _, f := range ExtractFacts("He told us the talks went well.") {
		if f.Name == "usa" {
			t.Errorf("pronoun read as the country: %+v", f)
		}
	}
}

// Names of organisations, people and works are not places, and a name
// the gazetteer lacks is not taken for one on a preposition alone.
func TestNamesAreNotPlaces(t *testing.T) {
	for _, s := range []string{
		"Yukos will seek sanctions against Baikal Finance Group, the little-known firm.",
		"the auction was won by a firm in Baikal Finance Group",
		"Proposals to open a museum dedicated to Jimi Hendrix are flailing.",
		"the party's opposition to the Prevention of Terrorism Bill",
		"the envoys met in Muscatine last week",
		"he told the Washington Post on Monday",
		"shares in the London Stock Exchange rose",
		"the striker moved from Real Madrid to Chelsea",
		"an essay by Jack London on the sea",
		"the Bank of England held rates",
		"the talks resumed in September",
		"Michael Jordan retired",
	} {
		for _, f := range ExtractFacts(s) {
			if f.Kind == KindPlace {
				t.Errorf("%q: %q read as a place: %+v", s, f.Text, f)
			}
		}
	}
	// Places in context are still found, and relate through what
	// contains them.
	tver := factOf(t, "registered in Tver, Russia", KindPlace)
	if r := Relate(tver, factOf(t, "the auction in Russia", KindPlace)); r != Compatible {
		t.Errorf("Tver, Russia against Russia: %s", r)
	}
	if r := Relate(factOf(t, "sold at an auction in London", KindPlace), factOf(t, "an auction in New York", KindPlace)); r != Different {
		t.Errorf("London against New York: %s", r)
	}
	if r := Relate(factOf(t, "a concert in Edinburgh", KindPlace), factOf(t, "a concert in the UK", KindPlace)); r != Compatible {
		t.Errorf("Edinburgh against the UK: %s", r)
	}
}

func TestRelate(t *testing.T) {
	tests := []struct {
		a, b string
		kind FactKind
		want Relation
	}{
		{"share more than 900 kilometers of border", "a 909 km long border", KindLength, Compatible},
		{"a 909 km long border", "a 909 kilometre border", KindLength, Same},
		{"more than 900 kilometers", "800 km", KindLength, Different},
		{"The 21 hours of negotiation", "In these 21 hours long and intense negotiations", KindDuration, Same},
		{"21 hours of talks", "two days of talks", KindDuration, Different},
		{"48 hours of talks", "two days of talks", KindDuration, Same},
		{"hundreds of hours", "300 hours", KindDuration, Compatible},
		{"talks in Islamabad", "talks in Istanbul", KindPlace, Different},
		{"talks in Islamabad", "talks in Switzerland", KindPlace, Different},
		{"talks in Switzerland", "talks at Lake Lucerne", KindPlace, Compatible},
		{"talks in Islamabad", "talks hosted in Islamabad", KindPlace, Same},
		{"in the 1970s", "In 1979", KindYear, Compatible},
		{"in 1979", "in 1988", KindYear, Different},
		{"nearly 10 million Pakistanis", "10 million Pakistanis", KindCount, Compatible},
		{"about 40%", "41 percent", KindPercent, Compatible},
		{"40%", "41 percent", KindPercent, Different},
		// Written precision: "$9.4bn" is 9.35–9.45bn.
		{"a $9.4bn deal", "a $9.35bn deal", KindMoney, Compatible},
		{"a $9.4bn deal", "a $9.5bn deal", KindMoney, Different},
		{"a $9.4bn deal", "a $9.4 billion deal", KindMoney, Same},
		{"fined $1.5m", "fined $1m", KindMoney, Different},
		// "about" widens by 5%.
		{"about 959 km", "909 km", KindLength, Different},
		{"about 959 km", "930 km", KindLength, Compatible},
		{"less than 900 km", "more than 900 km", KindLength, Different},
	}
	for _, tt := range tests {
		a, b := factOf(t, tt.a, tt.kind), factOf(t, tt.b, tt.kind)
		if got := Relate(a, b); got != tt.want {
			t.Errorf("Relate(%q, %q) = %s, want %s", a.Text, b.Text, got, tt.want)
		}
		if got := Relate(b, a); got != tt.want {
			t.Errorf("Relate(%q, %q) = %s, want %s (not symmetric)", b.Text, a.Text, got, tt.want)
		}
	}
	// A date against a year: the talks of April 2026 are compatible with
	// "in 2026" and not with "in 1979".
	d := factOf(t, "on April 11–12, 2026", KindDate)
	if r := Relate(d, factOf(t, "in 2026", KindYear)); r != Compatible {
		t.Errorf("date vs its year: %s", r)
	}
	if r := Relate(d, factOf(t, "in 1979", KindYear)); r != Different {
		t.Errorf("date vs another year: %s", r)
	}
	// Counts of different things do not compare.
	if r := Relate(factOf(t, "10 million Pakistanis", KindCount), factOf(t, "10 million barrels", KindCount)); r != None {
		t.Errorf("counts of different things: %s, want none", r)
	}
}

// The first part of a hyphen compound qualifies the noun after it: "in
// US-Iran negotiations" names two parties, not a place called US.
// A place and an actor that name one country are the same; a place is
// not set against an actor it does not name.
func TestRelatePlaceAndActor(t *testing.T) {
	place := Fact{Kind: KindPlace, Text: "Iran", Name: "iran"}
	for _, tc := range []struct {
		actor Fact
		want  Relation
	}{
		{Fact{Kind: KindActor, Text: "Tehran", Name: "iran"}, Same},
		{Fact{Kind: KindActor, Text: "Washington", Name: "usa"}, None},
	} {
		if got := Relate(place, tc.actor); got != tc.want {
			t.Errorf("Relate(%s, %s) = %s, want %s", place.Text, tc.actor.Text, got, tc.want)
		}
		if got := Relate(tc.actor, place); got != tc.want {
			t.Errorf("Relate(%s, %s) = %s, want %s", tc.actor.Text, place.Text, got, tc.want)
		}
	}
	// In 002's sentence on the revolution in Iran, Iran is not marked as
	// differing from the query's Islamabad: it is the query's Tehran.
	q := ExtractFacts("the “Islamabad Process,” a rare moment in which Washington and Tehran were brought to the same negotiating space for the first time since 1979")
	for _, f := range ExtractFacts("since the Islamic Revolution in Iran in 1979, the leadership of Iran and the United States had never engaged") {
		if m := markFact(f, q); m.Relation == Different {
			t.Errorf("%s (%s) marked different from %s", f.Text, f.Kind, m.Against.Text)
		}
	}
}

func TestHyphenCompoundIsNotPlace(t *testing.T) {
	tests := []struct {
		text      string
		notPlace  string // a name that must not be read as a place
		actor     string // a name that must be an actor, or ""
		wantPlace string // a place that must still be found, or ""
	}{
		{"Pakistan Role in US-Iran Negotiations", "usa", "usa", ""},
		{"Pakistan's role in U.S.-Iran talks was praised.", "usa", "usa", ""},
		{"a Tehran-based analyst said so in Islamabad", "iran", "", "islamabad"},
		{"the talks in Anglo-French format resumed", "anglo", "", ""},
		{"the envoys met in Muscat on Monday", "", "", "muscat"},
	}
	for _, tt := range tests {
		facts := ExtractFacts(tt.text)
		var actor, place bool
		for _, f := range facts {
			if f.Kind == KindPlace && tt.notPlace != "" && strings.HasPrefix(f.Name, tt.notPlace) {
				t.Errorf("%q: %q read as a place: %+v", tt.text, f.Text, f)
			}
			if f.Kind == KindActor && f.Name == tt.actor {
				actor = true
			}
			if f.Kind == KindPlace && f.Name == tt.wantPlace {
				place = true
			}
		}
		if tt.actor != "" && !actor {
			t.Errorf("%q: no actor %q in %+v", tt.text, tt.actor, facts)
		}
		if tt.wantPlace != "" && !place {
			t.Errorf("%q: no place %q in %+v", tt.text, tt.wantPlace, facts)
		}
	}
}

// A sentence that names one thing twice lists it once.
func TestFactsDeduped(t *testing.T) {
	tests := []struct {
		text string
		kind FactKind
		want int // facts of kind
	}{
		{"It shares a 909 km long border with Iran and Iran was the first Muslim country to recognize Pakistan at the time of independence.", KindActor, 2}, // Iran, Pakistan
		{"Talks in Islamabad, then more talks in Islamabad.", KindPlace, 1},
		{"21 hours of talks, and 21 hours of waiting", KindDuration, 1},
		{"21 hours of talks, and 22 hours of waiting", KindDuration, 2},
		{"Washington and the United States and America", KindActor, 1},
	}
	for _, tt := range tests {
		n := 0
		seen := map[string]int{}
		for _, f := range ExtractFacts(tt.text) {
			if f.Kind == tt.kind {
				n++
				seen[f.Name+"|"+f.FormatValue()]++
			}
		}
		if n != tt.want {
			t.Errorf("%q: %d %s facts, want %d", tt.text, n, tt.kind, tt.want)
		}
		for k, c := range seen {
			if c > 1 {
				t.Errorf("%q: %s %q listed %d times", tt.text, tt.kind, k, c)
			}
		}
	}
}

// A decade and a year inside it are compatible, but flagged for a look;
// a qualified figure and a value it allows are not.
func TestWorthALook(t *testing.T) {
	for _, tc := range []struct {
		query, stmt string
		kind        FactKind
		note        bool
	}{
		{"ties were opened in the 1970s", "In 1979, diplomatic ties were established", KindYear, true},
		{"talks were held in 1979", "in the 1970s", KindYear, true},
		{"talks were held in 1979", "In 1979, ties were established", KindYear, false},
		{"more than 900 kilometers of border", "a 909 km long border", KindLength, false},
	} {
		var qf []Fact
		for _, f := range ExtractFacts(tc.query) {
			if f.Kind == tc.kind {
				qf = append(qf, f)
			}
		}
		var found bool
		for _, f := range ExtractFacts(tc.stmt) {
			if f.Kind != tc.kind {
				continue
			}
			m := markFact(f, qf)
			found = true
			if m.Relation != Compatible && m.Relation != Same {
				t.Errorf("%q vs %q: %s, want compatible or same", tc.query, tc.stmt, m.Relation)
			}
			if (m.Note != "") != tc.note {
				t.Errorf("%q vs %q: note %q, want a note: %v", tc.query, tc.stmt, m.Note, tc.note)
			}
		}
		if !found {
			t.Errorf("no %s fact in %q", tc.kind, tc.stmt)
		}
	}
}
