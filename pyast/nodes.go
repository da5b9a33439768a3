package pyast

// This file prints the tree one node kind per method, through the engine
// in printer.go. An expression is printed in a context: the loosest
// precedence level (see Op) that may appear there without parentheses.

import (
	"math"
	"strings"
	"unicode/utf8"
)

// ----------------------------------------------------------------------------
// Statements

func (p *printer) stmt(s Stmt) {
	switch s := s.(type) {
	case *FunctionDef:
		p.functionDef(s)
	case *Return:
		p.returnStmt(s)
	case *Delete:
		p.deleteStmt(s)
	case *Assign:
		p.assign(s)
	case *AugAssign:
		p.augAssign(s)
	case *For:
		p.forStmt(s)
	case *While:
		p.whileStmt(s)
	case *If:
		p.ifStmt(s, "if")
	case *With:
		p.with(s)
	case *Raise:
		p.raise(s)
	case *Try:
		p.try(s)
	case *Assert:
		p.assert(s)
	case *Import:
		p.importStmt(s)
	case *ImportFrom:
		p.importFrom(s)
	case *Global:
		p.names("global", s.Names)
	case *Nonlocal:
		p.names("nonlocal", s.Names)
	case *ExprStmt:
		p.topExpr(s.Value, true, true)
		p.print(newline)
	case *Pass:
		p.print("pass", newline)
	case *Break:
		p.print("break", newline)
	case *Continue:
		p.print("continue", newline)
	case *Comment:
		p.commentLine(s.Text)
	default:
		p.errorf(ErrInvalidTree, "unknown statement %T", s)
	}
}

func (p *printer) functionDef(s *FunctionDef) {
	for _, c := range s.Comments {
		p.commentLine(c)
	}
	if p.cfg.Lines != nil {
		p.cfg.Lines(s, p.line)
	}
	p.print("def ", p.binding(s.Name, "def name"), "(")
	p.arguments(&s.Args)
	p.print(")")
	p.block(s.Body)
}

// arguments prints parameters.
func (p *printer) arguments(a *Arguments) {
	if len(a.Defaults) > len(a.Args) {
		p.errorf(ErrInvalidTree, "%d defaults for %d parameters", len(a.Defaults), len(a.Args))
		return
	}
	seen := map[string]bool{}
	param := func(prefix, name string) {
		if seen[name] {
			p.errorf(ErrInvalidTree, "duplicate parameter %q", name)
		}
		seen[name] = true
		p.print(prefix, p.binding(name, "parameter"))
	}
	first := len(a.Args) - len(a.Defaults)
	sep := ""
	for i, name := range a.Args {
		param(sep, name)
		if i >= first {
			p.print("=")
			p.expr(a.Defaults[i-first], PrecLambda)
		}
		sep = ", "
	}
	if a.Vararg != "" {
		param(sep+"*", a.Vararg)
		sep = ", "
	}
	if a.Kwarg != "" {
		param(sep+"**", a.Kwarg)
	}
}

func (p *printer) returnStmt(s *Return) {
	p.print("return")
	if s.Value != nil {
		p.print(" ")
		p.topExpr(s.Value, false, false)
	}
	p.print(newline)
}

func (p *printer) deleteStmt(s *Delete) {
	p.require(len(s.Targets) > 0, "del without targets")
	p.print("del ")
	p.commaList(len(s.Targets), func(i int) {
		p.checkTarget(s.Targets[i], true, false)
		p.expr(s.Targets[i], PrecBitOr)
	})
	p.print(newline)
}

func (p *printer) assign(s *Assign) {
	p.require(len(s.Targets) > 0, "assignment without targets")
	for _, t := range s.Targets {
		p.checkTarget(t, false, false)
		p.topExpr(t, false, true)
		p.print(" = ")
	}
	p.topExpr(s.Value, true, true)
	p.print(newline)
}

func (p *printer) augAssign(s *AugAssign) {
	switch s.Target.(type) {
	case *Name, *Attribute, *Subscript:
		p.checkTarget(s.Target, false, false)
	default:
		p.errorf(ErrInvalidTree, "augmented assignment to %T (want Name, Attribute or Subscript)", s.Target)
	}
	if !s.Op.IsBinary() {
		p.errorf(ErrInvalidTree, "augmented assignment with operator %s", s.Op.Name())
	}
	p.expr(s.Target, PrecPostfix)
	p.print(" ", s.Op.String(), "= ")
	p.topExpr(s.Value, true, false)
	p.print(newline)
}

