package corpus

import (
	"regexp"
	"strings"
)

// A srcLine is one logical line of the source after rejoining: a paragraph,
// a heading, a list item or a caption, before it is told which.
type srcLine struct {
	text  string     // trimmed; inline markup not yet removed (code: as written)
	rows  [][]string // a table's cells
	kind  srcLineKind
	level int // markdown heading level
	gap   int // blank lines before it
}

type srcLineKind uint8

const (
	uPlain     srcLineKind = iota
	uList                  // "- item", "* item", "• item"
	uMDHeading             // "# Heading"
	uQuote                 // "> quoted"
	uImage                 // a line ending in an image file name, e.g. "... Office).png"
	uMarked                // "▲ caption"
	uCode                  // markdown fenced or indented code, lines kept
	uTable                 // markdown table, rows kept
)

var imageExts = []string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}

// classifyLine tells what a single trimmed source line is, and returns
// its text without the marker.
func classifyLine(s string) (srcLineKind, int, string) {
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

// splitSrcLines cuts cleaned text into source lines, rejoining lines that belong to
// one paragraph: lines of one block of text (no blank line between) join
// unless the first reads as a finished sentence or a heading; across blank
// lines (page breaks in PDF extractions) they join only when the first
// stops mid-sentence and the next visibly continues it (starts in lower
// case, or the first ends on a comma or a word like "for"). In hard-wrapped
// text, a line that fills the wrap width always continues. Page numbers
// count as blank lines; separator lines ("* * *", "---") end a paragraph.
//
// In markdown (md), fenced and indented code and tables are each one
// source line whose lines are kept as they are.
func splitSrcLines(text string, md bool) []srcLine {
	wrapped, width := wrapStats(text)
	lines := make([]srcLine, 0, strings.Count(text, "\n")/2+1)
	var parts []string // lines of the last srcLine, joined when it is done
	stars := 0         // asterisks in the last srcLine, to see open emphasis
	flush := func() {
		if len(parts) > 1 {
			lines[len(lines)-1].text = strings.Join(parts, " ")
		}
		parts = parts[:0]
	}
	gap, hardBreak := 0, false
	for len(text) > 0 {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		raw := line
		line = strings.TrimSpace(line)
		if md && line != "" {
			if v, rest, ok := verbatimSrcLine(raw, line, text, len(lines) == 0 || gap > 0); ok {
				flush()
				v.gap = gap
				lines = append(lines, v)
				parts = append(parts, v.text)
				text, gap, hardBreak = rest, 0, false
				continue
			}
		}
		if line == "" || pageNoise(line) {
			gap++
			continue
		}
		if separatorLine(line) {
			gap++
			hardBreak = true
			continue
		}
		kind, level, body := classifyLine(line)
		if md && kind == uPlain {
			var shown bool
			if body, shown = mdImageOrComment(line); !shown {
				gap++ // an HTML comment, or images with no alt text: nothing to read
				continue
			}
			if body != line {
				kind = uMarked // images alone on a line: their alt text, a caption
			}
		}
		if n := len(lines); n > 0 && !hardBreak {
			prev := &lines[n-1]
			last := parts[len(parts)-1]
			join := false
			switch {
			case kind == uQuote && prev.kind == uQuote && gap == 0:
				join = true
			case kind != uPlain:
			case prev.kind == uPlain || prev.kind == uList || prev.kind == uQuote || prev.kind == uMarked:
				join = gap == 0 && wrapped && len(last) >= width*6/10 ||
					joinable(last, body, gap == 0, n == 1, len(parts) > 1, stars%2 == 1)
			}
			if join {
				parts = append(parts, body)
				stars += strings.Count(body, "*")
				gap = 0
				continue
			}
		}
		flush()
		lines = append(lines, srcLine{text: body, kind: kind, level: level, gap: gap})
		parts = append(parts, body)
		stars = strings.Count(body, "*")
		gap, hardBreak = 0, false
	}
	if len(lines) > 0 {
		flush()
	}
	return lines
}

// wrapStats tells whether text is hard-wrapped (most lines run on into
// the next at a width of at most 100 columns) and at what width.
func wrapStats(text string) (bool, int) {
	var hist [101]int
	lines, runOn, long := 0, 0, 0
	prevBlank := true
	for len(text) > 0 {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		n := len(strings.TrimSpace(line))
		if n == 0 {
			prevBlank = true
			continue
		}
		lines++
		if !prevBlank {
			runOn++
		}
		prevBlank = false
		if n > 100 {
			long++
			continue
		}
		hist[n]++
	}
	if lines < 8 || runOn*2 < lines || long*10 > lines {
		return false, 0
	}
	// The width is the 90th percentile of line lengths.
	seen := 0
	for w := 0; w <= 100; w++ {
		seen += hist[w]
		if seen*10 >= lines*9 {
			return w >= 40, w
		}
	}
	return false, 0
}

// pageNoise reports a line that is only a page number ("12", "Page 3 of
// 10", "- 4 -"), left behind by PDF extraction.
func pageNoise(s string) bool {
	if len(s) > 16 {
		return false
	}
	t := strings.TrimSpace(strings.Trim(strings.TrimPrefix(strings.TrimPrefix(s, "Page "), "page "), "-–— "))
	digits := 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == ' ' || c == '/':
		case strings.HasPrefix(t[i:], "of "):
			i++
		default:
			return false
		}
	}
	return digits > 0 && digits <= 6
}

