// Package claimsfile reads and writes the user's claims file: the claims
// a user confirmed for a folder (or for the embedded seeds), which parley
// layers over the engine's suggestions and the shipped curated claims as
// the curated layer of that corpus.
package claimsfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"parley/corpus/atomicfile"
)

// Claim is one claim of the file: a label and, per document (its path in
// the folder, "oped/akram.txt"), verbatim quotes that identify the
// sentences making it. Rejected holds the sentences the user dropped from
// the claim, so that they are not suggested for it again.
type Claim struct {
	Label    string              `json:"label"`
	Quotes   map[string][]string `json:"quotes"`
	Rejected map[string][]string `json:"rejected,omitempty"`
	// Extends names the shipped claim this one changes, once renamed
	// (before, the same label says so).
	Extends string `json:"extends,omitempty"`
}

// base is the label of the shipped claim c may extend.
func (c Claim) base() string {
	if c.Extends != "" {
		return c.Extends
	}
	return c.Label
}

// File is the shape of a claims file: the shape of seeds/claims.json, so
// that one can be written by hand or by a script, plus Rejected.
type File struct {
	Note   string  `json:"note,omitempty"`
	Claims []Claim `json:"claims"`
}

// BrokenError reports a claims file that exists but cannot be used. The
// file is left as it is: parley opens without the user's layer and does
// not write over it.
type BrokenError struct {
	Path string
	Err  error
}

func (e *BrokenError) Error() string {
	return fmt.Sprintf("claims file %s is broken (left untouched, not used): %v", e.Path, e.Err)
}

func (e *BrokenError) Unwrap() error { return e.Err }

// maxSize bounds what Read takes in: a claims file is written a claim at
// a time, and a huge one is more likely a wrong file than claims.
const maxSize = 16 << 20

// Read reads the claims file at path (through a symlink, as a write
// goes). A missing file, or a link to nothing yet, is an empty file. A
// file that is not a regular file, too big, not JSON or not of this shape
// is a *BrokenError.
func Read(path string) (*File, error) {
	raw, err := atomicfile.ReadCapped(path, maxSize)
	if errors.Is(err, fs.ErrNotExist) {
		return &File{}, nil
	}
	if err != nil {
		return nil, &BrokenError{path, err}
	}
	return Parse(path, raw)
}

// Parse decodes a claims file's bytes; path names it in errors.
func Parse(path string, raw []byte) (*File, error) {
	var f File
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&f); err != nil {
		return nil, &BrokenError{path, err}
	}
	if dec.More() {
		return nil, &BrokenError{path, errors.New("more than one JSON value")}
	}
	for i, c := range f.Claims {
		if strings.TrimSpace(c.Label) == "" {
			return nil, &BrokenError{path, fmt.Errorf("claim %d has no label", i+1)}
		}
	}
	return &f, nil
}

// Write writes f to path atomically (see atomicfile.Write): the old file
// or the new one, never half of one; through a symlink, never over what
// is not a regular file.
func Write(path string, f *File) error {
	raw, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(path, append(raw, '\n'), 0o644)
}
