package pyast

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Dump returns n in the format of CPython's ast.dump(node) (CPython 3.9
// to 3.11: fields in ASDL order, absent optional fields left out), as
// CPython would parse the printer's output for n. So it renders what the
// printer emits rather than the Go shape: a negative Int as a UnaryOp, a
// NaN as a call of float, an empty body as [Pass()], and no Comments.
// Tests compare it with CPython's dump; failure messages show it.
//
// Dump accepts any tree, valid or not: a missing expression shows as None.
func Dump(n Node) string {
	switch n := n.(type) {
	case *Module:
		return node("Module", field("body", dumpBody(n.Body, false)), "type_ignores=[]")
	case Stmt:
		return dumpStmt(n)
	case Expr:
		return dumpExpr(n, "Load")
	case *Arguments:
		return dumpArguments(n)
	case *Keyword:
		return dumpKeyword(n)
	case *Comprehension:
		return dumpComprehension(n)
	case *Alias:
		return dumpAlias(n)
	case *WithItem:
		return dumpWithItem(n)
	case *ExceptHandler:
		return dumpHandler(n)
	}
	return "None"
}

// node renders Name(fields...), dropping empty fields (absent options).
func node(name string, fields ...string) string {
	var b strings.Builder
	b.WriteString(name)
	b.WriteByte('(')
	sep := ""
	for _, f := range fields {
		if f != "" {
			b.WriteString(sep)
			b.WriteString(f)
			sep = ", "
		}
	}
	b.WriteByte(')')
	return b.String()
}

// field renders name=value.
func field(name, value string) string { return name + "=" + value }

// optField renders name=value, or nothing for a nil expression.
func optField(name string, e Expr) string {
	if e == nil {
		return ""
	}
	return field(name, dumpExpr(e, "Load"))
}

