package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

// --version and the version subcommand print the build's version.
func TestVersionFlagAndCommand(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}} {
		out, _, err := run(t, args...)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if !strings.HasPrefix(out, "parley ") || !strings.HasSuffix(out, "\n") || strings.Count(out, "\n") != 1 {
			t.Errorf("%v printed %q, want one line \"parley VERSION\"", args, out)
		}
	}
	help, _, err := run(t, "--help")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(help, "--version") || !strings.Contains(help, "version ") {
		t.Errorf("--help does not mention the version:\n%s", help)
	}
}

// The version names the commit, its time and a modified tree when the
// build information has them, and says "(devel)" for a local build.
func TestVersionFromBuildInfo(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "parley", Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "8392c26b32f4acc82fc82495c2723ac164390862"},
		{Key: "vcs.time", Value: "2026-12-02T21:57:23Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	if got, want := versionFrom(info), "(devel) (commit 8392c26b32f4, 2026-12-02T21:57:23Z, modified) go1.26.8"; got != want {
		t.Errorf("versionFrom = %q, want %q", got, want)
	}
	info = &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "parley", Version: "v1.2.0"}}
	if got, want := versionFrom(info), "v1.2.0 go1.26.8"; got != want {
		t.Errorf("versionFrom = %q, want %q", got, want)
	}
}

// Piped (stdout not a terminal), list prints every title whole.
func TestListPipedKeepsWholeTitles(t *testing.T) {
	for _, cmd := range []string{"list", "stories"} {
		out, _, err := run(t, cmd)
		if err != nil {
			t.Fatal(err)
		}
		const long = "Pakistan’s Diplomatic Moment: The Islamabad Peace Process and a Race to Prevent a Wider War"
		if !strings.Contains(out, long) || strings.Contains(out, "…") {
			t.Errorf("piped %s cuts titles:\n%s", cmd, out)
		}
	}
}

// --help names every kind of file parley reads, not only .txt and .md.
func TestHelpNamesEveryFormat(t *testing.T) {
	help, _, err := run(t, "--help")
	if err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".epub"} {
		if !strings.Contains(help, ext+",") && !strings.Contains(help, ext+" ") {
			t.Errorf("--help does not name %s:\n%s", ext, help)
		}
	}
}
