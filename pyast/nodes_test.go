package pyast

import (
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/gogears/gogears/internal/python"
)

// Short constructors keep the tables readable.
func n(id string) *Name                { return NewName(id) }
func i(v int64) *Int                   { return NewInt(v) }
func bin(l Expr, op Op, r Expr) *BinOp { return &BinOp{Left: l, Op: op, Right: r} }
func un(op Op, x Expr) *UnaryOp        { return &UnaryOp{Op: op, Operand: x} }
func compare(l Expr, op Op, r Expr) *Compare {
	return &Compare{Left: l, Ops: []Op{op}, Comparators: []Expr{r}}
}
func tuple(es ...Expr) *Tuple         { return &Tuple{Elts: es} }
func call(f Expr, args ...Expr) *Call { return &Call{Func: f, Args: args} }
func gen1(elt Expr) *GeneratorExp {
	return &GeneratorExp{Elt: elt, Generators: []Comprehension{{Target: n("x"), Iter: n("y")}}}
}

// exprTests pin the exact text of each precedence corner: the round trip
// proves the parentheses are enough, these prove they are the fewest.
var exprTests = []struct {
	name string
	e    Expr
	want string
}{
	{"left-assoc minus", bin(bin(n("a"), Sub, n("b")), Sub, n("c")), "a - b - c"},
	{"right operand one level tighter", bin(n("a"), Sub, bin(n("b"), Sub, n("c"))), "a - (b - c)"},
	{"tighter right operand bare", bin(n("a"), Sub, bin(n("b"), Mult, n("c"))), "a - b * c"},
	{"looser left operand", bin(bin(n("a"), Add, n("b")), Mult, n("c")), "(a + b) * c"},
	{"pow right-assoc", bin(n("a"), Pow, bin(n("b"), Pow, n("c"))), "a ** b ** c"},
	{"pow left nested", bin(bin(n("a"), Pow, n("b")), Pow, n("c")), "(a ** b) ** c"},
	{"pow of negative constant", bin(i(-1), Pow, i(2)), "(-1) ** 2"},
	{"pow of unary minus", bin(un(USub, i(1)), Pow, i(2)), "(-1) ** 2"},
	{"unary minus of pow", un(USub, bin(i(1), Pow, i(2))), "-1 ** 2"},
	{"pow with unary right", bin(i(2), Pow, un(USub, n("x"))), "2 ** -x"},
	{"pow with negative right", bin(i(2), Pow, i(-1)), "2 ** -1"},
	{"invert of pow", un(Invert, bin(n("x"), Pow, i(2))), "~x ** 2"},
	{"pow of attribute", bin(&Attribute{Value: n("a"), Attr: "b"}, Pow, i(2)), "a.b ** 2"},
	{"compare in compare", compare(compare(n("a"), Lt, n("b")), Eq, n("c")), "(a < b) == c"},
	{"compare right nested", compare(n("a"), Lt, compare(n("b"), Eq, n("c"))), "a < (b == c)"},
	{"compare chain", &Compare{Left: n("a"), Ops: []Op{Lt, LtE}, Comparators: []Expr{n("b"), n("c")}}, "a < b <= c"},
	{"is not, not in", &Compare{Left: n("a"), Ops: []Op{IsNot, NotIn, In, Is}, Comparators: []Expr{n("b"), n("c"), n("d"), &None{}}}, "a is not b not in c in d is None"},
	{"negative constant", i(-5), "-5"},
	{"minus negative", bin(n("x"), Sub, i(-1)), "x - -1"},
	{"negative left operand", bin(i(-1), Add, n("x")), "-1 + x"},
	{"double negation", un(USub, i(-1)), "--1"},
	{"not binds looser than compare", un(Not, compare(n("a"), Eq, n("b"))), "not a == b"},
	{"not as compare operand", compare(n("a"), Eq, un(Not, n("b"))), "a == (not b)"},
	{"not in arithmetic", bin(un(Not, n("a")), Add, i(1)), "(not a) + 1"},
	{"minus of not", un(USub, un(Not, n("a"))), "-(not a)"},
	{"not not", un(Not, un(Not, n("a"))), "not not a"},
	{"and under or", &BoolOp{Op: Or, Values: []Expr{&BoolOp{Op: And, Values: []Expr{n("a"), n("b")}}, n("c")}}, "a and b or c"},
	{"or under and", &BoolOp{Op: And, Values: []Expr{&BoolOp{Op: Or, Values: []Expr{n("a"), n("b")}}, n("c")}}, "(a or b) and c"},
	{"or under or keeps shape", &BoolOp{Op: Or, Values: []Expr{&BoolOp{Op: Or, Values: []Expr{n("a"), n("b")}}, n("c")}}, "(a or b) or c"},
	{"flat or", &BoolOp{Op: Or, Values: []Expr{n("a"), n("b"), n("c")}}, "a or b or c"},
	{"not under and", &BoolOp{Op: And, Values: []Expr{un(Not, n("a")), n("b")}}, "not a and b"},
	{"lambda in operator", bin(&Lambda{Body: i(1)}, Add, n("x")), "(lambda: 1) + x"},
	{"ifexp in operator", bin(&IfExp{Test: n("b"), Body: n("a"), Else: n("c")}, Mult, n("d")), "(a if b else c) * d"},
	{"ifexp right-assoc", &IfExp{Test: n("b"), Body: n("a"), Else: &IfExp{Test: n("d"), Body: n("c"), Else: n("e")}}, "a if b else c if d else e"},
	{"ifexp in body", &IfExp{Test: n("d"), Body: &IfExp{Test: n("b"), Body: n("a"), Else: n("c")}, Else: n("e")}, "(a if b else c) if d else e"},
	{"lambda body ifexp", &Lambda{Body: &IfExp{Test: n("b"), Body: n("a"), Else: n("c")}}, "lambda: a if b else c"},
	{"lambda params", &Lambda{Args: Arguments{Args: []string{"a", "b"}, Defaults: []Expr{i(1)}, Vararg: "rest", Kwarg: "kw"}, Body: n("a")}, "lambda a, b=1, *rest, **kw: a"},
	{"lambda in call", call(n("f"), &Lambda{Args: Arguments{Args: []string{"x"}}, Body: n("x")}, n("y")), "f(lambda x: x, y)"},
	{"one-element tuple", tuple(n("a")), "(a,)"},
	{"empty tuple", tuple(), "()"},
	{"tuple in call", call(n("f"), tuple(n("a"), n("b"))), "f((a, b))"},
	{"attribute of int", &Attribute{Value: i(1), Attr: "real"}, "(1).real"},
	{"attribute of negative int", &Attribute{Value: i(-1), Attr: "real"}, "(-1).real"},
	{"attribute of float", &Attribute{Value: &Float{Value: 1.5}, Attr: "real"}, "1.5.real"},
	{"attribute of sum", &Attribute{Value: bin(n("a"), Add, n("b")), Attr: "c"}, "(a + b).c"},
	{"call of call", call(call(n("f"), n("x"))), "f(x)()"},
	{"sole generator argument", call(n("f"), gen1(n("x"))), "f(x for x in y)"},
	{"generator among arguments", call(n("f"), gen1(n("x")), i(1)), "f((x for x in y), 1)"},
	{"star args and keywords", &Call{Func: n("f"), Args: []Expr{n("a"), &Starred{Value: n("b")}}, Keywords: []Keyword{{Arg: "c", Value: i(1)}, {Value: n("d")}}}, "f(a, *b, c=1, **d)"},
	{"slice", &Subscript{Value: n("a"), Index: &Slice{Lower: i(1), Step: i(2)}}, "a[1::2]"},
	{"full slice", &Subscript{Value: n("a"), Index: &Slice{}}, "a[:]"},
	{"extended slice", &Subscript{Value: n("a"), Index: tuple(&Slice{Upper: i(2)}, i(3))}, "a[:2, 3]"},
	{"one-tuple index", &Subscript{Value: n("a"), Index: tuple(i(1))}, "a[1,]"},
	{"empty tuple index", &Subscript{Value: n("a"), Index: tuple()}, "a[()]"},
	{"starred tuple index", &Subscript{Value: n("a"), Index: tuple(&Starred{Value: n("b")}, n("c"))}, "a[(*b, c)]"},
	{"subscript of negative", &Subscript{Value: i(-1), Index: i(0)}, "(-1)[0]"},
	{"dict with unpacking", &Dict{Keys: []Expr{nil, NewStr("k")}, Values: []Expr{bin(n("a"), BitOr, n("b")), n("v")}}, "{**a | b, 'k': v}"},
	{"set display", &Set{Elts: []Expr{i(1), &Starred{Value: n("s")}}}, "{1, *s}"},
	{"list comprehension", &ListComp{Elt: bin(n("x"), Mult, i(2)), Generators: []Comprehension{{Target: tuple(n("k"), n("v")), Iter: n("d"), Ifs: []Expr{n("k"), &IfExp{Test: n("a"), Body: n("b"), Else: n("c")}}}}}, "[x * 2 for k, v in d if k if (b if a else c)]"},
	{"dict comprehension", &DictComp{Key: n("k"), Value: n("v"), Generators: []Comprehension{{Target: n("k"), Iter: n("d")}, {Target: n("v"), Iter: n("k")}}}, "{k: v for k in d for v in k}"},
	{"yield in call", call(n("f"), &Yield{Value: n("x")}), "f((yield x))"},
	{"yield from in operator", bin(&YieldFrom{Value: n("g")}, Add, i(1)), "(yield from g) + 1"},
	{"big int", &Int{Value: new(big.Int).Exp(big.NewInt(10), big.NewInt(30), nil)}, "1000000000000000000000000000000"},
	{"float", &Float{Value: 0.1}, "0.1"},
	{"whole float", &Float{Value: 3}, "3.0"},
	{"large float", &Float{Value: 1e22}, "1e+22"},
	{"tiny float", &Float{Value: 5e-324}, "5e-324"},
	{"inf", &Float{Value: math.Inf(1)}, "1e999"},
	{"minus inf", &Float{Value: math.Inf(-1)}, "-1e999"},
	{"nan", &Float{Value: math.NaN()}, "float('nan')"},
	{"negative zero", &Float{Value: math.Copysign(0, -1)}, "-0.0"},
	{"pow of minus inf", bin(&Float{Value: math.Inf(-1)}, Pow, i(2)), "(-1e999) ** 2"},
	{"attribute of nan", &Attribute{Value: &Float{Value: math.NaN()}, Attr: "real"}, "float('nan').real"},
	{"str", NewStr("it's \"q\"\n"), `'it\'s "q"\n'`},
	{"bytes", &Bytes{Value: []byte("a\x00\xff")}, `b'a\x00\xff'`},
	{"constants", &List{Elts: []Expr{&Bool{Value: true}, &Bool{}, &None{}}}, "[True, False, None]"},
}

