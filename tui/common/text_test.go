package common

import (
	"strings"
	"testing"
)

// Every list scrolls with ScrollIntoView: the selection stays on screen,
// the top moves as little as it can, and no rows are left empty below the
// last one while there are rows above.
func TestScrollIntoView(t *testing.T) {
	for _, c := range []struct{ sel, top, rows, total, want int }{
		{0, 0, 5, 20, 0},    // on screen: stays
		{4, 0, 5, 20, 0},    // last row shown
		{5, 0, 5, 20, 1},    // one below: one down
		{12, 0, 5, 20, 8},   // far below: the selection on the last row
		{3, 8, 5, 20, 3},    // above: the selection on the first row
		{19, 18, 5, 20, 15}, // the end: the screen filled
		{2, 0, 0, 20, 2},    // no rows: one
		{0, 4, 5, 3, 0},     // fewer than a screen: from the top
	} {
		if got := ScrollIntoView(c.sel, c.top, c.rows, c.total); got != c.want {
			t.Errorf("ScrollIntoView(%d, %d, %d, %d) = %d, want %d", c.sel, c.top, c.rows, c.total, got, c.want)
		}
	}
}

// FitArea and FitBlock make exactly w×h cells, cutting with an ellipsis
// and padding with blanks, wide characters counted as two cells.
func TestFitArea(t *testing.T) {
	got := FitArea("a long line of text\n漢字漢字漢字", 8, 3)
	want := "a long …\n漢字漢… \n        " // the wide line cut at 7 cells, padded to 8
	if got != want {
		t.Fatalf("FitArea = %q, want %q", got, want)
	}
	for _, l := range strings.Split(got, "\n") {
		if StrWidth(l) != 8 {
			t.Errorf("line %q is %d cells wide, want 8", l, StrWidth(l))
		}
	}
	if FitArea("x", 0, 3) != "" || FitArea("x", 3, 0) != "" {
		t.Error("an empty area is not drawn")
	}
	if b := FitBlock(nil, 2, 2); len(b) != 2 || b[0] != "  " || b[1] != "  " {
		t.Errorf("FitBlock(nil, 2, 2) = %q", b)
	}
}

func TestOneLineAndPlural(t *testing.T) {
	if got := OneLine("  a\n\tb  c "); got != "a b c" {
		t.Errorf("OneLine = %q", got)
	}
	if got := OneLineKeep("a\nb\r\nc"); len(got) != len("a\nb\r\nc") || strings.ContainsAny(got, "\r\n") {
		t.Errorf("OneLineKeep = %q: its length must stay, its line breaks go", got)
	}
	if Plural(1, "source") != "1 source" || Plural(2, "source") != "2 sources" {
		t.Errorf("Plural: %q, %q", Plural(1, "source"), Plural(2, "source"))
	}
}
