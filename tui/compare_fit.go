package tui

import (
	"strings"
)

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
