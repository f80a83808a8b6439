package main

import (
	"strings"
	"testing"
)

// Plain compare marks "same" with ✓, as the interface and the README do.
func TestCompareTextMarksSameWithCheck(t *testing.T) {
	out, _, err := run(t, "compare", "Pakistan and Iran share a 909 km border")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "✓ 909 km — same as 909 km") {
		t.Errorf("no ✓ on the same length:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "= ") {
			t.Errorf("a fact is still marked with =: %q", l)
		}
	}
}

// Plain claims begins with a legend: which mark is which source.
func TestClaimsTextLegend(t *testing.T) {
	out, _, err := run(t, "claims")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[0], "Marks, one per source in this order (● makes the claim, ○ does not)") {
		t.Fatalf("no legend first:\n%s", strings.Join(lines[:min(len(lines), 8)], "\n"))
	}
	for i, want := range []string{"1 rki.news — 000_ebe08a8e75726387.txt", "2 001_3cf63f139cab5d6f.txt", "5 004_ab57fc61b301b9b7.txt"} {
		found := false
		for _, l := range lines[1:6] {
			found = found || strings.TrimSpace(l) == want
		}
		if !found {
			t.Errorf("legend line %d: want %q in\n%s", i, want, strings.Join(lines[:7], "\n"))
		}
	}
}
