package tui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// Golden views are ansi.Strip(view) of the fixture corpus; refresh with
// go test ./tui/ -run Golden -update.
func TestGoldenViews(t *testing.T) {
	sizes := [][2]int{{80, 24}, {120, 40}}
	flows := []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"list_sorted_by_outlet", []string{"s", "s"}},
		{"list_filtered", []string{"/", "t", "a", "l", "k", "s", "enter"}},
		{"reader", []string{"j", "enter"}},
		{"reader_next_section", []string{"j", "enter", "]", "]"}},
		{"reader_find", []string{"j", "enter", "/", "t", "a", "l", "k", "s", "enter", "n"}},
		{"reader_cursor", []string{"j", "enter", "v", "j"}},
		{"reader_outline", []string{"j", "enter", "o", "j"}},
		{"reader_matter", []string{"j", "enter", "m", "G"}},
		{"reader_matter_find", []string{"j", "enter", "m", "/", "w", "r", "i", "t", "e", "r", "enter"}},
		{"help", []string{"?"}},
	}
	for _, s := range sizes {
		for _, f := range flows {
			t.Run(fmt.Sprintf("%s_%dx%d", f.name, s[0], s[1]), func(t *testing.T) {
				m := newTestModel(t, s[0], s[1], fixtureCorpus())
				press(m, f.keys...)
				view := m.render()
				requireSize(t, view, s[0], s[1])
				golden.RequireEqual(t, screen(m))
			})
		}
	}
}
