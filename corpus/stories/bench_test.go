package stories

import (
	"testing"
)

// BenchmarkGroupBBC groups the 2,225 BBC articles (loaded once, outside
// the timing).
func BenchmarkGroupBBC(b *testing.B) {
	docs := bbcDocs(b)
	b.ResetTimer()
	for b.Loop() {
		Group(docs)
	}
}
