package corpus

import (
	"slices"
	"strings"
	"testing"
)

func loadSeedsT(t *testing.T) map[string]*Document {
	t.Helper()
	c, err := LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]*Document{}
	for _, d := range c.Docs {
		m[d.ID[:3]] = d
	}
	return m
}

func TestSeedMetadata(t *testing.T) {
	docs := loadSeedsT(t)
	tests := []struct {
		doc, title, subtitle, outlet, author, published, kind string
		editorial                                             []string
	}{
		{"000", "When Diplomacy Opened the Door", "How Pakistan Brought Iran and the United States to the Table", "rki.news", "", "2026-06-24", "interview", nil},
		{"001", "Pakistan Strategic Invitation", "", "", "", "", "explainer", []string{"kind"}},
		{"002", "Pakistan’s Diplomatic Moment: The Islamabad Peace Process and a Race to Prevent a Wider War", "", "Institute for a Community with Shared Future", "Khalid Taimur Akram", "2026-04-18", "op-ed", []string{"kind"}},
		{"003", "The U.S.-Iran War and Pakistan's Peacemaking Diplomacy", "", "RCAS", "Zahid Anwar", "2026-04-21", "commentary", nil},
		{"004", "A New Diplomatic Mechanism: Pakistan, Qatar and the US-Iran Talks in Switzerland", "", "", "Omar Quraishi", "", "op-ed", []string{"title", "author"}},
	}
	for _, tt := range tests {
		d := docs[tt.doc]
		got := []string{d.Title, d.Subtitle, d.Outlet, d.Author, d.Published, d.Kind}
		want := []string{tt.title, tt.subtitle, tt.outlet, tt.author, tt.published, tt.kind}
		if !slices.Equal(got, want) {
			t.Errorf("%s metadata:\n got  %q\n want %q", tt.doc, got, want)
		}
		if !slices.Equal(d.Editorial, tt.editorial) {
			t.Errorf("%s editorial = %q, want %q", tt.doc, d.Editorial, tt.editorial)
		}
	}
}

// bodyText joins every block of a document, one per line.
func bodyText(d *Document) string {
	var b strings.Builder
	for _, r := range d.Blocks() {
		b.WriteString(r.Block.Text + "\n")
	}
	return b.String()
}

func matterText(d *Document) string {
	var b strings.Builder
	for _, m := range d.Matter {
		b.WriteString(m.Kind + ": " + m.Text + "\n")
	}
	return b.String()
}

func findSentence(d *Document, prefix string) string {
	for _, r := range d.Blocks() {
		for _, s := range r.Block.Sentences {
			if strings.HasPrefix(s.Text, prefix) {
				return s.Text
			}
		}
	}
	return ""
}

func TestSeedRejoinsBrokenParagraphs(t *testing.T) {
	docs := loadSeedsT(t)
	want := "The situation worsened when U.S. and Israel launched coordinated airstrikes on Iranian military and government sites that caused the death of the Supreme Leader of Iran, Ayatollah Ali Khamenei."
	if got := findSentence(docs["002"], "The situation worsened"); got != want {
		t.Errorf("002 sentence across page break:\n got  %q\n want %q", got, want)
	}
	if got := findSentence(docs["000"], "In a rare and candid"); !strings.Contains(got, "Qatar's Center for International and Regional Studies (CIRS), Maryam Daud") {
		t.Errorf("000 first paragraph not rejoined: %q", got)
	}
	// Real paragraph breaks stay: "...independence." and "Both are brothers" are two blocks.
	body := bodyText(docs["002"])
	if !strings.Contains(body, "time of independence.\nBoth are brothers") {
		t.Errorf("002 lost a paragraph break")
	}
}

func TestSeedHeadingsAndLists(t *testing.T) {
	docs := loadSeedsT(t)
	var headings []string
	for _, s := range docs["001"].Sections {
		headings = append(headings, s.Heading)
	}
	for _, h := range []string{"What Are the US Iran Talks About?", "Why Pakistan Was Invited", "1. Historical Diplomatic Balancing", "4. Strategic Foreign Policy Messaging", "Conclusion"} {
		if !slices.Contains(headings, h) {
			t.Errorf("001 heading %q missing from %q", h, headings)
		}
	}
	var items []string
	for _, r := range docs["002"].Blocks() {
		if r.Block.Kind == ListItem {
			items = append(items, r.Block.Text)
		}
	}
	if want := []string{"Ending the ongoing war", "Addressing Iran's nuclear program", "Lifting sanctions", "Securing global energy routes", "Preventing future military escalation"}; !slices.Equal(items, want) {
		t.Errorf("002 list items = %q", items)
	}
}

