package export

import (
	"bufio"
	"fmt"
	"io"
	"parley/corpus"
	"parley/corpus/compare"
	"strings"
)

// WriteCoverageMarkdown writes the claims as a coverage table, ready to
// paste into a report: one row per claim, one column per source (set:
// the corpus indexes into docs of the sources, in the order of the
// claims' Coverage; nil for every document), each cell ● (the source makes
// the claim), ○ (it does not) or ≠ (it makes it and states one of its
// facts differently from another source), then the first such
// difference spelled out. Beyond MaxCoverageMarks sources a column each
// would be unreadable: a row then counts the sources and names them.
func WriteCoverageMarkdown(w io.Writer, docs []*corpus.Document, set []int, claims []compare.Claim) error {
	if set == nil {
		set = make([]int, len(docs))
		for i := range set {
			set[i] = i
		}
	}
	b := bufio.NewWriter(w)
	files := DocNames(docs)
	b.WriteString("## Claims: coverage\n\n")
	marks := ShowsMarks(len(set))
	if marks {
		b.WriteString("● makes the claim · ○ does not · ≠ makes it and states a fact of it differently from another source\n\n")
		b.WriteString("| # | Claim | Kind |")
		for i, di := range set {
			fmt.Fprintf(b, " %d %s |", i+1, shortName(docs[di]))
		}
		b.WriteString(" Differs |\n|---|---|---|" + strings.Repeat("---|", len(set)) + "---|\n")
	} else {
		b.WriteString("| # | Claim | Kind | Sources | Made by | Differs |\n|---|---|---|---|---|---|\n")
	}
	for i, c := range claims {
		kind := curatedTag(c, "curated", "yours")
		if kind == "" {
			kind = "found"
		}
		fmt.Fprintf(b, "| %d | %s | %s |", i+1, mdEscape(oneLine(c.Label)), kind)
		if marks {
			for _, cell := range coverageCells(c, set) {
				fmt.Fprintf(b, " %s |", cell)
			}
		} else {
			var names []string
			for i, ok := range c.Coverage {
				if ok && i < len(set) {
					names = append(names, shortName(docs[set[i]]))
				}
			}
			fmt.Fprintf(b, " %d/%d | %s |", c.Covered(), len(c.Coverage), strings.Join(names, ", "))
		}
		fmt.Fprintf(b, " %s |\n", differsCell(docs, c))
	}
	if marks {
		b.WriteString("\nSources:\n\n")
		for i, di := range set {
			fmt.Fprintf(b, "%d. %s (`%s`)%s\n", i+1, sourceName(docs[di]), mdCode(files[di]), sourceLink(docs[di]))
		}
	}
	return b.Flush()
}

// coverageCells is a claim's row of marks: ≠ for a source that is part of
// one of its differences (which name corpus indexes), else ● or ○.
func coverageCells(c compare.Claim, set []int) []string {
	differs := map[int]bool{}
	for _, d := range c.Differs {
		differs[d.Docs[0]], differs[d.Docs[1]] = true, true
	}
	cells := make([]string, len(c.Coverage))
	for i, ok := range c.Coverage {
		switch {
		case ok && i < len(set) && differs[set[i]]:
			cells[i] = "≠"
		case ok:
			cells[i] = "●"
		default:
			cells[i] = "○"
		}
	}
	return cells
}

// differsCell spells out a claim's first difference ("rki.news: 909 km ≠
// RCAS: 900 km"), with a count of the others.
func differsCell(docs []*corpus.Document, c compare.Claim) string {
	if len(c.Differs) == 0 {
		return ""
	}
	d := c.Differs[0]
	name := func(i int) string {
		if i >= 0 && i < len(docs) {
			return shortName(docs[i])
		}
		return "?"
	}
	s := fmt.Sprintf("%s: %s ≠ %s: %s", name(d.Docs[0]), mdEscape(oneLine(d.Facts[0].Text)), name(d.Docs[1]), mdEscape(oneLine(d.Facts[1].Text)))
	if more := len(c.Differs) - 1; more > 0 {
		s += fmt.Sprintf(" (and %d more)", more)
	}
	return s
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

func coverageRow(c compare.Claim) string { return CoverageText(c.Coverage) }
