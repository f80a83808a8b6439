package compare

import (
	"math"
	"sort"
	"testing"

	"parley/corpus"
)

// BenchmarkQualityAblation is a report, not a check: it logs the engine
// with and without its silence decision, the shared-words floor, the
// TF-IDF baseline, and the silence threshold sweep the engine was
// calibrated by, with a cross-validation of that choice. Run it with
// go test ./corpus/compare -run '^$' -bench QualityAblation -benchtime 1x -v
func BenchmarkQualityAblation(b *testing.B) {
	for range b.N {
		qualityAblation(b)
	}
}

func qualityAblation(t testing.TB) {
	docs := seedDocs(t)
	l := resolveLabelled(t, docs)
	engine := func(tu tuning) figures { return measure(l, engineRanker(build(docs, Options{EngineOnly: true}, tu))) }
	t.Logf("%-26s %v", "full engine", engine(shippedTuning()))
	t.Logf("%-26s %v", "full engine, no silence", engine(noSilence(shippedTuning())))
	for _, ms := range []int{1, 3} {
		t.Logf("min shared words %d         %v", ms, engine(tuned(func(u *tuning) { u.minShared = ms })))
	}
	for _, th := range []float64{0, 0.1, 0.125, 0.15, 0.175, 0.2, 0.3} {
		t.Logf("TF-IDF cosine >= %.3f     %v", th, measure(l, tfidfRanker(docs, th)))
	}

	// The sweep: one index with the silence threshold off, its results
	// cut at each threshold as the engine cuts them (see speaking).
	at := thresholdRanker(build(docs, Options{EngineOnly: true}, tuned(func(u *tuning) { u.threshold = 1e-9 })))
	for _, th := range sweepThresholds {
		t.Logf("threshold %.2f             %v", th, measure(l, at(th)))
	}
	pick := func(part labelled) float64 {
		best, bestV := 0.0, -1.0
		for _, th := range sweepThresholds {
			if v := balanced(measure(part, at(th))); v > bestV {
				best, bestV = th, v
			}
		}
		return best
	}
	t.Logf("chosen on the whole set: %.2f (shipped: %.2f)", pick(l), silenceThreshold)
	for h := range 2 {
		train, test := l.half(h), l.half(1-h)
		th := pick(train)
		t.Logf("cross-validation: chosen on half %d: %.2f; on half %d: %v", h, th, 1-h, measure(test, at(th)))
	}
}

// tuned is the shipped tuning with set applied.
func tuned(set func(*tuning)) tuning {
	tu := shippedTuning()
	set(&tu)
	return tu
}

// sweepThresholds are the silence thresholds the ablation tries.
var sweepThresholds = []float64{0.06, 0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.25, 0.30, 0.35}

// balanced is the rule the silence threshold is chosen by, fixed before
// measuring: the issue sets the same target for recall@3 and silence, so
// the threshold is the one that brings the farther of the two closest
// to it (ties to the lower threshold, which hides less).
func balanced(f figures) float64 { return math.Min(f.r3, f.silence) }

// half is every other claim and single (h = 0 or 1), for
// cross-validating the threshold.
func (l labelled) half(h int) labelled {
	var out labelled
	for i, c := range l.claims {
		if i%2 == h {
			out.claims = append(out.claims, c)
		}
	}
	for i, s := range l.singles {
		if i%2 == h {
			out.singles = append(out.singles, s)
		}
	}
	return out
}

// thresholdRanker returns, for a silence threshold, the ranker of an
// index built with no threshold whose results are cut as speaking cuts
// them: a source is silent when its best score is below the threshold,
// and lists only matches from listShare of it.
func thresholdRanker(ix *Index) func(th float64) ranker {
	cache := map[corpus.Loc]Result{}
	return func(th float64) ranker {
		return func(q corpus.Loc) [][]corpus.Loc {
			res, ok := cache[q]
			if !ok {
				res = ix.CompareLoc(q, QueryOptions{Top: 3})
				cache[q] = res
			}
			out := make([][]corpus.Loc, len(ix.docs))
			for _, s := range res.Sources {
				var ms []Match
				for _, m := range s.Matches {
					if m.Loc != q {
						ms = append(ms, m)
					}
				}
				if len(ms) == 0 || ms[0].Score < th {
					continue
				}
				for _, m := range ms {
					if m.Score >= th*listShare {
						out[s.Doc] = append(out[s.Doc], m.Loc)
					}
				}
			}
			return out
		}
	}
}

// tfidfRanker is the plain baseline: lower-cased words, TF-IDF weights,
// cosine similarity, a document silent when its best cosine is below
// threshold.
func tfidfRanker(docs []*corpus.Document, threshold float64) ranker {
	type vec map[string]float64
	var locs []corpus.Loc
	var raw []map[string]int
	df := map[string]int{}
	for di, d := range docs {
		for _, br := range d.Blocks() {
			for si, s := range br.Block.Sentences {
				tf := map[string]int{}
				for _, tk := range rawTokens(s.Text) {
					tf[tk.Lower]++
				}
				for w := range tf {
					df[w]++
				}
				locs = append(locs, corpus.Loc{Doc: di, Block: br.Index, Sentence: si})
				raw = append(raw, tf)
			}
		}
	}
	n := float64(len(raw))
	weigh := func(tf map[string]int) vec {
		v := vec{}
		var norm float64
		for w, c := range tf {
			x := float64(c) * math.Log(n/float64(1+df[w]))
			v[w] = x
			norm += x * x
		}
		norm = math.Sqrt(norm)
		for w := range v {
			if norm > 0 {
				v[w] /= norm
			}
		}
		return v
	}
	vecs := make([]vec, len(raw))
	for i := range raw {
		vecs[i] = weigh(raw[i])
	}
	return func(q corpus.Loc) [][]corpus.Loc {
		var qi int
		for i, l := range locs {
			if l == q {
				qi = i
			}
		}
		type sc struct {
			i int
			s float64
		}
		per := make([][]sc, len(docs))
		for i, v := range vecs {
			if i == qi {
				continue
			}
			var dot float64
			for w, x := range vecs[qi] {
				dot += x * v[w]
			}
			per[locs[i].Doc] = append(per[locs[i].Doc], sc{i, dot})
		}
		out := make([][]corpus.Loc, len(docs))
		for d, ss := range per {
			sort.SliceStable(ss, func(a, b int) bool { return ss[a].s > ss[b].s })
			for k := 0; k < len(ss) && k < 3; k++ {
				if ss[k].s < threshold {
					break
				}
				out[d] = append(out[d], locs[ss[k].i])
			}
		}
		return out
	}
}
