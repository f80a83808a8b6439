// Package textlayout is the text layout of every pane: text is wrapped
// as byte ranges of the plain text, then painted range by range, so a
// style never spans a line break and a highlight never bleeds into
// padding or the next column.
//
// There are two wrapping rules, kept apart on purpose: the reader (and
// its tables) wraps as ansi.Wrap does, breaking after hyphens too
// (Wrap); the compare view, the search preview and the help break
// only at spaces and after wide characters (WrapAtSpaces), so a file name
// or a hyphenated word in a statement stays whole. Making them one rule
// moves line breaks in one of the views.
//
// Painting: one primitive, common.Paint (a style reduced to the escape
// sequences around its text), paints the reader's lines with overlays by
// rank (tui/highlight.go) and the search pane's hit lines; WrapStyled paints
// lipgloss styles over disjoint spans (compare, search preview), whose
// frames are kept.
package textlayout

import (
	"sort"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/rivo/uniseg"

	"parley/tui/common"
)

// Wrap wraps text to width cells with ansi.Wrap, measuring as the
// renderer does (common/width.go) so that wide CJK characters and emoji
// never overflow, and maps each wrapped line back to its byte range in
// text. A
// line Wrap leaves too wide (it can keep a space before a hyphen break) is
// hard-wrapped again.
func Wrap(text string, width int) [][2]int {
	if text == "" {
		return [][2]int{{0, 0}}
	}
	width = max(width, 2)
	out := mapLines(text, 0, len(text), common.WidthMethod().Wrap(text, width, ""), nil)
	for i := 0; i < len(out); i++ {
		seg := text[out[i][0]:out[i][1]]
		if common.StrWidth(seg) <= width {
			continue
		}
		parts := mapLines(text, out[i][0], out[i][1], common.WidthMethod().Hardwrap(seg, width, true), nil)
		if len(parts) < 2 {
			continue
		}
		out = append(out[:i], append(parts, out[i+1:]...)...)
	}
	if len(out) == 0 {
		out = append(out, [2]int{0, 0})
	}
	return out
}

// mapLines finds each line of wrapped (a wrap of text[from:to]) in text,
// in order, and appends its byte range to out.
func mapLines(text string, from, to int, wrapped string, out [][2]int) [][2]int {
	pos := from
	for _, line := range strings.Split(wrapped, "\n") {
		line = strings.TrimRight(line, " ")
		if line == "" {
			continue
		}
		i := strings.Index(text[pos:to], line)
		if i < 0 {
			// The wrap changed the text (it should not): take the line's
			// length from here, on a character boundary.
			end := RuneFloor(text, min(pos+len(line), to))
			if end <= pos {
				continue
			}
			out = append(out, [2]int{pos, end})
			pos = end
			continue
		}
		out = append(out, [2]int{pos + i, pos + i + len(line)})
		pos += i + len(line)
	}
	return out
}

// Span styles the byte range [start, end) of a text.
type Span struct {
	Start, End int
	Style      lipgloss.Style
}

// WrapStyled wraps plain text to width cells and styles each line on its
// own. Wrapping the plain text first (rather than wrapping text that
// already holds escape sequences) keeps every style inside its line, so a
// highlight never bleeds into the padding or into the next column.
//
// Lines break after spaces and after wide (CJK) characters, which have no
// spaces between words; a run with no break opportunity is cut at the
// width. Widths are measured per grapheme with the same function lipgloss
// uses, so what is measured here is what the terminal shows.
//
// The cost is linear in the text and the spans: the spans are sorted and
// made disjoint once, and each line takes the ones it covers from where
// the previous line stopped.
func WrapStyled(text string, width int, base lipgloss.Style, spans []Span) []string {
	return StyleLines(text, WrapAtSpaces(text, width), base, spans)
}

