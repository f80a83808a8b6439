package tui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"parley/tui/common"
)

// Marked characters are whole grapheme clusters, measured as the terminal
// does, on accented and CJK text; a match far right scrolls into view.
func TestHighlightText(t *testing.T) {
	mark := lipgloss.NewStyle().Transform(func(s string) string { return "[" + s + "]" })
	plain := lipgloss.NewStyle()
	cases := []struct {
		text  string
		pos   []int
		width int
		want  string
	}{
		{"中国传媒大学", []int{2, 3}, 20, "中国[传媒]大学"},
		{"一二三四五六七八九十传媒", []int{10, 11}, 12, "…十[传媒]"},
		{"Cafe\u0301 noir", []int{3}, 20, "Caf[e\u0301] noir"},
		{"Cafe\u0301 noir", []int{4}, 20, "Caf[e\u0301] noir"},
		{"Türkiye", []int{0, 1, 2}, 20, "[Tür]kiye"},
		// Cut before the match at the start of a word where one is near:
		// forward here, back to "diplomatic" below; a long word or CJK
		// text is cut where the context runs out.
		{"one two three four five six seven eight nine hormuz", []int{45, 46, 47, 48, 49, 50}, 24, "…nine [hormuz]"},
		{"described the meeting as their diplomatic success of the year", []int{42, 43, 44, 45, 46, 47, 48}, 30, "…diplomatic [success] of the …"},
		{"described the meeting as a considerablyunderappreciated success", []int{56, 57, 58, 59, 60, 61, 62}, 30, "…reciated [success]"},
	}
	for _, c := range cases {
		got := ansi.Strip(highlightText(c.text, c.pos, c.width, plain, mark))
		if got != c.want {
			t.Errorf("highlightText(%q, %v, %d) = %q, want %q", c.text, c.pos, c.width, got, c.want)
		}
	}
	// Wherever the cut falls, it is at a word's start when a space is
	// near, and the match stays in view.
	text := "Officials in Islamabad described the meeting as their diplomatic success of the year"
	pos := []int{65, 66, 67, 68, 69, 70, 71}
	for w := 12; w <= 90; w++ {
		got := ansi.Strip(highlightText(text, pos, w, plain, mark))
		if !strings.Contains(got, "[s") {
			t.Errorf("width %d: the match is out of view: %q", w, got)
		}
		if lead, ok := strings.CutPrefix(got, "…"); ok {
			if i := strings.Index(text, strings.TrimSuffix(strings.NewReplacer("[", "", "]", "").Replace(lead), "…")); i > 0 && text[i-1] != ' ' {
				t.Errorf("width %d: cut inside a word: %q", w, got)
			}
		}
	}
	// Without markers the width never exceeds what was given, even when a
	// wide character straddles the edge.
	for w := 1; w < 14; w++ {
		got := highlightText("中国传媒大学 and Genève", []int{1, 2, 12}, w, plain, plain)
		if ansi.StringWidth(got) > w {
			t.Errorf("width %d: drew %d cells: %q", w, ansi.StringWidth(got), ansi.Strip(got))
		}
	}
}

// A long query matches letters all through long sentences; drawing a hit
// measures and styles only what shows of it, and the plain text drawn is
// the start of the sentence, never wider than asked.
func TestHighlightTextLongSentence(t *testing.T) {
	text := strings.Repeat("the talks in islamabad between iran and the united states ", 200)
	var pos []int
	for i := 0; i < len(text); i += 2 {
		pos = append(pos, i)
	}
	mark := lipgloss.NewStyle().Underline(true)
	for _, w := range []int{1, 10, 60, 200} {
		got := highlightText(text, pos, w, lipgloss.NewStyle(), mark)
		plain := ansi.Strip(got)
		if ansi.StringWidth(plain) > w || !strings.HasPrefix(text, strings.TrimSuffix(plain, "…")) {
			t.Errorf("width %d: drew %q", w, plain)
		}
		if w > 1 && !strings.Contains(got, "\x1b[4") {
			t.Errorf("width %d: no match marked: %q", w, got)
		}
	}
}

// The fast path (styles that are escape sequences only, widths summed)
// draws what measuring and ansi.Truncate draw, on every width.
func TestHighlightRunsMatchesTruncate(t *testing.T) {
	st := common.NewStyles(true)
	fastB, fastH := common.NewPaint(st.Body), common.NewPaint(st.Match)
	if !fastB.Plain || !fastH.Plain {
		t.Fatal("the body and match styles should take the fast path")
	}
	slowB, slowH := fastB, fastH
	slowB.Plain, slowH.Plain = false, false
	cases := []struct {
		text string
		pos  []int
	}{
		{"中国传媒大学 and Genève", []int{1, 2, 12}},
		{"一二三四五六七八九十传媒", []int{10, 11}},
		{"one two three four five six seven eight nine hormuz", []int{45, 46, 47, 48, 49, 50}},
		{"Cafe\u0301 noir", []int{3}},
		{"no match here at all, a longer line than most widths", nil},
		{strings.Repeat("ab ", 40), []int{0, 3, 6, 9, 60, 61, 100}},
	}
	for _, c := range cases {
		for w := 1; w <= 60; w++ {
			fast, fw := highlightRuns(c.text, c.pos, w, fastB, fastH)
			slow, sw := highlightRuns(c.text, c.pos, w, slowB, slowH)
			if ansi.Strip(fast) != ansi.Strip(slow) || fw != sw || fw != ansi.StringWidth(fast) {
				t.Errorf("%q at %d: fast %q (%d), measured %q (%d)", c.text, w, ansi.Strip(fast), fw, ansi.Strip(slow), sw)
			}
		}
	}
}
