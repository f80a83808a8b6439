package claimsfile

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
)

// EnvFile names the environment variable that sets the claims file,
// overriding the places below.
const EnvFile = "PARLEY_CLAIMS_FILE"

// DirName is the folder parley keeps its files in, inside a folder it
// opened; the loader never reads it as a source.
const DirName = ".parley"

// FileName is the claims file's name inside DirName.
const FileName = "claims.json"

// Location is where the claims file of a corpus is, and the folder its
// document keys are relative to.
type Location struct {
	Path string
	// Base is the folder (absolute) the document keys are relative to;
	// "" for the embedded seeds, whose keys are their file names.
	Base string
}

// Locate finds the claims file for the corpus opened from roots (none:
// the embedded seeds). PARLEY_CLAIMS_FILE wins. The seeds' file is in
// the XDG data directory, since the seeds cannot be written. A folder's
// file is .parley/claims.json in the first folder named (the folder of
// the first file when only files are named). When that file does not
// exist and the folder cannot be written, or a file for the folder
// already exists in the XDG data directory, that one is used: it is
// keyed by the folder's absolute path.
func Locate(roots []string) Location {
	var loc Location
	if len(roots) > 0 {
		loc.Base = baseFolder(roots)
	}
	if env := os.Getenv(EnvFile); env != "" {
		loc.Path = env
		return loc
	}
	if loc.Base == "" {
		loc.Path = filepath.Join(xdg.DataHome, "parley", "seeds-claims.json")
		return loc
	}
	inFolder := filepath.Join(loc.Base, DirName, FileName)
	keyed := filepath.Join(xdg.DataHome, "parley", "claims", keyName(loc.Base))
	switch {
	case exists(inFolder):
		loc.Path = inFolder
	case exists(keyed) || !canWrite(loc.Base):
		loc.Path = keyed
	default:
		loc.Path = inFolder
	}
	return loc
}

// baseFolder is the first root that is a folder, or the folder of the
// first root, made absolute.
func baseFolder(roots []string) string {
	base := filepath.Dir(roots[0])
	for _, r := range roots {
		if info, err := os.Stat(r); err == nil && info.IsDir() {
			base = r
			break
		}
	}
	if abs, err := filepath.Abs(base); err == nil {
		return abs
	}
	return base
}

// keyName names a folder's file in the data directory: the folder's
// name, readable, and a hash of its absolute path, unique.
func keyName(abs string) string {
	sum := sha256.Sum256([]byte(abs))
	name := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < ' ' {
			return '_'
		}
		return r
	}, filepath.Base(abs))
	return name + "-" + hex.EncodeToString(sum[:8]) + ".json"
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// canWrite says whether the claims file can be made in folder base: its
// .parley folder when that exists, else base itself. A variable, so tests
// (which may run as root, who can write anywhere) can set it.
var canWrite = func(base string) bool {
	dir := filepath.Join(base, DirName)
	if !exists(dir) {
		dir = base
	}
	return writable(dir)
}
