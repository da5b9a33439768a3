package corpus

import "fmt"

// Adversarial cases, twentieth batch (red team): x = append(x, ...) in
// place after x was stored somewhere else.

var _ = reg(A20PushAfterStore, A20PushAfterCapture,
	A20PushAfterConversion, A20PushAfterReceiver)

func a20keep(x []int) []int { return x }

func A20PushAfterStore(n uint8) []int {
	s := []int{1}
	m := map[string][]int{}
	m["a"] = s
	s = append(s, 2)
	o := advOuter{S: s}
	s = append(s, 3)
	t := a20keep(s)
	s = append(s, 4)
	xs := [][]int{s}
	s = append(s, int(n))
	ys := []any{s}
	s = append(s, 6)
	return []int{len(m["a"]), len(o.S), len(t), len(xs[0]), len(fmt.Sprint(ys)), len(s)}
}

func A20PushAfterCapture(n uint8) []int {
	s := make([]int, 0, 10)
	get := func() []int { return s }
	s = append(s, 1)
	g := get()
	s = append(s, int(n))
	return []int{len(g), len(s), len(get())}
}

type a20ints []int

type a20holder struct{ S a20ints }

func (s a20ints) saveTo(h *a20holder) { h.S = s }

func A20PushAfterConversion(n uint8) []int {
	s := []int{1}
	u := a20ints(s)
	s = append(s, int(n))
	w := []int(u)
	u = append(u, 7, 8)
	return []int{len(s), len(u), len(w)}
}

func A20PushAfterReceiver(n uint8) []int {
	s := a20ints{1}
	h := &a20holder{}
	s.saveTo(h)
	s = append(s, int(n))
	return []int{len(s), len(h.S)}
}
