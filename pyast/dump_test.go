package pyast

import (
	"flag"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/gogears/gogears/internal/python"
)

// roundTripProgram reads [source, dump] pairs and prints, per pair, "" when
// the source parses under the Python 3.7 grammar and ast.dump of the parse
// equals dump, else what went wrong. CPython 3.9 to 3.11 print the format
// Dump targets; for other versions compatDump rebuilds it (3.8 wraps
// subscripts in Index, 3.12 adds type_params, 3.13 drops empty fields).
const roundTripProgram = `
import ast, json, sys
if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)

def compat_dump(node):
    if isinstance(node, list):
        return "[" + ", ".join(compat_dump(x) for x in node) + "]"
    if not isinstance(node, ast.AST):
        return repr(node)
    name = type(node).__name__
    if name == "Index":
        return compat_dump(node.value)
    if name == "ExtSlice":
        return "Tuple(elts=%s, ctx=Load())" % compat_dump(node.dims)
    parts = []
    for f in node._fields:
        if f in ("type_params", "type_comment", "kind"):
            continue
        v = getattr(node, f, None)
        if v is None and not (name == "Constant" and f == "value") and not (name == "Dict" and f == "keys"):
            continue
        if f == "ctx" and v is None:
            continue
        parts.append("%s=%s" % (f, compat_dump(v)))
    if name in ("Name", "Attribute", "Subscript", "Starred", "List", "Tuple") and not any(p.startswith("ctx=") for p in parts):
        parts.append("ctx=Load()")
    return "%s(%s)" % (name, ", ".join(parts))

dump = ast.dump if (3, 9) <= sys.version_info[:2] <= (3, 11) else compat_dump
out = []
for src, want in json.load(sys.stdin):
    try:
        tree = ast.parse(src, feature_version=(3, 7))
    except SyntaxError as e:
        out.append("does not parse as Python 3.7: line %s: %s" % (e.lineno, e.msg))
        continue
    got = dump(tree)
    out.append("" if got == want else "CPython parses it as\n" + got)
json.dump(out, sys.stdout)
`

// cpythonCheck has one python3 process parse every source and compare its
// ast.dump with the matching Dump. It returns one message per source, ""
// where they agree. A missing python3 fails the test with the install hint.
func cpythonCheck(t *testing.T, srcs, dumps []string) []string {
	t.Helper()
	in := make([][2]string, len(srcs))
	for i := range srcs {
		in[i] = [2]string{srcs[i], dumps[i]}
	}
	var out []string
	if err := python.RunJSON(roundTripProgram, in, &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != len(srcs) {
		t.Fatalf("python3 checked %d sources, want %d", len(out), len(srcs))
	}
	return out
}

// TestCompatDump checks roundTripProgram's fallback dumper, which CPython
// outside 3.9 to 3.11 uses: forced on this CPython, it must agree with
// Dump too.
func TestCompatDump(t *testing.T) {
	t.Parallel()
	const native = "dump = ast.dump if (3, 9) <= sys.version_info[:2] <= (3, 11) else compat_dump"
	if !strings.Contains(roundTripProgram, native) {
		t.Fatal("roundTripProgram no longer picks its dumper by version")
	}
	prog := strings.Replace(roundTripProgram, native, "dump = compat_dump", 1)
	g := newGen(7)
	var in [][2]string
	for range 300 {
		m := g.module()
		src, err := Print(m)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, [2]string{string(src), Dump(m)})
	}
	var out []string
	if err := python.RunJSON(prog, in, &out); err != nil {
		t.Fatal(err)
	}
	for k, r := range out {
		if r != "" {
			t.Fatalf("compat_dump disagrees on\n%s\n%.2000s", in[k][0], r)
		}
	}
}

var (
	roundTripSeed  = flag.Uint64("seed", 1, "seed of the random trees of TestRoundTrip and TestFewestParens")
	roundTripTrees = flag.Int("trees", 4000, "number of TestRoundTrip's random trees")
)

