package corpus

// LoadPathsInBatches loads what LoadPaths loads, at most batch files at
// a time in corpus order, and hands each batch's documents to fn before
// it reads the next: a caller that looks at each document once (a
// one-off search) then holds one batch, not every document. At forty
// times the BBC folder the documents alone are about 1.5 times their
// text. The corpus returned has the problems, the files turned away and
// the files of other kinds of the whole load; its Docs are left empty.
func LoadPathsInBatches(paths []string, opts LoadOptions, batch int, fn func(docs []*Document)) *Corpus {
	c := &Corpus{}
	jobs := c.collect(paths, false)
	catalogs := map[string]*Catalog{}
	for lo := 0; lo < len(jobs); lo += batch {
		part := jobs[lo:min(lo+batch, len(jobs))]
		docs, errs := loadJobs(part, opts)
		fn(c.gather(part, docs, errs, catalogs))
	}
	if opts.Cache != nil {
		c.CacheErr = opts.Cache.Flush()
	}
	return c
}
