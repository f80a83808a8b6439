//go:build unix

package main

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// TestEndToEndSearch runs the built binary in a real terminal (tmux, with
// the harness of main_tmux_test.go): open search from the list, type, enter;
// the reader shows the sentence marked; ctrl+o and ctrl+] walk the jump.
func TestEndToEndSearch(t *testing.T) {
	bin := endToEnd(t)
	s := startTmux(t, bin, 100, 30)
	s.waitFor("5 documents · by date")

	s.keys("F")
	s.waitFor("search:", "all documents", "'exact")
	s.typeText("909 border")
	// The answer to the whole query: an answer to a shorter one ("909")
	// lists the border too, and the next answer would select its first
	// hit again.
	screen := s.waitUntil("the answer to 909 border", func(sc string) bool {
		return strings.Contains(sc, "search: 909 border") && strings.Contains(sc, "909 km long border") &&
			strings.Contains(sc, " hit") && !strings.Contains(sc, "searching…")
	})
	if !strings.Contains(screen, "sent ") {
		t.Errorf("hits do not show their kind:\n%s", screen)
	}
	// The border sentence is a sentence hit; move to it if the title of
	// another document ranks first, one key at a time.
	for i := 0; !selectedHas(screen, "909 km long border"); i++ {
		if i == 10 {
			t.Fatalf("never selected the border sentence:\n%s", screen)
		}
		was := selectedRows(screen)
		s.keys("Down")
		screen = s.waitUntil("down to move the selection", func(sc string) bool { return selectedRows(sc) != was })
	}

	s.keys("Enter")
	screen = s.waitUntil("the reader at the border sentence", func(sc string) bool {
		return !strings.Contains(sc, "search:") && strings.Contains(sc, "909 km long border with Iran")
	})
	if !strings.Contains(screen, "Pakistan’s Diplomatic Moment") {
		t.Errorf("the reader is not on 002:\n%s", screen)
	}
	raw := s.tmux("capture-pane", "-p", "-e", "-t", "main")
	if !underlinedAt(raw, "909 km long border") {
		t.Errorf("the sentence is not marked in the reader:\n%s", raw)
	}

	// The jump list: back to where the reader was, then forward again.
	s.keys("C-o")
	s.waitUntil("the jump back", func(sc string) bool { return !strings.Contains(sc, "909 km long border with Iran") })
	s.keys("C-]")
	s.waitFor("909 km long border with Iran")

	// Search again, then esc: back where we were, the query kept.
	s.keys("F")
	s.waitFor("search: 909 border")
	s.keys("Escape")
	s.waitUntil("esc leaves search", func(sc string) bool { return !strings.Contains(sc, "search:") })
	s.keys("q")
	s.waitExit(0)
}

// selectedHas reports whether the selected hit (the row with the bar)
// holds text.
func selectedHas(screen, text string) bool {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "┃") && strings.Contains(l, text) {
			return true
		}
	}
	return false
}

// selectedRows is the selected hit's rows (those with the bar).
func selectedRows(screen string) string {
	var rows []string
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "┃") {
			rows = append(rows, l)
		}
	}
	return strings.Join(rows, "\n")
}

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// underlinedAt reports whether, in a screen captured with escapes, the
// first occurrence of text is drawn underlined (the reader's mark).
func underlinedAt(raw, text string) bool {
	for _, line := range strings.Split(raw, "\n") {
		plain := ansi.Strip(line)
		at := strings.Index(plain, text)
		if at < 0 {
			continue
		}
		// Walk the line, tracking the underline attribute, to the byte of
		// the plain text where text starts.
		under, seen := false, 0
		for len(line) > 0 {
			if loc := sgr.FindStringSubmatchIndex(line); loc != nil && loc[0] == 0 {
				under = applySGR(line[loc[2]:loc[3]], under)
				line = line[loc[1]:]
				continue
			}
			if seen == at {
				return under
			}
			line = line[1:]
			seen++
		}
	}
	return false
}

// applySGR returns the underline state after one SGR parameter list.
func applySGR(params string, under bool) bool {
	ps := strings.FieldsFunc(params, func(r rune) bool { return r == ';' })
	if len(ps) == 0 {
		return false // ESC[m resets
	}
	for i := 0; i < len(ps); i++ {
		switch p := ps[i]; {
		case p == "0":
			under = false
		case p == "4" || strings.HasPrefix(p, "4:"):
			under = p != "4:0"
		case p == "24":
			under = false
		case p == "38" || p == "48" || p == "58":
			// Colours: 5;n or 2;r;g;b follow and are not attributes.
			if i+1 < len(ps) && ps[i+1] == "5" {
				i += 2
			} else if i+1 < len(ps) && ps[i+1] == "2" {
				i += 4
			}
		}
	}
	return under
}

func TestUnderlinedAt(t *testing.T) {
	cases := []struct {
		raw  string
		want bool
	}{
		{"plain 909 km long border", false},
		{"\x1b[1;4;48;5;58mIt shares a 909 km long border\x1b[0m", true},
		{"\x1b[4mIt\x1b[24m shares a 909 km long border", false},
		{"\x1b[38;5;4mIt shares a 909 km long border", false}, // colour 4, not underline
		{"\x1b[4:3mcurly 909 km long border\x1b[m", true},
	}
	for _, c := range cases {
		if got := underlinedAt(c.raw, "909 km long border"); got != c.want {
			t.Errorf("underlinedAt(%q) = %v, want %v", c.raw, got, c.want)
		}
	}
}

