package compare

import (
	"reflect"
	"testing"

	"parley/corpus/stories"
)

// A grouping with copies, and one without, read back from the store as
// written: the copies of each kept document in corpus order.
func TestStoreGroupingReadBack(t *testing.T) {
	for _, r := range []*stories.Result{
		{
			Stories:     []stories.Story{{ID: "s", Label: "S", Docs: []int{0, 1, 2, 4}}},
			StoryOf:     []int{0, 0, 0, 0, 0, 0, 0},
			DuplicateOf: map[int]int{3: 0, 5: 0, 6: 2},
			Copies:      map[int][]int{0: {3, 5}, 2: {6}},
		},
		{
			Stories:     []stories.Story{{ID: "a", Docs: []int{0}}, {ID: "b", Docs: []int{1}}},
			StoryOf:     []int{0, 1},
			DuplicateOf: map[int]int{},
			Copies:      map[int][]int{},
		},
	} {
		g := &groupStore{nFiles: len(r.StoryOf), docs: make([]storedDoc, len(r.StoryOf)), result: r}
		for i := range g.docs {
			g.docs[i].file = i
		}
		back, err := decodeGroupStore(encodeGroupStore(g, "v1", "/roots"), "v1", "/roots")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back.result, r) {
			t.Errorf("read back %+v, wrote %+v", back.result, r)
		}
	}
}
