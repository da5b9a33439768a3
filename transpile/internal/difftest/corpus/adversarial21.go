package corpus

// Adversarial cases, twenty-first batch (red team): struct copies
// through comma-ok forms, multiple results and closures' results.

var _ = reg(A21CommaOkCopies, A21MultiResultField, A21SliceOfStructFuncs)

func A21CommaOkCopies(a int) []int {
	m := map[string]a7pt{"k": {X: a}}
	v, ok := m["k"]
	v.X = 50
	var x any = a7pt{X: a}
	w, ok2 := x.(a7pt)
	w.X = 60
	s := []a7pt{{X: a}}
	u := s[0]
	u.Y = 70
	return []int{m["k"].X, x.(a7pt).X, s[0].Y, b2i(ok), b2i(ok2)}
}

func a21two(p *a7pt) (a7pt, *a7pt) { return *p, p }

func A21MultiResultField(a int) []int {
	p := &a7pt{X: a}
	h := advHolder{}
	var q *a7pt
	var v a7pt
	v, q = a21two(p)
	v.X = 5
	q.Y = 6
	h.In.A = v.X
	return []int{p.X, p.Y, v.X, h.In.A}
}

func A21SliceOfStructFuncs(n uint8) []int {
	items := []a7pt{{X: 1}, {X: 2}}
	getters := []func() a7pt{}
	for i := range items {
		getters = append(getters, func() a7pt { return items[i] })
	}
	g := getters[0]()
	g.X = 99
	items[1].X = int(n)
	return []int{items[0].X, getters[1]().X, g.X}
}
