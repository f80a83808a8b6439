//go:build unix

// End-to-end helpers: run the real parley binary in a detached tmux server
// and read the screen back, as fzf's integration tests do. The search and
// compare flows reuse them:
//
//	bin := buildParley(t)                          // go build once per test run
//	s := startTmux(t, bin, 100, 30)                // own server, isolated XDG_STATE_HOME
//	s.waitFor("documents")                          // poll capture-pane, fail after a generous timeout
//	s.keys("j", "Enter"); s.typeText("hormuz")     // tmux key names; literal text
//	s.waitFor("% · ")                               // a screen only the keys could bring
//	s.resize(40, 12); screen := s.waitUntil(...)
//	s.keys("q"); s.waitExit(0)
//
// After a key, wait for text that was not on the screen before it: text
// that was (a title in the list and in the preview beside it, a count
// shown while typing) says nothing of whether the key was handled, and
// the next key or the screen read then lands one step early under load.
// A screen that is read, not only waited for, is waited for down to its
// last changed row (see waitUntil).
//
// Tests skip when tmux is not installed. They build on Unix only: tmux,
// the shell that starts the program, and the signal that ends it are
// Unix (main_tmux_other_test.go stands in elsewhere).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"parley/corpus/testcorpus"
)

var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
)

// waitTimeout is generous: tests poll the screen, they never sleep for a
// fixed time, so a slow machine only makes them slower.
const waitTimeout = 20 * time.Second

// endToEnd starts an end-to-end test: it runs in parallel with the
// others (each runs its own tmux server; they mostly wait on the
// terminal), is skipped under -short, and gets the parley binary.
func endToEnd(t *testing.T) string {
	t.Helper()
	t.Parallel()
	if testing.Short() {
		t.Skip("end-to-end")
	}
	return buildParley(t)
}

// buildParley builds the binary from the repository root once per test
// process and returns its path. Extra build tags can be given (the first
// call wins; use distinct tags through buildParleyTags).
func buildParley(t *testing.T) string {
	t.Helper()
	return buildParleyTags(t, "")
}

var tagBuilds sync.Map // tags -> *tagBuild

type tagBuild struct {
	once sync.Once
	path string
	err  error
}

func buildParleyTags(t *testing.T, tags string) string {
	t.Helper()
	requireTmux(t)
	buildOnce.Do(func() { buildDir, buildErr = os.MkdirTemp("", "parley-e2e-") })
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	v, _ := tagBuilds.LoadOrStore(tags, &tagBuild{})
	b := v.(*tagBuild)
	b.once.Do(func() {
		b.path = filepath.Join(buildDir, "parley"+strings.ReplaceAll(tags, ",", "_"))
		// go run keeps the executables it links in the build cache, where
		// go build links again every time (1.5 s of processor a build);
		// with -exec cp it copies the executable here instead of running it.
		args := []string{"run", "-exec", "cp"}
		if tags != "" {
			args = append(args, "-tags", tags)
		}
		cmd := exec.Command("go", append(args, ".", b.path)...)
		cmd.Dir = "." // the repository root: the main package
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.err = fmt.Errorf("go run -exec cp: %v\n%s", err, out)
		}
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.path
}

// removeParleyBuilds removes the binaries built for the end-to-end tests
// (about 20 MB a run), once every test has ended; TestMain calls it.
func removeParleyBuilds() {
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
}

func requireTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
}

// tmuxSession is one program running in its own tmux server.
type tmuxSession struct {
	t      *testing.T
	socket string // the server's socket, in a folder of the test's own
	state  string // the XDG_STATE_HOME given to the program
	pid    string // a file the program's process id is written to
	ctl    *tmuxControl
}

// startTmux runs bin with args in a w×h terminal. The program's exit
// status is printed after it ends ("[parley exited N]") and the pane
// stays, so a test can check the terminal was restored.
func startTmux(t *testing.T, bin string, w, h int, args ...string) *tmuxSession {
	t.Helper()
	return startTmuxEnv(t, bin, w, h, nil, args...)
}

