package compareview

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"parley/corpus/compare"
	"parley/tui/common"
)

// A statement with one fact more than are shown says "… and 1 more
// fact", and with two "… and 2 more facts".
func TestMoreFactsAgreesWithItsCount(t *testing.T) {
	p := NewComparePane(common.New(true), NewEngine(fixtureDocs(), nil))
	for more, want := range map[int]string{1: "… and 1 more fact", 2: "… and 2 more facts"} {
		var m compare.Match
		for i := range compareMaxFacts + more {
			f := compare.Fact{Kind: compare.KindLength, Text: fmt.Sprintf("%d km", 100+i)}
			m.Facts = append(m.Facts, compare.FactMark{Fact: f, Relation: compare.Different, Against: &f})
		}
		lines := p.factLines(m, 80)
		if got := ansi.Strip(lines[len(lines)-1]); strings.TrimSpace(got) != want {
			t.Errorf("%d facts more: last line %q, want %q", more, got, want)
		}
	}
}
