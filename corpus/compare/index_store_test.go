package compare

import (
	"bytes"
	"reflect"
	"testing"

	"parley/corpus"
)

// The tables handed out a megabyte at a time (saveAll's stream) read
// back as the index they were laid out from.
func TestTablesSpilledReadBack(t *testing.T) {
	docs := []*corpus.Document{giantDoc(t, t.TempDir(), "g.txt", giantSentence(5, 1<<20))}
	ix := Build(docs, Options{EngineOnly: true})
	var out bytes.Buffer
	spills := 0
	// The buffer saveAll starts with is never grown: every spill is
	// handed the same array, of the same capacity.
	buf := make([]byte, 0, spillAt+spillAt/4)
	grown := false
	last := ix.core.appendTables(buf, func(b []byte) []byte {
		spills++
		grown = grown || cap(b) != cap(buf) || &b[:1][0] != &buf[:1][0]
		out.Write(b)
		return b[:0]
	})
	grown = grown || cap(last) != cap(buf)
	out.Write(last)
	if grown {
		t.Errorf("the layout's buffer of %d bytes was grown", cap(buf))
	}
	// Laid out whole, the same tables take the same number of bytes (the
	// order of a map's entries may differ).
	if whole := ix.core.appendTables(nil, nil); len(whole) != out.Len() {
		t.Errorf("spilled %d bytes, laid out whole %d", out.Len(), len(whole))
	}
	r := &storeReader{b: out.Bytes()}
	c := r.readTables(docs, Options{EngineOnly: true})
	if spills < 2 || c == nil || r.pos != len(r.b) {
		t.Fatalf("%d spills; read back %v, %d of %d bytes", spills, c != nil, r.pos, len(r.b))
	}
	for name, pair := range map[string][2]any{
		"sents": {c.sents, ix.sents}, "windows": {c.windows, ix.windows}, "fwd": {c.fwd, ix.fwd},
		"fwdEnd": {c.fwdEnd, ix.fwdEnd}, "postings": {c.postings, ix.postings}, "terms": {c.terms, ix.terms},
		"idf": {c.idf, ix.idf}, "byText": {c.byText, ix.byText}, "numeric": {c.numeric, ix.numeric},
	} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s read back differs", name)
		}
	}
}
