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
	out.Write(ix.core.appendTables(nil, func(b []byte) []byte {
		spills++
		out.Write(b)
		return b[:0]
	}))
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
