package tui

import (
	"testing"

	"parley/corpus"
)

func TestJumpList(t *testing.T) {
	loc := func(d, b int) corpus.Loc { return corpus.Loc{Doc: d, Block: b} }
	var j jumpList
	if _, ok := j.back(loc(0, 0)); ok {
		t.Fatal("nothing to go back to")
	}
	j.record(loc(0, 1), loc(1, 5))
	j.record(loc(1, 7), loc(2, 0)) // scrolled in doc 1 before jumping
	got, ok := j.back(loc(2, 3))
	if !ok || got != loc(1, 7) {
		t.Fatalf("back: %v", got)
	}
	got, _ = j.back(loc(1, 8))
	if got != loc(0, 1) {
		t.Fatalf("back back: %v", got)
	}
	if _, ok := j.back(loc(0, 1)); ok {
		t.Fatal("past the start")
	}
	got, _ = j.forward(loc(0, 1))
	if got != loc(1, 8) {
		t.Fatalf("forward returns where we left: %v", got)
	}
	got, _ = j.forward(loc(1, 8))
	if got != loc(2, 3) {
		t.Fatalf("forward forward: %v", got)
	}
	if _, ok := j.forward(loc(2, 3)); ok {
		t.Fatal("past the end")
	}
	// A new jump from the middle drops the places ahead.
	j.back(loc(2, 3))
	j.record(loc(1, 8), loc(0, 9))
	if _, ok := j.forward(loc(0, 9)); ok {
		t.Fatal("forward history should be gone")
	}
}

func TestJumpListIsBounded(t *testing.T) {
	var j jumpList
	for i := 0; i < 500; i++ {
		j.record(corpus.Loc{Block: i}, corpus.Loc{Block: i + 1})
	}
	if len(j.locs) > maxJumps {
		t.Fatalf("%d jumps kept", len(j.locs))
	}
}

// TestJumpsInsideADocument: G, ], the outline and an accepted find are
// jumps that ctrl+o walks back, as in vim; scrolling with j is not.
func TestJumpsInsideADocument(t *testing.T) {
	cases := []struct {
		name string
		keys func(m *Model)
	}{
		{"G", func(m *Model) { press(m, "G") }},
		{"next section", func(m *Model) { press(m, "]") }},
		{"outline", func(m *Model) { press(m, "o", "j", "enter") }},
		{"find", func(m *Model) { press(m, "/"); typeText(m, "geneva"); press(m, "enter") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := newTestModel(t, 80, 14, fixtureCorpus())
			press(m, "j", "enter", "j") // the long document, a line down
			start := m.reader.position()
			c.keys(m)
			moved := m.reader.position()
			if moved == start {
				t.Fatal("the keys did not move the reader")
			}
			press(m, "ctrl+o")
			if got := m.reader.position(); got != start {
				t.Fatalf("ctrl+o: at %+v, want %+v", got, start)
			}
			press(m, "ctrl+]")
			if got := m.reader.position(); got != moved {
				t.Fatalf("ctrl+]: at %+v, want %+v", got, moved)
			}
		})
	}
	m := newTestModel(t, 80, 14, fixtureCorpus())
	press(m, "j", "enter", "j", "j")
	press(m, "ctrl+o")
	if m.note != "no more jumps" {
		t.Fatalf("j is no jump; note %q", m.note)
	}
}
