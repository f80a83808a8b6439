package compare

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"parley/corpus"
)

// WriteMarkdown writes a comparison as Markdown, ready to paste into a
// report: the query and its facts, then per source its outlet, title and
// date with the file it was read from after them, the quoted statements
// with their source and place and fact marks, or that the source is
// silent.
func WriteMarkdown(w io.Writer, docs []*corpus.Document, r Result) error {
	return writeMarkdown(w, docs, r, "")
}

// writeMarkdown is WriteMarkdown with a note under the heading (which
// documents were compared), when not empty.
func writeMarkdown(w io.Writer, docs []*corpus.Document, r Result, note string) error {
	b := bufio.NewWriter(w)
	files := DocNames(docs)
	fmt.Fprintf(b, "## Compare: %s\n\n", mdEscape(oneLine(r.Query)))
	if note != "" {
		fmt.Fprintf(b, "*%s*\n\n", mdEscape(note))
	}
	if r.Claim != nil {
		fmt.Fprintf(b, "%s: **%s**\n\n", claimKind(*r.Claim), mdEscape(r.Claim.Label))
	}
	if len(r.QueryFacts) > 0 {
		var fs []string
		for _, f := range r.QueryFacts {
			fs = append(fs, fmt.Sprintf("%s (%s)", mdEscape(f.Text), f.Kind))
		}
		fmt.Fprintf(b, "Facts in the query: %s\n\n", strings.Join(fs, "; "))
	}
	// The same order as the view and the text output: the origin, the
	// sources that speak, best first, then one section for the silent.
	speaking, silent := SpeakingOrder(r)
	for _, i := range speaking {
		s := r.Sources[i]
		if s.Doc < 0 || s.Doc >= len(docs) {
			continue
		}
		d := docs[s.Doc]
		origin := ""
		if s.Origin {
			origin = " *(origin)*"
		}
		fmt.Fprintf(b, "### %s%s\n\n", sourceName(d), origin)
		fmt.Fprintf(b, "File: `%s`\n\n", mdCode(files[s.Doc]))
		if s.Silent || len(s.Matches) == 0 {
			b.WriteString("*Silent: says nothing on this point.*\n\n")
			continue
		}
		for _, m := range s.Matches {
			fmt.Fprintf(b, "> %s\n\n", mdEscape(oneLine(m.Text)))
			var notes []string
			// The source again, so that a quote pasted on its own still
			// says who made it.
			notes = append(notes, fmt.Sprintf("%s, block %d, sentence %d", shortName(d), m.Loc.Block, m.Loc.Sentence))
			if m.Curated {
				notes = append(notes, curatedTag(r.curatedClaim(), "curated", "yours"))
			} else {
				notes = append(notes, fmt.Sprintf("score %.2f", m.Score))
			}
			fmt.Fprintf(b, "— %s\n", strings.Join(notes, " · "))
			for _, f := range markedFacts(m.Facts) {
				fmt.Fprintf(b, "- %s **%s** — %s\n", factMark(f.Relation), mdEscape(f.Text), againstText(f))
			}
			b.WriteString("\n")
		}
	}
	if len(silent) > 0 {
		fmt.Fprintf(b, "### Silent on this point (%d %s)\n\n", len(silent), corpus.Plural(len(silent), "source", "sources"))
		for _, i := range silent[:min(len(silent), maxSilentNames)] {
			if d := r.Sources[i].Doc; d >= 0 && d < len(docs) {
				fmt.Fprintf(b, "- %s (`%s`)\n", sourceName(docs[d]), mdCode(files[d]))
			}
		}
		if more := len(silent) - maxSilentNames; more > 0 {
			fmt.Fprintf(b, "- and %d more\n", more)
		}
		b.WriteString("\n")
	}
	return b.Flush()
}

// WriteClaimsMarkdown writes the claims as Markdown: per claim its label,
// a coverage row and each source's statements.
func WriteClaimsMarkdown(w io.Writer, docs []*corpus.Document, claims []Claim) error {
	b := bufio.NewWriter(w)
	files := DocNames(docs)
	b.WriteString("## Claims\n\n")
	for i, c := range claims {
		fmt.Fprintf(b, "### %d. %s%s\n\n", i+1, mdEscape(c.Label), curatedTag(c, " *(curated)*", " *(yours)*"))
		if ShowsMarks(len(c.Coverage)) {
			fmt.Fprintf(b, "Coverage: %s (%d of %d sources)\n\n", coverageRow(c), c.Covered(), len(c.Coverage))
		} else {
			fmt.Fprintf(b, "Coverage: %d of %d sources\n\n", c.Covered(), len(c.Coverage))
		}
		for _, s := range c.Sources {
			if len(s.Statements) == 0 || s.Doc < 0 || s.Doc >= len(docs) {
				continue
			}
			fmt.Fprintf(b, "**%s** (`%s`)\n\n", sourceName(docs[s.Doc]), mdCode(files[s.Doc]))
			for _, st := range s.Statements {
				fmt.Fprintf(b, "> %s\n\n", mdEscape(oneLine(st.Text)))
			}
		}
		for _, d := range c.Differs {
			fmt.Fprintf(b, "- ≠ %s (`%s`) · %s (`%s`)\n", mdEscape(oneLine(d.Facts[0].Text)), mdCode(files[d.Docs[0]]), mdEscape(oneLine(d.Facts[1].Text)), mdCode(files[d.Docs[1]]))
		}
		if c.Disagrees() {
			b.WriteString("\n")
		}
	}
	return b.Flush()
}

