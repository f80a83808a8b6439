package tui

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/tui/common"
)

// After a find, the first esc clears its highlights and count and stays
// in the reader, where it is; the second goes back.
func TestEscClearsFindFirst(t *testing.T) {
	m := openTalks(t, 80, 24)
	press(m, "/")
	typeText(m, "talks")
	press(m, "enter")
	top := m.reader.top
	press(m, "esc")
	if m.focus != focusReader || len(m.reader.find.matches) != 0 || m.reader.find.query != "" {
		t.Fatalf("esc after a find: focus %v, %d matches, query %q", m.focus, len(m.reader.find.matches), m.reader.find.query)
	}
	if m.reader.top != top {
		t.Errorf("clearing the find moved the reader from line %d to %d", top, m.reader.top)
	}
	press(m, "/")
	typeText(m, "zzzq")
	press(m, "enter", "esc")
	if strings.Contains(screen(m), "no match") {
		t.Error("esc left the no-match message on screen")
	}
}

func TestFindCountsAndCycles(t *testing.T) {
	m := openTalks(t, 80, 24)
	press(m, "/")
	typeText(m, "TALKS")
	press(m, "enter")
	want := countFold(m.reader.doc, "talks")
	if want < 2 || len(m.reader.find.matches) != want {
		t.Fatalf("matches %d, want %d", len(m.reader.find.matches), want)
	}
	status := func() string {
		lines := strings.Split(screen(m), "\n")
		return lines[len(lines)-2]
	}
	if !strings.Contains(status(), "1/"+strconv.Itoa(want)) {
		t.Fatalf("status %q", status())
	}
	press(m, "n")
	if !strings.Contains(status(), "2/"+strconv.Itoa(want)) {
		t.Fatalf("after n: %q", status())
	}
	press(m, "N", "N")
	if !strings.Contains(status(), strconv.Itoa(want)+"/"+strconv.Itoa(want)) {
		t.Fatalf("N wraps to the last: %q", status())
	}
	// Every match is drawn on screen as the text it matched.
	for _, mt := range m.reader.find.matches {
		text := m.reader.r.blocks[mt.block].Block.Text[mt.start:mt.end]
		if !strings.EqualFold(text, "talks") {
			t.Fatalf("match %q", text)
		}
	}
}

func TestFindNoMatch(t *testing.T) {
	m := openTalks(t, 80, 24)
	press(m, "/")
	typeText(m, "zzzq")
	press(m, "enter")
	if !strings.Contains(screen(m), `no match for "zzzq"`) {
		t.Fatal(screen(m))
	}
}

func TestFindFoldKeepsOffsets(t *testing.T) {
	// "İ" lower-cases to two runes; offsets must still point at the text.
	text := "İstanbul and ISTANBUL, ıstanbul"
	for _, m := range findFold(text, "istanbul") {
		if !strings.EqualFold(text[m[0]:m[1]], "istanbul") {
			t.Fatalf("match %q", text[m[0]:m[1]])
		}
	}
	if got := len(findFold(text, "STANBUL")); got != 3 {
		t.Fatalf("got %d matches", got)
	}
}

func TestFindIsIncrementalAndEscRestores(t *testing.T) {
	m := newTestModel(t, 60, 12, fixtureCorpus())
	press(m, "j", "enter", "j")
	top := m.reader.top
	press(m, "/")
	typeText(m, "gene")
	if n := len(m.reader.find.matches); n != 1 {
		t.Fatalf("while typing: %d matches", n)
	}
	if !strings.Contains(screen(m), "Geneva") || !strings.Contains(screen(m), "1/1") {
		t.Fatalf("the match and its count show while typing:\n%s", screen(m))
	}
	press(m, "esc")
	if m.reader.top != top || len(m.reader.find.matches) != 0 || m.reader.find.typing {
		t.Fatalf("esc: top %d (was %d), %d matches", m.reader.top, top, len(m.reader.find.matches))
	}
}

