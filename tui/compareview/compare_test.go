package compareview

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/tui/common"
)

func keyPress(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// fixturePane is a compare pane at w×h showing the fixture comparison.
func fixturePane(t *testing.T, w, h int) *ComparePane {
	t.Helper()
	docs := fixtureDocs()
	curated := []compare.CuratedClaim{{Label: "x", Quotes: map[string][]string{"000": {"x"}, "002": {"x"}}}}
	p := NewComparePane(common.New(true), NewEngine(docs, curated))
	p.SetSize(w, h)
	res := fixtureResult(docs)
	from := res.Sources[0].Matches[0].Loc
	p.Update(common.CompareMsg{Text: res.Query, From: from, HasFrom: true})
	p.Update(compareResultMsg{seq: p.seq, result: res})
	return p
}

// requirePaneSize fails unless view is exactly w×h cells.
func requirePaneSize(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if h == 0 {
		if view != "" {
			t.Fatalf("%dx%d: want an empty view, got %q", w, h, view)
		}
		return
	}
	if len(lines) != h {
		t.Fatalf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Fatalf("%dx%d: line %d is %d cells: %q", w, h, i, got, ansi.Strip(l))
		}
	}
}

func TestCompareGolden80x24(t *testing.T) {
	golden.RequireEqual(t, ansi.Strip(fixturePane(t, 80, 24).View()))
}

func TestCompareGolden160x48(t *testing.T) {
	golden.RequireEqual(t, ansi.Strip(fixturePane(t, 160, 48).View()))
}

func TestCompareGoldenStacked50x30(t *testing.T) {
	golden.RequireEqual(t, ansi.Strip(fixturePane(t, 50, 30).View()))
}

func TestCompareViewExactSize(t *testing.T) {
	for _, w := range []int{0, 1, 2, 5, 20, 40, 62, 63, 64, 80, 99, 120, 160, 213} {
		for _, h := range []int{0, 1, 2, 3, 4, 5, 7, 12, 24, 48} {
			p := fixturePane(t, w, h)
			requirePaneSize(t, p.View(), w, h)
			p.Update(keyPress("j"))
			p.Update(keyPress("l"))
			requirePaneSize(t, p.View(), w, h)
			p.Update(keyPress("/"))
			requirePaneSize(t, p.View(), w, h)
			empty := NewComparePane(common.New(false), NewEngine(fixtureDocs(), nil))
			empty.SetSize(w, h)
			requirePaneSize(t, empty.View(), w, h)
		}
	}
}

