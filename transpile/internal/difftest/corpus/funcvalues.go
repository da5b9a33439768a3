package corpus

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Standard functions passed and stored as values.
var _ = reg(FuncValueMapUpper, FuncValueFieldsFunc, FuncValueTrimFunc, FuncValueIndexFunc, FuncValueSortCompare,
	FuncValueStored, FuncValuePicked, FuncValueMultiResult, FuncValueMath, FuncValueUTF8, FuncValueSortSearch,
	FuncValueSlicesIndexFunc, FuncValueModule)

func FuncValueMapUpper(s string) []string {
	return []string{strings.Map(unicode.ToUpper, s), strings.Map(unicode.ToLower, s), strings.Map(unicode.ToTitle, s)}
}

func FuncValueFieldsFunc(s string) [][]string {
	return [][]string{strings.FieldsFunc(s, unicode.IsSpace), strings.FieldsFunc(s, unicode.IsPunct), strings.FieldsFunc(s, unicode.IsDigit)}
}

func FuncValueTrimFunc(s string) []string {
	return []string{strings.TrimFunc(s, unicode.IsLetter), strings.TrimLeftFunc(s, unicode.IsSpace), strings.TrimRightFunc(s, unicode.IsNumber)}
}

func FuncValueIndexFunc(s string) []int {
	return []int{strings.IndexFunc(s, unicode.IsUpper), strings.LastIndexFunc(s, unicode.IsLower), strings.IndexFunc(s, unicode.IsControl)}
}

func FuncValueSortCompare(xs []string) []string {
	out := slices.Clone(xs)
	slices.SortFunc(out, strings.Compare)
	return out
}

func FuncValueStored(s string, n uint8) string {
	fs := []func(string) string{strings.ToUpper, strings.ToLower, strings.TrimSpace, strconv.QuoteToASCII, strconv.Quote}
	f := fs[int(n)%len(fs)]
	return f(s) + "|" + f(f(s))
}

func FuncValuePicked(s string, upper bool) string {
	conv := strings.ToLower
	if upper {
		conv = strings.ToUpper
	}
	apply := func(g func(string) string) string { return g(s) + g("ß") }
	return apply(conv)
}

func FuncValueMultiResult(xs []string) []string {
	parse := strconv.Atoi
	var out []string
	for _, x := range xs {
		n, err := parse(x)
		if err != nil {
			out = append(out, "err")
			continue
		}
		out = append(out, strconv.Itoa(n))
	}
	return out
}

func FuncValueMath(a, b float64) []float64 {
	ops := []func(float64, float64) float64{math.Max, math.Min, math.Mod, math.Copysign, math.Hypot} // not Pow: see docs/subset.md
	var out []float64
	for _, op := range ops {
		v := op(a, b)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			v = -1
		}
		out = append(out, v)
	}
	return out
}

func FuncValueUTF8(s string) []bool {
	valid, isSpace := utf8.ValidString, unicode.IsSpace
	return []bool{valid(s), strings.ContainsFunc(s, isSpace), strings.ContainsFunc(s, unicode.IsUpper)}
}

func FuncValueSortSearch(xs []int, x int) []int {
	ys := slices.Clone(xs)
	sort.Ints(ys)
	// sort.Search on an unsorted slice: the probes decide the answer.
	unsorted := sort.Search(len(xs), func(i int) bool { return xs[i] >= x })
	strs := []string{"b", "d", "f"}
	return []int{sort.SearchInts(ys, x), unsorted, sort.SearchStrings(strs, strconv.Itoa(x)), sort.SearchFloat64s([]float64{-1, 0.5, 2}, float64(x))}
}

func FuncValueSlicesIndexFunc(xs []string) []int {
	empty := func(s string) bool { return strings.TrimFunc(s, unicode.IsSpace) == "" }
	long := func(s string) bool { return len(s) > 3 }
	found := 0
	if slices.ContainsFunc(xs, long) {
		found = 1
	}
	return []int{slices.IndexFunc(xs, empty), slices.IndexFunc(xs, long), found}
}

func byLength(a, b string) int { return len(a) - len(b) }

func shout(s string) string { return strings.ToUpper(s) + "!" }

func FuncValueModule(xs []string) []string {
	out := slices.Clone(xs)
	slices.SortStableFunc(out, byLength)
	f := shout
	for i := range out {
		out[i] = f(out[i])
	}
	return out
}
