package tui

import (
	"cmp"
	"encoding/binary"
	"slices"
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
	byStory // grouped under story headers (list_story.go)
	sortKeys
)

func (k sortKey) String() string {
	switch k {
	case byTitle:
		return "title"
	case byOutlet:
		return "outlet"
	case byStory:
		return "story"
	}
	return "date"
}

// listKey is what the list sorts and filters a document by, worked out
// once when the document arrives: folding case per comparison made a sort
// of tens of thousands of documents cost seconds.
type listKey struct {
	// pre and pre2 are date's first sixteen bytes as two big-endian
	// numbers (zeros past its end): most comparisons end there, without
	// reading the string. Eight bytes alone hold the marker and the year
	// and month, so documents of one month went on to the strings (at
	// forty times the BBC folder, merging the batches into the list took
	// 0.14 s of CPU, most of it in those comparisons).
	pre, pre2 uint64
	// date is the order by date (newest first, undated last, then title
	// and id) as one string of bytes (dateOrder), so that the list's
	// default order compares two documents with one comparison: three
	// field by field took 0.2 s of a 40x folder's listing from the cache.
	date      string
	title     string // docTitle, lower-cased: a part of date
	outlet    string // lower-cased
	published string
	id        string
	// hay is the fields the filter reads, lower-cased, NUL-separated;
	// worked out when a filter first asks (filterKeys), as most sessions
	// never filter.
	hay string
}

// listKeyOf is d's key, outlet being d.Outlet lower-cased.
func listKeyOf(d *corpus.Document, outlet string) listKey {
	title := strings.ToLower(docTitle(d))
	date, at := dateOrder(d.Published, title, d.ID)
	pre, pre2 := datePrefixes(date)
	k := listKey{
		pre:       pre,
		pre2:      pre2,
		date:      date,
		title:     title,
		outlet:    outlet,
		published: d.Published,
		id:        d.ID,
	}
	if at >= 0 {
		k.title = date[at : at+len(title)] // one copy of the title
	}
	return k
}

// hayOf is what the filter reads of d (listKey.hay).
func hayOf(d *corpus.Document) string {
	return strings.ToLower(strings.Join([]string{d.Title, d.Subtitle, d.Outlet, d.Author, d.Published, d.ID}, "\x00"))
}

func listKeysOf(docs []*corpus.Document) []listKey {
	return appendListKeys(make([]listKey, 0, len(docs)), docs)
}

// appendListKeys appends the keys of docs to keys. An outlet is
// lower-cased once for a run of documents that share it, as most do: a
// copy per document was a tenth of the keys' time at forty times the
// BBC folder.
func appendListKeys(keys []listKey, docs []*corpus.Document) []listKey {
	var outlet, lower string
	for i, d := range docs {
		if i == 0 || d.Outlet != outlet {
			outlet, lower = d.Outlet, strings.ToLower(d.Outlet)
		}
		keys = append(keys, listKeyOf(d, lower))
	}
	return keys
}

// dateOrder encodes the order by date of compareKeys in one string whose
// byte order is that order: a byte saying dated or not, for a dated one
// the date with its bytes inverted (newest first), then the title and the
// id. Each field is
// ended so that no field's end reads as the next field's start: an
// ascending field by 0x00 0x00 with any 0x00 in it written 0x00 0x01, the
// inverted date by 0xFF 0xFF with any 0xFF written 0xFF 0xFE. at is where
// the title lies in the string when it was copied unchanged, else -1.
func dateOrder(published, title, id string) (key string, at int) {
	b := make([]byte, 0, 1+len(published)+len(title)+len(id)+6)
	if published == "" {
		b = append(b, 1) // undated: no date to end
	} else {
		b = append(b, 0)
		for i := 0; i < len(published); i++ {
			c := 0xFF - published[i]
			b = append(b, c)
			if c == 0xFF {
				b = append(b, 0xFE)
			}
		}
		b = append(b, 0xFF, 0xFF)
	}
	at = len(b)
	if strings.IndexByte(title, 0) >= 0 {
		at = -1
	}
	b = appendAscending(b, title)
	b = appendAscending(b, id)
	return string(b), at
}

// prefix8 is s's first eight bytes as a big-endian number, shorter s
// padded with zeros: two strings' prefixes compare as the strings do, or
// are equal.
func prefix8(s string) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:])
}

// datePrefixes are listKey.pre and pre2 of date.
func datePrefixes(date string) (pre, pre2 uint64) {
	pre = prefix8(date)
	if len(date) > 8 {
		pre2 = prefix8(date[8:])
	}
	return pre, pre2
}

