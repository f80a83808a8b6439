package formats

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestTrimSiteName(t *testing.T) {
	for _, c := range []struct{ title, h1, site, want string }{
		{"Talks resume in Islamabad | Example News", "Talks resume in Islamabad", "", "Talks resume in Islamabad"},
		{"Talks resume - Example News", "", "Example News", "Talks resume"},
		{"Iran - US talks resume", "", "Example News", "Iran - US talks resume"},
		{"Plain headline", "Plain headline", "Site", "Plain headline"},
	} {
		if got := trimSiteName(c.title, c.h1, c.site); got != c.want {
			t.Errorf("trimSiteName(%q, %q, %q) = %q, want %q", c.title, c.h1, c.site, got, c.want)
		}
	}
}

func TestMeaningfulInfo(t *testing.T) {
	for s, want := range map[string]bool{
		"Sanctions Relief Options": true, "Farah Javed": true, "Microsoft Word - draft3.docx": false,
		"Untitled-1": false, "report.pdf": false, "Untitled": false, "Presentation1": false, "": false, "ab": false,
		"Documents of the talks": true, "Document": false,
	} {
		if got := meaningfulInfo(s); got != want {
			t.Errorf("meaningfulInfo(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestRepairPages(t *testing.T) {
	page := func(lines ...string) []pdfLine {
		out := make([]pdfLine, len(lines))
		for i, l := range lines {
			out[i] = pdfLine{text: l, size: 11, gap: 1}
		}
		return out
	}
	got := repairPages([][]pdfLine{
		page("Brief 7 | Review", "A sentence that is split by hyphen-", "ation goes on and on across the", "3"),
		page("Brief 7 | Review", "page break without a stop.", "Page 2 of 2"),
	})
	want := "A sentence that is split by hyphenation\ngoes on and on across the\npage break without a stop."
	if got != want {
		t.Errorf("repairPages:\n%q\nwant\n%q", got, want)
	}
}

func TestEPUBAuthorsByRole(t *testing.T) {
	opf := `<package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:creator opf:role="aut">Jane Doe</dc:creator><dc:creator opf:role="edt">Ed Itor</dc:creator>
<dc:creator id="a3">Ann Other</dc:creator><meta refines="#a3" property="role" scheme="marc:relators">aut</meta>
<dc:creator id="t1">Tran Slator</dc:creator><meta refines="#t1" property="role" scheme="marc:relators">trl</meta>
<dc:creator>No Role</dc:creator></metadata></package>`
	var p opfPackage
	if err := xml.Unmarshal([]byte(opf), &p); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(p.authors(), ", "), "Jane Doe, Ann Other, No Role"; got != want {
		t.Errorf("authors %q, want %q", got, want)
	}
	// Editors alone (an anthology) are kept.
	p = opfPackage{}
	if err := xml.Unmarshal([]byte(`<package><metadata><creator role="edt">Ed Itor</creator></metadata></package>`), &p); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.authors(), ", "); got != "Ed Itor" {
		t.Errorf("editors alone: %q", got)
	}
}