func (p *printer) forStmt(s *For) {
	p.print("for ")
	p.checkTarget(s.Target, false, false)
	p.topExpr(s.Target, false, true)
	p.print(" in ")
	p.topExpr(s.Iter, false, false)
	p.block(s.Body)
	p.elseBlock(s.Else)
}

func (p *printer) whileStmt(s *While) {
	p.print("while ")
	p.expr(s.Test, PrecLambda)
	p.block(s.Body)
	p.elseBlock(s.Else)
}

// ifStmt prints s after kw, "if" or "elif"; an Else of one If is an elif.
func (p *printer) ifStmt(s *If, kw string) {
	if kw == "elif" && p.cfg.Lines != nil {
		p.cfg.Lines(s, p.line)
	}
	p.print(kw, " ")
	p.expr(s.Test, PrecLambda)
	p.block(s.Body)
	if len(s.Else) == 1 {
		if elif, ok := s.Else[0].(*If); ok {
			p.ifStmt(elif, "elif")
			return
		}
	}
	p.elseBlock(s.Else)
}

// elseBlock prints an optional else suite.
func (p *printer) elseBlock(body []Stmt) {
	if len(body) > 0 {
		p.print("else")
		p.block(body)
	}
}

func (p *printer) with(s *With) {
	p.require(len(s.Items) > 0, "with without items")
	p.print("with ")
	p.commaList(len(s.Items), func(i int) {
		it := s.Items[i]
		if _, ok := it.Context.(*Tuple); ok {
			// with (a, b): reads as 3.9 parenthesized context managers to
			// CPython's 3.7 mode, and a tuple is no context manager anyway.
			p.errorf(ErrInvalidTree, "with item is a tuple, which is not a context manager")
		}
		p.expr(it.Context, PrecLambda)
		if it.Vars != nil {
			p.print(" as ")
			p.checkTarget(it.Vars, false, false)
			p.expr(it.Vars, PrecBitOr)
		}
	})
	p.block(s.Body)
}

func (p *printer) raise(s *Raise) {
	p.print("raise")
	if s.Exc != nil {
		p.print(" ")
		p.expr(s.Exc, PrecLambda)
	}
	if s.Cause != nil {
		if s.Exc == nil {
			p.errorf(ErrInvalidTree, "raise with a cause and no exception")
		}
		p.print(" from ")
		p.expr(s.Cause, PrecLambda)
	}
	p.print(newline)
}

func (p *printer) try(s *Try) {
	if len(s.Handlers) == 0 && len(s.Finally) == 0 {
		p.errorf(ErrInvalidTree, "try without except or finally")
	}
	if len(s.Handlers) == 0 && len(s.Else) > 0 {
		p.errorf(ErrInvalidTree, "try with else and no except")
	}
	p.print("try")
	p.block(s.Body)
	for i, h := range s.Handlers {
		p.print("except")
		if h.Type != nil {
			p.print(" ")
			p.expr(h.Type, PrecLambda)
			if h.Name != "" {
				p.print(" as ", p.binding(h.Name, "except name"))
			}
		} else {
			if i != len(s.Handlers)-1 {
				p.errorf(ErrInvalidTree, "bare except before the last handler")
			}
			if h.Name != "" {
				p.errorf(ErrInvalidTree, "except name %q without an exception type", h.Name)
			}
		}
		p.block(h.Body)
	}
	p.elseBlock(s.Else)
	if len(s.Finally) > 0 {
		p.print("finally")
		p.block(s.Finally)
	}
}

func (p *printer) assert(s *Assert) {
	p.print("assert ")
	p.expr(s.Test, PrecLambda)
	if s.Msg != nil {
		p.print(", ")
		p.expr(s.Msg, PrecLambda)
	}
	p.print(newline)
}

func (p *printer) importStmt(s *Import) {
	p.require(len(s.Names) > 0, "import without names")
	p.print("import ")
	p.commaList(len(s.Names), func(i int) {
		p.print(p.dotted(s.Names[i].Name, "module name"))
		p.asName(s.Names[i])
	})
	p.print(newline)
}

