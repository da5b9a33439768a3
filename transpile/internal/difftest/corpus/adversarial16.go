package corpus

import (
	"fmt"
	"time"
)

// Adversarial cases, sixteenth batch (red team): copy between parts of
// one slice.

var _ = reg(A16CopyOverlap, A16DurationNested)

func A16CopyOverlap(xs []int) []int {
	s := append([]int(nil), xs...)
	n := copy(s, s)
	if len(s) > 2 {
		n += copy(s, s[1:])
	}
	return append(s, n)
}

type a16timed struct {
	D    time.Duration
	d    time.Duration
	Ds   []time.Duration
	Name string
}

func A16DurationNested(n int32) []string {
	d := time.Duration(n) * time.Millisecond
	t := a16timed{D: d, d: d, Ds: []time.Duration{d, -d}, Name: "x"}
	return []string{fmt.Sprint(t), fmt.Sprintf("%v|%+v|%d", t.Ds, t, t.Ds), fmt.Sprint(map[string]time.Duration{"k": d}), fmt.Sprintf("%s|%q|%x", []time.Duration{d}, []time.Duration{d}, []time.Duration{d})}
}
