package corpus

import (
	"strings"
	"unicode/utf8"
)

var _ = reg(StrByteLoop, StrRuneCount, StrRangeBytesOnly, StrRuneToString, StrIntToRune, StrBytesRoundTrip,
	StrRunesRoundTrip, StrSliceOpen, StrCompareAll, StrConcatLoop, StrContains, StrPrefixSuffix, StrIndexes,
	StrSplitJoin, StrFields, StrTrim, StrReplace, StrRepeat, StrCount, StrEqualFold, StrCut, StrBuilder,
	StrMapFunc, StrTitleWords, StrReverseBytes, StrToLowerUpper, StrLastByte, StrFirstRune, StrValid, StrIndexByteRune)

func StrByteLoop(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*31 + int(s[i])
	}
	return n
}
func StrRuneCount(s string) []int { return []int{len(s), utf8.RuneCountInString(s), len([]rune(s))} }
func StrRangeBytesOnly(s string) []int {
	var out []int
	for i := range s {
		out = append(out, i)
	}
	return out
}
func StrRuneToString(s string) []string {
	var out []string
	for _, r := range s {
		out = append(out, string(r))
	}
	return out
}
func StrIntToRune(n int32) string { return string(rune(n)) + string(rune(n%0x110000)) }
func StrBytesRoundTrip(s string) string {
	b := []byte(s)
	b = append(b, '!')
	return string(b)
}
func StrRunesRoundTrip(s string) string {
	r := []rune(s)
	r = append(r, 'é', -1, 0xD800)
	return string(r)
}
func StrSliceOpen(s string) []string {
	if len(s) < 2 {
		return []string{s}
	}
	return []string{s[1:], s[:1], s[:], s[len(s)/2:]}
}
func StrCompareAll(a, b string) []int {
	return []int{strings.Compare(a, b), len(a + b)}
}
func StrConcatLoop(s string) string {
	out := ""
	for i := 0; i < 3; i++ {
		out += s
		out += "-"
	}
	return out
}
func StrContains(s string) []bool {
	return []bool{strings.Contains(s, "a"), strings.ContainsRune(s, 'é'), strings.ContainsAny(s, "xyzß"), strings.Contains(s, "")}
}
func StrPrefixSuffix(s string) []bool {
	return []bool{strings.HasPrefix(s, "a"), strings.HasSuffix(s, "b"), strings.HasPrefix(s, ""), strings.HasSuffix(s, "\xff")}
}
func StrIndexes(s string) []int {
	return []int{strings.Index(s, "b"), strings.LastIndex(s, "a"), strings.IndexByte(s, ','), strings.IndexRune(s, '日'), strings.IndexAny(s, "é,")}
}
func StrSplitJoin(s string) string {
	parts := strings.Split(s, ",")
	return strings.Join(parts, "+") + "|" + strings.Join(strings.SplitN(s, ",", 2), "/")
}
func StrFields(s string) []string { return strings.Fields(s) }
func StrTrim(s string) []string {
	return []string{strings.TrimSpace(s), strings.Trim(s, "a "), strings.TrimLeft(s, "ab"), strings.TrimRight(s, "b"), strings.TrimPrefix(s, "a"), strings.TrimSuffix(s, "b")}
}
func StrReplace(s string) []string {
	return []string{strings.ReplaceAll(s, "a", "xy"), strings.Replace(s, "", "|", -1), strings.Replace(s, "b", "", 1)}
}
func StrRepeat(s string, n uint8) string { return strings.Repeat(s, int(n%4)) }
func StrCount(s string) []int            { return []int{strings.Count(s, "a"), strings.Count(s, "")} }
func StrEqualFold(a, b string) bool      { return strings.EqualFold(a, b) }
func StrCut(s string) []string {
	before, after, found := strings.Cut(s, ",")
	if !found {
		return []string{"nf", before}
	}
	return []string{before, after}
}
func StrBuilder(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	b.WriteString("!")
	return b.String() + string(rune(b.Len()+48))
}
func StrMapFunc(s string) string {
	return strings.Map(func(r rune) rune {
		if r == 'a' {
			return 'A'
		}
		return r
	}, s)
}
func StrTitleWords(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		rs := []rune(w)
		rs[0] = rune(strings.ToUpper(string(rs[0]))[0])
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}
func StrReverseBytes(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}
func StrToLowerUpper(s string) []string {
	return []string{strings.ToLower(s), strings.ToUpper(s), strings.ToTitle(s)}
}
func StrLastByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[len(s)-1]
}
func StrFirstRune(s string) []int {
	r, n := utf8.DecodeRuneInString(s)
	l, m := utf8.DecodeLastRuneInString(s)
	return []int{int(r), n, int(l), m}
}
func StrValid(s string) []bool { return []bool{utf8.ValidString(s), utf8.RuneLen('é') == 2} }
func StrIndexByteRune(s string, i int) string {
	if i < 0 || i > len(s) {
		return ""
	}
	return s[i:] + s[:i]
}
