// Package generics is a golden case: generic helpers instantiated with
// several type arguments. Instantiations whose Python differs get a def
// each (Sum__int8 wraps at 8 bits, Sum__float64 does not); those that
// translate the same share one def (Max).
package generics

import (
	"cmp"
	"strconv"

	"github.com/gogears/gogears/dsl"
)

// Number is the constraint of Sum.
type Number interface {
	~int8 | ~int32 | ~int64 | ~float64
}

// Sum adds xs in their own type.
func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

// Max returns the larger of a and b.
func Max[T cmp.Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

// Mean calls Sum with its own type parameter: Sum's instantiations
// differ, so Mean's do too.
func Mean[T Number](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	return Sum(xs) / T(len(xs))
}

// Larger calls Max, whose instantiations share a def: so do Larger's.
func Larger[T cmp.Ordered](a, b T) T { return Max(b, a) }

// Level is a named type in Clamp's type set.
type Level int32

// Clamp limits x to [lo, hi] and steps it: Level wraps at 32 bits.
func Clamp[T ~int32](x, lo, hi T) T {
	return min(max(x, lo), hi) * 2
}

// Half divides in T: integer division for Level, true division for
// float64.
func Half[T Level | float64](x T) T { return x / 2 }

// Totals sums, averages and compares the runes of each key.
var Totals = dsl.KeysOnly("n:*").
	Map(func(k string) string {
		var small []int8
		var big []float64
		for _, c := range k {
			small = append(small, int8(c))
			big = append(big, float64(c))
		}
		return strconv.Itoa(int(Sum(small))) + " " + strconv.FormatFloat(Sum(big), 'g', -1, 64) + " " +
			Max(k, "n:5") + " " + strconv.Itoa(Max(len(k), 3)) + " " +
			strconv.Itoa(int(Mean(small))) + " " + strconv.FormatFloat(Mean(big), 'g', -1, 64) + " " +
			Larger(k, "n:") + strconv.Itoa(Larger(len(k), 4))
	}).
	Run()

// Levels clamps and halves key lengths.
var Levels = dsl.KeysOnly("lvl:*").
	Map(func(k string) Level { return Clamp(Level(len(k)), 2, 1<<30) }).
	Map(Half[Level]).
	Map(func(l Level) float64 { return Half(float64(l)) }).
	Run()

// addUp is a generic step function: passed instantiated, it runs behind
// the step adapter.
func addUp[T Number](acc, x T) T { return acc + x }

// Lengths adds key lengths in an int8 accumulator, which wraps.
var Lengths = dsl.KeysOnly("len:*").
	Map(func(k string) int8 { return int8(len(k)) }).
	Accumulate(addUp[int8]).
	Run()
