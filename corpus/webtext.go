package corpus

import (
	"html"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/norm"
)

// Text copied from a web page brings the page's furniture along: share
// bars, cookie notices, "Updated 2 hours ago", newsletter boxes, a "Read
// next" list after the article and the agency's "Reporting by …; Editing
// by …" credit. These tell apart the lines that are furniture.

// shareWords are the words of a share bar ("Facebook Twitter LinkedIn
// Email"), compared in lower case.
var shareWords = setOf("share facebook twitter x linkedin email e-mail whatsapp print copy link pinterest reddit " +
	"messenger telegram tweet save comment comments mail flipboard bluesky threads sms gift article this")

// clutterPrefixes open a line that is page furniture, compared in lower
// case.
var clutterPrefixes = []string{
	"we use cookies", "this site uses cookies", "this website uses cookies", "accept all cookies",
	"manage cookies", "cookie settings", "by continuing to use this", "by using this site",
	"sign up for our", "subscribe to our newsletter", "sign up to our", "share this article",
	"share on facebook", "follow us on", "listen to this article",
}

// clutterLines are whole lines of page furniture, compared in lower case.
var clutterLines = phraseSet("advertisement|skip to main content|skip to content|accept cookies|accept|" +
	"manage preferences|reject all|copy link|share|subscribe|sign up|sign in|log in|menu|search|close|" +
	"listen|print|save|comments|show comments|more|advertise with us|" +
	"home|homepage|bbc homepage|go to homepage|back to top|cookie policy|cookies|privacy policy|" +
	"terms of use|terms and conditions|accept all|reject cookies|cookie preferences")

// sectionWords are a site's section names, which a navigation line is
// made of ("Home News Sport Weather iPlayer Sounds"), in lower case.
var sectionWords = setOf("home news sport sports weather iplayer sounds bitesize culture travel future worklife " +
	"business tech technology science health politics world uk us opinion video videos live arts " +
	"entertainment lifestyle money markets food music film tv radio education podcasts newsletters " +
	"games puzzles obituaries climate innovation earth reel latest features audio magazine style books " +
	"economy asia africa europe americas australia india more menu")

// navLine reports a whole line of site navigation: "Skip to content",
// "Menu", "Sign in", "Cookie policy", or a line made only of section
// names ("Home News Sport Weather"). A line such as "Sign in" ends on a
// word that would otherwise join it with the next line.
func navLine(s string) bool {
	if len(s) >= 80 {
		return false
	}
	if len(s) < 40 {
		var line [40]byte
		if clutterLines[string(lowerPrefixInto(line[:], strings.TrimSpace(s), len(line)))] {
			return true
		}
	}
	return sectionMenu(s)
}

// sectionMenu: three or more section names and nothing else, the first
// "Home", or four or more ("Home News Sport Weather"; a headline such as
// "World News Live" is not one).
func sectionMenu(s string) bool {
	var buf [16]byte
	first := s
	if i := strings.IndexAny(s, " |·•/"); i >= 0 {
		first = s[:i]
	}
	if len(first) > len(buf) || !sectionWords[string(lowerPrefixInto(buf[:], first, len(buf)))] {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '|' || r == '·' || r == '•' || r == '/'
	})
	if len(words) < 3 || len(words) < 4 && words[0] != "home" {
		return false
	}
	for _, w := range words {
		if !sectionWords[w] {
			return false
		}
	}
	return true
}

// knownOutlets are news outlets whose name alone on a line, above a
// copied article, is the outlet, in lower case.
var knownOutlets = phraseSet("bbc news|bbc|bbc sport|reuters|associated press|ap news|the guardian|guardian|" +
	"cnn|al jazeera|the new york times|new york times|the washington post|washington post|financial times|" +
	"the times|sky news|npr|dawn|the express tribune|express tribune|the economist|bloomberg|the independent|" +
	"the telegraph|politico|axios|abc news|cbs news|nbc news|fox news|france 24|dw|euronews|geo news|" +
	"arab news|the hindu|times of india|the news|the nation|afp")

// knownOutlet reports a line that is only the name of a known outlet.
func knownOutlet(s string) bool {
	if len(s) >= 40 {
		return false
	}
	var line [40]byte
	return knownOutlets[string(lowerPrefixInto(line[:], strings.TrimSpace(s), len(line)))]
}

// webClutter reports a short line that is page furniture: a share bar, a
// cookie notice, a newsletter box, an "Updated 2 hours ago" stamp.
func webClutter(s string) bool {
	if len(s) > 300 {
		return false
	}
	var buf [32]byte
	ls := lowerPrefixInto(buf[:], s, len(buf))
	for _, p := range clutterPrefixes {
		if hasPrefix(ls, p) {
			return true
		}
	}
	return navLine(s) || shareBar(s) || timeStamp(s)
}

// phraseSet makes a set of the phrases of s, separated by "|".
func phraseSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split(s, "|") {
		m[p] = true
	}
	return m
}

