//go:build unix

package main

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"parley/corpus/testcorpus"
)

// The workbench in a real terminal: open a folder, compare a sentence,
// keep statements of two other sources in a new claim, quit; parley
// opened again lists the claim as the user's with its three sources, and
// so does parley claims --json.
func TestEndToEndClaimsKeptAcrossRuns(t *testing.T) {
	bin := endToEnd(t)
	dir := testcorpus.ClaimsFolder(t)
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
