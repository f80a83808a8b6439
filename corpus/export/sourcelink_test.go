package export

import (
	"testing"

	"parley/corpus"
)

// The claims index export lists each source with the URL its text or page
// states, as a Markdown autolink; nothing when there is none or it cannot
// stand in one.
func TestSourceLink(t *testing.T) {
	for url, want := range map[string]string{
		"https://notes.example.org/a": " <https://notes.example.org/a>",
		"":                            "",
		"ftp://x":                     "",
		"https://x.example/a b":       "",
		"https://x.example/<b>":       "",
	} {
		if got := sourceLink(&corpus.Document{URL: url}); got != want {
			t.Errorf("sourceLink(%q) = %q, want %q", url, got, want)
		}
	}
}
