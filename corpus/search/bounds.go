package search

import (
	"strings"
	"unicode/utf8"
)

// Bounds on sahilm/fuzzy's score, so that only targets that could rank
// among the hits asked for are scored. sahilm/fuzzy v0.1.3 scores a match
// of m pattern characters in a text of n bytes as
//
//	per matched character: 10 for the text's first character; 20 after a
//	    separator (/-_ .\) or on a camel hump (never both)
//	+ adjacency: each time a candidate for the next pattern character
//	    sits right after the last committed match, the running bonus acc
//	    grows by 2*acc+5; the candidate's score includes that growth, and
//	    acc keeps it even when another candidate is committed instead
//	+ max(-5*offset of the first match, -15)
//	+ m - n
//
// Bounding it: the first character adds at most 15 (10 at offset 0, or
// 20 with a penalty of at least 5). Say c of the other m-1 characters are
// committed right after the previous match. Their adjacency bonuses are at
// most the c largest of m-1 growths: chain(m-1) - chain(m-1-c). Such a
// character follows the previous pattern character, so it gets the
// separator bonus only if that character is a separator, and the camel
// bonus only in a text with a camel hump. The other m-1-c characters add
// at most 20 each. c = m-1 only when the term occurs contiguously. The
// largest total over the possible c is precomputed per term (ub), for
// texts with and without camel humps, contiguous or not.
//
// On top of that comes the term's match class (class.go): at most
// topClass for a term found contiguously, 0 otherwise, and classHi tells
// from a text's signature which classes it can hold.

// chainCap is where spanScore caps the running adjacency bonus; chain
// reaches it within chainSteps adjacent pairs and stays there.
const (
	chainCap   = 1 << 40
	chainSteps = 26
)

// chain returns the adjacency bonus of a adjacent pairs, capped where
// spanScore caps it. It costs at most chainSteps steps, whatever a.
func chain(a int) int {
	acc := 0
	for range min(a, chainSteps) {
		acc = min(acc+acc*2+5, chainCap)
	}
	return acc
}

// bonusBounds fills tm.ub: the most the bonuses of a match can add, by
// whether the text has a camel hump and whether the term occurs in it
// contiguously (see above); and what refinedHi looks for. It is linear in
// the term's length: a pasted paragraph must not cost more to parse than
// to search.
func (tm *term) bonusBounds() {
	m := tm.runes
	seps := 0 // pattern characters that follow a separator
	r := []rune(tm.folded)
	tm.pairs = make([]uint8, 0, max(len(r)-1, 0))
	tm.follow = make([]byte, 0, max(len(r)-1, 0))
	tm.adjAll = chain(m - 1)
	tm.edges = 0
	if len(r) > 0 && !isWordRune(r[0]) {
		tm.edges |= 1
	}
	if len(r) > 0 && !isWordRune(r[len(r)-1]) {
		tm.edges |= 2
	}
	var buf [2 * utf8.UTFMax]byte
	for i := 1; i < len(r); i++ {
		if strings.ContainsRune("/-_ .\\", r[i-1]) {
			seps++
		}
		// The last byte of the previous rune and the first of this one.
		prev := utf8.AppendRune(buf[:0], r[i-1])
		cur := utf8.AppendRune(prev[len(prev):], r[i])
		tm.pairs = append(tm.pairs, pairHash(prev[len(prev)-1], cur[0]))
		tm.follow = append(tm.follow, cur[0])
	}
	for camel := range 2 {
		for contig := range 2 {
			cmax := max(m-2, 0)
			if contig == 1 {
				cmax = m - 1
			}
			best := 0
			for c := 0; c <= cmax; c++ {
				follow := min(c, seps)
				if camel == 1 {
					follow = c
				}
				b := 20*(m-1-c) + 20*follow + tm.adjAll - chain(m-1-c)
				best = max(best, b)
			}
			tm.ub[camel][contig] = 15 + best
		}
	}
}

// rawHi bounds the part of a fuzzy term's score below its class (see
// class.go) on a target whose folded text has n bytes, unclamped.
func (tm *term) rawHi(n int, camel, contig bool) int {
	return tm.ub[b2i(camel)][b2i(contig)] + tm.runes - n
}

