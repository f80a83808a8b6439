//go:build !linux

// Package mapfile maps a cache file read-only, so that an index kept on
// disk is read without copying it into the heap, and hands back the
// pages a reader is done with.
package mapfile

import (
	"errors"
	"os"
)

// Map reads the file at path whole where mapping it is not offered.
func Map(path string) (data []byte, release func(), err error) {
	data, err = os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	if len(data) == 0 {
		return nil, nil, ErrSize
	}
	return data, func() {}, nil
}

// ErrSize is Map's error for an empty file.
var ErrSize = errors.New("empty file")

// Drop does nothing where a file is read whole.
func Drop(b []byte) {}