func TestExprString(t *testing.T) {
	t.Parallel()
	var srcs, dumps []string
	for _, tt := range exprTests {
		got, err := ExprString(tt.e)
		if err != nil || got != tt.want {
			t.Errorf("%s: ExprString(%s) = %q, %v; want %q", tt.name, Dump(tt.e), got, err, tt.want)
		}
		srcs = append(srcs, "_ = "+got+"\n")
		dumps = append(dumps, Dump(&Module{Body: []Stmt{&Assign{Targets: []Expr{n("_")}, Value: tt.e}}}))
	}
	for k, r := range cpythonCheck(t, srcs, dumps) {
		if r != "" {
			t.Errorf("%s: %q: %s", exprTests[k].name, srcs[k], r)
		}
	}
}

// stmtTests pin statement forms whose text depends on context: bare
// tuples, bare yields, elif, targets.
var stmtTests = []struct {
	name string
	s    Stmt
	want string
}{
	{"tuple assignment", &Assign{Targets: []Expr{tuple(n("a"), n("b"))}, Value: tuple(n("b"), n("a"))}, "a, b = b, a"},
	{"starred target", &Assign{Targets: []Expr{tuple(n("a"), &Starred{Value: n("b")})}, Value: n("c")}, "a, *b = c"},
	{"chained assignment", &Assign{Targets: []Expr{n("a"), n("b")}, Value: i(0)}, "a = b = 0"},
	{"one-tuple value", &Assign{Targets: []Expr{n("a")}, Value: tuple(i(1))}, "a = (1,)"},
	{"yield value", &Assign{Targets: []Expr{n("a")}, Value: &Yield{Value: tuple(n("b"), n("c"))}}, "a = yield b, c"},
	{"augmented", &AugAssign{Target: &Subscript{Value: n("m"), Index: n("k")}, Op: FloorDiv, Value: bin(n("a"), Add, n("b"))}, "m[k] //= a + b"},
	{"return tuple", &Return{Value: tuple(n("a"), n("b"))}, "return a, b"},
	{"return starred tuple", &Return{Value: tuple(&Starred{Value: n("a")}, n("b"))}, "return (*a, b)"},
	{"return yield", &Return{Value: &Yield{}}, "return (yield)"},
	{"expression yield", &ExprStmt{Value: &Yield{Value: n("x")}}, "yield x"},
	{"expression tuple", &ExprStmt{Value: tuple(n("a"), &Starred{Value: n("b")})}, "a, *b"},
	{"del", &Delete{Targets: []Expr{&Subscript{Value: n("m"), Index: n("k")}, tuple(n("a"), n("b"))}}, "del m[k], (a, b)"},
	{"global", &Global{Names: []string{"a", "b"}}, "global a, b"},
	{"raise from", &Raise{Exc: call(n("E")), Cause: n("e")}, "raise E() from e"},
	{"assert", &Assert{Test: n("x"), Msg: NewStr("m")}, "assert x, 'm'"},
	{"import", &Import{Names: []Alias{{Name: "os.path", AsName: "p"}, {Name: "json"}}}, "import os.path as p, json"},
	{"from import", &ImportFrom{Module: "a.b", Names: []Alias{{Name: "c"}}, Level: 2}, "from ..a.b import c"},
	{"from import star", &ImportFrom{Module: "m", Names: []Alias{{Name: "*"}}}, "from m import *"},
	{"for tuple", &For{Target: tuple(n("k"), n("v")), Iter: call(&Attribute{Value: n("d"), Attr: "items"}), Body: []Stmt{&Break{}}}, "for k, v in d.items():\n    break"},
	{"elif chain", &If{Test: n("a"), Body: []Stmt{&Pass{}}, Else: []Stmt{&If{Test: n("b"), Body: []Stmt{&Continue{}}, Else: []Stmt{&Pass{}}}}}, "if a:\n    pass\nelif b:\n    continue\nelse:\n    pass"},
	{"empty body", &While{Test: &Bool{Value: true}}, "while True:\n    pass"},
	{"comment-only body", &While{Test: n("x"), Body: []Stmt{&Comment{Text: "todo"}}}, "while x:\n    # todo\n    pass"},
	{"with", &With{Items: []WithItem{{Context: call(n("open"), n("f")), Vars: n("fh")}, {Context: n("lock")}}}, "with open(f) as fh, lock:\n    pass"},
	{"try", &Try{Body: []Stmt{&Pass{}}, Handlers: []ExceptHandler{{Type: tuple(n("A"), n("B")), Name: "e"}, {}}, Else: []Stmt{&Pass{}}, Finally: []Stmt{&Pass{}}}, "try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass"},
	{"def", &FunctionDef{Name: "f", Args: Arguments{Args: []string{"a", "b"}, Defaults: []Expr{tuple(i(1))}, Vararg: "args"}, Body: []Stmt{&Nonlocal{Names: []string{"x"}}}}, "def f(a, b=(1,), *args):\n    nonlocal x"},
}

