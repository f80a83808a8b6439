package common

import (
	"strconv"
	"strings"

	"parley/corpus"
)

// Spaces returns n blanks without allocating for the common widths.
func Spaces(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(blankLine) {
		return blankLine[:n]
	}
	return strings.Repeat(" ", n)
}

var blankLine = strings.Repeat(" ", 512)

// FitWidth makes a (possibly styled) line exactly w cells wide: truncated
// with an ellipsis when longer, padded with blanks when shorter.
func FitWidth(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := StrWidth(s)
	if sw > w {
		s = Truncate(s, w, "…")
		sw = StrWidth(s)
	}
	return s + Spaces(w-sw)
}

// FitArea makes s exactly w×h: every line fitted, lines added or cut.
func FitArea(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	return strings.Join(FitBlock(strings.Split(s, "\n"), w, h), "\n")
}

// TruncPlain cuts plain text to w cells, with an ellipsis when cut.
func TruncPlain(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if StrWidth(s) <= w {
		return s
	}
	return Truncate(s, w, "…")
}

// SourceLabel names a source the way a reader knows it: its outlet, else
// its title, else its file.
func SourceLabel(d *corpus.Document) string {
	switch {
	case d.Outlet != "":
		return OneLine(d.Outlet)
	case d.Title != "":
		return OneLine(d.Title)
	}
	return d.ID
}

// FitBlock makes lines exactly w×h: every line fitted, cut or padded with
// blank lines.
func FitBlock(lines []string, w, h int) []string {
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = FitWidth(lines[i], w)
		} else {
			out[i] = Spaces(w)
		}
	}
	return out
}

// OneLine flattens text to a single line (queries and quotes echoed in a
// header), collapsing runs of white space.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Plural is a count and its noun: "1 file", "2 files".
func Plural(n int, word string) string {
	return strconv.Itoa(n) + " " + corpus.Plural(n, word, word+"s")
}

// OneLineKeep flattens line breaks inside a sentence without changing its
// length, so the byte offsets of its spans stay valid.
func OneLineKeep(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}
