package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"parley/seeds"
)

// Corpus is a loaded set of documents, plus the files that could not be
// loaded and why.
type Corpus struct {
	Docs     []*Document
	Problems []LoadError
	// Filtered counts the files LoadOptions.Keep turned away: read and
	// decoded, but not parsed and not in Docs.
	Filtered int
	// CacheErr says why the document cache could not be written, if so;
	// the documents loaded all the same.
	CacheErr error
	// Unsupported are the files found in folders that are of no kind
	// parley reads (.docx, .png, ...): counted in SkippedSummary.
	Unsupported []string
	// Seeds is set on the embedded seed corpus (LoadSeeds) and on no
	// other: the one corpus the shipped curated claims apply to, whose
	// documents are named by their IDs rather than by a file on disk.
	Seeds bool
}

// ErrNoDocuments is the error of a command whose paths hold no file
// parley reads.
var ErrNoDocuments = errors.New("no documents loaded (parley reads .txt, .text, .md, .markdown, .html, .htm, .xhtml, .pdf and .epub files)")

// LoadError says why one file was skipped.
type LoadError struct {
	Path string
	Err  error
}

func (e LoadError) Error() string { return e.Path + ": " + e.Err.Error() }

func (e LoadError) Unwrap() error { return e.Err }

// LoadOptions tunes LoadPaths.
type LoadOptions struct {
	// Progress, when set, is called after each file is read and parsed
	// (or skipped), with how many are done out of how many were found.
	// It may be called from several goroutines; doc is nil for a skipped file.
	Progress func(done, total int, doc *Document)
	// MaxSize caps the size of one file in bytes; 0 means MaxFileSize.
	MaxSize int64
	// Keep, when set, decides from a file's base name and its decoded,
	// cleaned text (before parsing) whether to parse it at all; a file it
	// turns away is counted in Corpus.Filtered, not in Problems. It is not
	// applied under a folder root with a catalog file: the catalog can give
	// a document a title, outlet or author its text does not hold. It may
	// be called from several goroutines.
	Keep func(name, text string) bool
	// Cache, when set, keeps parsed documents between runs (see Cache).
	Cache *Cache
	// ListOnly, with Cache, has a document found in the cache come with
	// its list metadata alone (all but Sections and Matter): its body is
	// read when Document.LoadBody is called. A folder is then listed
	// without decoding a single body. Files read and parsed this run come
	// whole, unless ListOnlyAfter says otherwise.
	ListOnly bool
	// NoBodies has a document read and parsed this run kept with its list
	// metadata alone, once it is written to the cache, for a caller that
	// never reads a body (parley list; see Document.dropBody).
	NoBodies bool
	// ListOnlyAfter, with ListOnly and above 0, has a file read and parsed
	// this run come without its body too once the documents loaded so far
	// hold more than this many words: its body is written to the cache at
	// once and read back from there when needed. A large folder opened for
	// the first time is then held as one listed from the cache.
	ListOnlyAfter int
}

// LoadSeeds parses the embedded seed corpus, with its editorial catalog.
func LoadSeeds() (*Corpus, error) {
	c, err := LoadFS(seeds.FS)
	if c != nil {
		c.Seeds = true
	}
	return c, err
}

// LoadFS parses every file of a kind parley reads in fsys, in path order, and
// applies the catalog file at its root when there is one.
func LoadFS(fsys fs.FS) (*Corpus, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && readableName(p) {
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
		d, err := parseFile(n, raw, MaxFileSize, nil)
		if err != nil {
			c.Problems = append(c.Problems, LoadError{n, err})
			continue
		}
		d.ID = strings.TrimSuffix(n, path.Ext(n))
		c.Docs = append(c.Docs, d)
	}
	cat, err := readCatalog(fsys)
	if err != nil {
		return nil, err
	}
	cat.apply(c.Docs)
	return c, nil
}

