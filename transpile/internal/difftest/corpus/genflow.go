//go:build ignore

// Genflow writes flow_gen.go: seeded random functions of nested loops
// (every form but range over map, whose order Go randomizes), switches
// and immediately called closures, with break and continue, labeled or
// not, to every target they may name. Each records a trace of the marks
// it passes, so any difference in control flow shows in the result. A
// step budget bounds every loop. Run: go run genflow.go
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"math/rand"
	"os"
	"regexp"
	"strings"
)

var (
	seed  = flag.Int64("seed", 1, "random seed")
	funcs = flag.Int("n", 60, "number of functions")
)

// A target is an enclosing statement break (and, for loops, continue)
// may name.
type target struct {
	label string // set once a branch names it
	loop  bool
}

type gen struct {
	r       *rand.Rand
	targets []*target
	vars    []string // int variables conditions may read
	capt    []string // loop variables closures may capture (never reassigned)
	next    int      // counter for names and marks
	inFunc  bool     // inside a closure: the budget returns nothing
}

func (g *gen) id() int { g.next++; return g.next }

func (g *gen) cond() string {
	terms := []string{"int(n)"}
	for range 1 + g.r.Intn(2) {
		if len(g.vars) > 0 && g.r.Intn(4) > 0 {
			terms = append(terms, fmt.Sprintf("%d*%s", 1+g.r.Intn(3), g.vars[g.r.Intn(len(g.vars))]))
		}
	}
	m := 2 + g.r.Intn(4)
	return fmt.Sprintf("(%s)%%%d == %d", strings.Join(terms, "+"), m, g.r.Intn(m))
}

func (g *gen) budget() string {
	if g.inFunc {
		return "steps++\nif steps > 150 {\nreturn\n}\n"
	}
	return "steps++\nif steps > 150 {\nreturn append(trace, -1)\n}\n"
}

func (g *gen) mark() string {
	if len(g.vars) > 0 && g.r.Intn(2) == 0 {
		return fmt.Sprintf("trace = append(trace, %d*100+%s%%100)\n", g.id(), g.vars[g.r.Intn(len(g.vars))])
	}
	return fmt.Sprintf("trace = append(trace, %d)\n", g.id())
}

// branch returns an if around a break or continue to a random target.
func (g *gen) branch() string {
	var ts []int
	for i := range g.targets {
		ts = append(ts, i)
	}
	ti := ts[g.r.Intn(len(ts))]
	t := g.targets[ti]
	tok := "break"
	if t.loop && g.r.Intn(2) == 0 {
		tok = "continue"
	}
	// Unlabeled only when the target is the innermost statement the
	// token can name.
	innermost := true
	for _, u := range g.targets[ti+1:] {
		if tok == "break" || u.loop {
			innermost = false
		}
	}
	stmt := tok
	if !innermost || g.r.Intn(2) == 0 {
		if t.label == "" {
			t.label = fmt.Sprintf("L%d", g.id())
		}
		stmt += " " + t.label
	}
	return fmt.Sprintf("if %s {\n%s%s\n}\n", g.cond(), g.mark(), stmt)
}

func (g *gen) stmts(depth, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(g.stmt(depth))
	}
	return b.String()
}

func (g *gen) stmt(depth int) string {
	for {
		switch k := g.r.Intn(10); {
		case k < 3:
			return g.mark()
		case k < 6:
			if len(g.targets) > 0 {
				return g.branch()
			}
		case k < 8:
			if depth < 3 {
				return g.loop(depth)
			}
		case k < 9:
			if depth < 3 {
				return g.switchStmt(depth)
			}
		default:
			if depth < 2 && g.r.Intn(2) == 0 {
				return g.closure(depth)
			}
			if len(g.capt) > 0 {
				v := g.capt[g.r.Intn(len(g.capt))]
				return fmt.Sprintf("fs = append(fs, func() int { return %d*1000 + %s })\n", g.id(), v)
			}
		}
	}
}

// labeled prefixes s with t's label when a branch named it.
func labeled(t *target, s string) string {
	if t.label == "" {
		return s
	}
	return t.label + ":\n" + s
}

var used = func(name, body string) bool {
	return regexp.MustCompile(`\b` + name + `\b`).MatchString(body)
}

