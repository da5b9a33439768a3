package corpus

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Adversarial cases, fourteenth batch (red team): struct conversions and
// dereferences in every value position, strconv.Unquote forms, utf8 on
// surrogates and overlong encodings.

var _ = reg(A14StructConversion, A14DerefPositions, A14UnquoteForms, A14UTF8Overlong, A14PtrFieldChain)

type a14pt a7pt

func A14StructConversion(a int) []int {
	p := a7pt{X: a}
	q := a14pt(p)
	q.X = 5
	r := a7pt(q)
	r.Y = 6
	anon := struct {
		X, Y int
		Tag  string
	}(p)
	anon.X = 7
	return []int{p.X, p.Y, q.X, r.Y, anon.X}
}

func a14take(p a7pt) int {
	p.X = -1
	return p.X
}

func A14DerefPositions(a int) []int {
	p := &a7pt{X: a}
	s := []a7pt{*p}
	s = append(s, *p)
	m := map[string]a7pt{"k": *p}
	t := a14take(*p)
	var x any = *p
	f := func() a7pt { return *p }
	g := f()
	g.Y = 3
	s[0].X = 10
	s[1].Y = 11
	p.X = 20
	return []int{s[0].X, s[1].X, s[1].Y, m["k"].X, t, x.(a7pt).X, g.X, g.Y, p.Y}
}

func A14UnquoteForms(k uint8) []string {
	var out []string
	for _, s := range []string{`"\x41\101\u0041"`, `"\400"`, `"\uD800"`, `"\U00110000"`, `'\''`, `'ab'`, `"a\"b"`, "`a\\b`", `"\a\b\f\v"`, `"'"`, `'"'`, `"\'"`, `"é\xff"`, `""`, `"`, "`\r`", `'\x80'`, `'\u00e9'`} {
		u, err := strconv.Unquote(s)
		out = append(out, strconv.Quote(u), fmt.Sprint(err))
	}
	return append(out, strconv.Itoa(int(k)))
}

func A14UTF8Overlong(k uint8) []int {
	var out []int
	for _, s := range []string{"\xc0\x80", "\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf0\x9f\x98", "\xc2", "\xef\xbf\xbd", "\xf8\x88\x80\x80\x80"} {
		r, w := utf8.DecodeRuneInString(s)
		out = append(out, int(r), w, utf8.RuneCountInString(s), len([]rune(s)), b2i(utf8.ValidString(s)))
		for i, c := range s {
			out = append(out, i, int(c))
		}
	}
	return append(out, int(k))
}

type a14node struct {
	V    int
	Next *a14node
	Val  a7pt
}

func A14PtrFieldChain(a int) []int {
	n3 := &a14node{V: 3}
	n2 := &a14node{V: 2, Next: n3}
	n1 := &a14node{V: a, Next: n2, Val: a7pt{X: a}}
	c := *n1
	c.Next.V = 20
	c.Val.X = 30
	c.V = 40
	sum := 0
	for n := n1; n != nil; n = n.Next {
		sum += n.V
	}
	return []int{sum, n1.V, n1.Val.X, n2.V, c.Next.Next.V}
}