// TestRoundTrip prints thousands of random trees and has CPython confirm
// that each parses as Python 3.7 into exactly the tree Dump describes. A
// precedence bug shows up as a structural difference.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	trees := *roundTripTrees
	start := time.Now()
	g := newGen(*roundTripSeed)
	var srcs, dumps []string
	var mods []*Module
	for range trees {
		m := g.module()
		src, err := Print(m)
		if err != nil {
			t.Fatalf("Print(random tree) = %v\ntree: %.3000s", err, Dump(m))
		}
		again, _ := Print(m)
		if string(again) != string(src) {
			t.Fatalf("Print is not deterministic:\n%s\nthen\n%s", src, again)
		}
		mods = append(mods, m)
		srcs = append(srcs, string(src))
		dumps = append(dumps, Dump(m))
	}
	t.Logf("built, printed and dumped in %v", time.Since(start).Round(time.Millisecond))
	res := cpythonCheck(t, srcs, dumps)
	failed := 0
	for i, r := range res {
		if r == "" {
			continue
		}
		if failed++; failed <= 3 {
			t.Errorf("tree %d printed as\n%s\nwant dump %s\n%s", i, srcs[i], dumps[i], r)
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d random trees failed the round trip", failed, trees)
	}
	var total int
	for _, s := range srcs {
		total += len(s)
	}
	for _, c := range corners {
		t.Logf("corner %q: %d times", c, g.seen[c])
	}
	t.Logf("%d random trees (%d bytes of Python) round-tripped through CPython in %v", trees, total, time.Since(start).Round(time.Millisecond))
	if !g.coverage(t) {
		t.Error("random trees missed a precedence corner; see above")
	}
}

// A gen builds random valid trees from a seed; the same seed gives the same
// trees.
type gen struct {
	r *rand.Rand
	// seen counts the precedence corners the trees exercised.
	seen map[string]int
}

func newGen(seed uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), seen: map[string]int{}}
}

// corners are the precedence situations the issue lists; the round trip
// fails if the random trees did not cover each many times.
var corners = []string{
	"binop right operand same level",       // a - (b - c)
	"pow left is unary",                    // (-1) ** 2
	"pow left is negative constant",        // (-1) ** 2 with an Int
	"pow right is pow",                     // a ** b ** c
	"pow right is unary",                   // a ** -b
	"compare in compare",                   // (a < b) == c
	"negative constant operand",            // -1 + x
	"not in compare",                       // a == (not b)
	"compare in not",                       // not a < b
	"lambda in operator",                   // (lambda: 1) + x
	"ifexp in operator",                    // (a if b else c) * d
	"one-element tuple",                    // (a,)
	"attribute of int literal",             // (1).real
	"boolop in boolop",                     // (a or b) or c
	"is / in / not in compare",             // a is b, a in b, a not in b
	"unary of power",                       // -a ** b
	"operand binds looser than its parent", // any paren case
}

func (g *gen) note(corner string) { g.seen[corner]++ }

func (g *gen) coverage(t *testing.T) bool {
	ok := true
	for _, c := range corners {
		if g.seen[c] < 20 {
			t.Errorf("corner %q exercised %d times, want >= 20", c, g.seen[c])
			ok = false
		}
	}
	return ok
}

func (g *gen) n(k int) int       { return g.r.IntN(k) }
func (g *gen) chance(p int) bool { return g.r.IntN(100) < p }

var genNames = []string{"a", "b", "c", "x", "y", "f", "self", "len", "value_1"}

func (g *gen) name() *Name { return NewName(genNames[g.n(len(genNames))]) }

// bindNames are genNames minus builtins, for names the tree binds.
var bindNames = []string{"a", "b", "c", "x", "y", "f", "self", "value_1", "_"}

func (g *gen) ident() string { return bindNames[g.n(len(bindNames))] }

func (g *gen) bindName() *Name { return NewName(g.ident()) }

var genStrings = []string{"", "a", "it's", `say "hi"`, "back\\slash", "nul\x00", "crlf\r\n", "tab\t", "\u2028", "café", "😀", "\x7f\x1b", "{x}", "\u200b\ufeff"}

