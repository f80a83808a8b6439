package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
	"parley/tui/common"
)

// openTalks opens the fixture's richest document in a narrow window.
func openTalks(t *testing.T, w, h int) *Model {
	t.Helper()
	m := newTestModel(t, w, h, fixtureCorpus())
	press(m, "j", "enter")
	if m.focus != focusReader || m.reader.doc.ID != "talks" {
		t.Fatalf("focus %v doc %v", m.focus, m.reader.doc)
	}
	return m
}

func countFold(c *corpus.Document, q string) int {
	n := 0
	for _, b := range c.Blocks() {
		n += strings.Count(strings.ToLower(b.Block.Text), strings.ToLower(q))
	}
	return n
}

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
	if !strings.Contains(status(), "1/"+itoa(want)) {
		t.Fatalf("status %q", status())
	}
	press(m, "n")
	if !strings.Contains(status(), "2/"+itoa(want)) {
		t.Fatalf("after n: %q", status())
	}
	press(m, "N", "N")
	if !strings.Contains(status(), itoa(want)+"/"+itoa(want)) {
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

func TestSectionsAndOutline(t *testing.T) {
	m := openTalks(t, 80, 12)
	press(m, "]")
	if got := m.reader.currentSection(); got != "Background" {
		t.Fatalf("] went to %q", got)
	}
	press(m, "]")
	if !strings.Contains(screen(m), "What comes next") {
		t.Fatalf("] ] does not show the last section:\n%s", screen(m))
	}
	press(m, "[")
	if got := m.reader.currentSection(); got != "Background" {
		t.Fatalf("[ went to %q", got)
	}
	press(m, "[")
	if m.reader.top != 0 {
		t.Fatalf("[ before the first heading goes to the top, not %d", m.reader.top)
	}
	press(m, "g", "o", "j", "j", "enter")
	if got := m.reader.currentSection(); got != "What comes next" {
		t.Fatalf("outline went to %q", got)
	}
	if first := strings.Split(screen(m), "\n")[0]; !strings.Contains(first, "What comes next") {
		t.Fatalf("heading not at the top: %q", first)
	}
}

func TestScrollKeysAndWrapOnce(t *testing.T) {
	m := newTestModel(t, 60, 12, seedCorpus(t))
	press(m, "enter")
	r := m.reader.r
	if r == nil || len(r.lines) <= m.reader.bodyHeight() {
		t.Skip("document fits on one screen")
	}
	press(m, "j", "j")
	if m.reader.top != 2 {
		t.Fatalf("j j: top %d", m.reader.top)
	}
	press(m, "space")
	if m.reader.top != 2+m.reader.bodyHeight()-1 {
		t.Fatalf("space: top %d", m.reader.top)
	}
	press(m, "b", "G")
	if m.reader.top != m.reader.maxTop() {
		t.Fatalf("G: top %d of %d", m.reader.top, m.reader.maxTop())
	}
	press(m, "u", "d", "g")
	if m.reader.top != 0 {
		t.Fatalf("g: top %d", m.reader.top)
	}
	send(m, tea.MouseWheelMsg{X: 30, Y: 5, Button: tea.MouseWheelDown})
	if m.reader.top != 3 {
		t.Fatalf("wheel: top %d", m.reader.top)
	}
	if m.reader.r != r {
		t.Fatal("scrolling re-wrapped the document")
	}
	send(m, tea.WindowSizeMsg{Width: 61, Height: 12})
	if m.reader.r == r {
		t.Fatal("a new width must re-wrap")
	}
}

func TestSentenceCursorEmitsCompare(t *testing.T) {
	m := openTalks(t, 80, 24)
	press(m, "v", "j", "j", "j")
	// Drive the reader alone to see what it emits; through the root the
	// message is acted on at once.
	m.reader.Update(keyMsg("c"))
	nav := m.reader.TakeNav()
	if len(nav) != 1 {
		t.Fatalf("c emitted %v", nav)
	}
	msg, ok := nav[0].(common.CompareMsg)
	if !ok {
		t.Fatalf("c emitted %T", nav[0])
	}
	doc := m.reader.doc
	want := doc.Blocks()[1].Block.Sentences[0]
	if msg.Text != want.Text || !msg.HasFrom || msg.From.Block != 1 || msg.From.Sentence != 0 || msg.From.Doc != 0 {
		t.Fatalf("CompareMsg %+v, want %q at block 1", msg, want.Text)
	}
	press(m, "k")
	if m.reader.cursor.block != 0 || m.reader.cursor.sentence != 2 {
		t.Fatalf("k: cursor %+v", m.reader.cursor)
	}
	press(m, "esc")
	if m.reader.cursor.on || m.focus != focusReader {
		t.Fatal("esc leaves cursor mode first, staying in the reader")
	}
}

func TestCursorWalksEverySentence(t *testing.T) {
	m := openTalks(t, 40, 10)
	press(m, "v")
	total := 0
	for _, b := range m.reader.doc.Blocks() {
		total += len(b.Block.Sentences)
	}
	for i := 1; i < total+3; i++ {
		press(m, ")")
		view := screen(m)
		requireSize(t, m.render(), 40, 10)
		sent := m.reader.r.blocks[m.reader.cursor.block].Block.Sentences[m.reader.cursor.sentence]
		word := string([]rune(sent.Text)[:3])
		if !strings.Contains(view, word) {
			t.Fatalf("cursor sentence %q not on screen:\n%s", sent.Text, view)
		}
	}
}

func TestOpenMsgShowsAndMarksSentence(t *testing.T) {
	m := newTestModel(t, 80, 24, fixtureCorpus())
	loc := corpus.Loc{Doc: 0, Block: 6, Sentence: 1}
	send(m, common.OpenMsg{Loc: loc, Highlight: true})
	if m.focus != focusReader || m.reader.doc.ID != "talks" {
		t.Fatal("OpenMsg did not open the reader on the document")
	}
	if m.reader.mark == nil || *m.reader.mark != loc {
		t.Fatalf("mark %v", m.reader.mark)
	}
	if !strings.Contains(screen(m), "Dates have not been set.") {
		t.Fatalf("target not on screen:\n%s", screen(m))
	}
	// The mark is drawn with its own style: the raw view differs from the
	// same screen without it.
	with := m.render()
	m.reader.mark = nil
	if with == m.render() {
		t.Fatal("the marked sentence is not highlighted")
	}
	if ansi.Strip(with) != screen(m) {
		t.Fatal("highlighting changed the text")
	}
}

func TestOpenMsgClampsOutOfRange(t *testing.T) {
	m := newTestModel(t, 80, 24, fixtureCorpus())
	send(m, common.OpenMsg{Loc: corpus.Loc{Doc: 1, Block: 99, Sentence: 42}, Highlight: true})
	requireSize(t, m.render(), 80, 24)
	send(m, common.OpenMsg{Loc: corpus.Loc{Doc: 9}})
	requireSize(t, m.render(), 80, 24)
}

func TestMatterFolds(t *testing.T) {
	m := openTalks(t, 80, 24)
	press(m, "G")
	if strings.Contains(screen(m), "About the author") || !strings.Contains(screen(m), "back matter folded") {
		t.Fatal("back matter should start folded")
	}
	press(m, "m", "G")
	if !strings.Contains(screen(m), "About the author") {
		t.Fatal("m should show the matter")
	}
}

func TestMeasureCentredAndCJKFits(t *testing.T) {
	c := seedCorpus(t)
	for _, d := range c.Docs {
		for _, w := range []int{8, 21, 40, 79, 120, 200} {
			r := renderDoc(d, w, ptrStyles(), true)
			if r.measure > maxMeasure {
				t.Fatalf("measure %d", r.measure)
			}
			if w >= 100 && r.pad != (w-r.measure)/2 {
				t.Fatalf("%d: pad %d", w, r.pad)
			}
			for _, l := range r.lines {
				if got := ansi.StringWidth(ansi.Strip(l.styled)); got > r.measure || got != l.width {
					t.Fatalf("%s at %d: line %q is %d cells (measure %d, recorded %d)", d.ID, w, l.text, got, r.measure, l.width)
				}
			}
		}
	}
}

func ptrStyles() *common.Styles { s := common.NewStyles(true); return &s }

// J past the last document goes round to the first, and says so.
func TestNextDocumentSaysWhenItWraps(t *testing.T) {
	m := openTalks(t, 80, 24)
	for i := 0; i < len(m.list.shown)+1 && !strings.Contains(screen(m), "back to the first"); i++ {
		press(m, "J")
	}
	if !strings.Contains(screen(m), "past the last document: back to the first") {
		t.Fatalf("J never said it wrapped:\n%s", screen(m))
	}
	if first := m.list.docs[m.list.shown[0]]; m.reader.doc != first {
		t.Errorf("after wrapping the reader shows %s, want the first document %s", m.reader.doc.ID, first.ID)
	}
	press(m, "J")
	if strings.Contains(screen(m), "back to the first") {
		t.Error("the note stayed after the next key")
	}
}

func TestNextPreviousDocumentFollowsList(t *testing.T) {
	m := openTalks(t, 80, 24)
	press(m, "J")
	if m.reader.doc.ID != "notes" {
		t.Fatalf("J opened %s", m.reader.doc.ID)
	}
	press(m, "K", "K")
	if m.reader.doc.ID != "border" {
		t.Fatalf("K K opened %s", m.reader.doc.ID)
	}
	press(m, "ctrl+o")
	if m.reader.doc.ID != "talks" {
		t.Fatalf("ctrl+o went to %s", m.reader.doc.ID)
	}
	press(m, "ctrl+]")
	if m.reader.doc.ID != "border" {
		t.Fatalf("ctrl+] went to %s", m.reader.doc.ID)
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

// TestEmptyDocument: a document with no body (or an empty block) can be
// opened, scrolled, searched and put in cursor mode without trouble.
func TestEmptyDocument(t *testing.T) {
	c := &corpus.Corpus{Docs: []*corpus.Document{
		{ID: "empty", File: "empty.txt"},
		{ID: "blank", File: "blank.txt", Title: "Blank", Sections: []corpus.Section{{Heading: "Only a heading", Blocks: []corpus.Block{{Kind: corpus.Paragraph}}}}},
	}}
	for _, id := range []int{0, 1} {
		m := newTestModel(t, 50, 10, c)
		send(m, common.OpenMsg{Loc: corpus.Loc{Doc: id, Block: 0, Sentence: 0}, Highlight: true})
		press(m, "j", "G", "]", "[", "o", "enter", "v", "j", "c", "esc", "/")
		typeText(m, "x")
		press(m, "enter", "n", "m", "J")
		for w := 1; w < 60; w += 3 {
			send(m, tea.WindowSizeMsg{Width: w, Height: 1 + w%12})
			requireSize(t, m.render(), w, 1+w%12)
		}
	}
}

// An empty file opened from a folder is named by its file name and says it
// is empty: no "empty read" in the header.
func TestEmptyFileHeader(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "empty.txt", "")
	writeFile(t, dir, "normal.txt", "A normal document\n\nSome text about the talks.\n")
	c, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	idx := -1
	for i, d := range c.Docs {
		if d.File == "empty.txt" {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatal("empty.txt did not load")
	}
	m := newTestModel(t, 100, 12, c)
	send(m, common.OpenMsg{Loc: corpus.Loc{Doc: idx, Block: -1, Sentence: -1}})
	got := screen(m)
	for _, want := range []string{"│ empty.txt", "(empty document)", "All · empty.txt"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "empty read") {
		t.Errorf("the header gives an empty document a reading time:\n%s", got)
	}
	// A document with a body has its reading time and no such note.
	send(m, common.OpenMsg{Loc: corpus.Loc{Doc: 1 - idx, Block: -1, Sentence: -1}})
	got = screen(m)
	if !strings.Contains(got, "1 min read") || strings.Contains(got, "(empty document)") {
		t.Errorf("normal document:\n%s", got)
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

// seedIndex is the index of the seed whose id starts with prefix.
func seedIndex(t *testing.T, c *corpus.Corpus, prefix string) int {
	t.Helper()
	for i, d := range c.Docs {
		if strings.HasPrefix(d.ID, prefix) {
			return i
		}
	}
	t.Fatalf("no %s in the seeds", prefix)
	return -1
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

// openSeed opens the seed whose id starts with prefix, at its top.
func openSeed(t *testing.T, prefix string, w, h int) *Model {
	t.Helper()
	c := seedCorpus(t)
	m := newTestModel(t, w, h, c)
	send(m, common.OpenMsg{Loc: corpus.Loc{Doc: seedIndex(t, c, prefix), Block: -1, Sentence: -1}})
	if m.focus != focusReader {
		t.Fatalf("focus %v", m.focus)
	}
	return m
}

// statusLine is the reader's status line on screen.
func statusLine(m *Model) string {
	lines := strings.Split(screen(m), "\n")
	return lines[len(lines)-2]
}

// matchText is the text a find match covers, in the body or the matter.
func matchText(p *readerPane, mt overlay) string {
	if mt.block >= 0 {
		return p.r.blocks[mt.block].Block.Text[mt.start:mt.end]
	}
	return p.doc.Matter[noteOf(mt.block)].Text[mt.start:mt.end]
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
		if p.find.cur != k || !strings.Contains(statusLine(m), itoa(k+1)+"/3") {
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
	if !strings.Contains(statusLine(m), itoa(p.find.cur+1)+"/"+itoa(len(p.find.matches))) || p.find.cur != 2+front {
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

// An empty HTML page is treated as an empty .txt: named by its whole file
// name, "(empty document)" in the reader, and a note that no title was found.
func TestEmptyHTMLPageIsAnEmptyDocument(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "empty.html", "<html><body></body></html>\n")
	c, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	if err != nil || len(c.Docs) != 1 {
		t.Fatalf("%v, %d documents", err, len(c.Docs))
	}
	if d := c.Docs[0]; !strings.Contains(strings.Join(d.Notes, "\n"), "no title in the text") {
		t.Errorf("notes %q", d.Notes)
	}
	m := newTestModel(t, 100, 12, c)
	send(m, common.OpenMsg{Loc: corpus.Loc{Doc: 0, Block: -1, Sentence: -1}})
	got := screen(m)
	for _, want := range []string{"│ empty.html", "(empty document)", "All · empty.html"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q:\n%s", want, got)
		}
	}
}
