package compare

// ExtractFacts finds the numbers, dates, places and actors in a sentence.
func ExtractFacts(sentence string) []Fact { return nil }
