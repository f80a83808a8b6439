package search

import (
	"math/bits"
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
	tm.alnum = len(tm.folded) > 0
	for i := 0; i < len(tm.folded); i++ {
		tm.alnum = tm.alnum && edgeBit[tm.folded[i]] == 0
	}
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
		// A contiguous occurrence: c = m-1.
		follow := min(m-1, seps)
		if camel == 1 {
			follow = max(m-1, 0)
		}
		tm.spanUB[camel] = 15 + 20*follow + tm.adjAll
	}
}

// rawHi bounds sahilm/fuzzy's score for a fuzzy term on a target whose
// folded text has n bytes, unclamped: what a scattered term scores.
func (tm *term) rawHi(n int, camel, contig bool) int {
	return tm.ub[b2i(camel)][b2i(contig)] + tm.runes - n
}

// spanHi bounds spanScore for any contiguous occurrence of the term in a
// text of n bytes, unclamped: the part of its occScore below its class.
func (tm *term) spanHi(n int, camel bool) int {
	return tm.spanUB[b2i(camel)] + tm.runes - n
}

// contigHi bounds the score of a term that occurs contiguously in the
// folded text (of n bytes) in a class at most class. A case-sensitive
// term may still only match scattered (case differs), but a scattered
// score is below classWeight/2, and so below any such bound.
func (tm *term) contigHi(n int, camel bool, class int) int {
	return class*classWeight + clampRaw(tm.spanHi(n, camel))
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
	hi = clampRaw(tm.rawHi(n, camel, false))
	if contig {
		hi = tm.contigHi(n, camel, topClass)
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
// (a set by value mod 64), the bytes that begin and end a word (see
// class.go; sets mod 64), and its words of ASCII letters and digits: those
// of one byte (a set mod 64), the others' first byte, last byte and
// length, and their first two bytes (256-bit hash sets). Hash collisions
// only loosen the bounds.
type signature struct {
	pairs        [4]uint64
	seps         uint64
	starts, ends uint64
	singles      uint64
	words, heads [4]uint64
}

func pairHash(a, b byte) uint8 { return a*31 + b }

// wordHash and headHash place a word, and a word's first two bytes, in
// signature.words and heads. A word sets two bits (a Bloom filter): the
// class of a term is bounded by 3 in a text only where both are set, and
// a false 3 costs scoring the text.
func wordHash(first, last byte, n int) uint16 {
	return uint16((uint32(first)<<16 | uint32(last)<<8 | uint32(n)&0xff) * 0x9e3779b1 >> 16)
}

func headHash(a, b byte) uint8 { return uint8((uint32(a)<<8 | uint32(b)) * 0x9e3779b1 >> 24) }

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

func sign(f string) signature {
	var s signature
	if len(f) == 0 {
		return s
	}
	a := f[0]
	s.starts = 1 << (a & 63)
	for i := 1; i < len(f); i++ {
		b := f[i]
		h := pairHash(a, b)
		s.pairs[h>>6] |= 1 << (h & 63)
		s.seps |= sepBit[a] << (b & 63)
		s.starts |= edgeBit[a] << (b & 63)
		s.ends |= edgeBit[b] << (a & 63)
		a = b
	}
	s.ends |= 1 << (a & 63)
	// The words, in a second pass over a bitmap of the bytes that are
	// ASCII letters or digits, 64 at a time: each word costs a few
	// operations and no branch that fails to predict, as a test per byte
	// would at every word's ends.
	var singles uint64
	var words, heads [4]uint64
	start, carry := 0, uint64(0) // where the open word began; whether one is open
	for base := 0; base < len(f); base += 64 {
		bm := wordBitmap(f[base:min(base+64, len(f))])
		// Bit j of t is set where a word starts or ends at base+j. The
		// bits past a short last chunk are clear, so a word running to
		// the end of the text ends there.
		for t := bm ^ (bm<<1 | carry); t != 0; t &= t - 1 {
			j := bits.TrailingZeros64(t)
			if bm&(1<<j) != 0 {
				start = base + j
				continue
			}
			addWord(f, start, base+j, &singles, &words, &heads)
		}
		carry = bm >> 63
	}
	if carry != 0 && len(f)%64 == 0 {
		addWord(f, start, len(f), &singles, &words, &heads)
	}
	s.singles, s.words, s.heads = singles, words, heads
	return s
}

// addWord records the word f[w:i] in a signature's word sets.
func addWord(f string, w, i int, singles *uint64, words, heads *[4]uint64) {
	n := i - w
	if n == 1 {
		*singles |= 1 << (f[w] & 63)
		return
	}
	h := wordHash(f[w], f[i-1], n)
	words[uint8(h)>>6] |= 1 << (h & 63)
	words[uint8(h>>8)>>6] |= 1 << (h >> 8 & 63)
	hh := headHash(f[w], f[w+1])
	heads[hh>>6] |= 1 << (hh & 63)
}

// wordBitmap returns a bitmap of the bytes of f (at most 64) that are
// ASCII letters or digits: bit j for f[j]. Eight bytes at a time, the
// high bit of each byte says whether it is in '0'..'9', 'A'..'Z' or
// 'a'..'z' (as edgeBit says); a multiply gathers the eight bits.
func wordBitmap(f string) uint64 {
	const lo7, hi = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	var bm uint64
	j := 0
	for ; j+8 <= len(f); j += 8 {
		x := load64(f[j:])
		y := x & lo7 // no carry between bytes below
		digit := (y + 0x5050505050505050) &^ (y + 0x4646464646464646)
		upper := (y + 0x3f3f3f3f3f3f3f3f) &^ (y + 0x2525252525252525)
		lower := (y + 0x1f1f1f1f1f1f1f1f) &^ (y + 0x0505050505050505)
		w := (digit | upper | lower) &^ x & hi
		bm |= (w >> 7 * 0x0102040810204080 >> 56) << j
	}
	for ; j < len(f); j++ {
		bm |= (edgeBit[f[j]] ^ 1) << j
	}
	return bm
}

func has(set *[4]uint64, h uint8) bool { return set[h>>6]&(1<<(h&63)) != 0 }

func hasWord(set *[4]uint64, w uint16) bool { return has(set, uint8(w)) && has(set, uint8(w>>8)) }

func (s *signature) hasPair(h uint8) bool { return s.pairs[h>>6]&(1<<(h&63)) != 0 }

// classHi bounds the class of the term's best occurrence in a text it
// occurs in contiguously, from the text's signature (of t.folded, so for
// a term matched against it; see tm.hay). A term of ASCII letters and
// digits found whole is one of the text's words, and found at a word
// start it begins one: the signature's words tell. A word there is a run
// of ASCII letters and digits, so the run holding such an occurrence
// starts and ends with it whenever a boundary does (a boundary is a
// non-word character, and a non-ASCII one ends the run too). For other
// terms, a word start needs the first byte after a boundary somewhere, a
// whole word also the last byte before one.
func (tm *term) classHi(sig *signature) int {
	n := len(tm.folded)
	first, last := tm.folded[0], tm.folded[n-1]
	var start, stop bool
	if tm.alnum {
		if n == 1 {
			start = sig.starts&(1<<(first&63)) != 0
			stop = sig.singles&(1<<(first&63)) != 0
		} else {
			start = has(&sig.heads, headHash(first, tm.folded[1]))
			stop = hasWord(&sig.words, wordHash(first, last, n))
		}
	} else {
		start = tm.edges&1 != 0 || sig.starts&(1<<(first&63)) != 0
		stop = tm.edges&2 != 0 || sig.ends&(1<<(last&63)) != 0
	}
	return classOf(start, stop)
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
