// Package tui is parley's full-screen interface: a document list, a reader,
// search and compare panes, on Bubble Tea v2.
package tui

import (
	"errors"
	"io"
)

// Options configure Run.
type Options struct {
	Stderr io.Writer
}

// Run loads paths (or the embedded corpus when empty) and runs the
// interface until the user quits.
func Run(paths []string, opts Options) error {
	return errors.New("the interactive reader is not implemented yet")
}
