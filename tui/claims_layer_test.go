package tui

import (
	"strings"
	"testing"

	"parley/corpus/compare"
	"parley/corpus/testcorpus"
)

// e on a story's claims turns the curated layer off there and then: the
// story stays open and lists the engine's claims, not the claims found
// with the layer on (the user's among them) under "[engine only]".
func TestCuratedLayerKeyOnAStorysClaims(t *testing.T) {
	dir := testcorpus.ClaimsFolder(t)
	m := folderModel(t, dir)
	driveKeys(m, "enter", "v", "c", "a")
	drive(m, ctrlU)
	for _, r := range "Venue" {
		drive(m, keyMsg(string(r)))
	}
	driveKeys(m, "enter", "esc", "esc", "esc")
	runAll(m, findStories(m.corpus.Docs), 0)
	driveKeys(m, "&", "C")
	p := m.claimsIndex
	if !p.StoryMode() || p.OnStories() || !hasUserClaim(p.Claims()) {
		t.Fatalf("story mode %v, on stories %v, claims %d: want the story's claims with the user's", p.StoryMode(), p.OnStories(), len(p.Claims()))
	}
	driveKeys(m, "e")
	if p.OnStories() || m.focus != focusClaims {
		t.Fatalf("e left the story's claims (on stories %v, focus %v)", p.OnStories(), m.focus)
	}
	if hasUserClaim(p.Claims()) {
		t.Fatalf("with the curated layer off the story still lists the user's claim:\n%s", screen(m))
	}
	driveKeys(m, "e")
	if !hasUserClaim(p.Claims()) {
		t.Fatalf("the curated layer on again, the user's claim is not back:\n%s", screen(m))
	}
}

func hasUserClaim(claims []compare.Claim) bool {
	for _, c := range claims {
		if c.Origin == compare.OriginUser {
			return true
		}
	}
	return false
}

// On the stories list, x says it exports one story's claims, and e says
// there is no curated layer here, rather than doing nothing.
func TestStoriesListExplainsXAndE(t *testing.T) {
	m := storyModel(t, 100, 30)
	pressAll(m, "C")
	if !m.claimsIndex.OnStories() {
		t.Fatal("the index does not open on the stories")
	}
	pressAll(m, "x")
	if s := screen(m); !strings.Contains(s, "x exports one story's claims: enter opens it") {
		t.Fatalf("x on the stories:\n%s", s)
	}
	pressAll(m, "e")
	if s := screen(m); !strings.Contains(s, "no curated claims for this corpus") {
		t.Fatalf("e on the stories:\n%s", s)
	}
	pressAll(m, "j")
	if s := screen(m); !strings.Contains(s, "claims found in") {
		t.Fatalf("the next key does not bring back the progress:\n%s", s)
	}
}