func (g *gen) loop(depth int) string {
	t := &target{loop: true}
	g.targets = append(g.targets, t)
	defer func() { g.targets = g.targets[:len(g.targets)-1] }()
	nv, nc := len(g.vars), len(g.capt)
	defer func() { g.vars, g.capt = g.vars[:nv], g.capt[:nc] }()
	n := g.id()
	i, v := fmt.Sprintf("i%d", n), fmt.Sprintf("v%d", n)
	bound := []string{"3", "4", "int(n%5)", "len(xs)", "len(s)"}[g.r.Intn(5)]
	body := func() string { return g.budget() + g.stmts(depth+1, 1+g.r.Intn(3)) }
	var s string
	switch g.r.Intn(7) {
	case 0: // three-clause
		g.vars, g.capt = append(g.vars, i), append(g.capt, i)
		b := body()
		s = fmt.Sprintf("for %s := 0; %s < %s; %s++ {\n%s}\n", i, i, bound, i, b)
	case 1: // three-clause, post with two effects
		g.vars, g.capt = append(g.vars, i, v), append(g.capt, i, v)
		b := body()
		s = fmt.Sprintf("for %s, %s := 0, 1; %s < %s; %s, %s = %s+1, %s*2%%97 {\n%s}\n", i, v, i, bound, i, v, i, v, b)
	case 2: // condition only
		g.vars = append(g.vars, i)
		b := body()
		s = fmt.Sprintf("%s := 0\n", i) + labeled(t, fmt.Sprintf("for %s < %s {\n%s++\n%s}\n", i, bound, i, b))
		return s
	case 3: // infinite: the budget breaks it
		s = fmt.Sprintf("for {\nsteps++\nif steps > 150 {\nbreak\n}\n%s}\n", g.stmts(depth+1, 1+g.r.Intn(3)))
	case 4: // range over int
		g.vars, g.capt = append(g.vars, i), append(g.capt, i)
		b := body()
		s = fmt.Sprintf("for %s := range %s {\n%s}\n", i, bound, b)
		if !used(i, b) {
			s = fmt.Sprintf("for range %s {\n%s}\n", bound, b)
		}
	case 5: // range over slice
		g.vars, g.capt = append(g.vars, i, v), append(g.capt, i, v)
		b := body()
		s = rangeClause(i, v, "xs", b)
	case 6: // range over string
		g.vars, g.capt = append(g.vars, i, "int("+v+")"), append(g.capt, i, "int("+v+")")
		b := body()
		s = rangeClause(i, v, "s", b)
	}
	return labeled(t, s)
}

func rangeClause(i, v, x, body string) string {
	switch iu, vu := used(i, body), used(v, body); {
	case vu:
		if !iu {
			i = "_"
		}
		return fmt.Sprintf("for %s, %s := range %s {\n%s}\n", i, v, x, body)
	case iu:
		return fmt.Sprintf("for %s := range %s {\n%s}\n", i, x, body)
	}
	return fmt.Sprintf("for range %s {\n%s}\n", x, body)
}

func (g *gen) switchStmt(depth int) string {
	t := &target{}
	g.targets = append(g.targets, t)
	defer func() { g.targets = g.targets[:len(g.targets)-1] }()
	var b strings.Builder
	cases := 1 + g.r.Intn(3)
	if g.r.Intn(2) == 0 {
		fmt.Fprintf(&b, "switch (int(n) + %d) %% 3 {\n", g.r.Intn(3))
		for c := range cases {
			fmt.Fprintf(&b, "case %d:\n%s", c, g.stmts(depth+1, 1+g.r.Intn(2)))
		}
	} else {
		b.WriteString("switch {\n")
		for range cases {
			fmt.Fprintf(&b, "case %s:\n%s", g.cond(), g.stmts(depth+1, 1+g.r.Intn(2)))
		}
	}
	if g.r.Intn(2) == 0 {
		fmt.Fprintf(&b, "default:\n%s", g.stmts(depth+1, 1+g.r.Intn(2)))
	}
	b.WriteString("}\n")
	return labeled(t, b.String())
}

// closure returns a func literal called at once: its branches cannot
// leave it, so it starts with no targets.
func (g *gen) closure(depth int) string {
	saved, savedVars, savedIn := g.targets, g.vars, g.inFunc
	// Conditions read only variables a closure may capture: a counter
	// reassigned in a loop body would be a shared variable in Python.
	g.targets, g.vars, g.inFunc = nil, append([]string(nil), g.capt...), true
	body := g.stmts(depth+1, 1+g.r.Intn(2))
	g.targets, g.vars, g.inFunc = saved, savedVars, savedIn
	return fmt.Sprintf("func() {\n%s}()\n", body)
}

func main() {
	flag.Parse()
	r := rand.New(rand.NewSource(*seed))
	var b bytes.Buffer
	var names []string
	b.WriteString("// Code generated by genflow.go; DO NOT EDIT.\n\npackage corpus\n\n")
	for f := range *funcs {
		g := &gen{r: r}
		body := g.stmts(0, 2+r.Intn(2))
		for !strings.Contains(body, "for ") || !strings.Contains(body, "break") && !strings.Contains(body, "continue") {
			g = &gen{r: r}
			body = g.stmts(0, 2+r.Intn(2))
		}
		name := fmt.Sprintf("GenFlow%02d", f)
		names = append(names, name)
		fmt.Fprintf(&b, "func %s(xs []int, s string, n uint8) []int {\nvar trace []int\nsteps := 0\nvar fs []func() int\n%sfor _, f := range fs {\ntrace = append(trace, f())\n}\nreturn append(trace, steps)\n}\n\n", name, body)
	}
	b.WriteString("var _ = reg(" + strings.Join(names, ", ") + ")\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		os.Stdout.Write(b.Bytes())
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile("flow_gen.go", src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
