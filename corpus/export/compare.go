package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"parley/corpus"
	"parley/corpus/compare"
	"path"
	"strings"
)

// CompareOptions are the flags of parley compare and parley claims: the
// output format, and what to compare with (compare.CommandOptions).
type CompareOptions struct {
	JSON     bool
	Markdown bool
	compare.CommandOptions
}

// Check refuses two output formats at once.
func (o CompareOptions) Check() error {
	if o.JSON && o.Markdown {
		return errors.New("--json and --markdown are two output formats; choose one")
	}
	return nil
}

// RunCompare compares text with its comparison set in c (see
// compare.CompareCommand) and writes the answer as text, JSON or
// Markdown. The output says which set was used.
func RunCompare(w io.Writer, c *corpus.Corpus, text string, opts CompareOptions) error {
	r, sc, err := compare.CompareCommand(c, text, opts.CommandOptions)
	if err != nil {
		return err
	}
	switch {
	case opts.JSON:
		return writeCompareJSON(w, c.Docs, r, sc)
	case opts.Markdown:
		return writeCompareMarkdown(w, c.Docs, r, sc)
	}
	return writeCompareText(w, c.Docs, r, sc)
}

// writeCompareText is the terminal form: the sources that speak, the
// origin first and then the best match first, each with its statements,
// location, score, shared terms and fact marks; then one line for the
// silent sources, which on a large folder are most of them.
func writeCompareText(w io.Writer, docs []*corpus.Document, r compare.Result, sc *compare.Scope) error {
	speaking, silent := compare.SpeakingOrder(r)
	shown := make([]int, 0, len(speaking)+maxSilentNames)
	for _, i := range speaking {
		shown = append(shown, r.Sources[i].Doc)
	}
	for _, i := range silent[:min(len(silent), maxSilentNames)] {
		shown = append(shown, r.Sources[i].Doc)
	}
	names := docNamesOf(docs, shown)
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "Compare: %s\n", oneLine(r.Query))
	fmt.Fprintf(b, "%s\n", scopeLine(sc))
	if r.Claim != nil {
		fmt.Fprintf(b, "%s: %s\n", claimKind(*r.Claim), r.Claim.Label)
	}
	for _, f := range r.QueryFacts {
		fmt.Fprintf(b, "  fact: %s (%s)\n", f.Text, f.Kind)
	}
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
				tag = curatedTag(claimOf(r), "curated", "yours")
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

// docNamesOf is DocNames of the documents shown only (indexes into
// docs): a compare at forty times the BBC folder names a few of 89,040
// documents, and naming them all (a map of every file name, a new string
// for each) was 4% of a second compare's CPU.
func docNamesOf(docs []*corpus.Document, shown []int) map[int]string {
	count := make(map[string]int, len(shown))
	for _, i := range shown {
		count[docs[i].File] = 0
	}
	left := len(count) // file names not yet seen twice
	for _, d := range docs {
		if n, ok := count[d.File]; ok {
			if count[d.File] = n + 1; n+1 == 2 {
				if left--; left == 0 {
					break // all shared: counting further changes nothing
				}
			}
		}
	}
	names := make(map[int]string, len(shown))
	for _, i := range shown {
		d := docs[i]
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

// scopeLine says which documents were compared, and how many more
// --all would add.
func scopeLine(sc *compare.Scope) string {
	r := sc.Grouping()
	var line string
	switch sc.Kind {
	case compare.ScopeAll:
		line = fmt.Sprintf("Compared with every document (%d %s)", len(sc.Set), corpus.Plural(len(sc.Set), "source", "sources"))
		if c := len(r.DuplicateOf); c > 0 {
			line += fmt.Sprintf("; %d %s shown once", c, corpus.Plural(c, "copy", "copies"))
		}
		return line
	case compare.ScopeTagged:
		line = fmt.Sprintf("Compared within the tagged documents (%d %s)", len(sc.Set), corpus.Plural(len(sc.Set), "source", "sources"))
	case compare.ScopePicked:
		var names []string
		for _, st := range sc.Stories {
			s := r.Stories[st]
			names = append(names, fmt.Sprintf("%s [%s] (%d)", corpus.CleanLine(s.Label), corpus.CleanLine(s.ID), len(s.Docs)))
		}
		line = fmt.Sprintf("Compared within the %s that %s to it: %s", corpus.Plural(len(names), "story", "stories"),
			corpus.Plural(len(names), "speaks", "speak"), strings.Join(names, "; "))
	default:
		s := r.Stories[sc.Stories[0]]
		line = fmt.Sprintf("Compared within the story %s [%s] (%d %s)", corpus.CleanLine(s.Label), corpus.CleanLine(s.ID),
			len(sc.Set), corpus.Plural(len(sc.Set), "source", "sources"))
	}
	if sc.Outside > 0 {
		line += fmt.Sprintf("; --all adds %d more", sc.Outside)
	}
	return line
}

// idsOf is the documents' ids, cleaned for the terminal.
func idsOf(docs []*corpus.Document, idx []int) []string {
	var out []string
	for _, i := range idx {
		out = append(out, corpus.CleanLine(docs[i].ID))
	}
	return out
}

// curatedTag is shipped or user for a curated claim, "" for another.
func curatedTag(c compare.Claim, shipped, user string) string {
	switch {
	case !c.Curated:
		return ""
	case c.Origin == compare.OriginUser:
		return user
	}
	return shipped
}

// claimOf is the claim a result's curated matches belong to.
func claimOf(r compare.Result) compare.Claim {
	if r.Claim != nil {
		return *r.Claim
	}
	return compare.Claim{Curated: true}
}

// claimKind names a result's claim: the user's or a shipped curated one.
func claimKind(c compare.Claim) string {
	if c.Origin == compare.OriginUser {
		return "Your claim"
	}
	return "Curated claim"
}

// factMark is a relation's glyph, the one the interface and the README
// use: ✓ same, ≈ compatible, ≠ different.
func factMark(r compare.Relation) string {
	switch r {
	case compare.Same:
		return "✓"
	case compare.Compatible:
		return "≈"
	case compare.Different:
		return "≠"
	}
	return "·"
}

func relationPhrase(r compare.Relation) string {
	switch r {
	case compare.Same:
		return "same as"
	case compare.Compatible:
		return "compatible with"
	case compare.Different:
		return "different from"
	}
	return string(r)
}

// noteSuffix appends a fact mark's note, when it has one.
func noteSuffix(note string) string {
	if note == "" {
		return ""
	}
	return " (" + note + ")"
}

// markedFacts are the facts with a relation to the query, each text and
// relation once.
func markedFacts(fs []compare.FactMark) []compare.FactMark {
	var out []compare.FactMark
	seen := map[string]bool{}
	for _, f := range fs {
		k := string(f.Relation) + "\x00" + f.Text
		if f.Relation == compare.None || f.Against == nil || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
