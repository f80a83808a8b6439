//go:build unix

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEndToEndHangupSaves: closing the terminal (SIGHUP) saves the
// reading position as quitting does. The position is moved after the
// first save (opening a document asks for one), so only the save on the
// way out can record it.
func TestEndToEndHangupSaves(t *testing.T) {
	bin := endToEnd(t)
	docs := seedOrder(t)
	s := startTmux(t, bin, 80, 24)
	path := filepath.Join(s.state, "parley", "state.json")
	s.waitFor("5 documents")
	s.keys("j", "Enter")
	opened := s.waitFor(firstWords(docs[1].Title, 2), "% · ") // the reader's status: open, not the list
	key := "embedded:" + docs[1].ID
	first := waitState(t, path, "the save after opening", func(st *savedState) bool {
		return st.LastDoc["embedded"] == key
	})
	firstLine := func(sc string) string { return strings.Split(sc, "\n")[0] }
	s.keys("Space")
	s.waitUntil("a page down", func(sc string) bool { return firstLine(sc) != firstLine(opened) })
	// Killing the server closes the terminal: the program gets SIGHUP.
	if err := exec.Command("tmux", "-S", s.socket, "kill-server").Run(); err != nil {
		t.Fatal(err)
	}
	waitState(t, path, "a later position saved on SIGHUP", func(st *savedState) bool {
		return st.Positions[key].Block > first.Positions[key].Block
	})
}

// savedState is what the tests read of the state file parley writes:
// each document's reading position, and each corpus's last document.
type savedState struct {
	Positions map[string]struct {
		Block int `json:"block"`
	} `json:"positions"`
	LastDoc map[string]string `json:"last_doc"`
}

func readState(path string) (*savedState, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var st savedState
	return &st, json.Unmarshal(raw, &st)
}

// waitState polls the state file until ok accepts it.
func waitState(t *testing.T, path, what string, ok func(*savedState) bool) *savedState {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for time.Now().Before(deadline) {
		if st, err := readState(path); err == nil && ok(st) {
			return st
		}
		time.Sleep(30 * time.Millisecond)
	}
	st, err := readState(path)
	t.Fatalf("timed out waiting for %s: %+v (%v)", what, st, err)
	return nil
}

// TestEndToEndUnsavableStateSaidOnce: when the state directory cannot be
// made, the interface says so after the first save and reads on (that
// it is said only once is TestStateUnwritableSaidOnce).
func TestEndToEndUnsavableStateSaidOnce(t *testing.T) {
	bin := endToEnd(t)
	blocker := filepath.Join(t.TempDir(), "not-a-folder")
	writeFile(t, filepath.Dir(blocker), filepath.Base(blocker), "")
	s := startTmuxEnv(t, bin, 100, 30, []string{"XDG_STATE_HOME=" + filepath.Join(blocker, "state")})
	s.waitFor("5 documents")
	s.keys("Enter")
	s.waitFor("reading positions are not saved")
	s.keys("J")
	s.waitUntil("the note cleared by the next key", func(sc string) bool {
		return !strings.Contains(sc, "reading positions are not saved")
	})
	s.keys("q", "q")
	s.waitExit(0)
}
