package corpus

import (
	"hash/crc32"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// bodyFile is a folder's old bodies file, open while a body may still be
// read from it: by the cache itself until its Flush, and by each document
// listed without its body until that body is read. The last to let go
// closes it. Renaming a new file over it (another parley, or this one's
// Flush) leaves the open one readable.
type bodyFile struct {
	f    *os.File
	refs atomic.Int64
	// unflushed, on a bodies file being written, writes out what is still
	// buffered before end ahead of a read there; nil on any other.
	unflushed func(end int64) error
}

func newBodyFile(f *os.File) *bodyFile {
	b := &bodyFile{f: f}
	b.refs.Store(1) // the cache's own
	return b
}

func (b *bodyFile) acquire() { b.refs.Add(1) }

func (b *bodyFile) release() {
	if b.refs.Add(-1) == 0 {
		b.f.Close()
	}
}

// read returns the n bytes at off, checked against their CRC-32C.
func (b *bodyFile) read(off, n int64, sum uint32) ([]byte, error) {
	if b == nil || n < 0 {
		return nil, errCorrupt
	}
	if b.unflushed != nil {
		if err := b.unflushed(off + n); err != nil {
			return nil, err
		}
	}
	buf := make([]byte, n)
	if _, err := b.f.ReadAt(buf, off); err != nil {
		return nil, err
	}
	if crc32.Checksum(buf, castagnoli) != sum {
		return nil, errCorrupt
	}
	return buf, nil
}

// pendingBody is where a document listed without its body (LoadOptions.
// ListOnly) finds it. mu is held while the body is read into the
// document, and while WithBody copies the document, so a copy never
// meets the body half set.
type pendingBody struct {
	mu     sync.Mutex
	done   atomic.Bool
	src    *bodyFile
	off, n int64
	sum    uint32
}

// BodyPending reports whether d was listed from the cache without its
// body (LoadOptions.ListOnly) and LoadBody has not yet read it.
func (d *Document) BodyPending() bool { return d.body != nil && !d.body.done.Load() }

// LoadBody reads the body (Sections and Matter) of a document listed
// from the cache without it (LoadOptions.ListOnly); for any other
// document it does nothing. It may be called from several goroutines at
// once and more than once: the body is read once, and every call returns
// with it in place. A body the cache no longer gives back (its file
// damaged since) is read and parsed from the document's file instead.
// Blocks and Block call it, so a body is read when first used.
func (d *Document) LoadBody() {
	p := d.body
	if p == nil || p.done.Load() {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done.Load() {
		return
	}
	defer p.done.Store(true)
	defer p.src.release()
	if err := p.readInto(d); err != nil {
		d.reparseBody()
	}
}

// WithBody is d with its body. For a document whose body is pending (see
// BodyPending) it is a copy of d with the body read from the cache,
// which d itself does not keep; otherwise it is d. Going through every
// document this way (grouping a large folder into stories) holds one
// body at a time rather than all of them.
func (d *Document) WithBody() *Document {
	p := d.body
	if p == nil || p.done.Load() {
		return d
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.done.Load() {
		return d
	}
	cp := *d
	cp.body = nil
	cp.Notes = slices.Clip(cp.Notes) // a note the copy adds stays its own
	if err := p.readInto(&cp); err != nil {
		cp.reparseBody()
	}
	return &cp
}

// readInto decodes the pending body into d.
func (p *pendingBody) readInto(d *Document) error {
	b, err := p.src.read(p.off, p.n, p.sum)
	if err == nil {
		err = decodeBody(b, d)
	}
	return err
}

// reparseBody takes the body from the document's file, parsed again; a
// file that no longer reads leaves the body empty and says why in Notes.
func (d *Document) reparseBody() {
	raw, err := readCapped(d.Path, MaxFileSize)
	var fresh *Document
	if err == nil {
		fresh, err = parseFile(d.Path, raw, MaxFileSize, nil)
	}
	if err != nil {
		d.Notes = append(d.Notes, "the text could not be read again: "+CleanLine(err.Error()))
		return
	}
	d.Sections, d.Matter = fresh.Sections, fresh.Matter
}

// dropBody leaves a document parsed this run with its list metadata
// alone, for a load with NoBodies. The metadata is copied, as it may be
// a slice of the file's text, which would otherwise be kept whole: parley
// list --no-cache at forty times the BBC folder held every body (twice
// the text) until its end, and its collector had that much to mark each
// time it ran, where at ten times it hardly runs.
func (d *Document) dropBody() {
	d.Sections, d.Matter = nil, nil
	for _, s := range []*string{&d.Title, &d.Subtitle, &d.Outlet, &d.Author, &d.Published, &d.URL, &d.Kind} {
		*s = strings.Clone(*s)
	}
	for _, ss := range [][]string{d.Authors, d.Editorial, d.Notes} {
		for i := range ss {
			ss[i] = strings.Clone(ss[i])
		}
	}
}
