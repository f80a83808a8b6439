package compare

import (
	"strconv"
	"strings"
	"time"
)

// epochDay counts days from 1970-01-01, so dates compare as numbers.
func epochDay(y, m, d int) float64 {
	return float64(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// dateFact reads a day or a span of days ("April 11–12, 2026").
func dateFact(s string, m []int, month, day, dayEnd, year string) Fact {
	mo := months[strings.ToLower(month)]
	d, _ := strconv.Atoi(day)
	y, _ := strconv.Atoi(year)
	lo := epochDay(y, mo, d)
	hi := lo
	if e, err := strconv.Atoi(dayEnd); err == nil && e > d {
		hi = epochDay(y, mo, e)
	}
	return Fact{Kind: KindDate, Text: s[m[0]:m[1]], Value: lo, Low: lo, High: hi, Unit: "day", Start: m[0], End: m[1]}
}

// monthFact reads a month of a year ("late February 2026") as the span
// of its days, narrowed to a third of the month by early/mid/late.
func monthFact(s string, m []int) Fact {
	part := strings.ToLower(group(s, m, 1))
	mo := months[strings.ToLower(group(s, m, 2))]
	y, _ := strconv.Atoi(group(s, m, 3))
	first := epochDay(y, mo, 1)
	last := epochDay(y, mo+1, 1) - 1
	lo, hi := first, last
	switch part {
	case "early":
		hi = first + 9
	case "mid":
		lo, hi = first+9, first+19
	case "late":
		lo = first + 19
	}
	return Fact{Kind: KindDate, Text: s[m[0]:m[1]], Value: lo, Low: lo, High: hi, Unit: "day", Qualifier: part, Start: m[0], End: m[1]}
}

// FormatValue writes a fact's value for people: dates as dates, years as
// years, other numbers without needless decimals.
func (f Fact) FormatValue() string {
	switch f.Kind {
	case KindDate:
		return time.Unix(int64(f.Value)*86400, 0).UTC().Format("2006-01-02")
	case KindPlace, KindActor:
		return f.Name
	}
	return strconv.FormatFloat(f.Value, 'f', -1, 64)
}
