package corpus

import "strconv"

var _ = reg(ConvAtoi, ConvItoa, ConvParseInt, ConvParseUint, ConvParseFloat, ConvParseBool, ConvFormatInt,
	ConvFormatFloat, ConvQuote, ConvUnquote, ConvRoundTrip, ConvErrorText)

func ConvAtoi(s string) []any {
	n, err := strconv.Atoi(s)
	return []any{n, err}
}
func ConvItoa(n int) string { return strconv.Itoa(n) + strconv.Itoa(-n) }
func ConvParseInt(s string) []any {
	a, e1 := strconv.ParseInt(s, 0, 64)
	b, e2 := strconv.ParseInt(s, 16, 16)
	return []any{a, e1, b, e2}
}
func ConvParseUint(s string) []any {
	a, err := strconv.ParseUint(s, 10, 32)
	return []any{a, err}
}
func ConvParseFloat(s string) []any {
	f, err := strconv.ParseFloat(s, 64)
	return []any{f, err}
}
func ConvParseBool(s string) []any {
	b, err := strconv.ParseBool(s)
	return []any{b, err}
}
func ConvFormatInt(n int64) []string {
	return []string{strconv.FormatInt(n, 2), strconv.FormatInt(n, 16), strconv.FormatInt(n, 36), strconv.FormatUint(uint64(n), 10)}
}
func ConvFormatFloat(f float64) []string {
	return []string{strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f, 'e', 3, 64), strconv.FormatFloat(f, 'g', -1, 32), strconv.FormatFloat(f, 'f', 2, 64)}
}
func ConvQuote(s string) []string {
	return []string{strconv.Quote(s), strconv.QuoteToASCII(s), strconv.QuoteRune('☺')}
}
func ConvUnquote(s string) []any {
	u, err := strconv.Unquote(s)
	return []any{u, err}
}
func ConvRoundTrip(n int32) bool {
	m, err := strconv.Atoi(strconv.Itoa(int(n)))
	return err == nil && int32(m) == n
}
func ConvErrorText(s string) string {
	if _, err := strconv.Atoi(s); err != nil {
		return err.Error()
	}
	return "ok"
}
