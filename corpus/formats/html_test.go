package formats

import "testing"

// An older page's paragraphs written as <br><br> inside a layout table
// stay paragraphs: go-readability turns them into <p> elements with no
// atom, which the walker must still see as paragraphs.
func TestHTMLBrParagraphs(t *testing.T) {
	page := `<html><head><title>Old site story</title></head><body>
<table width="100%"><tr><td><a href="/">Home</a> | <a href="/n">News</a></td></tr></table>
<table><tr><td><font face="Arial"><b>Old site story</b><br><br>
The town council voted on Wednesday to build a new library next to the station, at a cost of five million pounds.<br><br>
Work is due to start next spring, and the library should open in two years, the council said.<br><br>
Some residents said the money should go to repairing roads instead.
</font></td></tr></table></body></html>`
	d, err := HTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var paragraphs []string
	for _, b := range d.Blocks {
		if b.Kind == Paragraph {
			paragraphs = append(paragraphs, b.Text)
		}
	}
	if len(paragraphs) < 3 || paragraphs[len(paragraphs)-1] != "Some residents said the money should go to repairing roads instead." {
		t.Errorf("paragraphs %q", paragraphs)
	}
}