// The sentence cursor starts on the sentence of the current find match,
// not on the first sentence on screen.
func TestCursorStartsAtFindMatch(t *testing.T) {
	m := openTalks(t, 80, 24)
	press(m, "/")
	typeText(m, "kilometers")
	press(m, "enter", "v")
	c := m.reader.cursor
	if !c.on {
		t.Fatal("v did not start the cursor")
	}
	got := m.reader.r.blocks[c.block].Block.Sentences[c.sentence].Text
	if !strings.Contains(got, "kilometers") {
		t.Fatalf("cursor on %q, want the sentence holding the match", got)
	}
}

// Scrolled away from the match (G), v starts the cursor on the screen,
// not back where the match was.
func TestCursorStartsOnScreenAfterScrollingAway(t *testing.T) {
	m := openTalks(t, 60, 8)
	press(m, "/")
	typeText(m, "kilometers")
	press(m, "enter", "G")
	p := m.reader
	bottom := p.top
	press(m, "v")
	if !p.cursor.on {
		t.Fatal("v did not start the cursor")
	}
	if got := p.r.blocks[p.cursor.block].Block.Sentences[p.cursor.sentence].Text; strings.Contains(got, "kilometers") || p.top != bottom {
		t.Fatalf("cursor on %q with the screen from line %d, want a sentence on the screen from %d", got, p.top, bottom)
	}
}

// A find with no match in the body but some in the folded front or back
// matter says where they are and which key unfolds them (RCAS, 003: its
// author is a "Nonresident Senior Fellow" in both), in as many words as
// the status line has room for. Once m shows the matter, find reads it
// too, so the same find counts its 3 matches there.
func TestFindNamesFoldedMatter(t *testing.T) {
	c := seedCorpus(t)
	idx := seedIndex(t, c, "003")
	for _, tc := range []struct {
		w              int
		typing, folded string
		open           string
	}{
		{200, `no match · 3 in the folded front and back matter, m shows it`,
			`no match for "Nonresident" · 3 in the folded front and back matter, m shows it`,
			`1/3`},
		{120, `no match · 3 in folded matter`,
			`no match · 3 in the folded front and back matter, m shows it`,
			`1/3`},
		{40, ``, `no match · 3 in folded matter`, `1/3`},
	} {
		m := newTestModel(t, tc.w, 30, c)
		send(m, common.OpenMsg{Loc: corpus.Loc{Doc: idx, Block: -1, Sentence: -1}})
		if m.focus != focusReader {
			t.Fatalf("focus %v", m.focus)
		}
		press(m, "/")
		send(m, tea.PasteMsg{Content: "Nonresident"}) // as typing, without a blink per key
		lines := strings.Split(screen(m), "\n")
		if got := lines[len(lines)-2]; !strings.Contains(got, tc.typing) || !strings.Contains(got, "/Nonresident ") || strings.Contains(got, "…") {
			t.Errorf("%d columns, while typing, want %q:\n%s", tc.w, tc.typing, got)
		}
		press(m, "enter")
		if got := screen(m); !strings.Contains(got, tc.folded+" ") {
			t.Errorf("%d columns, after enter, want %q:\n%s", tc.w, tc.folded, got)
		}
		press(m, "m")
		if got := screen(m); !strings.Contains(got, tc.open+" ") {
			t.Errorf("%d columns, with the matter shown, want %q:\n%s", tc.w, tc.open, got)
		}
		requireSize(t, m.render(), tc.w, 30)
		// A word in neither stays a bare "no match".
		press(m, "/")
		send(m, tea.PasteMsg{Content: "zzzq"})
		press(m, "enter")
		if got := statusLine(m); !strings.Contains(got, `no match for "zzzq"`) || strings.Contains(got, "matter") {
			t.Errorf("%d columns, no match anywhere:\n%s", tc.w, got)
		}
	}
}

// Find takes an accent typed or pasted as a combining mark for the
// composed letter the document holds (documents are read in NFC).
func TestFindDecomposedAccent(t *testing.T) {
	c := seedCorpus(t)
	idx := seedIndex(t, c, "001")
	m := newTestModel(t, 100, 30, c)
	send(m, common.OpenMsg{Loc: corpus.Loc{Doc: idx, Block: -1, Sentence: -1}})
	want := countFold(m.reader.doc, "türkiye")
	if want == 0 {
		t.Fatal("001 no longer names Türkiye")
	}
	for _, input := range []func(){
		func() { typeText(m, "tu\u0308rkiye") },
		func() { send(m, tea.PasteMsg{Content: "tu\u0308rkiye"}) },
	} {
		press(m, "/")
		input()
		press(m, "enter")
		if got := len(m.reader.find.matches); got != want {
			t.Errorf("decomposed türkiye: %d matches, want %d", got, want)
		}
	}
}

