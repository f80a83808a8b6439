package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"parley/tui/common"
)

// Every pane's keys sit under its own heading in the full help, the focused
// pane's first, so compare's "g first" never reads as one of the reader's
// keys; and at 40 columns no line is cut: long descriptions wrap.
func TestFullHelpHeadingsAndNarrowWidth(t *testing.T) {
	headings := []string{"Everywhere", "Moving (list, reader, this help)", "List", "Reader", "Search (F)",
		"Search syntax: every term must match", "Compare (c in the sentence cursor)", "Claims index (C)"}
	for _, w := range []int{40, 80, 120} {
		m := newTestModel(t, w, 30, fixtureCorpus())
		for _, where := range []string{"list", "reader", "compare"} {
			switch where {
			case "reader":
				press(m, "j", "enter")
			case "compare":
				send(m, common.CompareMsg{Text: "Pakistan and Iran share a border"})
				compareNow(t, m)
			}
			lines := m.fullHelpLines()
			var plain []string
			for i, l := range lines {
				if lw := ansi.StringWidth(l); lw > w-2 {
					t.Errorf("%d columns, %s: line %d is %d cells: %q", w, where, i, lw, ansi.Strip(l))
				}
				plain = append(plain, ansi.Strip(l))
			}
			help := strings.Join(plain, "\n")
			at := map[string]int{}
			for _, h := range headings {
				i := strings.Index(help, h+" ")
				if i < 0 {
					i = strings.Index(help, h+"\n")
				}
				if i < 0 {
					t.Errorf("%d columns, %s: no heading %q:\n%s", w, where, h, help)
				}
				at[h] = i
			}
			first := map[string]string{"list": "List", "reader": "Reader", "compare": "Compare (c in the sentence cursor)"}[where]
			for _, h := range []string{"List", "Reader", "Search (F)", "Compare (c in the sentence cursor)"} {
				if h != first && at[h] < at[first] {
					t.Errorf("%d columns, %s: %q comes before the focused pane's %q", w, where, h, first)
				}
			}
			// Wrapped descriptions keep every word, and on screen the
			// help is never cut with "…".
			flat := strings.Join(strings.Fields(help), " ")
			for _, d := range []string{"a capital letter makes the term case-sensitive", "an accented letter makes it accent-sensitive",
				"ranks whole words, then word starts, then the rest", "export Markdown to parley-compare-YYYYMMDD-HHMMSS.md"} {
				if !strings.Contains(flat, d) {
					t.Errorf("%d columns, %s: %q is not whole", w, where, d)
				}
			}
			press(m, "?")
			for range 60 {
				body := strings.Split(screen(m), "\n")
				for _, l := range body[:len(body)-1] { // the last line is the footer
					if strings.Contains(l, "…") {
						t.Fatalf("%d columns, %s: a help line is cut: %q", w, where, l)
					}
				}
				press(m, "j")
			}
			press(m, "x") // closes the help
		}
	}
}

// The help opened from the list never says space pages down in the list
// (it tags there), and its Reader section names the sentence cursor's a
// and U.
func TestFullHelpSpaceAndCursorClaimKeys(t *testing.T) {
	m := newTestModel(t, 120, 40, fixtureCorpus())
	keys := map[string][]string{}
	for _, sec := range m.helpSections() {
		for _, g := range sec.groups {
			for _, b := range g {
				keys[sec.title] = append(keys[sec.title], b.Help().Key+" "+b.Help().Desc)
			}
		}
	}
	moving := strings.Join(keys["Moving (list, reader, this help)"], "\n")
	if strings.Contains(moving, "space") && !strings.Contains(moving, "in the list space tags") {
		t.Errorf("the moving keys say space pages down in the list:\n%s", moving)
	}
	if !strings.Contains(moving, "f/ctrl+f page down") {
		t.Errorf("the moving keys lack page down:\n%s", moving)
	}
	if list := strings.Join(keys["List"], "\n"); !strings.Contains(list, "space/t tag/untag") {
		t.Errorf("the list keys lack space/t:\n%s", list)
	}
	reader := strings.Join(keys["Reader"], "\n")
	for _, w := range []string{"a add sentence to a claim", "U undo the last change to the claims"} {
		if !strings.Contains(reader, w) {
			t.Errorf("the Reader section lacks %q:\n%s", w, reader)
		}
	}
	help := ansi.Strip(strings.Join(m.fullHelpLines(), "\n"))
	for _, w := range []string{"in the list space tags", "add sentence to a claim", "undo the last change to the claims"} {
		if !strings.Contains(strings.Join(strings.Fields(help), " "), w) {
			t.Errorf("the help lacks %q:\n%s", w, help)
		}
	}
}
