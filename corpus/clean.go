package corpus

import "strings"

// CleanLine makes an untrusted string (a file name, a query, an error) safe
// to print on one line: control characters become visible caret text.
// The full text hygiene replaces this first version.
func CleanLine(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f:
			b.WriteByte('^')
			b.WriteRune(r ^ 0x40)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