func (p *printer) importFrom(s *ImportFrom) {
	if s.Level < 0 || s.Level == 0 && s.Module == "" {
		p.errorf(ErrInvalidTree, "from-import of %q at level %d", s.Module, s.Level)
	}
	p.require(len(s.Names) > 0, "from-import without names")
	p.print("from ", strings.Repeat(".", max(s.Level, 0)))
	if s.Module != "" {
		p.print(p.dotted(s.Module, "module name"))
	}
	p.print(" import ")
	p.commaList(len(s.Names), func(i int) {
		a := s.Names[i]
		if a.Name == "*" {
			if len(s.Names) != 1 || a.AsName != "" {
				p.errorf(ErrInvalidTree, "import * with other names")
			}
			p.print("*")
			return
		}
		if a.AsName == "" {
			p.print(p.binding(a.Name, "imported name"))
		} else {
			p.print(p.ident(a.Name, "imported name"))
		}
		p.asName(a)
	})
	p.print(newline)
}

func (p *printer) asName(a Alias) {
	if a.AsName != "" {
		p.print(" as ", p.binding(a.AsName, "import alias"))
	}
}

// names prints a global or nonlocal statement.
func (p *printer) names(kw string, names []string) {
	p.require(len(names) > 0, "%s without names", kw)
	p.print(kw, " ")
	p.commaList(len(names), func(i int) { p.print(p.ident(names[i], kw+" name")) })
	p.print(newline)
}

// require records an ErrInvalidTree error described by format unless ok.
func (p *printer) require(ok bool, format string, args ...any) {
	if !ok {
		p.errorf(ErrInvalidTree, format, args...)
	}
}

// ident returns name, recording an error unless it is a non-keyword
// identifier.
func (p *printer) ident(name, what string) string {
	if !IsIdentifier(name) || IsKeyword(name) {
		p.errorf(ErrInvalidIdentifier, "%s %q", what, name)
	}
	return name
}

// binding returns name, recording an error unless name may be bound by
// generated code: an identifier that is neither a keyword nor a builtin.
// Shadowing a builtin is the accident SafeName exists to prevent.
func (p *printer) binding(name, what string) string {
	p.ident(name, what)
	if IsBuiltin(name) && !IsKeyword(name) {
		p.errorf(ErrShadowsBuiltin, "%s %q", what, name)
	}
	return name
}

// dotted returns a dotted module path after checking each part.
func (p *printer) dotted(path, what string) string {
	for part := range strings.SplitSeq(path, ".") {
		p.ident(part, what)
	}
	return path
}

// checkTarget records an error unless e can be assigned to (or deleted,
// with del). starOK allows a Starred, which is valid only inside a tuple or
// list target.
func (p *printer) checkTarget(e Expr, del, starOK bool) {
	switch t := e.(type) {
	case *Name:
		p.binding(t.ID, "target")
	case *Attribute, *Subscript:
	case *Tuple:
		p.checkTargets(t.Elts, del)
	case *List:
		p.checkTargets(t.Elts, del)
	case *Starred:
		if !starOK {
			p.errorf(ErrInvalidTree, "starred target outside a tuple or list")
		}
		p.checkTarget(t.Value, del, false)
	default:
		p.errorf(ErrInvalidTree, "cannot assign to or delete %T", e)
	}
}

func (p *printer) checkTargets(elts []Expr, del bool) {
	p.require(len(elts) > 0, "empty tuple or list target")
	stars := 0
	for _, e := range elts {
		if _, ok := e.(*Starred); ok {
			stars++
		}
		p.checkTarget(e, del, !del)
	}
	if stars > 1 {
		p.errorf(ErrInvalidTree, "%d starred targets in one tuple or list", stars)
	}
}

// ----------------------------------------------------------------------------
// Expressions

// topExpr prints e where the grammar takes an expression list: a tuple of
// two or more elements prints bare there, if it holds no Starred or starOK
// allows one; a yield prints bare if yieldOK.
func (p *printer) topExpr(e Expr, yieldOK, starOK bool) {
	switch x := e.(type) {
	case *Yield, *YieldFrom:
		if yieldOK {
			p.yield(e)
			return
		}
	case *Tuple:
		if len(x.Elts) >= 2 && (starOK || !hasStarred(x.Elts)) {
			p.elts(x.Elts, PrecLambda)
			return
		}
	}
	p.expr(e, PrecLambda)
}

