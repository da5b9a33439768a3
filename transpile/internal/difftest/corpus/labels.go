package corpus

// Rows "labeled statements, labeled break/continue" and "continue inside
// a switch that also uses break": labeled branches out of every loop form,
// out of switches and type switches, three deep, inside closures, and
// re-entered labeled loops whose flags must start clear.

import "strings"

var _ = reg(LabelBreakFor, LabelContinuePost, LabelContinuePostStep, LabelContinueCond, LabelInfinite,
	LabelRangeInt, LabelRangeSlicePair, LabelRangeString, LabelRangeMapBreak, LabelRangeMapContinue,
	LabelSwitchInLoop, LabelSwitchContinueInner, SwitchBreakAndContinue, SwitchBreakContinuePost,
	LabelTypeSwitch, LabelNested3, LabelNested3Break, LabelInClosure, LabelClosureSameName,
	LabelClosurePerIteration, LabelBreakSwitch, LabelBreakTypeSwitch, LabelTwoInnerLoops, LabelReenter,
	LabelSelfContinue, LabelEmptyBodies, LabelIndex, LabelPrimes, LabelNestedSwitches,
	LabelSwitchLoopSwitch, LabelBreakAndContinueSameInner, LabelFlagNames, LabelRangeSliceWrite)

// LabelBreakFor leaves two three-clause loops at once.
func LabelBreakFor(n int) []int {
	k := n % 9
	var out []int
outer:
	for i := 0; i < 6; i++ {
		for j := 0; j < 6; j++ {
			if i*j >= k {
				out = append(out, i, j)
				break outer
			}
			out = append(out, i*10+j)
		}
	}
	return append(out, -1)
}

// LabelContinuePost continues an outer three-clause loop: its post
// statement must run, or the loop never ends.
func LabelContinuePost(n uint8) []int {
	var out []int
outer:
	for i := 0; i < int(n%12); i++ {
		for j := 0; j < i; j++ {
			if j*j > i {
				out = append(out, -i)
				continue outer
			}
		}
		out = append(out, i)
	}
	return out
}

// LabelContinuePostStep has a post statement with two effects, both of
// which a continue from the inner loop must run.
func LabelContinuePostStep(xs []int) []int {
	var out []int
	steps := 0
outer:
	for i := 0; i < len(xs); i, steps = i+1, steps+2 {
		for _, y := range xs[i:] {
			if y%3 == 0 {
				out = append(out, i)
				continue outer
			}
		}
		out = append(out, -steps)
	}
	return append(out, steps)
}

// LabelContinueCond continues a condition-only loop, which re-tests its
// condition.
func LabelContinueCond(s string) []int {
	var out []int
	i := 0
outer:
	for i < len(s) {
		i++
		for j := 0; j < 3; j++ {
			if s[i-1] == 'a'+byte(j) {
				out = append(out, j)
				continue outer
			}
		}
		out = append(out, int(s[i-1]))
	}
	return out
}

// LabelInfinite leaves an infinite loop from an infinite inner loop.
func LabelInfinite(n int) []int {
	x := n % 50
	if x < 0 {
		x = -x
	}
	var out []int
	steps := 0
outer:
	for {
		for {
			steps++
			if x <= 1 || steps > 40 {
				break outer
			}
			if x%2 == 0 {
				x /= 2
				continue outer
			}
			x = 3*x + 1
			out = append(out, x)
		}
	}
	return append(out, steps)
}

// LabelRangeInt continues and breaks ranges over ints.
func LabelRangeInt(n int8) []int {
	var out []int
rows:
	for i := range int(n % 8) {
		for j := range 5 {
			switch {
			case j > i:
				continue rows
			case i+j == 9:
				break rows
			}
			out = append(out, i*10+j)
		}
		out = append(out, -1)
	}
	return out
}

// LabelRangeSlicePair finds the first pair summing to a multiple of 7.
func LabelRangeSlicePair(xs []int) []int {
	found := []int{-1, -1}
search:
	for i, x := range xs {
		for j, y := range xs {
			if j <= i {
				continue
			}
			if (x%7+y%7)%7 == 0 {
				found = []int{i, j}
				break search
			}
		}
	}
	return found
}

