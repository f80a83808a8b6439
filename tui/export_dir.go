package tui

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
)

// EnvExportDir names the environment variable that sets the folder the
// compare view's exports go to, wherever that is.
const EnvExportDir = "PARLEY_EXPORT_DIR"

// exportDir is where x writes its Markdown reports for a session opened
// on paths: PARLEY_EXPORT_DIR when set; the current directory, unless
// that is inside a folder being read, where the report would be read as
// a source the next time; then the XDG data directory's parley/exports.
// "" is the current directory.
func exportDir(paths []string) string {
	if d := os.Getenv(EnvExportDir); d != "" {
		return d
	}
	cwd, err := os.Getwd()
	if err != nil {
		return dataExports()
	}
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.IsDir() && within(cwd, p) {
			return dataExports()
		}
	}
	return ""
}

func dataExports() string { return filepath.Join(xdg.DataHome, "parley", "exports") }

// within says whether path is dir or inside it, links resolved.
func within(path, dir string) bool {
	real := func(p string) string {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if r, err := filepath.EvalSymlinks(p); err == nil {
			p = r
		}
		return p
	}
	rel, err := filepath.Rel(real(dir), real(path))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
