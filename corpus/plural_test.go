package corpus

import "testing"

func TestGroupDigits(t *testing.T) {
	for n, want := range map[int]string{7: "7", 9999: "9999", 10000: "10,000", 32717: "32,717", 1234567: "1,234,567"} {
		if got := GroupDigits(n); got != want {
			t.Errorf("%d: %q", n, got)
		}
	}
}
