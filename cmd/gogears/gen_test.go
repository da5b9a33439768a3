package main

import (
	"fmt"
	"testing"
)

func TestNameList(t *testing.T) {
	many := make([]string, 12)
	for i := range many {
		many[i] = fmt.Sprintf("g%d", i)
	}
	tests := []struct {
		name  string
		names []string
		want  string
	}{
		{"none", nil, ""},
		{"under the cap", []string{"a", "b"}, "a, b"},
		{"over the cap", many, "g0, g1, g2, g3, g4, g5, g6, g7, g8, g9 and 2 more"},
	}
	for _, tt := range tests {
		if got := nameList(tt.names, 10); got != tt.want {
			t.Errorf("%s: nameList(%v, 10) = %q, want %q", tt.name, tt.names, got, tt.want)
		}
	}
}
