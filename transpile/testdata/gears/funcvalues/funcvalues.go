// Package funcvalues is a golden test case: standard functions passed as
// values.
package funcvalues

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/gogears/gogears/dsl"
)

// Words splits key names into upper-cased words, sorted.
var Words = dsl.KeysOnly("doc:*").
	FlatMap(func(k string) []string {
		words := strings.FieldsFunc(strings.Map(unicode.ToUpper, k), unicode.IsPunct)
		slices.SortFunc(words, strings.Compare)
		return words
	}).
	Run()

// Largest keeps the larger of two numbers parsed from each key.
var Largest = dsl.KeysOnly("pair:*").
	Map(func(k string) float64 {
		pick := math.Max
		if strings.HasSuffix(k, "-") {
			pick = math.Min
		}
		return pick(float64(len(k)), 4)
	}).
	Run()
