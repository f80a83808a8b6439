package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"
)

// TestMain keeps the tests away from the user's own claims files: the
// seeds' file lives in the XDG data directory. The tmux tests overlap,
// and the binaries built for them are removed at the end.
func TestMain(m *testing.M) {
	overlapEndToEnd()
	dir, err := os.MkdirTemp("", "parley-main-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_DATA_HOME", dir)
	os.Setenv("PARLEY_CACHE_DIR", dir+"/cache")
	os.Unsetenv("PARLEY_CLAIMS_FILE")
	xdg.Reload()
	code := m.Run()
	os.RemoveAll(dir)
	removeParleyBuilds()
	os.Exit(code)
}

// A folder's .parley/claims.json is its curated layer: listed first by
// parley claims, with "origin": "user"; a stale quote and a broken file
// are reported on stderr, and the command still answers.
func TestClaimsFileOfAFolder(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"news/a.txt": "Talks in Islamabad\n\nThe talks were held in Islamabad on Saturday. Oil prices rose.\n",
		"oped/b.txt": "A view\n\nIslamabad hosted the talks over the weekend. The negotiations never failed.\n",
	} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	claims := filepath.Join(dir, ".parley", "claims.json")
	os.MkdirAll(filepath.Dir(claims), 0o755)
	os.WriteFile(claims, []byte(`{"claims":[{"label":"Venue","quotes":{
		"news/a.txt":["held in Islamabad"],
		"oped/b.txt":["Islamabad hosted the talks", "a sentence edited away"]}}]}`), 0o644)

	out, errOut, err := run(t, "claims", "--json", dir)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Claims []struct {
			Label   string `json:"label"`
			Curated bool   `json:"curated"`
			Origin  string `json:"origin"`
			Sources []struct {
				File string `json:"file"`
			} `json:"sources"`
		} `json:"claims"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Claims) == 0 || got.Claims[0].Label != "Venue" || !got.Claims[0].Curated || got.Claims[0].Origin != "user" || len(got.Claims[0].Sources) != 2 {
		t.Fatalf("first claim %+v", got.Claims)
	}
	if !strings.Contains(errOut, `quote no longer found in oped/b.txt: "a sentence edited away"`) {
		t.Errorf("stale quote not reported: %q", errOut)
	}
	if out, _, _ := run(t, "claims", "--engine-only", dir); strings.Contains(out, "Venue") {
		t.Errorf("--engine-only lists the user's claim:\n%s", out)
	}
	if out, _, _ := run(t, "compare", "Islamabad hosted the talks", dir); !strings.Contains(out, "Your claim: Venue") || !strings.Contains(out, "[yours]") {
		t.Errorf("compare does not show the user's claim:\n%s", out)
	}

	os.WriteFile(claims, []byte(`{"claims": [`), 0o644)
	out, errOut, err = run(t, "claims", dir)
	if err != nil || !strings.Contains(errOut, claims) || !strings.Contains(errOut, "broken") {
		t.Fatalf("broken file: err %v, stderr %q", err, errOut)
	}
	if raw, _ := os.ReadFile(claims); string(raw) != `{"claims": [` {
		t.Errorf("the broken file was changed: %q", raw)
	}
}

// claims --markdown says, as the text output does, when there is no
// claim to list, rather than writing nothing or a bare heading.
func TestClaimsMarkdownWithoutClaims(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Solo headline\n\nOnly one document here about the harbour.\n"), 0o644)
	out, _, err := run(t, "claims", "--markdown", dir)
	if err != nil || !strings.Contains(out, "no claims to share") {
		t.Errorf("one document: %v, output %q", err, out)
	}
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Other headline\n\nThe harbour reopened on Monday after the storm.\n"), 0o644)
	out, _, err = run(t, "claims", "--markdown", dir)
	if err != nil || strings.HasSuffix(out, "## Claims\n\n") {
		t.Errorf("a story with no claim: %v, output %q", err, out)
	}
}