// parseFile decodes and parses one file, refusing oversized and binary
// ones. raw is owned by the document from now on. When keep is set and
// turns the decoded text away, it returns no document and no error.
func parseFile(name string, raw []byte, maxSize int64, keep func(name, text string) bool) (*Document, error) {
	if int64(len(raw)) > maxSize {
		return nil, fmt.Errorf("file too large (%d bytes; the limit is %d)", len(raw), maxSize)
	}
	if read := formatReader(name, raw); read != nil {
		x, err := read(raw)
		if err != nil {
			return nil, err
		}
		return parseExtracted(name, x), nil
	}
	text, notes, err := decodeText(raw)
	if err != nil {
		return nil, err
	}
	text, more := decodeEntities(name, text)
	notes = append(notes, more...)
	if keep != nil && !keep(baseName(name), text) {
		return nil, nil
	}
	d := parseText(name, text)
	d.Notes = append(notes, d.Notes...)
	return d, nil
}

// job is one file found by LoadPaths: its path, its id in the corpus,
// the root it was found under and its id relative to that root.
// catalog is set when that root has a catalog file.
type job struct {
	path, id, root, rel string
	abs                 string // path, absolute and cleaned
	catalog             bool
	// relAt, for a file found by the walk, is where its path below the
	// folder walked starts in abs (which begins with that folder's
	// absolute path and a separator); 0 for a file named itself.
	relAt int32
	stamp FileStamp // when the walk was asked to stamp files
}

func byPath(a, b job) int { return strings.Compare(a.path, b.path) }

// LoadPaths loads the named files and folders (folders recursively, the
// kinds readableName accepts, hidden folders skipped), parsing on every
// core. Documents come out sorted by path whatever the parse order. A
// file that cannot be read, is binary or is too large is recorded in
// Problems and skipped; so is a path that does not exist. The error is
// reserved for none today.
func LoadPaths(paths []string, opts LoadOptions) (*Corpus, error) {
	c := &Corpus{}
	// With a cache, every file's size and time are taken in the walk,
	// several folders at once, rather than one stat per file.
	jobs := c.collect(paths, opts.Cache != nil)
	docs, errs := loadJobs(jobs, opts)
	if opts.Cache != nil {
		c.CacheErr = opts.Cache.Flush()
	}
	c.Docs = c.gather(jobs, docs, errs, map[string]*Catalog{})
	return c, nil
}

// gather returns the documents of jobs that loaded, in order, with the
// catalog of each folder given as a root applied (catalogs keeps each
// root's catalog once read), and records the files that failed or
// were turned away.
func (c *Corpus) gather(jobs []job, docs []*Document, errs []error, catalogs map[string]*Catalog) []*Document {
	var out []*Document
	byRoot := map[string]map[string]*Document{}
	for i, d := range docs {
		if errs[i] != nil {
			c.Problems = append(c.Problems, LoadError{jobs[i].path, errs[i]})
			continue
		}
		if d == nil {
			c.Filtered++
			continue
		}
		out = append(out, d)
		if !jobs[i].catalog {
			// No catalog file to apply (the walk looked): no entry by
			// path. The map of every document took 50 ms of a listing
			// of forty times the BBC folder from the cache.
			continue
		}
		if byRoot[jobs[i].root] == nil {
			byRoot[jobs[i].root] = map[string]*Document{}
		}
		byRoot[jobs[i].root][jobs[i].rel] = d
	}
	c.applyCatalogs(byRoot, catalogs)
	return out
}

// applyCatalogs applies the catalog file of each folder given as a root
// to the documents found under it (entries name ids relative to it).
func (c *Corpus) applyCatalogs(byRoot map[string]map[string]*Document, catalogs map[string]*Catalog) {
	for root, docs := range byRoot {
		cat, read := catalogs[root]
		if !read {
			catalogs[root] = nil // a folder's catalog is read, and a bad one reported, once
			if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
				continue
			}
			var err error
			if cat, err = readCatalogFile(root); err != nil {
				c.Problems = append(c.Problems, LoadError{filepath.Join(root, CatalogFile), err})
				continue
			}
			catalogs[root] = cat
		}
		cat.applyByID(docs)
	}
}

// loadOne reads and parses one file; no document and no error means
// keep turned it away.
func loadOne(j job, maxSize int64, keep func(name, text string) bool) (*Document, error) {
	raw, err := readCapped(j.path, maxSize)
	if err != nil {
		return nil, err
	}
	if j.catalog {
		keep = nil
	}
	d, err := parseFile(j.path, raw, maxSize, keep)
	if d == nil || err != nil {
		return nil, err
	}
	d.ID = j.id
	return d, nil
}

