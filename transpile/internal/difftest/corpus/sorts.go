package corpus

import (
	"math"
	"slices"
	"sort"
)

// Sorts whose result depends on Go's algorithm: ties between elements
// that differ, ±0, and how often the comparator runs.
var _ = reg(SortSliceTies, SortFuncTies, SortStableTies, SortFloatZeros, SortLessCalls, SortCmpCalls,
	SortStableCalls, SortPatterns)

// tieRecords makes n records whose keys repeat, from a seed.
func tieRecords(seed uint16, n uint8, keys int) []tieRec {
	x := uint32(seed) | 1
	out := make([]tieRec, 0, int(n))
	for i := range int(n) {
		x = x*1664525 + 1013904223
		out = append(out, tieRec{Key: int(x>>16) % keys, ID: i})
	}
	return out
}

type tieRec struct {
	Key int
	ID  int
}

func ids(rs []tieRec) []int {
	var out []int
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func SortSliceTies(seed uint16, n uint8) []int {
	rs := tieRecords(seed, n, 5)
	sort.Slice(rs, func(i, j int) bool { return rs[i].Key < rs[j].Key })
	return ids(rs)
}

func SortFuncTies(seed uint16, n uint8) []int {
	rs := tieRecords(seed, n, 7)
	slices.SortFunc(rs, func(a, b tieRec) int { return b.Key - a.Key })
	return ids(rs)
}

func SortStableTies(seed uint16, n uint8) [][]int {
	rs := tieRecords(seed, n, 3)
	qs := slices.Clone(rs)
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Key < rs[j].Key })
	slices.SortStableFunc(qs, func(a, b tieRec) int { return a.Key - b.Key })
	return [][]int{ids(rs), ids(qs)}
}

func SortFloatZeros(seed uint16, n uint8) []bool {
	x := uint32(seed) | 1
	var fs []float64
	for range int(n) {
		x = x*1664525 + 1013904223
		switch x >> 30 {
		case 0:
			fs = append(fs, math.Copysign(0, -1))
		case 1:
			fs = append(fs, 0)
		default:
			fs = append(fs, float64(int(x>>20)%5-2))
		}
	}
	slices.Sort(fs)
	var neg []bool
	for _, f := range fs {
		neg = append(neg, math.Signbit(f))
	}
	return neg
}

// sortCounted sorts rs by key and returns the IDs in order, then how
// many times less ran.
func sortCounted(rs []tieRec, stable bool) []int {
	calls := 0
	less := func(i, j int) bool {
		calls++
		return rs[i].Key < rs[j].Key
	}
	if stable {
		sort.SliceStable(rs, less)
	} else {
		sort.Slice(rs, less)
	}
	return append(ids(rs), calls)
}

func SortLessCalls(seed uint16, n uint8) []int {
	return sortCounted(tieRecords(seed, n, 50), false)
}

func SortCmpCalls(seed uint16, n uint8) []int {
	rs := tieRecords(seed, n, 1000)
	calls := 0
	slices.SortFunc(rs, func(a, b tieRec) int {
		calls++
		return a.Key - b.Key
	})
	return append(ids(rs), calls)
}

func SortStableCalls(seed uint16, n uint8) []int {
	return sortCounted(tieRecords(seed, n, 4), true)
}

// SortPatterns sorts shapes that drive pdqsort's other paths: sorted,
// reversed, sawtooth, all equal, organ pipe.
func SortPatterns(n uint8, shape uint8) []int {
	m := int(n)
	rs := make([]tieRec, m)
	for i := range m {
		k := 0
		switch shape % 5 {
		case 0:
			k = i
		case 1:
			k = m - i
		case 2:
			k = i % 7
		case 3:
			k = 1
		case 4:
			k = min(i, m-i)
		}
		rs[i] = tieRec{Key: k, ID: i}
	}
	return sortCounted(rs, false)
}
