package compare

import "strings"

// Names that sources write in different ways — a country, its adjective,
// its people, and its capital used for its government ("Washington
// said") — are folded to one key, so "U.S.", "America" and "the United
// States" meet. Capitals are folded only where news prose routinely uses
// them for the state; a capital that is itself often the venue of events
// keeps its own key as a place as well (see places.go).
var aliasWords = map[string]string{
	"america": "usa", "american": "usa", "americans": "usa", "washington": "usa", "usa": "usa",
	"iran": "iran", "iranian": "iran", "iranians": "iran", "tehran": "iran",
	"turkey": "turkey", "türkiye": "turkey", "turkiye": "turkey", "turkish": "turkey", "ankara": "turkey",
	"israel": "israel", "israeli": "israel", "israelis": "israel",
	"pakistan": "pakistan", "pakistani": "pakistan", "pakistanis": "pakistan",
	"china": "china", "chinese": "china", "beijing": "china",
	"russia": "russia", "russian": "russia", "russians": "russia", "moscow": "russia",
	"britain": "uk", "british": "uk", "uk": "uk",
	"india": "india", "indian": "india", "indians": "india",
	"afghanistan": "afghanistan", "afghan": "afghanistan", "afghans": "afghanistan",
	"saudi": "saudi_arabia", "saudis": "saudi_arabia", "riyadh": "saudi_arabia",
	"qatar": "qatar", "qatari": "qatar",
	"egypt": "egypt", "egyptian": "egypt", "cairo": "egypt",
	"europe": "europe", "european": "europe", "europeans": "europe",
	"backchannel": "backchannel", "backchannels": "backchannel",
}

// aliasPhrases are multi-word names, longest first within each head word.
var aliasPhrases = map[string][][2]string{
	"united": {
		{"united states of america", "usa"},
		{"united states", "usa"},
		{"united kingdom", "uk"},
		{"united nations", "un"},
		{"united arab emirates", "uae"},
	},
	"saudi":  {{"saudi arabia", "saudi_arabia"}},
	"middle": {{"middle east", "middle_east"}, {"middle eastern", "middle_east"}},
	"white":  {{"white house", "usa"}},
	"lake":   {{"lake lucerne", "lake_lucerne"}},
	"strait": {{"strait of hormuz", "hormuz"}},
	"back":   {{"back channel", "backchannel"}, {"back channels", "backchannel"}},
	"new":    {{"new york", "new_york"}, {"new delhi", "india"}},
	"per":    {{"per cent", "percent"}},
}

// matchAlias looks for an alias starting at toks[i]; it returns the key
// and how many tokens it spans, or 0.
func matchAlias(toks []token, i int) (string, int) {
	t := toks[i]
	if phrases, ok := aliasPhrases[t.Lower]; ok {
		for _, p := range phrases {
			words := strings.Fields(p[0])
			if i+len(words) > len(toks) {
				continue
			}
			ok := true
			for k, w := range words {
				if toks[i+k].Lower != w {
					ok = false
					break
				}
			}
			if ok {
				return p[1], len(words)
			}
		}
	}
	// "US" in capitals is the country; "us" is the pronoun.
	if t.Lower == "us" {
		if t.Upper {
			return "usa", 1
		}
		return "", 0
	}
	if t.Lower == "un" && t.Upper {
		return "un", 1
	}
	if t.Lower == "uk" && !t.Upper {
		return "", 0
	}
	if key, ok := aliasWords[t.Lower]; ok {
		return key, 1
	}
	return "", 0
}

// unitAlias folds spellings of units so "909 km" meets "900 kilometers".
func unitAlias(w string) string {
	switch w {
	case "km", "kms", "kilometer", "kilometers", "kilometre", "kilometres":
		return "km"
	case "mi", "mile", "miles":
		return "mile"
	case "hr", "hrs", "hour", "hours":
		return "hour"
	case "percent", "pct":
		return "percent"
	}
	return w
}
