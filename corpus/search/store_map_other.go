//go:build !linux

package search

import "os"

// mapFile reads the file at path whole where mapping it is not offered.
func mapFile(path string) ([]byte, func(), error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return data, func() {}, nil
}

// dropPages does nothing where the index is read whole.
func dropPages(b []byte) {}
