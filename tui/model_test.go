package tui

import "testing"

// parley leaves the window title as the user had it (see View).
func TestNoWindowTitle(t *testing.T) {
	m := openTalks(t, 80, 24)
	if v := m.View(); v.WindowTitle != "" {
		t.Fatalf("window title %q, want none", v.WindowTitle)
	}
}
