package corpus

import "strings"

// The jobs of a folder's files are made by the walk, on the goroutine
// that read the folder, as soon as its files are stamped, and later put
// in order a folder at a time (runs). Made after the walk, one file at a
// time over the whole tree on one core, they were 14-19 ms of a second
// search or compare at forty times the BBC folder, with both cores
// otherwise idle but for the one doing it.

// jobSpec is what the walk of one folder named needs to make its jobs.
type jobSpec struct {
	root      string // the folder as named
	prefix    string // pathPrefix(root)
	absPrefix string // pathPrefix of root made absolute
	catalog   bool   // root has a catalog file
}

// folderJobs is what a folder's own entries give, in its order: the jobs
// of the files parley reads, the problems (the folder's own error first),
// the files of other kinds, and where each sub-folder comes among them.
type folderJobs struct {
	jobs        []job
	problems    []LoadError
	unsupported []string
	subs        []subMark
	// cleaned is set when cleaning a file's name for the terminal
	// changed its id (two ids might then be one).
	cleaned bool
}

// subMark is a sub-folder and how many of each of its folder's own
// jobs, problems and other files come before it.
type subMark struct {
	node                        *dirNode
	jobs, problems, unsupported int
}

// makeJobs fills n.own from its entries, in their order.
func (s *jobSpec) makeJobs(n *dirNode, entries []dirEntry, readable int) {
	f := &n.own
	if n.err != nil {
		f.problems = append(f.problems, LoadError{n.path, cleanErr(n.err)})
	}
	f.jobs = make([]job, 0, readable)
	for i := range entries {
		e := &entries[i]
		switch {
		case e.sub != nil:
			f.subs = append(f.subs, subMark{e.sub, len(f.jobs), len(f.problems), len(f.unsupported)})
		case !e.typ.IsDir():
			s.add(f, e)
		}
	}
}

// add records the file e of a folder: a job, a problem, a file of
// another kind, or nothing.
func (s *jobSpec) add(f *folderJobs, e *dirEntry) {
	if !e.readable {
		// Files of other kinds are counted (SkippedSummary); hidden
		// files and the folder's own catalog are not documents.
		atRoot := len(e.path)-len(e.name) == len(s.prefix)
		if e.typ.IsRegular() && !strings.HasPrefix(e.name, ".") && !(atRoot && e.name == CatalogFile) {
			f.unsupported = append(f.unsupported, e.path)
		}
		return
	}
	if err := notRegular(e.path, e.typ); err != nil {
		f.problems = append(f.problems, LoadError{e.path, err})
		return
	}
	rel := e.path[len(s.prefix):]
	// The absolute path is the path itself when the root was named
	// absolute and clean, as it usually is.
	abs := e.path
	if s.prefix != s.absPrefix {
		abs = s.absPrefix + rel
	}
	id, cleaned := fileID(rel)
	f.cleaned = f.cleaned || cleaned
	f.jobs = append(f.jobs, job{path: e.path, id: id, root: s.root, rel: id, abs: abs, catalog: s.catalog,
		relAt: int32(len(s.absPrefix)), stamp: e.stamp})
}

// runs hands run the jobs of the tree at n in the order filepath.WalkDir
// visits its files, a run of one folder's jobs at a time, and adds the tree's
// problems and files of other kinds to c in that order; cleaned reports
// whether any id was changed by cleaning.
func (n *dirNode) runs(c *Corpus, run func([]job)) (cleaned bool) {
	f := &n.own
	j, p, u := 0, 0, 0
	for _, s := range f.subs {
		run(f.jobs[j:s.jobs])
		c.Problems = append(c.Problems, f.problems[p:s.problems]...)
		c.Unsupported = append(c.Unsupported, f.unsupported[u:s.unsupported]...)
		j, p, u = s.jobs, s.problems, s.unsupported
		cleaned = s.node.runs(c, run) || cleaned
	}
	run(f.jobs[j:])
	c.Problems = append(c.Problems, f.problems[p:]...)
	c.Unsupported = append(c.Unsupported, f.unsupported[u:]...)
	return cleaned || f.cleaned
}

// sortedRuns reports whether runs, each sorted by path (one folder's
// files, sorted by name), are sorted as one: only where one run meets
// the next can two files be out of order.
func sortedRuns(runs [][]job) bool {
	for k := 1; k < len(runs); k++ {
		if byPath(runs[k-1][len(runs[k-1])-1], runs[k][0]) > 0 {
			return false
		}
	}
	return true
}

// runsLen is how many jobs runs hold.
func runsLen(runs [][]job) int {
	n := 0
	for _, r := range runs {
		n += len(r)
	}
	return n
}

// joinRuns is the jobs of runs in one slice: the run itself when there
// is one, nil when there is none.
func joinRuns(runs [][]job) []job {
	switch len(runs) {
	case 0:
		return nil
	case 1:
		return runs[0]
	}
	jobs := make([]job, 0, runsLen(runs))
	for _, r := range runs {
		jobs = append(jobs, r...)
	}
	return jobs
}
