package corpus

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"parley/corpus/formats"
)

// parseExtracted builds a Document from what a format reader found in a
// web page, PDF or EPUB. Every string passes the same hygiene as a text
// file. Plain text (from a PDF) goes through the text parser, and the
// file's own metadata fills what the text's header does not state;
// blocks (web pages, EPUB) become sections directly.
func parseExtracted(name string, x *formats.Doc) *Document {
	c := &pieceCleaner{}
	var d *Document
	if x.Blocks == nil {
		d = parseText(name, c.text(x.Text))
		byName := d.Title
		if x.Title != "" && dropNote(d, noTitleNote) {
			d.Title = "" // the file name stood in; the file's own title is better
		}
		fillMissing(d, x, c)
		if d.Title == "" {
			d.Title = byName
			d.Notes = append(d.Notes, noTitleNote)
		}
		d.Author = strings.Join(d.Authors, ", ")
	} else {
		d = &Document{File: CleanLine(baseName(name)), Path: name}
		fillMissing(d, x, c)
		p := &parser{d: d}
		p.extractedBody(x, c)
		p.finish()
	}
	d.Notes = append(append(c.notes(), cleanAll(x.Notes)...), d.Notes...)
	return d
}

// dropNote removes a note and reports whether the document had it.
func dropNote(d *Document, note string) bool {
	for i, n := range d.Notes {
		if n == note {
			d.Notes = append(d.Notes[:i:i], d.Notes[i+1:]...)
			return true
		}
	}
	return false
}

// fillMissing sets the metadata fields the document has no value for
// from what the file states.
func fillMissing(d *Document, x *formats.Doc, c *pieceCleaner) {
	set := func(field *string, v string) {
		if *field == "" {
			*field = c.line(v)
		}
	}
	set(&d.Title, x.Title)
	set(&d.Subtitle, x.Subtitle)
	set(&d.Outlet, x.Outlet)
	set(&d.URL, x.URL)
	if d.Published == "" {
		d.Published = isoPublished(c.line(x.Published))
	}
	if len(d.Authors) == 0 {
		for _, a := range x.Authors {
			if a = c.line(a); a != "" {
				d.Authors = append(d.Authors, a)
			}
		}
	}
	for _, m := range x.Matter {
		if m = c.line(m); m != "" {
			d.Matter = append(d.Matter, Matter{Kind: "front", Text: m})
		}
	}
}

// isoPublished reads a stated date: ISO (2026-04-13T16:52:00+05:00, as
// JSON-LD and Open Graph write it) or any form parseDate knows.
func isoPublished(s string) string {
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if d := parseDate(s[:10]); d != "" {
			return d
		}
	}
	return parseDate(s)
}

// extractedBody turns blocks into sections. Lines around the article
// (the headline again, the standfirst, a byline, a dateline, share bars)
// become matter or are dropped, as the text parser does for text.
func (p *parser) extractedBody(x *formats.Doc, c *pieceCleaner) {
	d := p.d
	sec := Section{}
	flush := func(heading string, level int) {
		if sec.Heading != "" || len(sec.Blocks) > 0 {
			d.Sections = append(d.Sections, sec)
		}
		sec = Section{Heading: heading, Level: level}
	}
	top := topHeadingLevel(x, d.Title)
	for _, xb := range x.Blocks {
		if xb.Kind == formats.Table {
			sec.Blocks = append(sec.Blocks, tableBlock(c.rows(xb.Rows)))
			p.bodySeen = true
			continue
		}
		if xb.Kind == formats.Pre {
			if t := strings.Trim(c.text(xb.Text), "\n"); strings.TrimSpace(t) != "" {
				sec.Blocks = append(sec.Blocks, Block{Kind: Preformatted, Text: t})
				p.bodySeen = true
			}
			continue
		}
		s := c.line(xb.Text)
		if s == "" || p.aroundArticle(s, xb.Kind) {
			continue
		}
		if xb.Kind == formats.Heading {
			if len(sec.Blocks) == 0 && sec.Heading == "" && strings.EqualFold(s, d.Title) {
				continue
			}
			flush(s, max(xb.Level-top+1, 1))
			continue
		}
		b := Block{Kind: Paragraph, Text: s}
		switch xb.Kind {
		case formats.ListItem:
			b.Kind = ListItem
		case formats.Quote:
			b.Kind = Quote
		case formats.Caption:
			b.Kind = Caption
		}
		p.bodySeen = true
		sec.Blocks = append(sec.Blocks, b)
	}
	flush("", 0)
}

// topHeadingLevel is the level of the highest heading other than the
// title: it becomes level 1 (a web page's <h2> under its <h1> headline,
// an EPUB chapter's <h1>).
func topHeadingLevel(x *formats.Doc, title string) int {
	top := 0
	for _, b := range x.Blocks {
		if b.Kind == formats.Heading && (top == 0 || b.Level < top) && !strings.EqualFold(strings.Join(strings.Fields(b.Text), " "), title) {
			top = b.Level
		}
	}
	return max(top, 1)
}

// aroundArticle files or drops a line that is about the article rather
// than of it, and reports whether it did.
func (p *parser) aroundArticle(s string, kind formats.Kind) bool {
	d := p.d
	if kind == formats.Caption || kind == formats.Quote {
		return false
	}
	if !p.bodySeen && (strings.EqualFold(s, d.Title) || strings.EqualFold(s, d.Subtitle)) {
		return true
	}
	if webClutter(s) {
		return true
	}
	if kind != formats.Paragraph || wordCount(s) > 40 {
		return false
	}
	switch {
	case !p.bodySeen && bylineAuthors(s) != nil:
		if len(d.Authors) == 0 {
			d.Authors = bylineAuthors(s)
		}
	case dateOnly(s) || datelineDate(s) != "":
		if d.Published == "" {
			d.Published = parseDate(s)
		}
	case isMatterLine(s) || agencyCredit(s):
	default:
		return false
	}
	p.addMatter(s)
	return true
}

// tableBlock lays a table's rows out in aligned columns.
func tableBlock(rows [][]string) Block {
	var widths []int
	for _, r := range rows {
		for i, cell := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], cellWidth(cell))
		}
	}
	var b strings.Builder
	for ri, r := range rows {
		if ri > 0 {
			b.WriteByte('\n')
		}
		for i, cell := range r {
			if i > 0 {
				b.WriteString(" │ ")
			}
			b.WriteString(cell)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-cellWidth(cell)))
			}
		}
	}
	return Block{Kind: Table, Text: b.String(), Rows: rows}
}

// pieceCleaner applies the text hygiene to the strings a format reader
// returns, and counts what it changed for one set of notes.
type pieceCleaner struct {
	st cleanStats
}

func (c *pieceCleaner) text(s string) string {
	out, st := cleanUTF8([]byte(s))
	c.st.invalid += st.invalid
	c.st.controls += st.controls
	c.st.hidden += st.hidden
	if st.nonASCII && !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// line cleans s and makes it one line with single spaces.
func (c *pieceCleaner) line(s string) string {
	return strings.Join(strings.Fields(c.text(s)), " ")
}

func (c *pieceCleaner) rows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = make([]string, len(r))
		for j, cell := range r {
			out[i][j] = c.line(cell)
		}
	}
	return out
}

func (c *pieceCleaner) notes() []string { return c.st.notes() }

func cleanAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, CleanLine(s))
	}
	return out
}
