package stories

import "strings"

// stopWords are words that name no affair: function words, reporting
// verbs, titles, months and days (a date is no name, though written with
// a capital), and the words every news story uses.
const stopWords = `a about above after again against all almost also although always am among an and
another any anyone anything are around as at back be because been before being below between both
but by can could did do does doing done down during each either else enough even ever every few
first for from further get gets getting give given go going gone got had has have having he her
here hers herself him himself his how however if in into is it its itself just last least less
let like made make makes making many may me might more most much must my myself near need never new
next no nor not now of off often on once one only or other others our ours ourselves out over own
per perhaps put quite rather really same see seen several shall she should since so some still
such than that the their theirs them themselves then there these they this those though through
thus to too two three four five six seven eight nine ten under until up upon us very via was way we
well were what whatever when where whether which while who whom whose why will with within without
would yet you your yours yourself
said says say saying told tell tells added adding according asked announced reported believe
think thought expected expects know known want wanted took take takes taken came come comes coming
went use used using set week weeks year years month months day days today yesterday tomorrow time
times people number lot part including include includes new news report reports statement
mr mrs ms dr sir lord lady
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec`

// stopTable holds the stop words' keys in an open-addressed table: a
// word is looked up for every token read, and this costs less than a
// map.
var stopTable = func() []uint64 {
	t := make([]uint64, stopSlots)
	for _, w := range strings.Fields(stopWords) {
		k := foldHash(w)
		i := k & (stopSlots - 1)
		for t[i] != 0 && t[i] != k {
			i = (i + 1) & (stopSlots - 1)
		}
		t[i] = k
	}
	return t
}()

const stopSlots = 2048 // a power of two, several times the stop words

func isStop(k uint64) bool {
	for i := k & (stopSlots - 1); ; i = (i + 1) & (stopSlots - 1) {
		switch stopTable[i] {
		case k:
			return true
		case 0:
			return false
		}
	}
}
