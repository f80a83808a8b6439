package corpus

import "strconv"

// Plural is one when n is 1, else many: the word every count in parley's
// messages takes ("1 file", "2 files").
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// GroupDigits writes n with thousands separators from 10,000 up, as
// parley's counts read ("9999", "12,000").
func GroupDigits(n int) string {
	s := strconv.Itoa(n)
	if n < 10000 {
		return s
	}
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
