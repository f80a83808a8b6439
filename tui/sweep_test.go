package tui

import (
	"math/rand"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestSizeSweep renders every width 1–120 and height 1–50, with the list
// focused and with the reader on a document with CJK text, and checks the
// view is exactly the window's size.
func TestSizeSweep(t *testing.T) {
	if testing.Short() {
		t.Skip("sweep")
	}
	c := seedCorpus(t)
	states := map[string][]string{
		"list":   nil,
		"reader": {"G", "enter", "/", "t", "h", "e", "enter", "v", "j"},
	}
	for name, keys := range states {
		m := newTestModel(t, 80, 24, c)
		press(m, keys...)
		for w := 1; w <= 120; w++ {
			for h := 1; h <= 50; h++ {
				send(m, tea.WindowSizeMsg{Width: w, Height: h})
				requireSize(t, m.render(), w, h)
			}
		}
		_ = name
	}
}

func TestLargeSizes(t *testing.T) {
	c := seedCorpus(t)
	m := newTestModel(t, 80, 24, c)
	press(m, "enter")
	for _, s := range [][2]int{{400, 150}, {399, 149}, {250, 3}, {3, 150}, {1, 1}, {0, 0}} {
		send(m, tea.WindowSizeMsg{Width: s[0], Height: s[1]})
		if s[0] == 0 {
			if m.render() != "" {
				t.Fatal("0x0 should draw nothing")
			}
			continue
		}
		requireSize(t, m.render(), s[0], s[1])
	}
}

func TestTooSmallSaysSo(t *testing.T) {
	m := newTestModel(t, 80, 24, fixtureCorpus())
	send(m, tea.WindowSizeMsg{Width: 19, Height: 10})
	if got := screen(m); got[:18] != "terminal too small" {
		t.Fatalf("got %q", got)
	}
}

// TestResizeStorm: after many resizes the view is the one a fresh model
// draws at the final size, so nothing is left over from the storm.
func TestResizeStorm(t *testing.T) {
	c := seedCorpus(t)
	keys := []string{"enter", "space", "space", "/", "i", "r", "a", "n", "enter", "n"}
	m := newTestModel(t, 100, 30, c)
	press(m, keys...)
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		send(m, tea.WindowSizeMsg{Width: rng.Intn(260) + 1, Height: rng.Intn(90) + 1})
	}
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	fresh := newTestModel(t, 100, 30, c)
	press(fresh, keys...)
	if got, want := screen(m), screen(fresh); got != want {
		t.Fatalf("after the storm:\n%s\nfresh:\n%s", got, want)
	}
}

// TestEveryPaneFitsEverySize focuses each pane the root holds in turn and
// checks its frame on a coarse grid of sizes.
func TestEveryPaneFitsEverySize(t *testing.T) {
	c := seedCorpus(t)
	m := newTestModel(t, 100, 30, c)
	press(m, "enter", "v", "c") // gives the compare pane something to show
	for f := range m.panes {
		if m.panes[f] == nil {
			continue
		}
		m.setFocus(focus(f))
		for w := 1; w <= 240; w += 7 {
			for h := 1; h <= 80; h += 5 {
				send(m, tea.WindowSizeMsg{Width: w, Height: h})
				requireSize(t, m.render(), w, h)
			}
		}
	}
}
