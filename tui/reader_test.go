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
