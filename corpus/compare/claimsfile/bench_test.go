package claimsfile

import (
	"fmt"
	"testing"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/corpus/testcorpus"
)

// BenchmarkEditBBC is what one change of the user's claims costs on the
// BBC folder: the curated layer put again over the same index
// (WithCurated) and the claims listed, discovered claims reused. Against
// BenchmarkRebuildBBC, which indexes and discovers again, as a change
// would cost without WithCurated.
func BenchmarkEditBBC(b *testing.B) {
	docs, cc := bbcWithClaims(b)
	ix := compare.Build(docs, compare.Options{})
	ix.Claims()
	b.ResetTimer()
	for b.Loop() {
		ix.WithCurated(cc).Claims()
	}
}

func BenchmarkRebuildBBC(b *testing.B) {
	docs, cc := bbcWithClaims(b)
	for b.Loop() {
		compare.Build(docs, compare.Options{Curated: cc}).Claims()
	}
}

// bbcWithClaims loads BBC and makes 20 user claims, each quoting the
// first sentence of two documents.
func bbcWithClaims(b *testing.B) ([]*corpus.Document, []compare.CuratedClaim) {
	root := testcorpus.BBC()
	if root == "" {
		b.Skip("shared/corpora/bbc not found beside the repository")
	}
	c, err := corpus.LoadPaths([]string{root}, corpus.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	l := &Layer{Loc: Locate([]string{root}), User: &File{}}
	for i := 0; i < 20; i++ {
		for _, d := range c.Docs[2*i : 2*i+2] {
			for _, br := range d.Blocks() {
				if len(br.Block.Sentences) > 0 {
					l.User.Keep(fmt.Sprintf("claim %d", i), l.Key(d), br.Block.Sentences[0].Text)
					break
				}
			}
		}
	}
	return c.Docs, l.Curated(c.Docs)
}
