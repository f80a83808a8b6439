//go:build unix

package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"parley/corpus"
	"parley/corpus/stories"
	"parley/corpus/testcorpus"
)

// TestEndToEndStoryFlow: the BBC folder in a real terminal opens at the
// top of its list (the check of TestEndToEndBigFolderOpensAtTop, made here
// so the default run starts parley on BBC once less) → group the list by
// story → restrict the session to the first story → compare a sentence:
// only that story's sources are compared → w widens to every document,
// and there are more.
func TestEndToEndStoryFlow(t *testing.T) {
	t.Parallel() // each runs its own tmux server; they mostly wait on the terminal
	if testing.Short() {
		t.Skip("end-to-end")
	}
	bbc := testcorpus.BBC()
	if bbc == "" {
		t.Skip("BBC corpus not present beside the repository (../shared/corpora/bbc)")
	}
	c, err := corpus.LoadPaths([]string{bbc}, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g := stories.Group(c.Docs)
	story := g.Stories[0] // the most sources: the first group of the list
	kept := len(c.Docs) - len(g.DuplicateOf)
	firstLabelWord := strings.SplitN(story.Label, " ", 2)[0]

	bin := buildParley(t)
	// The BBC slot is taken for parley's run only, not while the binary
	// is built or the expected stories worked out.
	s := startTmux(t, bin, 160, 50, e2eBBC(t))
	listAtTop(t, s.waitFor(fmt.Sprintf("%d documents · by date", len(c.Docs))), c.Docs)
	s.keys("s", "s", "s")
	s.waitFor("by story", "▾ "+firstLabelWord, fmt.Sprintf("%d sources", len(story.Docs)))
	s.keys("&")
	marker := fmt.Sprintf("· %d sources", len(story.Docs))
	s.waitFor("story: "+firstLabelWord, marker, "& widens")
	s.keys("Enter")
	s.waitFor("sentence cursor")
	s.keys("v")
	s.waitFor("sentence · c compares") // the cursor's status; the footer names c before v too
	s.keys("c")
	s.waitFor("Compare “", fmt.Sprintf("%d sources · w: +%d more · story: %s", len(story.Docs), kept-len(story.Docs), firstLabelWord))
	screen := s.waitUntil("the comparison", compared)
	if n := comparedSources(t, screen); n != len(story.Docs) {
		t.Fatalf("compared across %d sources, want the story's %d:\n%s", n, len(story.Docs), screen)
	}
	// The session's marker stays in the footer while comparing.
	if !strings.Contains(lastLine(screen), "story: "+firstLabelWord) {
		t.Errorf("the compare view's footer does not name the story:\n%s", screen)
	}
	within := compareStatus(screen)
	s.keys("w")
	s.waitFor(fmt.Sprintf("every document (%d) · w: back to the story", kept))
	// The story's comparison may still be on screen below the new header.
	screen = s.waitUntil("the widened comparison (a status line other than the story's)", func(sc string) bool {
		return compared(sc) && compareStatus(sc) != within
	})
	if n := comparedSources(t, screen); n != kept {
		t.Fatalf("widened to %d sources, want every document but the copies (%d):\n%s", n, kept, screen)
	}
	s.keys("w")
	s.waitFor(fmt.Sprintf("%d sources · w: +%d more", len(story.Docs), kept-len(story.Docs)))
	// & widens the session again, from the compare view too.
	s.keys("&")
	s.waitFor("every document: ")
	if sc := s.waitUntil("the comparison", compared); strings.Contains(lastLine(sc), "story: ") {
		t.Errorf("the session is still restricted:\n%s", sc)
	}
	s.keys("C-c")
	s.waitExit(0)
}

// compared says the compare view shows a finished comparison, drawn down
// to its status line. A frame this large reaches tmux in pieces, and
// under load the screen can hold the new columns over the old status line
// ("✓ same …" without a count, as while comparing) for a while.
func compared(screen string) bool {
	return !strings.Contains(screen, "comparing…") && strings.Contains(screen, "origin") &&
		colsOf.MatchString(compareStatus(screen))
}

// lastLine is a screen's last row.
func lastLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	return lines[len(lines)-1]
}

// compareStatus is the compare view's status line (the one with the
// legend), or "".
func compareStatus(screen string) string {
	var status string
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, "✓ same") {
			status = l
		}
	}
	return status
}

var (
	colsOf   = regexp.MustCompile(`(?:of|^|\s)(\d+) sources|of (\d+)\b`)
	silentOf = regexp.MustCompile(`(\d+) silent`)
)

// comparedSources reads the compare view's status line: the columns
// ("columns 2–3 of 23"; the silent ones folded into one) and the
// silent sources it sums up ("· 5 silent").
func comparedSources(t *testing.T, screen string) int {
	t.Helper()
	status := compareStatus(screen)
	m := colsOf.FindStringSubmatch(status)
	if m == nil {
		t.Fatalf("no count of sources on the status line %q; screen:\n%s", status, screen)
	}
	cols, _ := strconv.Atoi(m[1] + m[2])
	if sm := silentOf.FindStringSubmatch(status); sm != nil {
		silent, _ := strconv.Atoi(sm[1])
		return cols - 1 + silent
	}
	return cols
}
