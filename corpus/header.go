package corpus

import (
	"strings"
)

// The header is the run of short lines before the body: letterhead,
// title, subtitle, byline, date, outlet and publication data. header
// reads what it can into the document's metadata, files the rest as
// front matter, and leaves p.i at the first source line of the body.
func (p *parser) header() {
	i := 0
	if by := p.findByline(); by > 0 && p.d.Title == "" {
		i = p.titleBefore(by)
	}
	sawAuthor := false // a byline or author line was read from the text
	for ; i < len(p.srcLines); i++ {
		if p.texts[i] == "" {
			continue
		}
		next, more := p.headerLine(i, &sawAuthor)
		if !more {
			break
		}
		i = next
	}
	p.i = i
}

// headerLine reads source line i of the header. It returns the last
// line it read (a title may take the next one too), and false when line
// i is not the header's but the body's first.
func (p *parser) headerLine(i int, sawAuthor *bool) (int, bool) {
	u, s := p.srcLines[i], p.texts[i]
	if p.d.Title != "" && aboutHeading(s) {
		return i, false
	}
	if u.kind == uMDHeading {
		return i, p.headerHeading(u, s)
	}
	if u.kind == uMarked && p.d.Title == "" {
		p.addMatter(s) // a caption or a logo above the title
		return i, true
	}
	if u.kind != uPlain || p.bodyish(s) {
		return i, false
	}
	if p.metadataLine(i, s, sawAuthor) {
		return i, true
	}
	return p.titleLine(i, s, sawAuthor)
}

// headerHeading takes a markdown heading in the header: the first level
// one is the title, one that repeats the title is passed over; any other
// starts the body (false).
func (p *parser) headerHeading(u srcLine, s string) bool {
	if p.d.Title == "" && u.level == 1 {
		p.d.Title = s
		return true
	}
	return strings.EqualFold(s, p.d.Title)
}

// metadataLine reads a line of publication data (matter, a date, web
// clutter, a byline, an outlet) into the metadata and the front matter,
// and reports whether s was one.
func (p *parser) metadataLine(i int, s string, sawAuthor *bool) bool {
	d := p.d
	switch {
	case isMatterLine(s):
		p.headerMatter(s)
		return true
	case dateOnly(s) || datelineDate(s) != "":
		if d.Published == "" {
			d.Published = parseDate(s)
		}
		p.addMatter(s)
		return true
	case webClutter(s) || agencyCredit(s):
		p.addMatter(s)
		return true
	}
	if names := bylineAuthors(s); names != nil {
		if len(d.Authors) == 0 {
			d.Authors = names
		}
		*sawAuthor = true
		p.addMatter(s)
		return true
	}
	if outlet, kind := outletLabel(s); outlet != "" {
		p.setOutlet(outlet)
		p.setKind(kind)
		p.addMatter(s)
		return true
	}
	if outlet := domainOutlet(s); outlet != "" {
		p.setOutlet(outlet)
		p.addMatter(s)
		return true
	}
	// "BBC News" above a copied headline: the outlet, unless it is
	// all the header there is.
	if knownOutlet(s) && (d.Title != "" || i+1 < len(p.srcLines) && titleCandidate(p.texts[i+1]) && !p.bodyish(p.texts[i+1])) {
		p.setOutlet(s)
		p.addMatter(s)
		return true
	}
	return false
}

// titleLine reads the title, an author named on a line of their own,
// the author's affiliation or the standfirst; anything else starts the
// body (false). It returns the last line read.
func (p *parser) titleLine(i int, s string, sawAuthor *bool) (int, bool) {
	d := p.d
	switch {
	case d.Title == "":
		if !titleCandidate(s) {
			return i, false
		}
		d.Title = s
		return p.colonTitle(i), true
	case !*sawAuthor && len(d.Authors) == 0 && nameLike(s) && p.affiliationFollows(i):
		d.Authors = []string{s}
		*sawAuthor = true
	case *sawAuthor && !endsSentence(s) && (wordCount(s) <= 25 && !headingLike(s) || isOrgLine(s)):
		p.addMatter(s) // the author's affiliation
	case d.Subtitle == "" && !*sawAuthor && headingLike(s) && wordCount(s) >= 5 && i+1 < len(p.srcLines):
		// A standfirst, not a first section heading such as "Background":
		// section headings that short are common, subtitles are not.
		d.Subtitle = s
	default:
		return i, false
	}
	return i, true
}

// bodyish reports a source line that is surely body text: long, or a full
// sentence of some length.
func (p *parser) bodyish(s string) bool {
	n := wordCount(s)
	return n >= 30 || n >= 12 && endsSentence(s) && !isMatterLine(s)
}

// findByline returns the index of a "By ..." line among the first short
// source lines, or -1.
func (p *parser) findByline() int {
	for k := 0; k < len(p.srcLines) && k < 16; k++ {
		s := p.texts[k]
		if p.srcLines[k].kind != uPlain || len(s) > 300 || wordCount(s) >= 30 {
			return -1
		}
		if bylineAuthors(s) != nil {
			return k
		}
	}
	return -1
}