// fuzzyBounds returns a lower and an upper bound on the score of a fuzzy
// term that matches a target: folded is the folded text tm.hay returns
// for it, camel the target's camel flag. contig says whether the term
// occurs contiguously in folded; spanAt, when >= 0, is an occurrence in
// the text the term is matched against (case included when it is
// case-sensitive). A term found contiguously scores its best occurrence,
// so any occurrence's occScore is a lower bound; one that is not scores
// class 0 (see class.go).
func (tm *term) fuzzyBounds(folded string, camel, contig bool, spanAt int) (lo, hi int) {
	// Only the folded text is read: it is the arena the screen has just
	// scanned, while the text itself lies elsewhere in memory.
	m, n := tm.runes, len(folded)
	hi = clampRaw(tm.rawHi(n, camel, contig))
	if contig {
		hi += topClass * classWeight
	}
	lo = clampRaw(-15 + m - n) // no bonus, the largest leading penalty
	if spanAt >= 0 {
		// spanScore at spanAt without the camel and inner separator
		// bonuses, which only add: cheap, and enough to set the bar.
		raw := tm.adjAll + m - n
		switch {
		case spanAt == 0:
			raw += 10
		case sepBit[folded[spanAt-1]] != 0: // folding keeps separators
			raw += 20 - 15
		default:
			raw += max(-5*spanAt, -15)
		}
		lo = occClass(folded, spanAt, spanAt+len(tm.folded))*classWeight + clampRaw(raw)
	}
	return lo, hi
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// signature summarises a folded text for refinedHi and classHi: the byte
// pairs it holds (a 256-bit hash set), the bytes that follow a separator
// (a set by value mod 64), and the bytes that begin and end a word (see
// class.go), and those with a boundary on both sides (sets mod 64). Hash
// collisions only loosen the bounds.
type signature struct {
	pairs        [4]uint64
	seps         uint64
	starts, ends uint64
	words        uint64 // bytes with a boundary on both sides: one-letter words
}

func pairHash(a, b byte) uint8 { return a*31 + b }

// sepBit is 1 for the separators of sahilm/fuzzy, so that sign needs no
// branch.
var sepBit = [256]uint64{' ': 1, '-': 1, '.': 1, '/': 1, '_': 1, '\\': 1}

// edgeBit is 1 for a byte that may sit beside a word boundary: every byte
// but an ASCII letter or digit. A byte of a multi-byte character counts,
// since the character may be no letter; that only loosens classHi.
var edgeBit = func() (e [256]uint64) {
	for c := range e {
		if !isWordRune(rune(c)) || c >= utf8.RuneSelf {
			e[c] = 1
		}
	}
	return e
}()

func sign[S []byte | string](f S) signature {
	var s signature
	if len(f) == 0 {
		return s
	}
	a := f[0]
	s.starts = 1 << (a & 63)
	edge := uint64(1) // before a: the start of the text
	for i := 1; i < len(f); i++ {
		b := f[i]
		h := pairHash(a, b)
		s.pairs[h>>6] |= 1 << (h & 63)
		s.seps |= sepBit[a] << (b & 63)
		s.starts |= edgeBit[a] << (b & 63)
		s.ends |= edgeBit[b] << (a & 63)
		s.words |= edge & edgeBit[b] << (a & 63)
		edge = edgeBit[a]
		a = b
	}
	s.ends |= 1 << (a & 63)
	s.words |= edge << (a & 63)
	return s
}

func (s *signature) hasPair(h uint8) bool { return s.pairs[h>>6]&(1<<(h&63)) != 0 }

// classHi bounds the class of the term's best occurrence in a text it
// occurs in contiguously, from the text's signature (of t.folded, so for
// a term matched against it; see tm.hay): a word start needs the term's
// first byte after a boundary somewhere, a whole word also its last byte
// before one.
func (tm *term) classHi(sig *signature) int {
	first, last := tm.folded[0], tm.folded[len(tm.folded)-1]
	start := tm.edges&1 != 0 || sig.starts&(1<<(first&63)) != 0
	stop := tm.edges&2 != 0 || sig.ends&(1<<(last&63)) != 0
	if len(tm.folded) == 1 && tm.edges == 0 {
		// One byte: the same byte must have a boundary on both sides.
		stop = sig.words&(1<<(first&63)) != 0
	}
	switch {
	case start && stop:
		return 3
	case start:
		return 2
	}
	return 1
}

// refinedHi is a second upper bound from the text's signature. An
// adjacency bonus for pattern character i needs the pair p[i-1]p[i] in
// the text, so with e such pairs present adjacency adds at most chain(e).
// A separator or camel bonus for a character needs it right after a
// separator or a camel hump in the text. sig is that of t.folded, so this
// holds for a term matched against it (see tm.hay).
func (tm *term) refinedHi(t *target, sig *signature) int {
	e := 0
	for _, h := range tm.pairs {
		if sig.hasPair(h) {
			e++
		}
	}
	g := len(tm.follow)
	if !t.camel {
		g = 0
		for _, b := range tm.follow {
			if sig.seps&(1<<(b&63)) != 0 {
				g++
			}
		}
	}
	return 15 + 20*g + chain(e) + tm.runes - len(t.folded)
}
