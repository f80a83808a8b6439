package claimsfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/seeds"
)

// Layer is the curated layer of a corpus: the shipped claims, which apply
// to the embedded seeds only, and the user's claims file over them.
type Layer struct {
	Loc     Location
	Shipped []compare.CuratedClaim
	// User is the user's file; empty when it does not exist yet, nil when
	// it is broken (Err says why, and nothing is written over it).
	User *File
	Err  error
}

// Open reads the curated layer of corpus c, opened from roots (none: the
// embedded seeds). The shipped claims apply when c is the embedded seeds
// (c.Seeds, which only corpus.LoadSeeds sets) and to nothing else. The
// error is for shipped data that cannot be read; a broken user file is
// Layer.Err.
func Open(c *corpus.Corpus, roots []string) (*Layer, error) {
	l := &Layer{Loc: Locate(roots)}
	if c.Seeds {
		cc, err := compare.LoadCurated(seeds.FS)
		if err != nil {
			return nil, err
		}
		l.Shipped = cc
	}
	l.User, l.Err = Read(l.Loc.Path)
	return l, nil
}

// Writable says whether the user's file can be changed: it is not broken.
func (l *Layer) Writable() bool { return l.User != nil }

// Key names a document in the claims file: its path in the folder
// (slashes, "oped/akram.txt"), or its name among the embedded seeds. A
// document outside the folder is named by its absolute path.
func (l *Layer) Key(d *corpus.Document) string {
	if l.Loc.Base == "" {
		return d.Path
	}
	abs, err := filepath.Abs(d.Path)
	if err != nil {
		return filepath.ToSlash(d.Path)
	}
	if rel, err := filepath.Rel(l.Loc.Base, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

// docOf finds the document a key names: by Key first, then as a document
// ID or a prefix of one (as the shipped file names the seeds). -1: none.
func (l *Layer) docOf(docs []*corpus.Document, key string) int {
	for i, d := range docs {
		if l.Key(d) == key {
			return i
		}
	}
	return compare.DocByPrefix(docs, key)
}

// Curated is the curated layer for docs, as the compare engine takes it:
// the user's claims first, then the shipped ones they do not extend. A
// user claim that extends a shipped one (same label, or Extends) takes in
// its quotes, less those the user rejected. Keys are turned into document
// IDs; a key that names no document is kept, so its quotes are reported.
func (l *Layer) Curated(docs []*corpus.Document) []compare.CuratedClaim {
	var out []compare.CuratedClaim
	extended := map[string]bool{}
	if l.User != nil {
		for _, c := range l.User.Claims {
			cc := compare.CuratedClaim{Label: c.Label, Origin: compare.OriginUser,
				Quotes: l.byID(docs, c.Quotes), Rejected: l.byID(docs, c.Rejected)}
			if s := l.shipped(c.base()); s != nil {
				extended[fold(s.Label)] = true
				for key, qs := range l.byID(docs, s.Quotes) {
					cc.Quotes[key] = appendNew(cc.Quotes[key], qs...)
				}
			}
			out = append(out, cc)
		}
	}
	for _, s := range l.Shipped {
		if !extended[fold(s.Label)] {
			s.Origin = compare.OriginShipped
			out = append(out, s)
		}
	}
	return out
}

// IsShipped says whether a shipped claim is labelled label.
func (l *Layer) IsShipped(label string) bool { return l.shipped(label) != nil }

// shipped returns the shipped claim labelled label, or nil.
func (l *Layer) shipped(label string) *compare.CuratedClaim {
	for i := range l.Shipped {
		if fold(l.Shipped[i].Label) == fold(label) {
			return &l.Shipped[i]
		}
	}
	return nil
}

// byID rekeys quotes by the ID of the document each key names.
func (l *Layer) byID(docs []*corpus.Document, quotes map[string][]string) map[string][]string {
	out := make(map[string][]string, len(quotes))
	for key, qs := range quotes {
		id := key
		if i := l.docOf(docs, key); i >= 0 {
			id = docs[i].ID
		}
		out[id] = appendNew(out[id], qs...)
	}
	return out
}

// Stale lists the user's quotes that no sentence of their document holds
// any longer (or whose document is gone), per claim label, each as
// `key: "quote"`. The rest of each claim still works. A quote of a
// document that is still in the folder but was not opened (one file of
// the folder named) is not stale: see NotOpened.
func (l *Layer) Stale(docs []*corpus.Document) map[string][]string {
	out := map[string][]string{}
	if l.User == nil {
		return out
	}
	for _, c := range l.User.Claims {
		for _, key := range sortedKeys(c.Quotes) {
			doc := l.docOf(docs, key)
			if doc < 0 && l.onDisk(key) {
				continue
			}
			for _, q := range c.Quotes[key] {
				if doc < 0 {
					out[c.Label] = append(out[c.Label], fmt.Sprintf("%s (no such document): %q", key, q))
				} else if len(compare.ResolveQuote(docs, doc, q)) == 0 {
					out[c.Label] = append(out[c.Label], fmt.Sprintf("%s: %q", key, q))
				}
			}
		}
	}
	return out
}

// NotOpened counts the user's claims that quote a document which was not
// opened but is still on disk: their quotes are kept, and not checked.
func (l *Layer) NotOpened(docs []*corpus.Document) int {
	if l.User == nil {
		return 0
	}
	n := 0
	for _, c := range l.User.Claims {
		for key, qs := range c.Quotes {
			if len(qs) > 0 && l.docOf(docs, key) < 0 && l.onDisk(key) {
				n++
				break
			}
		}
	}
	return n
}

// onDisk says whether a document key names a file that exists: a path in
// the folder, or an absolute one. The seeds' keys name no file.
func (l *Layer) onDisk(key string) bool {
	if l.Loc.Base == "" {
		return false
	}
	p := filepath.FromSlash(key)
	if !filepath.IsAbs(p) {
		p = filepath.Join(l.Loc.Base, p)
	}
	info, err := os.Stat(p)
	return err == nil && !info.IsDir()
}

// Report is what a command prints on stderr about the layer: a broken
// file, and each stale quote. Every line is clean of control characters.
func (l *Layer) Report(docs []*corpus.Document) []string {
	var out []string
	if l.Err != nil {
		out = append(out, corpus.CleanLine(l.Err.Error()))
	}
	stale := l.Stale(docs)
	if l.User != nil {
		for _, c := range l.User.Claims {
			for _, s := range stale[c.Label] {
				out = append(out, corpus.CleanLine(fmt.Sprintf("%s: claim %q: quote no longer found in %s", l.Loc.Path, c.Label, s)))
			}
			delete(stale, c.Label) // a label twice in the file is reported once
		}
	}
	return out
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func appendNew(to []string, items ...string) []string {
	for _, s := range items {
		if !contains(to, s) {
			to = append(to, s)
		}
	}
	return to
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ForCommand is the curated layer parley compare and parley claims
// compare with, for corpus c opened from paths: nothing with engineOnly,
// else the layer's claims (see Open and Curated). A broken claims file
// and stale quotes are reported on stderr, and the command goes on
// without what is broken; the error is for shipped data that cannot be
// read. fill, when set, reads the documents the user's quotes name
// before they are checked (a corpus whose documents are read on demand,
// compare.Stored).
func ForCommand(c *corpus.Corpus, paths []string, engineOnly bool, stderr io.Writer, fill func(docs []int)) ([]compare.CuratedClaim, error) {
	if engineOnly {
		return nil, nil
	}
	l, err := Open(c, paths)
	if err != nil {
		return nil, err
	}
	if fill != nil && l.User != nil {
		var quoted []int
		for _, cl := range l.User.Claims {
			for key := range cl.Quotes {
				if d := l.docOf(c.Docs, key); d >= 0 {
					quoted = append(quoted, d)
				}
			}
		}
		fill(quoted)
	}
	for _, line := range l.Report(c.Docs) {
		fmt.Fprintln(stderr, "parley:", line)
	}
	return l.Curated(c.Docs), nil
}
