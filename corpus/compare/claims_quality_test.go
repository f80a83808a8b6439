package compare

import (
	"testing"

	"parley/corpus"
)

// TestClaimsQuality measures the discovered claims (engine alone)
// against the labelled set: a pair of statements of two sources that a
// discovered claim puts together is right when a labelled claim holds
// both, loose when only a theme does, and wrong when both sentences are
// labelled but never together (pairs of unlabelled sentences are not
// counted). Recall is the share of the labelled claims that some
// discovered claim finds: it puts together statements of the labelled
// claim from two sources.
func TestClaimsQuality(t *testing.T) {
	docs := seedDocs(t)
	l := resolveLabelled(t, docs)
	shipped := measureClaims(l, build(docs, Options{EngineOnly: true}, shippedTuning()).Claims())
	// Floors at the measured figures (0.51 and 0.366), so a change that
	// makes discovery worse fails.
	if shipped.precision() < 0.5 || shipped.recall < 0.36 {
		t.Errorf("discovered claims: precision %.2f (want >= 0.50), recall %.3f (want >= 0.36)", shipped.precision(), shipped.recall)
	}
	for _, th := range []float64{0.15, 0.2, 0.25, 0.3, 0.35, 0.4} {
		for _, ms := range []int{2, 3, 4} {
			ix := build(docs, Options{EngineOnly: true}, tuned(func(u *tuning) { u.claimThreshold, u.claimShared = th, ms }))
			f := measureClaims(l, ix.Claims())
			t.Logf("claim threshold %.2f, %d shared words: %d claims; pairs right %d, loose %d, wrong %d, unlabelled %d; precision %.2f; recall %.3f",
				th, ms, f.claims, f.right, f.loose, f.wrong, f.unlabelled, f.precision(), f.recall)
		}
	}
}

type claimFigures struct {
	claims                          int
	right, loose, wrong, unlabelled int
	recall                          float64
}

// precision counts loose pairs as half right.
func (f claimFigures) precision() float64 {
	n := f.right + f.loose + f.wrong
	if n == 0 {
		return 0
	}
	return (float64(f.right) + 0.5*float64(f.loose)) / float64(n)
}

func measureClaims(l labelled, claims []Claim) claimFigures {
	groupsOf := func(groups [][][]corpus.Loc) map[corpus.Loc][]int {
		m := map[corpus.Loc][]int{}
		for g, per := range groups {
			for _, locs := range per {
				for _, loc := range locs {
					m[loc] = append(m[loc], g)
				}
			}
		}
		return m
	}
	inClaim, inTheme := groupsOf(l.claims), groupsOf(l.themes)
	labelledLoc := map[corpus.Loc]bool{}
	for loc := range inClaim {
		labelledLoc[loc] = true
	}
	for loc := range inTheme {
		labelledLoc[loc] = true
	}
	for _, s := range l.singles {
		labelledLoc[s] = true
	}
	share := func(a, b []int) bool {
		for _, x := range a {
			for _, y := range b {
				if x == y {
					return true
				}
			}
		}
		return false
	}
	f := claimFigures{claims: len(claims)}
	together := map[[2]corpus.Loc]bool{}
	for _, c := range claims {
		var sts []corpus.Loc
		for _, s := range c.Sources {
			for _, st := range s.Statements {
				sts = append(sts, st.Loc)
			}
		}
		for i, a := range sts {
			for _, b := range sts[i+1:] {
				if a.Doc == b.Doc {
					continue
				}
				together[[2]corpus.Loc{a, b}], together[[2]corpus.Loc{b, a}] = true, true
				switch {
				case share(inClaim[a], inClaim[b]):
					f.right++
				case share(inTheme[a], inTheme[b]):
					f.loose++
				case labelledLoc[a] && labelledLoc[b]:
					f.wrong++
				default:
					f.unlabelled++
				}
			}
		}
	}
	found := 0
	for _, per := range l.claims {
		hit := false
		for da, as := range per {
			for db, bs := range per {
				for _, a := range as {
					for _, b := range bs {
						hit = hit || (db != da && together[[2]corpus.Loc{a, b}])
					}
				}
			}
		}
		if hit {
			found++
		}
	}
	if len(l.claims) > 0 {
		f.recall = float64(found) / float64(len(l.claims))
	}
	return f
}
