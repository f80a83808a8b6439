package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"parley/corpus"
	"parley/corpus/stories"
)

// StoriesJSON is the output of `parley stories --json`.
type StoriesJSON struct {
	Stories []StoryJSON `json:"stories"`
}

// StoryJSON is one story: its documents in corpus order, duplicates
// included and marked.
type StoryJSON struct {
	ID        string         `json:"id"`
	Label     string         `json:"label"`
	Documents []StoryDocJSON `json:"documents"`
}

// StoryDocJSON is one document of a story. DuplicateOf is the id of the
// copy kept, for a document whose body is (almost) the same as it.
type StoryDocJSON struct {
	ID          string `json:"id"`
	File        string `json:"file"`
	Title       string `json:"title"`
	Published   string `json:"published"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// Stories builds the JSON form of a grouping. Every string is cleaned
// for the terminal: ids and file names come from file names, which may
// hold control bytes.
func Stories(docs []*corpus.Document, r *stories.Result) StoriesJSON {
	out := StoriesJSON{Stories: []StoryJSON{}}
	for si, s := range r.Stories {
		sj := StoryJSON{ID: corpus.CleanLine(s.ID), Label: corpus.CleanLine(s.Label), Documents: []StoryDocJSON{}}
		for _, i := range r.Sources(si) {
			d := docs[i]
			dj := StoryDocJSON{ID: corpus.CleanLine(d.ID), File: d.FileName(),
				Title: corpus.CleanLine(d.Title), Published: corpus.CleanLine(d.Published)}
			if k, ok := r.DuplicateOf[i]; ok {
				dj.DuplicateOf = corpus.CleanLine(docs[k].ID)
			}
			sj.Documents = append(sj.Documents, dj)
		}
		out.Stories = append(out.Stories, sj)
	}
	return out
}

// WriteStories writes the stories of docs, most documents first, as JSON
// or as text: each story of two documents or more under a heading with
// its id, label, counts and dates, then the documents on their own, one
// line each. Titles are cut to fit only with opts.Cut (a terminal).
func WriteStories(w io.Writer, docs []*corpus.Document, r *stories.Result, opts ListOptions) error {
	if opts.JSON {
		return writeJSON(w, Stories(docs, r))
	}
	bw := bufio.NewWriter(w)
	alone := 0
	for si, s := range r.Stories {
		if len(s.Docs) == 1 {
			alone++
			continue
		}
		fmt.Fprintf(bw, "%s  %s  (%s)\n", corpus.CleanLine(s.ID), corpus.CleanLine(s.Label), storySummary(s, len(r.Sources(si))))
		for _, i := range r.Sources(si) {
			bw.WriteString("  " + storyDocLine(docs, r, i, opts.Cut) + "\n")
		}
		bw.WriteByte('\n')
	}
	if alone > 0 {
		fmt.Fprintf(bw, "On their own: %d %s\n", alone, corpus.Plural(alone, "document", "documents"))
		for si, s := range r.Stories {
			if len(s.Docs) != 1 {
				continue
			}
			for _, i := range r.Sources(si) {
				fmt.Fprintf(bw, "  %s  [%s]\n", storyDocLine(docs, r, i, opts.Cut), corpus.CleanLine(s.ID))
			}
		}
	}
	return bw.Flush()
}

// storySummary is "7 documents, 2 copies, 2004-11-02 – 2004-12-20".
func storySummary(s stories.Story, sources int) string {
	parts := []string{fmt.Sprintf("%d %s", len(s.Docs), corpus.Plural(len(s.Docs), "document", "documents"))}
	if c := sources - len(s.Docs); c > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", c, corpus.Plural(c, "copy", "copies")))
	}
	switch {
	case s.First != "" && s.First != s.Last:
		parts = append(parts, s.First+" – "+s.Last)
	case s.First != "":
		parts = append(parts, s.First)
	}
	return strings.Join(parts, ", ")
}

// storyDocLine is "business/012  2004-11-02  Title", with "copy of
// business/007" for a duplicate.
func storyDocLine(docs []*corpus.Document, r *stories.Result, i int, cut bool) string {
	d := docs[i]
	title := corpus.CleanLine(d.Title)
	if cut {
		title = fit(title, maxTitle)
	}
	line := corpus.CleanLine(d.ID) + "  " + orDash(d.Published) + "  " + title
	if k, ok := r.DuplicateOf[i]; ok {
		line += "  (copy of " + corpus.CleanLine(docs[k].ID) + ")"
	}
	return line
}
