package compare

import (
	"testing"

	"parley/corpus"
)

func borderFolder(t *testing.T, bLength string) []*corpus.Document {
	return folderOf(t, map[string]string{
		"a.txt": "Border report\n\nThe Durand border between the two countries runs 909 km through the mountains.\n",
		"b.txt": "Border survey\n\nThe Durand border between the two countries runs " + bLength + " through the mountains.\n",
		"0.txt": "Orchard notes\n\nThe orchard committee met to discuss apple varieties and pruning.\n",
	})
}

// A claim whose sources give different figures names them; one whose
// sources agree (or state compatible ranges) names none.
func TestClaimDiffers(t *testing.T) {
	for _, tc := range []struct {
		b      string
		differ bool
	}{
		{"2,430 km", true},
		{"about 959 km", true}, // ±5%: 911–1,007 km
		{"909 kilometres", false},
		{"more than 900 km", false},
	} {
		docs := borderFolder(t, tc.b)
		claims := Build(docs, Options{EngineOnly: true}).Claims()
		if len(claims) != 1 {
			t.Fatalf("%s: %d claims, want 1: %+v", tc.b, len(claims), claims)
		}
		c := claims[0]
		if c.Disagrees() != tc.differ {
			t.Errorf("%s: Disagrees() = %v, want %v (%+v)", tc.b, c.Disagrees(), tc.differ, c.Differs)
		}
		if tc.differ {
			d := c.Differs[0]
			if docs[d.Docs[0]].File != "a.txt" || docs[d.Docs[1]].File != "b.txt" || d.Facts[0].Text != "909 km" || d.Facts[1].Text != tc.b {
				t.Errorf("%s: differs %+v, want 909 km (a) against %s (b)", tc.b, c.Differs, tc.b)
			}
		}
	}
}