// StyleLines draws the lines of text at ranges (in order, as WrapAtSpaces
// gives them, or some of them) as WrapStyled does, so that a caller
// showing a few lines of a long paragraph styles only those.
func StyleLines(text string, ranges [][2]int, base lipgloss.Style, spans []Span) []string {
	lines := make([]string, len(ranges))
	segs := spanCursor{spans: disjointSpans(spans)}
	for i, r := range ranges {
		lines[i] = segs.render(text, r[0], r[1], base)
	}
	return lines
}

// WrapAtSpaces breaks text into lines of at most width cells (see
// WrapStyled) and returns each line's byte range, in order; there is
// always at least one.
func WrapAtSpaces(text string, width int) [][2]int {
	if width < 1 {
		width = 1
	}
	var lines [][2]int
	emit := func(a, b int) { lines = append(lines, [2]int{a, b}) }
	lineStart, lineW := 0, 0
	// The last place the current line may end, where the next line would
	// start, and the width of the line up to the break.
	brkEnd, brkNext, brkW := -1, -1, 0
	g := uniseg.NewGraphemes(text)
	for g.Next() {
		a, b := g.Positions()
		s := g.Str()
		if s == "\n" {
			emit(lineStart, a)
			lineStart, lineW, brkEnd = b, 0, -1
			continue
		}
		gw := common.StrWidth(s)
		space := s == " "
		if lineW+gw > width && lineW > 0 {
			switch {
			case space:
				emit(lineStart, a)
				lineStart, lineW, brkEnd = b, 0, -1
				continue
			case brkEnd >= 0:
				emit(lineStart, brkEnd)
				lineW -= brkW
				lineStart, brkEnd = brkNext, -1
			default:
				emit(lineStart, a)
				lineStart, lineW, brkEnd = a, 0, -1
			}
		}
		if lineW == 0 && space && a == lineStart {
			// A line never starts with the space it broke at.
			lineStart = b
			continue
		}
		lineW += gw
		switch {
		case space:
			brkEnd, brkNext, brkW = a, b, lineW
		case gw > 1:
			brkEnd, brkNext, brkW = b, b, lineW
		}
	}
	if lineStart < len(text) || len(lines) == 0 {
		emit(lineStart, len(text))
	}
	return lines
}

// disjointSpans sorts spans by where they start and cuts each to begin
// after the previous one ends: where spans overlap, the one that starts
// first (or, starting together, comes first in spans) wins.
func disjointSpans(spans []Span) []Span {
	if len(spans) == 0 {
		return nil
	}
	sorted := make([]Span, len(spans))
	copy(sorted, spans)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	out := sorted[:0]
	pos := 0
	for _, s := range sorted {
		s.Start = max(s.Start, pos)
		if s.Start >= s.End {
			continue
		}
		out = append(out, s)
		pos = s.End
	}
	return out
}

// spanCursor walks disjoint, sorted spans along lines that come in order.
type spanCursor struct {
	spans []Span
	next  int // the first span that may still reach the current line
}

// render renders text[a:b] in base style, with the parts covered by spans
// in theirs. Trailing spaces are dropped; callers pad. Lines must come in
// order (a never less than the previous b).
func (c *spanCursor) render(text string, a, b int, base lipgloss.Style) string {
	for b > a && text[b-1] == ' ' {
		b--
	}
	for c.next < len(c.spans) && c.spans[c.next].End <= a {
		c.next++
	}
	if a >= b {
		return ""
	}
	var out strings.Builder
	pos := a
	for i := c.next; i < len(c.spans) && c.spans[i].Start < b; i++ {
		s := c.spans[i]
		start, end := max(s.Start, pos), min(s.End, b)
		if start >= end {
			continue
		}
		if pos < start {
			out.WriteString(base.Render(text[pos:start]))
		}
		out.WriteString(s.Style.Render(text[start:end]))
		pos = end
	}
	if pos < b {
		out.WriteString(base.Render(text[pos:b]))
	}
	return out.String()
}

// RuneFloor moves a byte offset back to the start of the rune it falls in,
// so that slicing never splits a character.
func RuneFloor(s string, i int) int {
	if i <= 0 {
		return 0
	}
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
