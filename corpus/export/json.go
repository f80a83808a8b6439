package export

import (
	"io"

	"parley/corpus"
)

// The JSON shapes below are a contract with scripts: fields may be added,
// never renamed or removed.

// ListJSON is the output of `parley list --json`.
type ListJSON struct {
	Documents []DocJSON `json:"documents"`
}

// DocJSON is one document's metadata.
type DocJSON struct {
	// ID is the display id: a control or bidi character in the path is
	// shown visibly (^[, <U+202E>), as on the terminal. File is the
	// exact file name, such characters escaped in the JSON (\u001b).
	ID        string   `json:"id"`
	File      string   `json:"file"`
	Title     string   `json:"title"`
	Subtitle  string   `json:"subtitle"`
	Outlet    string   `json:"outlet"`
	Author    string   `json:"author"`
	Published string   `json:"published"`
	Kind      string   `json:"kind"`
	Words     int      `json:"words"`
	URL       string   `json:"url,omitempty"`
	Editorial []string `json:"editorial,omitempty"`
	Notes     []string `json:"notes,omitempty"`
}

// ShowJSON is the output of `parley show --json`: the document's
// metadata, as in the list, then its body and matter.
type ShowJSON struct {
	DocJSON
	Sections []SectionJSON `json:"sections"`
	Matter   []MatterJSON  `json:"matter"`
}

// SectionJSON is a heading and its blocks.
type SectionJSON struct {
	Heading string      `json:"heading"`
	Level   int         `json:"level"`
	Blocks  []BlockJSON `json:"blocks"`
}

// BlockJSON is one paragraph, list item, caption, quote, table or
// preformatted block ("pre").
type BlockJSON struct {
	Kind      string   `json:"kind"`
	Text      string   `json:"text"`
	Sentences []string `json:"sentences"`
	Emphasis  [][2]int `json:"emphasis,omitempty"` // byte ranges [start, end) in text
	// Rows are a table's cells (kind "table"); its text is the rows
	// aligned in columns, one a line.
	Rows [][]string `json:"rows,omitempty"`
}

// MatterJSON is one piece of front or back matter.
type MatterJSON struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

func docJSON(d *corpus.Document) DocJSON {
	return DocJSON{
		ID: d.ID, File: d.FileName(), Title: d.Title, Subtitle: d.Subtitle, Outlet: d.Outlet,
		Author: d.Author, Published: d.Published, Kind: d.Kind, Words: d.Words,
		URL: d.URL, Editorial: d.Editorial, Notes: d.Notes,
	}
}

// Show builds the JSON form of one document.
func Show(d *corpus.Document) ShowJSON {
	out := ShowJSON{DocJSON: docJSON(d), Sections: []SectionJSON{}, Matter: []MatterJSON{}}
	for _, s := range d.Sections {
		sj := SectionJSON{Heading: s.Heading, Level: s.Level, Blocks: []BlockJSON{}}
		for _, b := range s.Blocks {
			bj := BlockJSON{Kind: string(b.Kind), Text: b.Text, Sentences: []string{}, Rows: b.Rows}
			for _, st := range b.Sentences {
				bj.Sentences = append(bj.Sentences, st.Text)
			}
			for _, e := range b.Emphasis {
				bj.Emphasis = append(bj.Emphasis, [2]int{e.Start, e.End})
			}
			sj.Blocks = append(sj.Blocks, bj)
		}
		out.Sections = append(out.Sections, sj)
	}
	for _, m := range d.Matter {
		out.Matter = append(out.Matter, MatterJSON{Kind: m.Kind, Text: m.Text})
	}
	return out
}

// writeJSON writes v through corpus.WriteJSON: control and bidi
// characters (in a file name) are escaped as \uXXXX, never written raw.
func writeJSON(w io.Writer, v any) error {
	return corpus.WriteJSON(w, v)
}
