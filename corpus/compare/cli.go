// Package compare aligns statements across sources: a sentence index,
// facts with their qualifiers, and claims shared by several sources.
package compare

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"parley/corpus"
)

// CLIOptions are the flags of parley compare and parley claims.
type CLIOptions struct {
	JSON       bool
	Markdown   bool
	Top        int
	EngineOnly bool
	// Curated is the curated layer of the corpus: the user's claims and,
	// for the embedded seeds, the shipped ones (see package claimsfile,
	// which decides what applies).
	Curated []CuratedClaim
	// All compares with every document instead of the comparison set
	// (see RunCompareCLI); Story names the story to compare within or
	// list the claims of (a story ID from parley stories).
	All   bool
	Story string
}

// optionsForCLI are the engine's options: the curated layer (unless
// EngineOnly).
func optionsForCLI(opts CLIOptions) (Options, error) {
	return Options{EngineOnly: opts.EngineOnly, Curated: opts.Curated}, nil
}

// JSON shapes of parley compare --json.
type jsonFact struct {
	Kind     FactKind `json:"kind"`
	Text     string   `json:"text"`
	Value    string   `json:"value"`
	Unit     string   `json:"unit"`
	Relation Relation `json:"relation"`
	Note     string   `json:"note,omitempty"`
}

type jsonMatch struct {
	Text        string     `json:"text"`
	Context     string     `json:"context"`
	Score       float64    `json:"score"`
	Block       int        `json:"block"`
	Sentence    int        `json:"sentence"`
	Curated     bool       `json:"curated"`
	Origin      string     `json:"origin,omitempty"` // of a curated match: "user" or "shipped"
	SharedTerms []string   `json:"shared_terms"`
	Facts       []jsonFact `json:"facts"`
}

type jsonSource struct {
	File    string      `json:"file"`
	ID      string      `json:"id"`
	Title   string      `json:"title"`
	Silent  bool        `json:"silent"`
	AlsoIn  []string    `json:"also_in,omitempty"` // ids of the source's copies
	Matches []jsonMatch `json:"matches"`
}

type jsonCompare struct {
	Query   string       `json:"query"`
	Scope   jsonScope    `json:"scope"`
	Sources []jsonSource `json:"sources"`
}

// RunCompareCLI compares text with its comparison set in c: the other
// documents of its story when text is a sentence of c, the stories that
// speak to it when it is typed, the story opts.Story, or every document
// with opts.All. The output says which set was used.
func RunCompareCLI(w io.Writer, c *corpus.Corpus, text string, opts CLIOptions) error {
	sets, err := setsForCLI(c, opts)
	if err != nil {
		return err
	}
	sc, err := scopeForCLI(sets, text, opts)
	if err != nil {
		return err
	}
	top := opts.Top
	if top <= 0 {
		top = 1
	}
	r := sc.Compare(text, QueryOptions{Top: top})
	switch {
	case opts.JSON:
		return writeCompareJSON(w, c.Docs, r, sc)
	case opts.Markdown:
		return writeMarkdown(w, c.Docs, r, scopeLine(sc))
	}
	return writeCompareText(w, c.Docs, r, sc)
}

func writeCompareJSON(w io.Writer, docs []*corpus.Document, r Result, sc *Scope) error {
	out := jsonCompare{Query: r.Query, Scope: scopeJSON(docs, sc), Sources: []jsonSource{}}
	for _, s := range r.Sources {
		d := docs[s.Doc]
		js := jsonSource{File: d.FileName(), ID: d.ID, Title: d.Title, Silent: s.Silent, AlsoIn: idsOf(docs, sc.AlsoIn(s.Doc)), Matches: []jsonMatch{}}
		for _, m := range s.Matches {
			jm := jsonMatch{Text: m.Text, Context: m.Context, Score: round3(m.Score), Block: m.Loc.Block, Sentence: m.Loc.Sentence,
				Curated: m.Curated, SharedTerms: append([]string{}, m.Shared...), Facts: []jsonFact{}}
			if m.Curated {
				jm.Origin = r.curatedClaim().Origin
			}
			for _, f := range m.Facts {
				jm.Facts = append(jm.Facts, jsonFact{Kind: f.Kind, Text: f.Text, Value: f.FormatValue(), Unit: f.Unit, Relation: f.Relation, Note: f.Note})
			}
			js.Matches = append(js.Matches, jm)
		}
		out.Sources = append(out.Sources, js)
	}
	return corpus.WriteJSON(w, out)
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }

