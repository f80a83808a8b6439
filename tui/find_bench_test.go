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
// reader: the worst case for find, a match on every word. The parser
// joins them into one paragraph of n words (31,254 lines on screen at
// n = 1,000,000); paraModel's blank lines keep n paragraphs.
func linesModel(tb testing.TB, n int) *Model { return letterModel(tb, n, "a\n") }

func paraModel(tb testing.TB, n int) *Model { return letterModel(tb, n, "a\n\n") }

func letterModel(tb testing.TB, n int, line string) *Model {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "lines.txt")
	if err := os.WriteFile(path, []byte("Lines\n\n"+strings.Repeat(line, n)), 0o600); err != nil {
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
// deleting it, each with its frame, in a document of 100,000 and
// 1,000,000 lines that each match (one paragraph, or one paragraph a line).
func BenchmarkFindKeystroke(b *testing.B) {
	for _, doc := range []struct {
		name string
		open func(testing.TB, int) *Model
	}{{"lines", linesModel}, {"paragraphs", paraModel}} {
		for _, n := range []int{100000, 1000000} {
			b.Run(fmt.Sprintf("%s/%d", doc.name, n), func(b *testing.B) {
				m := doc.open(b, n)
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
