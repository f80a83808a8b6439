// Package compare aligns statements across sources: a sentence index,
// facts with their qualifiers, and claims shared by several sources.
// What it finds is written out by package export (text, JSON, Markdown)
// and drawn by the interface.
package compare

// This file declares the public surface of package compare: the types
// the interface and the subcommands consume. Implementations live beside
// it: tokenize.go and aliases.go (terms), index.go and index_build.go
// (the sentence index), query.go and rank.go (Compare), textkey.go
// (finding a pasted sentence), silence.go (when a source is silent),
// facts.go, facts_prefilter.go, counts.go, dates.go, places.go and
// relate.go (facts and how they relate), claims.go and
// claim_candidates.go (claim discovery), quotes.go and curated.go (the
// curated layer), scope.go and scope_query.go (comparison sets),
// command.go (what parley compare and parley claims run).

import (
	"parley/corpus"
)

// Options tune Build.
type Options struct {
	// Curated claims (from seeds/claims.json via LoadCurated) are matched
	// to sentences by their verbatim quotes, listed before discovered
	// claims, and flag the matches they contain as curated.
	Curated []CuratedClaim
	// EngineOnly ignores Curated, so the engine can be judged alone.
	EngineOnly bool
}

// QueryOptions tune one Compare call.
type QueryOptions struct {
	// Top is how many matches to keep per source (best first); 0 means 3.
	Top int
	// Origin, when set, names the sentence the query was taken from; its
	// document is then the origin and its own sentence is listed first.
	// When nil and the query text is a sentence of some document, that
	// document is found and used as the origin.
	Origin *corpus.Loc
	// Claim, when set, is the label of the curated claim the query is
	// about (the one the user is working on), whatever its words match.
	Claim string
}

// Relation says how a fact of a statement relates to a fact of the query.
type Relation string

const (
	Same       Relation = "same"       // equal values (after normalising units and aliases)
	Compatible Relation = "compatible" // both can be true: a range contains a value, a decade contains a year
	Different  Relation = "different"  // comparable facts that disagree
	None       Relation = "none"       // nothing comparable in the query
)

// FactKind names what a fact measures or names.
type FactKind string

const (
	KindLength   FactKind = "length"   // 909 km, more than 900 kilometers
	KindDuration FactKind = "duration" // 21 hours
	KindDate     FactKind = "date"     // April 11–12, 2026
	KindYear     FactKind = "year"     // in 1979, in the 1970s (a span of years)
	KindPercent  FactKind = "percent"  // 40%, 40 percent
	KindMoney    FactKind = "money"    // $5 billion
	KindCount    FactKind = "count"    // nearly 10 million people, 300 delegates
	KindPlace    FactKind = "place"    // Islamabad, Lake Lucerne
	KindActor    FactKind = "actor"    // United States, Iran (alias-normalised)
)

// Fact is one number, date, place or actor found in a sentence.
type Fact struct {
	Kind FactKind
	Text string // the words as written, qualifier included ("more than 900 kilometers")
	// Value is the normalised value (km for lengths, hours for durations,
	// a year for years, a day number for dates); Low/High bound what the
	// text allows ("more than 900" is [900, +Inf); "the 1970s" is
	// [1970, 1979]; an exact "909 km" has Low == High == 909).
	Value     float64
	Low, High float64
	Unit      string // normalised unit: "km", "h", "%", "USD", "" ...
	Qualifier string // "more than", "nearly", "about" ... or ""
	Name      string // canonical name for places and actors ("united states")
	Start     int    // byte offsets in the sentence text
	End       int
	// within is the place named after a comma beside a place the
	// gazetteer lacks ("Tver, Russia"): what contains it.
	within string
}

// FactMark is a fact of a matched statement and its relation to the
// query's comparable fact (if any).
type FactMark struct {
	Fact
	Relation Relation
	// Against is the query fact it was compared with; nil when None.
	Against *Fact
	// Note flags a compatible pair worth a second look: "in the 1970s"
	// and "in 1979" can both be true, yet may not mean the same event.
	Note string
}

// Match is one statement of a source that speaks to the query.
type Match struct {
	Loc     corpus.Loc
	Text    string  // the sentence
	Context string  // the paragraph (block text) the sentence belongs to
	Score   float64 // higher is better; comparable within one Result
	// Curated is true when the sentence is a quote of a curated claim that
	// the query belongs to.
	Curated bool
	// Shared are the query's terms found in the sentence, as written in the
	// sentence; Spans are their byte ranges in Text, for highlighting,
	// sorted by where they start and disjoint.
	Shared []string
	Spans  []corpus.Span
	Facts  []FactMark
}

// SourceResult is what one document says on the query.
type SourceResult struct {
	Doc     int  // index into the documents given to Build
	Origin  bool // the query was taken from this document
	Silent  bool // no sentence passes the relevance threshold
	Matches []Match
}

// Result is a comparison across every document, in document order.
type Result struct {
	Query      string
	QueryFacts []Fact
	Origin     int // document index of the origin, or -1
	// Claim is the curated claim the query belongs to, if any.
	Claim   *Claim
	Sources []SourceResult
}

// Statement is one sentence that makes a claim.
type Statement struct {
	Loc     corpus.Loc
	Text    string
	Context string
	Curated bool
}

// ClaimSource is what one document says on a claim.
type ClaimSource struct {
	Doc        int
	Statements []Statement // empty when the source is silent on the claim
}

// Claim is a point made by two or more sources.
type Claim struct {
	Label   string
	Terms   []string // key terms, most distinctive first
	Curated bool
	// Origin says whose curated claim it is: OriginUser or
	// OriginShipped; "" for a discovered claim.
	Origin string
	// Sources has one entry per document, in document order.
	Sources []ClaimSource
	// Coverage[i] is true when document i makes the claim.
	Coverage []bool
	// Differs lists the facts its sources state differently (another
	// number, date or place for the same point); empty when they agree
	// or state nothing comparable. See differs.go.
	Differs []FactDiff
}

// Disagrees says whether the claim's sources state some fact
// differently: the claims index marks such a claim with ≠.
func (c *Claim) Disagrees() bool { return len(c.Differs) > 0 }

// Covered counts the sources that make the claim.
func (c *Claim) Covered() int {
	n := 0
	for _, ok := range c.Coverage {
		if ok {
			n++
		}
	}
	return n
}

// CuratedClaim is one claim of the curated data file seeds/claims.json
// (read by LoadCurated in curated.go): a label and, per source, verbatim
// quotes. Quotes is keyed by a document ID prefix ("002"); each quote
// identifies the parsed sentence(s) that contain it.
type CuratedClaim struct {
	Label  string
	Quotes map[string][]string
	// Origin is OriginUser for a claim of the user's claims file;
	// anything else is shipped.
	Origin string
	// Rejected are quotes (keyed as Quotes) of sentences the user
	// dropped from the claim: they are neither listed in it nor suggested
	// when it is compared.
	Rejected map[string][]string
}

// Origins of a curated claim.
const (
	OriginUser    = "user"
	OriginShipped = "shipped"
)