func (g *gen) leaf() Expr {
	switch g.n(12) {
	case 0, 1, 2:
		return g.name()
	case 3:
		v := big.NewInt(int64(g.n(2000) - 1000))
		if g.chance(10) {
			v.Exp(big.NewInt(10), big.NewInt(int64(20+g.n(40))), nil)
			if g.chance(50) {
				v.Neg(v)
			}
		}
		return &Int{Value: v}
	case 4:
		fs := []float64{0, 1.5, -2.25, 1e16, 1e-5, 123456789.125, math.Inf(1), math.Inf(-1), math.NaN(), math.Copysign(0, -1), 5e-324, math.MaxFloat64, 0.1}
		return &Float{Value: fs[g.n(len(fs))]}
	case 5:
		return NewStr(genStrings[g.n(len(genStrings))])
	case 6:
		return &Bytes{Value: []byte(genStrings[g.n(len(genStrings))] + "\xff")}
	case 7:
		return &Bool{Value: g.chance(50)}
	case 8:
		return &None{}
	case 9:
		return NewInt(int64(-g.n(10) - 1)) // negative constants, often
	default:
		return g.name()
	}
}

var (
	binOps  = []Op{Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv}
	cmpOps  = []Op{Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn}
	unOps   = []Op{Invert, Not, UAdd, USub}
	boolOps = []Op{And, Or}
)

// expr returns a random expression of depth at most d.
func (g *gen) expr(d int) Expr {
	if d <= 0 || g.chance(20) {
		return g.leaf()
	}
	var e Expr
	switch g.n(30) {
	case 0, 1, 2, 3, 4, 5:
		e = &BinOp{Left: g.expr(d - 1), Op: binOps[g.n(len(binOps))], Right: g.expr(d - 1)}
	case 6, 7:
		u := &UnaryOp{Op: unOps[g.n(len(unOps))], Operand: g.expr(d - 1)}
		switch {
		case u.Op == Not && g.chance(30):
			u.Operand = &Compare{Left: g.expr(d - 1), Ops: []Op{cmpOps[g.n(len(cmpOps))]}, Comparators: g.exprs(d-1, 1)}
		case u.Op != Not && g.chance(20):
			u.Operand = &BinOp{Left: g.expr(d - 1), Op: Pow, Right: g.expr(d - 1)}
		}
		e = u
	case 8, 9:
		e = &BoolOp{Op: boolOps[g.n(2)], Values: g.exprs(d-1, 2+g.n(2))}
	case 10, 11:
		k := 1 + g.n(3)
		ops := make([]Op, k)
		for i := range ops {
			ops[i] = cmpOps[g.n(len(cmpOps))]
		}
		e = &Compare{Left: g.expr(d - 1), Ops: ops, Comparators: g.exprs(d-1, k)}
	case 12:
		e = &IfExp{Test: g.expr(d - 1), Body: g.expr(d - 1), Else: g.expr(d - 1)}
	case 13:
		e = &Lambda{Args: g.arguments(d - 1), Body: g.expr(d - 1)}
	case 14, 15:
		e = g.call(d)
	case 16:
		e = &Attribute{Value: g.expr(d - 1), Attr: g.ident()}
	case 17:
		e = &Subscript{Value: g.expr(d - 1), Index: g.index(d - 1)}
	case 18:
		e = &List{Elts: g.elts(d - 1)}
	case 19:
		e = &Tuple{Elts: g.elts(d - 1)}
	case 20:
		dict := &Dict{}
		for range g.n(4) {
			var k Expr
			if !g.chance(20) {
				k = g.expr(d - 1)
			}
			dict.Keys = append(dict.Keys, k)
			dict.Values = append(dict.Values, g.expr(d-1))
		}
		e = dict
	case 21:
		e = &Set{Elts: append(g.elts(d-1), g.expr(d-1))}
	case 22:
		e = &ListComp{Elt: g.expr(d - 1), Generators: g.comps(d - 1)}
	case 23:
		e = &SetComp{Elt: g.expr(d - 1), Generators: g.comps(d - 1)}
	case 24:
		e = &DictComp{Key: g.expr(d - 1), Value: g.expr(d - 1), Generators: g.comps(d - 1)}
	case 25:
		e = &GeneratorExp{Elt: g.expr(d - 1), Generators: g.comps(d - 1)}
	case 26:
		if g.chance(50) {
			y := &Yield{}
			if g.chance(70) {
				y.Value = g.exprOrTuple(d - 1)
			}
			e = y
		} else {
			e = &YieldFrom{Value: g.expr(d - 1)}
		}
	case 27:
		e = &BinOp{Left: g.leafOrUnary(d - 1), Op: Pow, Right: g.leafOrUnary(d - 1)}
	case 28:
		e = &Attribute{Value: &Int{Value: big.NewInt(int64(g.n(5)))}, Attr: "real"}
	default:
		e = &Tuple{Elts: []Expr{g.expr(d - 1)}}
	}
	g.classify(e)
	return e
}

