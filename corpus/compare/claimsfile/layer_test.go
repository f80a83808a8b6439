package claimsfile

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/seeds"
)

// isolate points the XDG data directory and PARLEY_CLAIMS_FILE away from
// the user's own.
func isolate(t *testing.T) string {
	t.Helper()
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv(EnvFile, "")
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	return data
}

func TestLocate(t *testing.T) {
	data := isolate(t)
	folder := t.TempDir()
	other := t.TempDir()
	file := filepath.Join(other, "a.txt")
	must(t, os.WriteFile(file, []byte("A title\n\nText.\n"), 0o644))
	keyed := filepath.Join(data, "parley", "claims", keyName(folder))
	cases := []struct {
		name     string
		roots    []string
		env      string
		writable bool
		setup    func(t *testing.T)
		want     Location
	}{
		{"the seeds: the data directory", nil, "", true, nil, Location{Path: filepath.Join(data, "parley", "seeds-claims.json")}},
		{"a folder: inside it", []string{folder}, "", true, nil, Location{Path: filepath.Join(folder, ".parley", "claims.json"), Base: folder}},
		{"the first folder, after a file", []string{file, folder}, "", true, nil, Location{Path: filepath.Join(folder, ".parley", "claims.json"), Base: folder}},
		{"files only: the first one's folder", []string{file}, "", true, nil, Location{Path: filepath.Join(other, ".parley", "claims.json"), Base: other}},
		{"a folder not writable: keyed in the data directory", []string{folder}, "", false, nil, Location{Path: keyed, Base: folder}},
		{"the variable wins", []string{folder}, "/tmp/x.json", true, nil, Location{Path: "/tmp/x.json", Base: folder}},
		{"a keyed file already there stays in use", []string{folder}, "", true, func(t *testing.T) { writeRaw(`{"claims":[]}`)(t, keyed) }, Location{Path: keyed, Base: folder}},
		{"the folder's own file wins", []string{folder}, "", false, func(t *testing.T) {
			writeRaw(`{"claims":[]}`)(t, filepath.Join(folder, ".parley", "claims.json"))
		}, Location{Path: filepath.Join(folder, ".parley", "claims.json"), Base: folder}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(EnvFile, tc.env)
			was := canWrite
			canWrite = func(string) bool { return tc.writable }
			defer func() { canWrite = was }()
			if tc.setup != nil {
				tc.setup(t)
			}
			if got := Locate(tc.roots); got != tc.want {
				t.Errorf("Locate = %+v, want %+v", got, tc.want)
			}
		})
	}
}

// folderCorpus writes a small folder of three sources, in a sub-folder
// for one, and loads it.
func folderCorpus(t *testing.T) (string, *corpus.Corpus) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"news/a.txt":   "Talks in Islamabad\n\nThe talks were held in Islamabad on Saturday. Oil prices rose sharply.\n",
		"oped/b.txt":   "A view on the talks\n\nIslamabad hosted the talks over the weekend. The negotiations never failed.\n",
		"c.md":         "# Third source\n\nDelegates met in the Pakistani capital. Nobody walked out.\n",
		".parley/x.md": "# Never a source\n\nThis is not loaded.\n",
	}
	for name, text := range files {
		must(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755))
		must(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	c, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return dir, c
}

func TestParleyFolderIsNeverASource(t *testing.T) {
	_, c := folderCorpus(t)
	for _, d := range c.Docs {
		if strings.Contains(d.Path, DirName) {
			t.Errorf("%s was loaded as a source", d.Path)
		}
	}
	if len(c.Docs) != 3 {
		t.Errorf("%d documents, want 3", len(c.Docs))
	}
}

