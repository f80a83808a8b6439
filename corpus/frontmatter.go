package corpus

import (
	"fmt"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// applyFrontMatter reads a front matter block at the very top of a
// markdown file, YAML ("---" ... "---") or TOML as Hugo writes it
// ("+++" ... "+++"), into the document's metadata and returns the text
// after it. Known keys: title, subtitle, author or authors, date, outlet
// (or publisher, source, site), url (or link), kind. A block that does
// not parse is left in the text and noted.
func applyFrontMatter(d *Document, text string) string {
	var meta map[string]any
	var err error
	format, fence, alt := "YAML", "---", "..."
	if strings.HasPrefix(text, "+++\n") {
		format, fence, alt = "TOML", "+++", "+++"
	} else if !strings.HasPrefix(text, "---\n") {
		return text
	}
	block, rest, ok := cutFrontMatter(text, fence, alt)
	if !ok {
		return text
	}
	if format == "TOML" {
		_, err = toml.Decode(block, &meta)
	} else {
		err = yaml.Unmarshal([]byte(block), &meta)
	}
	if err != nil {
		d.Notes = append(d.Notes, "front matter is not valid "+format+"; shown as text")
		return text
	}
	applyMeta(d, meta)
	return rest
}

// cutFrontMatter splits text, which starts with the line fence, at the
// first later line that is fence or alt (or the last line, fence with no
// line end): the block between, and the text after.
func cutFrontMatter(text, fence, alt string) (block, rest string, ok bool) {
	end := -1
	for _, closer := range []string{"\n" + fence + "\n", "\n" + alt + "\n"} {
		if k := strings.Index(text[3:], closer); k >= 0 && (end < 0 || k+3 < end) {
			end = k + 3
		}
	}
	if end < 0 {
		if !strings.HasSuffix(text, "\n"+fence) {
			return "", "", false
		}
		end = len(text) - 4
	}
	if end+5 <= len(text) {
		rest = text[end+5:]
	}
	return text[4 : end+1], rest, true
}

// applyMeta sets the document's metadata from front matter's keys.
func applyMeta(d *Document, meta map[string]any) {
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
}

// yamlString is a front-matter value as text. A person written as a
// mapping (author: {name: A, email: ...}, as Hugo and Jekyll themes do)
// is their name; a list is its items joined by commas.
func yamlString(v any) string {
	switch x := v.(type) {
	case string:
		// A block scalar (title: | or >) ends lines: one line, as a title is.
		return strings.Join(strings.Fields(x), " ")
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
