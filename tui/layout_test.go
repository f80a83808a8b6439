package tui

import (
	"strings"
	"testing"
)

func TestLayoutRectanglesStayInsideWindow(t *testing.T) {
	for w := 0; w <= 400; w += 7 {
		for h := 0; h <= 150; h += 5 {
			l := computeLayout(w, h)
			if l.tooSmall {
				if w >= minWidth && h >= minHeight {
					t.Fatalf("%dx%d: too small", w, h)
				}
				continue
			}
			for _, r := range []rect{l.main, l.list, l.reader, l.footer} {
				if r.X < 0 || r.Y < 0 || r.W <= 0 || r.H <= 0 || r.X+r.W > w || r.Y+r.H > h {
					t.Fatalf("%dx%d: rect %+v outside the window", w, h, r)
				}
			}
			if l.footer.Y != h-1 || l.main.H != h-1 {
				t.Fatalf("%dx%d: footer %+v main %+v", w, h, l.footer, l.main)
			}
		}
	}
}

func TestLayoutSplitsOnlyWhenWide(t *testing.T) {
	tests := []struct {
		w, h  int
		split bool
		list  int
	}{
		{80, 24, false, 80},
		{99, 30, false, 99},
		{100, 30, true, 33},
		{120, 40, true, 40},
		{200, 60, true, 48},
	}
	for _, tt := range tests {
		l := computeLayout(tt.w, tt.h)
		if l.split != tt.split || l.list.W != tt.list {
			t.Errorf("%dx%d: split=%v list=%d, want %v %d", tt.w, tt.h, l.split, l.list.W, tt.split, tt.list)
		}
		if l.split && l.list.W+1+l.reader.W != tt.w {
			t.Errorf("%dx%d: list %d + rule + reader %d != width", tt.w, tt.h, l.list.W, l.reader.W)
		}
	}
}

func TestLayoutTooSmall(t *testing.T) {
	for _, s := range [][2]int{{1, 1}, {19, 40}, {80, 3}, {0, 0}} {
		if !computeLayout(s[0], s[1]).tooSmall {
			t.Errorf("%v should be too small", s)
		}
	}
}

// Beside the reader the list is 40 columns wide: restricted to a story,
// its header names the story rather than eliding it to "story: …" to keep
// the sort.
func TestNarrowListHeaderNamesTheStory(t *testing.T) {
	m := storyModel(t, 120, 30)
	press(m, "g")
	pressAll(m, "&")
	head := strings.SplitN(screen(m), "\n", 2)[0]
	if !strings.Contains(head, "story: Islam") || !strings.Contains(head, "2 sources") || !strings.Contains(head, "& widens") {
		t.Fatalf("the list's header %q does not name the story, its sources and & widens", head)
	}
}
