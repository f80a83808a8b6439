package corpus

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"parley/seeds"
)

// Corpus is a loaded set of documents, plus the files that could not be
// loaded and why.
type Corpus struct {
	Docs     []*Document
	Problems []LoadError
}

// LoadError says why one file was skipped.
type LoadError struct {
	Path string
	Err  error
}

func (e LoadError) Error() string { return e.Path + ": " + e.Err.Error() }

// LoadOptions tunes LoadPaths.
type LoadOptions struct {
	// Progress, when set, is called after each file is read and parsed
	// (or skipped), with how many are done out of how many were found.
	// It may be called from several goroutines; doc is nil for a skipped file.
	Progress func(done, total int, doc *Document)
}

// LoadSeeds parses the embedded seed corpus.
func LoadSeeds() (*Corpus, error) {
	return LoadFS(seeds.FS)
}

// LoadFS parses every .txt and .md file in fsys.
func LoadFS(fsys fs.FS) (*Corpus, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && isTextName(p) {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	c := &Corpus{}
	for _, n := range names {
		raw, err := fs.ReadFile(fsys, n)
		if err != nil {
			c.Problems = append(c.Problems, LoadError{n, err})
			continue
		}
		d := Parse(n, raw)
		d.ID = strings.TrimSuffix(n, path.Ext(n))
		c.Docs = append(c.Docs, d)
	}
	return c, nil
}

// LoadPaths loads the named files and folders (folders recursively, .txt
// and .md only). A bad file is recorded in Problems and skipped.
func LoadPaths(paths []string, opts LoadOptions) (*Corpus, error) {
	c := &Corpus{}
	for _, root := range paths {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				c.Problems = append(c.Problems, LoadError{p, err})
				return nil
			}
			if d.IsDir() || !isTextName(p) {
				return nil
			}
			raw, err := os.ReadFile(p)
			if err != nil {
				c.Problems = append(c.Problems, LoadError{p, err})
				return nil
			}
			doc := Parse(p, raw)
			rel, _ := filepath.Rel(root, p)
			if rel == "." {
				rel = filepath.Base(p)
			}
			doc.ID = strings.TrimSuffix(filepath.ToSlash(rel), filepath.Ext(rel))
			c.Docs = append(c.Docs, doc)
			return nil
		})
	}
	return c, nil
}

func isTextName(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".txt" || ext == ".md"
}
