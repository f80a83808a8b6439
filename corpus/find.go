package corpus

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Find returns the document named by ref: an exact id, else an exact file
// name, else the path it was loaded from (as `parley search` prints it) or
// its id with the extension ("sport/001.txt"), else a prefix of an id or
// file name, as long as it names exactly one document (a folder may hold
// business/001.txt and sport/001.txt).
func (c *Corpus) Find(ref string) (*Document, error) {
	cleanRef := filepath.Clean(ref)
	// A path names its file however it is written: relative to the
	// working folder or absolute, whichever way the folder was opened.
	absRef, _ := filepath.Abs(ref)
	cwd, _ := os.Getwd()
	samePath := func(p string) bool {
		if !filepath.IsAbs(p) {
			p = filepath.Join(cwd, p)
		}
		return p == absRef
	}
	matchers := []func(d *Document) bool{
		func(d *Document) bool { return d.ID == ref },
		func(d *Document) bool { return d.File == ref },
		func(d *Document) bool {
			return d.Path != "" && (filepath.Clean(d.Path) == cleanRef || samePath(d.Path)) ||
				strings.TrimSuffix(ref, path.Ext(ref)) == d.ID && path.Ext(ref) == path.Ext(d.File)
		},
		func(d *Document) bool { return strings.HasPrefix(d.ID, ref) || strings.HasPrefix(d.File, ref) },
	}
	for _, match := range matchers {
		var found []*Document
		for _, d := range c.Docs {
			if match(d) {
				found = append(found, d)
			}
		}
		switch len(found) {
		case 0:
			continue
		case 1:
			return found[0], nil
		default:
			return nil, fmt.Errorf("%q names %d documents, e.g. %s and %s; give more of the id", CleanLine(ref), len(found), found[0].ID, found[1].ID)
		}
	}
	return nil, fmt.Errorf("no document %q (see parley list)", CleanLine(ref))
}
