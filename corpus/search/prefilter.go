package search

// The prefilter of a stored index: each target's set of ASCII letters
// and digits in its folded text, kept beside its record, so that a scan
// passes over a target lacking a letter every match must hold without
// making the target or looking at its text. It never drops a match: a
// term counts toward a query's letters only where its match is found in
// the target's folded text (t.folded, byte for byte), and a target with
// accents, whose folded text some terms do not use, has every letter.

// letterMask is the set of ASCII letters (bits 0-25) and digits (26-35)
// in s.
func letterMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z':
			m |= 1 << (c - 'a')
		case '0' <= c && c <= '9':
			m |= 1 << (26 + c - '0')
		}
	}
	return m
}

// targetMask is what the prefilter keeps for a target.
func targetMask(t *target) uint64 {
	if t.accent {
		return ^uint64(0)
	}
	return letterMask(t.folded)
}

// queryNeed is the letters and digits every target matching terms has in
// its folded text (see targetMask): those of each term that is not
// negated and is matched there. A fuzzy term's folded runes occur in
// order in the folded text; an exact, prefix, suffix or whole-text one
// occurs in it unless case-sensitive (then in the text); a group's
// alternatives differ, and add none.
func queryNeed(terms []term) uint64 {
	var need uint64
	for i := range terms {
		tm := &terms[i]
		switch {
		case tm.neg || tm.kind == termGroup:
		case tm.kind == termFuzzy || !tm.sensitive:
			need |= letterMask(tm.folded)
		}
	}
	return need
}

// The quarters prefilter: beside a target's letters, the letters of each
// quarter of its folded text (by byte offset). A fuzzy term's letters
// occur in order, so they split into four runs, each within the letters
// of one quarter, in turn; a target where no such split exists cannot
// match. On the BBC folder this passes over 29% of the targets that the
// letters let through for "prime minister" (all of them failing ones: a
// failing target costs the scan about as much as a match), and 45% for
// "government".

// quarters is how many parts of a target's folded text the prefilter
// keeps the letters of.
const quarters = 4

// quarterMasks are the letters (bits 0-25) of each quarter of t's
// folded text; every letter in each for a target with accents, as for
// targetMask.
func quarterMasks(t *target) (q [quarters]uint32) {
	if t.accent {
		for i := range q {
			q[i] = 1<<26 - 1
		}
		return q
	}
	s := t.folded
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'a' <= c && c <= 'z' {
			q[i*quarters/len(s)] |= 1 << (c - 'a')
		}
	}
	return q
}

// queryOrders is, for each fuzzy term that is not negated, its folded
// text's ASCII letters in order, each as its bit: letters every target
// matching the term has in that order in its folded text (other runes
// are left out, which keeps the letters' order a necessary condition).
func queryOrders(terms []term) [][]uint32 {
	var out [][]uint32
	for i := range terms {
		tm := &terms[i]
		if tm.neg || tm.kind != termFuzzy {
			continue
		}
		var seq []uint32
		for j := 0; j < len(tm.folded); j++ {
			if c := tm.folded[j]; 'a' <= c && c <= 'z' {
				seq = append(seq, 1<<(c-'a'))
			}
		}
		if len(seq) > 1 {
			out = append(out, seq)
		}
	}
	return out
}

// inOrder reports whether every letter sequence of orders splits into
// runs within the quarters q in turn. Taking as many letters as each
// quarter holds before going on to the next finds such a split whenever
// one exists.
func inOrder(q *[quarters]uint32, orders [][]uint32) bool {
	for _, seq := range orders {
		pos := 0
		for _, m := range q {
			for pos < len(seq) && seq[pos]&m != 0 {
				pos++
			}
		}
		if pos < len(seq) {
			return false
		}
	}
	return true
}
