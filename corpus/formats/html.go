package formats

import (
	"bytes"
	"io"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// maxDepth caps how deeply a page's elements may nest. Building the tree
// of a page nested 100,000 deep takes minutes (the parser's cost grows
// with the square of the depth), and real pages stay under a hundred.
const maxDepth = 512

// maxElements caps the elements of one page given to the extractor.
const maxElements = 200_000

// HTML extracts the article of a saved web page: its text as blocks, with
// navigation, banners, share bars, related links, scripts and footers
// left out, and its metadata from JSON-LD, Open Graph and <meta> tags.
func HTML(raw []byte) (*Doc, error) {
	return guard("web page", func() (*Doc, error) { return readHTML(raw) })
}

func readHTML(raw []byte) (*Doc, error) {
	if err := checkDepth(raw); err != nil {
		return nil, err
	}
	r, err := charset.NewReader(bytes.NewReader(raw), "text/html")
	if err != nil {
		r = bytes.NewReader(raw)
	}
	root, err := html.Parse(r)
	if err != nil {
		return nil, unreadable("not a readable web page (%v)", err)
	}
	d := &Doc{}
	pageTitle := readPageMeta(root, d)
	body := findElement(root, atom.Body)
	p := readability.NewParser()
	p.MaxElemsToParse = maxElements
	article, err := p.ParseAndMutate(root, nil)
	if err != nil {
		return nil, unreadable("%v", err)
	}
	if d.Title == "" {
		d.Title = pageTitle
	}
	if d.Title == "" {
		d.Title = article.Title()
	}
	if len(d.Authors) == 0 && article.Byline() != "" {
		d.Authors = splitAuthors(article.Byline())
	}
	if d.Outlet == "" {
		d.Outlet = article.SiteName()
	}
	if d.Published == "" {
		if t, err := article.PublishedTime(); err == nil {
			d.Published = t.Format("2006-01-02")
		}
	}
	if article.Node != nil {
		d.Blocks = walkBlocks(article.Node)
	}
	if len(d.Blocks) == 0 && body != nil {
		// No article found (a short page): take the page's text as it is.
		d.Blocks = walkBlocks(body)
		d.Notes = append(d.Notes, "no article found in the page; its whole text is shown")
	}
	if d.Blocks == nil {
		d.Blocks = []Block{}
	}
	return d, nil
}

// checkDepth refuses a page whose elements nest deeper than maxDepth,
// counted from its tags before the tree is built. Elements that need no
// end tag (void ones, and p, li, td and the like, which the next sibling
// closes) are not counted.
func checkDepth(raw []byte) error {
	z := html.NewTokenizer(bytes.NewReader(raw))
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return nil
			}
			return unreadable("not a readable web page (%v)", z.Err())
		case html.StartTagToken:
			name, _ := z.TagName()
			if !selfClosing(atom.Lookup(name)) {
				depth++
				if depth > maxDepth {
					return unreadable("elements nested over %d deep", maxDepth)
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if !selfClosing(atom.Lookup(name)) && depth > 0 {
				depth--
			}
		}
	}
}

func selfClosing(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr, atom.P, atom.Li, atom.Dt, atom.Dd,
		atom.Td, atom.Th, atom.Tr, atom.Option, atom.Optgroup, atom.Rb, atom.Rt, atom.Rp, atom.Colgroup,
		atom.Thead, atom.Tbody, atom.Tfoot:
		return true
	}
	return false
}

func findElement(n *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	forEach(n, func(c *html.Node) bool {
		if found == nil && c.DataAtom == a {
			found = c
		}
		return found == nil
	})
	return found
}

// splitAuthors splits a byline ("By Sara Malik and Tom Reyes", "A, B")
// into names.
func splitAuthors(s string) []string {
	s = strings.TrimSpace(s)
	for _, by := range []string{"By ", "by ", "BY "} {
		s = strings.TrimPrefix(s, by)
	}
	s = strings.NewReplacer(" and ", ",", " & ", ",", ";", ",").Replace(s)
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = collapseSpace(part); part != "" && len(part) < 100 {
			out = append(out, part)
		}
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}
