// Package tui is parley's full-screen interface: a document list, a reader,
// search and compare panes, on Bubble Tea v2.
package tui

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"parley/corpus"
)

// Options configure Run.
type Options struct {
	Stderr io.Writer
	// Cache keeps parsed documents between runs; nil reads every file.
	Cache *corpus.Cache
}

// Run loads paths (or the embedded corpus when empty) and runs the
// interface until the user quits. Bubble Tea's panic catching stays on, so
// a panic restores the terminal before the trace is printed.
func Run(paths []string, opts Options) error {
	m := newModel(paths, statePath())
	m.cache = opts.Cache
	// lipgloss detected the colour profile of stdout when it loaded; reusing
	// it spares a second detection, which inside tmux runs `tmux info` and
	// delays the first frame by tens of milliseconds.
	p := tea.NewProgram(programModel(m), tea.WithColorProfile(lipgloss.Writer.Profile))
	stop := quitOnHangup(p, m.hup)
	final, err := p.Run()
	stop()
	if fm, ok := final.(*Model); ok && fm != nil {
		if serr := fm.saveState(); serr != nil && opts.Stderr != nil {
			fmt.Fprintln(opts.Stderr, "parley:", serr) // cleaned by stateProblemText
		}
		if fm.corpus != nil && opts.Stderr != nil {
			for _, pr := range fm.corpus.Problems {
				fmt.Fprintln(opts.Stderr, "parley: skipped", corpus.CleanLine(pr.Error()))
			}
			for _, line := range fm.claimsReport {
				fmt.Fprintln(opts.Stderr, "parley:", line)
			}
			if fm.corpus.CacheErr != nil {
				fmt.Fprintln(opts.Stderr, "parley: cache not written:", corpus.CleanLine(fm.corpus.CacheErr.Error()))
			}
			if len(fm.corpus.Unsupported) > 0 {
				fmt.Fprintln(opts.Stderr, "parley:", fm.corpus.SkippedSummary())
			}
		}
		if err == nil && fm.failed != nil {
			err = fm.failed
		}
	}
	return err
}

// hangupMsg says the terminal was closed: the model saves at once, in
// Update, before any teardown of a terminal that is gone, and quits.
type hangupMsg struct{}

// quitOnHangup saves and quits p when the terminal is closed (SIGHUP), as
// Bubble Tea itself quits on SIGTERM, so the reading position is not lost
// with the process: first the copy of the last input's state (written here,
// in case the program stops before Update runs again), then in Update. The
// returned function stops it.
func quitOnHangup(p *tea.Program, saved *hangupSave) (stop func()) {
	hup := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		select {
		case <-hup:
			saved.write()
			p.Send(hangupMsg{})
		case <-done:
		}
	}()
	return func() {
		signal.Stop(hup)
		close(done)
	}
}

// programModel is the model the Program runs: m itself, except in the
// end-to-end build with -tags parleypanic, which wraps it to panic on a
// key so a test can check the terminal is restored.
var programModel = func(m *Model) tea.Model { return m }
