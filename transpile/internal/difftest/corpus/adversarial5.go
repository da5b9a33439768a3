package corpus

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// Adversarial cases, fifth batch (red team): panics Python would not
// raise, capacity-based reslicing, NaN map keys in fmt, json map keys.

var _ = reg(AdvRepeatNegative, AdvMakeNegative, AdvFmtNaNKeys, AdvJSONFloatKeys, AdvSplitNOne, AdvClearStructs, AdvMapLiteralDupKey)

func AdvRepeatNegative(n int8) string {
	return strings.Repeat("ab", int(n))
}

func AdvMakeNegative(n int8) int {
	s := make([]int, int(n))
	return len(s)
}

func AdvResliceWithinCap(n uint8) []int {
	s := make([]int, 2, 10)
	t := s[:int(n%12)]
	return []int{len(t)}
}

func AdvFmtNaNKeys(f float64) string {
	if f != f {
		return "" // two NaN keys print in Go's map iteration order
	}
	m := map[float64]int{math.NaN(): 1, f: 2, math.Inf(-1): 3}
	return fmt.Sprint(m, len(m))
}

func AdvJSONFloatKeys(f float64) string {
	b, err := json.Marshal(map[float64]int{f: 1, f * 3: 2, 0.5: 3})
	c, err2 := json.Marshal(map[float32]int{float32(f): 1, 0.1: 2})
	return string(b) + fmt.Sprint(err) + string(c) + fmt.Sprint(err2)
}

func AdvJSONBadIntKey(s string) string {
	var m map[int]string
	err := json.Unmarshal([]byte(`{"`+strings.ReplaceAll(s, `"`, "")+`": "x", "7": "y"}`), &m)
	return fmt.Sprint(len(m), m[7], err != nil)
}

func AdvSplitNOne(s string) [][]string {
	return [][]string{strings.SplitN(s, ",", 1), strings.SplitN(s, "", 1)}
}

func AdvClearStructs(a int) []int {
	s := []advInner{{a, 1}, {2, 3}}
	p := s[0]
	clear(s)
	s[1].A = 5
	return []int{s[0].A, s[0].B, s[1].A, p.A}
}

func AdvMapLiteralDupKey(s string) []int {
	m := map[string]int{s: 1, "a": 2, s + "": 3, "": 4}
	return []int{m["a"], m[""], len(m)}
}
