package formats

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page states about itself, by source; the first
// source that has a field wins: JSON-LD, then Open Graph and <meta>.
type pageMeta struct {
	title, description, site, url, date string
	authors                             []string
	// pageTitle is the <title> element, which often carries the site's
	// name ("Headline | Site"): the extractor's cleaned title comes first.
	pageTitle string
	h1        string // the page's first <h1>
}

// readPageMeta fills d's metadata from the page's head (and JSON-LD
// scripts anywhere), before the extractor changes the tree, and returns
// the <title> element's text.
func readPageMeta(root *html.Node, d *Doc) (pageTitle string) {
	var ld, meta pageMeta
	forEach(root, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				readJSONLD(n.FirstChild.Data, &ld)
			}
			return false
		case atom.Meta:
			readMetaTag(n, &meta)
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && meta.url == "" {
				meta.url = attr(n, "href")
			}
		case atom.H1:
			if meta.h1 == "" {
				meta.h1 = flatText(n)
			}
		case atom.Title:
			if n.FirstChild != nil && meta.pageTitle == "" {
				meta.pageTitle = n.FirstChild.Data
			}
		}
		return true
	})
	first := func(vals ...string) string {
		for _, v := range vals {
			if v = collapseSpace(v); v != "" {
				return v
			}
		}
		return ""
	}
	d.Title = first(ld.title, meta.title)
	d.Subtitle = first(ld.description, meta.description)
	d.Outlet = first(ld.site, meta.site)
	d.URL = first(meta.url, ld.url)
	d.Published = first(ld.date, meta.date)
	d.Authors = ld.authors
	if len(d.Authors) == 0 {
		d.Authors = meta.authors
	}
	return trimSiteName(collapseSpace(meta.pageTitle), meta.h1, d.Outlet)
}

// trimSiteName cuts the site's name off a page title ("Headline | Site",
// "Headline - Site") when the page's <h1> or the site name shows which
// part is the headline.
func trimSiteName(title, h1, site string) string {
	for _, sep := range []string{" | ", " - ", " — ", " – ", " :: ", " · "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := title[:i], title[i+len(sep):]
		if strings.EqualFold(head, h1) || site != "" && strings.EqualFold(tail, site) {
			return head
		}
	}
	return title
}

// readMetaTag reads one <meta> tag: Open Graph properties and the
// common name= tags.
func readMetaTag(n *html.Node, m *pageMeta) {
	key := strings.ToLower(attr(n, "property"))
	if key == "" {
		key = strings.ToLower(attr(n, "name"))
	}
	val := attr(n, "content")
	set := func(field *string) {
		if *field == "" {
			*field = val
		}
	}
	switch key {
	case "og:title", "twitter:title":
		// og:title is the headline without the site's suffix, which the
		// <title> element carries; it wins over <title>.
		m.title = val
	case "og:description", "description", "twitter:description":
		set(&m.description)
	case "og:site_name", "application-name":
		set(&m.site)
	case "og:url":
		set(&m.url)
	case "article:published_time", "datepublished", "date", "dc.date", "dc.date.issued", "pubdate", "publish-date", "sailthru.date":
		set(&m.date)
	case "author", "article:author", "dc.creator", "byl", "sailthru.author":
		if val != "" && !strings.HasPrefix(val, "http") && len(m.authors) == 0 {
			m.authors = splitAuthors(val)
		}
	}
}

// articleTypes are the JSON-LD types whose fields describe the page.
var articleTypes = []string{"article", "newsarticle", "reportagenewsarticle", "blogposting", "report",
	"analysisnewsarticle", "opinionnewsarticle", "webpage", "scholarlyarticle", "liveblogposting"}

// readJSONLD reads the first article object of a JSON-LD script (at the
// top, in an array or in @graph). Malformed JSON is ignored.
func readJSONLD(src string, m *pageMeta) {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 || m.title != "" {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			if isArticleType(x["@type"]) {
				readArticleLD(x, m)
			}
		}
	}
	visit(v, 0)
}

func isArticleType(t any) bool {
	var types []string
	switch x := t.(type) {
	case string:
		types = []string{x}
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				types = append(types, s)
			}
		}
	}
	for _, s := range types {
		for _, a := range articleTypes {
			if strings.EqualFold(s, a) {
				return true
			}
		}
	}
	return false
}

func readArticleLD(x map[string]any, m *pageMeta) {
	m.title = ldString(x["headline"])
	if m.title == "" {
		m.title = ldString(x["name"])
	}
	m.description = ldString(x["description"])
	m.date = ldString(x["datePublished"])
	if m.date == "" {
		m.date = ldString(x["dateCreated"])
	}
	m.site = ldName(x["publisher"])
	if u := ldString(x["url"]); u != "" {
		m.url = u
	} else {
		m.url = ldString(x["mainEntityOfPage"])
	}
	switch a := x["author"].(type) {
	case []any:
		for _, e := range a {
			if n := ldName(e); n != "" {
				m.authors = append(m.authors, n)
			}
		}
	default:
		if n := ldName(a); n != "" {
			m.authors = splitAuthors(n)
		}
	}
}

// ldString is a string field, or the @id of an object.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		if s, ok := x["@id"].(string); ok {
			return s
		}
	}
	return ""
}

// ldName is a plain name, or the name of a Person or Organization object.
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		if strings.HasPrefix(x, "http") {
			return ""
		}
		return x
	case map[string]any:
		if s, ok := x["name"].(string); ok {
			return s
		}
	case []any:
		if len(x) > 0 {
			return ldName(x[0])
		}
	}
	return ""
}