// startTmuxEnv is startTmux with extra environment variables (KEY=value).
// When the test ends the terminal is closed and the program awaited (see
// stop), before the test's folders are removed.
func startTmuxEnv(t *testing.T, bin string, w, h int, env []string, args ...string) *tmuxSession {
	t.Helper()
	requireTmux(t)
	dir := t.TempDir()
	s := &tmuxSession{t: t, socket: filepath.Join(dir, "tmux"), state: filepath.Join(dir, "state"), pid: filepath.Join(dir, "pid")}
	quoted := []string{shellQuote(bin)}
	for _, a := range args {
		quoted = append(quoted, shellQuote(a))
	}
	// The data directory (the seeds' claims file, exports) is the test's
	// own too.
	envs := []string{"XDG_STATE_HOME=" + shellQuote(s.state), "PARLEY_STATE_FILE=", "XDG_DATA_HOME=" + shellQuote(filepath.Join(s.state, "data")),
		"PARLEY_CLAIMS_FILE=", "PARLEY_CACHE_DIR=" + shellQuote(filepath.Join(s.state, "cache")), "PARLEY_EXPORT_DIR=", "TERM=xterm-256color"}
	for _, e := range env {
		k, v, _ := strings.Cut(e, "=")
		envs = append(envs, k+"="+shellQuote(v))
	}
	// An inner shell writes its process id, then becomes the program.
	run := fmt.Sprintf("echo $$ >%s; exec env %s %s", shellQuote(s.pid), strings.Join(envs, " "), strings.Join(quoted, " "))
	script := fmt.Sprintf("sh -c %s; echo \"[parley exited $?]\"; sleep 600", shellQuote(run))
	newSession := exec.Command("tmux", "-S", s.socket, "-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "sh", "-c", script)
	if out, err := newSession.CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(s.stop)
	ctl, err := attachControl(s.socket)
	if err != nil {
		t.Fatalf("tmux control client: %v", err)
	}
	s.ctl = ctl
	// Should the test process die (a panic, a timeout), its control client
	// ends with it, and the server then ends too, closing the terminal,
	// instead of running on with parley in it. It cannot be set before a
	// client is attached: the server would end at once.
	s.tmux("set-option", "-g", "exit-unattached", "on")
	return s
}

// stop closes the terminal, as a user closing the window does: the
// server ends and a program still running gets SIGHUP, saves its state
// and exits. It then waits for the program to be gone (it would write
// into the test's folders after their removal, or outlive the test), and
// fails the test if it is still there after waitTimeout.
func (s *tmuxSession) stop() {
	_ = exec.Command("tmux", "-S", s.socket, "kill-server").Run()
	if s.ctl != nil {
		s.ctl.close()
	}
	raw, err := os.ReadFile(s.pid)
	if err != nil {
		return // the shell never got as far as starting the program
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(raw)))
	if err != nil {
		s.t.Errorf("the program's process id file holds %q", raw)
		return
	}
	for deadline := time.Now().Add(waitTimeout); running(pid); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			s.t.Errorf("parley (process %d) still running %v after its terminal closed; killed", pid, waitTimeout)
			syscall.Kill(pid, syscall.SIGKILL)
			return
		}
	}
}

// running reports whether process pid exists and has not exited (a
// zombie has: it only waits for its parent to collect its status).
func running(pid int) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return syscall.Kill(pid, 0) == nil // no /proc: a zombie counts as running
	}
	_, rest, _ := strings.Cut(string(stat), ") ")
	return !strings.HasPrefix(rest, "Z") && !strings.HasPrefix(rest, "X")
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// tmux runs a tmux command in the session's server and returns what it
// printed.
func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := s.ctl.run(args...)
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys sends tmux key names ("Enter", "Escape", "C-o", "Space", "j").
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		s.tmux("send-keys", "-t", "main", k)
	}
}

// typeText sends text literally.
func (s *tmuxSession) typeText(text string) {
	s.t.Helper()
	s.tmux("send-keys", "-t", "main", "-l", text)
}

// capture is the screen as text, one line per row.
func (s *tmuxSession) capture() string {
	s.t.Helper()
	return s.tmux("capture-pane", "-p", "-t", "main")
}

// resize changes the terminal's size, as a user dragging the window.
func (s *tmuxSession) resize(w, h int) {
	s.t.Helper()
	s.tmux("resize-window", "-t", "main", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h))
}

// format reads a tmux format variable of the pane (e.g. alternate_on).
func (s *tmuxSession) format(f string) string {
	s.t.Helper()
	return strings.TrimSpace(s.tmux("display-message", "-p", "-t", "main", "#{"+f+"}"))
}

// waitFor polls the screen until it contains every one of texts, and
// returns it; it fails the test with the last screen after waitTimeout.
func (s *tmuxSession) waitFor(texts ...string) string {
	s.t.Helper()
	return s.waitUntil(strings.Join(texts, " & "), func(screen string) bool {
		for _, t := range texts {
			if !strings.Contains(screen, t) {
				return false
			}
		}
		return true
	})
}

// waitUntil polls the screen until ok accepts it, and returns it. The
// screen must also read the same on two polls in a row: tmux shows a
// frame's bytes as they arrive, so one capture can hold the top of a new
// frame over the bottom of the old one (seen: a comparison's columns
// above the status line it had while comparing). A large frame can stay
// half drawn longer than that on a loaded machine, so a test that reads
// a screen waits for something on the last row the change draws (a
// status line), as compared does.
func (s *tmuxSession) waitUntil(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	var screen, last string
	for time.Now().Before(deadline) {
		screen = s.capture()
		if screen == last && ok(screen) {
			return screen
		}
		last = screen
		time.Sleep(30 * time.Millisecond)
	}
	s.t.Fatalf("timed out waiting for %s; screen:\n%s", what, screen)
	return ""
}

// waitExit waits for the program to end with the given status.
func (s *tmuxSession) waitExit(status int) string {
	s.t.Helper()
	return s.waitFor(fmt.Sprintf("[parley exited %d]", status))
}

// overlapEndToEnd lets the tmux tests (which call t.Parallel) overlap
// beyond one per core, unless -parallel was given: they spend their time
// waiting for a terminal to redraw, not computing.
func overlapEndToEnd() {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
	if !set {
		flag.Set("test.parallel", "6")
	}
}

// bbcSlot lets one tmux test at a time run parley on the BBC folder:
// loading and indexing it keeps a core busy for seconds, and two at once
// would starve the lighter tests that overlap with them.
var bbcSlot = make(chan struct{}, 1)

// e2eBBC is the BBC folder for a tmux test, held until the test ends,
// or "" when it is absent.
func e2eBBC(t *testing.T) string {
	t.Helper()
	bbc := testcorpus.BBC()
	if bbc == "" {
		return ""
	}
	bbcSlot <- struct{}{}
	t.Cleanup(func() { <-bbcSlot })
	return bbc
}