// With the matter shown, find reads it as it reads the body: 003 has
// "Nonresident" only in its matter (twice in front, once in back), so
// /Nonresident finds 3, and n goes through them in reading order, each on
// screen in its turn.
func TestFindReadsShownMatter(t *testing.T) {
	m := openSeed(t, "003", 80, 24)
	press(m, "m", "/")
	typeText(m, "Nonresident")
	if got := statusLine(m); !strings.Contains(got, " 1/3 ") {
		t.Fatalf("while typing, want 1/3: %q", got)
	}
	press(m, "enter")
	p := m.reader
	if len(p.find.matches) != 3 {
		t.Fatalf("%d matches, want 3", len(p.find.matches))
	}
	kinds := ""
	for _, mt := range p.find.matches {
		if mt.block >= 0 {
			t.Fatalf("a match in the body: %+v", mt)
		}
		if !strings.EqualFold(matchText(p, mt), "nonresident") {
			t.Fatalf("match %q", matchText(p, mt))
		}
		kinds += p.doc.Matter[noteOf(mt.block)].Kind[:1]
	}
	if kinds != "ffb" {
		t.Fatalf("matches in the %q matter, want front, front, back", kinds)
	}
	prev := -1
	for i := range 4 {
		if i > 0 {
			press(m, "n")
		}
		k := i % 3
		if p.find.cur != k || !strings.Contains(statusLine(m), strconv.Itoa(k+1)+"/3") {
			t.Fatalf("after %d n: current %d, status %q", i, p.find.cur, statusLine(m))
		}
		mt := p.find.matches[k]
		line := p.lineOfOffset(mt.block, mt.start)
		if line < p.top || line >= p.top+p.bodyHeight() {
			t.Fatalf("match %d on line %d, off screen (top %d)", k+1, line, p.top)
		}
		// The screen row of that line shows the matched word.
		row := strings.Split(screen(m), "\n")[line-p.top]
		if !strings.Contains(strings.ToLower(row), "nonresident") {
			t.Fatalf("match %d: row %q", k+1, row)
		}
		if i < 3 && line < prev {
			t.Fatalf("match %d on line %d, above the one before (%d)", k+1, line, prev)
		}
		prev = line
	}
	// N goes back round: from the first to the last, in the back matter.
	press(m, "n", "n", "N", "N", "N")
	if p.find.cur != 2 {
		t.Fatalf("N from the first: current %d, want the last", p.find.cur)
	}
	requireSize(t, m.render(), 80, 24)
}

// With the matter folded, the same find is today's: no match in the body,
// and the status says where the word is and that m shows it.
func TestFindFoldedMatterStaysBodyOnly(t *testing.T) {
	m := openSeed(t, "003", 120, 30)
	press(m, "/")
	typeText(m, "Nonresident")
	press(m, "enter")
	if n := len(m.reader.find.matches); n != 0 {
		t.Fatalf("%d matches with the matter folded", n)
	}
	if got := statusLine(m); !strings.Contains(got, "no match · 3 in the folded front and back matter, m shows it") {
		t.Fatalf("status %q", got)
	}
}

// The current match in the shown matter is drawn with the current-match
// paint and the others with the match paint, as in the body.
func TestFindHighlightsMatterMatch(t *testing.T) {
	m := openSeed(t, "003", 80, 24)
	press(m, "m", "/")
	typeText(m, "nonresident")
	press(m, "enter")
	view := m.render()
	st := m.reader.ctx.Styles.Paint
	if st.MatchCurrent.Pre == "" || st.Match.Pre == "" {
		t.Skip("no paint for matches in this profile")
	}
	// The front matter's two matches are on this screen: "Nonresident
	// Senior Fellow" (current) and "resident/nonresident" (not).
	cur := st.MatchCurrent.Pre + "Nonresident" + st.MatchCurrent.Post
	other := st.Match.Pre + "nonresident" + st.Match.Post
	if !strings.Contains(view, cur) || !strings.Contains(view, other) {
		t.Fatalf("want %q and %q in the view:\n%q", cur, other, view)
	}
	// Folding the matter takes the highlights with it.
	press(m, "m")
	if view := m.render(); strings.Contains(view, st.MatchCurrent.Pre) || strings.Contains(view, st.Match.Pre+"nonresident") {
		t.Fatalf("highlights left after folding:\n%s", screen(m))
	}
}