// leafOrUnary favours the operands that make ** interesting.
func (g *gen) leafOrUnary(d int) Expr {
	switch g.n(4) {
	case 0:
		return &UnaryOp{Op: USub, Operand: g.expr(d - 1)}
	case 1:
		return NewInt(-int64(g.n(5) + 1))
	case 2:
		return &BinOp{Left: g.expr(d - 1), Op: Pow, Right: g.expr(d - 1)}
	}
	return g.expr(d - 1)
}

// classify records which corners e exercises.
func (g *gen) classify(e Expr) {
	if looserOperand(e) {
		g.note("operand binds looser than its parent")
	}
	isNeg := func(x Expr) bool { return precedence(x) == PrecUnary && !isUnaryOp(x) }
	switch e := e.(type) {
	case *BinOp:
		if e.Op.IsBinary() {
			if r, ok := e.Right.(*BinOp); ok && r.Op.Precedence() == e.Op.Precedence() && e.Op != Pow {
				g.note("binop right operand same level")
			}
			if isNeg(e.Left) || isNeg(e.Right) {
				g.note("negative constant operand")
			}
			if isLambdaOrIfExp(e.Left) || isLambdaOrIfExp(e.Right) {
				g.note(fmt.Sprintf("%s in operator", map[bool]string{true: "lambda", false: "ifexp"}[isLambda(e.Left) || isLambda(e.Right)]))
			}
		}
		if e.Op == Pow {
			if isUnaryOp(e.Left) {
				g.note("pow left is unary")
			}
			if isNeg(e.Left) {
				g.note("pow left is negative constant")
			}
			if r, ok := e.Right.(*BinOp); ok && r.Op == Pow {
				g.note("pow right is pow")
			}
			if precedence(e.Right) == PrecUnary {
				g.note("pow right is unary")
			}
		}
	case *UnaryOp:
		if b, ok := e.Operand.(*BinOp); ok && b.Op == Pow && e.Op != Not {
			g.note("unary of power")
		}
		if _, ok := e.Operand.(*Compare); ok && e.Op == Not {
			g.note("compare in not")
		}
	case *Compare:
		for _, x := range append([]Expr{e.Left}, e.Comparators...) {
			if _, ok := x.(*Compare); ok {
				g.note("compare in compare")
			}
			if u, ok := x.(*UnaryOp); ok && u.Op == Not {
				g.note("not in compare")
			}
		}
		for _, op := range e.Ops {
			if op == Is || op == IsNot || op == In || op == NotIn {
				g.note("is / in / not in compare")
			}
		}
	case *BoolOp:
		for _, v := range e.Values {
			if _, ok := v.(*BoolOp); ok {
				g.note("boolop in boolop")
			}
		}
	case *Tuple:
		if len(e.Elts) == 1 {
			g.note("one-element tuple")
		}
	case *Attribute:
		if _, ok := e.Value.(*Int); ok {
			g.note("attribute of int literal")
		}
	}
}

func isUnaryOp(e Expr) bool       { _, ok := e.(*UnaryOp); return ok }
func isLambda(e Expr) bool        { _, ok := e.(*Lambda); return ok }
func isLambdaOrIfExp(e Expr) bool { _, ok := e.(*IfExp); return ok || isLambda(e) }

// looserOperand reports whether an operand of e binds looser than e's
// operator, so the printer must parenthesize it.
func looserOperand(e Expr) bool {
	switch e := e.(type) {
	case *BinOp:
		return precedence(e.Left) < e.Op.Precedence() || precedence(e.Right) <= e.Op.Precedence()
	case *UnaryOp:
		return precedence(e.Operand) < e.Op.Precedence()
	case *Compare:
		return precedence(e.Left) <= PrecCompare
	}
	return false
}

