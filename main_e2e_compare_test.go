//go:build unix

package main

import (
	"strings"
	"testing"
)

// TestEndToEndCompare runs the built binary in a real terminal (tmux, with
// the harness of main_tmux_test.go) and walks the compare flow as a user
// would: reader → sentence cursor → compare → enter → the reader at the
// other source → esc back to the comparison → esc back to the sentence
// the comparison started from; the same after a query typed in the
// compare view. Then the claims index: C, enter on a claim.
func TestEndToEndCompare(t *testing.T) {
	bin := endToEnd(t)
	s := startTmux(t, bin, 100, 30)
	s.waitFor("5 documents · by date")

	// Open the interview (newest first) in the reader and find the border.
	s.keys("Tab", "/")
	s.typeText("900 kilometers")
	s.keys("Enter", "v")

	// Step the sentence cursor until the compared sentence is the border
	// one; esc from the compare view returns to the cursor.
	var screen string
	for i := 0; ; i++ {
		s.keys("c")
		screen = s.waitFor("Compare “")
		if strings.Contains(screen, "Compare “He noted that Pakistan and Iran share more than 900") {
			break
		}
		if i == 12 {
			t.Fatalf("the sentence cursor never reached the border sentence:\n%s", screen)
		}
		s.keys("Escape")
		s.waitFor("c compares") // the reader's cursor status
		s.keys(")")
	}
	screen = s.waitFor("909 km", "origin", "curated", "≈")
	if !strings.Contains(screen, "rki.news") {
		t.Errorf("the origin column is not the interview:\n%s", screen)
	}

	// The first statement of another source is selected: enter opens the
	// commentary that says 909 km.
	s.keys("Enter")
	screen = s.waitFor("909 km long border with Iran", "Pakistan’s Diplomatic Moment")
	if strings.Contains(screen, "Compare “") {
		t.Errorf("enter did not leave the compare view:\n%s", screen)
	}

	// esc comes back to the comparison.
	s.keys("Escape")
	s.waitFor("Compare “He noted that Pakistan and Iran", "909 km")

	// esc again goes back to where the comparison started: the interview,
	// with the sentence cursor on the border sentence, so c compares it
	// again at once.
	s.keys("Escape")
	screen = s.waitFor("c compares", "He noted that Pakistan and Iran share more than 900")
	if strings.Contains(screen, "Compare “") || strings.Contains(screen, "909 km long border with Iran") {
		t.Errorf("the second esc did not return to the interview:\n%s", screen)
	}
	s.keys("c")
	s.waitFor("Compare “He noted that Pakistan and Iran share more than 900", "909 km")

	// A query typed in the compare view belongs to the same trip: after
	// enter on one of its statements, esc, esc, the reader is back on the
	// interview's border sentence as before.
	s.keys("/")
	s.typeText("hormuz strait")
	s.keys("Enter")
	s.waitFor("Compare “hormuz strait”", "Hormuz")
	s.keys("Enter")
	s.waitUntil("the reader at a statement on Hormuz", func(screen string) bool {
		return !strings.Contains(screen, "Compare “") && strings.Contains(screen, "Hormuz")
	})
	s.keys("Escape")
	s.waitFor("Compare “hormuz strait”")
	s.keys("Escape")
	screen = s.waitFor("c compares", "He noted that Pakistan and Iran share more than 900")
	if strings.Contains(screen, "Compare “") || strings.Contains(screen, "Hormuz") {
		t.Errorf("the second esc after a typed compare did not return to the interview:\n%s", screen)
	}
	s.keys("c")
	s.waitFor("Compare “He noted that Pakistan and Iran share more than 900", "909 km")
	s.keys("Escape")
	s.waitFor("c compares")

	// The claims index: curated claims first, enter compares one.
	s.keys("C")
	screen = s.waitFor("Claims", "curated Where the talks took place")
	if !strings.Contains(screen, "●") {
		t.Errorf("no coverage marks in the claims index:\n%s", screen)
	}
	s.keys("Enter")
	s.waitFor("claim: Where the talks took place · curated", "Istanbul")

	// One toggle turns the curated layer off in both panes.
	s.keys("e")
	s.waitFor("[engine only]")
	s.keys("C")
	screen = s.waitFor("Claims", "[engine only]", "found ")
	if strings.Contains(screen, "curated Where the talks took place") {
		t.Errorf("engine only, yet the claims index lists curated claims:\n%s", screen)
	}

	// q goes back a level from the claims index (to the comparison it
	// was opened from); ctrl+c quits from anywhere.
	s.keys("q")
	s.waitFor("Compare “", "esc/q back")
	s.keys("C-c")
	s.waitExit(0)
}