// LabelRangeString breaks and continues nested ranges over strings.
func LabelRangeString(s string) []int {
	var out []int
chars:
	for i, r := range s {
		for j, q := range s {
			if j >= i {
				out = append(out, -i)
				continue chars
			}
			if q == r {
				out = append(out, i, j)
				break chars
			}
		}
	}
	return out
}

// LabelRangeMapBreak leaves a range over a map; the result does not
// depend on the iteration order.
func LabelRangeMapBreak(m map[string]int) []any {
	found := false
	seen := 0
keys:
	for k, v := range m {
		for _, c := range k {
			if c == 'a' || c == 'é' {
				found = true
				break keys
			}
		}
		if v%2 == 0 {
			seen++
		}
	}
	return []any{found, found || seen == countEven(m)}
}

func countEven(m map[string]int) int {
	n := 0
	for _, v := range m {
		if v%2 == 0 {
			n++
		}
	}
	return n
}

// LabelRangeMapContinue continues a range over a map from an inner loop;
// sums do not depend on the order.
func LabelRangeMapContinue(m map[string]int) []int {
	total, skipped := 0, 0
entries:
	for k, v := range m {
		for i := 0; i < len(k); i++ {
			if k[i] == 'b' || k[i] == 'Z' {
				skipped++
				continue entries
			}
		}
		total += v % 1000
	}
	return []int{total, skipped}
}

// LabelSwitchInLoop mixes a break of the switch with break and continue
// of the labeled loop.
func LabelSwitchInLoop(xs []int) []int {
	var out []int
loop:
	for i, x := range xs {
		switch {
		case x < 0:
			if x%2 == 0 {
				break // leaves the switch only
			}
			out = append(out, -1)
		case x == 0:
			break loop
		case x%5 == 0:
			continue loop
		default:
			out = append(out, x%10)
		}
		out = append(out, i)
	}
	return out
}

// LabelSwitchContinueInner continues an outer loop from a switch inside
// an inner loop.
func LabelSwitchContinueInner(xs []int) []int {
	var out []int
outer:
	for i := 0; i < len(xs); i++ {
		for _, y := range xs[:i] {
			switch y % 4 {
			case 0:
				continue outer
			case 1:
				break
			case 2, -2:
				break outer
			}
			out = append(out, y%4)
		}
		out = append(out, 100+i)
	}
	return out
}

// SwitchBreakAndContinue has an unlabeled continue inside a switch that
// also uses break: the continue targets the loop, not the switch.
func SwitchBreakAndContinue(xs []int) []int {
	var out []int
	for _, x := range xs {
		switch x % 3 {
		case 0:
			if x > 0 {
				break
			}
			continue
		case 1, -1:
			continue
		}
		out = append(out, x%100)
	}
	return out
}

// SwitchBreakContinuePost has the same in a three-clause loop, whose
// post statement the continue must run.
func SwitchBreakContinuePost(n uint8) []int {
	var out []int
	for i := 0; i < int(n%20); i++ {
		switch {
		case i%4 == 0:
			break
		case i%4 == 1:
			continue
		default:
			if i > 10 {
				break
			}
			out = append(out, -i)
			continue
		}
		out = append(out, i)
	}
	return out
}

// LabelTypeSwitch breaks and continues a labeled loop from a type switch,
// and breaks the type switch itself.
func LabelTypeSwitch(vs []any) []string {
	var out []string
values:
	for _, v := range vs {
		switch x := v.(type) {
		case nil:
			continue values
		case bool:
			if x {
				break
			}
			out = append(out, "false")
		case string:
			if x == "" {
				break values
			}
			out = append(out, x)
		case float64:
			for d := range 3 {
				if x == float64(d) {
					continue values
				}
			}
			out = append(out, "float")
		default:
			out = append(out, "other")
		}
		out = append(out, ";")
	}
	return out
}

// LabelNested3 branches to each of three nested loops from the innermost.
func LabelNested3(n uint8) []int {
	var out []int
	m := int(n % 6)
a:
	for i := 0; i < m; i++ {
	b:
		for j := 0; j < m; j++ {
		c:
			for k := range m {
				switch {
				case k == 1 && j == 0:
					continue c
				case k > j:
					continue b
				case i+j+k == 7:
					break a
				case j > i:
					continue a
				}
				out = append(out, i*100+j*10+k)
			}
			out = append(out, -j)
		}
		out = append(out, -100*i)
	}
	return out
}

