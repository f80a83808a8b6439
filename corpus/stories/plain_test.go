package stories

import (
	"testing"

	"parley/corpus"
)

// affairsOfOnePerson: two reports of Pemberly's new party, one of paint
// thrown at him, and two others that use the words of the attack
// (so that they are terms of the corpus) on other affairs. The paint
// report shares Pemberly's names with the party reports (and a headline
// word), but not the words of the event.
func affairsOfOnePerson() []*corpus.Document {
	party := "Aldous Pemberly launched the Brightway party on Monday, after leaving the Ostrava Alliance, with a manifesto of tax cuts and the promise of candidates in every seat."
	return []*corpus.Document{
		article("p/1", "Pemberly launches Brightway",
			party,
			"Pemberly said Brightway would field candidates at the general election and that its manifesto would be published within weeks.",
			"The Ostrava Alliance said Pemberly had broken his promise to members by founding a rival party."),
		article("p/2", "Pemberly's Brightway names candidates",
			"Aldous Pemberly named the first Brightway candidates on Thursday, a week after he launched the party and left the Ostrava Alliance.",
			"Brightway will publish its manifesto of tax cuts next month, Pemberly said, and expects candidates in every seat.",
			"Members of the Ostrava Alliance who joined the party were welcomed at the launch."),
		article("p/3", "Pemberly attacked with paint",
			"Protesters threw red paint over Aldous Pemberly outside a hotel in Kettlewick, soaking his suit, before police arrested two men.",
			"Pemberly, a member of the Ostrava Alliance, was unhurt; police said the attackers had thrown paint at a councillor in a similar protest.",
			"The protesters shouted slogans as officers led them away from the hotel."),
		article("p/4", "Quillon mayor's budget row",
			"Police arrested protesters who threw paint at the Quillon mayor, Rupert Vane, during a budget meeting on bus fares and school funding.",
			"Vane said the budget would cut bus fares and raise school funding, and the council backed it."),
		article("p/5", "Harrowgate festival plans",
			"Desmond Arkwright, a Harrowgate councillor, said a hotel would host the town's festival, and officers would manage traffic.",
			"Slogans on the festival's banners were chosen by schools, Arkwright said, and the hotel was soaking up bookings."),
	}
}

// TestPlainWordsKeepOnePersonsAffairsApart: without the plain-word check
// the paint attack joins the party's story by its names; with it, the
// party's reports are one story and the attack is not in it.
func TestPlainWordsKeepOnePersonsAffairsApart(t *testing.T) {
	docs := affairsOfOnePerson()
	r := Group(docs)
	if r.StoryOf[0] != r.StoryOf[1] {
		t.Errorf("the two reports of the party are apart: %v", r.StoryOf)
	}
	if r.StoryOf[2] == r.StoryOf[0] {
		t.Errorf("the paint attack on Pemberly joined the party's story: %v", r.StoryOf)
	}
	saved := minPlainSim
	defer func() { minPlainSim = saved }()
	minPlainSim = 0
	if r := Group(docs); r.StoryOf[2] != r.StoryOf[0] {
		t.Errorf("without the check the attack stays apart too (StoryOf %v): the test shows nothing", r.StoryOf)
	}
}
