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
