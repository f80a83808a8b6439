package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The workbench in a real terminal: open a folder, compare a sentence,
// keep statements of two other sources in a new claim, quit; parley
// opened again lists the claim as the user's with its three sources, and
// so does parley claims --json.
func TestEndToEndClaimsKeptAcrossRuns(t *testing.T) {
	t.Parallel() // each runs its own tmux server; they mostly wait on the terminal
	if testing.Short() {
		t.Skip("end-to-end")
	}
	bin := buildParley(t)
	dir := claimsFolder(t)
	s := startTmux(t, bin, 120, 30, dir)
	s.waitFor("3 documents")
	s.keys("Enter", "v", "c")
	s.waitFor("Compare “", "sentence from")
	s.keys("a")
	s.waitFor("new claim:")
	s.keys("C-u")
	s.typeText("Venue")
	s.keys("Enter")
	s.waitFor("claim: Venue · yours")
	s.keys("j", "a")
	s.waitFor("kept in “Venue”")
	s.keys("C-c")
	s.waitFor("[parley exited 0]")

	again := startTmux(t, bin, 120, 30, dir)
	again.waitFor("3 documents")
	again.keys("C")
	screen := again.waitFor("1 yours", "Venue")
	if !strings.Contains(screen, "●●●   yours   Venue") {
		t.Fatalf("the claim is not listed first with its three sources:\n%s", screen)
	}

	out, err := exec.Command(bin, "claims", "--json", dir).Output()
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Claims []struct {
			Label   string `json:"label"`
			Origin  string `json:"origin"`
			Sources []struct {
				File string `json:"file"`
			} `json:"sources"`
		} `json:"claims"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Claims) == 0 || got.Claims[0].Label != "Venue" || got.Claims[0].Origin != "user" || len(got.Claims[0].Sources) != 3 {
		t.Fatalf("parley claims --json: %s", out)
	}
}

// claimsFolder writes three sources that speak of one meeting.
func claimsFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"news", "oped"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, dir, "news/a.txt", "Talks in Islamabad\n\nThe delegations met in Islamabad on Saturday for direct talks. Oil prices rose.\n")
	writeFile(t, dir, "oped/b.txt", "A view on the talks\n\nIslamabad hosted the direct talks between the delegations on Saturday. The mood was calm.\n")
	writeFile(t, dir, "c.txt", "Third source\n\nThe delegations held direct talks in Islamabad over the weekend. Nobody walked out.\n")
	return dir
}
