package corpus

import (
	"os"
	"runtime"
	"strings"
	"testing"
)

// The test binary, built by the go command, names itself by its build
// ID; a file without one (not an executable) has none.
func TestGoBuildID(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("ELF executables only")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	id := goBuildID(exe)
	if n := strings.Count(id, "/"); n != 1 && n != 3 {
		t.Fatalf("build ID %q", id)
	}
	if v, err := buildVersion(); err != nil || v != "go-"+id {
		t.Errorf("buildVersion = %q, %v; want go-%s", v, err, id)
	}
	if id := goBuildID("cache_open.go"); id != "" {
		t.Errorf("a source file's build ID: %q", id)
	}
}
