package claimsfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/corpus/testcorpus"
)

func TestRead(t *testing.T) {
	cases := []struct {
		name   string
		setup  func(t *testing.T, path string)
		claims int
		broken string // part of the error; "" means no error
	}{
		{"missing is empty", func(*testing.T, string) {}, 0, ""},
		{"the seeds' shape", writeRaw(`{"claims":[{"label":"Venue","quotes":{"a.txt":["in Islamabad"],"b.txt":["in Geneva"]}}]}`), 1, ""},
		{"with rejected", writeRaw(`{"claims":[{"label":"Venue","quotes":{},"rejected":{"a.txt":["x"]}}]}`), 1, ""},
		{"not JSON", writeRaw(`{"claims": [`), 0, "unexpected EOF"},
		{"two values", writeRaw(`{"claims":[]} {}`), 0, "more than one JSON value"},
		{"wrong shape", writeRaw(`{"claims":{"label":"x"}}`), 0, "cannot unmarshal"},
		{"no label", writeRaw(`{"claims":[{"label":"  ","quotes":{}}]}`), 0, "claim 1 has no label"},
		{"a folder", func(t *testing.T, p string) { must(t, os.Mkdir(p, 0o755)) }, 0, "not a regular file"},
		{"a FIFO", func(t *testing.T, p string) { mkfifo(t, p) }, 0, "not a regular file"},
		{"a link to a file", func(t *testing.T, p string) {
			writeRaw(`{"claims":[{"label":"L","quotes":{}}]}`)(t, p+".real")
			must(t, os.Symlink(filepath.Base(p)+".real", p))
		}, 1, ""},
		{"a link to nothing yet", func(t *testing.T, p string) { must(t, os.Symlink("nowhere.json", p)) }, 0, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "claims.json")
			tc.setup(t, path)
			f, err := Read(path)
			if tc.broken != "" {
				var be *BrokenError
				if !errors.As(err, &be) || !strings.Contains(err.Error(), tc.broken) || !strings.Contains(err.Error(), path) {
					t.Fatalf("err = %v, want a BrokenError naming the file and %q", err, tc.broken)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Claims) != tc.claims {
				t.Fatalf("%d claims, want %d", len(f.Claims), tc.claims)
			}
		})
	}
}

func TestWrite(t *testing.T) {
	file := &File{Claims: []Claim{{Label: "Venue", Quotes: map[string][]string{"a.txt": {"in Islamabad"}}}}}
	cases := []struct {
		name  string
		setup func(t *testing.T, dir, path string)
		fails string
		check func(t *testing.T, dir, path string)
	}{
		{"new, making its folder", nil, "", nil},
		{"over an old file, keeping its mode", func(t *testing.T, _, p string) {
			writeRaw(`{"claims":[]}`)(t, p)
			must(t, os.Chmod(p, 0o600))
		}, "", func(t *testing.T, _, p string) {
			if info, _ := os.Stat(p); info.Mode().Perm() != 0o600 {
				t.Errorf("mode %v, want 0600", info.Mode().Perm())
			}
		}},
		{"through a symlink, which stays", func(t *testing.T, dir, p string) {
			must(t, os.MkdirAll(filepath.Dir(p), 0o755))
			writeRaw(`{"claims":[]}`)(t, filepath.Join(dir, "real.json"))
			must(t, os.Symlink(filepath.Join(dir, "real.json"), p))
		}, "", func(t *testing.T, dir, p string) {
			if info, err := os.Lstat(p); err != nil || info.Mode()&os.ModeSymlink == 0 {
				t.Errorf("the link was replaced: %v %v", info, err)
			}
			if f, err := Read(filepath.Join(dir, "real.json")); err != nil || len(f.Claims) != 1 {
				t.Errorf("the target was not written: %v %v", f, err)
			}
		}},
		{"never replaces a FIFO", func(t *testing.T, _, p string) {
			must(t, os.MkdirAll(filepath.Dir(p), 0o755))
			mkfifo(t, p)
		}, "not a regular file", func(t *testing.T, _, p string) {
			if info, _ := os.Lstat(p); info.Mode()&os.ModeNamedPipe == 0 {
				t.Error("the FIFO was replaced")
			}
		}},
		{"never replaces a folder", func(t *testing.T, _, p string) { must(t, os.MkdirAll(p, 0o755)) }, "not a regular file", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, DirName, FileName)
			if tc.setup != nil {
				tc.setup(t, dir, path)
			}
			err := Write(path, file)
			if tc.fails != "" {
				if err == nil || !strings.Contains(err.Error(), tc.fails) {
					t.Fatalf("err = %v, want %q", err, tc.fails)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				got, err := Read(path)
				if err != nil || len(got.Claims) != 1 || got.Claims[0].Quotes["a.txt"][0] != "in Islamabad" {
					t.Fatalf("read back %+v, %v", got, err)
				}
			}
			if tc.check != nil {
				tc.check(t, dir, path)
			}
			leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".claims.json.tmp-*"))
			if len(leftovers) > 0 {
				t.Errorf("temporary files left: %v", leftovers)
			}
		})
	}
}

func TestEdits(t *testing.T) {
	f := &File{}
	f.Keep("Venue", "a.txt", "one")
	f.Keep("venue ", "b.txt", "two") // the same claim, case and spacing aside
	f.Keep("Venue", "a.txt", "one")  // kept once
	if len(f.Claims) != 1 || len(f.Claims[0].Quotes) != 2 || len(f.Claims[0].Quotes["a.txt"]) != 1 {
		t.Fatalf("after keeps: %+v", f.Claims)
	}
	before := f.Clone()
	f.Drop("Venue", "b.txt", "two")
	if _, ok := f.Claims[0].Quotes["b.txt"]; ok || f.Claims[0].Rejected["b.txt"][0] != "two" {
		t.Fatalf("after drop: %+v", f.Claims[0])
	}
	if len(before.Claims[0].Quotes["b.txt"]) != 1 {
		t.Fatal("Clone shares the quotes it copied")
	}
	f.Keep("Venue", "b.txt", "two") // keeping again takes it out of the rejected
	if len(f.Claims[0].Rejected) != 0 {
		t.Fatalf("kept quote still rejected: %+v", f.Claims[0])
	}
	f.Keep("Other", "a.txt", "three")
	if f.Rename("Venue", "other", false) {
		t.Fatal("renamed onto another claim's label")
	}
	if !f.Rename("Venue", "Where the talks were", false) || f.Find("Where the talks were") != 0 || f.Claims[0].Extends != "" {
		t.Fatalf("rename: %+v", f.Claims)
	}
	if !f.Delete("other") || f.Delete("other") || len(f.Claims) != 1 {
		t.Fatalf("delete: %+v", f.Claims)
	}
}

func writeRaw(s string) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		must(t, os.MkdirAll(filepath.Dir(path), 0o755))
		must(t, os.WriteFile(path, []byte(s), 0o644))
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// mkfifo makes a named pipe at p, or skips the case on a system without
// them.
func mkfifo(t *testing.T, p string) {
	t.Helper()
	err := testcorpus.MakeFIFO(p, 0o644)
	if errors.Is(err, errors.ErrUnsupported) {
		t.Skip("no FIFOs here")
	}
	must(t, err)
}
