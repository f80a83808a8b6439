package search

import (
	"context"
	"strings"
)

// Most keystrokes extend the last term of the previous query, or start a
// new one. Then each previous match is screened again only for that term,
// continuing from what its screen learned (cand.last): the leftmost match
// of the extended term's runes continues from where the shorter one's
// ended, and its first contiguous occurrence is at or after the shorter
// one's (every occurrence of "chels" starts with one of "chel"). A group
// ("a | b") typed further is screened again, from the matches of an
// earlier query it narrows (see query.narrows); a term added after one
// continues from its matches.

// stepKind says how a query follows the previous one.
type stepKind int

const (
	stepNone   stepKind = iota
	stepExtend          // same terms, the last one typed further
	stepAdd             // the same terms and one more
)

// step says how q follows prev, for the incremental screen.
func step(q, prev query) stepKind {
	n, p := len(q.terms), len(prev.terms)
	if p == 0 || n < p || n > p+1 {
		return stepNone
	}
	for i := range p - 1 {
		if !sameTerm(q.terms[i], prev.terms[i]) {
			return stepNone
		}
	}
	last, old := q.terms[p-1], prev.terms[p-1]
	if n == p+1 {
		if sameTerm(last, old) {
			return stepAdd
		}
		return stepNone
	}
	if last.kind != old.kind || last.neg || old.neg || last.sensitive || old.sensitive || last.exact != old.exact ||
		last.kind != termFuzzy && last.kind != termExact || !strings.HasPrefix(last.folded, old.folded) {
		return stepNone
	}
	return stepExtend
}

func sameTerm(a, b term) bool {
	return a.kind == b.kind && a.neg == b.neg && a.text == b.text
}

// screenFrom screens prev's matches for q when q extends prev's last term
// or adds one; ok is false when it does not, or the scope changed.
func (ix *Index) screenFrom(ctx context.Context, q query, prev *base, scope int) (out []cand, ok bool, err error) {
	kind := step(q, prev.q)
	if prev.cands == nil || prev.scope != scope || kind == stepNone {
		return nil, false, nil
	}
	li := len(q.terms) - 1
	tm := &q.terms[li]
	bit := uint64(1) << min(li, 63)
	var suffix string // what was typed onto the last term
	if kind == stepExtend {
		suffix = tm.folded[len(prev.q.terms[li].folded):]
	}
	ascii := len(suffix) == len([]rune(suffix))
	olds := prev.cands
	out, err = gather(ctx, len(olds), func(a, b int, dst []cand) []cand {
		var tb target
		for _, c := range olds[a:b] {
			t := ix.at(c.id, &tb)
			if kind == stepAdd {
				l, ok := screen(t, q.terms[li:])
				if !ok {
					continue
				}
				c.lo, c.hi, c.score, c.last = c.lo+l.lo, c.hi+l.hi, c.score+l.score, l.last
				if l.spans != 0 {
					c.spans |= bit
				}
				dst = append(dst, c)
				continue
			}
			l, ok := tm.extend(t, c.last, suffix, ascii)
			if !ok {
				continue
			}
			c.lo += l.lo - c.last.lo
			c.hi += l.hi - c.last.hi
			c.score += l.score - c.last.score
			c.last = l
			if tm.kind == termFuzzy && li < 63 {
				c.spans &^= bit
				if l.at >= 0 {
					c.spans |= bit
				}
			}
			dst = append(dst, c)
		}
		return dst
	})
	if err != nil {
		return nil, false, err
	}
	return out, true, nil
}

// extend screens the typed-further term tm on t, from what the shorter
// term's screen learned (old); suffix is what was typed.
// The shorter term had the same accent rule (see step), so its offsets
// are into the same text.
func (tm *term) extend(t *target, old lastTerm, suffix string, ascii bool) (lastTerm, bool) {
	text, folded := tm.hay(t)
	if tm.kind == termExact {
		at := tm.occurrenceFrom(folded, old.at, 0)
		if at < 0 {
			return lastTerm{}, false
		}
		lo, hi, score := tm.exactBounds(t, text, folded, at)
		return lastTerm{at: int32(at), end: -1, lo: int32(lo), hi: int32(hi), score: int32(score)}, true
	}
	end, ok := subseqFrom(folded, int(old.end), suffix, ascii)
	if !ok {
		return lastTerm{}, false
	}
	// No occurrence starts before end-len(tm.folded) (see firstOccurrence).
	at := tm.occurrenceFrom(folded, old.at, end-len(tm.folded))
	lo, hi := tm.fuzzyBounds(folded, t.camel, at >= 0, at)
	return lastTerm{at: int32(at), end: int32(end), lo: int32(lo), hi: int32(hi)}, true
}

// occurrenceFrom is the first occurrence of tm.folded in folded, given
// the shorter term's first occurrence oldAt (-1: none, so none of tm
// either) and that none starts before from.
func (tm *term) occurrenceFrom(folded string, oldAt int32, from int) int {
	if oldAt < 0 {
		return -1
	}
	from = max(from, int(oldAt))
	k := strings.Index(folded[from:], tm.folded)
	if k < 0 {
		return -1
	}
	return from + k
}
