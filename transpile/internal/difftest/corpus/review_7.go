package corpus

import (
	"fmt"
	"maps"
	"math"
	"slices"
)

var _ = reg(RevSortedValuesNaN)

func RevSortedValuesNaN(a, b float64) string {
	m := map[string]float64{"x": 3, "y": math.NaN(), "z": 1, "w": a, "v": b, "u": -2}
	return fmt.Sprint(slices.Sorted(maps.Values(m)))
}