// LabelNested3Break leaves the middle loop from the innermost one, and
// the outer loop from the middle one.
func LabelNested3Break(xs []int) []int {
	var out []int
outer:
	for i := range xs {
	middle:
		for j := i; j < len(xs); j++ {
			for k := j; k < len(xs); k++ {
				if xs[k]%5 == 0 {
					break middle
				}
				if xs[i]%7 == xs[j]%7 && xs[j]%7 == xs[k]%7 && i < j && j < k {
					out = append(out, i, j, k)
					break outer
				}
			}
			if j > i+3 {
				break outer
			}
		}
		out = append(out, -i)
	}
	return out
}

// LabelInClosure runs labeled loops inside a closure called repeatedly.
func LabelInClosure(xs []int) []int {
	first := func(target int) int {
		idx := -1
	scan:
		for i := range xs {
			for d := 0; d < 3; d++ {
				if xs[i]%10 == target+d {
					idx = i*10 + d
					break scan
				}
			}
		}
		return idx
	}
	var out []int
	for t := range 6 {
		out = append(out, first(t))
	}
	return out
}

// LabelClosureSameName uses one label name in a function and in a closure
// inside its labeled loop; each refers to its own loop.
func LabelClosureSameName(xs []int) []int {
	var out []int
loop:
	for i := range xs {
		count := func() int {
			n := 0
		loop:
			for _, x := range xs {
				for d := range 2 {
					if x%3 == d {
						continue loop
					}
				}
				n++
			}
			return n
		}
		for j := range 3 {
			if j == i {
				out = append(out, count())
				continue loop
			}
		}
		break loop
	}
	return out
}

// LabelClosurePerIteration creates closures in labeled loops left by
// continue: each sees its own iteration's variables (Go 1.22).
func LabelClosurePerIteration(n uint8) []int {
	var fs []func() int
outer:
	for i := 0; i < int(n%7); i++ {
		for j := 0; j < 4; j++ {
			if j > i {
				continue outer
			}
			fs = append(fs, func() int { return i*10 + j })
		}
	}
	var out []int
	for _, f := range fs {
		out = append(out, f())
	}
	return out
}

// LabelBreakSwitch leaves a labeled switch from a loop inside it.
func LabelBreakSwitch(s string) string {
	res := "none"
sw:
	switch {
	case len(s) > 2:
		for i := range s {
			if s[i] == ' ' {
				res = "space at " + s[:i]
				break sw
			}
		}
		res = "long"
	case len(s) > 0:
		res = "short"
	}
	return res + "!"
}

// LabelBreakTypeSwitch leaves a labeled type switch from a loop inside it.
func LabelBreakTypeSwitch(v any) string {
	out := "start"
ts:
	switch x := v.(type) {
	case string:
		for i, r := range x {
			if r == 'x' || r == '\ufffd' {
				out = "rune at " + strings.Repeat("i", i) + x
				break ts
			}
		}
		out = "no rune"
	case float64:
		for i := range 3 {
			if x < float64(i) {
				break ts
			}
		}
		out = "big float"
	}
	return out
}

// LabelTwoInnerLoops breaks the same label from two inner loops in turn:
// the flag is cleared before each.
func LabelTwoInnerLoops(xs []int) []int {
	var out []int
outer:
	for i := range xs {
		for j := range i {
			if xs[j]%4 == 1 {
				out = append(out, 1)
				continue outer
			}
		}
		for j := i + 1; j < len(xs); j++ {
			if xs[j]%4 == 2 {
				out = append(out, 2)
				continue outer
			}
			if xs[j]%4 == 3 {
				break outer
			}
		}
		out = append(out, 0)
	}
	return out
}

// LabelReenter enters a labeled loop many times; only some runs break it,
// so a flag left set by an earlier run would break the next one early.
func LabelReenter(n int) []int {
	var out []int
	for round := range 4 {
		count := 0
	inner:
		for i := 0; i < 4; i++ {
			for j := 0; j < 4; j++ {
				if (round+n%3)%2 == 0 && i == 1 && j == 2 {
					break inner
				}
				count++
			}
		}
		out = append(out, count)
	}
	return out
}