// shareBar: two or more words, every one a share word.
func shareBar(s string) bool {
	if len(s) > 120 {
		return false
	}
	// Most lines fail on the first word: look at it before splitting.
	var buf [16]byte
	first := s
	if i := strings.IndexAny(s, " |·•,/"); i >= 0 {
		first = s[:i]
	}
	if len(first) > len(buf) || !shareWords[string(lowerPrefixInto(buf[:], first, len(buf)))] {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '|' || r == '·' || r == '•' || r == ',' || r == '/'
	})
	if len(words) < 2 || len(words) > 14 {
		return false
	}
	for _, w := range words {
		if !shareWords[w] {
			return false
		}
	}
	return true
}

// timeWords may stand beside a date in a dateline ("April 13, 2026 4:52
// PM GMT+5 Updated 2 hours ago").
var timeWords = setOf("am pm a.m. p.m. gmt utc bst cet cest est edt et pt pst pdt ist pkt updated published posted " +
	"last on at ago hour hours minute minutes min mins day days second seconds read reading time | - — – • · just now")

// datelineDate returns the date of a dateline: a short line holding a
// date and otherwise only times, zones and words such as "Updated" or "2
// hours ago"; "" when s is not one.
func datelineDate(s string) string {
	if len(s) > 100 || strings.IndexFunc(s, unicode.IsDigit) < 0 || wordCount(s) > 18 {
		return ""
	}
	date := parseDate(s)
	if date == "" || !onlyTimeWords(s, true) {
		return ""
	}
	return date
}

// timeStamp reports a line such as "Updated 2 hours ago" or "5 min read"
// (a bare "2000 GMT" in a list of fixtures is not one).
func timeStamp(s string) bool {
	if len(s) > 60 || strings.IndexFunc(s, unicode.IsDigit) < 0 || wordCount(s) > 8 || endsSentence(s) || !onlyTimeWords(s, false) {
		return false
	}
	ls := strings.ToLower(s)
	for _, w := range []string{"ago", "updated", "published", "posted", " read"} {
		if strings.Contains(ls, w) {
			return true
		}
	}
	return false
}

// onlyTimeWords reports that every word of s is a time word, a number or
// a clock time (4:52, GMT+5); with dates, month and weekday names too.
func onlyTimeWords(s string, dates bool) bool {
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(strings.Trim(w, ",.;()"))
		switch {
		case lw == "" || timeWords[lw] || timeWords[strings.TrimRight(lw, ":")]:
		case strings.IndexFunc(lw, func(r rune) bool { return !unicode.IsDigit(r) && !strings.ContainsRune(":+-/.", r) }) < 0:
			// a number, a clock time, an offset or a numeric date
		case strings.HasPrefix(lw, "gmt") || strings.HasPrefix(lw, "utc"):
		case dates && (monthNames[lw] > 0 || weekdayNames[lw] || dayOfMonth(lw) > 0):
		default:
			return false
		}
	}
	return true
}

// creditPrefixes open an agency's credit line.
var creditPrefixes = []string{"reporting by", "additional reporting by", "writing by", "editing by",
	"compiled by", "reported by", "edited by", "(reporting by", "(additional reporting"}

// agencyCredit reports "Reporting by Parisa Hafezi; Editing by Alex
// Richardson" and the like: matter, never a title or a heading.
func agencyCredit(s string) bool {
	if len(s) > 400 {
		return false
	}
	var buf [24]byte
	ls := lowerPrefixInto(buf[:], s, len(buf))
	for _, p := range creditPrefixes {
		if hasPrefix(ls, p) {
			return true
		}
	}
	return false
}

// tailHeadings open the list of other articles after a copied article:
// from such a line on, the rest is back matter.
var tailHeadings = strings.Split("read next|read more|related|related topics|related links|related stories|related articles|related content|"+
	"more on this story|more on this topic|more stories|most read|most popular|recommended|recommended for you|you may also like|"+
	"you might also like|more from|top stories|trending|latest news|more in this section|around the web", "|")

func tailHeading(s string) bool {
	if len(s) > 40 {
		return false
	}
	var buf [40]byte
	ls := string(lowerPrefixInto(buf[:], strings.TrimRight(strings.TrimSpace(s), ":"), len(buf)))
	for _, h := range tailHeadings {
		if ls == h {
			return true
		}
	}
	return false
}

// cellWidth is the cells a table cell takes on a terminal.
func cellWidth(s string) int { return ansi.StringWidth(s) }

// decodeEntities decodes the HTML character references that text copied
// from a page's source keeps ("&#163;1.8m", "risqu&#233;", "&amp;"), in
// a text file (markdown keeps them: its code shows them as written). A
// reference can stand for a control character (&#27;), so the result
// passes the hygiene again. It runs before anything reads the text, the
// load filter included.
func decodeEntities(name, text string) (string, []string) {
	if isMarkdownName(name) || !strings.Contains(text, "&") || !strings.Contains(text, ";") {
		return text, nil
	}
	dec := html.UnescapeString(text)
	if dec == text {
		return text, nil
	}
	out, st := cleanUTF8([]byte(dec))
	if st.nonASCII && !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out, append([]string{"HTML character references decoded (&#163; as £)"}, st.notes()...)
}
