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
