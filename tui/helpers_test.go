package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
	"parley/tui/common"
)

// fixtureCorpus is a small hand-made corpus, so the golden views do not
// change whenever the parser improves. It has every block kind, emphasis,
// matter, editorial metadata, a CJK paragraph and an undated document.
func fixtureCorpus() *corpus.Corpus {
	para := func(text string) corpus.Block {
		return corpus.Block{Kind: corpus.Paragraph, Text: text, Sentences: splitSentences(text)}
	}
	block := func(kind corpus.BlockKind, text string) corpus.Block {
		b := para(text)
		b.Kind = kind
		return b
	}
	emph := para("The talks lasted twenty-one hours. Both sides called them serious.")
	emph.Emphasis = []corpus.Span{{Start: 16, End: 33}}
	talks := &corpus.Document{
		ID: "talks", File: "talks.txt", Path: "talks.txt",
		Title: "Talks in Islamabad", Subtitle: "A long night of diplomacy",
		Outlet: "Example Times", Author: "A. Writer", Published: "2026-04-12", Kind: "news",
		Editorial: []string{"outlet"},
		Sections: []corpus.Section{
			{Blocks: []corpus.Block{
				para("Delegations from Iran and the United States met in Islamabad on Saturday. Pakistan hosted the meeting. Observers were cautious."),
				emph,
			}},
			{Heading: "Background", Blocks: []corpus.Block{
				para("Pakistan and Iran share more than 900 kilometers of border. The border matters to both."),
				block(corpus.ListItem, "Sanctions relief was on the table."),
				block(corpus.ListItem, "So was the Strait of Hormuz."),
				block(corpus.Quote, "We came to listen, not to lecture. The talks were never a failure."),
			}},
			{Heading: "What comes next", Blocks: []corpus.Block{
				para("A second round is expected in Geneva. Dates have not been set. The mediators said the talks would resume soon, and that technical teams would meet first to narrow the remaining gaps on verification and sequencing."),
				block(corpus.Caption, "Photo: the conference hall in Islamabad."),
				para("中国传媒大学人类命运共同体研究院认为，这次会谈是一个重要的开始。双方都表示愿意继续对话。"),
			}},
		},
		Matter: []corpus.Matter{{Kind: "front", Text: "Example Times, News desk."}, {Kind: "back", Text: "About the author: A. Writer covers South Asia."}},
	}
	border := &corpus.Document{
		ID: "border", File: "border.md", Path: "border.md",
		Title: "A border of 909 km", Outlet: "Daily Ledger", Author: "B. Reporter", Published: "2026-04-18",
		Sections: []corpus.Section{{Blocks: []corpus.Block{
			para("The border between Pakistan and Iran runs for 909 km. Trade across it has grown."),
			para("Officials in Islamabad said the talks were useful. Nobody expected a deal."),
		}}},
	}
	undated := &corpus.Document{
		ID: "notes", File: "notes.txt", Path: "notes.txt",
		Title: "Analyst notes", Outlet: "", Author: "",
		Sections: []corpus.Section{{Blocks: []corpus.Block{
			para("Notes without a date are listed last. They are still searchable."),
		}}},
	}
	c := &corpus.Corpus{Docs: []*corpus.Document{talks, border, undated}}
	for _, d := range c.Docs {
		for _, s := range d.Sections {
			for _, b := range s.Blocks {
				d.Words += len(strings.Fields(b.Text))
			}
		}
	}
	return c
}

// splitSentences splits on ". " and "。" for the fixture only.
func splitSentences(text string) []corpus.Sentence {
	var out []corpus.Sentence
	start := 0
	for i := 0; i < len(text); i++ {
		end := -1
		if text[i] == '.' && (i+1 == len(text) || text[i+1] == ' ') {
			end = i + 1
		} else if strings.HasPrefix(text[i:], "。") {
			end = i + len("。")
		}
		if end < 0 {
			continue
		}
		out = append(out, corpus.Sentence{Text: text[start:end], Start: start, End: end})
		start = end
		for start < len(text) && text[start] == ' ' {
			start++
		}
		i = start - 1
	}
	if start < len(text) {
		out = append(out, corpus.Sentence{Text: text[start:], Start: start, End: len(text)})
	}
	return out
}

