package testcorpus

import (
	"slices"
	"testing"
)

func TestScales(t *testing.T) {
	for env, want := range map[string][]int{
		"":         {1, 10},
		"40":       {1, 10, 40},
		"4,40":     {1, 4, 10, 40},
		"40, 4,10": {1, 4, 10, 40},
		"x,0,-3":   {1, 10},
	} {
		t.Setenv(ScaleEnv, env)
		if got := Scales(); !slices.Equal(got, want) {
			t.Errorf("%s=%q: scales %v, want %v", ScaleEnv, env, got, want)
		}
	}
}
