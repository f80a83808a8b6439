package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The end-to-end test runs the built binary in a real terminal (tmux) and
// walks the compare flow as a user would: reader → sentence cursor →
// compare → enter → the reader at the other source → esc back. It skips
// when tmux is absent; CI installs it.

// e2eTerm is one tmux session running parley.
type e2eTerm struct {
	t      *testing.T
	socket string
}

func e2eStart(t *testing.T, w, h int) *e2eTerm {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "parley")
	build := exec.Command("go", "build", "-o", bin, "parley")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	term := &e2eTerm{t: t, socket: fmt.Sprintf("parley-e2e-%d", os.Getpid())}
	// The state file goes to the test's directory, so a run never reads or
	// writes the user's reading positions.
	term.tmux("new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"-e", stateEnv+"="+filepath.Join(dir, "state.json"), bin)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", term.socket, "kill-server").Run() })
	return term
}

func (e *e2eTerm) tmux(args ...string) string {
	e.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", e.socket}, args...)...).CombinedOutput()
	if err != nil {
		e.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys sends tmux key names ("Tab", "Escape", "j").
func (e *e2eTerm) keys(keys ...string) { e.tmux(append([]string{"send-keys"}, keys...)...) }

func (e *e2eTerm) screen() string { return e.tmux("capture-pane", "-p") }

// waitFor polls the screen until it holds every string, or fails.
func (e *e2eTerm) waitFor(what ...string) string {
	e.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := e.screen()
		ok := true
		for _, w := range what {
			ok = ok && strings.Contains(s, w)
		}
		if ok {
			return s
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("screen never showed %q:\n%s", what, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestCompareEndToEnd(t *testing.T) {
	term := e2eStart(t, 100, 30)
	term.waitFor("5 documents")

	// Open the interview (newest first) in the reader and find the border.
	term.keys("Tab")
	term.keys("/")
	term.keys("-l", "900 kilometers")
	term.keys("Enter")
	term.keys("v")

	// Step the sentence cursor until the compared sentence is the border
	// one; esc from the compare view returns to the cursor.
	var s string
	for i := 0; ; i++ {
		term.keys("c")
		s = term.waitFor("Compare “")
		if strings.Contains(s, "Compare “He noted that Pakistan and Iran share more than 900") {
			break
		}
		if i == 12 {
			t.Fatalf("the sentence cursor never reached the border sentence:\n%s", s)
		}
		term.keys("Escape")
		term.waitFor("c compares") // the reader's cursor status
		term.keys(")")
	}
	s = term.waitFor("909 km", "origin", "curated")
	if !strings.Contains(s, "rki.news") {
		t.Errorf("the origin column is not the interview:\n%s", s)
	}

	// The first statement of another source is selected: enter opens the
	// commentary that says 909 km.
	term.keys("Enter")
	s = term.waitFor("909 km long border with Iran", "Pakistan’s Diplomatic Moment")
	if strings.Contains(s, "Compare “") {
		t.Errorf("enter did not leave the compare view:\n%s", s)
	}

	// esc comes back to the comparison.
	term.keys("Escape")
	term.waitFor("Compare “He noted that Pakistan and Iran", "909 km")
}
