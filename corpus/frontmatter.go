package corpus

import (
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// applyFrontMatter reads a YAML front matter block ("---" ... "---" at the
// very top of a markdown file) into the document's metadata and returns
// the text after it. Known keys: title, subtitle, author or authors,
// date, outlet (or publisher, source, site), url (or link), kind.
// Malformed YAML is left in the text and noted.
func applyFrontMatter(d *Document, text string) string {
	if !strings.HasPrefix(text, "---\n") {
		return text
	}
	end := -1
	for _, closer := range []string{"\n---\n", "\n...\n"} {
		if k := strings.Index(text[3:], closer); k >= 0 && (end < 0 || k+3 < end) {
			end = k + 3
		}
	}
	if end < 0 {
		if strings.HasSuffix(text, "\n---") {
			end = len(text) - 4
		} else {
			return text
		}
	}
	var meta map[string]any
	if err := yaml.Unmarshal([]byte(text[4:end+1]), &meta); err != nil {
		d.Notes = append(d.Notes, "front matter is not valid YAML; shown as text")
		return text
	}
	rest := ""
	if end+5 <= len(text) {
		rest = text[end+5:]
	}
	get := func(keys ...string) string {
		for _, k := range keys {
			if v, ok := meta[k]; ok && v != nil {
				return CleanLine(yamlString(v))
			}
		}
		return ""
	}
	d.Title = get("title")
	d.Subtitle = get("subtitle", "description")
	d.Outlet = get("outlet", "publisher", "source", "site")
	d.URL = get("url", "link")
	d.Kind = strings.ToLower(get("kind", "type"))
	if date := get("date", "published"); date != "" {
		d.Published = parseDate(date)
	}
	for _, k := range []string{"authors", "author"} {
		switch v := meta[k].(type) {
		case []any:
			for _, a := range v {
				if name := CleanLine(yamlString(a)); name != "" {
					d.Authors = append(d.Authors, name)
				}
			}
		case nil:
		default:
			if name := CleanLine(yamlString(v)); name != "" {
				d.Authors = append(d.Authors, name)
			}
		}
		if len(d.Authors) > 0 {
			break
		}
	}
	return rest
}

// yamlString is a front-matter value as text. A person written as a
// mapping (author: {name: A, email: ...}, as Hugo and Jekyll themes do)
// is their name; a list is its items joined by commas.
func yamlString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case time.Time:
		return x.Format("2006-01-02")
	case map[string]any:
		if name, ok := x["name"]; ok && name != nil {
			return yamlString(name)
		}
		return ""
	case []any:
		var items []string
		for _, item := range x {
			if s := yamlString(item); s != "" {
				items = append(items, s)
			}
		}
		return strings.Join(items, ", ")
	default:
		return fmt.Sprint(x)
	}
}