// writeCompareText is the terminal form: the sources that speak, the
// origin first and then the best match first, each with its statements,
// location, score, shared terms and fact marks; then one line for the
// silent sources, which on a large folder are most of them.
func writeCompareText(w io.Writer, docs []*corpus.Document, r Result, sc *Scope) error {
	names := DocNames(docs)
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "Compare: %s\n", oneLine(r.Query))
	fmt.Fprintf(b, "%s\n", scopeLine(sc))
	if r.Claim != nil {
		fmt.Fprintf(b, "%s: %s\n", claimKind(*r.Claim), r.Claim.Label)
	}
	for _, f := range r.QueryFacts {
		fmt.Fprintf(b, "  fact: %s (%s)\n", f.Text, f.Kind)
	}
	speaking, silent := SpeakingOrder(r)
	for _, i := range speaking {
		s := r.Sources[i]
		fmt.Fprintf(b, "\n%s\n", plainHeading(docs[s.Doc], names[s.Doc], s.Origin))
		if also := idsOf(docs, sc.AlsoIn(s.Doc)); len(also) > 0 {
			fmt.Fprintf(b, "  also in: %s\n", strings.Join(also, ", "))
		}
		if s.Silent || len(s.Matches) == 0 {
			b.WriteString("  silent\n") // only the origin is listed here while silent
			continue
		}
		for _, m := range s.Matches {
			tag := fmt.Sprintf("%.2f", m.Score)
			if m.Curated {
				tag = curatedTag(r.curatedClaim(), "curated", "yours")
			}
			fmt.Fprintf(b, "  %d:%d [%s] %s\n", m.Loc.Block, m.Loc.Sentence, tag, oneLine(m.Text))
			if len(m.Shared) > 0 {
				fmt.Fprintf(b, "      shared: %s\n", strings.Join(m.Shared, ", "))
			}
			for _, f := range markedFacts(m.Facts) {
				fmt.Fprintf(b, "      %s %s — %s %s%s\n", factMark(f.Relation), f.Text, relationPhrase(f.Relation), f.Against.Text, noteSuffix(f.Note))
			}
		}
	}
	if len(silent) > 0 {
		// A line of thousands of names helps nobody; --json lists them all.
		var ns []string
		for _, i := range silent[:min(len(silent), maxSilentNames)] {
			ns = append(ns, names[r.Sources[i].Doc])
		}
		if more := len(silent) - len(ns); more > 0 {
			ns = append(ns, fmt.Sprintf("and %d more", more))
		}
		fmt.Fprintf(b, "\nsilent: %d %s: %s\n", len(silent), corpus.Plural(len(silent), "source", "sources"), strings.Join(ns, ", "))
	}
	return b.Flush()
}

// maxSilentNames is how many silent sources the summary line names.
const maxSilentNames = 12

// SpeakingOrder splits a result's sources, as indices into r.Sources,
// into those shown in full — the origin first, then the sources that
// speak, best match first (ties in document order) — and the silent ones
// in document order.
func SpeakingOrder(r Result) (speaking, silent []int) {
	for i, s := range r.Sources {
		switch {
		case s.Origin:
			speaking = append([]int{i}, speaking...)
		case s.Silent || len(s.Matches) == 0:
			silent = append(silent, i)
		default:
			speaking = append(speaking, i)
		}
	}
	rest := speaking
	if len(rest) > 0 && r.Sources[rest[0]].Origin {
		rest = rest[1:]
	}
	slices.SortStableFunc(rest, func(a, b int) int {
		return cmp.Compare(r.Sources[b].Matches[0].Score, r.Sources[a].Matches[0].Score)
	})
	return speaking, silent
}

// DocNames names each document unambiguously for text output: its file
// name, or its id with the file's extension (its path under the corpus
// root, "business/001.txt") where two documents share a file name.
func DocNames(docs []*corpus.Document) []string {
	count := map[string]int{}
	for _, d := range docs {
		count[d.File]++
	}
	names := make([]string, len(docs))
	for i, d := range docs {
		names[i] = d.File
		if count[d.File] > 1 {
			names[i] = d.ID + path.Ext(d.File)
		}
	}
	return names
}

func plainHeading(d *corpus.Document, name string, origin bool) string {
	h := name
	if d.Title != "" {
		h += " — " + oneLine(d.Title)
	}
	var meta []string
	if d.Outlet != "" {
		meta = append(meta, d.Outlet)
	}
	if d.Published != "" {
		meta = append(meta, d.Published)
	}
	if len(meta) > 0 {
		h += " (" + strings.Join(meta, ", ") + ")"
	}
	if origin {
		h += " [origin]"
	}
	return h
}

// curatedTag is shipped or user for a curated claim, "" for another.
func curatedTag(c Claim, shipped, user string) string {
	switch {
	case !c.Curated:
		return ""
	case c.Origin == OriginUser:
		return user
	}
	return shipped
}

// curatedClaim is the claim a result's curated matches belong to.
func (r Result) curatedClaim() Claim {
	if r.Claim != nil {
		return *r.Claim
	}
	return Claim{Curated: true}
}

// claimKind names a result's claim: the user's or a shipped curated one.
func claimKind(c Claim) string {
	if c.Origin == OriginUser {
		return "Your claim"
	}
	return "Curated claim"
}

// writeClaimsLegend says what the coverage row before each claim means:
// with marks, which source each mark stands for, in order (set: the
// corpus indexes of the sources compared); with counts, what they count.
func writeClaimsLegend(b *bufio.Writer, docs []*corpus.Document, names []string, set []int) {
	if !ShowsMarks(len(set)) {
		fmt.Fprintf(b, "Coverage: how many of the %d sources make the claim.\n\n", len(set))
		return
	}
	b.WriteString("Marks, one per source in this order (● makes the claim, ○ does not):\n")
	for i, di := range set {
		name := names[di]
		if d := docs[di]; d.Outlet != "" {
			name = oneLine(d.Outlet) + " — " + name
		}
		fmt.Fprintf(b, "  %2d %s\n", i+1, name)
	}
	b.WriteString("\n")
}