func (g *gen) exprs(d, k int) []Expr {
	es := make([]Expr, k)
	for i := range es {
		es[i] = g.expr(d)
	}
	return es
}

// elts returns display elements, some starred.
func (g *gen) elts(d int) []Expr {
	es := g.exprs(d, g.n(4))
	for i := range es {
		if g.chance(15) {
			es[i] = &Starred{Value: es[i]}
		}
	}
	return es
}

func (g *gen) exprOrTuple(d int) Expr {
	if g.chance(25) {
		return &Tuple{Elts: g.exprs(d, g.n(4))}
	}
	return g.expr(d)
}

func (g *gen) call(d int) Expr {
	c := &Call{Func: g.expr(d - 1)}
	if g.chance(15) {
		c.Args = []Expr{&GeneratorExp{Elt: g.expr(d - 1), Generators: g.comps(d - 1)}}
		return c
	}
	for range g.n(3) {
		a := g.expr(d - 1)
		if g.chance(20) {
			a = &Starred{Value: a}
		}
		c.Args = append(c.Args, a)
	}
	used := map[string]bool{}
	for range g.n(3) {
		k := Keyword{Value: g.expr(d - 1)}
		if !g.chance(20) {
			k.Arg = g.ident()
			if used[k.Arg] {
				continue
			}
			used[k.Arg] = true
		}
		c.Keywords = append(c.Keywords, k)
	}
	return c
}

func (g *gen) index(d int) Expr {
	slice := func() Expr {
		s := &Slice{}
		if g.chance(60) {
			s.Lower = g.expr(d)
		}
		if g.chance(60) {
			s.Upper = g.expr(d)
		}
		if g.chance(30) {
			s.Step = g.expr(d)
		}
		return s
	}
	switch g.n(5) {
	case 0:
		return slice()
	case 1:
		t := &Tuple{}
		for range g.n(3) {
			if g.chance(50) {
				t.Elts = append(t.Elts, slice())
			} else {
				t.Elts = append(t.Elts, g.expr(d))
			}
		}
		return t
	case 2:
		return &Tuple{Elts: g.elts(d)}
	}
	return g.expr(d)
}

func (g *gen) arguments(d int) Arguments {
	var a Arguments
	seen := map[string]bool{}
	for range g.n(4) {
		n := g.ident()
		if !seen[n] {
			seen[n] = true
			a.Args = append(a.Args, n)
		}
	}
	a.Defaults = g.exprs(d, g.n(len(a.Args)+1))
	if g.chance(25) && !seen["args"] {
		a.Vararg = "args"
	}
	if g.chance(20) && !seen["kw"] {
		a.Kwarg = "kw"
	}
	return a
}

func (g *gen) comps(d int) []Comprehension {
	cs := make([]Comprehension, 1+g.n(2))
	for i := range cs {
		cs[i] = Comprehension{Target: g.target(d, true), Iter: g.expr(d), Ifs: g.exprs(d, g.n(3))}
	}
	return cs
}

// target returns an assignment target; multi allows tuples and lists.
func (g *gen) target(d int, multi bool) Expr {
	switch g.n(6) {
	case 0:
		return &Attribute{Value: g.expr(d), Attr: g.ident()}
	case 1:
		return &Subscript{Value: g.expr(d), Index: g.index(d)}
	case 2, 3:
		if multi {
			elts := []Expr{g.target(d-1, true)}
			for range g.n(3) {
				elts = append(elts, g.target(d-1, true))
			}
			if g.chance(30) {
				i := g.n(len(elts))
				elts[i] = &Starred{Value: g.target(d-1, false)}
			}
			if g.chance(30) {
				return &List{Elts: elts}
			}
			return &Tuple{Elts: elts}
		}
	}
	return g.bindName()
}

func (g *gen) body(d int) []Stmt {
	var b []Stmt
	for range g.n(3) {
		b = append(b, g.stmt(d))
	}
	return b
}

