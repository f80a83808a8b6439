package corpus

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// Listing is what LoadPaths finds before it reads anything: the files it
// would load, in corpus order with their ids, the paths already known to
// be bad, and the files of other kinds. An index kept on disk (the
// search index) checks its entries against it, and has only the files it
// lacks loaded (Load).
type Listing struct {
	Files       []ListedFile
	Problems    []LoadError
	Unsupported []string
	// Plain is set when every path named is a folder without a catalog
	// file: then a document is its file's alone, and what an index keeps
	// for a file holds as long as the file is unchanged.
	Plain bool
}

// ListedFile is one file a Listing would load.
type ListedFile struct {
	Path, ID string
	Root     string // the absolute folder it was found under
	Rel      string // its path relative to Root, with forward slashes
	// job is its entry in the walk's jobs, which the listing keeps: a
	// copy in each ListedFile made them 176 bytes rather than 72, 9 MB
	// more to allocate at forty times the BBC folder.
	job *job
}

// List walks paths as LoadPaths does, reading no file.
func List(paths []string) *Listing {
	l, _ := list(paths, false)
	return l
}

// list is List, stamping each file when stamp is set (stamps[i] is
// Files[i]'s).
func list(paths []string, stamp bool) (l *Listing, stamps []FileStamp) {
	c := &Corpus{}
	runs := c.collectRuns(paths, stamp)
	l = &Listing{Problems: c.Problems, Unsupported: c.Unsupported, Plain: len(paths) > 0}
	for _, p := range paths {
		if info, err := os.Stat(p); err != nil || !info.IsDir() || hasCatalog(p) {
			l.Plain = false
		}
	}
	n := runsLen(runs)
	l.Files = make([]ListedFile, n)
	if stamp {
		stamps = make([]FileStamp, n)
	}
	// Each half on a core of its own: after the walk, this is all there
	// is to do, and the 40x BBC folder's 89,040 files took 8-12 ms on one.
	k, at := runAt(runs, n/2)
	done := make(chan struct{})
	go func() {
		l.listRuns(runs[k:], at, n/2, n, stamps)
		close(done)
	}()
	l.listRuns(runs[:min(k+1, len(runs))], 0, 0, n/2, stamps)
	<-done
	return l, stamps
}

// runAt is the run holding the i-th job of runs, and where in it.
func runAt(runs [][]job, i int) (k, at int) {
	for k = range runs {
		if i < len(runs[k]) {
			return k, i
		}
		i -= len(runs[k])
	}
	return len(runs), 0
}

// listRuns fills Files[lo:hi] (and stamps[lo:hi], when there are any)
// from runs, starting at the job at of runs[0].
func (l *Listing) listRuns(runs [][]job, at, lo, hi int, stamps []FileStamp) {
	var root, a, prefix string
	i := lo
	for _, run := range runs {
		for k := at; k < len(run) && i < hi; k++ {
			j := &run[k]
			if j.root != root || a == "" {
				root = j.root
				a, _ = filepath.Abs(j.root)
				prefix = pathPrefix(a)
			}
			var rel string
			switch {
			case j.relAt > 0 && int(j.relAt) == len(prefix) && filepath.Separator == '/':
				// Found by the walk under the same absolute folder: cut
				// without reading abs, whose bytes, made during the walk,
				// are no longer in the processor's cache (comparing the
				// prefix was 1.9% of a second compare's CPU samples at
				// forty times the BBC folder, perf record -g).
				rel = j.abs[j.relAt:]
			case strings.HasPrefix(j.abs, prefix) && filepath.Separator == '/':
				rel = j.abs[len(prefix):] // as cacheRel would make it, without the work
			default:
				rel = cacheRel(a, j.abs)
			}
			l.Files[i] = ListedFile{Path: j.path, ID: j.id, Root: a, Rel: rel, job: j}
			if stamps != nil {
				stamps[i] = j.stamp
			}
			i++
		}
		at = 0
	}
}

// Load reads and parses the files Files[i] for each i in which, as
// LoadPaths would (through cache when it is set), on every core. docs[k]
// is which[k]'s document, or nil with errs[k] set. Call FlushCache once
// the last files are loaded.
func (l *Listing) Load(which []int, cache *Cache) (docs []*Document, errs []error) {
	jobs := make([]job, len(which))
	for k, i := range which {
		jobs[k] = *l.Files[i].job
	}
	return loadJobs(jobs, LoadOptions{Cache: cache})
}

// FlushCache writes what Load added to cache, keeping the entries of the
// files it did not load (they are not gone, only not needed).
func (l *Listing) FlushCache(cache *Cache) error {
	if cache == nil {
		return nil
	}
	cache.keepUnseen()
	return cache.Flush()
}

// loadHook, when set (SetLoadHook), is called with every document a
// load in this process reads, as it comes.
var loadHook atomic.Pointer[func(*Document)]

// SetLoadHook has fn called with every document loaded from now on, by
// any load, from several goroutines at once; nil stops it. A subcommand
// fits the collector to the text as it loads (package gctune).
func SetLoadHook(fn func(*Document)) {
	if fn == nil {
		loadHook.Store(nil)
		return
	}
	loadHook.Store(&fn)
}

// loadJobs reads and parses jobs on every core, through opts.Cache when
// it is set, calling opts.Progress after each.
func loadJobs(jobs []job, opts LoadOptions) ([]*Document, []error) {
	maxSize := opts.MaxSize
	if maxSize <= 0 {
		maxSize = MaxFileSize
	}
	docs := make([]*Document, len(jobs))
	errs := make([]error, len(jobs))
	var next, done atomic.Int64
	// More workers than cores: reading a file blocks in a system call, and
	// the other workers keep the cores busy parsing meanwhile.
	workers := min(4*runtime.GOMAXPROCS(0), len(jobs))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				if opts.Cache != nil {
					docs[i], errs[i] = loadCached(opts.Cache, jobs[i], maxSize, opts.ListOnly, opts.ListOnlyAfter)
				} else {
					docs[i], errs[i] = loadOne(jobs[i], maxSize, opts.Keep)
				}
				if opts.NoBodies && docs[i] != nil && docs[i].body == nil {
					docs[i].dropBody()
				}
				n := int(done.Add(1))
				if hook := loadHook.Load(); hook != nil && docs[i] != nil {
					(*hook)(docs[i])
				}
				if opts.Progress != nil {
					opts.Progress(n, len(jobs), docs[i])
				}
			}
		}()
	}
	wg.Wait()
	return docs, errs
}

// keepUnseen has the next Flush keep the entries of files not loaded
// this run, as when files are named one by one: Listing.Load loads only
// the files an index lacks, and the others are not gone.
func (c *Cache) keepUnseen() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, rc := range c.roots {
		rc.mu.Lock()
		rc.whole = false
		rc.mu.Unlock()
	}
}
