package tui

import (
	"strings"
	"testing"

	"parley/tui/common"
)

// In a document where every one of 30,000 lines matches, find keeps a
// window: the count reads "10,000+" until the end is reached, n and N
// cross the window's edges with the right numbers, and going round the
// ends gives the exact total.
func TestFindWindowOnManyMatches(t *testing.T) {
	const n = 30000
	m := linesModel(t, n)
	press(m, "/", "a", "enter")
	f := &m.reader.find
	if got := f.findCount(); got != "1/10,000+" {
		t.Fatalf("count %q", got)
	}
	if len(f.matches) > 2*findWindow {
		t.Fatalf("%d matches kept", len(f.matches))
	}
	if !strings.Contains(m.reader.View(), "1/10,000+") {
		t.Fatalf("status line: %q", lastLine(m.reader.View()))
	}
	// To the window's last match, then one more: a new window.
	f.cur = len(f.matches) - 1
	last := f.matches[f.cur]
	press(m, "n")
	if got := f.base + f.cur + 1; got != findWindow+1 {
		t.Fatalf("after the window: match %d", got)
	}
	if cur := f.matches[f.cur]; !lessOrder(m.reader.readingOrder(last), m.reader.readingOrder(cur)) {
		t.Fatalf("n went back: %+v after %+v", cur, last)
	}
	press(m, "N")
	if f.matches[f.cur] != last || f.base+f.cur+1 != findWindow {
		t.Fatalf("N: %+v (%d)", f.matches[f.cur], f.base+f.cur+1)
	}
	// Round the start to the last match: now the total is known.
	press(m, "g", "/", "a", "enter", "N")
	if got := f.findCount(); got != "30,000/30,000" || f.more {
		t.Fatalf("last match: %q", got)
	}
	press(m, "n")
	if got := f.findCount(); !strings.HasPrefix(got, "1/") {
		t.Fatalf("round the end: %q", got)
	}
	// Every match kept is one, in reading order.
	for i := 1; i < len(f.matches); i++ {
		if !lessOrder(m.reader.readingOrder(f.matches[i-1]), m.reader.readingOrder(f.matches[i])) {
			t.Fatalf("matches %d and %d out of order", i-1, i)
		}
	}
	// A frame paints only what is on screen.
	lo, hi := m.reader.linesOrder(m.reader.top, m.reader.top+m.reader.bodyHeight())
	a, b := m.reader.visibleMatches(lo, hi)
	if b-a == 0 || b-a > 2000 {
		t.Fatalf("%d matches on screen", b-a)
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// The find box's cursor does not blink: an open box never wakes the
// program to redraw.
func TestFindBoxDoesNotBlink(t *testing.T) {
	p := newReaderPane(&common.Context{Keys: &common.KeyMap{}})
	if p.find.input.Styles().Cursor.Blink {
		t.Fatal("the find cursor blinks")
	}
}

// equalFoldRune agrees with strings.EqualFold, also for the letters whose
// folds leave ASCII (k and the Kelvin sign, s and the long s).
func TestEqualFoldRune(t *testing.T) {
	runes := []rune{'a', 'A', 'k', 'K', '\u212a', 's', 'S', '\u017f', 'é', 'É', 'ß', 'ẞ', 'İ', 'i', '1', ' '}
	for _, a := range runes {
		for _, b := range runes {
			if got, want := equalFoldRune(a, b), strings.EqualFold(string(a), string(b)); got != want {
				t.Errorf("%q %q: %v, want %v", a, b, got, want)
			}
		}
	}
}
