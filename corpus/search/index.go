// Package search is a fuzzy index over the titles, section headings and
// sentences of a corpus, with fzf-style query syntax (see query.go).
//
// A search scans every target in parallel, rejects most of them with a
// cheap byte-subsequence check on case-folded text, and scores the rest:
// by how each term is found (whole word, word start, inside a word,
// scattered; see class.go), then by sahilm/fuzzy's rules. When a query
// only extends the previous one, the next search scans the previous hits
// instead of the whole index.
package search

import (
	"context"
	"runtime"
	"strings"
	"unsafe"

	"parley/corpus"
)

// Kind says what a target is.
type Kind uint8

const (
	Title Kind = iota
	Heading
	Sentence
)

func (k Kind) String() string {
	switch k {
	case Title:
		return "title"
	case Heading:
		return "heading"
	default:
		return "sentence"
	}
}

// target is one searchable text. Targets are stored in document order, so
// a smaller index means earlier in the corpus.
type target struct {
	text   string
	plain  string // plain(text): text itself unless accents
	folded string // fold(plain(text)); a slice of the index's arena
	doc    int32
	block  int32 // as corpus.Loc.Block: -1 for a title
	sent   int32 // as corpus.Loc.Sentence: -1 for a title, heading or whole block
	runes  int32 // length of text in runes, for the shorter-first tie-break
	kind   Kind
	camel  bool // a lower-case letter followed by an upper-case one (see bounds.go)
	accent bool // text has an accented letter (see plainRune), so plain != text
	// byline counts the parts (outlet, author) appended to a title's
	// text, so "word$" can end the title itself (see term.find).
	byline uint8
}

// hay returns the text a term is matched against on t, and its folded
// form: plain(t.text) for a term without accents, t.text itself for one
// with them (see plainRune). The second is only folded here, for each
// target with accents, since such terms are rare.
func (tm *term) hay(t *target) (text, folded string) {
	if tm.exact && t.accent {
		return t.text, fold(t.text)
	}
	return t.plain, t.folded
}

// Index is an immutable search index; it is safe for concurrent searches.
type Index struct {
	docs    []*corpus.Document
	targets []target       // nil when stored is set
	stored  *storedTargets // the targets of stored index files (storeview.go)
	spans   [][2]int32     // per document: its targets are targets[lo:hi]
	// sigs are the targets' signatures (bounds.go), apart from the targets
	// so that the screen's scan touches less memory; nil: refine computes
	// them for its candidates.
	sigs []signature
}

// New indexes docs. Loc.Doc in hits indexes this slice.
func New(docs []*corpus.Document) *Index { return build(docs, true) }

// build indexes docs; signed computes every target's signature up front
// (worth it for an index searched at every keystroke, not for one search).
func build(docs []*corpus.Document, signed bool) *Index {
	n := 0
	for _, d := range docs {
		d.LoadBody() // one listed from the cache without its body
		n++
		for _, sec := range d.Sections {
			n++
			for _, b := range sec.Blocks {
				n += max(len(b.Sentences), 1)
			}
		}
	}
	ix := &Index{docs: docs, spans: make([][2]int32, len(docs)), targets: make([]target, 0, n)}
	for di, d := range docs {
		lo := int32(len(ix.targets))
		ix.addDoc(int32(di), d)
		ix.spans[di] = [2]int32{lo, int32(len(ix.targets))}
	}
	if signed {
		ix.sigs = make([]signature, len(ix.targets))
	}
	ix.foldAll()
	return ix
}

// foldAll fills in every target's folded and plain text and rune count, on every
// core. One arena for all the folded text keeps the screen's scan of the
// whole index sequential in memory.
func (ix *Index) foldAll() {
	offs := make([]int, len(ix.targets)+1)
	for i := range ix.targets {
		offs[i+1] = offs[i] + len(ix.targets[i].text)
	}
	arena := make([]byte, offs[len(ix.targets)])
	ends := make([]int, len(ix.targets))
	parts := runtime.GOMAXPROCS(0)
	bounds := make([]int, parts+1) // target index where each part starts
	for p, i := 1, 0; p < parts; p++ {
		for i < len(ix.targets) && offs[i] < len(arena)*p/parts {
			i++
		}
		bounds[p] = i
	}
	bounds[parts] = len(ix.targets)
	_ = parallel(context.Background(), parts, func(p int) {
		for i := bounds[p]; i < bounds[p+1]; i++ {
			t := &ix.targets[i]
			n, runes, camel := foldInto(arena[offs[i]:offs[i+1]], t.text)
			t.runes, t.camel = int32(runes), camel
			// Only accents make the folded text shorter; the rest of the
			// target's room in the arena stays unused.
			ends[i] = offs[i] + n
			t.plain = t.text
			if t.accent = n < len(t.text); t.accent {
				t.plain = plain(t.text)
			}
			if ix.sigs != nil && ends[i] > offs[i] {
				// The arena's bytes for this target are final.
				ix.sigs[i] = sign(unsafe.String(&arena[offs[i]], ends[i]-offs[i]))
			}
		}
	})
	// The arena is never written again, so it can back the folded strings
	// without a copy of the whole corpus.
	all := unsafe.String(unsafe.SliceData(arena), len(arena))
	for i := range ix.targets {
		ix.targets[i].folded = all[offs[i]:ends[i]]
	}
}

// Docs returns the indexed documents.
func (ix *Index) Docs() []*corpus.Document { return ix.docs }

// Len returns the number of targets (titles, headings and sentences).
func (ix *Index) Len() int {
	if ix.stored != nil {
		return len(ix.stored.docOf)
	}
	return len(ix.targets)
}

func (ix *Index) addDoc(di int32, d *corpus.Document) {
	text, byline := titleText(d)
	ix.add(target{text: text, doc: di, block: -1, sent: -1, kind: Title, byline: byline})
	block := int32(0)
	total := int32(0)
	for _, s := range d.Sections {
		total += int32(len(s.Blocks))
	}
	for _, s := range d.Sections {
		if h := strings.TrimSpace(s.Heading); h != "" {
			// A heading opens the reader at its section's first block; a
			// heading with nothing under it, at the block that follows.
			b := min(block, total-1)
			ix.add(target{text: h, doc: di, block: b, sent: -1, kind: Heading})
		}
		for _, b := range s.Blocks {
			if len(b.Sentences) == 0 && strings.TrimSpace(b.Text) != "" {
				ix.add(target{text: b.Text, doc: di, block: block, sent: -1, kind: Sentence})
			}
			for si, sen := range b.Sentences {
				ix.add(target{text: sen.Text, doc: di, block: block, sent: int32(si), kind: Sentence})
			}
			block++
		}
	}
}

func (ix *Index) add(t target) {
	ix.targets = append(ix.targets, t)
}

// titleText is what a title target matches: the title with its outlet and
// author, so "reuters" or an author's name finds the document.
func titleText(d *corpus.Document) (string, uint8) {
	title := d.Title
	if strings.TrimSpace(title) == "" {
		title = d.File
	}
	parts := []string{title}
	for _, p := range []string{d.Outlet, d.Author} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · "), uint8(len(parts) - 1)
}

// titleEnd is where the title itself ends in a title target's text (or a
// form of it: plain and folded keep the " · " separators), before the
// byline parts titleText appended.
func titleEnd(s string, byline uint8) int {
	end := len(s)
	for range byline {
		i := strings.LastIndex(s[:end], " · ")
		if i < 0 {
			break
		}
		end = i
	}
	return end
}
