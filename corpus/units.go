package corpus

import (
	"strings"
)

// A unit is one logical line of the source after rejoining: a paragraph,
// a heading, a list item or a caption, before it is told which.
type unit struct {
	text  string // trimmed; inline markup not yet removed
	kind  unitKind
	level int // markdown heading level
	gap   int // blank lines before it
}

type unitKind uint8

const (
	uPlain     unitKind = iota
	uList               // "- item", "* item", "• item"
	uMDHeading          // "# Heading"
	uQuote              // "> quoted"
	uImage              // a line ending in an image file name, e.g. "... Office).png"
	uMarked             // "▲ caption"
)

var imageExts = []string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}

// classifyLine tells what a single trimmed source line is, and returns
// its text without the marker.
func classifyLine(s string) (unitKind, int, string) {
	switch {
	case strings.HasPrefix(s, "- "), strings.HasPrefix(s, "* "), strings.HasPrefix(s, "+ "):
		return uList, 0, strings.TrimSpace(s[2:])
	case strings.HasPrefix(s, "• "), strings.HasPrefix(s, "· "), strings.HasPrefix(s, "– "):
		_, n := firstRune(s)
		return uList, 0, strings.TrimSpace(s[n:])
	case strings.HasPrefix(s, "#"):
		n := 0
		for n < len(s) && s[n] == '#' {
			n++
		}
		if n <= 6 && n < len(s) && s[n] == ' ' {
			return uMDHeading, n, strings.TrimSpace(strings.TrimRight(s[n:], "#"))
		}
	case strings.HasPrefix(s, ">"):
		return uQuote, 0, strings.TrimSpace(s[1:])
	case strings.HasPrefix(s, "▲"):
		return uMarked, 0, strings.TrimSpace(s[len("▲"):])
	}
	if len(s) < 400 && hasImageExt(s) {
		return uImage, 0, s
	}
	return uPlain, 0, s
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

func hasImageExt(s string) bool {
	if len(s) < 5 {
		return false
	}
	tail := strings.ToLower(s[max(0, len(s)-5):])
	for _, e := range imageExts {
		if strings.HasSuffix(tail, e) {
			return true
		}
	}
	return false
}

// splitUnits cuts cleaned text into units, rejoining lines that belong to
// one paragraph: lines of one block of text (no blank line between) join
// unless the first reads as a finished sentence or a heading; across blank
// lines (page breaks in PDF extractions) they join only when the first
// stops mid-sentence and the next visibly continues it (starts in lower
// case, or the first ends on a comma or a word like "for").
func splitUnits(text string) []unit {
	units := make([]unit, 0, strings.Count(text, "\n")/2+1)
	gap := 0
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimSpace(line)
		if line == "" {
			gap++
			continue
		}
		kind, level, body := classifyLine(line)
		if n := len(units); n > 0 && kind == uPlain {
			prev := &units[n-1]
			if prev.kind == uPlain || prev.kind == uList || prev.kind == uQuote || prev.kind == uMarked {
				if joinable(prev.text, body, gap == 0, n == 1) {
					prev.text = prev.text + " " + body
					gap = 0
					continue
				}
			}
		}
		units = append(units, unit{text: body, kind: kind, level: level, gap: gap})
		gap = 0
	}
	return units
}

// joinable decides whether next continues prev. first is true when prev is
// the first unit of the text, which is never joined across a blank line:
// it is most often the headline.
func joinable(prev, next string, sameBlock, first bool) bool {
	if endsSentence(prev) && !(sameBlock && strings.Count(prev, "*")%2 == 1) {
		return false
	}
	if numberedPrefix(next) > 0 {
		return false
	}
	if sameBlock && strings.Count(prev, "*")%2 == 1 {
		return true // an emphasis span goes on over the line break
	}
	if domainOutlet(next) != "" || isMatterLine(next) {
		return false
	}
	if sameBlock {
		return startsLower(next) || strings.HasPrefix(next, "(") || endsWithConnector(prev) || !headingLike(prev) && hasLatin(prev)
	}
	if first {
		return false
	}
	return startsLower(next) || endsWithConnector(prev)
}