// list renders [items...] from n items produced by item.
func list(n int, item func(i int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = item(i)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func exprList(es []Expr, ctx string) string {
	return list(len(es), func(i int) string { return dumpExpr(es[i], ctx) })
}

func strList(ss []string) string {
	return list(len(ss), func(i int) string { return quoteStr(ss[i]) })
}

func opNode(op Op) string { return op.Name() + "()" }

// dumpBody renders a statement list without comments. A suite the printer
// fills with pass dumps as [Pass()]; an optional one (else, finally, a
// module) that is empty dumps as [].
func dumpBody(body []Stmt, suite bool) string {
	var parts []string
	for _, s := range body {
		if _, ok := s.(*Comment); !ok {
			parts = append(parts, dumpStmt(s))
		}
	}
	if len(parts) == 0 && suite {
		parts = []string{"Pass()"}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// dumpOrElse renders an optional suite.
func dumpOrElse(name string, body []Stmt) string {
	return field(name, dumpBody(body, len(body) > 0))
}

func dumpStmt(s Stmt) string {
	switch s := s.(type) {
	case *FunctionDef:
		return node("FunctionDef", field("name", quoteStr(s.Name)), field("args", dumpArguments(&s.Args)),
			field("body", dumpBody(s.Body, true)), "decorator_list=[]")
	case *Return:
		return node("Return", optField("value", s.Value))
	case *Delete:
		return node("Delete", field("targets", exprList(s.Targets, "Del")))
	case *Assign:
		return node("Assign", field("targets", exprList(s.Targets, "Store")), field("value", dumpExpr(s.Value, "Load")))
	case *AugAssign:
		return node("AugAssign", field("target", dumpExpr(s.Target, "Store")), field("op", opNode(s.Op)), field("value", dumpExpr(s.Value, "Load")))
	case *For:
		return node("For", field("target", dumpExpr(s.Target, "Store")), field("iter", dumpExpr(s.Iter, "Load")),
			field("body", dumpBody(s.Body, true)), dumpOrElse("orelse", s.Else))
	case *While:
		return node("While", field("test", dumpExpr(s.Test, "Load")), field("body", dumpBody(s.Body, true)), dumpOrElse("orelse", s.Else))
	case *If:
		return node("If", field("test", dumpExpr(s.Test, "Load")), field("body", dumpBody(s.Body, true)), dumpOrElse("orelse", s.Else))
	case *With:
		return node("With", field("items", list(len(s.Items), func(i int) string { return dumpWithItem(&s.Items[i]) })),
			field("body", dumpBody(s.Body, true)))
	case *Raise:
		return node("Raise", optField("exc", s.Exc), optField("cause", s.Cause))
	case *Try:
		return node("Try", field("body", dumpBody(s.Body, true)),
			field("handlers", list(len(s.Handlers), func(i int) string { return dumpHandler(&s.Handlers[i]) })),
			dumpOrElse("orelse", s.Else), dumpOrElse("finalbody", s.Finally))
	case *Assert:
		return node("Assert", field("test", dumpExpr(s.Test, "Load")), optField("msg", s.Msg))
	case *Import:
		return node("Import", field("names", list(len(s.Names), func(i int) string { return dumpAlias(&s.Names[i]) })))
	case *ImportFrom:
		mod := ""
		if s.Module != "" {
			mod = field("module", quoteStr(s.Module))
		}
		return node("ImportFrom", mod, field("names", list(len(s.Names), func(i int) string { return dumpAlias(&s.Names[i]) })),
			field("level", strconv.Itoa(s.Level)))
	case *Global:
		return node("Global", field("names", strList(s.Names)))
	case *Nonlocal:
		return node("Nonlocal", field("names", strList(s.Names)))
	case *ExprStmt:
		return node("Expr", field("value", dumpExpr(s.Value, "Load")))
	case *Pass:
		return "Pass()"
	case *Break:
		return "Break()"
	case *Continue:
		return "Continue()"
	}
	return "None"
}

func dumpArguments(a *Arguments) string {
	arg := func(name string) string { return node("arg", field("arg", quoteStr(name))) }
	opt := func(k, name string) string {
		if name == "" {
			return ""
		}
		return field(k, arg(name))
	}
	return node("arguments", "posonlyargs=[]",
		field("args", list(len(a.Args), func(i int) string { return arg(a.Args[i]) })),
		opt("vararg", a.Vararg), "kwonlyargs=[]", "kw_defaults=[]", opt("kwarg", a.Kwarg),
		field("defaults", exprList(a.Defaults, "Load")))
}

func dumpKeyword(k *Keyword) string {
	arg := ""
	if k.Arg != "" {
		arg = field("arg", quoteStr(k.Arg))
	}
	return node("keyword", arg, field("value", dumpExpr(k.Value, "Load")))
}

func dumpComprehension(c *Comprehension) string {
	return node("comprehension", field("target", dumpExpr(c.Target, "Store")), field("iter", dumpExpr(c.Iter, "Load")),
		field("ifs", exprList(c.Ifs, "Load")), "is_async=0")
}

func dumpAlias(a *Alias) string {
	as := ""
	if a.AsName != "" {
		as = field("asname", quoteStr(a.AsName))
	}
	return node("alias", field("name", quoteStr(a.Name)), as)
}

func dumpWithItem(w *WithItem) string {
	vars := ""
	if w.Vars != nil {
		vars = field("optional_vars", dumpExpr(w.Vars, "Store"))
	}
	return node("withitem", field("context_expr", dumpExpr(w.Context, "Load")), vars)
}

func dumpHandler(h *ExceptHandler) string {
	name := ""
	if h.Name != "" {
		name = field("name", quoteStr(h.Name))
	}
	return node("ExceptHandler", optField("type", h.Type), name, field("body", dumpBody(h.Body, true)))
}

func dumpComprehensions(gens []Comprehension) string {
	return field("generators", list(len(gens), func(i int) string { return dumpComprehension(&gens[i]) }))
}

// constant renders a Constant node, or a unary minus over one.
func constant(neg bool, value string) string {
	c := node("Constant", field("value", value))
	if neg {
		return node("UnaryOp", "op=USub()", field("operand", c))
	}
	return c
}

// dumpExpr renders e; ctx is Load, Store or Del for names, attributes,
// subscripts, starred, lists and tuples, as CPython marks them.
func dumpExpr(e Expr, ctx string) string {
	ctxField := field("ctx", ctx+"()")
	switch e := e.(type) {
	case *Name:
		return node("Name", field("id", quoteStr(e.ID)), ctxField)
	case *Int:
		if e.Value == nil {
			return "None"
		}
		return constant(e.Value.Sign() < 0, intDecimal(e.Value))
	case *Float:
		if math.IsNaN(e.Value) {
			return node("Call", field("func", node("Name", "id='float'", "ctx=Load()")),
				field("args", "["+constant(false, "'nan'")+"]"), "keywords=[]")
		}
		return constant(math.Signbit(e.Value), floatRepr(math.Abs(e.Value)))
	case *Str:
		return constant(false, quoteStr(e.Value))
	case *Bytes:
		return constant(false, QuoteBytes(e.Value))
	case *Bool:
		return constant(false, map[bool]string{true: "True", false: "False"}[e.Value])
	case *None:
		return constant(false, "None")
	case *UnaryOp:
		return node("UnaryOp", field("op", opNode(e.Op)), field("operand", dumpExpr(e.Operand, "Load")))
	case *BinOp:
		return node("BinOp", field("left", dumpExpr(e.Left, "Load")), field("op", opNode(e.Op)), field("right", dumpExpr(e.Right, "Load")))
	case *BoolOp:
		return node("BoolOp", field("op", opNode(e.Op)), field("values", exprList(e.Values, "Load")))
	case *Compare:
		return node("Compare", field("left", dumpExpr(e.Left, "Load")),
			field("ops", list(len(e.Ops), func(i int) string { return opNode(e.Ops[i]) })),
			field("comparators", exprList(e.Comparators, "Load")))
	case *IfExp:
		return node("IfExp", field("test", dumpExpr(e.Test, "Load")), field("body", dumpExpr(e.Body, "Load")), field("orelse", dumpExpr(e.Else, "Load")))
	case *Lambda:
		return node("Lambda", field("args", dumpArguments(&e.Args)), field("body", dumpExpr(e.Body, "Load")))
	case *Call:
		return node("Call", field("func", dumpExpr(e.Func, "Load")), field("args", exprList(e.Args, "Load")),
			field("keywords", list(len(e.Keywords), func(i int) string { return dumpKeyword(&e.Keywords[i]) })))
	case *Attribute:
		return node("Attribute", field("value", dumpExpr(e.Value, "Load")), field("attr", quoteStr(e.Attr)), ctxField)
	case *Subscript:
		return node("Subscript", field("value", dumpExpr(e.Value, "Load")), field("slice", dumpExpr(e.Index, "Load")), ctxField)
	case *Slice:
		return node("Slice", optField("lower", e.Lower), optField("upper", e.Upper), optField("step", e.Step))
	case *Starred:
		return node("Starred", field("value", dumpExpr(e.Value, ctx)), ctxField)
	case *List:
		return node("List", field("elts", exprList(e.Elts, ctx)), ctxField)
	case *Tuple:
		return node("Tuple", field("elts", exprList(e.Elts, ctx)), ctxField)
	case *Dict:
		keys := list(len(e.Keys), func(i int) string {
			if e.Keys[i] == nil {
				return "None"
			}
			return dumpExpr(e.Keys[i], "Load")
		})
		return node("Dict", field("keys", keys), field("values", exprList(e.Values, "Load")))
	case *Set:
		return node("Set", field("elts", exprList(e.Elts, "Load")))
	case *ListComp:
		return node("ListComp", field("elt", dumpExpr(e.Elt, "Load")), dumpComprehensions(e.Generators))
	case *SetComp:
		return node("SetComp", field("elt", dumpExpr(e.Elt, "Load")), dumpComprehensions(e.Generators))
	case *DictComp:
		return node("DictComp", field("key", dumpExpr(e.Key, "Load")), field("value", dumpExpr(e.Value, "Load")), dumpComprehensions(e.Generators))
	case *GeneratorExp:
		return node("GeneratorExp", field("elt", dumpExpr(e.Elt, "Load")), dumpComprehensions(e.Generators))
	case *Yield:
		return node("Yield", optField("value", e.Value))
	case *YieldFrom:
		return node("YieldFrom", field("value", dumpExpr(e.Value, "Load")))
	}
	return "None"
}

// intDecimal renders the absolute value of v in decimal, as repr does.
func intDecimal(v *big.Int) string { return new(big.Int).Abs(v).String() }
