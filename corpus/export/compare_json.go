package export

import (
	"io"
	"parley/corpus"
	"parley/corpus/compare"
)

// JSON shapes of parley compare --json.
type jsonFact struct {
	Kind     compare.FactKind `json:"kind"`
	Text     string           `json:"text"`
	Value    string           `json:"value"`
	Unit     string           `json:"unit"`
	Relation compare.Relation `json:"relation"`
	Note     string           `json:"note,omitempty"`
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

func writeCompareJSON(w io.Writer, docs []*corpus.Document, r compare.Result, sc *compare.Scope) error {
	out := jsonCompare{Query: r.Query, Scope: scopeJSON(docs, sc), Sources: []jsonSource{}}
	for _, s := range r.Sources {
		d := docs[s.Doc]
		js := jsonSource{File: d.FileName(), ID: d.ID, Title: d.Title, Silent: s.Silent, AlsoIn: idsOf(docs, sc.AlsoIn(s.Doc)), Matches: []jsonMatch{}}
		for _, m := range s.Matches {
			jm := jsonMatch{Text: m.Text, Context: m.Context, Score: round3(m.Score), Block: m.Loc.Block, Sentence: m.Loc.Sentence,
				Curated: m.Curated, SharedTerms: append([]string{}, m.Shared...), Facts: []jsonFact{}}
			if m.Curated {
				jm.Origin = claimOf(r).Origin
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

// jsonScope is the comparison set in parley compare --json.
type jsonScope struct {
	Kind    compare.ScopeKind `json:"kind"`
	Stories []jsonStoryBrief  `json:"stories"`
	Sources int               `json:"sources"`
	Outside int               `json:"outside"` // documents --all adds
}

type jsonStoryBrief struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

func scopeJSON(docs []*corpus.Document, sc *compare.Scope) jsonScope {
	out := jsonScope{Kind: sc.Kind, Stories: []jsonStoryBrief{}, Sources: len(sc.Set), Outside: sc.Outside}
	for _, st := range sc.Stories {
		s := sc.Grouping().Stories[st]
		out.Stories = append(out.Stories, jsonStoryBrief{ID: corpus.CleanLine(s.ID), Label: corpus.CleanLine(s.Label)})
	}
	return out
}
