package search

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"parley/corpus"
	"parley/corpus/testcorpus"
	"parley/seeds"
)

// guardQueries cover every kind of term, negation, smart case, escaped
// spaces, non-Latin and accented text, the title separator and terms that
// only the file name or the title target's order can satisfy.
var guardQueries = []string{
	"", "hormuz", "zzzz", "909", "yahya", "oil price", "'exact", "^The", "talks$",
	"!iran pakistan", `Strait\ of`, "CHELSEA", "chelsea", "中国", "café", "Café",
	"talks·quill", "quill · lee", "'lee, bo", "zebra", "crossing zebra", "untitled",
	`'oil\ price`, `'strait\ (https`, "^officials", "reopen.$", "zed ames",
	"turkiye", "façade", "facade", "ünï", "unicode", "Unicode", "ÜNÏ", "'istanbul", "genève",
	"geneve", "lodz", "^ozil", "quill facade",
	// Match classes, operators alone, an escaped dollar, a dangling escape.
	"oil", "'oil", "$", `\$`, `oil \`,
	// Groups: a file is kept when any alternative could match, and always
	// when one is negated.
	"hormuz | zebra", "zzzz | yyyy", "zzzz | 909", "^ozil | genève", "talks$ | 'quill",
	"crossing zebra | zzzz", "zzzz | !iran", "!zzzz | !yyyy", "oil | façade price", `\|`, "|",
}

// guardFolder holds files whose hits depend on what the filter must not
// get wrong: a title that is the file name or "(untitled)", one built from lines in
// another order, front matter naming outlet and author before the title,
// emphasis and links the parser rewrites.
func guardFolder(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"zebra-crossing.txt": "this first line is a long sentence of body text and not a title at all, so none.\n",
		"letterhead.txt": "Quill Institute\nOrange Talks in Islamabad\nBy Ann Lee and Bo Chan\n\n" +
			"Officials met to discuss the Strait of Hormuz and 中国. Nothing was agreed on 909 barrels.\n",
		"front.md": "---\noutlet: Quill Post\nauthor: Zed Ames\ntitle: Café talks\n---\n\n" +
			"Officials said the **oil** price rose, and they would see [the strait](https://example.org/x) reopen.\n",
		"plain.md": "# Oil Report\n\nThe **oil price** rose. CHELSEA won. Yahya spoke of talks\n",
		"none.txt": "Nothing here\n\nA body with no word of the queries.\n",
		"..txt":    "this file has a long first line of body text, so no title at all; exactly.\n",
		// Accented letters that only fold to the query's letters: the
		// filter's ASCII fast path must not turn these away.
		"accents.txt":     "Ünïcödé Notes\n\nThe façade in İstanbul, Türkiye, faces Łódź and Genève.\n\nÖzil spoke.\n",
		"a1.txt":          "Türkiye.\n",
		"a2.txt":          "Façade.\n",
		"a3.txt":          "Ünïcödé.\n",
		"a4.txt":          "Łódź.\n",
		"façade-name.txt": "this first line is a long sentence of body text and not a title at all, so none.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// seedsFolder copies the embedded seeds without their catalog, which
// would turn the filter off.
func seedsFolder(t *testing.T) string {
	dir := t.TempDir()
	names, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil || len(names) == 0 {
		t.Fatal("no seeds", err)
	}
	for _, n := range names {
		raw, err := fs.ReadFile(seeds.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// cliOutput is what parley search writes of a query's hits (see
// export.WriteSearch), with every hit and with the default limit: each
// hit's file, id, place, kind, score, marked positions and text.
func cliOutput(t *testing.T, c *corpus.Corpus, query string) string {
	t.Helper()
	var b strings.Builder
	for _, limit := range []int{0, 50} {
		res, err := Run(c, query, limit)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s\n", res.Query)
		for _, h := range res.Hits {
			d := c.Docs[h.Loc.Doc]
			fmt.Fprintf(&b, "%s %s:%d:%d %s %d %v %s\n", d.Path, d.ID, h.Loc.Block, h.Loc.Sentence, h.Kind, h.Score, h.Positions, h.Text)
		}
	}
	return b.String()
}

// TestDocumentFilterSameOutput is the guard on DocumentFilter: a search
// over the files it keeps writes exactly what a search over all writes.
// Every query runs on the small folders; on BBC a fixed sample runs unless
// PARLEY_FULL_SWEEP=1.
func TestDocumentFilterSameOutput(t *testing.T) {
	roots := map[string]string{"folder": guardFolder(t), "seeds": seedsFolder(t)}
	if dir := testcorpus.BBC(); dir != "" {
		roots["bbc"] = dir
	} else {
		t.Log("../shared/corpora/bbc not found beside the repository; guarding the small folders only")
	}
	for what, dir := range roots {
		all, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		filtered := 0
		queries := guardQueries
		if what == "bbc" {
			// Each query loads BBC again: a fixed sample by default,
			// every query with PARLEY_FULL_SWEEP=1.
			queries = testcorpus.Sample(guardQueries, 12)
		}
		for _, q := range queries {
			c, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{Keep: DocumentFilter(q)})
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Docs)+c.Filtered != len(all.Docs) || len(c.Problems) != len(all.Problems) {
				t.Fatalf("%s %q: %d kept + %d filtered of %d", what, q, len(c.Docs), c.Filtered, len(all.Docs))
			}
			filtered += c.Filtered
			want, got := cliOutput(t, all, q), cliOutput(t, c, q)
			if got != want {
				t.Errorf("%s %q: output differs with the filter (%d of %d files kept)\n%s",
					what, q, len(c.Docs), len(all.Docs), firstDiff(want, got))
			}
		}
		// The guard means something only if the filter turned files away.
		if filtered == 0 {
			t.Errorf("%s: the filter kept every file for every query", what)
		}
	}
}

// firstDiff shows the first line where two outputs differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n want " + a + "\n  got " + b
		}
	}
	return ""
}
