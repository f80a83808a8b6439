package compare

// Relate says how fact b stands to fact a: Same, Compatible, Different,
// or None when they measure different things.
func Relate(a, b Fact) Relation { return None }
