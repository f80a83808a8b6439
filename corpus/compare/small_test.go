package compare

import (
	"os"
	"path/filepath"
	"testing"

	"parley/corpus"
	"parley/seeds"
)

// smallFolder loads a folder of three short sources, two of which tell
// of the harbour; in so few sentences every word is in more than one in
// eight, which must not make every source silent.
func smallFolder(t *testing.T) []*corpus.Document {
	t.Helper()
	files := map[string]string{
		"a.txt": "Harbour reopens\n\nThe old harbour of Kestrel Bay reopened on Monday after a long dredging project.\n",
		"b.txt": "Harbour race\n\nRowers raced across the old harbour of Kestrel Bay, reopened after the dredging project.\n",
		"c.txt": "Orchard notes\n\nThe orchard committee met to discuss apple varieties and pruning.\n",
	}
	return folderOf(t, files)
}

func speakers(docs []*corpus.Document, r Result) map[string]bool {
	out := map[string]bool{}
	for _, s := range r.Sources {
		if !s.Silent {
			out[docs[s.Doc].File] = true
		}
	}
	return out
}

func TestSmallFolderSpeaks(t *testing.T) {
	docs := smallFolder(t)
	ix := Build(docs, Options{EngineOnly: true})
	for _, q := range []string{
		"the old harbour of Kestrel Bay reopened", // shared verbatim by a and b
		"Kestrel", // one word: one shared word is enough
		"dredging project",
	} {
		got := speakers(docs, ix.Compare(q, QueryOptions{Top: 1}))
		if !got["a.txt"] || !got["b.txt"] || got["c.txt"] {
			t.Errorf("Compare(%q): speaking %v, want a.txt and b.txt only", q, got)
		}
	}
	claims := ix.Claims()
	if len(claims) != 1 || !claims[0].Coverage[0] || !claims[0].Coverage[1] || claims[0].Coverage[2] {
		t.Errorf("claims = %+v, want one claim made by a.txt and b.txt", claims)
	}
}

// On the seeds, a query of one or two rare words finds the sentences
// that have them, and a single common word does not make every source
// speak through a coincidence.
func TestShortQueries(t *testing.T) {
	docs := seedDocs(t)
	ix := Build(docs, Options{EngineOnly: true})
	for _, q := range []string{"Hormuz", "Strait of Hormuz"} {
		got := speakers(docs, ix.Compare(q, QueryOptions{Top: 1}))
		if !got["002_9690ed19ebd18b97.txt"] || !got["004_ab57fc61b301b9b7.txt"] {
			t.Errorf("Compare(%q): speaking %v, want 002 and 004", q, got)
		}
	}
}

// A typed query of one word every source uses still finds it in each;
// the same word as a document's sentence is no claim.
func TestCommonWordQuery(t *testing.T) {
	docs := seedDocs(t)
	ix := Build(docs, Options{EngineOnly: true})
	if got := speakers(docs, ix.Compare("Pakistan", QueryOptions{Top: 1})); len(got) != len(docs) {
		t.Errorf("Compare(Pakistan): speaking %v, want every source", got)
	}
}

// A typed query of common words alone names no curated claim; one with
// a specific word may.
func TestCommonWordNamesNoCuratedClaim(t *testing.T) {
	docs := seedDocs(t)
	cc, err := LoadCurated(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	ix := Build(docs, Options{Curated: cc})
	if r := ix.Compare("Pakistan", QueryOptions{Top: 1}); r.Claim != nil {
		t.Errorf("Compare(Pakistan) names curated claim %q", r.Claim.Label)
	}
	if r := ix.Compare("Strait of Hormuz", QueryOptions{Top: 1}); r.Claim == nil {
		t.Errorf("Compare(Strait of Hormuz) names no curated claim")
	}
}

// A query typed with a decomposed accent finds the composed word.
func TestDecomposedQuery(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.txt": "Cafe news\n\nThe harbour caf\u00e9 on Kestrel Bay reopened on Monday.\n",
		"b.txt": "Bay notes\n\nKestrel Bay's harbour caf\u00e9 reopened after repairs.\n",
		"c.txt": "Orchard notes\n\nThe orchard committee met to discuss apple varieties.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ix := Build(c.Docs, Options{EngineOnly: true})
	r := ix.Compare("harbour cafe\u0301", QueryOptions{Top: 1})
	got := speakers(c.Docs, r)
	if !got["a.txt"] || !got["b.txt"] || got["c.txt"] {
		t.Fatalf("speaking %v, want a.txt and b.txt", got)
	}
	for _, s := range r.Sources {
		if !s.Silent && !slicesContainsFold(s.Matches[0].Shared, "caf\u00e9") {
			t.Errorf("%s shares %q, want café among them", c.Docs[s.Doc].File, s.Matches[0].Shared)
		}
	}
}
