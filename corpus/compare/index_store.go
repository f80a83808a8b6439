package compare

import (
	"encoding/binary"
	"math"
	"slices"

	"parley/corpus"
)

// An index's tables laid out for the store kept on disk (stored_all.go):
// everything Build computes from the documents, so that an index read
// back answers exactly as the one built. The documents themselves are
// not in it: a read index fills each one from the document cache the
// first time it needs its text (core.fill).

var le = binary.LittleEndian

// sortedPhrases are an index's phrases by shard (see shardOf), each
// shard's keys sorted with the phrase's id in the shard beside it.
type sortedPhrases []struct {
	keys []uint64
	ids  []int32
}

// id is the term id of the phrase key k, if some sentence has it.
func (ps sortedPhrases) id(k uint64, base []int32) (int32, bool) {
	s := shardOf(k, len(ps))
	i, ok := slices.BinarySearch(ps[s].keys, k)
	if !ok {
		return 0, false
	}
	return base[s] + ps[s].ids[i], true
}

// spill, when not nil, takes what appendTables has laid out so far and
// returns the buffer to go on with (the same, emptied, once written).
type spill func(b []byte) []byte

// spillAt is how many bytes appendTables lays out before it spills them.
// It checks every item of a small table and every 1,024th of a large
// one (12 KB at most between checks but for a long word), so a buffer
// of spillAt and a quarter is never grown: with a megabyte, a term's
// postings or a table appended whole could pass the buffer's end, and
// the buffer grown to twice it was 2.5 MB beside the index at the peak
// of the compare that writes the store for one 16 MiB sentence.
const spillAt = 256 << 10

// maybe spills b once it holds spillAt bytes or more.
func (sp spill) maybe(b []byte) []byte {
	if sp == nil || len(b) < spillAt {
		return b
	}
	return sp(b)
}

// every is maybe for the i-th item of a large table: every 1,024th.
func (sp spill) every(b []byte, i int) []byte {
	if i&1023 != 0 {
		return b
	}
	return sp.maybe(b)
}

// appendTables lays out c's tables (of an index built, whose phrases are
// in maps), handing them to sp a quarter of a megabyte or so at a time
// when it is set: laid out whole, the tables of one 16 MiB sentence took
// a 23.5 MB buffer beside the index, and the run that writes them peaked
// at 5.4 times the text. What sp is handed is the same bytes, in the
// same order, however it is cut.
func (c *core) appendTables(b []byte, sp spill) []byte {
	// written counts what sp was handed, so that a table can be put at a
	// multiple of 8 bytes from the start of the stream (see table).
	written := 0
	if sp != nil {
		out := sp
		sp = func(b []byte) []byte {
			written += len(b)
			return out(b)
		}
	}
	pad := func(b []byte) []byte {
		for (written+len(b))%8 != 0 {
			b = append(b, 0)
		}
		return b
	}
	b = c.appendSentTables(b, sp, pad)
	b = c.appendTermTables(b, sp, pad)
	b = c.appendPostingTables(b, sp, pad)
	return c.appendWeightTables(b, sp, pad)
}

// appendSentTables lays out the sentences, windows, each document's
// first sentence and the sentences' lengths (appendTables' first step).
func (c *core) appendSentTables(b []byte, sp spill, pad func([]byte) []byte) []byte {
	b = pad(binary.AppendUvarint(b, uint64(len(c.sents))))
	for i, s := range c.sents {
		b = le.AppendUint32(le.AppendUint32(le.AppendUint32(sp.every(b, i), uint32(s.doc)), uint32(s.block)), uint32(s.sent))
	}
	b = binary.AppendUvarint(b, uint64(len(c.windows)))
	i := 0
	for id, w := range c.windows {
		b = le.AppendUint32(le.AppendUint32(le.AppendUint32(sp.every(b, i), uint32(id)), uint32(w[0])), uint32(w[1]))
		i++
	}
	b = appendI32s(b, c.docFirst, sp, pad)
	b = pad(binary.AppendUvarint(b, uint64(len(c.lens))))
	for i, x := range c.lens {
		b = le.AppendUint32(sp.every(b, i), math.Float32bits(x))
	}
	return le.AppendUint64(b, math.Float64bits(c.avgLen))
}

