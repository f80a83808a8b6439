package corpus

// Plural is one when n is 1, else many: the word every count in parley's
// messages takes ("1 file", "2 files").
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