// titleBefore sets the title from the source lines just before the byline at by
// (skipping dates and publication data between them), files everything
// above the title as front matter (a letterhead, whose organisation
// becomes the outlet) and returns the index where header reading resumes.
func (p *parser) titleBefore(by int) int {
	t := by - 1
	for t >= 0 && (isMatterLine(p.texts[t]) || dateOnly(p.texts[t]) || datelineDate(p.texts[t]) != "" || webClutter(p.texts[t])) {
		t--
	}
	if t < 0 || !titleCandidate(p.texts[t]) {
		return 0
	}
	start := t
	if t > 0 && strings.HasSuffix(p.texts[t-1], ":") && titleCandidate(p.texts[t-1]) {
		start = t - 1
	}
	outlet := ""
	for k := 0; k < start; k++ {
		s := p.texts[k]
		if knownOutlet(s) || hasLatin(s) && isOrgLine(s) && datelineDate(s) == "" && !webClutter(s) && !knownOutlet(outlet) {
			outlet = s
		}
		if date := datelineDate(s); date != "" && p.d.Published == "" {
			p.d.Published = date
		}
		p.addMatter(s)
	}
	if outlet != "" {
		p.setOutlet(outlet)
	}
	p.d.Title = strings.Join(p.texts[start:t+1], " ")
	return t + 1
}

// colonTitle joins a title ending in ":" with the line that completes it
// ("Pakistan's Diplomatic Moment:" / "The Islamabad Peace Process ...").
func (p *parser) colonTitle(i int) int {
	if !strings.HasSuffix(p.d.Title, ":") || i+1 >= len(p.srcLines) {
		return i
	}
	next := p.texts[i+1]
	if p.srcLines[i+1].kind == uPlain && headingLike(next) && !isMatterLine(next) && bylineAuthors(next) == nil {
		p.d.Title += " " + next
		return i + 1
	}
	return i
}

// affiliationFollows reports whether the source line after i reads as what
// follows a bare author name: an affiliation, a date or publication data.
func (p *parser) affiliationFollows(i int) bool {
	if i+1 >= len(p.srcLines) {
		return false
	}
	next := p.texts[i+1]
	return dateOnly(next) || isMatterLine(next) || wordCount(next) <= 25 && isOrgLine(next)
}

// headerMatter files a publication-data line, reading a date or a kind
// from it on the way.
func (p *parser) headerMatter(s string) {
	ls := lowerPrefix(s, 16)
	// A "Published" date wins over other dates (such as "Document Date").
	if date := parseDate(s); date != "" && (p.d.Published == "" || strings.HasPrefix(ls, "published")) {
		p.d.Published = date
	}
	if strings.HasPrefix(ls, "category") || strings.HasPrefix(ls, "tag") || strings.HasPrefix(ls, "filed under") {
		p.setKind(kindIn(s))
	}
	p.addMatter(s)
}

// titleCandidate: a short line that can be a headline. It may end in
// "?", "!" or an ellipsis but not in a plain full stop.
func titleCandidate(s string) bool {
	if len(s) > 250 || wordCount(s) > 25 || startsLower(s) && strings.ToLower(s) == s {
		return false
	}
	t := strings.TrimRight(s, " "+closers)
	return !strings.HasSuffix(t, ".") || strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")
}

var honorifics = setOf("mr mrs ms miss dr prof professor sir dame amb ambassador gen general lt col capt")

// bylineAuthors reads "By Mr. Khalid Taimur Akram, Executive Director, ..."
// into author names, or nil when s is not a byline.
func bylineAuthors(s string) []string {
	if len(s) > 300 || !(strings.HasPrefix(s, "By ") || strings.HasPrefix(s, "BY ") || strings.HasPrefix(s, "by ")) {
		return nil
	}
	rest := s[3:]
	for _, sep := range []string{",", " | ", " – ", " — ", " - ", "(", ";"} {
		if k := strings.Index(rest, sep); k > 0 {
			rest = rest[:k]
		}
	}
	var names []string
	for _, part := range splitNames(rest) {
		words := strings.Fields(part)
		for len(words) > 1 && honorifics[strings.ToLower(strings.TrimSuffix(words[0], "."))] {
			words = words[1:]
		}
		name := strings.Join(words, " ")
		if len(words) == 1 && len(name) > 1 || nameLike(name) {
			names = append(names, name)
		}
	}
	return names
}

func splitNames(s string) []string {
	s = strings.ReplaceAll(s, " & ", " and ")
	return strings.Split(s, " and ")
}

func (p *parser) setOutlet(o string) {
	if p.d.Outlet == "" {
		p.d.Outlet = o
	}
}

func (p *parser) setKind(k string) {
	if p.d.Kind == "" {
		p.d.Kind = k
	}
}
