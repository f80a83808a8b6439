package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
)

// CatalogFile is the name of the curated metadata file read from the root
// of a loaded file system or of a folder given to LoadPaths (the embedded
// seeds carry one).
const CatalogFile = "catalog.json"

// Catalog is curated, editorial metadata for documents whose text does not
// state it (no title, an author named only by a handle). Every field it
// sets is listed in the document's Editorial.
type Catalog struct {
	Note      string         `json:"note"`
	Documents []CatalogEntry `json:"documents"`
}

// CatalogEntry names a document by id; empty fields leave the parsed value.
type CatalogEntry struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Subtitle  string `json:"subtitle,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Author    string `json:"author,omitempty"`
	Published string `json:"published,omitempty"`
	Kind      string `json:"kind,omitempty"`
	URL       string `json:"url,omitempty"`
	Why       string `json:"why,omitempty"` // the evidence for the entry
}

// readCatalog loads CatalogFile from fsys; a missing file is no catalog.
func readCatalog(fsys fs.FS) (*Catalog, error) {
	raw, err := fs.ReadFile(fsys, CatalogFile)
	if err != nil {
		return nil, nil
	}
	return parseCatalog(raw)
}

// readCatalogFile loads the catalog file of the folder dir, read as every
// other file is (capped, never a FIFO or a device); a missing file is no
// catalog.
func readCatalogFile(dir string) (*Catalog, error) {
	raw, err := readCapped(filepath.Join(dir, CatalogFile), MaxFileSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return parseCatalog(raw)
}

func parseCatalog(raw []byte) (*Catalog, error) {
	var c Catalog
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", CatalogFile, err)
	}
	return &c, nil
}

// apply sets the catalog's fields on the documents it names by id.
func (c *Catalog) apply(docs []*Document) {
	byID := map[string]*Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	c.applyByID(byID)
}

// applyByID sets the catalog's fields on the documents of byID.
func (c *Catalog) applyByID(byID map[string]*Document) {
	if c == nil {
		return
	}
	for _, e := range c.Documents {
		d := byID[e.ID]
		if d == nil {
			continue
		}
		set := func(field string, dst *string, v string) {
			if v != "" && *dst != v {
				*dst = CleanLine(v)
				d.Editorial = append(d.Editorial, field)
			}
		}
		set("title", &d.Title, e.Title)
		set("subtitle", &d.Subtitle, e.Subtitle)
		set("outlet", &d.Outlet, e.Outlet)
		if e.Author != "" && d.Author != e.Author {
			set("author", &d.Author, e.Author)
			d.Authors = strings.Split(d.Author, ", ")
		}
		set("published", &d.Published, e.Published)
		set("kind", &d.Kind, e.Kind)
		set("url", &d.URL, e.URL)
		if e.Title != "" {
			d.Notes = removeNote(d.Notes, "no title in the text")
		}
	}
}

func removeNote(notes []string, prefix string) []string {
	out := notes[:0]
	for _, n := range notes {
		if !strings.HasPrefix(n, prefix) {
			out = append(out, n)
		}
	}
	return out
}
