package tui

import (
	"strings"

	"parley/corpus"
	"parley/tui/common"
)

// spaces returns n blanks without allocating for the common widths.
func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(blankLine) {
		return blankLine[:n]
	}
	return strings.Repeat(" ", n)
}

var blankLine = strings.Repeat(" ", 512)

// fitWidth makes a (possibly styled) line exactly w cells wide: truncated
// with an ellipsis when longer, padded with blanks when shorter.
func fitWidth(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := common.StrWidth(s)
	if sw > w {
		s = common.Truncate(s, w, "…")
		sw = common.StrWidth(s)
	}
	return s + spaces(w-sw)
}

// fitArea makes s exactly w×h: every line fitted, lines added or cut.
func fitArea(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = fitWidth(lines[i], w)
		} else {
			out[i] = spaces(w)
		}
	}
	return strings.Join(out, "\n")
}

// truncPlain cuts plain text to w cells, with an ellipsis when cut.
func truncPlain(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if common.StrWidth(s) <= w {
		return s
	}
	return common.Truncate(s, w, "…")
}

// sourceLabel names a source the way a reader knows it: its outlet, else
// its title, else its file.
func sourceLabel(d *corpus.Document) string {
	switch {
	case d.Outlet != "":
		return oneLine(d.Outlet)
	case d.Title != "":
		return oneLine(d.Title)
	}
	return d.ID
}
