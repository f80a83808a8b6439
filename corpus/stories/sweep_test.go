package stories

import (
	"fmt"
	"os"
	"parley/corpus"
	"testing"
)

// TestTuningSweep prints the quality of the grouping over a grid of
// thresholds (PARLEY_SWEEP=1 go test ./corpus/stories -run Sweep -v).
// It is how linkSim, meanSim and nameBoost were chosen; it does not run
// by default.
func TestTuningSweep(t *testing.T) {
	docs, texts, l, index := sweepInputs(t)
	saved := [3]float64{linkSim, meanSim, nameBoost}
	defer func() { linkSim, meanSim, nameBoost = saved[0], saved[1], saved[2] }()
	for _, nb := range []float64{1, 1.5, 2, 2.5, 4} {
		for _, ls := range []float64{0.3, 0.35, 0.4, 0.45} {
			for _, ms := range []float64{0.2, 0.25, 0.3, 0.35, 0.4} {
				linkSim, meanSim, nameBoost = ls, ms, nb
				q := measure(l, texts, index, Group(docs))
				t.Logf("nameBoost %.1f linkSim %.2f meanSim %.2f: precision %.3f recall %.3f", nb, ls, ms, q.precision, q.recall)
			}
		}
	}
}

// sweepInputs is what a sweep measures against: BBC's documents and
// texts, the labels, and each document's position by id. It skips the
// sweep unless PARLEY_SWEEP is set.
func sweepInputs(t *testing.T) ([]*corpus.Document, map[string]string, labels, map[string]int) {
	t.Helper()
	if os.Getenv("PARLEY_SWEEP") == "" {
		t.Skip("set PARLEY_SWEEP=1 to sweep the thresholds")
	}
	docs := bbcDocs(t)
	return docs, bbcTexts(t), loadLabels(t), positions(docs)
}

// half keeps the labelled stories and articles alone of one parity
// (0: even positions, 1: odd), for choosing a threshold on one half and
// reporting it on the other.
func (l labels) half(parity int) labels {
	h := l
	h.Stories = nil
	h.Alone = nil
	for i, s := range l.Stories {
		if i%2 == parity {
			h.Stories = append(h.Stories, s)
		}
	}
	for i, a := range l.Alone {
		if i%2 == parity {
			h.Alone = append(h.Alone, a)
		}
	}
	return h
}

// TestTitleSweep prints the quality over the whole labelled set and
// over its two halves for untitledSim and meanSim (PARLEY_SWEEP=1 go
// test ./corpus/stories -run TitleSweep -v). It does not run by default.
func TestTitleSweep(t *testing.T) {
	saved := [2]float64{untitledSim, meanSim}
	defer func() { untitledSim, meanSim = saved[0], saved[1] }()
	var names []string
	var sets []func()
	for _, us := range []float64{0.4, 0.45, 0.5, 0.55, 0.6, 0.65} { // 0.4 = linkSim: no title test
		for _, ms := range []float64{0.25, 0.3} {
			names = append(names, fmt.Sprintf("untitledSim %.2f meanSim %.2f", us, ms))
			sets = append(sets, func() { untitledSim, meanSim = us, ms })
		}
	}
	sweepHalves(t, names, sets)
}

// TestPlainSweep prints the quality over the whole labelled set and over
// its two halves for minPlainSim, with F1 (the harmonic mean of
// precision and recall) by which a threshold is chosen on one half and
// checked on the other (PARLEY_SWEEP=1 go test ./corpus/stories -run
// PlainSweep -v). It does not run by default.
func TestPlainSweep(t *testing.T) {
	saved := minPlainSim
	defer func() { minPlainSim = saved }()
	var names []string
	var sets []func()
	for _, v := range []float64{0, 0.02, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.12, 0.15} {
		names = append(names, fmt.Sprintf("minPlainSim %.2f", v))
		sets = append(sets, func() { minPlainSim = v })
	}
	sweepHalves(t, names, sets)
}

// sweepHalves groups BBC once per setting and logs precision, recall
// and F1 over the whole labelled set, its even half and its odd half.
func sweepHalves(t *testing.T, names []string, sets []func()) {
	docs, texts, l, index := sweepInputs(t)
	for i, set := range sets {
		set()
		r := Group(docs)
		line := names[i] + ": all / even / odd"
		for _, h := range []labels{l, l.half(0), l.half(1)} {
			q := measure(h, texts, index, r)
			f1 := 2 * q.precision * q.recall / max(q.precision+q.recall, 1e-9)
			line += fmt.Sprintf("  P %.3f R %.3f F1 %.3f", q.precision, q.recall, f1)
		}
		t.Log(line)
	}
}