func TestStmt(t *testing.T) {
	t.Parallel()
	var srcs, dumps []string
	for _, tt := range stmtTests {
		m := &Module{Body: []Stmt{tt.s}}
		b, err := Print(m)
		got := strings.TrimSuffix(string(b), "\n")
		if err != nil || got != tt.want {
			t.Errorf("%s: Print(%s) = %q, %v; want %q", tt.name, Dump(tt.s), got, err, tt.want)
		}
		srcs = append(srcs, string(b))
		dumps = append(dumps, Dump(m))
	}
	for k, r := range cpythonCheck(t, srcs, dumps) {
		if r != "" {
			t.Errorf("%s: %q: %s", stmtTests[k].name, srcs[k], r)
		}
	}
}

// TestInvalidTree checks that trees the printer cannot print faithfully
// give an error wrapping the right sentinel, never a panic.
func TestInvalidTree(t *testing.T) {
	tests := []struct {
		name string
		s    Stmt
		want error
	}{
		{"keyword name", &ExprStmt{Value: n("lambda")}, ErrInvalidIdentifier},
		{"True as name", &ExprStmt{Value: n("True")}, ErrInvalidIdentifier},
		{"empty name", &ExprStmt{Value: n("")}, ErrInvalidIdentifier},
		{"non-ASCII name", &ExprStmt{Value: n("café")}, ErrInvalidIdentifier},
		{"dotted attribute", &ExprStmt{Value: &Attribute{Value: n("a"), Attr: "b.c"}}, ErrInvalidIdentifier},
		{"keyword parameter", &FunctionDef{Name: "f", Args: Arguments{Args: []string{"def"}}}, ErrInvalidIdentifier},
		{"keyword argument name", &ExprStmt{Value: &Call{Func: n("f"), Keywords: []Keyword{{Arg: "class", Value: i(1)}}}}, ErrInvalidIdentifier},
		{"bad def name", &FunctionDef{Name: "1f"}, ErrInvalidIdentifier},
		{"bad import", &Import{Names: []Alias{{Name: "a..b"}}}, ErrInvalidIdentifier},
		{"invalid UTF-8 str", &ExprStmt{Value: NewStr("\xff")}, ErrInvalidUTF8},
		{"multi-line comment", &Comment{Text: "a\nb"}, ErrInvalidComment},
		{"CR in comment", &Comment{Text: "a\rb"}, ErrInvalidComment},
		{"NUL in comment", &Comment{Text: "a\x00"}, ErrInvalidComment},
		{"U+2028 in def comment", &FunctionDef{Name: "f", Comments: []string{"a\u2028b"}}, ErrInvalidComment},
		{"def shadows builtin", &FunctionDef{Name: "len"}, ErrShadowsBuiltin},
		{"parameter shadows builtin", &FunctionDef{Name: "f", Args: Arguments{Args: []string{"list"}}}, ErrShadowsBuiltin},
		{"lambda vararg shadows builtin", &ExprStmt{Value: &Lambda{Args: Arguments{Vararg: "args"}, Body: &Lambda{Args: Arguments{Kwarg: "dict"}, Body: n("x")}}}, ErrShadowsBuiltin},
		{"assignment shadows builtin", &Assign{Targets: []Expr{tuple(n("a"), &Starred{Value: n("str")})}, Value: n("b")}, ErrShadowsBuiltin},
		{"for shadows builtin", &For{Target: n("id"), Iter: n("b")}, ErrShadowsBuiltin},
		{"comprehension shadows builtin", &ExprStmt{Value: &ListComp{Elt: n("x"), Generators: []Comprehension{{Target: n("max"), Iter: n("y")}}}}, ErrShadowsBuiltin},
		{"except shadows builtin", &Try{Body: []Stmt{&Pass{}}, Handlers: []ExceptHandler{{Type: n("E"), Name: "type"}}}, ErrShadowsBuiltin},
		{"import shadows builtin", &ImportFrom{Module: "m", Names: []Alias{{Name: "open"}}}, ErrShadowsBuiltin},
		{"import alias shadows builtin", &Import{Names: []Alias{{Name: "m", AsName: "map"}}}, ErrShadowsBuiltin},
		{"assignment to __debug__", &Assign{Targets: []Expr{n("__debug__")}, Value: i(1)}, ErrShadowsBuiltin},
		{"nil Int", &ExprStmt{Value: &Int{}}, ErrInvalidTree},
		{"missing value", &Return{Value: &BinOp{Left: n("a"), Op: Add}}, ErrInvalidTree},
		{"unset op", &ExprStmt{Value: &BinOp{Left: n("a"), Right: n("b")}}, ErrInvalidTree},
		{"compare op in BinOp", &ExprStmt{Value: &BinOp{Left: n("a"), Op: Lt, Right: n("b")}}, ErrInvalidTree},
		{"one-value BoolOp", &ExprStmt{Value: &BoolOp{Op: And, Values: []Expr{n("a")}}}, ErrInvalidTree},
		{"ops and comparators differ", &ExprStmt{Value: &Compare{Left: n("a"), Ops: []Op{Lt}}}, ErrInvalidTree},
		{"empty set", &ExprStmt{Value: &Set{}}, ErrInvalidTree},
		{"slice outside subscript", &ExprStmt{Value: &Slice{}}, ErrInvalidTree},
		{"starred operand", &ExprStmt{Value: bin(&Starred{Value: n("a")}, Add, n("b"))}, ErrInvalidTree},
		{"assign to call", &Assign{Targets: []Expr{call(n("f"))}, Value: i(1)}, ErrInvalidTree},
		{"bare starred target", &Assign{Targets: []Expr{&Starred{Value: n("a")}}, Value: n("b")}, ErrInvalidTree},
		{"two starred targets", &Assign{Targets: []Expr{tuple(&Starred{Value: n("a")}, &Starred{Value: n("b")})}, Value: n("c")}, ErrInvalidTree},
		{"augassign to tuple", &AugAssign{Target: tuple(n("a"), n("b")), Op: Add, Value: i(1)}, ErrInvalidTree},
		{"del starred", &Delete{Targets: []Expr{tuple(&Starred{Value: n("a")})}}, ErrInvalidTree},
		{"too many defaults", &FunctionDef{Name: "f", Args: Arguments{Defaults: []Expr{i(1)}}}, ErrInvalidTree},
		{"duplicate parameter", &FunctionDef{Name: "f", Args: Arguments{Args: []string{"a"}, Vararg: "a"}}, ErrInvalidTree},
		{"repeated keyword", &ExprStmt{Value: &Call{Func: n("f"), Keywords: []Keyword{{Arg: "a", Value: i(1)}, {Arg: "a", Value: i(2)}}}}, ErrInvalidTree},
		{"try alone", &Try{Body: []Stmt{&Pass{}}}, ErrInvalidTree},
		{"try else without except", &Try{Finally: []Stmt{&Pass{}}, Else: []Stmt{&Pass{}}}, ErrInvalidTree},
		{"bare except first", &Try{Handlers: []ExceptHandler{{}, {Type: n("E")}}}, ErrInvalidTree},
		{"raise cause alone", &Raise{Cause: n("e")}, ErrInvalidTree},
		{"tuple with item", &With{Items: []WithItem{{Context: tuple(n("a"), n("b"))}}}, ErrInvalidTree},
		{"relative import without level", &ImportFrom{Names: []Alias{{Name: "a"}}}, ErrInvalidTree},
		{"comprehension without for", &ExprStmt{Value: &ListComp{Elt: n("x")}}, ErrInvalidTree},
		{"dict keys and values differ", &ExprStmt{Value: &Dict{Keys: []Expr{n("a")}}}, ErrInvalidTree},
		{"nil statement", nil, ErrInvalidTree},
		{"typed nil expression", &ExprStmt{Value: (*Name)(nil)}, ErrInvalidTree},
	}
	for _, tt := range tests {
		m := &Module{Body: []Stmt{tt.s}}
		got, err := Print(m)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: Print(%s) = %q, %v; want error wrapping %q", tt.name, Dump(m), got, err, tt.want)
		}
	}
}

