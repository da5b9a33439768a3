package corpus

import "strings"

var _ = reg(StrLen, StrIndex, StrSlice, StrRange, StrRunes, StrBytes, StrConcat, StrCompare, Upper)

func StrLen(s string) int { return len(s) }
func StrIndex(s string, i int) byte {
	if i < 0 || i >= len(s) {
		return 0
	}
	return s[i]
}
func StrSlice(s string, i, j int) string {
	if i < 0 || j > len(s) || i > j {
		return "bad"
	}
	return s[i:j]
}
func StrRange(s string) []int {
	var out []int
	for i, r := range s {
		out = append(out, i, int(r))
	}
	return out
}
func StrRunes(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}
func StrBytes(s string) []byte {
	b := []byte(s)
	for i := range b {
		b[i] ^= 0x20
	}
	return b
}
func StrConcat(a, b string) string  { return a + "|" + b }
func StrCompare(a, b string) []bool { return []bool{a < b, a == b, a >= b} }
func Upper(s string) string         { return strings.ToUpper(s) + strings.ToLower(s) }
