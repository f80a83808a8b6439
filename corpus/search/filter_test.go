package search

import (
	"context"
	"testing"

	"parley/corpus"
)

// hasHit parses one file as LoadPaths would and reports whether query
// finds anything in it.
func hasHit(t *testing.T, name, text, query string) bool {
	t.Helper()
	d := corpus.Parse(name, []byte(text))
	res, err := New([]*corpus.Document{d}).Search(context.Background(), query, Options{Doc: -1})
	if err != nil {
		t.Fatal(err)
	}
	return res.Total > 0
}

func TestDocumentFilter(t *testing.T) {
	const letterhead = "Quill Institute\nOrange Talks in Islamabad\nBy Ann Lee and Bo Chan\n\n" +
		"Officials met to discuss the strait. Nothing was agreed.\n"
	const untitled = "this first line is a long sentence of body text and not a title at all, so none.\n"
	cases := []struct {
		name, text, query string
		keep, hit         bool // what the filter says; whether a search finds it
	}{
		// No positive term: everything is kept.
		{"a.txt", "Title\n\nBody.\n", "", true, true},
		{"a.txt", "Title\n\nBody.\n", "!body", true, true},
		{"a.txt", "Title\n\nBody.\n", "! ' ^", true, true},
		// A term found nowhere, in any form.
		{"a.txt", "Title\n\nBody.\n", "zzzz", false, false},
		{"x.txt", "Title\n\nBody.\n", "'tidal", false, false},
		{"a.txt", "Title\n\nBody.\n", "title zzzz", false, false},
		{"a.txt", "Title\n\nBody.\n", "body !title", true, true},
		// Folding as the matcher folds; smart case is no stricter here.
		{"a.txt", "Strait of HORMUZ\n\nBody.\n", "hormuz", true, true},
		{"a.txt", "Strait of hormuz\n\nBody.\n", "HORMUZ", true, false}, // no hit (smart case), but kept
		{"a.txt", "Title\n\nÉLAN and 中国 talks.\n", "élan", true, true},
		{"a.txt", "Title\n\nÉLAN talks.\n", "中国", false, false},
		// Emphasis markers and a rewritten link split what the sentence
		// holds whole: an exact term is still found.
		{"a.md", "# Oil\n\nThe **oil** price rose.\n", `'oil\ price`, true, true},
		{"a.md", "# Oil\n\nOfficials said they would see [the strait](https://example.org/x) reopen.\n", `'strait\ (https`, true, true},
		{"a.txt", "Title\n\nSee the strait\nof Hormuz.\n", `'strait\ of`, true, true},
		// The title target puts title, outlet and author in that order,
		// with separators the text need not hold.
		{"a.txt", letterhead, "talksquill", true, true},
		{"a.txt", letterhead, "talks·quill", true, true},
		{"a.txt", letterhead, "'lee, bo", true, true},
		{"a.txt", letterhead, "talksquillj", false, false},
		{"a.txt", letterhead, "qqquill", false, false},
		// The file name stands in for a missing title, "(untitled)" for an
		// empty one.
		{"zebra-crossing.txt", untitled, "zebra", true, true},
		{"zebra-crossing.txt", untitled, "zebraz", false, false},
		{"..txt", untitled, "untitled", true, true},
		// Front matter can spell what its text does not: always kept.
		{"a.md", "---\ntitle: \"Caf\\u00e9\"\n---\n\nBody.\n", "café", true, true},
		{"a.txt", "---\ntitle: \"Caf\\u00e9\"\n---\n\nBody.\n", "café", false, false},
	}
	for _, c := range cases {
		keep := DocumentFilter(c.query)(c.name, c.text)
		if keep != c.keep {
			t.Errorf("%s %q with %q: keep %v, want %v", c.name, c.text, c.query, keep, c.keep)
		}
		// The cases test the filter where it matters: a file it keeps
		// for a hit does have one.
		if hit := hasHit(t, c.name, c.text, c.query); hit != c.hit {
			t.Errorf("%s %q with %q: hit %v, want %v", c.name, c.text, c.query, hit, c.hit)
		}
	}
}
