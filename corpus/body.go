package corpus

import (
	"strings"
)

// body turns the source lines after the header into sections and blocks, and
// files publication data, "About ..." sections and author notes as
// matter: front matter before the first body block, back matter after.
func (p *parser) body() {
	d := p.d
	sec := Section{}
	inAbout := false
	plainSeen := false // a plain (unnumbered) heading came before
	flush := func(heading string, level int) {
		if sec.Heading != "" || len(sec.Blocks) > 0 {
			d.Sections = append(d.Sections, sec)
		}
		sec = Section{Heading: heading, Level: level}
	}
	for i := p.i; i < len(p.srcLines); i++ {
		u, s := p.srcLines[i], p.texts[i]
		if u.kind == uCode || u.kind == uTable {
			if b, ok := verbatimBlock(u); ok {
				sec.Blocks = append(sec.Blocks, b)
				p.bodySeen = true
			}
			continue
		}
		if s == "" {
			continue
		}
		if next, ok := p.titleAgain(i); ok {
			inAbout = false
			i = next
			continue
		}
		isHeading := u.kind == uMDHeading || u.kind == uPlain && p.plainHeading(i)
		filed, stop := p.bodyMatter(i, isHeading, &inAbout)
		if stop {
			break
		}
		if filed {
			continue
		}
		if isHeading {
			flush(s, p.headingLevel(i, &plainSeen))
			continue
		}
		b, next, ok := p.bodyBlock(i, &sec)
		i = next
		if ok {
			p.bodySeen = true
			sec.Blocks = append(sec.Blocks, b)
		}
	}
	flush("", 0)
}

// verbatimBlock is the block of a code block or a table; an empty code
// block makes none.
func verbatimBlock(u srcLine) (Block, bool) {
	if u.kind == uTable {
		return tableBlock(u.rows), true
	}
	return Block{Kind: Preformatted, Text: u.text}, strings.TrimSpace(u.text) != ""
}

// titleAgain reports the title printed again before the body, and
// returns the last line it takes: the byline too when it follows.
func (p *parser) titleAgain(i int) (int, bool) {
	d := p.d
	if d.Title == "" || !strings.EqualFold(p.texts[i], d.Title) {
		return i, false
	}
	if i+1 < len(p.srcLines) && len(d.Authors) > 0 && strings.EqualFold(p.texts[i+1], d.Authors[0]) {
		i++
	}
	return i, true
}

// bodyMatter files line i as matter when it is: a line of an "About ..."
// section (inAbout says whether one is open, up to the next heading),
// publication data or an author note, or a web page's furniture. stop
// says the rest of the text was filed as a page's tail.
func (p *parser) bodyMatter(i int, isHeading bool, inAbout *bool) (filed, stop bool) {
	u, s := p.srcLines[i], p.texts[i]
	if *inAbout {
		if !isHeading || aboutHeading(s) {
			p.addMatter(s)
			return true, false
		}
		*inAbout = false
	}
	switch {
	case isHeading && aboutHeading(s):
		*inAbout = true
		p.addMatter(s)
		return true, false
	case u.kind == uPlain && isMatterLine(s):
		p.addMatter(s)
		p.authorNote(s)
		return true, false
	case u.kind == uPlain && p.webMatter(i, s):
		return true, p.tail
	}
	return false, false
}

// bodyBlock makes line i a block of sec: a paragraph, list item, quote
// or caption. An image's file name and its caption make one caption
// (the caption may take the next line, returned as the last one read);
// one that repeats the caption before it makes that block the caption
// and no block of its own (false).
func (p *parser) bodyBlock(i int, sec *Section) (Block, int, bool) {
	u, s := p.srcLines[i], p.texts[i]
	b := Block{Kind: Paragraph, Text: s, Emphasis: p.spans[i]}
	switch u.kind {
	case uList:
		b.Kind = ListItem
	case uQuote:
		b.Kind = Quote
	case uMarked:
		b.Kind = Caption
	case uImage:
		b.Kind = Caption
		b.Text, b.Emphasis = captionText(s), nil
		if i+1 < len(p.srcLines) && sameCaption(b.Text, p.texts[i+1]) {
			b.Text, b.Emphasis = p.texts[i+1], p.spans[i+1]
			i++
		} else if n := len(sec.Blocks); n > 0 && sameCaption(b.Text, sec.Blocks[n-1].Text) {
			sec.Blocks[n-1].Kind = Caption
			return b, i, false
		}
	default:
		if numberedPrefix(s) > 0 {
			b.Kind = ListItem
		} else if quoteParagraph(s) {
			b.Kind = Quote
		}
	}
	return b, i, true
}

