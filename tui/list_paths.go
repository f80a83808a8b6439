package tui

import (
	"path"

	"parley/corpus"
	"parley/tui/common"
)

// listPaths decides which documents the list names by their path under
// the folder opened ("tech/042.txt"): every one when the corpus spans
// folders, and those whose titles repeat, which could not be told apart
// otherwise (the BBC folder has two "'Brainwave' cap controls computer").
// It is worked out again only when the documents change, and only for
// the new ones when they grew (a folder streaming in).
type listPaths struct {
	n       int              // how many documents it was worked out for
	first   *corpus.Document // and the first of them
	set     *common.StorySet // and the stories (which hide copies) then known
	grouped bool             // found by then
	dir     string           // the folder of the first document counted
	spans   bool             // the documents lie in more than one folder
	titles  map[string]int   // how many documents have each title
}

// subPath is the path the list shows with d's metadata, or "". lead says
// it goes first: its title repeats, and the path is what tells it apart.
// Shown only because the corpus spans folders, it goes last, where a
// narrow list lets it give way.
func (l *listPane) subPath(d *corpus.Document) (sub string, lead bool) {
	lp := &l.paths
	if lp.titles == nil || lp.n > len(l.docs) || lp.n > 0 && lp.first != l.docs[0] || lp.set != l.set || lp.grouped != l.copiesKnown() {
		*lp = listPaths{set: l.set, grouped: l.copiesKnown(), titles: map[string]int{}}
	}
	for _, doc := range l.docs[lp.n:] {
		if l.isCopy(doc) {
			// A copy is named after the document it copies ("also in:
			// …"): only what the list shows counts.
			continue
		}
		dir := path.Dir(doc.ID)
		if len(lp.titles) == 0 {
			lp.dir = dir
		}
		lp.spans = lp.spans || dir != lp.dir
		lp.titles[docTitle(doc)]++
	}
	if lp.n = len(l.docs); lp.n > 0 {
		lp.first = l.docs[0]
	}
	repeats := lp.titles[docTitle(d)] > 1
	if !lp.spans && !repeats {
		return "", false
	}
	return corpus.CleanLine(path.Join(path.Dir(d.ID), d.File)), repeats
}

// copiesKnown says whether the stories, and so the copies, are found.
func (l *listPane) copiesKnown() bool { return l.set != nil && l.set.Groups != nil }
