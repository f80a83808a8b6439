package export

import (
	"bufio"
	"fmt"
	"io"
	"parley/corpus"
	"parley/corpus/compare"
	"strings"
)

// WriteCompareMarkdown writes a comparison as Markdown, ready to paste into a
// report: the query and its facts, then per source its outlet, title and
// date with the file it was read from after them, the quoted statements
// with their source and place and fact marks, or that the source is
// silent.
func WriteCompareMarkdown(w io.Writer, docs []*corpus.Document, r compare.Result) error {
	return writeCompareMarkdown(w, docs, r, nil)
}

// writeCompareMarkdown is WriteCompareMarkdown with, when sc is not nil,
// a note under the heading (which documents were compared) and each
// source's copies, as the text output has them.
func writeCompareMarkdown(w io.Writer, docs []*corpus.Document, r compare.Result, sc *compare.Scope) error {
	b := bufio.NewWriter(w)
	files := DocNames(docs)
	fmt.Fprintf(b, "## Compare: %s\n\n", mdEscape(oneLine(r.Query)))
	if sc != nil {
		fmt.Fprintf(b, "*%s*\n\n", mdEscape(scopeLine(sc)))
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
	speaking, silent := compare.SpeakingOrder(r)
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
		if sc != nil {
			also := idsOf(docs, sc.AlsoIn(s.Doc))
			for k := range also {
				also[k] = "`" + mdCode(also[k]) + "`"
			}
			if len(also) > 0 {
				fmt.Fprintf(b, "Also in: %s\n\n", strings.Join(also, ", "))
			}
		}
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
				notes = append(notes, curatedTag(claimOf(r), "curated", "yours"))
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
func WriteClaimsMarkdown(w io.Writer, docs []*corpus.Document, claims []compare.Claim) error {
	b := bufio.NewWriter(w)
	files := DocNames(docs)
	b.WriteString("## Claims\n\n")
	if len(claims) == 0 {
		b.WriteString("No claims shared by two or more sources.\n")
	}
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

func againstText(f compare.FactMark) string {
	if f.Against == nil {
		return string(f.Relation)
	}
	return relationPhrase(f.Relation) + " “" + mdEscape(f.Against.Text) + "”" + noteSuffix(f.Note)
}

// mdEscape keeps document text from being read as Markdown markup.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`)

func mdEscape(s string) string { return mdEscaper.Replace(s) }
