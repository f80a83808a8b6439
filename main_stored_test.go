package main

import (
	"os"
	"path/filepath"
	"testing"
)

// compare, claims and stories answer the same, stdout and stderr, from
// the grouping kept on disk (written by the first run, read by the
// second) as with --no-cache: typed text, a pasted sentence, every
// output format, --all and --story, a user's claims file, a copy and a
// file that fails to load.
func TestStoredGroupingSameOutput(t *testing.T) {
	t.Setenv("PARLEY_CACHE_DIR", t.TempDir())
	dir := t.TempDir()
	harbour := "Harbour reopens\n\nThe old harbour of Kestrel Bay reopened on Monday after dredging removed 4 million tonnes of silt.\n\nThe mayor of Kestrel Bay thanked the dredging crews.\n"
	for name, text := range map[string]string{
		"news/001.txt":     harbour,
		"wire/harbour.txt": harbour,
		"sport/001.txt":    "Harbour race\n\nRowers raced across the old harbour of Kestrel Bay, reopened on Monday after the dredging.\n\nDredging removed 3 million tonnes of silt from the harbour of Kestrel Bay.\n",
		"news/002.md":      "---\ntitle: Dredging done\ndate: 2026-03-02\n---\n\nDredging of the Kestrel Bay harbour removed 4 million tonnes of silt, and the harbour reopened on Monday.\n",
		"misc/orchard.txt": "Orchard meets\n\nThe Larkspur orchard committee planted 12 pear trees.\n\nThe Larkspur committee met on apple varieties.\n",
		"misc/plants.txt":  "Orchard plants\n\nThe Larkspur orchard committee planted 40 pear trees this spring.\n\nVolunteers from Larkspur helped.\n",
		"misc/binary.txt":  "MZ\x00\x01\x02\x00binary",
		".parley/claims.json": `{"claims":[{"label":"Silt","quotes":{
			"sport/001.txt":["Dredging removed 3 million tonnes"],
			"news/002.md":["removed 4 million tonnes of silt", "a sentence edited away"]}}]}`,
	} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	pasted := "The mayor of Kestrel Bay thanked the dredging crews."
	for _, args := range [][]string{
		{"compare", "dredging removed silt"},
		{"compare", "--json", "--top", "2", "pear trees planted"},
		{"compare", "--markdown", pasted},
		{"compare", pasted},
		{"compare", "--all", "Dredging removed 3 million tonnes of silt"},
		{"compare", "--engine-only", "--story", "larkspur", "pear trees"},
		{"compare", "no word of this is anywhere"},
		// The engine's own index of every document comes from the store
		// after the first run (a curated layer has it built each time).
		{"compare", "--engine-only", "dredging removed silt"},
		{"compare", "--engine-only", "--json", "--top", "3", "pear trees planted this spring"},
		{"compare", "--engine-only", "--all", "--markdown", pasted},
		{"claims"},
		{"claims", "--json"},
		{"claims", "--story", "kestrel"},
		{"stories"},
		{"stories", "--json"},
	} {
		args = append(args, dir)
		want, wantErr, err := run(t, append([]string{"--no-cache"}, args...)...)
		if err != nil {
			t.Fatal(args, err)
		}
		for i := range 2 {
			out, errOut, err2 := run(t, args...)
			if err2 != nil || out != want || errOut != wantErr {
				t.Fatalf("%v, run %d through the store: %v\n%s%s\nwant %v\n%s%s", args, i, err2, out, errOut, err, want, wantErr)
			}
		}
	}
	if files, _ := filepath.Glob(filepath.Join(os.Getenv("PARLEY_CACHE_DIR"), "stories-*")); len(files) != 2 {
		t.Fatalf("store files: %v", files)
	}
}
