package claimsfile

import (
	"maps"
	"slices"
	"strings"
)

// Clone returns a deep copy of f, so an edit never changes a file some
// other value (an undo step) still holds.
func (f *File) Clone() *File {
	out := &File{Note: f.Note, Claims: make([]Claim, len(f.Claims))}
	for i, c := range f.Claims {
		c.Quotes = cloneQuotes(c.Quotes)
		c.Rejected = cloneQuotes(c.Rejected)
		out.Claims[i] = c
	}
	return out
}

func cloneQuotes(m map[string][]string) map[string][]string {
	if m == nil {
		return nil
	}
	out := make(map[string][]string, len(m))
	for k, v := range m {
		out[k] = slices.Clone(v)
	}
	return out
}

// Find returns the index of the claim labelled label (case and spacing
// aside), or -1.
func (f *File) Find(label string) int {
	for i, c := range f.Claims {
		if fold(c.Label) == fold(label) {
			return i
		}
	}
	return -1
}

// claim returns the claim labelled label, adding it when there is none.
func (f *File) claim(label string) *Claim {
	i := f.Find(label)
	if i < 0 {
		f.Claims = append(f.Claims, Claim{Label: strings.TrimSpace(label), Quotes: map[string][]string{}})
		i = len(f.Claims) - 1
	}
	if f.Claims[i].Quotes == nil {
		f.Claims[i].Quotes = map[string][]string{}
	}
	return &f.Claims[i]
}

// Keep puts quote (of the document key) in the claim labelled label,
// making the claim when there is none, and takes it out of the rejected.
func (f *File) Keep(label, key, quote string) {
	c := f.claim(label)
	c.Quotes[key] = appendNew(c.Quotes[key], quote)
	c.Rejected = remove(c.Rejected, key, quote)
}

// Drop takes quote out of the claim labelled label and records it as
// rejected, so it is not suggested for the claim again. A claim that has
// no entry yet (a shipped one) gets one, holding the rejection.
func (f *File) Drop(label, key, quote string) {
	c := f.claim(label)
	c.Quotes = remove(c.Quotes, key, quote)
	if c.Rejected == nil {
		c.Rejected = map[string][]string{}
	}
	c.Rejected[key] = appendNew(c.Rejected[key], quote)
}

// Rename gives the claim labelled from the label to, making an entry
// when it has none (a shipped claim); shipped says the claim is a shipped
// one, which the entry then extends. It reports false when another claim
// already has that label.
func (f *File) Rename(from, to string, shipped bool) bool {
	to = strings.TrimSpace(to)
	if j := f.Find(to); j >= 0 && j != f.Find(from) {
		return false
	}
	c := f.claim(from)
	if shipped && c.Extends == "" {
		c.Extends = c.Label
	}
	c.Label = to
	return true
}

// Delete removes the claim labelled label; false when it has no entry.
func (f *File) Delete(label string) bool {
	i := f.Find(label)
	if i < 0 {
		return false
	}
	f.Claims = slices.Delete(f.Claims, i, i+1)
	return true
}

// remove takes quote out of m[key], and key out of m when it empties.
func remove(m map[string][]string, key, quote string) map[string][]string {
	if m == nil {
		return nil
	}
	m[key] = slices.DeleteFunc(m[key], func(q string) bool { return q == quote })
	if len(m[key]) == 0 {
		delete(m, key)
	}
	return m
}

func sortedKeys(m map[string][]string) []string {
	return slices.Sorted(maps.Keys(m))
}
