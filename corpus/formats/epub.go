package formats

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Caps on what an EPUB may unpack to: a small archive can hold a huge
// file (a zip bomb), so sizes are counted as the bytes come out, never
// taken from the archive's own headers.
const (
	maxEPUBEntry    = 32 << 20  // one file inside
	maxEPUBUnpacked = 256 << 20 // all the files read
	maxEPUBFiles    = 20_000
)

// EPUB reads a book: the chapters in the spine's order, each chapter's
// headings as sections, and title, authors, date and publisher from the
// package metadata.
func EPUB(raw []byte) (*Doc, error) {
	return guard("EPUB", func() (*Doc, error) { return readEPUB(raw) })
}

// epubBook is an open archive and the bytes read from it so far.
type epubBook struct {
	files    map[string]*zip.File
	unpacked int64
}

func readEPUB(raw []byte) (*Doc, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, unreadable("broken EPUB: not a readable zip archive (%v)", err)
	}
	if len(zr.File) > maxEPUBFiles {
		return nil, unreadable("EPUB holds over %d files", maxEPUBFiles)
	}
	b := &epubBook{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		b.files[f.Name] = f
	}
	container, err := b.read("META-INF/container.xml")
	if err != nil {
		return nil, err
	}
	opfPath := rootFile(container)
	if opfPath == "" {
		return nil, unreadable("broken EPUB: META-INF/container.xml names no package file")
	}
	opfRaw, err := b.read(opfPath)
	if err != nil {
		return nil, err
	}
	var pkg opfPackage
	if err := xml.Unmarshal(opfRaw, &pkg); err != nil {
		return nil, unreadable("broken EPUB: package file %s (%v)", opfPath, err)
	}
	d := &Doc{Blocks: []Block{}}
	pkg.meta(d)
	hrefs := map[string]string{}
	for _, it := range pkg.Manifest {
		hrefs[it.ID] = it.Href
	}
	for _, ref := range pkg.Spine {
		href, ok := hrefs[ref.IDRef]
		if !ok || ref.Linear == "no" {
			continue
		}
		if h, err := url.PathUnescape(href); err == nil {
			href = h
		}
		name := path.Join(path.Dir(opfPath), href)
		chapter, err := b.read(name)
		if err != nil {
			d.Notes = append(d.Notes, fmt.Sprintf("chapter %s skipped: %v", name, err))
			continue
		}
		blocks, err := chapterBlocks(chapter)
		if err != nil {
			d.Notes = append(d.Notes, fmt.Sprintf("chapter %s skipped: %v", name, err))
			continue
		}
		d.Blocks = append(d.Blocks, blocks...)
	}
	return d, nil
}

// read unpacks one file of the archive within the caps.
func (b *epubBook) read(name string) ([]byte, error) {
	f, ok := b.files[name]
	if !ok {
		return nil, unreadable("broken EPUB: %s is missing", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, unreadable("broken EPUB: %s (%v)", name, err)
	}
	defer rc.Close()
	room := min(int64(maxEPUBEntry), maxEPUBUnpacked-b.unpacked)
	data, err := io.ReadAll(io.LimitReader(rc, room+1))
	if err != nil {
		return nil, unreadable("broken EPUB: %s (%v)", name, err)
	}
	if int64(len(data)) > room {
		return nil, unreadable("EPUB unpacks to more than the cap (%s is over %d MiB)", name, room>>20)
	}
	b.unpacked += int64(len(data))
	return data, nil
}

// rootFile is the package file that container.xml names.
func rootFile(container []byte) string {
	var c struct {
		Rootfiles []struct {
			FullPath string `xml:"full-path,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	if xml.Unmarshal(container, &c) != nil || len(c.Rootfiles) == 0 {
		return ""
	}
	return c.Rootfiles[0].FullPath
}

// opfPackage is the part of an EPUB package file parley reads.
type opfPackage struct {
	Titles   []string     `xml:"metadata>title"`
	Creators []opfCreator `xml:"metadata>creator"`
	// Metas are EPUB 3's <meta refines="#id" property="role">.
	Metas []struct {
		Refines  string `xml:"refines,attr"`
		Property string `xml:"property,attr"`
		Value    string `xml:",chardata"`
	} `xml:"metadata>meta"`
	Dates      []string `xml:"metadata>date"`
	Publishers []string `xml:"metadata>publisher"`
	Sources    []string `xml:"metadata>source"`
	Manifest   []struct {
		ID   string `xml:"id,attr"`
		Href string `xml:"href,attr"`
	} `xml:"manifest>item"`
	Spine []struct {
		IDRef  string `xml:"idref,attr"`
		Linear string `xml:"linear,attr"`
	} `xml:"spine>itemref"`
}

func (p *opfPackage) meta(d *Doc) {
	first := func(v []string) string {
		for _, s := range v {
			if s = collapseSpace(s); s != "" {
				return s
			}
		}
		return ""
	}
	d.Title = first(p.Titles)
	d.Authors = p.authors()
	d.Published = first(p.Dates)
	d.Outlet = first(p.Publishers)
	if s := first(p.Sources); strings.HasPrefix(s, "http") {
		d.URL = s
	}
}

// opfCreator is a dc:creator: a name and, in EPUB 2, its role
// (opf:role="aut", "edt", "trl", "ill"...).
type opfCreator struct {
	Name string `xml:",chardata"`
	ID   string `xml:"id,attr"`
	Role string `xml:"role,attr"`
}

// authors are the creators whose role is author, or who have no role;
// an editor, translator or illustrator is no author. A book whose
// creators all have other roles (an anthology's editors) keeps them all.
func (p *opfPackage) authors() []string {
	roles := map[string]string{}
	for _, m := range p.Metas {
		if m.Property == "role" && strings.HasPrefix(m.Refines, "#") {
			roles[m.Refines[1:]] = strings.TrimSpace(m.Value)
		}
	}
	var authors, others []string
	for _, c := range p.Creators {
		name := collapseSpace(c.Name)
		if name == "" {
			continue
		}
		role := c.Role
		if r, ok := roles[c.ID]; ok && c.ID != "" {
			role = r
		}
		if role == "" || role == "aut" {
			authors = append(authors, name)
		} else {
			others = append(others, name)
		}
	}
	if len(authors) == 0 {
		return others
	}
	return authors
}

// chapterBlocks reads one XHTML chapter into blocks. A chapter with no
// heading of its own is headed by its <title>, so that every chapter is
// a section.
func chapterBlocks(raw []byte) ([]Block, error) {
	if err := checkDepth(raw); err != nil {
		return nil, err
	}
	root, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	body := findElement(root, atom.Body)
	if body == nil {
		return nil, nil
	}
	blocks := walkBlocks(body)
	if len(blocks) > 0 && blocks[0].Kind != Heading {
		if t := findElement(root, atom.Title); t != nil {
			if title := flatText(t); title != "" {
				blocks = append([]Block{{Kind: Heading, Level: 1, Text: title}}, blocks...)
			}
		}
	}
	return blocks, nil
}
