package tui

import (
	"sort"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// styledSpan styles the byte range [start, end) of a text.
type styledSpan struct {
	start, end int
	style      lipgloss.Style
}

// wrapStyled wraps plain text to width cells and styles each line on its
// own. Wrapping the plain text first (rather than wrapping text that
// already holds escape sequences) keeps every style inside its line, so a
// highlight never bleeds into the padding or into the next column.
//
// Lines break after spaces and after wide (CJK) characters, which have no
// spaces between words; a run with no break opportunity is cut at the
// width. Widths are measured per grapheme with the same function lipgloss
// uses, so what is measured here is what the terminal shows.
func wrapStyled(text string, width int, base lipgloss.Style, spans []styledSpan) []string {
	if width < 1 {
		width = 1
	}
	var lines []string
	emit := func(a, b int) {
		lines = append(lines, renderRange(text, a, b, base, spans))
	}
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
		gw := ansi.StringWidth(s)
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

// renderRange renders text[a:b] in base style, with the parts covered by
// spans in theirs. Trailing spaces are dropped; callers pad.
func renderRange(text string, a, b int, base lipgloss.Style, spans []styledSpan) string {
	for b > a && text[b-1] == ' ' {
		b--
	}
	if a >= b {
		return ""
	}
	var cut []styledSpan
	for _, s := range spans {
		if s.start < b && a < s.end {
			cut = append(cut, styledSpan{max(s.start, a), min(s.end, b), s.style})
		}
	}
	sort.SliceStable(cut, func(i, j int) bool { return cut[i].start < cut[j].start })
	var out strings.Builder
	pos := a
	for _, s := range cut {
		if s.start < pos {
			s.start = pos // overlapping spans: the earlier one wins
		}
		if s.start >= s.end {
			continue
		}
		if pos < s.start {
			out.WriteString(base.Render(text[pos:s.start]))
		}
		out.WriteString(s.style.Render(text[s.start:s.end]))
		pos = s.end
	}
	if pos < b {
		out.WriteString(base.Render(text[pos:b]))
	}
	return out.String()
}

// fitBlock makes lines exactly w×h: every line fitted, cut or padded with
// blank lines.
func fitBlock(lines []string, w, h int) []string {
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = fitWidth(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(w, 0))
		}
	}
	return out
}

// oneLine flattens text to a single line (queries and quotes echoed in a
// header), collapsing runs of white space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
