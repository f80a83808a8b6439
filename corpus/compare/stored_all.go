package compare

import (
	"hash/crc32"
	"io"
	"runtime"
	"sync/atomic"

	"parley/corpus"
	"parley/corpus/mapfile"
)

// The index of every document kept beside the grouping: the set --all
// compares with, and the first stage of a typed text's comparison,
// which finds the stories that speak to it (Sets.Pick). Building it is
// most of a second compare's time on a large folder; read back, it
// fills only the documents whose sentences a comparison shows. It is
// written the first time a stored corpus builds it, keyed as the
// grouping is (parley's version, the folders, the listing's digest),
// and only for the engine's own index: one with a curated layer
// resolves its quotes in the documents, so it is built every time.
//
// Layout: allMagic, the format, the version, the folders, the digest,
// the index's tables (index_store.go; each numeric table at a multiple
// of 8 bytes from the file's start, so that it can be used in place),
// and a CRC-32C of all before it.

const (
	allMagic  = "parley-compare-all\n"
	allFormat = 3
)

// storesAll says whether the set's index can come from, or go to, the
// store: the set of every document, with no curated layer.
func (sc *Scope) storesAll() bool {
	o := sc.sets.opts
	return sc.sets.stored != nil && sc.Kind == ScopeAll && (o.EngineOnly || len(o.Curated) == 0)
}

// loadAll reads the set's index from the store, or nil when there is
// none for this folder as it is now. The index read during the snapshot
// (LoadStoredToCompare) serves when it was written for this listing.
func (st *Stored) loadAll(sc *Scope) *Index {
	docs := make([]*corpus.Document, len(sc.Set))
	for i, d := range sc.Set {
		docs[i] = sc.sets.docs[d]
	}
	c := st.takeAhead(len(docs))
	if c == nil {
		var digest string
		c, digest = readAll(st.path+"-all", st.cache.Version, st.roots, len(docs))
		if c == nil || digest != string(st.digest[:]) {
			return nil
		}
	}
	c.docs, c.opts = docs, sc.sets.opts
	set := sc.Set
	c.fill = func(doc int32) { st.fillOne(set[doc]) }
	c.fillAll = func(docs []int32) {
		which := make([]int, len(docs))
		for i, d := range docs {
			which[i] = set[d]
		}
		st.Fill(which)
	}
	return &Index{core: c}
}

// readAll reads the index of every document kept at path for version and
// roots, over n documents still to be given (its docs and options are set
// by the caller), and the listing digest it was written for; nil when it
// is missing, damaged or foreign.
func readAll(path, version, roots string, n int) (c *core, digest string) {
	// Mapped, and its pages handed back once checked: read whole, the
	// file (1.4 times the text of one giant sentence) was held beside the
	// index. The index's numeric tables are the mapped bytes themselves
	// (index_view.go), so the mapping is released only once the index is
	// no longer reachable; the cache writes a store by renaming a new
	// file over it, never in place, so what is mapped does not change.
	data, release, err := mapfile.Map(path)
	if err != nil {
		return nil, ""
	}
	defer func() {
		if c == nil {
			release()
		}
	}()
	if len(data) < 4 {
		return nil, ""
	}
	body := data[:len(data)-4]
	if le.Uint32(data[len(body):]) != checkDropping(body) {
		return nil, ""
	}
	r := &storeReader{b: body}
	if r.take(len(allMagic)) != allMagic || r.u32() != allFormat || r.str() != version || r.str() != roots {
		return nil, ""
	}
	digest = r.take(32)
	c = r.readTables(make([]*corpus.Document, n), Options{})
	if c == nil || r.pos != len(r.b) || len(digest) != 32 {
		return nil, ""
	}
	// Checked, the pages go back again: a comparison reads a few of the
	// tables' pages, faulted in from the file as it needs them.
	mapfile.Drop(body)
	runtime.AddCleanup(c, func(release func()) { release() }, release)
	return c, digest
}

// allAhead is the index of every document as read during the snapshot.
type allAhead struct {
	c      *core
	digest string
}

// readAllAhead reads the index of every document of the store g (as
// decoded, not yet checked against the folder) in the background; the
// channel gets nil when there is none to read.
func readAllAhead(path, version, roots string, g *groupStore) chan *allAhead {
	ch := make(chan *allAhead, 1)
	go func() {
		// Every copy is one of g's documents (decodeGroupStore): counted
		// so, not by looking each of them up in the map (at forty times
		// the BBC folder, 89,040 look-ups, 1.4% of a second compare's CPU
		// samples).
		n := len(g.docs) - len(g.result.DuplicateOf)
		var a *allAhead
		if c, digest := readAll(path, version, roots, n); c != nil {
			a = &allAhead{c, digest}
		}
		ch <- a
	}()
	return ch
}

// takeAhead is the index read during the snapshot, once, when it was
// written for this listing and holds n documents; else nil.
func (st *Stored) takeAhead(n int) *core {
	st.mu.Lock()
	ch := st.ahead
	st.ahead = nil
	st.mu.Unlock()
	if ch == nil {
		return nil
	}
	a := <-ch
	if a == nil || a.digest != string(st.digest[:]) || len(a.c.docs) != n {
		return nil
	}
	aheadUsed.Add(1)
	return a.c
}

// aheadUsed counts the indexes of every document read during the
// snapshot and used, for tests.
var aheadUsed atomic.Int64

// maxAllBytes bounds the index of every document kept on disk: every
// load reads it whole to check it (its checksum, then the references in
// its tables; see readAll), so a larger one (a folder of some 60 MB of
// text that is not copies) is built every time instead. The 40x BBC
// folder's is 20 MB.
const maxAllBytes = 256 << 20

// saveAll writes the set's index to the store, whole or not at all. The
// tables are written as they are laid out, a quarter of a megabyte at a time
// (see appendTables), their checksum summed on the way.
func (st *Stored) saveAll(ix *Index) {
	size := ix.core.tablesSize() + len(allMagic) + len(st.roots) + len(st.cache.Version) + 64
	if size > maxAllBytes {
		return
	}
	err := writeStoreFunc(st.cache, st.path+"-all", func(f io.Writer) error {
		// Straight to the file, with no buffer of its own: what is
		// handed over is a quarter of a megabyte at a time already, and a
		// buffered writer of that size, with the layout's buffer grown
		// to twice it, were 3 MB beside the index at the peak of the
		// compare that writes the store for one 16 MiB sentence.
		sum := crc32.New(groupCRC)
		out := io.MultiWriter(f, sum)
		var err error
		put := func(b []byte) []byte {
			if err == nil {
				_, err = out.Write(b)
			}
			return b[:0]
		}
		b := le.AppendUint32(append(make([]byte, 0, min(size, spillAt+spillAt/4)), allMagic...), allFormat)
		b = appendStr(appendStr(b, st.cache.Version), st.roots)
		put(ix.core.appendTables(append(b, st.digest[:]...), put))
		if err != nil {
			return err
		}
		_, err = f.Write(le.AppendUint32(nil, sum.Sum32()))
		return err
	})
	if err == nil {
		st.cache.Prune()
	}
}

// checkDropping is the CRC-32C of b, read a megabyte at a time, each
// handed back once summed.
func checkDropping(b []byte) uint32 {
	var sum uint32
	for lo := 0; lo < len(b); lo += 1 << 20 {
		part := b[lo:min(lo+1<<20, len(b))]
		sum = crc32.Update(sum, groupCRC, part)
		mapfile.Drop(part)
	}
	return sum
}
