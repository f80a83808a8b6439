package compareview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/tui/common"
)

// hugeWords is text with no sentence end: a file without punctuation
// parses as one paragraph holding one sentence of its whole size.
func hugeWords(n int) string {
	words := strings.Fields("the talks in Islamabad between Iran and the United States on the long border went on for hours")
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i%len(words)])
	}
	return b.String()
}

// spansOf marks every occurrence of word in s, as the engine marks the
// shared terms of a match.
func spansOf(s, word string) []corpus.Span {
	var out []corpus.Span
	for i := 0; ; {
		j := strings.Index(s[i:], word)
		if j < 0 {
			return out
		}
		out = append(out, corpus.Span{Start: i + j, End: i + j + len(word)})
		i += j + len(word)
	}
}

// hugePane compares a short sentence with a source whose one sentence is
// size bytes long and marked at every "border", and with a source where a
// short sentence sits in the middle of a paragraph of size bytes.
func hugePane(tb testing.TB, size, w, h int) *ComparePane {
	tb.Helper()
	huge := hugeWords(size)
	half := hugeWords(size/2) + "."
	docs := []*corpus.Document{
		fixtureDoc("000", "Origin outlet", "2026-04-12", "", []string{"The talks were about the long border."}),
		fixtureDoc("001", "One sentence", "", "", []string{huge}),
		fixtureDoc("002", "Long paragraph", "", "", []string{half, "The border talks went on for hours.", half}),
	}
	origin := fixtureMatch(docs, 0, 0, 0, 9, false, []string{"border", "talks"})
	one := compare.Match{Loc: corpus.Loc{Doc: 1}, Text: huge, Context: huge, Score: 5, Shared: []string{"border"}, Spans: spansOf(huge, "border")}
	mid := fixtureMatch(docs, 2, 0, 1, 4, false, []string{"border", "talks"})
	res := compare.Result{Query: origin.Text, Sources: []compare.SourceResult{
		{Doc: 0, Origin: true, Matches: []compare.Match{origin}},
		{Doc: 1, Matches: []compare.Match{one}},
		{Doc: 2, Matches: []compare.Match{mid}},
	}}
	p := NewComparePane(common.New(true), NewEngine(docs, nil))
	p.SetSize(w, h)
	p.Update(common.CompareMsg{Text: res.Query, From: origin.Loc, HasFrom: true})
	p.Update(compareResultMsg{seq: p.seq, result: res})
	return p
}

// A source whose sentence is megabytes long (a file with no punctuation)
// draws like any other: a window of it, cut with "…", its marks kept. This
// was quadratic in the text (minutes for 5 MB, with the keys ignored); the
// test has no timer, but a quadratic view would not finish in the test
// timeout, and BenchmarkCompareHugeParagraph measures it.
func TestCompareHugeParagraph(t *testing.T) {
	for _, size := range []int{100_000, 3_000_000} {
		for _, sz := range [][2]int{{120, 40}, {80, 24}, {40, 12}} {
			p := hugePane(t, size, sz[0], sz[1])
			v := p.View()
			requirePaneSize(t, v, sz[0], sz[1])
			plain := ansi.Strip(v)
			if !strings.Contains(plain, "…") && !strings.Contains(plain, "↓ more") {
				t.Errorf("%d bytes at %dx%d: neither a cut nor more below is shown:\n%s", size, sz[0], sz[1], plain)
			}
			if strings.Contains(plain, "comparing") {
				t.Errorf("%d bytes at %dx%d: still comparing:\n%s", size, sz[0], sz[1], plain)
			}
			// Every statement in turn, so each column draws its selection.
			for range 3 {
				p.Update(keyPress("j"))
				requirePaneSize(t, p.View(), sz[0], sz[1])
			}
		}
	}
	// Side by side, the one-sentence source shows its start and is cut;
	// the long paragraph shows the sentence whole with "…" either side.
	p := hugePane(t, 3_000_000, 160, 48)
	p.Update(keyPress("j"))
	plain := ansi.Strip(p.View())
	for _, want := range []string{"the talks in Islamabad between Iran", "…went on for hours", "The border talks went on for", "One sentence", "Long paragraph"} {
		if !strings.Contains(plain, want) {
			t.Errorf("160x48 lacks %q:\n%s", want, plain)
		}
	}
	// The one-sentence column (the second) ends its text with the cut,
	// well inside the column.
	var last string
	rows := 0
	for _, row := range strings.Split(plain, "\n") {
		cols := strings.Split(row, "│")
		if len(cols) == 3 && strings.TrimSpace(cols[1]) != "" {
			last = strings.TrimSpace(cols[1])
			rows++
		}
	}
	if !strings.HasSuffix(last, "…") || rows > 2+1+compareStmtLines*2 {
		t.Errorf("the long sentence is not cut (last line %q, %d rows):\n%s", last, rows, plain)
	}
}

