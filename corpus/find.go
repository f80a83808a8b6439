package corpus

import (
	"fmt"
	"strings"
)

// Find returns the document named by ref: an exact id or file name, or a
// prefix of either that names exactly one document.
func (c *Corpus) Find(ref string) (*Document, error) {
	for _, d := range c.Docs {
		if d.ID == ref || d.File == ref {
			return d, nil
		}
	}
	var found []*Document
	for _, d := range c.Docs {
		if strings.HasPrefix(d.ID, ref) || strings.HasPrefix(d.File, ref) {
			found = append(found, d)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, fmt.Errorf("no document %q (see parley list)", CleanLine(ref))
	default:
		return nil, fmt.Errorf("%q names %d documents, e.g. %s and %s; give more of the id", CleanLine(ref), len(found), found[0].ID, found[1].ID)
	}
}
