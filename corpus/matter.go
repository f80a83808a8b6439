package corpus

import (
	"strings"
	"unicode"
)

// Front and back matter: lines about the publication rather than the
// story. They are kept in Document.Matter, apart from the body.

// matterPrefixes open a line of publication data (compared in lower case).
var matterPrefixes = []string{
	"publish date", "document date", "date:", "category:", "categories:", "tags:", "tagged:", "filed under",
	"show on website", "click here", "read more", "share this", "follow us", "source:",
	"address:", "ph:", "phone:", "tel:", "fax:", "email:", "e-mail:", "web:", "website:",
	"welcome to visit our website", "visit our website", "©", "all rights reserved",
}

// notePrefixesDated open publication notes that also begin ordinary
// sentences ("Published on Monday, the report ..."); they count as matter
// only when they carry a date, a year or a link.
var notePrefixesDated = []string{
	"published on", "published:", "posted on", "updated on", "last updated", "copyright",
	"the article was first published", "this article was first published", "this article first appeared",
	"first published", "originally published", "a version of this article",
}

// backPrefixes open an author's note that closes an article.
var backPrefixes = []string{
	"the writer is", "the writer was", "the author is", "the author was", "the writers are", "the authors are",
	"— the writer", "- the writer", "the views expressed",
}

// isMatterLine reports a short line of publication data.
func isMatterLine(s string) bool {
	if len(s) > 400 {
		return false
	}
	var buf [48]byte
	ls := lowerPrefixInto(buf[:], s, len(buf))
	for _, p := range matterPrefixes {
		if hasPrefix(ls, p) {
			return true
		}
	}
	for _, p := range notePrefixesDated {
		if hasPrefix(ls, p) && hasDateOrLink(s) {
			return true
		}
	}
	if isAuthorNote(s) {
		return true
	}
	// A short line that is mostly a link or an e-mail address.
	if len(s) < 200 && wordCount(s) <= 6 && (strings.Contains(s, "http://") || strings.Contains(s, "https://") || strings.Contains(s, "www.") || looksLikeEmail(s)) {
		return true
	}
	return false
}

// hasDateOrLink reports a full date, a link, or a year in a short line.
func hasDateOrLink(s string) bool {
	if strings.Contains(s, "http") || strings.Contains(s, "www.") || parseDate(s) != "" {
		return true
	}
	if wordCount(s) > 12 {
		return false
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) {
		if yearNumber(w) > 0 {
			return true
		}
	}
	return false
}

// isAuthorNote reports "The writer is a journalist ..." style notes.
func isAuthorNote(s string) bool {
	if len(s) > 600 {
		return false
	}
	var buf [24]byte
	ls := lowerPrefixInto(buf[:], s, len(buf))
	for _, p := range backPrefixes {
		if hasPrefix(ls, p) {
			return true
		}
	}
	return false
}

func looksLikeEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && strings.IndexByte(s[at:], '.') > 0 && s[at-1] != ' '
}

// aboutHeading reports a heading that opens an "About ..." section: about
// the publisher or the author.
func aboutHeading(s string) bool {
	if len(s) >= 60 {
		return false
	}
	ls := strings.ToLower(s)
	return (strings.HasPrefix(ls, "about ") || ls == "about" || strings.HasPrefix(ls, "author bio") ||
		ls == "biography" || ls == "contact" || ls == "contact us")
}

// handleIn returns the first @handle in s (not an e-mail address).
func handleIn(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != '@' || (i > 0 && s[i-1] != ' ') {
			continue
		}
		j := i + 1
		for j < len(s) && (isWordByte(s[j])) {
			j++
		}
		if j-i > 2 {
			return s[i:j]
		}
	}
	return ""
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// kindWords map labels found in a header line ("RCAS Commentary",
// "Category: Interviews") to a document kind.
var kindWords = []struct{ word, kind string }{
	{"interview", "interview"}, {"q&a", "interview"}, {"in conversation", "interview"},
	{"commentary", "commentary"}, {"op-ed", "op-ed"}, {"oped", "op-ed"}, {"opinion", "op-ed"},
	{"column", "op-ed"}, {"editorial", "op-ed"}, {"explainer", "explainer"}, {"analysis", "analysis"},
}

// kindIn returns the kind named in a label line, or "".
func kindIn(s string) string {
	ls := strings.ToLower(s)
	for _, k := range kindWords {
		if strings.Contains(ls, k.word) {
			return k.kind
		}
	}
	return ""
}

// outletLabel reads "RCAS Commentary" or "Dawn Opinion": an outlet name
// followed by a kind word, nothing else. It returns the outlet and kind.
func outletLabel(s string) (string, string) {
	if len(s) > 60 || endsSentence(s) {
		return "", ""
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return "", ""
	}
	kind := kindIn(words[len(words)-1])
	if kind == "" || !titleCased(s) || strings.ToLower(s) == s {
		return "", ""
	}
	for _, w := range words {
		if r := firstLetter(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return "", ""
		}
	}
	return strings.Join(words[:len(words)-1], " "), kind
}

// domainOutlet reads an outlet from a short line holding a site name such
// as "rki.news|Special Feature" or "dawn.com"; "" when there is none.
func domainOutlet(s string) string {
	// Only a line that is the site name, or a site name set off with "|":
	// a headline such as "Amazon.com profits rise" names no outlet.
	if len(s) > 80 || wordCount(s) > 6 || !strings.Contains(s, "|") && strings.Contains(s, " ") {
		return ""
	}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == ' ' || r == '·' }) {
		dot := strings.LastIndexByte(part, '.')
		if dot <= 0 || dot >= len(part)-2 || strings.Contains(part, "@") {
			continue
		}
		tld := part[dot+1:]
		ok := true
		for _, r := range tld {
			if !unicode.IsLower(r) {
				ok = false
			}
		}
		if ok && unicode.IsLetter(rune(part[0])) {
			return strings.TrimPrefix(strings.TrimPrefix(part, "www."), "WWW.")
		}
	}
	return ""
}

// orgWords mark a publisher's name in a letterhead line.
var orgWords = []string{"institute", "university", "center", "centre", "council", "foundation", "forum",
	"academy", "school", "society", "association", "agency", "press", "news", "times", "post", "journal", "review"}

func isOrgLine(s string) bool {
	ls := strings.ToLower(s)
	for _, w := range orgWords {
		if strings.Contains(ls, w) {
			return true
		}
	}
	return false
}
