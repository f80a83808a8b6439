package tui

import (
	"fmt"
	"path"
	"strings"

	"parley/corpus"
)

// docTitle falls back to the file name for a document without a title.
// An empty document is named by its whole file name: the parser's stand-in
// title (the name without its extension) would read as a word ("empty").
func docTitle(d *corpus.Document) string {
	if d.Title != "" && !(emptyDoc(d) && d.Title == strings.TrimSuffix(d.File, path.Ext(d.File))) {
		return d.Title
	}
	return corpus.CleanLine(d.File)
}

// emptyDoc reports whether a document has nothing to read: no heading, no
// body text and no front or back matter.
func emptyDoc(d *corpus.Document) bool {
	return d.Words == 0 && len(d.Matter) == 0 && !hasBody(d)
}

// docMeta is "date · outlet · author · N min", leaving out what is unknown.
// The date, which the list sorts by, comes first so a long outlet never
// cuts it off.
func docMeta(d *corpus.Document) string {
	parts := make([]string, 0, 4)
	for _, p := range []string{d.Published, d.Outlet, d.Author} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	parts = append(parts, readingTime(d.Words))
	return strings.Join(parts, " · ")
}

// readingTime at 230 words a minute, never less than a minute; a
// document with no words says so.
func readingTime(words int) string {
	if words == 0 {
		return "empty"
	}
	return fmt.Sprintf("%d min", max((words+229)/230, 1))
}

// openDocMsg opens a document at its remembered position (the list sends
// it; OpenMsg is for a precise location).
type openDocMsg struct{ doc *corpus.Document }
