package compareview

import (
	"strings"
	"unicode/utf8"

	"parley/tui/common"
	"parley/tui/textlayout"
)

// A column shows a bounded amount of any statement, however large the
// document: a sentence of megabytes (a text without punctuation is one
// sentence) is cut to a window around its first marked term, and its
// paragraph to a little either side, each cut shown with "…". Everything
// the view does with a statement is then linear in what it shows, not in
// the size of the document, so a frame stays quick for any input.

const (
	// compareStmtLines is about the most lines of one sentence a column
	// shows: more than any column is tall, so it only cuts sentences that
	// could never be read whole in the view anyway (the longest sentence
	// of the seeds is about 500 bytes; at the narrowest column this
	// bound is 560).
	compareStmtLines = 20
	// compareMaxFacts is the most fact marks listed under a statement.
	compareMaxFacts = 6
)

// stmtLimit is the most bytes of a sentence shown in a column whose text
// is w cells wide.
func stmtLimit(w int) int { return max(w, 28) * compareStmtLines }

// sentenceWindow is the part [a, b) of s shown when s is longer than
// limit bytes: it starts a little before focus (the first marked term,
// or -1) and ends limit bytes on, both cut at a space where there is one
// nearby and always at a character boundary.
func sentenceWindow(s string, focus, limit int) (a, b int) {
	if len(s) <= limit {
		return 0, len(s)
	}
	if focus > limit/4 {
		a = min(focus-limit/4, len(s)-limit)
	}
	if a > 0 {
		a = runeStartAfter(s, a)
		// Start at a word: after the next space, if one is near.
		if i := strings.IndexByte(s[a:min(a+limit/8, len(s))], ' '); i >= 0 {
			a += i + 1
		}
	}
	b = min(a+limit, len(s))
	if b < len(s) {
		b = textlayout.RuneFloor(s, b)
		// End at a word: at the last space, if one is near.
		if i := strings.LastIndexByte(s[max(b-limit/8, a):b], ' '); i > 0 {
			b = max(b-limit/8, a) + i
		}
	}
	return a, b
}

// runeStartAfter is the first character boundary of s at i or after.
func runeStartAfter(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// contextBefore is about the last n bytes of the paragraph before a
// sentence, flattened to one line, from a word start, with "…" when cut.
// Only the end of a long paragraph is looked at.
func contextBefore(s string, n int) string {
	cut := false
	if len(s) > 4*n+8 {
		s, cut = s[runeStartAfter(s, len(s)-4*n):], true
	}
	t := tailWords(common.OneLine(s), n)
	if cut && !strings.HasPrefix(t, "…") {
		if i := strings.IndexByte(t, ' '); i >= 0 {
			t = t[i+1:] // the first word may be a piece of one
		}
		t = "…" + t
	}
	return t
}

// contextAfter is about the first n bytes of the paragraph after a
// sentence, flattened to one line, to a word end, with "…" when cut.
func contextAfter(s string, n int) string {
	cut := false
	if len(s) > 4*n+8 {
		s, cut = s[:textlayout.RuneFloor(s, 4*n)], true
	}
	t := headWords(common.OneLine(s), n)
	if cut && !strings.HasSuffix(t, "…") {
		if i := strings.LastIndexByte(t, ' '); i >= 0 {
			t = t[:i]
		}
		t += "…"
	}
	return t
}

// clipText keeps at most n bytes of s, at a character boundary, with "…"
// when cut: for text echoed on one line (a query, a label), which can be
// a whole paragraph long and is cut to the width when drawn anyway.
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:textlayout.RuneFloor(s, n)] + "…"
}

// tailWords keeps about the last n bytes of s, from a word start, with an
// ellipsis when something was cut.
func tailWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := runeStartAfter(s, len(s)-n)
	if i := strings.IndexByte(s[cut:], ' '); i >= 0 {
		cut += i + 1
	}
	return "…" + s[cut:]
}

// headWords keeps about the first n bytes of s, to a word end.
func headWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := textlayout.RuneFloor(s, n)
	if i := strings.LastIndexByte(s[:cut], ' '); i > 0 {
		cut = i
	}
	return s[:cut] + "…"
}