// TestHugeInt checks that an int too long for CPython's default
// int-to-decimal limit prints in hex and still reads back as the value.
func TestHugeInt(t *testing.T) {
	t.Parallel()
	sizes := []int64{4300, 4301, 20000}
	var srcs, dumps []string
	for _, digits := range sizes {
		v := new(big.Int).Exp(big.NewInt(10), big.NewInt(digits-1), nil) // digits digits
		e := &Int{Value: v.Neg(v)}
		got, err := ExprString(e)
		if err != nil {
			t.Fatal(err)
		}
		if hex := strings.HasPrefix(got, "-0x"); hex != (digits > maxDecimalDigits) {
			t.Errorf("ExprString(-10**%d) = %.20s..., hex %v, want hex only beyond %d digits", digits-1, got, hex, maxDecimalDigits)
		}
		m := &Module{Body: []Stmt{&ExprStmt{Value: e}}}
		src, _ := Print(m)
		srcs, dumps = append(srcs, string(src)), append(dumps, Dump(m))
	}
	for k, r := range cpythonCheck(t, srcs, dumps) {
		if r != "" {
			t.Errorf("-10**%d: %.200s", sizes[k]-1, r)
		}
	}
}

// necessaryProgram reads [source, dump, mode] triples and prints, per
// triple, whether source parses (as a Python 3.7 module or expression, by
// mode) into dump.
const necessaryProgram = `
import ast, json, sys
out = []
for src, want, mode in json.load(sys.stdin):
    try:
        out.append(ast.dump(ast.parse(src, mode=mode, feature_version=(3, 7))) == want)
    except SyntaxError:
        out.append(False)
json.dump(out, sys.stdout)
`