// precedence returns the level at which e binds as printed.
func precedence(e Expr) int {
	switch e := e.(type) {
	case *Lambda:
		return PrecLambda
	case *IfExp:
		return PrecIfExp
	case *BoolOp:
		return e.Op.Precedence()
	case *UnaryOp:
		return e.Op.Precedence()
	case *BinOp:
		return e.Op.Precedence()
	case *Compare:
		return PrecCompare
	case *Call, *Attribute, *Subscript:
		return PrecPostfix
	case *Int:
		if e.Value != nil && e.Value.Sign() < 0 {
			return PrecUnary
		}
	case *Float:
		if math.IsNaN(e.Value) {
			return PrecPostfix
		}
		if math.Signbit(e.Value) {
			return PrecUnary
		}
	}
	return PrecAtom
}

// expr prints e in context ctx, in parentheses if e binds looser.
func (p *printer) expr(e Expr, ctx int) {
	if e == nil {
		p.errorf(ErrInvalidTree, "missing expression")
		return
	}
	paren := precedence(e) < ctx
	if paren {
		p.print("(")
		if p.parens != nil {
			open := p.buf.Len() - 1
			defer func() { *p.parens = append(*p.parens, [2]int{open, p.buf.Len() - 1}) }()
		}
	}
	switch e := e.(type) {
	case *Name:
		p.print(p.ident(e.ID, "name"))
	case *Int:
		p.intLit(e)
	case *Float:
		p.floatLit(e)
	case *Str:
		if !utf8.ValidString(e.Value) {
			p.errorf(ErrInvalidUTF8, "str %.40q", e.Value)
		}
		p.print(quoteStr(e.Value))
	case *Bytes:
		p.print(QuoteBytes(e.Value))
	case *Bool:
		p.print(map[bool]string{true: "True", false: "False"}[e.Value])
	case *None:
		p.print("None")
	case *UnaryOp:
		p.unaryOp(e)
	case *BinOp:
		p.binOp(e)
	case *BoolOp:
		p.boolOp(e)
	case *Compare:
		p.compare(e)
	case *IfExp:
		p.ifExp(e)
	case *Lambda:
		p.lambda(e)
	case *Call:
		p.call(e)
	case *Attribute:
		p.attribute(e)
	case *Subscript:
		p.subscript(e)
	case *List:
		p.display("[", e.Elts, "]")
	case *Tuple:
		p.print("(")
		p.elts(e.Elts, PrecLambda)
		if len(e.Elts) == 1 {
			p.print(",")
		}
		p.print(")")
	case *Dict:
		p.dict(e)
	case *Set:
		p.require(len(e.Elts) > 0, "empty Set (Python has no empty set literal: call set())")
		p.display("{", e.Elts, "}")
	case *ListComp:
		p.comprehension("[", e.Elt, e.Generators, "]")
	case *SetComp:
		p.comprehension("{", e.Elt, e.Generators, "}")
	case *DictComp:
		p.print("{")
		p.expr(e.Key, PrecLambda)
		p.print(": ")
		p.expr(e.Value, PrecLambda)
		p.comprehensions(e.Generators)
		p.print("}")
	case *GeneratorExp:
		p.comprehension("(", e.Elt, e.Generators, ")")
	case *Yield, *YieldFrom:
		p.print("(")
		p.yield(e)
		p.print(")")
	case *Slice:
		p.errorf(ErrInvalidTree, "slice outside a subscript")
	case *Starred:
		p.errorf(ErrInvalidTree, "starred expression outside a call, display or target")
	default:
		p.errorf(ErrInvalidTree, "unknown expression %T", e)
	}
	if paren {
		p.print(")")
	}
}

func (p *printer) intLit(e *Int) {
	if e.Value == nil {
		p.errorf(ErrInvalidTree, "Int with nil Value")
		return
	}
	if e.Value.Sign() < 0 {
		p.print("-")
	}
	p.print(intLiteral(e.Value))
}

func (p *printer) floatLit(e *Float) {
	f := e.Value
	switch {
	case math.IsNaN(f):
		p.print("float('nan')")
		return
	case math.Signbit(f):
		p.print("-")
		f = -f
	}
	if math.IsInf(f, 1) {
		p.print("1e999") // CPython reads an overflowing literal as inf
		return
	}
	p.print(floatRepr(f))
}

