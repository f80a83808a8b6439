package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"

	"parley/corpus"
	"parley/tui/common"
)

// emojiLine is the QA case: a ZWJ family and a flag, 2 cells each as
// grapheme clusters, 6 and 2 as the codepoints a terminal without mode
// 2027 draws one by one.
const emojiLine = "👨‍👩‍👧 🇵🇰"

// emojiCorpus is the fixture with a document full of emoji sequences: in
// its title, outlet, a heading, the matter and paragraphs long enough to
// wrap. It is the newest, so it is listed first and shown beside the list.
func emojiCorpus() *corpus.Corpus {
	c := fixtureCorpus()
	para := func(text string) corpus.Block {
		return corpus.Block{Kind: corpus.Paragraph, Text: text, Sentences: splitSentences(text)}
	}
	d := &corpus.Document{
		ID: "emoji", File: "emoji.txt", Path: "emoji.txt",
		Title: "Families " + emojiLine + " at the talks", Outlet: "👍🏽 Desk ❤️", Published: "2026-05-01",
		Sections: []corpus.Section{
			{Blocks: []corpus.Block{
				para("A family " + emojiLine + " and a thumb 👍🏽 met in Islamabad. The talks went on."),
				para(strings.Repeat(emojiLine+" ", 40) + "end."),
			}},
			{Heading: "Heading " + emojiLine, Blocks: []corpus.Block{
				para(strings.Repeat("word "+emojiLine+" ", 20) + "family."),
			}},
		},
		Matter: []corpus.Matter{{Kind: "front", Text: "Desk " + emojiLine}},
		Words:  120,
	}
	c.Docs = append([]*corpus.Document{d}, c.Docs...)
	return c
}

// requireBorder checks that the rule between the list and the reader is in
// its column on every row, measured cluster by cluster as the renderer
// places them.
func requireBorder(t *testing.T, m *Model, label string) {
	t.Helper()
	if !m.lay.split || m.showAll || (m.focus != focusList && m.focus != focusReader) {
		return
	}
	col := m.lay.list.W
	for y, line := range strings.Split(screen(m), "\n")[:m.lay.main.H] {
		x, rest, state, at := 0, line, -1, ""
		for rest != "" && x <= col {
			var c string
			c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
			if x == col {
				at = c
			}
			x += common.StrWidth(c)
		}
		if at != "│" {
			t.Fatalf("%s: row %d has %q in the border's column %d: %q", label, y, at, col, line)
		}
	}
}

// A line of emoji sequences never overflows a pane: every frame is exactly
// the window's size, and the border stays in its column, whichever way the
// renderer measures (per codepoint, as by default, or per grapheme cluster
// once the terminal reports mode 2027, which the model follows).
func TestEmojiNeverOverflows(t *testing.T) {
	for _, grapheme := range []bool{false, true} {
		name := "wcwidth"
		if grapheme {
			name = "grapheme"
		}
		t.Run(name, func(t *testing.T) {
			t.Cleanup(func() { common.SetWidthMethod(ansi.WcWidth) })
			m := newSearchModel(t, 100, 24, emojiCorpus())
			if common.WidthMethod() != ansi.WcWidth {
				t.Fatal("text is measured per codepoint until the terminal says otherwise")
			}
			if m.reader.doc == nil || m.reader.doc.ID != "emoji" {
				t.Fatalf("the emoji document is not beside the list: %v", m.reader.doc)
			}
			wcLines := len(m.reader.r.lines)
			if grapheme {
				send(m, tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeReset})
				if common.WidthMethod() != ansi.GraphemeWidth {
					t.Fatal("a mode 2027 report did not switch to grapheme widths")
				}
				// The reader wraps again: clusters take fewer cells.
				if n := len(m.reader.r.lines); n >= wcLines {
					t.Fatalf("the reader kept its per-codepoint wrap: %d lines, %d before", n, wcLines)
				}
			}
			check := func(label string) {
				t.Helper()
				w, h := m.ctx.Width, m.ctx.Height
				requireSize(t, m.render(), w, h)
				requireBorder(t, m, label)
			}
			check("list beside the reader")
			press(m, "enter")
			check("reader")
			press(m, "m", "/")
			send(m, tea.PasteMsg{Content: "family"})
			press(m, "enter")
			check("reader, find and matter")
			press(m, "v", "j", "j")
			check("reader, sentence cursor")
			press(m, "esc", "G")
			check("reader, bottom")
			for w := 20; w <= 130; w += 3 {
				send(m, tea.WindowSizeMsg{Width: w, Height: 12 + w%9})
				check(fmt.Sprintf("reader at %d columns", w))
			}
			press(m, "esc", "esc")
			for w := 20; w <= 130; w += 3 {
				send(m, tea.WindowSizeMsg{Width: w, Height: 12 + w%9})
				check(fmt.Sprintf("list at %d columns", w))
			}
			send(m, tea.WindowSizeMsg{Width: 90, Height: 20})
			searchFeed(m, keyMsg("F"))
			for _, r := range "family" {
				searchFeed(m, tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			if !strings.Contains(screen(m), "👨‍👩‍👧") {
				t.Fatalf("no emoji hit:\n%s", screen(m))
			}
			for w := 20; w <= 130; w += 5 {
				send(m, tea.WindowSizeMsg{Width: w, Height: 20})
				check(fmt.Sprintf("search at %d columns", w))
			}
			send(m, common.CompareMsg{Text: "A family " + emojiLine + " met in Islamabad"})
			compareNow(t, m)
			for w := 20; w <= 170; w += 10 {
				send(m, tea.WindowSizeMsg{Width: w, Height: 30})
				check(fmt.Sprintf("compare at %d columns", w))
			}
		})
	}
}