// stmt returns a random statement; d bounds the nesting of both
// statements and expressions.
func (g *gen) stmt(d int) Stmt {
	const ed = 3 // expression depth
	if d <= 0 {
		return &ExprStmt{Value: g.expr(ed)}
	}
	switch g.n(24) {
	case 0, 1, 2:
		a := &Assign{Value: g.exprOrTuple(ed)}
		for range 1 + g.n(2) {
			a.Targets = append(a.Targets, g.target(2, true))
		}
		if g.chance(20) {
			a.Value = &Yield{Value: g.exprOrTuple(ed)}
		}
		return a
	case 3:
		return &AugAssign{Target: g.target(2, false), Op: binOps[g.n(len(binOps))], Value: g.exprOrTuple(ed)}
	case 4:
		r := &Return{}
		if g.chance(80) {
			r.Value = g.exprOrTuple(ed)
		}
		return r
	case 5:
		return &Delete{Targets: []Expr{g.target(2, false), &Tuple{Elts: []Expr{g.bindName(), g.target(1, false)}}}[:1+g.n(2)]}
	case 6, 7:
		s := &If{Test: g.expr(ed), Body: g.body(d - 1)}
		switch g.n(3) {
		case 0:
			s.Else = []Stmt{g.stmt(d - 1)}
		case 1:
			s.Else = g.body(d - 1)
		}
		return s
	case 8:
		return &While{Test: g.expr(ed), Body: g.body(d - 1), Else: g.body(d - 1)[:0]}
	case 9:
		return &For{Target: g.target(2, true), Iter: g.exprOrTuple(ed), Body: g.body(d - 1), Else: g.body(d - 1)}
	case 10:
		t := &Try{Body: g.body(d - 1)}
		for i := range g.n(3) {
			h := ExceptHandler{Body: g.body(d - 1)}
			if i < 2 || g.chance(70) {
				h.Type = g.expr(2)
				if g.chance(50) {
					h.Name = "e"
				}
			}
			t.Handlers = append(t.Handlers, h)
			if h.Type == nil {
				break
			}
		}
		if len(t.Handlers) > 0 && g.chance(30) {
			t.Else = g.body(d - 1)
		}
		if len(t.Handlers) == 0 || g.chance(30) {
			t.Finally = append(g.body(d-1), &Pass{})
		}
		return t
	case 11:
		w := &With{Body: g.body(d - 1)}
		for range 1 + g.n(2) {
			it := WithItem{Context: g.expr(ed)}
			if _, ok := it.Context.(*Tuple); ok {
				it.Context = g.bindName()
			}
			if g.chance(60) {
				it.Vars = g.target(2, true)
			}
			w.Items = append(w.Items, it)
		}
		return w
	case 12:
		r := &Raise{}
		if g.chance(80) {
			r.Exc = g.expr(ed)
			if g.chance(30) {
				r.Cause = g.expr(ed)
			}
		}
		return r
	case 13:
		a := &Assert{Test: g.expr(ed)}
		if g.chance(50) {
			a.Msg = g.expr(ed)
		}
		return a
	case 14:
		return &Import{Names: []Alias{{Name: "json"}, {Name: "os.path", AsName: "p"}}[:1+g.n(2)]}
	case 15:
		s := &ImportFrom{Module: []string{"", "collections", "a.b"}[g.n(3)], Level: g.n(3), Names: []Alias{{Name: "x", AsName: "y"}, {Name: "z"}}}
		if s.Module == "" {
			s.Level++
		}
		return s
	case 16:
		return &Global{Names: []string{g.ident()}}
	case 17:
		return &Nonlocal{Names: []string{"a", "b"}}
	case 18:
		return []Stmt{&Pass{}, &Break{}, &Continue{}}[g.n(3)]
	case 19:
		return &Comment{Text: "note: " + g.ident()}
	case 20, 21:
		return &FunctionDef{Comments: []string{"go: x.F"}[:g.n(2)], Name: g.ident(), Args: g.arguments(2), Body: g.body(d - 1)}
	}
	return &ExprStmt{Value: g.exprOrTuple(ed)}
}

func (g *gen) module() *Module {
	m := &Module{}
	if g.chance(20) {
		m.Comments = []string{"Code generated by gogears; DO NOT EDIT."}
	}
	for range 1 + g.n(3) {
		m.Body = append(m.Body, g.stmt(2))
	}
	return m
}