func (p *printer) unaryOp(e *UnaryOp) {
	switch {
	case e.Op == Not:
		p.print("not ")
		p.expr(e.Operand, PrecNot)
	case e.Op.IsUnary():
		p.print(e.Op.String())
		p.expr(e.Operand, PrecUnary)
	default:
		p.errorf(ErrInvalidTree, "UnaryOp with operator %s", e.Op.Name())
	}
}

// binOp prints the left operand at the operator's level and the right one
// a level tighter, which keeps left-associativity. ** is the other way
// round: its right operand may be a unary minus (2 ** -1), its left one
// must bind tighter than a unary minus ((-1) ** 2).
func (p *printer) binOp(e *BinOp) {
	if !e.Op.IsBinary() {
		p.errorf(ErrInvalidTree, "BinOp with operator %s", e.Op.Name())
		return
	}
	left, right := e.Op.Precedence(), e.Op.Precedence()+1
	if e.Op == Pow {
		left, right = PrecAwait, PrecUnary
	}
	p.expr(e.Left, left)
	p.print(" ", e.Op.String(), " ")
	p.expr(e.Right, right)
}

// boolOp prints every value a level tighter, so a nested and/or keeps its
// parentheses instead of merging into this chain.
func (p *printer) boolOp(e *BoolOp) {
	if !e.Op.IsBool() || len(e.Values) < 2 {
		p.errorf(ErrInvalidTree, "BoolOp with operator %s and %d values", e.Op.Name(), len(e.Values))
		return
	}
	for i, v := range e.Values {
		if i > 0 {
			p.print(" ", e.Op.String(), " ")
		}
		p.expr(v, e.Op.Precedence()+1)
	}
}

// compare prints every operand a level tighter than comparisons, so a
// nested comparison never chains: (a < b) == c.
func (p *printer) compare(e *Compare) {
	if len(e.Ops) == 0 || len(e.Ops) != len(e.Comparators) {
		p.errorf(ErrInvalidTree, "Compare with %d operators and %d comparators", len(e.Ops), len(e.Comparators))
		return
	}
	p.expr(e.Left, PrecCompare+1)
	for i, op := range e.Ops {
		if !op.IsCompare() {
			p.errorf(ErrInvalidTree, "Compare with operator %s", op.Name())
		}
		p.print(" ", op.String(), " ")
		p.expr(e.Comparators[i], PrecCompare+1)
	}
}

func (p *printer) ifExp(e *IfExp) {
	p.expr(e.Body, PrecOr)
	p.print(" if ")
	p.expr(e.Test, PrecOr)
	p.print(" else ")
	p.expr(e.Else, PrecLambda)
}

func (p *printer) lambda(e *Lambda) {
	p.print("lambda")
	a := &e.Args
	if len(a.Args) > 0 || a.Vararg != "" || a.Kwarg != "" {
		p.print(" ")
	}
	p.arguments(a)
	p.print(": ")
	p.expr(e.Body, PrecLambda)
}

func (p *printer) call(e *Call) {
	p.expr(e.Func, PrecPostfix)
	p.print("(")
	if g, ok := soleGenerator(e); ok {
		p.comprehension("", g.Elt, g.Generators, "") // f(x for x in y) needs no second pair
		p.print(")")
		return
	}
	sep := ""
	for _, a := range e.Args {
		p.print(sep)
		if s, ok := a.(*Starred); ok {
			p.print("*")
			p.expr(s.Value, PrecLambda)
		} else {
			p.expr(a, PrecLambda)
		}
		sep = ", "
	}
	seen := map[string]bool{}
	for _, k := range e.Keywords {
		p.print(sep)
		if k.Arg == "" {
			p.print("**")
		} else {
			if seen[k.Arg] {
				p.errorf(ErrInvalidTree, "keyword argument %q repeated", k.Arg)
			}
			seen[k.Arg] = true
			p.print(p.ident(k.Arg, "keyword argument"), "=")
		}
		p.expr(k.Value, PrecLambda)
		sep = ", "
	}
	p.print(")")
}

func soleGenerator(e *Call) (*GeneratorExp, bool) {
	if len(e.Args) != 1 || len(e.Keywords) != 0 {
		return nil, false
	}
	g, ok := e.Args[0].(*GeneratorExp)
	return g, ok
}

