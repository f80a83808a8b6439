package tui

import (
	"sort"
	"strings"

	"parley/corpus"
)

// sortKey orders the list.
type sortKey int

const (
	byDate sortKey = iota
	byTitle
	byOutlet
	sortKeys
)

func (k sortKey) String() string {
	switch k {
	case byTitle:
		return "title"
	case byOutlet:
		return "outlet"
	}
	return "date"
}

// sortDocs orders idx in place: by date newest first (undated last), by
// title, or by outlet then date; ties fall back to the title so the order
// never depends on arrival.
func sortDocs(docs []*corpus.Document, idx []int, by sortKey) {
	less := func(a, b *corpus.Document) bool {
		switch by {
		case byTitle:
			if c := compareFold(docTitle(a), docTitle(b)); c != 0 {
				return c < 0
			}
		case byOutlet:
			if (a.Outlet == "") != (b.Outlet == "") {
				return a.Outlet != ""
			}
			if c := compareFold(a.Outlet, b.Outlet); c != 0 {
				return c < 0
			}
			if a.Published != b.Published {
				return a.Published > b.Published
			}
		default:
			if (a.Published == "") != (b.Published == "") {
				return a.Published != ""
			}
			if a.Published != b.Published {
				return a.Published > b.Published
			}
		}
		if c := compareFold(docTitle(a), docTitle(b)); c != 0 {
			return c < 0
		}
		return a.ID < b.ID
	}
	sort.SliceStable(idx, func(i, j int) bool { return less(docs[idx[i]], docs[idx[j]]) })
}

func compareFold(a, b string) int {
	return strings.Compare(strings.ToLower(a), strings.ToLower(b))
}

// filterDocs appends to out the indexes of docs matching every
// space-separated term of query (case-insensitive, anywhere in the title,
// subtitle, outlet, author, date or id).
func filterDocs(docs []*corpus.Document, query string, out []int) []int {
	terms := strings.Fields(strings.ToLower(query))
	for i, d := range docs {
		if len(terms) == 0 || matchesAll(d, terms) {
			out = append(out, i)
		}
	}
	return out
}

func matchesAll(d *corpus.Document, terms []string) bool {
	hay := strings.ToLower(strings.Join([]string{d.Title, d.Subtitle, d.Outlet, d.Author, d.Published, d.ID}, "\x00"))
	for _, t := range terms {
		if !strings.Contains(hay, t) {
			return false
		}
	}
	return true
}
