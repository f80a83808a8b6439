package compare

import "slices"

// A claim's sources may make one point with different figures: "909 km"
// in one, "more than 1,000 km" in another. Differs names those facts, so
// where the sources disagree shows at a glance (≠ in the claims index
// and the claims output).

// FactDiff is a fact of one source of a claim and the fact of another
// source it disagrees with.
type FactDiff struct {
	Docs  [2]int // the two documents, in document order
	Facts [2]Fact
}

// comparedInClaims are the kinds whose disagreement is worth showing:
// measured facts and places. Actors are never set against each other
// (several take part in one event).
func comparedInClaims(k FactKind) bool { return measured(k) || k == KindPlace }

// differs finds the facts on which the sources of a claim (its sentences
// ids) disagree: for two sources, a fact of one that is different from
// a comparable fact of the other, when neither has a counterpart in the
// other source that it agrees with ("from 5% to 7%" against "7%" is no
// disagreement).
func (ix *Index) differs(ids []int32) []FactDiff {
	byDoc := map[int][]Fact{}
	var docs []int
	for _, id := range ids {
		d := int(ix.sents[id].doc)
		if _, ok := byDoc[d]; !ok {
			docs = append(docs, d)
			byDoc[d] = nil
		}
		for _, f := range ix.factsRead(id) {
			if comparedInClaims(f.Kind) {
				byDoc[d] = append(byDoc[d], f)
			}
		}
	}
	for d, fs := range byDoc {
		byDoc[d] = singlePlace(fs)
	}
	slices.Sort(docs)
	var out []FactDiff
	for i, da := range docs {
		for _, db := range docs[i+1:] {
			for _, fd := range disagreements(da, db, byDoc[da], byDoc[db]) {
				if !slices.ContainsFunc(out, fd.sameAs) {
					out = append(out, fd)
				}
			}
		}
	}
	return out
}

// factsRead is factsOf without keeping what it extracts: differs reads
// the facts of every statement of every claim once, and kept they were
// what claim discovery held most on two 8 MiB sentences once its 12,000
// units were spread over both (10.8 MB of full facts for 5,223 claims,
// the process at 70 MiB rather than 63). The facts are the same either
// way.
func (ix *Index) factsRead(id int32) []Fact {
	if f, ok := ix.cachedFacts(id); ok {
		return f
	}
	return ExtractFacts(ix.text(id))
}

// sameAs says whether two differences set the same words against each
// other (a source stating its figure in two sentences).
func (d FactDiff) sameAs(o FactDiff) bool {
	return d.Docs == o.Docs && d.Facts[0].Text == o.Facts[0].Text && d.Facts[1].Text == o.Facts[1].Text
}

// singlePlace keeps a source's places only when it names one place for
// the claim: places listed together ("Qatar, Türkiye and the Gulf
// states") are an enumeration, not where the point happened.
func singlePlace(fs []Fact) []Fact {
	names := map[string]bool{}
	for _, f := range fs {
		if f.Kind == KindPlace {
			names[f.Name] = true
		}
	}
	if len(names) <= 1 {
		return fs
	}
	return slices.DeleteFunc(fs, func(f Fact) bool { return f.Kind == KindPlace })
}

// disagreements lists the facts of a (from document da) that differ from
// one of b's (from db) and agree with none of them, each with the first
// fact of b it differs from, when that fact agrees with none of a's.
func disagreements(da, db int, a, b []Fact) []FactDiff {
	var out []FactDiff
	for _, fa := range a {
		if agreesWithAny(fa, b) {
			continue
		}
		for _, fb := range b {
			if Relate(fa, fb) == Different && !agreesWithAny(fb, a) {
				out = append(out, FactDiff{Docs: [2]int{da, db}, Facts: [2]Fact{fa, fb}})
				break
			}
		}
	}
	return out
}

func agreesWithAny(f Fact, others []Fact) bool {
	for _, o := range others {
		if r := Relate(f, o); r == Same || r == Compatible {
			return true
		}
	}
	return false
}
