package tui

import "parley/corpus"

// jumpList remembers the places jumped from and to (OpenMsg, next/previous
// document), to walk back and forth through them as vim's ctrl+o/ctrl+i.
type jumpList struct {
	locs []corpus.Loc
	at   int // index of the current place in locs
}

const maxJumps = 100

// record notes a jump from one place to another, dropping any places
// ahead of the current one.
func (j *jumpList) record(from, to corpus.Loc) {
	if len(j.locs) > 0 {
		j.locs = j.locs[:j.at+1]
		j.locs[j.at] = from
	} else {
		j.locs = append(j.locs, from)
	}
	j.locs = append(j.locs, to)
	if len(j.locs) > maxJumps {
		j.locs = j.locs[len(j.locs)-maxJumps:]
	}
	j.at = len(j.locs) - 1
}

// back returns the previous place, after noting where we are now so that
// forward can return to it.
func (j *jumpList) back(current corpus.Loc) (corpus.Loc, bool) {
	if j.at <= 0 || len(j.locs) == 0 {
		return corpus.Loc{}, false
	}
	j.locs[j.at] = current
	j.at--
	return j.locs[j.at], true
}

// forward undoes back.
func (j *jumpList) forward(current corpus.Loc) (corpus.Loc, bool) {
	if j.at+1 >= len(j.locs) {
		return corpus.Loc{}, false
	}
	j.locs[j.at] = current
	j.at++
	return j.locs[j.at], true
}