// separatorLine reports a line of only rule characters ("* * *", "---",
// "___", "===="), a scene or section break.
func separatorLine(s string) bool {
	if len(s) < 3 {
		return false
	}
	marks := 0
	for _, r := range s {
		switch r {
		case '*', '-', '_', '=', '~', '#', '•', '·', '—', '–':
			marks++
		case ' ':
		default:
			return false
		}
	}
	return marks >= 3
}

// joinable decides whether next continues the line prev. first is true
// when prev is the first source line of the text, which is never joined across a
// blank line: it is most often the headline. multi says prev is already
// part of a paragraph (so cannot be a heading); openEm that an emphasis
// span is still open.
func joinable(prev, next string, sameBlock, first, multi, openEm bool) bool {
	if sameBlock && openEm {
		return true // an emphasis span goes on over the line break
	}
	if endsSentence(prev) {
		return false
	}
	if numberedPrefix(next) > 0 || domainOutlet(next) != "" || isMatterLine(next) || navLine(prev) || navLine(next) {
		return false
	}
	if sameBlock {
		return startsLower(next) || strings.HasPrefix(next, "(") || endsWithConnector(prev) ||
			(multi || !headingLine(prev)) && hasLatin(prev) && hasLatin(next)
	}
	if first {
		return false
	}
	return startsLower(next) || endsWithConnector(prev)
}

// mdImageLine is a Markdown line of images alone (a logo, a row of
// badges, each perhaps a link): ![alt](src) or [![alt](src)](href).
var mdImageLine = regexp.MustCompile(`^(?:\[?!\[([^\]]*)\]\([^)]*\)(?:\]\([^)]*\))?\s*)+$`)

var mdImage = regexp.MustCompile(`!\[([^\]]*)\]\(`)

// mdImageOrComment is what a Markdown line shows: the alt text of images
// alone on it, nothing for an HTML comment (<!-- markdownlint-disable -->),
// else the line itself. shown is false when it shows nothing.
func mdImageOrComment(line string) (text string, shown bool) {
	if strings.HasPrefix(line, "<!--") && strings.HasSuffix(line, "-->") && !strings.Contains(line[4:len(line)-3], "-->") {
		return "", false
	}
	// Most lines start otherwise, and are passed without the regexp.
	if !strings.HasPrefix(line, "![") && !strings.HasPrefix(line, "[![") || !mdImageLine.MatchString(line) {
		return line, true
	}
	var alts []string
	for _, m := range mdImage.FindAllStringSubmatch(line, -1) {
		if alt := strings.TrimSpace(m[1]); alt != "" {
			alts = append(alts, alt)
		}
	}
	return strings.Join(alts, " · "), len(alts) > 0
}
