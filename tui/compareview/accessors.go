package compareview

import (
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/compare"
)

// What the root, and the tests that drive the whole interface, may read
// of the two panes. The panes change only through Update; these read.

// Result is the comparison shown, nil while it is found.
func (p *ComparePane) Result() *compare.Result { return p.result }

// Query is the statement compared and the sentence it came from, if any.
func (p *ComparePane) Query() (text string, origin *corpus.Loc) {
	return p.query.text, p.query.origin
}

// ClaimLabel is the claim the view was opened on, "" for a sentence or a
// typed query.
func (p *ComparePane) ClaimLabel() string { return p.claimLabel }

// Saving says a change of the claims is on its way to the file.
func (p *ComparePane) Saving() bool { return p.saving }

// Pending is the comparison being found, as a command that finds it now;
// nil when none is being found.
func (p *ComparePane) Pending() tea.Cmd {
	if !p.loading {
		return nil
	}
	return runCompare(p.engine, p.seq, p.query)
}

// SelectWhere selects the first statement, in the order j walks them,
// whose place satisfies at; false when none does.
func (p *ComparePane) SelectWhere(at func(corpus.Loc) bool) bool {
	for i, s := range p.stmts {
		if at(p.result.Sources[p.order[s.col]].Matches[s.match].Loc) {
			p.setSel(i)
			return true
		}
	}
	return false
}

// Claims are the claims listed, of the corpus or of the story open.
func (p *ClaimsPane) Claims() []compare.Claim { return p.claims }

// Loaded says the claims listed are found.
func (p *ClaimsPane) Loaded() bool { return p.loaded }

// Story is the story whose claims are listed: -1 when none is open (the
// stories list, or a corpus of one story), -2 for the tagged set.
func (p *ClaimsPane) Story() int { return p.story }

// StoryClaims says whether story k's claims are found, and whether they
// are being found now.
func (p *ClaimsPane) StoryClaims(k int) (found, running bool) {
	_, found = p.idx.found[k]
	return found, p.idx.running == k
}

// Pending is the claims being found, as a command that finds them now;
// nil when they are found.
func (p *ClaimsPane) Pending() tea.Cmd {
	if p.loaded {
		return nil
	}
	return runClaims(p.engine, p.seq, p.engineOnly)
}
