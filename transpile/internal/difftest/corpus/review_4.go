package corpus

var _ = reg(RevLabelPostHoist, RevSwitchPostHoist, RevLabelPostHoist2)

func RevLabelPostHoist(n int8) []int {
	c := &rCnt{X: int(n) % 4}
	var out []int
outer:
	for i := 0; i < 6; c.X += rbump(c) {
		i++
		for j := 0; j < 3; j++ {
			if (i+j)%3 == 0 {
				continue outer
			}
			out = append(out, c.X)
		}
	}
	return append(out, c.X)
}

func RevSwitchPostHoist(n int8) []int {
	c := &rCnt{X: int(n) % 4}
	var out []int
	for i := 0; i < 6; c.X += rbump(c) {
		i++
		switch i % 3 {
		case 0:
			continue
		case 1:
			if c.X > 100 {
				break
			}
			out = append(out, -c.X)
		}
		out = append(out, c.X)
	}
	return append(out, c.X)
}

func RevLabelPostHoist2(n int8) []int {
	c := &rCnt{X: int(n) % 4}
	var out []int
outer:
	for i := 0; i < 4; i, c.X = i+1, c.X+rbump(c) {
	inner:
		for j := 0; j < 3; j, c.X = j+1, rbump(c)+c.X {
			switch {
			case j == 1:
				continue inner
			case (i+j)%3 == 0:
				continue outer
			}
			out = append(out, c.X)
		}
	}
	return append(out, c.X)
}
