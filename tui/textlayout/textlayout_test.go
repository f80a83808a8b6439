package textlayout

import (
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"parley/corpus/compare"
	"parley/tui/common"
)

func TestWrapStyledKeepsWidthWithCJK(t *testing.T) {
	text := "伊朗与巴基斯坦共享一条漫长的边界，两国之间有着深厚的文化联系 and some English words that wrap"
	for w := 1; w <= 30; w++ {
		for _, l := range WrapStyled(text, w, common.NewCompareStyles(true).Body, nil) {
			if got := ansi.StringWidth(l); got > w && w > 1 {
				t.Fatalf("width %d: line %q is %d cells", w, ansi.Strip(l), got)
			}
		}
	}
	got := WrapStyled("a bb ccc dddd", 6, common.NewCompareStyles(true).Body, nil)
	if strings.Join(stripAll(got), "|") != "a bb|ccc|dddd" {
		t.Errorf("word wrap: %q", stripAll(got))
	}
}

func stripAll(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = ansi.Strip(l)
	}
	return out
}

// The linear wrap draws exactly what the former one did (each line
// scanning every span) for spans that do not overlap, on random text.
func TestWrapStyledMatchesReference(t *testing.T) {
	st := common.NewCompareStyles(true)
	styles := []lipgloss.Style{st.Shared, st.Context, st.Rel[compare.Different]}
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"a", "bb", "ccc", "border", "伊朗", "边界", "naïve", "x\ny", "  "}
	for iter := range 300 {
		var b strings.Builder
		for range rng.IntN(60) {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(' ')
		}
		text := b.String()
		var spans []Span
		for pos := 0; pos < len(text); {
			a := pos + rng.IntN(12)
			e := a + 1 + rng.IntN(15)
			a, e = runeStart(text, min(a, len(text))), runeStart(text, min(e, len(text)))
			if a < e {
				spans = append(spans, Span{Start: a, End: e, Style: styles[rng.IntN(len(styles))]})
			}
			pos = e + 1
		}
		rng.Shuffle(len(spans), func(i, j int) { spans[i], spans[j] = spans[j], spans[i] })
		w := 1 + rng.IntN(30)
		got := WrapStyled(text, w, st.Body, spans)
		want := referenceWrap(text, w, st.Body, spans)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("case %d, width %d, text %q:\n got %q\nwant %q", iter, w, text, got, want)
		}
		// Some of the lines alone, as a preview styles what it shows.
		ranges := WrapAtSpaces(text, w)
		from := rng.IntN(len(ranges))
		to := from + rng.IntN(len(ranges)-from+1)
		part := StyleLines(text, ranges[from:to], st.Body, spans)
		if strings.Join(part, "\n") != strings.Join(want[from:to], "\n") {
			t.Fatalf("case %d, lines %d to %d, width %d, text %q:\n got %q\nwant %q", iter, from, to, w, text, part, want[from:to])
		}
	}
}

// Where spans overlap, the one that starts first wins, and of two that
// start together the first given (facts are given before shared terms).
func TestWrapStyledOverlap(t *testing.T) {
	fact, shared := lipgloss.NewStyle().Bold(true), lipgloss.NewStyle().Underline(true)
	got := WrapStyled("909 km long", 40, lipgloss.NewStyle(), []Span{{Start: 0, End: 6, Style: fact}, {Start: 0, End: 3, Style: shared}, {Start: 4, End: 11, Style: shared}})
	want := fact.Render("909 km") + shared.Render(" long")
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// referenceWrap is the former wrap, kept to check the linear one against:
// the same line breaks, and each line rendered by scanning every span.
func referenceWrap(text string, width int, base lipgloss.Style, spans []Span) []string {
	var out []string
	for _, r := range WrapAtSpaces(text, width) {
		out = append(out, referenceRange(text, r[0], r[1], base, spans))
	}
	return out
}

func referenceRange(text string, a, b int, base lipgloss.Style, spans []Span) string {
	for b > a && text[b-1] == ' ' {
		b--
	}
	if a >= b {
		return ""
	}
	var cut []Span
	for _, s := range spans {
		if s.Start < b && a < s.End {
			cut = append(cut, Span{Start: max(s.Start, a), End: min(s.End, b), Style: s.Style})
		}
	}
	sort.SliceStable(cut, func(i, j int) bool { return cut[i].Start < cut[j].Start })
	var out strings.Builder
	pos := a
	for _, s := range cut {
		s.Start = max(s.Start, pos)
		if s.Start >= s.End {
			continue
		}
		if pos < s.Start {
			out.WriteString(base.Render(text[pos:s.Start]))
		}
		out.WriteString(s.Style.Render(text[s.Start:s.End]))
		pos = s.End
	}
	if pos < b {
		out.WriteString(base.Render(text[pos:b]))
	}
	return out.String()
}

// runeStart is i, or the start of the next rune when i falls inside one.
func runeStart(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}