// webMatter files the furniture of a page copied as text: share bars,
// cookie notices, timestamps and datelines, agency credits, and from a
// "Read next" or "Related Topics" line after the article on, the rest;
// site navigation ("Skip to content", "Home News Sport Weather") too. It
// reports whether s was filed.
func (p *parser) webMatter(i int, s string) bool {
	switch {
	case p.bodySeen && tailHeading(s):
		for k := i; k < len(p.srcLines); k++ {
			if t := p.texts[k]; t != "" {
				p.addMatter(t)
			}
		}
		p.i = len(p.srcLines)
		p.tail = true
		return true
	case webClutter(s) || agencyCredit(s):
	case datelineDate(s) != "":
		if p.d.Published == "" {
			p.d.Published = parseDate(s)
		}
	default:
		return false
	}
	p.addMatter(s)
	return true
}

// headingLevel gives markdown headings their own level and plain ones
// level 1, except numbered headings under a plain heading ("Why Pakistan
// Was Invited" / "1. Historical Diplomatic Balancing"), which are level 2.
func (p *parser) headingLevel(i int, plainSeen *bool) int {
	u := p.srcLines[i]
	if u.kind == uMDHeading {
		return u.level
	}
	if numberedPrefix(p.texts[i]) > 0 {
		if *plainSeen {
			return 2
		}
		return 1
	}
	*plainSeen = true
	return 1
}

// plainHeading decides whether plain source line i is a heading: heading-like
// (or a numbered heading such as "1. Historical Diplomatic Balancing"),
// and followed by something, since a heading never ends a document.
func (p *parser) plainHeading(i int) bool {
	if i+1 >= len(p.srcLines) {
		return false
	}
	return headingLine(p.texts[i])
}

// captionText drops the image file extension from a caption line.
func captionText(s string) string {
	if dot := strings.LastIndexByte(s, '.'); dot > 0 && hasImageExt(s) {
		s = s[:dot]
	}
	return strings.TrimSpace(s)
}

// sameCaption compares a caption taken from a file name with a plain
// line, ignoring a trailing period (file names often keep one: "2026..jpg").
func sameCaption(a, b string) bool {
	return strings.TrimRight(a, ". ") == strings.TrimRight(b, ". ") && a != ""
}

// quoteParagraph reports a paragraph that is one quotation and nothing
// else: “...” with no closing quote inside.
func quoteParagraph(s string) bool {
	switch {
	case strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”"):
		return strings.Count(s, "”") == 1
	case strings.HasPrefix(s, "\"") && strings.HasSuffix(s, "\"") && len(s) > 2:
		return strings.Count(s, "\"") == 2
	}
	return false
}

// authorNote reads what a closing author note tells: that the piece is an
// opinion piece, and the author's handle when no name is known.
func (p *parser) authorNote(s string) {
	if !isAuthorNote(s) {
		return
	}
	p.setKind("op-ed")
	if len(p.d.Authors) == 0 {
		if h := handleIn(s); h != "" {
			p.d.Authors = []string{h}
		}
	}
}

// addMatter files s as front matter until the body has begun, then as
// back matter.
func (p *parser) addMatter(s string) {
	kind := "front"
	if p.bodySeen {
		kind = "back"
	}
	p.d.Matter = append(p.d.Matter, Matter{Kind: kind, Text: s})
	if p.d.URL == "" && strings.Contains(lowerPrefix(s, 60), "published") {
		p.d.URL = urlIn(s)
	}
}

// urlIn returns the first http(s) URL in s, without trailing punctuation.
func urlIn(s string) string {
	i := strings.Index(s, "https://")
	if j := strings.Index(s, "http://"); i < 0 || j >= 0 && j < i {
		i = j
	}
	if i < 0 {
		return ""
	}
	end := strings.IndexAny(s[i:], " <>\"")
	if end < 0 {
		end = len(s) - i
	}
	return strings.TrimRight(s[i:i+end], ".,;:)*_")
}
