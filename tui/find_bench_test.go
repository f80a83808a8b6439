package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
)

// linesModel opens a document of n one-letter lines ("a") in a 100×30
// reader: the worst case for find, a match on every line.
func linesModel(tb testing.TB, n int) *Model {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "lines.txt")
	if err := os.WriteFile(path, []byte("Lines\n\n"+strings.Repeat("a\n", n)), 0o600); err != nil {
		tb.Fatal(err)
	}
	c, err := corpus.LoadPaths([]string{path}, corpus.LoadOptions{})
	if err != nil || len(c.Docs) != 1 {
		tb.Fatal(err, c.Problems)
	}
	m := newModel([]string{path}, "")
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(loadedMsg{c: c})
	m.Update(openDocMsg{doc: c.Docs[0]})
	return m
}

// BenchmarkFindKeystroke: typing one more letter of a find query and
// drawing the frame, in a document of 100,000 and 1,000,000 lines that
// each match.
func BenchmarkFindKeystroke(b *testing.B) {
	for _, n := range []int{100000, 1000000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			m := linesModel(b, n)
			m.Update(keyMsg("/"))
			b.ResetTimer()
			for range b.N {
				m.Update(keyMsg("a"))
				_ = m.View()
				m.Update(keyMsg("backspace"))
				_ = m.View()
			}
		})
	}
}

// BenchmarkFindNext: n to the next match and its frame.
func BenchmarkFindNext(b *testing.B) {
	for _, n := range []int{100000, 1000000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			m := linesModel(b, n)
			m.Update(keyMsg("/"))
			m.Update(keyMsg("a"))
			m.Update(keyMsg("enter"))
			b.ResetTimer()
			for range b.N {
				m.Update(keyMsg("n"))
				_ = m.View()
			}
		})
	}
}

// BenchmarkFindIdleFrame: a frame with the find box open and nothing
// changed (what a cursor blink would cost).
func BenchmarkFindIdleFrame(b *testing.B) {
	for _, n := range []int{100000, 1000000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			m := linesModel(b, n)
			m.Update(keyMsg("/"))
			m.Update(keyMsg("a"))
			b.ResetTimer()
			for range b.N {
				_ = m.View()
			}
		})
	}
}