// newTestModel is a model of the given size with c loaded, its state file
// in a temp dir (never the real home), and dark styles.
func newTestModel(t testing.TB, w, h int, c *corpus.Corpus) *Model {
	t.Helper()
	m := newModel(nil, filepath.Join(t.TempDir(), "state.json"))
	send(m, tea.WindowSizeMsg{Width: w, Height: h})
	send(m, loadedMsg{c: c})
	return m
}

// seedCorpus loads the embedded seeds.
func seedCorpus(t testing.TB) *corpus.Corpus {
	t.Helper()
	c, err := corpus.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// seedOrder is the embedded documents in the list's default order.
func seedOrder(t *testing.T) []*corpus.Document {
	t.Helper()
	return ListOrder(seedCorpus(t).Docs)
}

// widest is the widest line of a screen.
func widest(screen string) int {
	n := 0
	for _, l := range strings.Split(strings.TrimRight(screen, "\n"), "\n") {
		n = max(n, ansi.StringWidth(l))
	}
	return n
}

// findCount reads a find's count ("3/12") at the end of a line.
var findCount = regexp.MustCompile(`(\d+)/(\d+)\s*$`)

// keyMsg turns a key name as KeyMap writes it into a key press.
func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]tea.KeyPressMsg{
		"enter":     {Code: tea.KeyEnter},
		"esc":       {Code: tea.KeyEscape},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"space":     {Code: tea.KeySpace, Text: " "},
		"pgdown":    {Code: tea.KeyPgDown},
		"pgup":      {Code: tea.KeyPgUp},
		"home":      {Code: tea.KeyHome},
		"end":       {Code: tea.KeyEnd},
		"down":      {Code: tea.KeyDown},
		"up":        {Code: tea.KeyUp},
		"backspace": {Code: tea.KeyBackspace},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
		"ctrl+o":    {Code: 'o', Mod: tea.ModCtrl},
		"ctrl+]":    {Code: ']', Mod: tea.ModCtrl},
		"ctrl+d":    {Code: 'd', Mod: tea.ModCtrl},
		"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
	}
	if msg, ok := named[k]; ok {
		return msg
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// press sends keys; a key name of one rune per character for typed text
// can be given with typeText.
func press(m *Model, keys ...string) {
	for _, k := range keys {
		send(m, keyMsg(k))
	}
}

func typeText(m *Model, s string) {
	for _, r := range s {
		send(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// Tests never wait on timers: text inputs do not blink here, so every
// command the model returns finishes on its own (background saves too),
// and runCmd waits for each one. A command still running after
// cmdDeadline is a timer a test should not have started, and fails loudly
// rather than being dropped.
func init() { common.InputBlink = false }

const cmdDeadline = 10 * time.Second

// send runs Update and then the commands it returns, feeding back the
// navigation messages they produce (open, back, next document, compare).
func send(m *Model, msg tea.Msg) tea.Cmd {
	_, cmd := m.Update(msg)
	runCmd(m, cmd, 0)
	return cmd
}

func runCmd(m *Model, cmd tea.Cmd, depth int) {
	if cmd == nil || depth > 8 {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(cmdDeadline):
		panic("a command did not return: it waits on a timer (a blink, a tick, a delay); tests must not start one")
	}
	switch msg := msg.(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			runCmd(m, c, depth+1)
		}
	case common.OpenMsg, openDocMsg, common.BackMsg, stepDocMsg, common.CompareMsg:
		_, next := m.Update(msg)
		runCmd(m, next, depth+1)
	}
}

// screen is the view without colour, as a user reads it.
func screen(m *Model) string { return ansi.Strip(m.render()) }

// requireSize fails unless view is exactly w×h cells.
func requireSize(t testing.TB, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("%dx%d: view has %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if got := common.StrWidth(l); got != w {
			t.Fatalf("%dx%d: line %d is %d cells wide: %q", w, h, i, got, ansi.Strip(l))
		}
	}
}

func writeFile(t testing.TB, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
