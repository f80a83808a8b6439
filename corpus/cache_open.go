package corpus

import (
	"debug/elf"
	"encoding/hex"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

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

// BuildVersion names this build of parley, so that any change to the
// program, a parser's included, makes the cache of an older build
// foreign: the build ID the Go linker writes in the executable, a hash of
// its content, or where there is none the size and checksum of the
// executable. Summing the 19 MB executable took 5-6 ms of CPU at the
// start of every command that opens the cache, before anything else
// could run; the build ID is read in a fraction of a millisecond. It is
// worked out once per process: a command that falls back from a stored
// index opens the cache again.
var BuildVersion = sync.OnceValues(buildVersion)

func buildVersion() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if id := goBuildID(exe); id != "" {
		return "go-" + id, nil
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

// goBuildID is the Go build ID of the ELF executable exe, or "" when it
// has none of the form the go command writes: hashes of the build's
// inputs and of the linked program (20 characters each, separated by
// slashes), so the ID changes whenever the program does. One set by hand
// (-ldflags=-buildid=...) need not, and is not used.
func goBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return ""
	}
	// One note: name size, description size, type, the name "Go" padded
	// to four bytes, the ID.
	b, err := s.Data()
	if err != nil || len(b) < 16 || string(b[12:16]) != "Go\x00\x00" {
		return ""
	}
	n := f.ByteOrder.Uint32(b[4:8])
	if uint64(n) > uint64(len(b)-16) {
		return ""
	}
	id := string(b[16 : 16+n])
	parts := strings.Split(id, "/")
	if len(parts) != 2 && len(parts) != 4 {
		return ""
	}
	for _, p := range parts {
		if len(p) != 20 || strings.Trim(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") != "" {
			return ""
		}
	}
	return id
}

// Prune keeps the cache folder within MaxBytes, as Flush does; for
// files kept beside the documents' (the search index) once written.
func (c *Cache) Prune() { c.prune() }

// prune removes the cache files used longest ago until the folder is
// within MaxBytes, and temporary files left by a process that died.
func (c *Cache) prune() {
	max := c.MaxBytes
	if max <= 0 {
		max = DefaultCacheBytes
	}
	entries, err := os.ReadDir(c.Dir)
	if err != nil {
		return
	}
	type file struct {
		path string
		size int64
		used time.Time
	}
	var files []file
	var total int64
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		p := filepath.Join(c.Dir, e.Name())
		if strings.HasSuffix(e.Name(), ".tmp") {
			if time.Since(info.ModTime()) > time.Hour {
				os.Remove(p)
			}
			continue
		}
		// The documents' files, the search indexes (package search) and
		// the stories kept for compare (package compare).
		if !strings.HasPrefix(e.Name(), "docs-") && !strings.HasPrefix(e.Name(), "search-") && !strings.HasPrefix(e.Name(), "stories-") {
			continue
		}
		files = append(files, file{p, info.Size(), info.ModTime()})
		total += info.Size()
	}
	sort.Slice(files, func(i, j int) bool { return files[i].used.Before(files[j].used) })
	for _, f := range files {
		if total <= max {
			break
		}
		if os.Remove(f.path) == nil {
			total -= f.size
		}
	}
}
