// Package cmdload is how the subcommands load what they work on: the
// document cache, a folder's stored grouping or search index when it
// serves the paths, a search a few thousand files at a time, and what went
// wrong loading, reported on stderr.
package cmdload

import (
	"fmt"
	"io"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/corpus/export"
	"parley/corpus/gctune"
	"parley/corpus/search"
)

// Loader loads for one subcommand. The cache is opened only by a load
// that reads files (working out parley's version costs a few
// milliseconds), and not at all with NoCache (--no-cache).
type Loader struct {
	NoCache bool
	Stderr  io.Writer
}

func (l Loader) cache() *corpus.Cache { return corpus.OpenCache(l.NoCache) }

// Corpus loads the named paths, or the embedded seeds when there are
// none. Skipped files are reported on stderr; it fails only when nothing
// loads.
func (l Loader) Corpus(paths []string) (*corpus.Corpus, error) {
	var c *corpus.Corpus
	var err error
	if len(paths) == 0 {
		c, err = corpus.LoadSeeds()
	} else {
		c, err = corpus.LoadPaths(paths, corpus.LoadOptions{Cache: l.cache()})
	}
	if err != nil {
		return nil, err
	}
	gctune.FitToText(gctune.TextBytes(c.Docs), len(c.Docs))
	return c, l.report(c)
}

// Grouped is Corpus for the commands that group the documents into
// stories: a folder's grouping kept on disk is used when the cache
// serves it (opts.Stored, whose documents are read as they are needed).
func (l Loader) Grouped(paths []string, opts *export.CompareOptions) (*corpus.Corpus, error) {
	return l.grouped(l.cache(), paths, opts, compare.LoadStored)
}

// GroupedToRead is Grouped for a command that goes on to read documents
// from the document cache (claims): the cache of each folder is read
// while the folder is stat'ed (corpus.Cache.Preload).
func (l Loader) GroupedToRead(paths []string, opts *export.CompareOptions) (*corpus.Corpus, error) {
	return l.grouped(l.preloaded(paths), paths, opts, compare.LoadStored)
}

// GroupedToCompare is GroupedToRead for compare: unless the comparison
// is limited to one story (opts.Story), the index of every document kept
// beside the grouping is read during the snapshot too
// (compare.LoadStoredToCompare).
func (l Loader) GroupedToCompare(paths []string, opts *export.CompareOptions) (*corpus.Corpus, error) {
	load := compare.LoadStoredToCompare
	if opts.Story != "" {
		load = compare.LoadStored
	}
	return l.grouped(l.preloaded(paths), paths, opts, load)
}

// preloaded is the cache with the document cache of each path being read.
func (l Loader) preloaded(paths []string) *corpus.Cache {
	cache := l.cache()
	if len(paths) > 0 {
		cache.Preload(paths)
	}
	return cache
}

func (l Loader) grouped(cache *corpus.Cache, paths []string, opts *export.CompareOptions,
	load func(*corpus.Cache, []string) (*compare.Stored, bool)) (*corpus.Corpus, error) {
	if st, ok := load(cache, paths); ok {
		gctune.FitToText(st.TextBytes, len(st.Corpus.Docs))
		opts.Stored = st
		return st.Corpus, l.report(st.Corpus)
	}
	return l.Corpus(paths)
}

// FinishStored writes to the document cache what a stored corpus read
// anew, after the command's answer (err), which it returns.
func (l Loader) FinishStored(st *compare.Stored, err error) error {
	if st != nil {
		if ferr := st.Finish(); ferr != nil {
			fmt.Fprintln(l.Stderr, "parley: cache not written:", corpus.CleanLine(ferr.Error()))
		}
	}
	return err
}

// searchInBatches runs a search over the named paths a few thousand files
// at a time (search.Batches), setting opts.Result; the corpus returned
// has only each document's ID and Path. Files that cannot hold a hit are
// not parsed: the hits are the same, and parsing is a good share of a
// search's time.
func (l Loader) searchInBatches(paths []string, query string, opts *export.SearchOptions) (*corpus.Corpus, error) {
	b := search.NewBatches(query, opts.Limit)
	load := corpus.LoadOptions{Keep: search.DocumentFilter(query), Cache: l.cache()}
	var text int64
	var n int
	c := corpus.LoadPathsInBatches(paths, load, searchBatch, func(docs []*corpus.Document) {
		// The whole text so far, as Corpus would: only files of a
		// megabyte or more on average set a limit, which a batch of
		// thousands of files never has.
		text, n = text+gctune.TextBytes(docs), n+len(docs)
		gctune.FitToText(text, n)
		b.Add(docs)
	})
	c.Docs, opts.Result = b.Docs(), b.Result()
	return c, l.report(c)
}

// searchBatch is how many files searchInBatches loads at a time: at forty
// times the BBC folder, about 9 MB of text.
const searchBatch = 4096

// Listed is Corpus for parley list, which writes only what the cache
// keeps apart from the bodies: a document found there comes without its
// body (corpus.LoadOptions.ListOnly), so an unchanged folder is listed
// without decoding one, and a document parsed anew is kept without it
// (NoBodies).
func (l Loader) Listed(paths []string) (*corpus.Corpus, error) {
	if len(paths) == 0 {
		return l.Corpus(paths)
	}
	c, err := corpus.LoadPaths(paths, corpus.LoadOptions{Cache: l.cache(), ListOnly: true, NoBodies: true})
	if err != nil {
		return nil, err
	}
	return c, l.report(c)
}

// report writes what went wrong loading c on stderr: the cache not
// written, the files skipped and why. It fails only when nothing loaded.
func (l Loader) report(c *corpus.Corpus) error {
	if c.CacheErr != nil {
		fmt.Fprintln(l.Stderr, "parley: cache not written:", corpus.CleanLine(c.CacheErr.Error()))
	}
	for _, p := range c.Problems {
		fmt.Fprintln(l.Stderr, "parley: skipped", corpus.CleanLine(p.Error()))
	}
	if len(c.Unsupported) > 0 {
		fmt.Fprintln(l.Stderr, "parley:", c.SkippedSummary())
	}
	if len(c.Docs) == 0 && c.Filtered == 0 {
		return corpus.ErrNoDocuments
	}
	return nil
}

// Search loads for a search of query over paths: a folder searched
// before answers from the index kept on disk (opts.Result), the seeds are
// loaded whole, and other paths are searched in batches (opts.Result).
func (l Loader) Search(paths []string, query string, opts *export.SearchOptions) (*corpus.Corpus, error) {
	if c, res, ok := search.SearchStored(l.cache(), paths, query, opts.Limit); ok {
		opts.Result = res
		return c, l.report(c)
	}
	if len(paths) == 0 {
		return l.Corpus(nil)
	}
	return l.searchInBatches(paths, query, opts)
}
