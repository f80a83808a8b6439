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
	"os"
	"path/filepath"
	"strings"
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

// Read reads the claims file at path. A missing file is an empty one. A
// file that is not a regular file, too big, not JSON or not of this shape
// is a *BrokenError.
func Read(path string) (*File, error) {
	// Through a symlink, as the write goes; a link to nothing yet is an
	// empty file, which the first write creates.
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &File{}, nil
	}
	if err != nil {
		return nil, &BrokenError{path, err}
	}
	if !info.Mode().IsRegular() {
		return nil, &BrokenError{path, errors.New("not a regular file")}
	}
	if info.Size() > maxSize {
		return nil, &BrokenError{path, fmt.Errorf("%d bytes, more than a claims file holds", info.Size())}
	}
	raw, err := os.ReadFile(path)
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

// Write writes f to path atomically: a temporary file in the same
// directory, synced, then renamed over the old one, so a crash leaves the
// old file or the new one, never half of one. A symlink is written
// through (its target is replaced, the link kept); a path that is not a
// regular file is refused, never replaced.
func Write(path string, f *File) error {
	target, err := resolveLink(path)
	if err != nil {
		return err
	}
	raw, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	raw = append(raw, '\n')
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(target); err == nil {
		mode = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, ".claims-*.json")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(raw)
	cherr := tmp.Chmod(mode)
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, cherr, serr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// resolveLink follows path's symlinks to the file a write must replace,
// and refuses anything there that is not a regular file.
func resolveLink(path string) (string, error) {
	target := path
	for range 40 {
		info, err := os.Lstat(target)
		if errors.Is(err, fs.ErrNotExist) {
			return target, nil
		}
		if err != nil {
			return "", err
		}
		switch {
		case info.Mode().IsRegular():
			return target, nil
		case info.Mode()&fs.ModeSymlink != 0:
			to, err := os.Readlink(target)
			if err != nil {
				return "", err
			}
			if !filepath.IsAbs(to) {
				to = filepath.Join(filepath.Dir(target), to)
			}
			target = to
		default:
			return "", fmt.Errorf("%s is not a regular file; parley does not replace it", path)
		}
	}
	return "", fmt.Errorf("%s: too many symbolic links", path)
}
