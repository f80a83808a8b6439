package corpus

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdayNames = setOf("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun")

// parseDate finds one calendar date in s and returns it as YYYY-MM-DD, or
// "". It reads ISO dates ("2026-04-18") and dates written with a month
// name in either order ("June 24, 2026", "18th April 2026",
// "Wed, Jun 24 2026", "April.20, 2026").
func parseDate(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
	for _, w := range words {
		if len(w) >= 10 && w[4] == '-' && w[7] == '-' && (len(w) == 10 || w[10] == 'T') {
			w = w[:10]
			y, e1 := strconv.Atoi(w[:4])
			m, e2 := strconv.Atoi(w[5:7])
			d, e3 := strconv.Atoi(w[8:])
			if e1 == nil && e2 == nil && e3 == nil {
				return isoDate(y, m, d)
			}
		}
	}
	for i, w := range words {
		m, ok := monthNames[strings.ToLower(w)]
		if !ok {
			continue
		}
		day, year := 0, 0
		// "24 June 2026" / "18th April 2026"
		if i > 0 {
			day = dayOfMonth(words[i-1])
		}
		if i+1 < len(words) {
			if d := dayOfMonth(words[i+1]); d > 0 && day == 0 {
				day = d
				if i+2 < len(words) {
					year = yearNumber(words[i+2])
				}
			} else {
				year = yearNumber(words[i+1])
			}
		}
		if year > 0 && day > 0 {
			if out := isoDate(year, m, day); out != "" {
				return out
			}
		}
	}
	return ""
}

// dayOfMonth reads "18", "18th", "1st"; 0 when w is not a day.
func dayOfMonth(w string) int {
	w = strings.ToLower(w)
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	if len(w) == 0 || len(w) > 2 {
		return 0
	}
	d, err := strconv.Atoi(w)
	if err != nil || d < 1 || d > 31 {
		return 0
	}
	return d
}

func yearNumber(w string) int {
	if len(w) != 4 {
		return 0
	}
	y, err := strconv.Atoi(w)
	if err != nil || y < 1800 || y > 2200 {
		return 0
	}
	return y
}

func isoDate(y, m, d int) string {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2200 {
		return ""
	}
	if t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
		return "" // 31 February
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// dateOnly reports a line that is just a date ("April 21, 2026",
// "Wed, Jun 24 2026"): a date and no other words.
func dateOnly(s string) bool {
	if len(s) > 40 || parseDate(s) == "" {
		return false
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '.' }) {
		lw := strings.ToLower(w)
		if _, ok := monthNames[lw]; ok || weekdayNames[lw] || dayOfMonth(w) > 0 || yearNumber(w) > 0 {
			continue
		}
		if len(w) == 10 && w[4] == '-' {
			continue
		}
		return false
	}
	return true
}