// sourceName names a source as a report cites it: the outlet, the title
// in quotes and the date, as far as they are known. The file it was read
// from is written after it, apart, since a file name like
// 002_9690ed19ebd18b97.txt means nothing to a reader of the report; it
// stands in only when the text has neither outlet nor title.
func sourceName(d *corpus.Document) string {
	var parts []string
	if d.Outlet != "" {
		parts = append(parts, mdEscape(oneLine(d.Outlet)))
	}
	if d.Title != "" {
		parts = append(parts, "“"+mdEscape(oneLine(d.Title))+"”")
	}
	if len(parts) == 0 {
		parts = append(parts, "`"+mdCode(d.File)+"`")
	}
	name := strings.Join(parts, " — ")
	if d.Published != "" {
		name += ", " + d.Published
	}
	return name
}

// sourceLink is " <URL>" for a source whose text or page states where it
// was published (a Markdown autolink), "" otherwise or when the URL
// cannot stand in one.
func sourceLink(d *corpus.Document) string {
	u := d.URL
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") || strings.ContainsAny(u, " <>`\n") {
		return ""
	}
	return " <" + u + ">"
}

// shortName is the outlet, or else the title, or else the file: enough
// to say who made a quote.
func shortName(d *corpus.Document) string {
	switch {
	case d.Outlet != "":
		return mdEscape(oneLine(d.Outlet))
	case d.Title != "":
		return "“" + mdEscape(oneLine(d.Title)) + "”"
	}
	return "`" + mdCode(d.File) + "`"
}

// mdCode keeps a file name inside a code span: a backtick would end it,
// and a line break would break the line.
func mdCode(s string) string { return strings.ReplaceAll(oneLine(s), "`", "'") }

// factMark is a relation's glyph, the one the interface and the README
// use: ✓ same, ≈ compatible, ≠ different.
func factMark(r Relation) string {
	switch r {
	case Same:
		return "✓"
	case Compatible:
		return "≈"
	case Different:
		return "≠"
	}
	return "·"
}

func againstText(f FactMark) string {
	if f.Against == nil {
		return string(f.Relation)
	}
	return relationPhrase(f.Relation) + " “" + mdEscape(f.Against.Text) + "”" + noteSuffix(f.Note)
}

// noteSuffix appends a fact mark's note, when it has one.
func noteSuffix(note string) string {
	if note == "" {
		return ""
	}
	return " (" + note + ")"
}

func relationPhrase(r Relation) string {
	switch r {
	case Same:
		return "same as"
	case Compatible:
		return "compatible with"
	case Different:
		return "different from"
	}
	return string(r)
}

// markedFacts are the facts with a relation to the query, each text and
// relation once.
func markedFacts(fs []FactMark) []FactMark {
	var out []FactMark
	seen := map[string]bool{}
	for _, f := range fs {
		k := string(f.Relation) + "\x00" + f.Text
		if f.Relation == None || f.Against == nil || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// MaxCoverageMarks is the most sources a coverage row draws one mark each
// for: twelve marks still leave an 80-column row room for the label;
// beyond that the row is a count ("3/2226"), which is all a reader can
// take in from so many marks anyway.
const MaxCoverageMarks = 12

// ShowsMarks says whether a coverage row of n sources draws marks.
func ShowsMarks(n int) bool { return n <= MaxCoverageMarks }

// CoverageText is a claim's coverage row: one filled or hollow mark per
// source, or "covered/sources" when there are too many sources for marks.
func CoverageText(coverage []bool) string {
	if !ShowsMarks(len(coverage)) {
		n := 0
		for _, ok := range coverage {
			if ok {
				n++
			}
		}
		return fmt.Sprintf("%d/%d", n, len(coverage))
	}
	var b strings.Builder
	for _, ok := range coverage {
		if ok {
			b.WriteString("●")
		} else {
			b.WriteString("○")
		}
	}
	return b.String()
}

func coverageRow(c Claim) string { return CoverageText(c.Coverage) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// mdEscape keeps document text from being read as Markdown markup.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`)

func mdEscape(s string) string { return mdEscaper.Replace(s) }
