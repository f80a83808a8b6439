// Package seeds embeds the shipped corpus: five documents on the 2026
// Islamabad talks, copied verbatim, plus curated data files about them.
package seeds

import "embed"

// FS holds the seed documents (*.txt) and the curated data files (*.json).
//
//go:embed *.txt *.json
var FS embed.FS
