package compare

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parley/corpus"
)

// CuratedFile is the name of the curated claims data file inside the
// seeds file system.
const CuratedFile = "claims.json"

// curatedData is the shape of seeds/claims.json.
type curatedData struct {
	Note   string `json:"note"`
	Claims []struct {
		Label  string              `json:"label"`
		Quotes map[string][]string `json:"quotes"`
	} `json:"claims"`
}

// LoadCurated reads the curated claims from fsys (seeds.FS). A missing
// file is not an error — a corpus without curated data simply has none —
// but a malformed one is, so that a broken data file cannot pass unseen.
func LoadCurated(fsys fs.FS) ([]CuratedClaim, error) {
	raw, err := fs.ReadFile(fsys, CuratedFile)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var data curatedData
	if err := json.Unmarshal(raw, &data); err != nil {
		return nil, fmt.Errorf("%s: %w", CuratedFile, err)
	}
	out := make([]CuratedClaim, 0, len(data.Claims))
	for i, c := range data.Claims {
		if strings.TrimSpace(c.Label) == "" {
			return nil, fmt.Errorf("%s: claim %d has no label", CuratedFile, i)
		}
		if len(c.Quotes) < 2 {
			return nil, fmt.Errorf("%s: claim %q quotes %d source(s); a claim needs two or more", CuratedFile, c.Label, len(c.Quotes))
		}
		out = append(out, CuratedClaim{Label: c.Label, Quotes: c.Quotes})
	}
	return out, nil
}

// DocByPrefix returns the index of the document whose ID is prefix, or
// else whose ID or file name starts with prefix ("002" names
// 002_9690ed19ebd18b97), or -1. Curated data names documents by prefix so
// that it survives a change of the hash part of the file names.
func DocByPrefix(docs []*corpus.Document, prefix string) int {
	for i, d := range docs {
		if d.ID == prefix {
			return i
		}
	}
	for i, d := range docs {
		if strings.HasPrefix(d.ID, prefix) || strings.HasPrefix(d.File, prefix) {
			return i
		}
	}
	return -1
}

// ResolveQuote returns the sentences of document docs[doc] that contain
// quote, as locations, in document order. Whitespace is compared
// collapsed, because the source files break lines mid-sentence and the
// parser rejoins them. A quote that spans a sentence boundary yields every
// sentence it touches. No match yields nil.
func ResolveQuote(docs []*corpus.Document, doc int, quote string) []corpus.Loc {
	if doc < 0 || doc >= len(docs) {
		return nil
	}
	want, _ := squeeze(quote)
	if want == "" {
		return nil
	}
	var out []corpus.Loc
	for _, ref := range docs[doc].Blocks() {
		b := ref.Block
		text, offs := squeeze(b.Text)
		from := 0
		for {
			i := strings.Index(text[from:], want)
			if i < 0 {
				break
			}
			start := offs[from+i]
			end := offs[from+i+len(want)-1] + 1
			for si, s := range b.Sentences {
				if s.Start < end && start < s.End {
					out = appendLoc(out, corpus.Loc{Doc: doc, Block: ref.Index, Sentence: si})
				}
			}
			from += i + 1
		}
	}
	return out
}

func appendLoc(locs []corpus.Loc, l corpus.Loc) []corpus.Loc {
	for _, have := range locs {
		if have == l {
			return locs
		}
	}
	return append(locs, l)
}

// squeeze collapses every run of white space in s to one space and trims
// the ends. offs[i] is the byte offset in s of byte i of the result, so a
// match in the squeezed text maps back to the original.
func squeeze(s string) (string, []int) {
	var b strings.Builder
	offs := make([]int, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			i += n
			continue
		}
		if space {
			b.WriteByte(' ')
			offs = append(offs, i)
			space = false
		}
		b.WriteString(s[i : i+n])
		for k := 0; k < n; k++ {
			offs = append(offs, i+k)
		}
		i += n
	}
	return b.String(), offs
}

// ResolvedQuote is one curated quote and the sentences it identifies.
type ResolvedQuote struct {
	Prefix string // the document ID prefix the data file used
	Doc    int    // index into docs, -1 when no document has the prefix
	Quote  string
	Locs   []corpus.Loc // empty when the quote is not found
}

// ResolveCurated maps every quote of every claim to its sentences, in a
// stable order (claims as given, prefixes sorted, quotes as given).
// Unresolved quotes are kept with empty Locs so that callers can report
// them rather than silently dropping them.
func ResolveCurated(docs []*corpus.Document, claims []CuratedClaim) [][]ResolvedQuote {
	out := make([][]ResolvedQuote, len(claims))
	for ci, c := range claims {
		prefixes := make([]string, 0, len(c.Quotes))
		for p := range c.Quotes {
			prefixes = append(prefixes, p)
		}
		sort.Strings(prefixes)
		for _, p := range prefixes {
			doc := DocByPrefix(docs, p)
			for _, q := range c.Quotes[p] {
				out[ci] = append(out[ci], ResolvedQuote{Prefix: p, Doc: doc, Quote: q, Locs: ResolveQuote(docs, doc, q)})
			}
		}
	}
	return out
}
