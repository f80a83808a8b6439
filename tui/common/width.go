package common

import (
	"strings"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Text is measured the way Bubble Tea's renderer places it on the screen,
// so that a line it is given exactly w cells wide is w cells wide there
// too. The renderer counts cells per codepoint (wcwidth), as terminals do
// that know nothing of grapheme clusters, unless the terminal answers that
// it supports Unicode core mode (DEC mode 2027); then it counts clusters.
// The two disagree on emoji sequences: the family "👨‍👩‍👧" is 2 cells as a
// cluster and 6 as codepoints, and a pane measured one way and drawn the
// other would push its border out. So the panes measure with the method
// the renderer uses, which the root follows from the same report.
//
// The method is one per process, as the terminal is; it is atomic because
// commands running beside Update may measure text.
var graphemeWidth atomic.Bool

// WidthMethod is how text is measured now.
func WidthMethod() ansi.Method {
	if graphemeWidth.Load() {
		return ansi.GraphemeWidth
	}
	return ansi.WcWidth
}

// SetWidthMethod switches the measure and reports whether it changed.
func SetWidthMethod(m ansi.Method) bool {
	g := m == ansi.GraphemeWidth
	return graphemeWidth.Swap(g) != g
}

// UnicodeCoreReport reports whether msg is the terminal's answer that it
// supports mode 2027, on which the renderer switches to grapheme widths
// (the same test as Bubble Tea's).
func UnicodeCoreReport(msg tea.ModeReportMsg) bool {
	return msg.Mode == ansi.ModeUnicodeCore &&
		(msg.Value == ansi.ModeReset || msg.Value == ansi.ModeSet || msg.Value == ansi.ModePermanentlySet)
}

// StrWidth is the width of s in cells, escape sequences aside.
func StrWidth(s string) int { return WidthMethod().StringWidth(s) }

// Truncate cuts s to w cells, ending it with tail when cut.
func Truncate(s string, w int, tail string) string {
	m := WidthMethod()
	if m.StringWidth(s) <= w {
		return s
	}
	if m == ansi.WcWidth && ansi.StringWidth(s) <= w {
		// Method.Truncate returns s whole when its grapheme width
		// fits, whatever the method (x/ansi v0.11.9). Blanks after s,
		// which the cut never reaches since s alone is too wide, make
		// it cut.
		s += strings.Repeat(" ", w+1)
	}
	return m.Truncate(s, w, tail)
}

// TruncateLeft drops n cells from the left of s, putting prefix first.
func TruncateLeft(s string, n int, prefix string) string {
	return WidthMethod().TruncateLeft(s, n, prefix)
}
