package corpus

import (
	"maps"
	"slices"
	"sort"
	"strings"
)

var _ = reg(MapMissing, MapCommaOk, MapDeleteDuringRange, MapLen, MapNested, MapOfSlices, WordCount, MapClear,
	MapStructValues, MapNilRead, MapNilWritePanics, MapIntKeys, MapSortedKeys, MapValuesSum, MapCopy,
	SliceAppendGrow, SliceAppendParam, SliceCopy, SliceMake, SliceIndexPanic, SliceSubRead, SliceNilEmpty,
	SliceReverse, SliceSortInts, SliceSortStrings, SliceSortFunc, SliceContains, SliceIndexOf, SliceClear,
	SliceAppendSpread, SliceAppendString, SliceOfSlices, SliceMinMax, SliceBinarySearch, SliceSortSlice,
	SliceFilterInPlace, SliceRangeModify, SliceStack, SliceEqual, SliceClone)

func MapMissing(m map[string]int, k string) []int { return []int{m[k], m["zz"], len(m)} }
func MapCommaOk(m map[string]int, k string) []any {
	v, ok := m[k]
	_, ok2 := m["a"]
	return []any{v, ok, ok2}
}
func MapDeleteDuringRange(m map[string]int) int {
	m2 := maps.Clone(m)
	n := 0
	for k := range m2 {
		delete(m2, k)
		n++
	}
	return n + len(m2)
}
func MapLen(m map[int8]bool) int { return len(m) }
func MapNested(keys []string) map[string]map[string]int {
	out := map[string]map[string]int{}
	for _, k := range keys {
		first := "-"
		if len(k) > 0 {
			first = k[:1]
		}
		if out[first] == nil {
			out[first] = map[string]int{}
		}
		out[first][k]++
	}
	return out
}
func MapOfSlices(xs []int) map[bool][]int {
	out := map[bool][]int{}
	for _, x := range xs {
		out[x%2 == 0] = append(out[x%2 == 0], x)
	}
	return out
}
func WordCount(s string) map[string]int {
	counts := make(map[string]int)
	word := ""
	for _, r := range s + " " {
		if r == ' ' || r == ',' {
			if word != "" {
				counts[word]++
			}
			word = ""
			continue
		}
		word += string(r)
	}
	return counts
}
func MapClear(m map[string]int) int {
	m2 := maps.Clone(m)
	clear(m2)
	m2["x"] = 1
	return len(m2)
}

type counter struct {
	N    int
	Last string
}

func MapStructValues(keys []string) map[string]counter {
	out := map[string]counter{}
	for _, k := range keys {
		c := out[k]
		c.N++
		c.Last = k
		out[k] = c
	}
	return out
}
func MapNilRead(k string) []any {
	var m map[string]string
	v, ok := m[k]
	return []any{v, ok, len(m), m[k] == ""}
}
func MapNilWritePanics(k string) int {
	var m map[string]int
	m[k] = 1
	return len(m)
}
func MapIntKeys(xs []int16) map[int16]int {
	m := map[int16]int{}
	for i, x := range xs {
		m[x] += i
	}
	return m
}
func MapSortedKeys(m map[string]int) []string {
	keys := slices.Sorted(maps.Keys(m))
	return keys
}
func MapValuesSum(m map[string]int) int {
	s := 0
	for _, v := range m {
		s += v
	}
	return s
}
func MapCopy(m map[string]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[k+"!"] = v * 2
	}
	return out
}
func SliceAppendGrow(n uint8) []int {
	var xs []int
	for i := 0; i < int(n%40); i++ {
		xs = append(xs, i*i)
	}
	return xs
}
func appendOne(xs []int) []int { return append(xs, 99) }
func SliceAppendParam(xs []int) [][]int {
	ys := appendOne(xs)
	return [][]int{xs, ys}
}
func SliceCopy(xs []int) []any {
	dst := make([]int, 3)
	n := copy(dst, xs)
	b := make([]byte, 2)
	m := copy(b, "héllo")
	return []any{n, dst, m, string(b)}
}
func SliceMake(n int8) []any {
	if n < 0 {
		n = -n
	}
	a := make([]string, n%10)
	b := make([]float64, 2)
	return []any{a, b, len(a)}
}
func SliceIndexPanic(xs []int, i int) int { return xs[i] }
func SliceSubRead(xs []string) []string {
	if len(xs) < 2 {
		return xs
	}
	tail := xs[1:]
	return append([]string{}, tail...)
}
func SliceNilEmpty(xs []int) []any {
	var a []int
	b := []int{}
	return []any{a == nil, b == nil, len(a), xs == nil, append(a, 1)}
}
func SliceReverse(xs []int) []int {
	out := slices.Clone(xs)
	slices.Reverse(out)
	return out
}
func SliceSortInts(xs []int) []int {
	out := slices.Clone(xs)
	sort.Ints(out)
	return out
}
func SliceSortStrings(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return out
}
func SliceSortFunc(xs []string) []string {
	out := slices.Clone(xs)
	// Go's sort is not stable: the comparator must be a total order for a
	// result both sides agree on (docs/subset.md).
	slices.SortFunc(out, func(a, b string) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return strings.Compare(a, b)
	})
	return out
}
func SliceContains(xs []string) []bool {
	return []bool{slices.Contains(xs, "a"), slices.Contains(xs, "")}
}
func SliceIndexOf(xs []int) int { return slices.Index(xs, 7) }
func SliceClear(xs []int) []int {
	out := slices.Clone(xs)
	clear(out)
	return out
}
func SliceAppendSpread(a, b []int) []int {
	out := append([]int{}, a...)
	out = append(out, b...)
	return out
}
func SliceAppendString(s string) []byte {
	b := []byte("x")
	b = append(b, s...)
	return b
}
func SliceOfSlices(n uint8) [][]int {
	var grid [][]int
	for i := 0; i < int(n%5); i++ {
		row := make([]int, i)
		for j := range row {
			row[j] = i * j
		}
		grid = append(grid, row)
	}
	return grid
}
func SliceMinMax(xs []int) []int {
	if len(xs) == 0 {
		return nil
	}
	return []int{slices.Min(xs), slices.Max(xs)}
}
func SliceBinarySearch(xs []int, v int) []any {
	s := slices.Clone(xs)
	slices.Sort(s)
	i, ok := slices.BinarySearch(s, v)
	return []any{i, ok}
}
func SliceSortSlice(xs []string) []string {
	out := slices.Clone(xs)
	sort.Slice(out, func(i, j int) bool { return len(out[i]) < len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out
}
func SliceFilterInPlace(xs []int) []int {
	var out []int
	for _, x := range xs {
		if x%3 != 0 {
			out = append(out, x)
		}
	}
	return out
}
func SliceRangeModify(xs []int) []int {
	ys := slices.Clone(xs)
	for i, v := range ys {
		if i+1 < len(ys) {
			ys[i+1] += v
		}
	}
	return ys
}
func SliceStack(ops string) []int {
	var st []int
	for _, c := range ops {
		switch {
		case c >= '0' && c <= '9':
			st = append(st, int(c-'0'))
		case c == '+' && len(st) >= 2:
			a, b := st[len(st)-2], st[len(st)-1]
			st = st[:len(st)-2]
			st = append(st, a+b)
		}
	}
	return st
}
func SliceEqual(a, b []int) bool { return slices.Equal(a, b) }
func SliceClone(xs []string) []any {
	c := slices.Clone(xs)
	return []any{c, c == nil}
}