// appendAscending appends s and its end for dateOrder.
func appendAscending(b []byte, s string) []byte {
	if strings.IndexByte(s, 0) < 0 {
		return append(append(b, s...), 0, 0)
	}
	for i := 0; i < len(s); i++ {
		b = append(b, s[i])
		if s[i] == 0 {
			b = append(b, 1)
		}
	}
	return append(b, 0, 0)
}

// compareKeys orders two documents: by date newest first (undated last),
// by title, or by outlet then date; ties fall back to the title, then the
// id, so the order never depends on arrival.
func compareKeys(a, b *listKey, by sortKey) int {
	switch by {
	case byTitle:
		if c := strings.Compare(a.title, b.title); c != 0 {
			return c
		}
	case byOutlet:
		if (a.outlet == "") != (b.outlet == "") {
			return boolOrder(a.outlet != "")
		}
		if c := strings.Compare(a.outlet, b.outlet); c != 0 {
			return c
		}
		if c := strings.Compare(b.published, a.published); c != 0 {
			return c
		}
	default: // dateOrder
		if a.pre != b.pre {
			return cmp.Compare(a.pre, b.pre)
		}
		if a.pre2 != b.pre2 {
			return cmp.Compare(a.pre2, b.pre2)
		}
		return strings.Compare(a.date, b.date)
	}
	if c := strings.Compare(a.title, b.title); c != 0 {
		return c
	}
	return strings.Compare(a.id, b.id)
}

// boolOrder puts true first.
func boolOrder(first bool) int {
	if first {
		return -1
	}
	return 1
}

// sortDocs orders idx, indexes into docs, in the list's order.
func sortDocs(docs []*corpus.Document, idx []int, by sortKey) {
	sortByKeys(listKeysOf(docs), idx, by)
}

// sortByKeys orders idx, indexes into keys, in place.
func sortByKeys(keys []listKey, idx []int, by sortKey) {
	slices.SortStableFunc(idx, func(i, j int) int { return compareKeys(&keys[i], &keys[j], by) })
}

// mergeSorted merges b into a, each already in the list's order, so a
// batch of arriving documents costs its own sort, not a sort of
// everything that has arrived. It works in place from the end, a growing
// into its spare room: each of b's items, from the last, finds its place
// by a search back from where the one after it went, and the run of a
// after it moves up whole. A batch of k costs about k·log(n/k)
// comparisons, where a plain merge compared every item of a (34 ms a
// batch at 40 times the BBC folder), and no new list: one per batch had
// the 40x folder's listing fault in 62 MB of fresh memory.
func mergeSorted(keys []listKey, a, b []int, by sortKey) []int {
	n := len(a)
	a = slices.Grow(a, len(b))[:n+len(b)]
	i, w := n, n+len(b) // a[:i] not yet placed; a[w:] placed
	for bi := len(b) - 1; bi >= 0; bi-- {
		x := b[bi]
		// Past the items of a that x does not sort before: equal ones
		// stay first, as a stable sort would leave them.
		j := gallopBack(0, i, func(k int) bool { return compareKeys(&keys[x], &keys[a[k]], by) < 0 })
		w -= i - j
		copy(a[w:], a[j:i])
		w--
		a[w] = x
		i = j
	}
	return a
}

// gallopBack is the first k in [lo, hi) for which before(k) holds, or
// hi, for a before that holds from some k on. It looks at hi-1, hi-2,
// hi-4, … before searching by halves, so a batch's documents, which
// land near each other in a sorted list, cost a few comparisons each
// rather than a search of the whole list.
func gallopBack(lo, hi int, before func(k int) bool) int {
	top := hi // before holds on [top, hi)
	for step := 1; top > lo; step *= 2 {
		k := max(top-step, lo)
		if !before(k) {
			// The first that holds is in (k, top].
			return k + 1 + sort.Search(top-k-1, func(i int) bool { return before(k + 1 + i) })
		}
		top = k
	}
	return lo
}

// filterKeys appends to out from+i for each keys[i] matching every
// space-separated term of query (case-insensitive, anywhere in the title,
// subtitle, outlet, author, date or id); docs[i] is keys[i]'s document,
// whose hay is worked out here the first time.
func filterKeys(keys []listKey, docs []*corpus.Document, from int, query string, out []int) []int {
	terms := strings.Fields(strings.ToLower(query))
	for i := range keys {
		if len(terms) == 0 {
			out = append(out, from+i)
			continue
		}
		if keys[i].hay == "" {
			keys[i].hay = hayOf(docs[i])
		}
		if containsAll(keys[i].hay, terms) {
			out = append(out, from+i)
		}
	}
	return out
}

func containsAll(hay string, terms []string) bool {
	for _, t := range terms {
		if !strings.Contains(hay, t) {
			return false
		}
	}
	return true
}