// attribute prints Value.Attr; a non-negative int literal needs
// parentheses, since 1.real would read as the float 1. followed by a name.
func (p *printer) attribute(e *Attribute) {
	if i, ok := e.Value.(*Int); ok && precedence(i) == PrecAtom {
		p.print("(")
		p.intLit(i)
		p.print(")")
	} else {
		p.expr(e.Value, PrecPostfix)
	}
	p.print(".", p.ident(e.Attr, "attribute"))
}

// subscript prints Value[Index]. A tuple index prints bare, so it may hold
// slices (a[1:2, 3]); one holding a Starred needs parentheses in 3.7.
func (p *printer) subscript(e *Subscript) {
	p.expr(e.Value, PrecPostfix)
	p.print("[")
	switch ix := e.Index.(type) {
	case *Slice:
		p.slice(ix)
	case *Tuple:
		if len(ix.Elts) == 0 || hasStarred(ix.Elts) {
			for _, el := range ix.Elts {
				if _, ok := el.(*Slice); ok {
					p.errorf(ErrInvalidTree, "subscript tuple with both a slice and a starred element")
				}
			}
			p.expr(ix, PrecLambda)
			break
		}
		p.commaList(len(ix.Elts), func(i int) {
			if s, ok := ix.Elts[i].(*Slice); ok {
				p.slice(s)
			} else {
				p.expr(ix.Elts[i], PrecLambda)
			}
		})
		if len(ix.Elts) == 1 {
			p.print(",")
		}
	default:
		p.expr(ix, PrecLambda)
	}
	p.print("]")
}

func (p *printer) slice(s *Slice) {
	part := func(e Expr) {
		if e != nil {
			p.expr(e, PrecLambda)
		}
	}
	part(s.Lower)
	p.print(":")
	part(s.Upper)
	if s.Step != nil {
		p.print(":")
		part(s.Step)
	}
}

// elts prints a comma-separated list of elements in context ctx; a
// Starred element prints as *value.
func (p *printer) elts(elts []Expr, ctx int) {
	p.commaList(len(elts), func(i int) {
		if s, ok := elts[i].(*Starred); ok {
			p.print("*")
			p.expr(s.Value, PrecBitOr)
			return
		}
		p.expr(elts[i], ctx)
	})
}

// commaList prints n items, item i by each(i), separated by ", ".
func (p *printer) commaList(n int, each func(i int)) {
	for i := range n {
		if i > 0 {
			p.print(", ")
		}
		each(i)
	}
}

func hasStarred(elts []Expr) bool {
	for _, e := range elts {
		if _, ok := e.(*Starred); ok {
			return true
		}
	}
	return false
}

func (p *printer) dict(e *Dict) {
	if len(e.Keys) != len(e.Values) {
		p.errorf(ErrInvalidTree, "Dict with %d keys and %d values", len(e.Keys), len(e.Values))
		return
	}
	p.print("{")
	p.commaList(len(e.Keys), func(i int) {
		if e.Keys[i] == nil {
			p.print("**")
			p.expr(e.Values[i], PrecBitOr)
			return
		}
		p.expr(e.Keys[i], PrecLambda)
		p.print(": ")
		p.expr(e.Values[i], PrecLambda)
	})
	p.print("}")
}

// display prints a list or set display.
func (p *printer) display(open string, elts []Expr, close string) {
	p.print(open)
	p.elts(elts, PrecLambda)
	p.print(close)
}

// comprehension prints a list, set or generator comprehension between
// open and close, which may be empty for the sole argument of a call.
func (p *printer) comprehension(open string, elt Expr, gens []Comprehension, close string) {
	p.print(open)
	p.expr(elt, PrecLambda)
	p.comprehensions(gens)
	p.print(close)
}

func (p *printer) comprehensions(gens []Comprehension) {
	p.require(len(gens) > 0, "comprehension without a for clause")
	for _, g := range gens {
		p.print(" for ")
		p.checkTarget(g.Target, false, false)
		p.topExpr(g.Target, false, true)
		p.print(" in ")
		p.expr(g.Iter, PrecOr)
		for _, c := range g.Ifs {
			p.print(" if ")
			p.expr(c, PrecOr)
		}
	}
}

// yield prints a yield or yield from without parentheses.
func (p *printer) yield(e Expr) {
	switch e := e.(type) {
	case *Yield:
		p.print("yield")
		if e.Value != nil {
			p.print(" ")
			p.topExpr(e.Value, false, false)
		}
	case *YieldFrom:
		p.print("yield from ")
		p.expr(e.Value, PrecLambda)
	}
}
