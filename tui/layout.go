package tui

// rect is a pane's place on the screen, in cells.
type rect struct {
	X, Y, W, H int
}

// screenLayout says where everything goes for one window size. main is the
// whole area above the footer, used by a pane shown alone; when split is
// set the list and reader share it side by side, with a one-cell rule
// between them.
type screenLayout struct {
	tooSmall bool
	split    bool
	main     rect
	list     rect
	reader   rect
	footer   rect
}

const (
	// Below this the panes cannot show a useful line of text.
	minWidth  = 20
	minHeight = 4
	// From this width the list and the reader fit side by side with the
	// reader still near its comfortable measure.
	splitWidth   = 100
	listMinWidth = 30
	listMaxWidth = 48
)

// computeLayout is a pure function of the window size: it never fails and
// every rectangle lies inside the window.
func computeLayout(width, height int) screenLayout {
	if width < minWidth || height < minHeight {
		return screenLayout{tooSmall: true, main: rect{W: max(width, 0), H: max(height, 0)}}
	}
	l := screenLayout{
		main:   rect{W: width, H: height - 1},
		footer: rect{Y: height - 1, W: width, H: 1},
	}
	if width >= splitWidth {
		l.split = true
		lw := min(max(width/3, listMinWidth), listMaxWidth)
		l.list = rect{W: lw, H: l.main.H}
		l.reader = rect{X: lw + 1, W: width - lw - 1, H: l.main.H}
	} else {
		l.list = l.main
		l.reader = l.main
	}
	return l
}
