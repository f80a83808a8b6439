package compareview

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"parley/corpus/compare"
	"parley/tui/common"
)

// x in the claims index writes the index as a Markdown coverage table:
// a row per claim, a column per source; the status line says where.
func TestClaimsExportCoverageTable(t *testing.T) {
	p := fixtureClaimsPane(t, 100, 24)
	p.export.dir = t.TempDir()
	p.export.now = func() time.Time { return time.Date(2026, 4, 12, 9, 30, 0, 0, time.UTC) }
	_, cmd := p.Update(keyPress("x"))
	if cmd == nil {
		t.Fatal("x gave no command")
	}
	msg := cmd().(claimsExportedMsg)
	if msg.err != nil {
		t.Fatal(msg.err)
	}
	if !strings.HasSuffix(msg.path, "parley-claims-20260412-093000.md") {
		t.Errorf("export path %q", msg.path)
	}
	md, err := os.ReadFile(msg.path)
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, l := range strings.Split(string(md), "\n") {
		if strings.HasPrefix(l, "| ") && !strings.HasPrefix(l, "| # ") {
			rows++
			if n := strings.Count(l, "●") + strings.Count(l, "○") + strings.Count(l, "≠"); n != len(p.markDocs()) {
				t.Errorf("row %q has %d marks, want one per source (%d)", l, n, len(p.markDocs()))
			}
		}
	}
	if rows != len(p.claims) {
		t.Errorf("%d rows for %d claims:\n%s", rows, len(p.claims), md)
	}
	if !strings.Contains(string(md), "| 2 | Where the talks took place | curated | ● | ● | ● | ● | ● |") {
		t.Errorf("the curated claim's row is not as listed:\n%s", md)
	}
	p.Update(msg)
	if v := ansi.Strip(p.View()); !strings.Contains(v, "exported to") || !strings.Contains(v, "parley-claims-") {
		t.Errorf("the status line does not report the export:\n%s", v)
	}
	p.Update(keyPress("j"))
	if v := ansi.Strip(p.View()); strings.Contains(v, "exported to") {
		t.Errorf("the export's status stays after the next key")
	}
}

// e is offered (in the footer and the full help) only where there is a
// curated layer to turn on or off.
func TestCuratedKeyOnlyWithACuratedLayer(t *testing.T) {
	has := func(g common.KeyGroup) (short, full bool) {
		for _, b := range g.Short {
			short = short || b.Help().Key == "e"
		}
		for _, grp := range g.Full {
			for _, b := range grp {
				full = full || b.Help().Key == "e"
			}
		}
		return
	}
	with := fixtureClaimsPane(t, 80, 24)
	if s, f := has(with.Keys().(common.KeyGroup)); !s || !f {
		t.Errorf("with a curated layer, e is not offered: short %v, full %v", s, f)
	}
	without := NewClaimsPane(common.New(true), NewEngine(fixtureDocs(), nil))
	if s, f := has(without.Keys().(common.KeyGroup)); s || f {
		t.Errorf("without a curated layer, e is offered: short %v, full %v", s, f)
	}
	cp := NewComparePane(common.New(true), NewEngine(fixtureDocs(), []compare.CuratedClaim(nil)))
	if s, f := has(cp.Keys().(common.KeyGroup)); s || f {
		t.Errorf("compare without a curated layer offers e: short %v, full %v", s, f)
	}
}