// collect walks the roots and returns the files to load, sorted by path,
// each once, with ids unique in the corpus; stamp has each one's stamp
// taken too. Walk errors go to Problems.
func (c *Corpus) collect(roots []string, stamp bool) []job {
	return joinRuns(c.collectRuns(roots, stamp))
}

// collectRuns is collect's jobs in runs (see walkJobs), in order.
func (c *Corpus) collectRuns(roots []string, stamp bool) [][]job {
	var runs [][]job
	seen := map[string]bool{} // files by cleaned absolute path
	// One folder's files are each found once: the map is needed only when
	// there are other paths.
	var seenFile func(abs string) bool
	if len(roots) > 1 {
		seenFile = func(abs string) bool {
			if seen[abs] {
				return true
			}
			seen[abs] = true
			return false
		}
	}
	seenRoot := map[string]bool{}
	ids := map[string]bool{}
	for _, root := range roots {
		info, err := os.Stat(root)
		if err != nil {
			c.Problems = append(c.Problems, LoadError{root, cleanErr(err)})
			continue
		}
		// What the file is comes before its name: /dev/null is a device,
		// whatever its extension.
		if !info.IsDir() && !info.Mode().IsRegular() {
			c.Problems = append(c.Problems, LoadError{root, specialFileError(info.Mode())})
			continue
		}
		if !info.IsDir() && !readableName(root) {
			c.Problems = append(c.Problems, LoadError{root, errUnsupported})
			continue
		}
		absRoot, err := filepath.Abs(root)
		if err != nil {
			absRoot = root
		}
		if seenRoot[absRoot] {
			continue // named twice ("two ./two")
		}
		seenRoot[absRoot] = true
		catalog := info.IsDir() && hasCatalog(root)
		var found [][]job
		distinct := true
		if info.IsDir() {
			found, distinct = c.walkJobs(root, absRoot, catalog, stamp, seenFile)
		} else if !seen[absRoot] {
			seen[absRoot] = true
			id := docID(root, root, false)
			found = [][]job{{{path: root, id: id, root: root, rel: id, abs: absRoot,
				stamp: FileStamp{Size: info.Size(), MTime: info.ModTime().UnixNano(), OK: true}}}}
		}
		if !sortedRuns(found) {
			one := joinRuns(found)
			slices.SortFunc(one, byPath)
			found = [][]job{one}
		}
		// One path's ids, known to differ, need no map: at forty times the
		// BBC folder it was 13 ms of a second compare's listing.
		if len(roots) > 1 || !distinct {
			if len(ids) == 0 {
				ids = make(map[string]bool, runsLen(found)) // made to size: growing it to 89,040 ids took a tenth of the listing
			}
			for _, run := range found {
				for i := range run {
					run[i].id = uniqueID(ids, run[i].id, root)
				}
			}
		}
		runs = append(runs, found...)
	}
	return runs
}

// hasCatalog reports whether the folder dir may have a catalog file:
// anything but a sure "does not exist" counts as yes, so that
// LoadOptions.Keep is never applied to documents a catalog could change.
func hasCatalog(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, CatalogFile))
	return !errors.Is(err, fs.ErrNotExist)
}

// docID is the file's path relative to the root it was found under,
// with forward slashes and no extension.
func docID(root, p string, rootIsDir bool) string {
	rel := filepath.Base(p)
	if rootIsDir {
		if r, err := filepath.Rel(root, p); err == nil {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	return CleanLine(strings.TrimSuffix(rel, path.Ext(rel)))
}

// uniqueID keeps ids unique when two roots hold the same relative path:
// the later one is prefixed with its root's name, then numbered.
func uniqueID(ids map[string]bool, id, root string) string {
	// One map operation for an id not seen before, the usual case, rather
	// than a look-up, a second look-up and the insert (89,040 ids at forty
	// times the BBC folder: 19 ms of a second search's listing).
	seen := len(ids)
	if ids[id] = true; len(ids) > seen {
		return id
	}
	id = filepath.Base(filepath.Clean(root)) + "/" + id
	base := id
	for n := 2; ids[id]; n++ {
		id = fmt.Sprintf("%s~%d", base, n)
	}
	ids[id] = true
	return id
}

// cleanErr drops the path that os errors repeat (LoadError names it).
func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