// The cut keeps the marks: the window opens at the first shared term, so
// a term that appears only deep in a long sentence is in view.
func TestCompareWindowFollowsFirstMark(t *testing.T) {
	long := strings.Repeat("filler words without any point at all ", 2000) + "then the border comes " + strings.Repeat("and more filler ", 2000)
	docs := []*corpus.Document{
		fixtureDoc("000", "Origin", "", "", []string{"The border."}),
		fixtureDoc("001", "Deep", "", "", []string{long}),
	}
	m := compare.Match{Loc: corpus.Loc{Doc: 1}, Text: long, Context: long, Spans: spansOf(long, "border")}
	p := NewComparePane(common.New(true), NewEngine(docs, nil))
	p.SetSize(80, 24)
	text, spans := p.matchText(m, 36)
	if !strings.HasPrefix(text, "…") || !strings.HasSuffix(text, "…") {
		t.Errorf("the window is not cut at both ends: %.60q … %.60q", text, text[max(len(text)-60, 0):])
	}
	if len(text) > stmtLimit(36)+2*len("…") {
		t.Errorf("the window is %d bytes, over the %d limit", len(text), stmtLimit(36))
	}
	found := false
	for _, s := range spans {
		if text[s.Start:s.End] == "border" {
			found = true
		}
	}
	if !found {
		t.Errorf("the shared term is not marked in the window: %q", text)
	}
}

// Every shared term inside the window is marked, though the marks stop
// being looked at past the window's end.
func TestCompareWindowMarksEveryTermInIt(t *testing.T) {
	// At the start of the sentence, and deep inside it (the window opens
	// at the first mark, after filler with none).
	for _, filler := range []string{"", strings.Repeat("filler words without any point at all ", 2000)} {
		huge := filler + hugeWords(200_000)
		docs := []*corpus.Document{
			fixtureDoc("000", "Origin", "", "", []string{"The border."}),
			fixtureDoc("001", "Huge", "", "", []string{huge}),
		}
		p := NewComparePane(common.New(true), NewEngine(docs, nil))
		p.SetSize(120, 40)
		m := compare.Match{Loc: corpus.Loc{Doc: 1}, Text: huge, Context: huge, Spans: spansOf(huge, "border")}
		text, spans := p.matchText(m, 56)
		marked := 0
		for _, sp := range spans {
			switch text[sp.Start:sp.End] {
			case "border":
				marked++
			case "…": // the cut, marked as context
			default:
				t.Fatalf("a mark on %q, not a shared term", text[sp.Start:sp.End])
			}
		}
		if want := strings.Count(text, "border"); marked != want || want < 2 {
			t.Errorf("%d marks for %d shared terms in the window %.80q…", marked, want, text)
		}
	}
}

// BenchmarkCompareHugeParagraph draws the compare view of hugePane (a 5 MB
// sentence and a short one inside a 5 MB paragraph), without the cache
// between frames, after one selection move.
func BenchmarkCompareHugeParagraph(b *testing.B) {
	p := hugePane(b, 5_000_000, 160, 48)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			p.Update(keyPress("j"))
		} else {
			p.Update(keyPress("k"))
		}
		_ = p.draw()
	}
}