func TestCompareColumnsAndPaging(t *testing.T) {
	p := fixturePane(t, 80, 24)
	if n := p.columnsShown(); n != 2 {
		t.Fatalf("80 columns show %d sources side by side, want 2", n)
	}
	v := ansi.Strip(p.View())
	// The origin stays on the left; the sources that speak come next,
	// best first, so the first page already shows one (CUC: in file
	// order it is third, after a silent source).
	for _, want := range []string{"rki.news", "· origin", "CUC / PRCCSF", "909 km", "origin + column 2 of 4 · 2 silent ▸",
		"claim: Pakistan and Iran share a long border · curated", "[curated layer on]", "✓ same  ≈ compatible  ≠ different"} {
		if !strings.Contains(v, want) {
			t.Errorf("80x24 view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "◂") {
		t.Errorf("first page offers a previous page:\n%s", v)
	}
	p.Update(keyPress("l"))
	v = ansi.Strip(p.View())
	if !strings.Contains(v, "◂ origin + column 3 of 4 · 2 silent ▸") || !strings.Contains(v, "RCAS") {
		t.Errorf("after l, want source 3 (RCAS, the other that speaks):\n%s", v)
	}
	if s := p.Selected(); s == nil || s.Loc.Doc != 3 {
		t.Errorf("paging selects the first statement in view, got %+v", s)
	}
	p.Update(keyPress("l"))
	v = ansi.Strip(p.View())
	// The two silent sources share one column: one page, not two.
	if !strings.Contains(v, "◂ origin + column 4 of 4 · 2 silent") || strings.Contains(v, "▸") || !strings.Contains(v, "Title of 001_explainer") || !strings.Contains(v, "silent: 2 sources") {
		t.Errorf("after l l, want the silent sources in one column, the last page:\n%s", v)
	}
	wide := fixturePane(t, 160, 48)
	if wide.columnsShown() != 4 || !strings.Contains(ansi.Strip(wide.View()), "origin + columns 2–4 of 4 · 2 silent") {
		t.Errorf("160 columns show %d sources, want 4:\n%s", wide.columnsShown(), ansi.Strip(wide.View()))
	}
	if narrow := fixturePane(t, 50, 30); !narrow.stacked() || !strings.Contains(ansi.Strip(narrow.View()), "5 sources · 2 silent") {
		t.Error("50 columns: want the sources stacked")
	}
}

func TestCompareEnterOpensSelectedStatement(t *testing.T) {
	p := fixturePane(t, 80, 24)
	// The first statement of a source other than the origin is selected.
	want := []corpus.Loc{{Doc: 2, Block: 0, Sentence: 1}, {Doc: 2, Block: 0, Sentence: 0}, {Doc: 3, Block: 0, Sentence: 1}, {Doc: 3, Block: 1, Sentence: 0}, {Doc: 3, Block: 1, Sentence: 0}}
	for i, loc := range want {
		if i > 0 {
			p.Update(keyPress("j"))
		}
		p.Update(keyPress("enter"))
		nav := p.TakeNav()
		if len(nav) != 1 {
			t.Fatalf("step %d: enter sent %v, want one OpenMsg", i, nav)
		}
		msg, ok := nav[0].(common.OpenMsg)
		if !ok || msg.Loc != loc || !msg.Highlight {
			t.Errorf("step %d: enter sent %#v, want OpenMsg at %+v with highlight", i, msg, loc)
		}
	}
	p.Update(keyPress("g"))
	if s := p.Selected(); s == nil || s.Loc.Doc != 0 {
		t.Errorf("g selects the origin's sentence, got %+v", s)
	}
	p.Update(keyPress("esc"))
	if nav := p.TakeNav(); len(nav) != 1 || nav[0] != (common.BackMsg{}) {
		t.Errorf("esc sent %v, want BackMsg", nav)
	}
}

func TestCompareDropsStaleResults(t *testing.T) {
	p := fixturePane(t, 80, 24)
	old := p.seq
	p.Update(common.CompareMsg{Text: "something else"})
	p.Update(compareResultMsg{seq: old, result: compare.Result{Query: "stale"}})
	if !p.loading {
		t.Error("a result of an older query replaced the pending one")
	}
}

func TestCompareTypedQueryAndToggle(t *testing.T) {
	p := fixturePane(t, 80, 24)
	p.Update(keyPress("/"))
	if !p.prompt.typing {
		t.Fatal("/ did not open the query input")
	}
	for _, r := range "909 km border" {
		p.Update(keyPress(string(r)))
	}
	_, cmd := p.Update(keyPress("enter"))
	if cmd == nil || p.query.text != "909 km border" || p.query.origin != nil || !p.loading {
		t.Fatalf("typed query: cmd=%v query=%+v loading=%v", cmd != nil, p.query, p.loading)
	}
	if v := ansi.Strip(p.View()); !strings.Contains(v, "typed query") || !strings.Contains(v, "comparing…") {
		t.Errorf("view while comparing a typed query:\n%s", v)
	}
	_, cmd = p.Update(keyPress("e"))
	if cmd == nil {
		t.Fatal("e gave no command")
	}
	layer, ok := cmd().(curatedLayerMsg)
	if !ok || !layer.engineOnly {
		t.Fatalf("e sent %#v, want the curated layer off", layer)
	}
	_, cmd = p.Update(layer)
	if !p.engineOnly || cmd == nil || !p.query.engineOnly {
		t.Fatalf("e: engineOnly=%v, query re-run=%v", p.engineOnly, cmd != nil)
	}
	if v := ansi.Strip(p.View()); !strings.Contains(v, "[engine only]") {
		t.Errorf("engine-only view does not say so:\n%s", v)
	}
}

func TestCompareExportWritesMarkdown(t *testing.T) {
	p := fixturePane(t, 80, 24)
	p.exportDir = t.TempDir()
	p.now = func() time.Time { return time.Date(2026, 4, 12, 9, 30, 0, 0, time.UTC) }
	_, cmd := p.Update(keyPress("x"))
	if cmd == nil {
		t.Fatal("x gave no command")
	}
	msg := cmd().(compareExportedMsg)
	if msg.err != nil {
		t.Fatal(msg.err)
	}
	if !strings.HasSuffix(msg.path, "parley-compare-20260412-093000.md") {
		t.Errorf("export path %q", msg.path)
	}
	md, err := os.ReadFile(msg.path)
	if err != nil {
		t.Fatal(err)
	}
	// The export is the comparison on screen: the query, the quotes of
	// the sources and their fact marks, and who is silent.
	for _, want := range []string{"Pakistan and Iran share more than 900 kilometers", "909 km long border", "CUC / PRCCSF", "≈", "ilent"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("export lacks %q:\n%s", want, md)
		}
	}
	p.Update(msg)
	if v := ansi.Strip(p.View()); !strings.Contains(v, "exported to") {
		t.Errorf("status does not report the export:\n%s", v)
	}
	// A second export in the same second gets a name of its own and
	// leaves the first as it was.
	again := cmd().(compareExportedMsg)
	if again.err != nil || again.path == msg.path {
		t.Errorf("second export in the same second: %q, %v", again.path, again.err)
	}
	if md2, _ := os.ReadFile(msg.path); string(md2) != string(md) {
		t.Error("the second export changed the first")
	}
}

// The status names the exported file absolutely, even when it was
// written to the current directory.
func TestCompareExportReportsAbsolutePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	p := fixturePane(t, 200, 24)
	p.now = func() time.Time { return time.Date(2026, 4, 12, 9, 30, 0, 0, time.UTC) }
	_, cmd := p.Update(keyPress("x"))
	msg := cmd().(compareExportedMsg)
	if msg.err != nil {
		t.Fatal(msg.err)
	}
	want := filepath.Join(dir, "parley-compare-20260412-093000.md")
	if !filepath.IsAbs(msg.path) || msg.path != want {
		t.Errorf("export path %q, want %q", msg.path, want)
	}
	p.Update(msg)
	if v := ansi.Strip(p.View()); !strings.Contains(v, "exported to "+want) {
		t.Errorf("status does not name the absolute path %q:\n%s", want, v)
	}
}

