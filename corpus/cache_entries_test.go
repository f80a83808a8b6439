package corpus

import (
	"fmt"
	"testing"
)

// The list file's entries are found by name as a map of them would
// find them: every name, no other, the later of two entries of one name.
func TestListEntriesFind(t *testing.T) {
	var b []byte
	const n = 1000
	for i := range n {
		b = appendEntry(b, fmt.Sprintf("c%02d/doc%d.txt", i%40, i), cacheEntry{size: int64(i), mtime: int64(-i), off: int64(10 * i), n: 7, sum: uint32(i), meta: []byte{byte(i)}})
	}
	b = appendEntry(b, "c01/doc1.txt", cacheEntry{size: 99, meta: []byte("again")})
	entries, ok := indexEntries(b, string(b))
	if !ok {
		t.Fatal("entries not indexed")
	}
	if entries.len() != n {
		t.Errorf("len = %d, want %d", entries.len(), n)
	}
	for i := range n {
		rel := fmt.Sprintf("c%02d/doc%d.txt", i%40, i)
		k := entries.find(rel)
		if k < 0 {
			t.Fatalf("%s not found", rel)
		}
		e := entries.entry(k)
		if i == 1 {
			if e.size != 99 || e.metaText != "again" {
				t.Errorf("%s: %+v, want the later entry", rel, e)
			}
			continue
		}
		if e.size != int64(i) || e.mtime != int64(-i) || e.off != int64(10*i) || e.n != 7 || e.sum != uint32(i) || string(e.meta) != string([]byte{byte(i)}) {
			t.Errorf("%s: %+v", rel, e)
		}
	}
	for _, rel := range []string{"", "c00/doc1.txt", "c01/doc1.tx", "doc1.txt"} {
		if k := entries.find(rel); k >= 0 {
			t.Errorf("%q found as entry %d", rel, k)
		}
	}
	seen := map[string]bool{}
	entries.each(func(i int, rel string) {
		if seen[rel] || entries.rel(i) != rel {
			t.Errorf("each: %d %q", i, rel)
		}
		seen[rel] = true
	})
	if len(seen) != n {
		t.Errorf("each visited %d names, want %d", len(seen), n)
	}
	var none *listEntries
	if none.find("x") != -1 || none.len() != 0 {
		t.Error("no entries should find nothing")
	}
}

// An entry cut short makes the whole list unusable (the cache is rebuilt).
func TestListEntriesDamaged(t *testing.T) {
	b := appendEntry(nil, "a.txt", cacheEntry{size: 1, meta: []byte("meta")})
	b = appendEntry(b, "b.txt", cacheEntry{size: 2, meta: []byte("meta")})
	for cut := 1; cut < len(b)/2; cut++ {
		short := b[:len(b)-cut]
		if _, ok := indexEntries(short, string(short)); ok {
			t.Errorf("cut by %d: indexed", cut)
		}
	}
}
