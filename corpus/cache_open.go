package corpus

import (
	"encoding/hex"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/adrg/xdg"
)

// Environment variables for the cache: PARLEY_NO_CACHE (any value but
// "" or "0") turns it off, as --no-cache does; PARLEY_CACHE_DIR puts it
// somewhere else than $XDG_CACHE_HOME/parley.
const (
	NoCacheEnv  = "PARLEY_NO_CACHE"
	CacheDirEnv = "PARLEY_CACHE_DIR"
)

// CacheDir is where the cache lives: PARLEY_CACHE_DIR, or parley/ in the
// XDG cache directory (usually ~/.cache/parley).
func CacheDir() string {
	if d := os.Getenv(CacheDirEnv); d != "" {
		return d
	}
	return filepath.Join(xdg.CacheHome, "parley")
}

// OpenCache returns the cache in CacheDir for this build of parley, or
// nil when off is set, PARLEY_NO_CACHE is, or the build cannot be told
// apart from another (its executable cannot be read).
func OpenCache(off bool) *Cache {
	if v := os.Getenv(NoCacheEnv); off || v != "" && v != "0" {
		return nil
	}
	version, err := BuildVersion()
	if err != nil {
		return nil
	}
	return &Cache{Dir: CacheDir(), Version: version, MaxBytes: DefaultCacheBytes}
}

// BuildVersion names this build of parley: the size and checksum of the
// running executable, so that any change to the program, a parser's
// included, makes the cache of an older build foreign. Reading the
// executable takes a few milliseconds.
func BuildVersion() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sum := crc32.New(castagnoli)
	n, err := io.Copy(sum, f)
	if err != nil {
		return "", err
	}
	return strconv.FormatInt(n, 10) + "-" + hex.EncodeToString(sum.Sum(nil)), nil
}