// LabelSelfContinue continues and breaks its own loop by label, with no
// loop in between: the post statement still runs.
func LabelSelfContinue(n uint8) []int {
	var out []int
self:
	for i := 0; i < int(n%15); i += 2 {
		if i%3 == 0 {
			continue self
		}
		if i > 12 {
			break self
		}
		out = append(out, i)
	}
	return out
}

// LabelEmptyBodies has labeled loops that run zero times or have nothing
// but the branch.
func LabelEmptyBodies(n int8) int {
	c := 0
a:
	for range int(n % 3) {
		for range 2 {
			c++
			continue a
		}
	}
b:
	for i := 0; i < int(n%4); i++ {
		for {
			break b
		}
	}
	return c
}

// LabelIndex is strings.Index written with a labeled continue.
func LabelIndex(s string) int {
	sub := "ab"
	if len(s) > 3 {
		sub = s[len(s)-2:]
	}
outer:
	for i := 0; i+len(sub) <= len(s); i++ {
		for j := 0; j < len(sub); j++ {
			if s[i+j] != sub[j] {
				continue outer
			}
		}
		return i
	}
	return -1
}

// LabelPrimes lists primes with a labeled continue.
func LabelPrimes(n uint8) []int {
	var out []int
next:
	for c := 2; c < int(n%80); c++ {
		for _, p := range out {
			if p*p > c {
				break
			}
			if c%p == 0 {
				continue next
			}
		}
		out = append(out, c)
	}
	return out
}

// LabelNestedSwitches breaks out of the outer of two nested switches and
// continues the loop from the inner one.
func LabelNestedSwitches(xs []int) []int {
	var out []int
	for _, x := range xs {
	sw:
		switch {
		case x > 0:
			switch x % 3 {
			case 0:
				break sw
			case 1:
				continue
			}
			out = append(out, 1)
		default:
			switch {
			case x == 0:
				break
			default:
				out = append(out, -1)
			}
		}
		out = append(out, x%10)
	}
	return out
}

// LabelSwitchLoopSwitch continues a loop from a switch inside a loop
// inside a switch that a break leaves.
func LabelSwitchLoopSwitch(xs []int) []int {
	var out []int
top:
	for i := 0; i < len(xs); i++ {
		switch xs[i] % 2 {
		case 0:
			for j := i; j < len(xs); j++ {
				switch {
				case xs[j] < 0:
					continue top
				case xs[j]%5 == 0:
					break top
				}
			}
			if i > 3 {
				break
			}
			out = append(out, i)
		default:
			out = append(out, -i)
		}
	}
	return out
}

// LabelBreakAndContinueSameInner leaves one inner loop by continue and by
// break of the outer loop, in either order.
func LabelBreakAndContinueSameInner(s string) []int {
	var out []int
	words := strings.Fields(s)
w:
	for wi, word := range words {
		for _, r := range word {
			if r == '9' {
				break w
			}
			if r == '0' {
				continue w
			}
		}
		out = append(out, wi)
	}
	return append(out, len(words))
}

// LabelFlagNames uses labels and variables whose names look like the
// flags the translation introduces.
func LabelFlagNames(n uint8) []int {
	_break_outer, _continue_outer := 0, 0
	var out []int
outer:
	for i := range int(n % 6) {
		for j := range 3 {
			if j == 2 {
				_continue_outer++
				continue outer
			}
			if i == 4 {
				_break_outer++
				break outer
			}
		}
	}
	out = append(out, _break_outer, _continue_outer)
_continue:
	for i := range 3 {
		for range 2 {
			if i == 1 {
				continue _continue
			}
		}
		out = append(out, i)
	}
	return out
}

// LabelRangeSliceWrite writes the ranged slice while continuing the
// range by label: the elements are read per iteration.
func LabelRangeSliceWrite(xs []int) []int {
	ys := append([]int(nil), xs...)
each:
	for i, y := range ys {
		for j := i + 1; j < len(ys); j++ {
			if ys[j]%2 == 0 {
				ys[j] = y % 10
				continue each
			}
		}
	}
	return ys
}