// m with a find active finds again and keeps the current match where it
// can: a body match stays current (its number moves by the matches in the
// front matter), one in matter just folded gives way to the nearest body
// match.
func TestFindMatterToggleKeepsCurrent(t *testing.T) {
	m := openSeed(t, "003", 100, 30)
	p := m.reader
	press(m, "/")
	typeText(m, "Pakistan")
	press(m, "enter", "n", "n")
	body := len(p.find.matches)
	if body < 4 {
		t.Fatalf("%d matches of Pakistan in 003's body", body)
	}
	want := p.find.matches[p.find.cur]
	front := 0
	for _, mt := range p.doc.Matter {
		if mt.Kind == "front" {
			front += len(findFold(mt.Text, "Pakistan"))
		}
	}
	if front == 0 {
		t.Fatal("003's front matter no longer names Pakistan")
	}
	press(m, "m")
	if got := p.find.matches[p.find.cur]; got != want || len(p.find.matches) <= body {
		t.Fatalf("after m: current %+v of %d, want %+v", got, len(p.find.matches), want)
	}
	if !strings.Contains(statusLine(m), strconv.Itoa(p.find.cur+1)+"/"+strconv.Itoa(len(p.find.matches))) || p.find.cur != 2+front {
		t.Fatalf("after m: current %d, status %q", p.find.cur, statusLine(m))
	}
	press(m, "m")
	if got := p.find.matches[p.find.cur]; got != want || len(p.find.matches) != body || p.find.cur != 2 {
		t.Fatalf("after m m: current %d %+v, want 2 %+v", p.find.cur, got, want)
	}
	// On the last match, in the back matter: folding it goes to the last
	// body match.
	goTo := func(k int) {
		for range len(p.find.matches) {
			if p.find.cur == k {
				return
			}
			press(m, "n")
		}
	}
	press(m, "m")
	goTo(len(p.find.matches) - 1)
	if last := p.find.matches[p.find.cur]; last.block >= 0 {
		t.Fatalf("the last match is in the body: %+v", last)
	}
	press(m, "m")
	if p.find.cur != body-1 {
		t.Fatalf("folded from the back matter: current %d, want the last body match %d", p.find.cur, body-1)
	}
	// On the first, in the front matter: folding it goes to the first.
	press(m, "m")
	goTo(0)
	if first := p.find.matches[p.find.cur]; p.find.cur != 0 || first.block >= 0 {
		t.Fatalf("the first match: %d %+v", p.find.cur, first)
	}
	press(m, "m")
	if p.find.cur != 0 {
		t.Fatalf("folded from the front matter: current %d, want 0", p.find.cur)
	}
	mt := p.find.matches[0]
	if line := p.lineOfOffset(mt.block, mt.start); line < p.top || line >= p.top+p.bodyHeight() {
		t.Fatalf("the current match is off screen after folding (line %d, top %d)", line, p.top)
	}
}

// With the sentence cursor on, the find's count stays apart from the
// mode on the status line: "c compares · 1/2", not "c compares 1/2".
func TestCursorStatusKeepsFindCountApart(t *testing.T) {
	m := openTalks(t, 100, 24)
	press(m, "/")
	typeText(m, "kilometers")
	press(m, "enter", "v")
	status := m.reader.statusLine()
	if !strings.Contains(status, "sentence · c compares · 1/") {
		t.Fatalf("status line %q", status)
	}
	press(m, "esc")
	if status := m.reader.statusLine(); strings.Contains(status, "compares") {
		t.Fatalf("status line after esc %q", status)
	}
}
