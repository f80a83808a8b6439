//go:build unix

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runWithin runs the command line and fails the test if it has not
// returned in a generous time (a FIFO read as a file blocks forever).
func runWithin(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	type result struct {
		out, errOut string
		err         error
	}
	done := make(chan result, 1)
	go func() {
		out, errOut, err := run(t, args...)
		done <- result{out, errOut, err}
	}()
	select {
	case r := <-done:
		return r.out, r.errOut, r.err
	case <-time.After(60 * time.Second):
		t.Fatalf("parley %q blocked", args)
		return "", "", nil
	}
}

// A .txt link to a FIFO in a folder, and a FIFO named on the command
// line, are skipped with a message by list, search and claims, which
// still answer on the good files.
func TestSubcommandsSkipSpecialFiles(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"good.txt": "Talks resume in Islamabad\n\nThe delegation arrived in Islamabad on Monday for talks.\n",
	})
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	os.Symlink(fifo, filepath.Join(dir, "link.txt"))
	named := filepath.Join(t.TempDir(), "named.txt")
	syscall.Mkfifo(named, 0o600)
	for _, args := range [][]string{
		{"list", dir, named},
		{"search", "islamabad", dir, named},
		{"claims", dir, named},
	} {
		out, errOut, err := runWithin(t, args...)
		if err != nil {
			t.Errorf("%s: %v", args[0], err)
		}
		for _, name := range []string{"link.txt", "named.txt"} {
			if !strings.Contains(errOut, name+": a FIFO (named pipe), not a regular file") {
				t.Errorf("%s: stderr lacks %s: %q", args[0], name, errOut)
			}
		}
		if args[0] != "claims" && !strings.Contains(strings.ToLower(out), "islamabad") {
			t.Errorf("%s: output %q", args[0], out)
		}
	}
}

// search --json and list --json give a file's exact name, so a script can
// open it, with its control and bidi characters escaped (\u009b, \u202e):
// none reaches the terminal raw. The text output shows them visibly.
func TestJSONFileNameIsExactAndEscaped(t *testing.T) {
	name := "ctl\x1b[7m\u202ebad\u009b\x7fname.txt"
	dir := writeDir(t, map[string]string{name: "Hormuz title\n\nShips crossed Hormuz today.\n"})
	const raw = "\x1b\u009b\u202e\x7f"
	out, _, err := run(t, "search", "--json", "hormuz", dir)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(out, raw) {
		t.Errorf("search --json writes a raw control or bidi character: %q", out)
	}
	var v struct{ Hits []struct{ File string } }
	if err := json.Unmarshal([]byte(out), &v); err != nil || len(v.Hits) == 0 {
		t.Fatalf("%v: %s", err, out)
	}
	for _, h := range v.Hits {
		if h.File != filepath.Join(dir, name) {
			t.Errorf("search --json: file %q, want %q", h.File, filepath.Join(dir, name))
		}
	}
	out, _, err = run(t, "list", "--json", dir)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(out, raw) {
		t.Errorf("list --json writes a raw control or bidi character: %q", out)
	}
	for _, esc := range []string{`\u001b`, `\u202e`, `\u009b`, `\u007f`} {
		if !strings.Contains(out, esc) {
			t.Errorf("list --json lacks %s: %s", esc, out)
		}
	}
	var l struct{ Documents []struct{ File string } }
	if err := json.Unmarshal([]byte(out), &l); err != nil || len(l.Documents) != 1 {
		t.Fatalf("%v: %s", err, out)
	}
	if l.Documents[0].File != name {
		t.Errorf("list --json: file %q, want %q", l.Documents[0].File, name)
	}
	if _, err := os.Stat(filepath.Join(dir, l.Documents[0].File)); err != nil {
		t.Errorf("the name list --json gives does not open: %v", err)
	}
	// The text outputs show the characters visibly.
	for _, args := range [][]string{{"search", "hormuz", dir}, {"list", dir}} {
		out, _, _ = run(t, args...)
		if strings.ContainsAny(out, raw) {
			t.Errorf("%s: text output %q", args[0], out)
		}
	}
}

// "parley list two ./two" lists the folder's files once.
func TestListFolderNamedTwice(t *testing.T) {
	dir := writeDir(t, map[string]string{})
	os.MkdirAll(filepath.Join(dir, "two"), 0o755)
	for _, n := range []string{"a", "b"} {
		os.WriteFile(filepath.Join(dir, "two", n+".txt"), []byte(strings.ToUpper(n)+" title\n\nBody.\n"), 0o644)
	}
	t.Chdir(dir)
	out, _, err := run(t, "list", "--json", "two", "./two", "two/a.txt")
	if err != nil {
		t.Fatal(err)
	}
	var v struct{ Documents []struct{ ID string } }
	json.Unmarshal([]byte(out), &v)
	if len(v.Documents) != 2 {
		t.Fatalf("documents %+v", v.Documents)
	}
}

// A device named on the command line is reported as a device, not as a
// kind of file parley does not read, whatever its name.
func TestNamedDeviceIsReportedAsDevice(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	}
	_, errOut, _ := run(t, "list", "bad", "/dev/null")
	if !strings.Contains(errOut, "/dev/null: a character device, not a regular file") || strings.Contains(errOut, "/dev/null: not a kind of file") {
		t.Errorf("stderr %q", errOut)
	}
}