func TestFolderLayer(t *testing.T) {
	isolate(t)
	dir, c := folderCorpus(t)
	l, err := Open(&corpus.Corpus{}, []string{dir})
	if err != nil || l.Err != nil || len(l.Shipped) != 0 {
		t.Fatalf("Open: %+v %v", l, err)
	}
	a, b := docIndex(t, c, "news/a"), docIndex(t, c, "oped/b")
	if got := l.Key(c.Docs[b]); got != "oped/b.txt" {
		t.Fatalf("key %q, want the path in the folder", got)
	}
	if _, err := l.Edit(func(f *File) {
		f.Keep("Venue", "news/a.txt", "The talks were held in Islamabad on Saturday.")
		f.Keep("Venue", "oped/b.txt", "Islamabad hosted the talks over the weekend.")
		f.Keep("Venue", "c.md", "a sentence that was edited away")
	}); err != nil {
		t.Fatal(err)
	}
	again, _ := Open(&corpus.Corpus{}, []string{dir})
	if again.Loc.Path != filepath.Join(dir, ".parley", "claims.json") || len(again.User.Claims) != 1 {
		t.Fatalf("reopened: %+v", again)
	}
	ix := compare.Build(c.Docs, compare.Options{Curated: again.Curated(c.Docs)})
	cl := ix.Claims()[0]
	if cl.Label != "Venue" || !cl.Curated || cl.Origin != compare.OriginUser || !cl.Coverage[a] || !cl.Coverage[b] || cl.Covered() != 2 {
		t.Fatalf("first claim %+v", cl)
	}
	stale := again.Stale(c.Docs)["Venue"]
	if len(stale) != 1 || !strings.Contains(stale[0], "c.md") {
		t.Fatalf("stale %v", stale)
	}
	if r := again.Report(c.Docs); len(r) != 1 || !strings.Contains(r[0], "no longer found in c.md") {
		t.Fatalf("report %v", r)
	}
	// Compare ranks the kept statement first, marked curated.
	res := ix.Compare("Islamabad hosted the talks", compare.QueryOptions{})
	if res.Claim == nil || res.Claim.Origin != compare.OriginUser {
		t.Fatalf("no user claim on the result: %+v", res.Claim)
	}
	if m := res.Sources[a].Matches; len(m) == 0 || !m[0].Curated {
		t.Fatalf("source a: %+v", m)
	}
	// Engine only: no user claim.
	if eo := compare.Build(c.Docs, compare.Options{Curated: again.Curated(c.Docs), EngineOnly: true}); len(eo.Claims()) > 0 && eo.Claims()[0].Curated {
		t.Fatal("engine-only still lists the user's claim")
	}
}

// The shipped claims follow the corpus's Seeds flag, which only
// corpus.LoadSeeds sets: the same files loaded any other way, with no
// paths named, get none.
func TestShippedClaimsOnlyForTheSeeds(t *testing.T) {
	isolate(t)
	seedsCorpus, err := corpus.LoadSeeds()
	if err != nil || !seedsCorpus.Seeds {
		t.Fatalf("LoadSeeds: %v, Seeds %v", err, seedsCorpus != nil && seedsCorpus.Seeds)
	}
	same, err := corpus.LoadFS(seeds.FS)
	if err != nil || same.Seeds {
		t.Fatalf("LoadFS(seeds.FS): %v, Seeds %v", err, same != nil && same.Seeds)
	}
	if l, err := Open(seedsCorpus, nil); err != nil || len(l.Shipped) == 0 {
		t.Fatalf("the seeds: %v, %d shipped claims", err, len(l.Shipped))
	}
	if l, err := Open(same, nil); err != nil || len(l.Shipped) != 0 {
		t.Fatalf("another corpus: %v, %d shipped claims, want none", err, len(l.Shipped))
	}
}

