package export

import (
	"bufio"
	"fmt"
	"io"
	"parley/corpus"
	"parley/corpus/compare"
)

// RunClaims lists the claims of c story by story (see
// compare.ClaimsCommand): those of opts.Story, or of every story of two
// documents or more, each under its label, as text, JSON or Markdown.
func RunClaims(w io.Writer, c *corpus.Corpus, opts CompareOptions) error {
	list, err := compare.ClaimsCommand(c, opts.CommandOptions)
	if err != nil {
		return err
	}
	switch {
	case opts.JSON:
		return writeClaimsJSON(w, c.Docs, list)
	case opts.Markdown:
		return writeClaimsMarkdownStories(w, c.Docs, list)
	}
	return writeClaimsText(w, c.Docs, list)
}

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
	Kind compare.FactKind `json:"kind"`
	A    jsonDiffSource   `json:"a"`
	B    jsonDiffSource   `json:"b"`
}

type jsonDiffSource struct {
	ID    string `json:"id"`
	File  string `json:"file"`
	Text  string `json:"text"`
	Value string `json:"value"`
}

func jsonDiffs(docs []*corpus.Document, cl compare.Claim) []jsonDiff {
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

// writeClaimsJSON writes what WriteJSON writes of a jsonClaims, byte
// for byte, a claim at a time as each story's claims are found, rather
// than the whole document built and encoded first (the encoding of
// 5,223 claims of two 8 MiB sentences was the command's peak).
func writeClaimsJSON(w io.Writer, docs []*corpus.Document, list *compare.ClaimsList) error {
	b := bufio.NewWriter(w)
	stories := []jsonClaimsStory{}
	b.WriteString("{\n  \"claims\": [")
	sep := "\n    "
	err := list.Each(func(sc compare.StoryClaims) error {
		id := corpus.CleanLine(sc.ID)
		stories = append(stories, jsonClaimsStory{ID: id, Label: corpus.CleanLine(sc.Label),
			Sources: len(sc.Set), Claims: len(sc.Claims), Sentences: sc.Sentences, Looked: sc.Read})
		for _, cl := range sc.Claims {
			b.WriteString(sep)
			sep = ",\n    "
			if err := corpus.WriteJSONValue(b, jsonClaimOf(docs, cl, id), 2); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if sep != "\n    " {
		b.WriteString("\n  ")
	}
	b.WriteString("],\n  \"stories\": ")
	if err := corpus.WriteJSONValue(b, stories, 1); err != nil {
		return err
	}
	fmt.Fprintf(b, ",\n  \"alone\": %d\n}\n", list.Alone)
	return b.Flush()
}

// jsonClaimOf is a claim of the story id as parley claims --json lists
// it, with only the sources that make it.
func jsonClaimOf(docs []*corpus.Document, cl compare.Claim, story string) jsonClaim {
	jc := jsonClaim{Label: cl.Label, Terms: append([]string{}, cl.Terms...), Curated: cl.Curated, Origin: cl.Origin,
		Story: story, Sources: []jsonClaimSource{}, Differs: jsonDiffs(docs, cl)}
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
	return jc
}

// storyHeading is "Story: label [id] · 7 sources · 12 claims", with a
// note when claim discovery could not read the whole story.
func storyHeading(sc compare.StoryClaims) string {
	h := fmt.Sprintf("Story: %s [%s] · %d %s · %d %s", corpus.CleanLine(sc.Label), corpus.CleanLine(sc.ID),
		len(sc.Set), corpus.Plural(len(sc.Set), "source", "sources"), len(sc.Claims), corpus.Plural(len(sc.Claims), "claim", "claims"))
	if note := readNote(sc); note != "" {
		h += " (" + note + ")"
	}
	return h
}

// readNote says, when claim discovery read only part of a story, how
// much it read: a sample spread over the story's documents.
func readNote(sc compare.StoryClaims) string {
	if sc.Read < sc.Sentences {
		return fmt.Sprintf("found in %s of its %s sentences, spread over its documents", corpus.GroupDigits(sc.Read), corpus.GroupDigits(sc.Sentences))
	}
	return ""
}

func writeClaimsText(w io.Writer, docs []*corpus.Document, list *compare.ClaimsList) error {
	names := DocNames(docs)
	b := bufio.NewWriter(w)
	k := 0
	err := list.Each(func(sc compare.StoryClaims) error {
		if list.Stories > 1 || sc.Outside > 0 {
			if k > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(storyHeading(sc) + "\n")
		} else if note := readNote(sc); note != "" {
			b.WriteString("Claims " + note + "\n")
		}
		k++
		if len(sc.Claims) > 0 {
			writeClaimsLegend(b, docs, names, sc.Set)
		}
		for i, cl := range sc.Claims {
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
		if len(sc.Claims) == 0 {
			b.WriteString("no claims shared by two or more sources\n")
		}
		return nil
	})
	if err != nil {
		return err
	}
	if list.Stories == 0 {
		b.WriteString("no story has two sources or more, so there are no claims to share\n")
	}
	if alone := list.Alone; alone > 0 && list.Stories > 0 {
		fmt.Fprintf(b, "\n%d %s on their own (a story of one) have no claims to share\n", alone, corpus.Plural(alone, "document", "documents"))
	}
	return b.Flush()
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

// diffLine says, for people, which facts of a claim's sources differ.
func diffLine(names []string, d compare.FactDiff) string {
	return fmt.Sprintf("≠ %s (%s) · %s (%s)", oneLine(d.Facts[0].Text), names[d.Docs[0]], oneLine(d.Facts[1].Text), names[d.Docs[1]])
}

func writeClaimsMarkdownStories(w io.Writer, docs []*corpus.Document, list *compare.ClaimsList) error {
	b := bufio.NewWriter(w)
	k := 0
	err := list.Each(func(sc compare.StoryClaims) error {
		if list.Stories > 1 || sc.Outside > 0 {
			if k > 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(b, "# %s\n\n", mdEscape(storyHeading(sc)))
		}
		k++
		return WriteClaimsMarkdown(b, docs, sc.Claims)
	})
	if err != nil {
		return err
	}
	// Said as the text output says it, so a report is never left blank.
	if list.Stories == 0 {
		b.WriteString("No story has two sources or more, so there are no claims to share.\n")
	}
	return b.Flush()
}