// A query is echoed in the header: control bytes in it must reach the
// terminal as visible text, never as a sequence.
func TestCompareEchoesQuerySafely(t *testing.T) {
	p := fixturePane(t, 80, 24)
	p.Update(common.CompareMsg{Text: "border\x1b[2J\x07 talks"})
	v := p.View()
	if strings.Contains(v, "\x1b[2J") || strings.Contains(v, "\x07") {
		t.Fatalf("control sequence from the query reached the view: %q", strings.SplitN(v, "\n", 2)[0])
	}
	if !strings.Contains(ansi.Strip(v), "border^[[2J") {
		t.Errorf("the escape is not shown as caret text:\n%s", ansi.Strip(v))
	}
}

// The view is cached between frames, but every change it draws from
// shows at once: a new selection, a page sideways, a new size.
func TestCompareViewCacheFollowsState(t *testing.T) {
	p := fixturePane(t, 80, 24)
	before := p.View()
	if again := p.View(); again != before {
		t.Fatal("two frames of an unchanged pane differ")
	}
	p.Update(keyPress("j"))
	afterMove := p.View()
	if afterMove == before {
		t.Error("moving to the next statement did not change the view")
	}
	p.Update(keyPress("l"))
	if p.View() == afterMove {
		t.Error("paging sideways did not change the view")
	}
	p.SetSize(100, 30)
	if got := p.View(); strings.Count(got, "\n") != 29 {
		t.Errorf("after a resize the view has %d lines, want 30", strings.Count(got, "\n")+1)
	}
}

// On a narrow terminal the sources are stacked; whichever statement is
// selected, its source is named on screen, pinned at the top of the
// statements when its own heading has scrolled away.
func TestCompareStackedNamesSelectedSource(t *testing.T) {
	for _, sz := range [][2]int{{40, 10}, {40, 12}, {50, 14}, {30, 8}, {45, 30}} {
		p := fixturePane(t, sz[0], sz[1])
		if !p.stacked() {
			t.Fatalf("%dx%d is not stacked", sz[0], sz[1])
		}
		for i := range p.stmts {
			p.setSel(i)
			lines := strings.Split(ansi.Strip(p.View()), "\n")
			requirePaneSize(t, p.View(), sz[0], sz[1])
			rule := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "───") })
			body := strings.Join(lines[rule+1:], "\n")
			name := p.sourceName(p.Selected().Loc.Doc)
			name = ansi.Truncate(name, sz[0]-1, "")
			if !strings.Contains(body, name) {
				t.Errorf("%dx%d, statement %d: its source %q is not named:\n%s", sz[0], sz[1], i, name, strings.Join(lines, "\n"))
			}
			if !strings.Contains(body, "▌") {
				t.Errorf("%dx%d, statement %d: the selection is not in view:\n%s", sz[0], sz[1], i, strings.Join(lines, "\n"))
			}
		}
	}
}

func TestCompareGoldenStacked40x12(t *testing.T) {
	p := fixturePane(t, 40, 12)
	p.Update(keyPress("j"))
	golden.RequireEqual(t, ansi.Strip(p.View()))
}
