package corpus

import "strings"

var _ = reg(RevGenLabels, RevLabelClosureCapture, RevLabelRangeStrContinue)

func rgLabels[T rnum](xs []T) []T {
	var out []T
outer:
	for i, x := range xs {
		for j := T(0); j < 3; j++ {
			switch {
			case x+j == 0:
				continue outer
			case x*j > 50:
				break outer
			}
			out = append(out, x+j+T(i))
		}
	}
	return out
}

func RevGenLabels(a []int8, b []uint8) []int64 {
	var out []int64
	for _, v := range rgLabels(a) {
		out = append(out, int64(v))
	}
	out = append(out, -1000)
	for _, v := range rgLabels(b) {
		out = append(out, int64(v))
	}
	return out
}

func RevLabelClosureCapture(n int8) []int {
	var fs []func() int
outer:
	for i := 0; i < 5; i++ {
		for j := i; j < 5; j++ {
			fs = append(fs, func() int { return i*10 + j })
			if (i+j+int(n))%3 == 0 {
				continue outer
			}
			if i*j > 6 {
				break outer
			}
		}
		_ = i
	}
	var out []int
	for _, f := range fs {
		out = append(out, f())
	}
	return out
}

func RevLabelRangeStrContinue(s string) []string {
	var out []string
	var b strings.Builder
outer:
	for i, r := range s {
		for k := 0; k < 2; k++ {
			if r == 'a' || r > 0x7f && k == 1 {
				b.WriteByte('|')
				continue outer
			}
			if r == 0xFFFD {
				break outer
			}
			b.WriteRune(r + rune(k))
		}
		out = append(out, string(rune('0'+i%10)))
	}
	return append(out, b.String())
}