// TestFewestParens proves that the printer adds no parentheses it could
// leave out: in random expressions and modules, dropping any one pair the
// precedence rules added must make CPython (3.7 grammar) reject the text
// or read a different tree.
func TestFewestParens(t *testing.T) {
	t.Parallel()
	g := newGen(*roundTripSeed + 10)
	type variant struct{ full, src, dump, mode string }
	var vs []variant
	// add prints n (an Expr or a *Module) and records one variant per pair
	// of parentheses, at most max of them.
	add := func(n Node, max int) {
		var parens [][2]int
		p := &printer{cfg: &Config{}, line: 1, bol: true, parens: &parens}
		mode, dump := "exec", Dump(n)
		if e, ok := n.(Expr); ok {
			p.expr(e, PrecLambda)
			mode, dump = "eval", "Expression(body="+dump+")"
		} else {
			p.module(n.(*Module))
		}
		if p.err != nil {
			t.Fatalf("printing %s: %v", dump, p.err)
		}
		full := p.buf.String()
		g.r.Shuffle(len(parens), func(i, j int) { parens[i], parens[j] = parens[j], parens[i] })
		for _, pr := range parens[:min(max, len(parens))] {
			src := full[:pr[0]] + full[pr[0]+1:pr[1]] + full[pr[1]+1:]
			vs = append(vs, variant{full, src, dump, mode})
		}
	}
	for len(vs) < 2000 {
		add(g.expr(3), 100)
	}
	for len(vs) < 4000 {
		add(g.module(), 3)
	}
	in := make([][3]string, len(vs))
	for k, v := range vs {
		in[k] = [3]string{v.src, v.dump, v.mode}
	}
	var same []bool
	if err := python.RunJSON(necessaryProgram, in, &same); err != nil {
		t.Fatal(err)
	}
	failed := 0
	for k, s := range same {
		if s {
			if failed++; failed <= 5 {
				t.Errorf("unneeded parentheses: %s\nreads the same as %s", vs[k].full, vs[k].src)
			}
		}
	}
	t.Logf("%d parenthesis pairs checked, %d unneeded", len(vs), failed)
}
