// Package export writes what the subcommands answer, for people, scripts
// and pipes: list, show, stories and search as text or JSON, compare and
// claims as text, JSON or Markdown, and the Markdown the interface
// exports. The engines (search, compare, stories) compute; this package
// only writes.
package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
)

// ShowOptions tunes WriteShow.
type ShowOptions struct {
	JSON  bool
	Width int // wrap to this many columns; 0: one line per paragraph
}

// Column caps for the text list, so one long field cannot push the rest
// off the screen.
const (
	maxOutlet = 24
	maxAuthor = 24
	maxTitle  = 64
)

// ListOptions tunes WriteList.
type ListOptions struct {
	JSON bool
	// Cut caps the outlet, author and title columns (with "…"), for a
	// terminal; a pipe or a file gets every title whole.
	Cut bool
}

// WriteList writes one aligned line per document (id, date, outlet,
// author, title, words), or the list as JSON.
func WriteList(w io.Writer, c *corpus.Corpus, opts ListOptions) error {
	if opts.JSON {
		out := ListJSON{Documents: []DocJSON{}}
		for _, d := range c.Docs {
			out.Documents = append(out.Documents, docJSON(d))
		}
		return writeJSON(w, out)
	}
	cut := func(s string, n int) string {
		if !opts.Cut {
			return s
		}
		return fit(s, n)
	}
	rows := make([][]string, 0, len(c.Docs))
	for _, d := range c.Docs {
		date := d.Published
		if date == "" {
			date = "-"
		}
		rows = append(rows, []string{
			d.ID, date, orDash(cut(d.Outlet, maxOutlet)), orDash(cut(d.Author, maxAuthor)),
			cut(d.Title, maxTitle), strconv.Itoa(d.Words),
		})
	}
	widths := make([]int, 6)
	for _, r := range rows {
		for i, f := range r {
			widths[i] = max(widths[i], ansi.StringWidth(f))
		}
	}
	bw := bufio.NewWriter(w)
	for _, r := range rows {
		for i, f := range r {
			switch {
			case i == len(r)-1: // words, right-aligned
				bw.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(f)) + f)
			default:
				bw.WriteString(f + strings.Repeat(" ", widths[i]-ansi.StringWidth(f)) + "  ")
			}
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// fit shortens s to at most n columns, marking the cut with "…".
func fit(s string, n int) string {
	if ansi.StringWidth(s) <= n {
		return s
	}
	return ansi.Truncate(s, n, "…")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// WriteShow writes one document as reflowed text or JSON. Text output has
// a header (title, subtitle, byline), the body with headings marked "## ",
// list items "- ", captions "[caption] " and quotes "> ", then the front
// and back matter and any loading notes under their own rules.
func WriteShow(w io.Writer, d *corpus.Document, opts ShowOptions) error {
	if opts.JSON {
		return writeJSON(w, Show(d))
	}
	bw := bufio.NewWriter(w)
	started := false
	// Paragraphs are separated by a blank line; the text ends with the
	// last paragraph's line end, not a blank line.
	para := func(prefix, indent, text string) {
		if started {
			bw.WriteByte('\n')
		}
		started = true
		bw.WriteString(reflow(prefix+text, indent, opts.Width))
		bw.WriteByte('\n')
	}
	para("", "", d.Title)
	if d.Subtitle != "" {
		para("", "", d.Subtitle)
	}
	if line := byline(d); line != "" {
		para("", "", line)
	}
	if d.URL != "" {
		para("", "", d.URL)
	}
	for _, s := range d.Sections {
		if s.Heading != "" {
			marks := strings.Repeat("#", min(max(s.Level, 1), 5)+1) + " "
			para(marks, strings.Repeat(" ", len(marks)), s.Heading)
		}
		for _, b := range s.Blocks {
			switch b.Kind {
			case corpus.ListItem:
				para("- ", "  ", b.Text)
			case corpus.Caption:
				para("[caption] ", "  ", b.Text)
			case corpus.Quote:
				para("> ", "> ", b.Text)
			case corpus.Table, corpus.Preformatted:
				// Lines kept as they are, never reflowed.
				if started {
					bw.WriteByte('\n')
				}
				started = true
				bw.WriteString(b.Text)
				bw.WriteByte('\n')
			default:
				para("", "", b.Text)
			}
		}
	}
	for _, kind := range []string{"front", "back"} {
		first := true
		for _, m := range d.Matter {
			if m.Kind != kind {
				continue
			}
			if first {
				para("", "", "-- "+kind+" matter --")
				first = false
			}
			para("", "", m.Text)
		}
	}
	if len(d.Notes) > 0 {
		para("", "", "-- notes --")
		for _, n := range d.Notes {
			para("", "", n)
		}
	}
	return bw.Flush()
}

// byline is "Author · Outlet · 2026-04-18 · kind", with the fields the
// document has, and which of them are editorial.
func byline(d *corpus.Document) string {
	var parts []string
	for _, f := range []string{d.Author, d.Outlet, d.Published, d.Kind} {
		if f != "" {
			parts = append(parts, f)
		}
	}
	line := strings.Join(parts, " · ")
	if len(d.Editorial) > 0 {
		line += fmt.Sprintf(" (editorial: %s)", strings.Join(d.Editorial, ", "))
	}
	return line
}

// reflow wraps text to width columns (grapheme-aware, breaking words that
// are too long, as CJK runs are), indenting continuation lines. Width 0
// leaves the paragraph on one line.
func reflow(text, indent string, width int) string {
	if width <= 0 {
		return text
	}
	inner := max(width-ansi.StringWidth(indent), 10)
	lines := strings.Split(ansi.Wrap(text, inner, ""), "\n")
	for i := 1; i < len(lines); i++ {
		lines[i] = indent + lines[i]
	}
	return strings.Join(lines, "\n")
}
