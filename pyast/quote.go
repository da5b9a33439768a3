package pyast

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrInvalidUTF8 is returned when a string meant to become a Python str is
// not valid UTF-8. A Python str holds code points, so such a string has no
// faithful str literal; put the raw bytes in a [Bytes] node instead.
var ErrInvalidUTF8 = errors.New("string is not valid UTF-8 (a Python str holds code points: use a Bytes node or QuoteBytes for raw bytes)")

// Quote returns s as a Python str literal that evaluates to the same text,
// in the style of Python's repr: single quotes unless s holds a single
// quote and no double quote; backslashes, quotes, control characters,
// U+2028, U+2029 and every other non-printable code point escaped as \t,
// \n, \r, \xhh, \uhhhh or \Uhhhhhhhh; printable characters kept as they
// are. The literal never spans lines, so nothing can break out of it.
//
// Quote returns an error wrapping [ErrInvalidUTF8] when s is not valid
// UTF-8 rather than guess a decoding; see [QuoteBytes].
func Quote(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("pyast: quote %.40q: %w", s, ErrInvalidUTF8)
	}
	return quoteStr(s), nil
}

// quoteStr renders valid UTF-8 like Python's repr(str). Go's unicode.IsPrint
// matches str.isprintable (letters, marks, numbers, punctuation, symbols and
// the ASCII space), up to differences between the Unicode versions of Go
// and CPython, which only change whether a rare character is escaped.
func quoteStr(s string) string {
	q := pickQuote(strings.ContainsRune(s, '\''), strings.ContainsRune(s, '"'))
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < utf8.RuneSelf:
			writeASCII(&b, byte(r))
		case unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// QuoteBytes returns b as a Python bytes literal, b'...', in the style of
// Python's repr: printable ASCII kept, everything else escaped.
func QuoteBytes(b []byte) string {
	q := pickQuote(strings.ContainsRune(string(b), '\''), strings.ContainsRune(string(b), '"'))
	var sb strings.Builder
	sb.Grow(len(b) + 3)
	sb.WriteString("b")
	sb.WriteByte(q)
	for _, c := range b {
		switch {
		case c == q || c == '\\':
			sb.WriteByte('\\')
			sb.WriteByte(c)
		case c < utf8.RuneSelf:
			writeASCII(&sb, c)
		default:
			fmt.Fprintf(&sb, `\x%02x`, c)
		}
	}
	sb.WriteByte(q)
	return sb.String()
}

// pickQuote chooses the delimiter the way repr does.
func pickQuote(hasSingle, hasDouble bool) byte {
	if hasSingle && !hasDouble {
		return '"'
	}
	return '\''
}

// writeASCII writes one ASCII byte other than a backslash or the delimiter.
func writeASCII(b *strings.Builder, c byte) {
	switch {
	case c == '\t':
		b.WriteString(`\t`)
	case c == '\n':
		b.WriteString(`\n`)
	case c == '\r':
		b.WriteString(`\r`)
	case c < ' ' || c == 0x7f:
		fmt.Fprintf(b, `\x%02x`, c)
	default:
		b.WriteByte(c)
	}
}

// maxDecimalDigits is CPython's default limit (3.11+) on converting
// between int and decimal text; larger literals print in hex so any
// CPython can parse them.
const maxDecimalDigits = 4300

// intLiteral renders the absolute value of v: decimal, or hex beyond
// maxDecimalDigits digits.
func intLiteral(v *big.Int) string {
	a := new(big.Int).Abs(v)
	if s := a.String(); len(s) <= maxDecimalDigits {
		return s
	}
	return "0x" + a.Text(16)
}

// floatRepr renders a finite non-negative f like Python's repr(float):
// the shortest text that reads back as f, in fixed notation when the
// decimal exponent is in [-4, 16), else as 1e+16, 1.5e-05; always with a
// '.' or an exponent, so it reads back as a float.
func floatRepr(f float64) string {
	if math.IsInf(f, 0) {
		return "inf"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if exp < -4 || exp >= 16 {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsRune(s, '.') {
		s += ".0"
	}
	return s
}