// appendTermTables lays out the words by term id and the phrases of two
// words, a shard at a time with its keys sorted (appendTables' second
// step).
func (c *core) appendTermTables(b []byte, sp spill, pad func([]byte) []byte) []byte {
	words := make([]string, len(c.terms))
	for k, id := range c.terms {
		words[id] = k
	}
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, w := range words {
		b = appendStr(sp.maybe(b), w)
	}
	b = binary.AppendUvarint(b, uint64(len(c.bigrams)))
	for _, m := range c.bigrams {
		keys := make([]uint64, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		// The shard's keys, then their ids: two arrays read in place.
		b = pad(binary.AppendUvarint(sp.maybe(b), uint64(len(keys))))
		for i, k := range keys {
			b = le.AppendUint64(sp.every(b, i), k)
		}
		for i, k := range keys {
			b = le.AppendUint32(sp.every(b, i), uint32(m[k]))
		}
	}
	return appendI32s(b, c.bigramBase, sp, pad)
}

// appendPostingTables lays out each term's postings (their counts, then
// all of them in one table) and the forward index (appendTables' third
// step).
func (c *core) appendPostingTables(b []byte, sp spill, pad func([]byte) []byte) []byte {
	counts := make([]int32, len(c.postings))
	total := 0
	for tid, ps := range c.postings {
		counts[tid] = int32(len(ps))
		total += len(ps)
	}
	b = pad(binary.AppendUvarint(appendI32s(b, counts, sp, pad), uint64(total)))
	for _, ps := range c.postings {
		b = sp.maybe(b)
		for i, p := range ps {
			b = le.AppendUint32(le.AppendUint32(sp.every(b, i), uint32(p.sent)), math.Float32bits(p.tf))
		}
	}
	b = pad(binary.AppendUvarint(sp.maybe(b), uint64(len(c.fwd))))
	for i, p := range c.fwd {
		b = le.AppendUint32(le.AppendUint32(sp.every(b, i), uint32(p.sent)), math.Float32bits(p.tf))
	}
	return appendI32s(b, c.fwdEnd, sp, pad)
}

// appendWeightTables lays out the terms' weights and flags, the
// sentences by text and which have numbers (appendTables' last step).
func (c *core) appendWeightTables(b []byte, sp spill, pad func([]byte) []byte) []byte {
	b = pad(binary.AppendUvarint(sp.maybe(b), uint64(len(c.idf))))
	for i, x := range c.idf {
		b = le.AppendUint64(sp.every(b, i), math.Float64bits(x))
	}
	b = appendBools(b, c.informative, sp)
	b = binary.AppendUvarint(sp.maybe(b), uint64(len(c.byText)))
	i := 0
	for k, id := range c.byText {
		b = le.AppendUint32(le.AppendUint64(sp.every(b, i), k), uint32(id))
		i++
	}
	return appendBools(b, c.numeric, sp)
}

// tablesSize is about how many bytes appendTables takes (a little
// more), so that its buffer is made once.
func (c *core) tablesSize() int {
	n := 64 + 8*16 + 24*len(c.sents) + 12*len(c.windows) + 4*len(c.docFirst) + 8*len(c.fwd) + 8*len(c.fwd) +
		4*len(c.fwdEnd) + 17*len(c.postings) + 12*len(c.byText)
	for k := range c.terms {
		n += len(k) + binary.MaxVarintLen64
	}
	for _, m := range c.bigrams {
		n += 12*len(m) + binary.MaxVarintLen64 + 8
	}
	return n
}

// appendI32s appends xs with their count and pad's padding, spilling to
// sp (when set) as appendTables does.
func appendI32s(b []byte, xs []int32, sp spill, pad func([]byte) []byte) []byte {
	b = pad(binary.AppendUvarint(sp.maybe(b), uint64(len(xs))))
	for i, x := range xs {
		b = le.AppendUint32(sp.every(b, i), uint32(x))
	}
	return b
}

// appendBools appends xs with their count, spilling to sp (when set)
// as appendTables does.
func appendBools(b []byte, xs []bool, sp spill) []byte {
	b = binary.AppendUvarint(sp.maybe(b), uint64(len(xs)))
	for i, x := range xs {
		b = sp.every(b, i)
		v := byte(0)
		if x {
			v = 1
		}
		b = append(b, v)
	}
	return b
}

// readTables reads an index's tables back over docs; nil when they do
// not fit together (a damaged store). Its numeric tables are the bytes
// of r where they lie (see viewOr): r.b must stay as it is while the
// index is in use.
func (r *storeReader) readTables(docs []*corpus.Document, opts Options) *core {
	c := &core{docs: docs, opts: opts, tune: shippedTuning(), facts: map[int32][]Fact{}}
	c.sents = viewOr(r.table(12), func(e []byte) sentRef { return sentRef{i32At(e, 0), i32At(e, 4), i32At(e, 8)} })
	c.windows = map[int32][2]int32{}
	b := r.items(12)
	for i := 0; i < len(b); i += 12 {
		c.windows[i32At(b, i)] = [2]int32{i32At(b, i+4), i32At(b, i+8)}
	}
	c.docFirst = r.i32s()
	c.lens = viewOr(r.table(4), func(e []byte) float32 { return math.Float32frombits(le.Uint32(e)) })
	c.avgLen = math.Float64frombits(r.u64())
	nTerms := r.count()
	c.terms = make(map[string]int32, nTerms)
	for id := range nTerms {
		c.terms[r.str()] = int32(id)
	}
	c.phrases = make(sortedPhrases, r.count())
	for s := range c.phrases {
		p := &c.phrases[s]
		b := r.table(12)
		n := len(b) / 12
		p.keys = viewOr(b[:8*n], func(e []byte) uint64 { return le.Uint64(e) })
		p.ids = viewOr(b[8*n:], func(e []byte) int32 { return i32At(e, 0) })
		if !slices.IsSorted(p.keys) {
			r.fail()
		}
	}
	c.bigramBase = r.i32s()
	counts := r.i32s()
	flat := r.postings()
	c.postings = make([][]posting, len(counts))
	at := 0
	for tid, n := range counts {
		if n < 0 || at+int(n) > len(flat) {
			r.fail()
			return nil
		}
		c.postings[tid] = flat[at : at+int(n) : at+int(n)]
		at += int(n)
	}
	c.word = make([]bool, len(c.postings))
	for tid := range min(len(c.terms), len(c.word)) {
		c.word[tid] = true
	}
	c.fwd, c.fwdEnd = r.postings(), r.i32s()
	c.idf = viewOr(r.table(8), func(e []byte) float64 { return math.Float64frombits(le.Uint64(e)) })
	c.informative = r.bools()
	b = r.items(12)
	c.byText = make(map[uint64]int32, len(b)/12)
	for i := 0; i < len(b); i += 12 {
		c.byText[le.Uint64(b[i:])] = i32At(b, i+8)
	}
	c.numeric = r.bools()
	if r.err != nil || !c.fits(at == len(flat)) {
		return nil
	}
	return c
}

// fits checks what a query relies on: one entry per sentence and per
// term in every table, and references within them.
func (c *core) fits(postingsRead bool) bool {
	n, terms := len(c.sents), len(c.postings)
	if !postingsRead || len(c.docFirst) != len(c.docs) || len(c.lens) != n || len(c.fwdEnd) != min(n, c.tune.discover) || len(c.numeric) != n ||
		len(c.idf) != terms || len(c.informative) != terms || len(c.bigramBase) != len(c.phrases) || len(c.terms) > terms {
		return false
	}
	for _, s := range c.sents {
		if s.doc < 0 || int(s.doc) >= len(c.docs) {
			return false
		}
	}
	if len(c.phrases) == 0 {
		return false
	}
	for s, p := range c.phrases {
		for _, id := range p.ids {
			if id < 0 || int(c.bigramBase[s])+int(id) >= terms {
				return false
			}
		}
	}
	for _, p := range c.fwd { // a term id, in the forward index
		if p.sent < 0 || int(p.sent) >= terms {
			return false
		}
	}
	for _, ps := range c.postings {
		for _, p := range ps {
			if p.sent < 0 || int(p.sent) >= n {
				return false
			}
		}
	}
	for _, e := range c.fwdEnd {
		if e < 0 || int(e) > len(c.fwd) {
			return false
		}
	}
	return true
}

// fixed reads a count of items of size bytes each, which must fit in
// what is left.
func (r *storeReader) fixed(size int) int {
	n := r.uvarint()
	if n > uint64(len(r.b)-r.pos)/uint64(size) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *storeReader) u64() uint64 {
	if r.err != nil || len(r.b)-r.pos < 8 {
		r.fail()
		return 0
	}
	v := le.Uint64(r.b[r.pos:])
	r.pos += 8
	return v
}

// items reads a count of items of size bytes each and returns their
// bytes, checked once to be there: a table is then decoded in a loop
// without a check per number (reading the 40x BBC folder's index of
// every document took 36 ms of CPU, most of it in those checks).
func (r *storeReader) items(size int) []byte {
	n := r.fixed(size)
	if r.err != nil {
		return nil
	}
	b := r.b[r.pos : r.pos+n*size : r.pos+n*size]
	r.pos += n * size
	return b
}

func i32At(b []byte, i int) int32 { return int32(le.Uint32(b[i:])) }
