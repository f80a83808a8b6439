package corpus

import (
	"os"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// The test binary, built by the go command, names itself by its build
// ID, or by its size and checksum when built without one (-buildid=);
// a file that is not an executable has no build ID.
func TestGoBuildID(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("ELF executables only")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	v, err := buildVersion()
	if err != nil {
		t.Fatal(err)
	}
	id := goBuildID(exe)
	switch {
	case id == "":
		if !regexp.MustCompile(`^[0-9]+-[0-9a-f]{8}$`).MatchString(v) {
			t.Errorf("without a build ID, buildVersion = %q, want size-checksum", v)
		}
	case strings.Count(id, "/") != 1 && strings.Count(id, "/") != 3:
		t.Errorf("build ID %q", id)
	case v != "go-"+id:
		t.Errorf("buildVersion = %q, want go-%s", v, id)
	}
	if id := goBuildID("cache_open.go"); id != "" {
		t.Errorf("a source file's build ID: %q", id)
	}
}
