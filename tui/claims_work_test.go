package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/adrg/xdg"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/corpus/compare/claimsfile"
	"parley/corpus/testcorpus"
)

// TestMain keeps every test away from the user's own claims files (the
// seeds' one is in the XDG data directory).
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "parley-tui-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_DATA_HOME", dir)
	os.Setenv(corpus.CacheDirEnv, filepath.Join(dir, "cache"))
	os.Unsetenv(claimsfile.EnvFile)
	xdg.Reload()
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func waitOutput(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// waitFile polls the claims file until ok holds of it: a running
// program writes it in a command, a moment after the key.
func waitFile(t *testing.T, path string, ok func(f *claimsfile.File) bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		f, err := claimsfile.Read(path)
		if err == nil && ok(f) {
			return
		}
		if time.Now().After(deadline) {
			raw, _ := os.ReadFile(path)
			t.Fatalf("the claims file never got there: %s", raw)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// keep / drop / rename / undo in the compare view, through a running
// program: each change is saved at once in the folder's claims file, the
// view shows the claim as the user's, and u takes back the last change.
func TestFlowClaimsWorkbench(t *testing.T) {
	dir := testcorpus.ClaimsFolder(t)
	tm := teatest.NewTestModel(t, newModel([]string{dir}, filepath.Join(t.TempDir(), "state.json")), teatest.WithInitialTermSize(160, 40))
	waitOutput(t, tm, "3 documents")

	// The first document in the list, its first sentence, compared; the
	// statement selected (another source's) kept in a new claim named
	// "Venue"; the next one kept too, then dropped; the claim renamed,
	// and the rename undone. Keys come as fast as they are typed: those
	// that come while the view is redone wait for it.
	path := filepath.Join(dir, ".parley", "claims.json")
	sendKeys(tm, "enter", "v", "c", "a")
	tm.Send(ctrlU)
	typeFlow(tm, "Venue")
	sendKeys(tm, "enter", "j", "a", "d", "r")
	tm.Send(ctrlU)
	typeFlow(tm, "Where they met")
	sendKeys(tm, "enter")
	waitFile(t, path, func(f *claimsfile.File) bool { return f.Find("Where they met") >= 0 })
	sendKeys(tm, "u")
	waitFile(t, path, func(f *claimsfile.File) bool { return f.Find("Venue") >= 0 })
	sendKeys(tm, "ctrl+c")
	m := finalModel(t, tm)

	f, err := claimsfile.Read(filepath.Join(dir, ".parley", "claims.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Claims) != 1 || f.Claims[0].Label != "Venue" {
		t.Fatalf("claims file after undoing the rename: %+v", f.Claims)
	}
	c := f.Claims[0]
	kept, rejected := 0, 0
	for _, qs := range c.Quotes {
		kept += len(qs)
	}
	for _, qs := range c.Rejected {
		rejected += len(qs)
	}
	if kept != 2 || rejected != 1 {
		t.Fatalf("kept %d, rejected %d: %+v", kept, rejected, c)
	}
	for key := range c.Quotes {
		if key != "news/a.txt" && key != "oped/b.txt" && key != "c.txt" {
			t.Fatalf("quotes keyed %v, want paths in the folder", c.Quotes)
		}
	}
	if len(m.claims.undo) != 3 {
		t.Fatalf("%d changes left to undo, want 3 (new claim, keep, drop)", len(m.claims.undo))
	}
}

var ctrlU = tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}

func typeFlow(tm *teatest.TestModel, s string) {
	for _, r := range s {
		tm.Send(keyMsg(string(r)))
	}
}

// drive runs Update and every message its commands produce, in order,
// as a Program would, so a test sees each change of the claims through.
func drive(m *Model, msg tea.Msg) {
	_, cmd := m.Update(msg)
	runAll(m, cmd, 0)
}

func runAll(m *Model, cmd tea.Cmd, depth int) {
	if cmd == nil || depth > 16 {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			runAll(m, c, depth+1)
		}
	default:
		_, next := m.Update(msg)
		runAll(m, next, depth+1)
	}
}

// folderModel is a 160×40 model with the folder dir loaded.
func folderModel(t *testing.T, dir string) *Model {
	t.Helper()
	c, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m := newModel([]string{dir}, filepath.Join(t.TempDir(), "state.json"))
	drive(m, tea.WindowSizeMsg{Width: 160, Height: 40})
	drive(m, loadedMsg{c: c})
	return m
}

func driveKeys(m *Model, keys ...string) {
	for _, k := range keys {
		drive(m, keyMsg(k))
	}
}

// The workbench as the user sees it: the compare view marks the user's
// claim and its statements "yours", the claims index lists it first with
// its coverage, D asks before deleting, u brings it back, and the
// reader's a adds a sentence to a claim picked fuzzily.
func TestClaimsWorkbenchViews(t *testing.T) {
	dir := testcorpus.ClaimsFolder(t)
	m := folderModel(t, dir)
	driveKeys(m, "enter", "v", "c", "a")
	if s := screen(m); !strings.Contains(s, "new claim: delegations") {
		t.Fatalf("a with no claim asks for a label, the engine's by default:\n%s", s)
	}
	drive(m, ctrlU)
	for _, r := range "Venue" {
		drive(m, keyMsg(string(r)))
	}
	driveKeys(m, "enter")
	s := screen(m)
	if !strings.Contains(s, "claim: Venue · yours") || strings.Count(s, "yours") < 3 || !strings.Contains(s, "saved in "+dir) {
		t.Fatalf("after keeping, the view shows the user's claim:\n%s", s)
	}
	p := m.compareView
	if p.Result().Claim == nil || p.Result().Claim.Origin != compare.OriginUser {
		t.Fatalf("claim %+v", p.Result().Claim)
	}

	driveKeys(m, "C")
	s = screen(m)
	if !strings.Contains(s, "1 yours") || !strings.Contains(s, "▌○●●   yours   Venue") {
		t.Fatalf("the claims index lists the user's claim first with its coverage:\n%s", s)
	}
	driveKeys(m, "D")
	if s = screen(m); !strings.Contains(s, "delete your claim “Venue”? (y/n)") {
		t.Fatalf("D asks first:\n%s", s)
	}
	driveKeys(m, "n")
	if f, _ := claimsfile.Read(filepath.Join(dir, ".parley", "claims.json")); f.Find("Venue") < 0 {
		t.Fatal("n deleted the claim")
	}
	driveKeys(m, "D", "y")
	if f, _ := claimsfile.Read(filepath.Join(dir, ".parley", "claims.json")); len(f.Claims) != 0 {
		t.Fatalf("y did not delete: %+v", f.Claims)
	}
	if s = screen(m); strings.Contains(s, "yours   Venue") || !strings.Contains(s, "deleted “Venue” (u undoes)") {
		t.Fatalf("the deleted claim is still listed:\n%s", s)
	}
	driveKeys(m, "u")
	if s = screen(m); !strings.Contains(s, "yours   Venue") {
		t.Fatalf("u did not bring the claim back:\n%s", s)
	}

	// The reader: the sentence cursor's a opens the picker; typing
	// narrows it fuzzily, enter adds the sentence to the claim.
	for i := 0; m.focus != focusReader && i < 5; i++ {
		if m.focus == focusList {
			driveKeys(m, "enter")
		} else {
			driveKeys(m, "esc")
		}
	}
	if !m.reader.cursor.on { // back from compare, the cursor is where it was
		driveKeys(m, "v")
	}
	driveKeys(m, ")", "a")
	if m.picker == nil || !strings.Contains(screen(m), "Add to a claim") {
		t.Fatalf("no picker (focus %v, cursor %v, note %q):\n%s", m.focus, m.reader.cursor, m.note, screen(m))
	}
	for _, r := range "vne" {
		drive(m, keyMsg(string(r)))
	}
	if len(m.picker.matches) != 1 || m.picker.matches[0] != "Venue" {
		t.Fatalf("fuzzy matches %v", m.picker.matches)
	}
	driveKeys(m, "enter")
	f, _ := claimsfile.Read(filepath.Join(dir, ".parley", "claims.json"))
	if n := len(f.Claims[0].Quotes[claimsKeyOf(m, m.reader.docIdx)]); n != 2 {
		t.Fatalf("the sentence was not added: %+v", f.Claims)
	}
	if m.picker != nil || !strings.Contains(m.note, "added to “Venue”") {
		t.Fatalf("picker %v, note %q", m.picker, m.note)
	}
}

func claimsKeyOf(m *Model, doc int) string { return m.claims.layer.Key(m.corpus.Docs[doc]) }

// A broken claims file is named in the interface (and kept for stderr),
// left as it is, and never written over; parley works without it.
func TestBrokenClaimsFileInTheInterface(t *testing.T) {
	dir := testcorpus.ClaimsFolder(t)
	path := filepath.Join(dir, ".parley", "claims.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(`{"claims": [`), 0o644); err != nil {
		t.Fatal(err)
	}
	m := folderModel(t, dir)
	if !strings.Contains(m.note, path) || !strings.Contains(m.note, "broken") || len(m.claimsReport) != 1 {
		t.Fatalf("note %q, report %v", m.note, m.claimsReport)
	}
	driveKeys(m, "enter", "v", "c", "a", "enter")
	if !strings.Contains(m.note, "claims not saved") {
		t.Fatalf("keeping with a broken file: note %q", m.note)
	}
	if raw, _ := os.ReadFile(path); string(raw) != `{"claims": [` {
		t.Fatalf("the broken file changed: %q", raw)
	}
	if p := m.compareView; p.Saving() || p.Result() == nil {
		t.Fatalf("the compare view is stuck: saving %v", p.Saving())
	}
}

// The picker takes every key but ctrl+c, which quits as everywhere; esc
// closes it, and it is drawn at every size exactly.
func TestClaimPickerKeysAndSizes(t *testing.T) {
	m := folderModel(t, testcorpus.ClaimsFolder(t))
	driveKeys(m, "enter", "v", "a")
	if m.picker == nil {
		t.Fatal("a with the sentence cursor opened no picker")
	}
	driveKeys(m, "q")
	if m.picker == nil || m.picker.input.Value() != "q" {
		t.Fatal("q did not reach the picker's prompt")
	}
	for w := 1; w <= 90; w += 7 {
		for h := 1; h <= 30; h += 4 {
			drive(m, tea.WindowSizeMsg{Width: w, Height: h})
			requireSize(t, m.render(), w, h)
		}
	}
	if _, cmd := m.Update(keyMsg("ctrl+c")); cmd == nil {
		t.Fatal("ctrl+c did nothing in the picker")
	}
	driveKeys(m, "esc")
	if m.picker != nil {
		t.Fatal("esc did not close the picker")
	}
}

// Opening one file of a folder: the claims quoting the folder's other
// files are not stale (those files were not opened), so neither the
// status nor the claims index flags them; a quote missing from the file
// that is open still is.
func TestClaimsOfFilesNotOpenedAreNotStale(t *testing.T) {
	dir := testcorpus.ClaimsFolder(t)
	path := filepath.Join(dir, ".parley", "claims.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := claimsfile.Write(path, &claimsfile.File{Claims: []claimsfile.Claim{
		{Label: "Venue", Quotes: map[string][]string{
			"news/a.txt": {"The delegations met in Islamabad on Saturday for direct talks."},
			"oped/b.txt": {"Islamabad hosted the direct talks between the delegations on Saturday."},
		}},
		{Label: "Walkout", Quotes: map[string][]string{"c.txt": {"Nobody walked out."}}},
	}}); err != nil {
		t.Fatal(err)
	}
	open := func(t *testing.T, roots ...string) *Model {
		c, err := corpus.LoadPaths(roots, corpus.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		m := newModel(roots, filepath.Join(t.TempDir(), "state.json"))
		drive(m, tea.WindowSizeMsg{Width: 160, Height: 40})
		drive(m, loadedMsg{c: c})
		return m
	}
	m := open(t, filepath.Join(dir, "c.txt"))
	if strings.Contains(m.note, "no longer found") || !strings.Contains(m.note, "1 of your claims quote files not opened") || len(m.claimsReport) != 0 {
		t.Fatalf("note %q, report %v", m.note, m.claimsReport)
	}
	driveKeys(m, "C")
	if s := screen(m); strings.Contains(s, "yours !") || !strings.Contains(s, "Venue") {
		t.Fatalf("the claims index flags a claim of files not opened:\n%s", s)
	}

	// The quote of the open file edited away: that one is stale.
	writeFile(t, dir, "c.txt", "Third source\n\nThe delegations held direct talks in Islamabad over the weekend.\n")
	m = open(t, filepath.Join(dir, "c.txt"))
	if !strings.Contains(m.note, "1 quote(s) of your claims no longer found") {
		t.Fatalf("note %q", m.note)
	}
	driveKeys(m, "C")
	if s := screen(m); strings.Count(s, "yours !") != 1 {
		t.Fatalf("want only Walkout flagged:\n%s", s)
	}
}

// While a claim's prompt is open the footer names its keys: the label
// prompt's enter accepts, r's renames, D's y deletes, in the compare view
// and in the claims index alike; never the query prompt's "compare".
func TestClaimPromptFooters(t *testing.T) {
	m := folderModel(t, testcorpus.ClaimsFolder(t))
	footer := func(want string) {
		t.Helper()
		s := screen(m)
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		if last := lines[len(lines)-1]; !strings.Contains(last, want) || (want != "enter compare • esc cancel" && strings.Contains(last, "enter compare")) {
			t.Fatalf("footer %q, want %q:\n%s", last, want, s)
		}
	}
	driveKeys(m, "enter", "v", "c", "a")
	footer("enter accept • esc cancel")
	drive(m, ctrlU)
	for _, r := range "Venue" {
		drive(m, keyMsg(string(r)))
	}
	driveKeys(m, "enter", "r")
	footer("enter rename • esc cancel")
	driveKeys(m, "esc", "D")
	footer("y delete • n/esc keep")
	driveKeys(m, "n", "C", "D")
	footer("y delete • n/esc keep")
	driveKeys(m, "n", "r")
	footer("enter rename • esc cancel")
	driveKeys(m, "esc", "/")
	footer("enter compare • esc cancel") // the query prompt's own
}