// paste sends text to the program as a bracketed paste, as a terminal
// does when the user pastes (tmux adds the brackets because the program
// asked for them).
func (s *tmuxSession) paste(text string) {
	s.t.Helper()
	s.tmux("set-buffer", "-b", "parley-test", "--", text)
	s.tmux("paste-buffer", "-p", "-d", "-b", "parley-test", "-t", "main")
}

// TestEndToEndPaste: text pasted into search, the list filter and the
// reader's find acts as typed text does, at once; a pasted line break
// does not submit.
func TestEndToEndPaste(t *testing.T) {
	bin := endToEnd(t)
	s := startTmux(t, bin, 100, 30)
	s.waitFor("5 documents · by date")

	// Search: the hits are for the pasted query, and enter opens the hit.
	s.keys("F")
	s.waitFor("search:", "all documents")
	s.paste("hormuz")
	screen := s.waitFor("search: hormuz", "Strait of Hormuz", " hits · ")
	if !selectedHas(screen, "Strait of Hormuz") {
		t.Fatalf("the first hit is not a Hormuz sentence:\n%s", screen)
	}
	s.keys("Enter")
	s.waitUntil("the reader at the hit", func(sc string) bool {
		return !strings.Contains(sc, "search:") && strings.Contains(sc, "Strait of Hormuz")
	})

	// Find: the count shows while the pasted word is still being typed.
	s.keys("/")
	s.waitFor("find in document")
	s.paste("hormuz")
	s.waitUntil("a find count before enter", func(sc string) bool {
		for _, l := range strings.Split(sc, "\n") {
			if strings.Contains(l, "/hormuz") && findCount.MatchString(l) {
				return true
			}
		}
		return false
	})
	s.keys("Escape")
	s.waitUntil("esc to close find", func(sc string) bool { return !strings.Contains(sc, "/hormuz") })

	// The list filter: a pasted line break leaves the filter open, and
	// the count is the typed filter's.
	s.keys("BTab")
	s.waitFor("enter open")
	s.keys("/")
	s.paste("switz\n")
	s.waitFor("/switz", "enter accept")
	s.keys("Enter")
	s.waitFor("filter: switz (1 of 5)")
	s.keys("q")
	s.waitExit(0)
}

// TestEndToEndSearchFocus: tab reaches search from the reader and leaves
// it again; esc in search returns to the reader it was entered from.
func TestEndToEndSearchFocus(t *testing.T) {
	bin := endToEnd(t)
	s := startTmux(t, bin, 100, 30)
	s.waitFor("5 documents · by date")
	s.keys("Tab") // the reader
	s.waitFor("] next section")
	s.keys("Tab") // search
	s.waitFor("search:", "all documents")
	s.typeText("talks")
	s.waitFor("search: talks", " hits · ")
	s.keys("Tab")
	s.waitUntil("tab to leave search", func(sc string) bool { return !strings.Contains(sc, "search: talks") })
	s.keys("BTab") // back to search
	s.waitFor("search: talks")
	s.keys("BTab")
	s.waitUntil("shift+tab to the reader", func(sc string) bool {
		return !strings.Contains(sc, "search: talks") && strings.Contains(sc, "] next section")
	})
	s.keys("Tab")
	s.waitFor("search: talks")
	s.keys("Escape")
	s.waitUntil("esc back to the reader", func(sc string) bool {
		return !strings.Contains(sc, "search: talks") && strings.Contains(sc, "] next section")
	})
	s.keys("q")
	s.waitExit(0)
}

// TestEndToEndLongQueryStaysResponsive: 2,000 characters typed into
// search as fast as the terminal delivers them never lock the interface:
// esc right after them is acted on (within waitTimeout; the time is
// logged, not asserted, since the machine is shared). On the BBC folder
// too when it is there.
func TestEndToEndLongQueryStaysResponsive(t *testing.T) {
	bin := endToEnd(t)
	text := strings.Repeat("the talks in islamabad between iran and the united states ", 40)[:2000]
	// The seeds first, then BBC: the BBC slot (one tmux test on BBC at a
	// time) is taken only for the BBC run.
	for _, args := range [][]string{nil, {"BBC"}} {
		if args != nil {
			if args[0] = e2eBBC(t); args[0] == "" {
				break
			}
		}
		s := startTmux(t, bin, 100, 30, args...)
		s.waitFor("documents · by")
		s.keys("F")
		s.waitFor("search:", "'exact ·")
		start := time.Now()
		s.typeText(text)
		s.keys("Escape")
		s.waitUntil("esc to leave search", func(sc string) bool { return !strings.Contains(sc, "search:") })
		t.Logf("%v: esc after 2,000 typed characters acted on in %v", args, time.Since(start))
		s.keys("q")
		s.waitExit(0)
	}
}