func TestSeedsLayerMergesOverShipped(t *testing.T) {
	isolate(t)
	seedsCorpus, err := corpus.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	docs := seedsCorpus.Docs
	l, err := Open(seedsCorpus, nil)
	if err != nil || len(l.Shipped) == 0 {
		t.Fatalf("Open(seedsCorpus, nil): %v, %d shipped", err, len(l.Shipped))
	}
	venue := l.Shipped[0].Label
	ix := compare.Build(docs, compare.Options{Curated: l.Curated(docs)})
	base := ix.Claims()
	if base[0].Origin != compare.OriginShipped {
		t.Fatalf("shipped claim origin %q", base[0].Origin)
	}
	swiss := compare.DocByPrefix(docs, "004")
	dropped := base[0].Sources[swiss].Statements[0]
	if _, err := l.Edit(func(f *File) {
		f.Drop(venue, l.Key(docs[swiss]), dropped.Text)
		f.Keep("Oil", l.Key(docs[0]), docs[0].Sections[0].Blocks[0].Sentences[0].Text)
	}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(l.Loc.Path, os.Getenv("XDG_DATA_HOME")) {
		t.Fatalf("the seeds' file is at %s, not in the data directory", l.Loc.Path)
	}
	layered := ix.WithCurated(l.Curated(docs)).Claims()
	labels := []string{}
	for _, c := range layered {
		if c.Curated {
			labels = append(labels, c.Label+"/"+c.Origin)
		}
	}
	if labels[0] != venue+"/user" || labels[1] != "Oil/user" || slices.Contains(labels, venue+"/shipped") {
		t.Fatalf("curated claims %v: the user's first, the venue once", labels)
	}
	for _, st := range layered[0].Sources[swiss].Statements {
		if st.Text == dropped.Text {
			t.Fatal("the dropped statement is still in the claim")
		}
	}
	if len(layered[0].Sources[swiss].Statements) != len(base[0].Sources[swiss].Statements)-1 {
		t.Fatal("the other statements of the shipped claim were lost")
	}
	if len(layered)-2 != len(base)-1 {
		t.Fatalf("%d claims, want the %d before plus one", len(layered), len(base))
	}
	// The shipped file itself is unchanged: the index without the layer
	// still lists the shipped claim.
	if ix.Claims()[0].Origin != compare.OriginShipped {
		t.Fatal("WithCurated changed the index it was called on")
	}
}

func TestBrokenFileIsLeftAlone(t *testing.T) {
	isolate(t)
	dir, c := folderCorpus(t)
	path := filepath.Join(dir, ".parley", "claims.json")
	writeRaw(`{"claims": [ oops`)(t, path)
	l, err := Open(&corpus.Corpus{}, []string{dir})
	if err != nil || l.Err == nil || l.Writable() {
		t.Fatalf("Open: %v, layer err %v", err, l.Err)
	}
	if r := l.Report(c.Docs); len(r) != 1 || !strings.Contains(r[0], path) {
		t.Fatalf("report %v", r)
	}
	if _, err := l.Edit(func(f *File) { f.Keep("x", "a", "b") }); err == nil {
		t.Fatal("saved over a broken file")
	}
	if raw, _ := os.ReadFile(path); string(raw) != `{"claims": [ oops` {
		t.Fatalf("the broken file changed: %q", raw)
	}
	if len(l.Curated(c.Docs)) != 0 {
		t.Fatal("a broken file gave claims")
	}
}

func docIndex(t *testing.T, c *corpus.Corpus, id string) int {
	t.Helper()
	for i, d := range c.Docs {
		if d.ID == id {
			return i
		}
	}
	t.Fatalf("no document %s", id)
	return -1
}

// Two parleys on one folder: each edit and each undo changes only its own
// claims, so neither loses what the other wrote.
func TestEditAndUndoKeepOtherWriters(t *testing.T) {
	isolate(t)
	dir, _ := folderCorpus(t)
	one, _ := Open(&corpus.Corpus{}, []string{dir})
	two, _ := Open(&corpus.Corpus{}, []string{dir})
	keepA, err := one.Edit(func(f *File) { f.Keep("A", "news/a.txt", "x") })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := two.Edit(func(f *File) { f.Keep("B", "oped/b.txt", "y") }); err != nil {
		t.Fatal(err)
	}
	rename, err := one.Edit(func(f *File) { f.Rename("A", "A2", false) })
	if err != nil || len(rename.Before) != 1 || len(rename.After) != 1 {
		t.Fatalf("rename change %+v, %v", rename, err)
	}
	labels := func() []string {
		f, err := Read(one.Loc.Path)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range f.Claims {
			out = append(out, c.Label)
		}
		return out
	}
	if got := labels(); !slices.Equal(got, []string{"A2", "B"}) {
		t.Fatalf("after both edits: %v", got)
	}
	if err := one.Undo(rename); err != nil {
		t.Fatal(err)
	}
	if got := labels(); !slices.Contains(got, "A") || !slices.Contains(got, "B") || slices.Contains(got, "A2") {
		t.Fatalf("after undoing the rename: %v", got)
	}
	if err := one.Undo(keepA); err != nil {
		t.Fatal(err)
	}
	if got := labels(); !slices.Equal(got, []string{"B"}) {
		t.Fatalf("after undoing the keep: %v", got)
	}
}

// TestStaleOnlyInOpenedDocuments: opening one file of a folder leaves the
// quotes of its other files alone (not opened, not stale); only a quote
// missing from a loaded document, or of a file gone from the folder, is
// stale. An edit in such a session keeps the other files' quotes.
func TestStaleOnlyInOpenedDocuments(t *testing.T) {
	isolate(t)
	dir, _ := folderCorpus(t)
	seed, _ := Open(&corpus.Corpus{}, []string{dir})
	if _, err := seed.Edit(func(f *File) {
		f.Keep("Venue", "news/a.txt", "The talks were held in Islamabad on Saturday.")
		f.Keep("Venue", "oped/b.txt", "Islamabad hosted the talks over the weekend.")
		f.Keep("Walkout", "c.md", "Nobody walked out.")
		f.Keep("Edited", "c.md", "a sentence that was edited away")
		f.Keep("Gone", "gone.txt", "A file since deleted.")
	}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name      string
		roots     []string
		stale     []string // labels with a stale quote
		notOpened int
	}{
		{"the whole folder", []string{dir}, []string{"Edited", "Gone"}, 0},
		{"one file of it", []string{filepath.Join(dir, "c.md")}, []string{"Edited", "Gone"}, 1},
		{"a file in a sub-folder, and the folder", []string{filepath.Join(dir, "news", "a.txt"), dir}, []string{"Edited", "Gone"}, 0},
		{"two files", []string{filepath.Join(dir, "c.md"), filepath.Join(dir, "oped", "b.txt")}, []string{"Edited", "Gone"}, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := corpus.LoadPaths(tc.roots, corpus.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			l, _ := Open(c, tc.roots)
			if l.Loc.Base != dir {
				t.Fatalf("base %s, want %s", l.Loc.Base, dir)
			}
			stale := l.Stale(c.Docs)
			got := slices.Sorted(func(yield func(string) bool) {
				for k := range stale {
					if !yield(k) {
						return
					}
				}
			})
			if !slices.Equal(got, tc.stale) {
				t.Errorf("stale %v, want %v (%v)", got, tc.stale, stale)
			}
			if n := l.NotOpened(c.Docs); n != tc.notOpened {
				t.Errorf("NotOpened %d, want %d", n, tc.notOpened)
			}
			if r := l.Report(c.Docs); len(r) != len(tc.stale) {
				t.Errorf("report %v", r)
			}
		})
	}
	// An edit while only c.md is open keeps every other quote.
	one, _ := Open(&corpus.Corpus{}, []string{filepath.Join(dir, "c.md")})
	if _, err := one.Edit(func(f *File) { f.Keep("Walkout", "c.md", "Delegates met in the Pakistani capital.") }); err != nil {
		t.Fatal(err)
	}
	f, err := Read(seed.Loc.Path)
	if err != nil {
		t.Fatal(err)
	}
	v := f.Claims[f.Find("Venue")]
	if len(v.Quotes["news/a.txt"]) != 1 || len(v.Quotes["oped/b.txt"]) != 1 || len(f.Claims[f.Find("Gone")].Quotes["gone.txt"]) != 1 {
		t.Fatalf("quotes of files not opened were lost: %+v", f.Claims)
	}
}
