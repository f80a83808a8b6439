package compare

import (
	"bufio"
	"fmt"
	"io"

	"parley/corpus"
)

// JSON shapes of parley claims --json.
type jsonStatement struct {
	Text     string `json:"text"`
	Block    int    `json:"block"`
	Sentence int    `json:"sentence"`
	Curated  bool   `json:"curated"`
}

type jsonClaimSource struct {
	File       string          `json:"file"`
	ID         string          `json:"id"`
	Statements []jsonStatement `json:"statements"`
}

// jsonClaim lists only the sources that make the claim: on a large
// folder the others are nearly all of them, for every claim.
type jsonClaim struct {
	Label   string   `json:"label"`
	Terms   []string `json:"terms"`
	Curated bool     `json:"curated"`
	// Origin is "user" or "shipped" for a curated claim.
	Origin  string            `json:"origin,omitempty"`
	Story   string            `json:"story"` // the id of the story the claim belongs to
	Sources []jsonClaimSource `json:"sources"`
	// Differs lists the facts its sources state differently.
	Differs []jsonDiff `json:"differs"`
}

// jsonDiff is a pair of facts of two sources of a claim that disagree.
type jsonDiff struct {
	Kind FactKind       `json:"kind"`
	A    jsonDiffSource `json:"a"`
	B    jsonDiffSource `json:"b"`
}

type jsonDiffSource struct {
	ID    string `json:"id"`
	File  string `json:"file"`
	Text  string `json:"text"`
	Value string `json:"value"`
}

func jsonDiffs(docs []*corpus.Document, cl Claim) []jsonDiff {
	out := []jsonDiff{}
	for _, d := range cl.Differs {
		side := func(k int) jsonDiffSource {
			doc := docs[d.Docs[k]]
			return jsonDiffSource{ID: doc.ID, File: doc.FileName(), Text: d.Facts[k].Text, Value: d.Facts[k].FormatValue()}
		}
		out = append(out, jsonDiff{Kind: d.Facts[0].Kind, A: side(0), B: side(1)})
	}
	return out
}

// diffLine says, for people, which facts of a claim's sources differ.
func diffLine(names []string, d FactDiff) string {
	return fmt.Sprintf("≠ %s (%s) · %s (%s)", oneLine(d.Facts[0].Text), names[d.Docs[0]], oneLine(d.Facts[1].Text), names[d.Docs[1]])
}

// jsonClaimsStory is one story in parley claims --json.
type jsonClaimsStory struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Sources int    `json:"sources"`
	Claims  int    `json:"claims"`
	// Sentences and Looked say how many of the story's sentences claim
	// discovery read, when a limit applied (Looked < Sentences).
	Sentences int `json:"sentences"`
	Looked    int `json:"looked"`
}

type jsonClaims struct {
	Claims  []jsonClaim       `json:"claims"`
	Stories []jsonClaimsStory `json:"stories"`
	// Alone counts the documents that are a story of their own: a claim
	// needs two sources, so they have none.
	Alone int `json:"alone"`
}

// storyClaims is one story's claims.
type storyClaims struct {
	story  int
	scope  *Scope
	claims []Claim
}

// RunClaimsCLI lists the claims of c story by story: those of
// opts.Story, or of every story of two documents or more, each under its
// label. Claims are found within each story, with no cap on the
// corpus; a story too long to read whole says so.
func RunClaimsCLI(w io.Writer, c *corpus.Corpus, opts CLIOptions) error {
	sets, err := setsForCLI(c, opts)
	if err != nil {
		return err
	}
	r := sets.Stories()
	var picked []int
	alone := 0
	if opts.Story != "" {
		i, err := findStory(r, opts.Story)
		if err != nil {
			return err
		}
		picked = []int{i}
	} else {
		for i, s := range r.Stories {
			if len(s.Docs) > 1 {
				picked = append(picked, i)
			} else {
				alone++
			}
		}
	}
	var all []storyClaims
	for _, i := range picked {
		sc := sets.Story(i)
		all = append(all, storyClaims{story: i, scope: sc, claims: sc.Claims()})
	}
	switch {
	case opts.JSON:
		return writeClaimsJSON(w, c.Docs, all, alone)
	case opts.Markdown:
		return writeClaimsMarkdownStories(w, c.Docs, all)
	}
	return writeClaimsText(w, c.Docs, all, alone)
}

