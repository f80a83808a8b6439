package tui

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/adrg/xdg"
)

// Exports never become sources: x writes into the current directory only
// when it is not inside a folder being read.
func TestExportDir(t *testing.T) {
	root := t.TempDir()
	folder := filepath.Join(root, "sources")
	inner := filepath.Join(folder, "oped")
	elsewhere := filepath.Join(root, "reports")
	for _, d := range []string{inner, elsewhere} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(elsewhere, "a.txt")
	if err := os.WriteFile(file, []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data := dataExports()
	cases := []struct {
		name  string
		cwd   string
		paths []string
		env   string
		want  string
	}{
		{"the seeds: here", elsewhere, nil, "", ""},
		{"here is a folder being read", folder, []string{folder}, "", data},
		{"here is inside one", inner, []string{"../"}, "", data},
		{"here is outside the folders read", elsewhere, []string{folder}, "", ""},
		{"a file read here is not a folder", elsewhere, []string{file}, "", ""},
		{"the variable wins", folder, []string{folder}, "/tmp/mine", "/tmp/mine"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(tc.cwd)
			t.Setenv(EnvExportDir, tc.env)
			if got := exportDir(tc.paths); got != tc.want {
				t.Errorf("exportDir = %q, want %q", got, tc.want)
			}
		})
	}
	if filepath.Dir(filepath.Dir(data)) != xdg.DataHome {
		t.Errorf("exports go to %s, not under the data directory", data)
	}
}
