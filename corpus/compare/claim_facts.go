package compare

// factMemo keeps the facts claim discovery extracts, apart from the
// index's own (Index.facts), and only what a fact bonus reads of them: a
// bonus (factBonus) relates a query's measured facts to a candidate's,
// and a measured fact relates to nothing but a measured one, by its kind,
// unit and bounds (Relate). Keeping every fact of every sentence
// discovery read in the index held 7.7 MB at the end of claims on two
// 8 MiB sentences (144 bytes a fact, most of them places and actors),
// for claims that use the facts of their few members only (differs.go);
// measured facts whole held 3.2 MB.
//
// A sentence counts as extracted, as it would in Index.facts, once
// discovery has its facts or has read it as a query (its facts are then
// extracted when first needed), or when the index had them: factBonus
// skips its cheap test (mayState) for those, so the bonuses, and the
// claims, are those the index's cache gave.
type factMemo struct {
	ix       *Index
	done     []uint64 // a bit per sentence: it counts as extracted
	have     []uint64 // a bit per sentence: its measured facts are in measures
	measures map[int32][]measuredFact
}

// measuredFact is what Relate reads of a measured fact.
type measuredFact struct {
	kind      FactKind
	unit      string
	low, high float64
}

func (m measuredFact) fact() Fact { return Fact{Kind: m.kind, Unit: m.unit, Low: m.low, High: m.high} }

func newFactMemo(ix *Index) *factMemo {
	words := (len(ix.sents) + 63) / 64
	return &factMemo{ix: ix, done: make([]uint64, words), have: make([]uint64, words), measures: map[int32][]measuredFact{}}
}

func hasBit(bits []uint64, id int32) bool { return bits[id>>6]&(1<<(id&63)) != 0 }
func setBit(bits []uint64, id int32)      { bits[id>>6] |= 1 << (id & 63) }

// extracted has sentence id count as extracted, as factsOf would, and
// leaves its facts to be read when they are first needed: the bonuses
// are the same, as the facts of a sentence are.
func (m *factMemo) extracted(id int32) { setBit(m.done, id) }

// cached returns a sentence's measured facts if they count as extracted.
func (m *factMemo) cached(id int32) ([]measuredFact, bool) {
	if hasBit(m.have, id) {
		return m.measures[id], true
	}
	f, ok := m.ix.cachedFacts(id)
	if !ok && !hasBit(m.done, id) {
		return nil, false
	}
	if !ok {
		f = ExtractFacts(m.ix.text(id))
	}
	return m.keep(id, f), true
}

// factsOf is Index.factsOf kept in the memo, measured facts only.
func (m *factMemo) factsOf(id int32) []measuredFact {
	if ms, ok := m.cached(id); ok {
		return ms
	}
	return m.keep(id, ExtractFacts(m.ix.text(id)))
}

// queryFacts is factsOf as facts, for a query (prepared.facts).
func (m *factMemo) queryFacts(id int32) []Fact {
	var out []Fact
	for _, ms := range m.factsOf(id) {
		out = append(out, ms.fact())
	}
	return out
}

// keep records the measured facts of a sentence among facts.
func (m *factMemo) keep(id int32, facts []Fact) []measuredFact {
	var kept []measuredFact
	for _, f := range facts {
		if measured(f.Kind) {
			kept = append(kept, measuredFact{f.Kind, f.Unit, f.Low, f.High})
		}
	}
	setBit(m.done, id)
	setBit(m.have, id)
	if len(kept) > 0 {
		m.measures[id] = kept
	}
	return kept
}