func writeClaimsJSON(w io.Writer, docs []*corpus.Document, all []storyClaims, alone int) error {
	out := jsonClaims{Claims: []jsonClaim{}, Stories: []jsonClaimsStory{}, Alone: alone}
	for _, sc := range all {
		st := sc.scope.sets.Stories().Stories[sc.story]
		looked, total := sc.scope.Index().ClaimsRead()
		out.Stories = append(out.Stories, jsonClaimsStory{ID: corpus.CleanLine(st.ID), Label: corpus.CleanLine(st.Label),
			Sources: len(sc.scope.Set), Claims: len(sc.claims), Sentences: total, Looked: looked})
		for _, cl := range sc.claims {
			jc := jsonClaim{Label: cl.Label, Terms: append([]string{}, cl.Terms...), Curated: cl.Curated, Origin: cl.Origin,
				Story: corpus.CleanLine(st.ID), Sources: []jsonClaimSource{}, Differs: jsonDiffs(docs, cl)}
			for _, s := range cl.Sources {
				if len(s.Statements) == 0 {
					continue
				}
				d := docs[s.Doc]
				js := jsonClaimSource{File: d.FileName(), ID: d.ID, Statements: []jsonStatement{}}
				for _, st := range s.Statements {
					js.Statements = append(js.Statements, jsonStatement{Text: st.Text, Block: st.Loc.Block, Sentence: st.Loc.Sentence, Curated: st.Curated})
				}
				jc.Sources = append(jc.Sources, js)
			}
			out.Claims = append(out.Claims, jc)
		}
	}
	return corpus.WriteJSON(w, out)
}

// storyHeading is "Story: label [id] · 7 sources · 12 claims", with a
// note when claim discovery could not read the whole story.
func storyHeading(sc storyClaims) string {
	st := sc.scope.sets.Stories().Stories[sc.story]
	h := fmt.Sprintf("Story: %s [%s] · %d %s · %d %s", corpus.CleanLine(st.Label), corpus.CleanLine(st.ID),
		len(sc.scope.Set), corpus.Plural(len(sc.scope.Set), "source", "sources"), len(sc.claims), corpus.Plural(len(sc.claims), "claim", "claims"))
	if looked, total := sc.scope.Index().ClaimsRead(); looked < total {
		h += fmt.Sprintf(" (found in the first %d of its %d sentences)", looked, total)
	}
	return h
}

func writeClaimsText(w io.Writer, docs []*corpus.Document, all []storyClaims, alone int) error {
	names := DocNames(docs)
	b := bufio.NewWriter(w)
	for k, sc := range all {
		if len(all) > 1 || sc.scope.Outside > 0 {
			if k > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(storyHeading(sc) + "\n")
		}
		if len(sc.claims) > 0 {
			writeClaimsLegend(b, docs, names, sc.scope.Set)
		}
		for i, cl := range sc.claims {
			differ := ""
			if cl.Disagrees() {
				differ = " ≠"
			}
			fmt.Fprintf(b, "%d. %s%s %s%s\n", i+1, coverageRow(cl), differ, cl.Label, curatedTag(cl, " [curated]", " [yours]"))
			for _, s := range cl.Sources {
				for _, st := range s.Statements {
					fmt.Fprintf(b, "     %s:%d:%d: %s\n", names[s.Doc], st.Loc.Block, st.Loc.Sentence, oneLine(st.Text))
				}
			}
			for _, d := range cl.Differs {
				fmt.Fprintf(b, "     %s\n", diffLine(names, d))
			}
		}
		if len(sc.claims) == 0 {
			b.WriteString("no claims shared by two or more sources\n")
		}
	}
	if len(all) == 0 {
		b.WriteString("no story has two sources or more, so there are no claims to share\n")
	}
	if alone > 0 && len(all) > 0 {
		fmt.Fprintf(b, "\n%d %s on their own (a story of one) have no claims to share\n", alone, corpus.Plural(alone, "document", "documents"))
	}
	return b.Flush()
}

func writeClaimsMarkdownStories(w io.Writer, docs []*corpus.Document, all []storyClaims) error {
	for k, sc := range all {
		if len(all) > 1 || sc.scope.Outside > 0 {
			if k > 0 {
				io.WriteString(w, "\n")
			}
			fmt.Fprintf(w, "# %s\n\n", mdEscape(storyHeading(sc)))
		}
		if err := WriteClaimsMarkdown(w, docs, sc.claims); err != nil {
			return err
		}
	}
	return nil
}