func TestSeedCaptions(t *testing.T) {
	d := loadSeedsT(t)["003"]
	var captions []string
	for _, r := range d.Blocks() {
		if r.Block.Kind == Caption {
			captions = append(captions, r.Block.Text)
		}
		if strings.HasSuffix(r.Block.Text, ".png") || strings.HasSuffix(r.Block.Text, ".jpg") {
			t.Errorf("file-name caption left in the body: %q", r.Block.Text)
		}
	}
	want := []string{
		"A Pakistani Ranger walks past a billboard for the U.S.-Iran peace talks in Islamabad on April 12, 2026.",
		"Iran's Parliament Speaker Mohammad Bagher Ghalibaf, left, meets with hand with Pakistani Prime Minister Shehbaz Sharif, in Islamabad, Pakistan, Saturday, April 11, 2026. (Pakistan Prime Minister Office)",
		"U.S. Vice President J.D. Vance meets with Pakistan's Prime Minister Shehbaz Sharif during their meeting at Islamabad, Pakistan on April 11, 2026.",
	}
	if !slices.Equal(captions, want) {
		t.Errorf("003 captions:\n got  %q\n want %q", captions, want)
	}
}

func TestSeedEmphasis(t *testing.T) {
	d := loadSeedsT(t)["002"]
	for _, r := range d.Blocks() {
		if strings.Contains(r.Block.Text, "*") {
			t.Errorf("asterisks left in %q", r.Block.Text)
		}
		for _, sp := range r.Block.Emphasis {
			if got := r.Block.Text[sp.Start:sp.End]; got != "Islamabad Talks" {
				t.Errorf("emphasis span %q", got)
			}
			return
		}
	}
	t.Error("no emphasis span in 002")
}

func TestSeedMatter(t *testing.T) {
	docs := loadSeedsT(t)
	for id, wants := range map[string][]string{
		"000": {"front: Published on June 24, 2026", "front: Category: ,English,Interviews - ,Snippets", "front: Show on website : Click Here"},
		"002": {"front: 中国传媒大学\nfront: COMMUNICATION UNIVERSITY OF CHINA", "front: 人类命运共同体研究院", "front: By Mr. Khalid Taimur Akram"},
		"003": {"front: About RCAS", "front: Address: 1507B", "front: Welcome to visit our website", "back: The article was first published at China-US Focus", "back: About Author", "back: Zahid Anwar, pro-Vice-President"},
		"004": {"back: The writer is a journalist based in Karachi."},
	} {
		m := matterText(docs[id])
		for _, w := range wants {
			if !strings.Contains(m, w) {
				t.Errorf("%s matter lacks %q:\n%s", id, w, m)
			}
		}
		body := bodyText(docs[id])
		for _, bad := range []string{"About RCAS", "Show on website", "Published on", "The writer is", "Ph: 00852", "first published at"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s body holds matter %q", id, bad)
			}
		}
	}
	// 003 prints its title and author again before the body: not in the body.
	if first := docs["003"].Blocks()[0].Block.Text; !strings.HasPrefix(first, "The ongoing conflict") {
		t.Errorf("003 body starts with %q", first)
	}
}

func TestSeedSentenceOffsets(t *testing.T) {
	for _, d := range loadSeedsT(t) {
		for _, r := range d.Blocks() {
			b := r.Block
			cleanIsSafe(t, b.Text)
			if len(b.Sentences) == 0 {
				t.Errorf("%s block without sentences: %q", d.ID, b.Text)
			}
			for _, s := range b.Sentences {
				if b.Text[s.Start:s.End] != s.Text {
					t.Errorf("%s: bad offsets for %q", d.ID, s.Text)
				}
			}
		}
		if d.Words == 0 || len(d.Sections) == 0 {
			t.Errorf("%s: empty body", d.ID)
		}
	}
}
