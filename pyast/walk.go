package pyast

// Inspect traverses the tree rooted at n in source order: it calls f(n);
// if that returns true, it inspects each non-nil child of n, then calls
// f(nil). Parts such as Arguments, Keyword and Comprehension are visited
// as nodes of their own.
func Inspect(n Node, f func(Node) bool) {
	if n == nil || !f(n) {
		return
	}
	walk := func(c Node) { Inspect(c, f) }
	exprs := func(es []Expr) {
		for _, e := range es {
			if e != nil {
				walk(e)
			}
		}
	}
	opt := func(e Expr) {
		if e != nil {
			walk(e)
		}
	}
	stmts := func(ss []Stmt) {
		for _, s := range ss {
			if s != nil {
				walk(s)
			}
		}
	}
	comps := func(gs []Comprehension) {
		for i := range gs {
			walk(&gs[i])
		}
	}
	aliases := func(as []Alias) {
		for i := range as {
			walk(&as[i])
		}
	}

	switch n := n.(type) {
	case *Module:
		stmts(n.Body)
	case *FunctionDef:
		walk(&n.Args)
		stmts(n.Body)
	case *Arguments:
		exprs(n.Defaults)
	case *Return:
		opt(n.Value)
	case *Delete:
		exprs(n.Targets)
	case *Assign:
		exprs(n.Targets)
		opt(n.Value)
	case *AugAssign:
		opt(n.Target)
		opt(n.Value)
	case *For:
		opt(n.Target)
		opt(n.Iter)
		stmts(n.Body)
		stmts(n.Else)
	case *While:
		opt(n.Test)
		stmts(n.Body)
		stmts(n.Else)
	case *If:
		opt(n.Test)
		stmts(n.Body)
		stmts(n.Else)
	case *With:
		for i := range n.Items {
			walk(&n.Items[i])
		}
		stmts(n.Body)
	case *WithItem:
		opt(n.Context)
		opt(n.Vars)
	case *Raise:
		opt(n.Exc)
		opt(n.Cause)
	case *Try:
		stmts(n.Body)
		for i := range n.Handlers {
			walk(&n.Handlers[i])
		}
		stmts(n.Else)
		stmts(n.Finally)
	case *ExceptHandler:
		opt(n.Type)
		stmts(n.Body)
	case *Assert:
		opt(n.Test)
		opt(n.Msg)
	case *Import:
		aliases(n.Names)
	case *ImportFrom:
		aliases(n.Names)
	case *ExprStmt:
		opt(n.Value)
	case *UnaryOp:
		opt(n.Operand)
	case *BinOp:
		opt(n.Left)
		opt(n.Right)
	case *BoolOp:
		exprs(n.Values)
	case *Compare:
		opt(n.Left)
		exprs(n.Comparators)
	case *IfExp:
		opt(n.Body)
		opt(n.Test)
		opt(n.Else)
	case *Lambda:
		walk(&n.Args)
		opt(n.Body)
	case *Call:
		opt(n.Func)
		exprs(n.Args)
		for i := range n.Keywords {
			walk(&n.Keywords[i])
		}
	case *Keyword:
		opt(n.Value)
	case *Attribute:
		opt(n.Value)
	case *Subscript:
		opt(n.Value)
		opt(n.Index)
	case *Slice:
		opt(n.Lower)
		opt(n.Upper)
		opt(n.Step)
	case *Starred:
		opt(n.Value)
	case *List:
		exprs(n.Elts)
	case *Tuple:
		exprs(n.Elts)
	case *Set:
		exprs(n.Elts)
	case *Dict:
		for i, k := range n.Keys {
			opt(k)
			if i < len(n.Values) {
				opt(n.Values[i])
			}
		}
	case *ListComp:
		opt(n.Elt)
		comps(n.Generators)
	case *SetComp:
		opt(n.Elt)
		comps(n.Generators)
	case *DictComp:
		opt(n.Key)
		opt(n.Value)
		comps(n.Generators)
	case *GeneratorExp:
		opt(n.Elt)
		comps(n.Generators)
	case *Comprehension:
		opt(n.Target)
		opt(n.Iter)
		exprs(n.Ifs)
	case *Yield:
		opt(n.Value)
	case *YieldFrom:
		opt(n.Value)
	}
	f(nil)
}
