package transpile

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gogears/gogears/pyast"
	"golang.org/x/tools/go/packages"
)

// A translator turns the Go functions one gear (or one test corpus) needs
// into one Python module. It owns the module-level names, the struct
// classes, the set of used shims and the diagnostics.
type translator struct {
	fset   *token.FileSet
	diags  *Diagnostics
	shims  shimSet
	module *scope // module-level names: functions, classes

	// decls finds the syntax and package of every function of the loaded
	// packages by its object.
	decls map[*types.Func]funcDecl
	// modulePath is the user's module; functions outside it and outside
	// the allow-list are rejected.
	modulePath string

	funcNames map[*types.Func]string // translated (or queued) functions
	queue     []*types.Func          // functions still to translate
	defs      []pyast.Stmt           // module-level function defs, in order

	classes   map[string]string // type string -> class name
	classDefs []pyast.Stmt      // class creation statements
	classBusy map[string]bool   // classes being built (recursive types)

	usesParams bool // a step reads a dsl.Parameter

	needMath   bool            // a call uses Python's math module directly
	paramNames map[string]bool // parameters the steps read

	// varInits are the initializers of package-level variables.
	varInits map[*types.Var]ast.Expr
	// preamble holds module-level statements for sentinel errors; attach
	// holds method attachments to classes, emitted after the defs.
	preamble  []pyast.Stmt
	sentinels map[*types.Var]string
	attach    []pyast.Stmt
	attached  map[string]bool // struct types (by type string) with methods attached
	// imports are the packages the loaded packages import, for types of
	// runtime/cmd.
	imports map[string]*types.Package
	varPkgs map[*types.Var]*packages.Package

	// postOnly marks three-clause loop variables assigned only by the
	// loop's post statement.
	postOnly map[types.Object]bool

	// generics are the generic functions reached, by Origin, in the order
	// first reached; instQueue holds instantiations still to translate,
	// instRefs every Python name referring to one (see generics.go).
	generics     map[*types.Func]*genericFunc
	genericOrder []*genericFunc
	instQueue    []*instance
	instRefs     []instRef
	// curInst is the instantiation being translated; or nil.
	curInst *instance
	// typeCtxt dedupes the generic types instantiated by substitution.
	typeCtxt *types.Context
}

// funcDecl is a function declaration with the package it belongs to.
type funcDecl struct {
	decl *ast.FuncDecl
	pkg  *packages.Package
}

// A declIndex finds the syntax of the loaded packages' functions and
// package-level variables. It is built once per load and shared by the
// translators of all gears.
type declIndex struct {
	decls    map[*types.Func]funcDecl
	varInits map[*types.Var]ast.Expr
	varPkgs  map[*types.Var]*packages.Package
	imports  map[string]*types.Package
}

func newDeclIndex(pkgs []*packages.Package) *declIndex {
	ix := &declIndex{decls: map[*types.Func]funcDecl{}, varInits: map[*types.Var]ast.Expr{},
		varPkgs: map[*types.Var]*packages.Package{}, imports: map[string]*types.Package{}}
	for _, p := range pkgs {
		if p.Types != nil {
			for _, imp := range p.Types.Imports() {
				ix.imports[imp.Path()] = imp
			}
		}
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if obj, ok := p.TypesInfo.Defs[d.Name].(*types.Func); ok {
						ix.decls[obj] = funcDecl{d, p}
					}
				case *ast.GenDecl:
					for _, sp := range d.Specs {
						vs, ok := sp.(*ast.ValueSpec)
						if !ok || len(vs.Values) != len(vs.Names) {
							continue
						}
						for i, id := range vs.Names {
							if v, ok := p.TypesInfo.Defs[id].(*types.Var); ok {
								ix.varInits[v] = vs.Values[i]
								ix.varPkgs[v] = p
							}
						}
					}
				}
			}
		}
	}
	return ix
}

func newTranslator(fset *token.FileSet, pkgs []*packages.Package, modulePath string, diags *Diagnostics) *translator {
	return newTranslatorIndex(fset, newDeclIndex(pkgs), modulePath, diags)
}

func newTranslatorIndex(fset *token.FileSet, ix *declIndex, modulePath string, diags *Diagnostics) *translator {
	return &translator{
		fset: fset, diags: diags, shims: shimSet{}, module: newScope(nil),
		decls: ix.decls, modulePath: modulePath,
		funcNames: map[*types.Func]string{}, classes: map[string]string{}, classBusy: map[string]bool{},
		postOnly: map[types.Object]bool{}, paramNames: map[string]bool{}, varInits: ix.varInits,
		sentinels: map[*types.Var]string{}, attached: map[string]bool{}, imports: ix.imports,
		varPkgs: ix.varPkgs, generics: map[*types.Func]*genericFunc{}, typeCtxt: types.NewContext(),
	}
}

// errorf reports a diagnostic at node n.
func (t *translator) errorf(n ast.Node, code Code, hint, format string, args ...any) {
	d := Diagnostic{Pos: t.fset.Position(n.Pos()), Code: code, Message: fmt.Sprintf(format, args...), Hint: hint}
	if in := t.curInst; in != nil && in.at.IsValid() {
		d.Related = append(d.Related, Related{Pos: t.fset.Position(in.at), Message: "in " + in.what + ", instantiated here"})
	}
	if n.End().IsValid() {
		d.End = t.fset.Position(n.End())
	}
	t.diags.add(d)
}

// internalError is the value panicked by translation code that meets a
// case it does not handle; recoverInternal turns it into a diagnostic.
type internalError struct {
	node ast.Node
	msg  string
}

// bug panics with an internalError for node n.
func bug(n ast.Node, format string, args ...any) {
	panic(internalError{n, fmt.Sprintf(format, args...)})
}

// recoverInternal converts a panic during translation of node n into an
// InternalError diagnostic carrying the Go position.
func (t *translator) recoverInternal(n ast.Node) {
	if r := recover(); r != nil {
		pos := n
		msg := fmt.Sprint(r)
		if ie, ok := r.(internalError); ok {
			if ie.node != nil {
				pos = ie.node
			}
			msg = ie.msg
		}
		t.errorf(pos, InternalError, "this is a gogears bug; please report it with this code", "internal error translating %s: %s", nodeString(t.fset, pos), msg)
	}
}

// funcName returns the Python name of a top-level function or method,
// queueing it for translation the first time.
func (t *translator) funcName(fn *types.Func) string {
	if n, ok := t.funcNames[fn]; ok {
		return n
	}
	if isGeneric(fn) {
		bug(nil, "generic %s named without type arguments", fn.FullName())
	}
	n := t.module.fresh(funcBaseName(fn))
	t.funcNames[fn] = n
	t.queue = append(t.queue, fn)
	return n
}

func recvTypeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return "T"
}

// drain translates queued functions until none are left.
func (t *translator) drain() {
	for len(t.queue) > 0 || len(t.instQueue) > 0 {
		if len(t.instQueue) > 0 {
			inst := t.instQueue[0]
			t.instQueue = t.instQueue[1:]
			t.translateInstance(inst)
			continue
		}
		fn := t.queue[0]
		t.queue = t.queue[1:]
		fd, ok := t.decls[fn]
		if !ok || fd.decl.Body == nil {
			continue // reported at the call site
		}
		if def := t.topFunc(fn, fd, fd.pkg.TypesInfo, nil, t.funcNames[fn], funcWhat(fn)); def != nil {
			t.defs = append(t.defs, def)
		}
	}
}

// origin returns the origin comment of contract 2.
func origin(pkgPath, what string, pos token.Position) string {
	return fmt.Sprintf("go: %s.%s (%s)", pkgPath, what, filepath.Base(pos.Filename))
}

// topFunc translates a top-level function or method declaration into the
// def name, with info the declaration's type information (substituted by
// sub for an instantiation of a generic function; sub is nil otherwise).
func (t *translator) topFunc(fn *types.Func, fd funcDecl, info *types.Info, sub *subster, name, what string) (def *pyast.FunctionDef) {
	defer t.recoverInternal(fd.decl)
	c := newFuncCtxInfo(t, fd.pkg, info, nil, fd.decl)
	c.sub = sub
	// Func literal ids name the generic function, the same in every
	// instantiation, so identical instantiations print the same.
	c.idBase = funcWhat(fn)
	var params []*ast.Field
	if fd.decl.Recv != nil {
		params = append(params, fd.decl.Recv.List...)
	}
	params = append(params, fd.decl.Type.Params.List...)
	sig := fn.Signature()
	if sub != nil {
		sig = sub.typ(sig).(*types.Signature)
	}
	def = c.function(name, params, fd.decl.Type, fd.decl.Body, sig)
	def.Comments = []string{origin(fd.pkg.PkgPath, what, t.fset.Position(fd.decl.Pos()))}
	return def
}

// A funcCtx is the state of translating one Go function body into one
// Python def.
type funcCtx struct {
	t      *translator
	pkg    *packages.Package
	info   *types.Info
	scope  *scope
	parent *funcCtx
	sig    *types.Signature
	// results are the Python names of named results, or nil.
	results []string
	// pre collects statements that must run before the statement being
	// translated: hoisted defs of func literals.
	pre []pyast.Stmt
	// loops is the stack of enclosing breakable statements.
	loops []*loopCtx
	// body is the Go function body, for analyses over it.
	fnBody ast.Node
	// idBase names the function in origin comments; lits counts func
	// literals for their stable ids.
	idBase string
	lits   *int
	// loopVars are variables declared inside an enclosing loop of this
	// function, which closures must bind per iteration.
	loopVars map[types.Object]bool
	// goVersion is the file's Go version, e.g. "go1.22".
	goVersion string
	// assigns counts assignments to each local variable after its
	// declaration, over the whole top-level function.
	assigns map[types.Object]int
	// inplace are the slice variables appended to in place.
	inplace map[types.Object]bool
	// stmtCall is the call that is the whole value of the statement being
	// translated, where a call needing a statement may be hoisted.
	stmtCall *ast.CallExpr
	// sub replaces the type parameters of the generic function being
	// instantiated; or nil.
	sub *subster
	// hoisted are assignment targets whose path through an embedded
	// pointer was evaluated into a temporary first; or nil.
	hoisted map[*ast.SelectorExpr]hoistedPath
	// closureWrites are the variables func literals assign (order.go).
	closureWrites map[types.Object]bool
	// subst holds the temporaries of calls hoisted by orderCalls.
	subst map[ast.Expr]pyast.Expr
}

// A loopCtx is an enclosing for, range, switch or type switch statement:
// a target of break, and of continue for loops.
type loopCtx struct {
	label    types.Object // the statement's label; or nil
	post     []pyast.Stmt // statements a continue must run first
	isSwitch bool         // a switch or type switch, which continue skips
	// pyLoop reports whether the statement is a Python loop, which Python's
	// break and continue see: every for and range, and a switch that a
	// break leaves (lowered to a one-shot loop).
	pyLoop bool
	// flags names the variables that break and continue statements
	// targeting this statement set when Python loops lie between them and
	// it, keyed by token.BREAK or token.CONTINUE.
	flags map[token.Token]string
	// exits are the branches that leave this Python loop for an enclosing
	// statement, in order of first use: the loop is followed by a test of
	// each one's flag.
	exits []loopExit
}

// A loopExit is a break or continue that leaves a Python loop for target.
type loopExit struct {
	target *loopCtx
	tok    token.Token
}

func newFuncCtx(t *translator, pkg *packages.Package, parent *funcCtx, body ast.Node) *funcCtx {
	info := pkg.TypesInfo
	if parent != nil {
		info = parent.info
	}
	return newFuncCtxInfo(t, pkg, info, parent, body)
}

// newFuncCtxInfo is newFuncCtx reading the types from info.
func newFuncCtxInfo(t *translator, pkg *packages.Package, info *types.Info, parent *funcCtx, body ast.Node) *funcCtx {
	c := &funcCtx{t: t, pkg: pkg, info: info, parent: parent, fnBody: body, loopVars: map[types.Object]bool{}}
	if parent != nil {
		c.scope = newScope(parent.scope)
		c.idBase, c.lits, c.goVersion, c.assigns, c.inplace, c.sub = parent.idBase, parent.lits, parent.goVersion, parent.assigns, parent.inplace, parent.sub
		c.closureWrites = parent.closureWrites
		for o := range parent.loopVars {
			c.loopVars[o] = true
		}
	} else {
		c.scope = newScope(t.module)
		n := 0
		c.lits = &n
		c.goVersion = fileVersion(pkg, t.fset, body.Pos())
		c.assigns = countAssigns(info, body)
		c.inplace = inplaceAppends(info, body)
		c.closureWrites = closureAssigned(info, body)
		t.checkSlices(info, body)
		t.checkAliasedAppends(info, body)
	}
	return c
}

// fileVersion returns the Go version of the file holding pos.
func fileVersion(pkg *packages.Package, fset *token.FileSet, pos token.Pos) string {
	for _, f := range pkg.Syntax {
		if f.FileStart <= pos && pos <= f.FileEnd {
			if v, ok := pkg.TypesInfo.FileVersions[f]; ok && v != "" {
				return v
			}
		}
	}
	if pkg.Module != nil && pkg.Module.GoVersion != "" {
		return "go" + pkg.Module.GoVersion
	}
	return "go1.22"
}

// perIterationLoopVars reports whether the file has Go 1.22 loop variables.
func (c *funcCtx) perIterationLoopVars() bool {
	v := strings.TrimPrefix(c.goVersion, "go")
	var major, minor int
	fmt.Sscanf(v, "%d.%d", &major, &minor)
	return major > 1 || major == 1 && minor >= 22
}

// function builds a def: parameters, named results, body.
func (c *funcCtx) function(name string, params []*ast.Field, ftype *ast.FuncType, body *ast.BlockStmt, sig *types.Signature) *pyast.FunctionDef {
	c.sig = sig
	def := &pyast.FunctionDef{Name: name}
	var prologue []pyast.Stmt
	for _, f := range params {
		if len(f.Names) == 0 {
			def.Args.Args = append(def.Args.Args, c.scope.fresh("_"))
			continue
		}
		for _, id := range f.Names {
			obj := c.info.Defs[id]
			if obj == nil || id.Name == "_" {
				def.Args.Args = append(def.Args.Args, c.scope.fresh("_"))
				continue
			}
			n := c.scope.declare(obj)
			def.Args.Args = append(def.Args.Args, n)
			// Struct parameters are copies in Go: callers pass fresh
			// copies (see valueTo), so no copy is needed here.
		}
	}
	if sig.Variadic() {
		// A variadic parameter arrives as a new list: f(xs...) in Go shares
		// xs with the callee, so writing its elements is rejected.
		if last := params[len(params)-1]; len(last.Names) > 0 {
			if obj := c.info.Defs[last.Names[len(last.Names)-1]]; obj != nil && elementWritten(c.info, body, obj) {
				c.t.errorf(last, SliceAlias, "copy the arguments into a new slice before writing", "variadic parameter %s is written through; callers passing s... share it in Go", obj.Name())
			}
		}
		// A variadic parameter arrives as a list (or None), like a slice.
		last := def.Args.Args[len(def.Args.Args)-1]
		def.Args.Args = def.Args.Args[:len(def.Args.Args)-1]
		def.Args.Vararg = last
		prologue = append(prologue, &pyast.Assign{Targets: []pyast.Expr{pyName(last)}, Value: &pyast.IfExp{Test: pyName(last), Body: pyCall(pyName("list"), pyName(last)), Else: pyNone()}})
	}
	if ftype.Results != nil {
		for _, f := range ftype.Results.List {
			for _, id := range f.Names {
				obj := c.info.Defs[id]
				var n string
				if obj == nil || id.Name == "_" {
					n = c.scope.fresh("_r")
				} else {
					n = c.scope.declare(obj)
				}
				c.results = append(c.results, n)
				z, ok := c.t.zeroValue(c.info.TypeOf(f.Type))
				if !ok {
					c.t.errorf(f.Type, UnsupportedType, "use a supported type", "unsupported result type %s", types.TypeString(c.info.TypeOf(f.Type), nil))
					z = pyNone()
				}
				prologue = append(prologue, &pyast.Assign{Targets: []pyast.Expr{pyName(n)}, Value: z})
			}
		}
	}
	def.Body = append(prologue, c.block(body.List)...)
	if len(def.Body) == 0 {
		def.Body = []pyast.Stmt{&pyast.Pass{}}
	}
	return def
}

// funcLit translates a func literal into a def hoisted before the current
// statement and returns the def's name.
func (c *funcCtx) funcLit(lit *ast.FuncLit) pyast.Expr {
	*c.lits++
	id := *c.lits
	inner := newFuncCtx(c.t, c.pkg, c, lit)
	name := c.scope.fresh(fmt.Sprintf("func%d", id))
	sig := c.info.TypeOf(lit).(*types.Signature)
	def := inner.function(name, lit.Type.Params.List, lit.Type, lit.Body, sig)
	def.Comments = []string{origin(c.pkg.PkgPath, fmt.Sprintf("%s.func%d", c.idBase, id), c.t.fset.Position(lit.Pos()))}
	// Captured variables the literal assigns need nonlocal; loop variables
	// it reads are bound per iteration through default arguments.
	var nonlocals []string
	bound := map[string]bool{}
	captured := capturedVars(c.info, lit)
	sort.Slice(captured, func(i, j int) bool { return captured[i].Pos() < captured[j].Pos() })
	for _, obj := range captured {
		n, _ := c.scope.lookup(obj)
		if n == "" {
			continue
		}
		if assignedIn(c.info, lit, obj) {
			if c.loopVars[obj] && c.perIterationLoopVars() {
				c.t.errorf(lit, LoopCapture, "copy the variable into a new one before the closure", "closure in a loop assigns captured loop variable %s", obj.Name())
				continue
			}
			nonlocals = append(nonlocals, n)
			continue
		}
		if c.loopVars[obj] && c.perIterationLoopVars() && !bound[n] {
			if c.assigns[obj] > 0 && !isLoopPostOnly(c, obj) {
				c.t.errorf(lit, LoopCapture, "copy the variable into a new one before the closure", "closure in a loop captures variable %s, which is reassigned", obj.Name())
				continue
			}
			bound[n] = true
			def.Args.Args = append(def.Args.Args, n)
			def.Args.Defaults = append(def.Args.Defaults, pyName(n))
		}
	}
	if sig.Variadic() && len(def.Args.Defaults) > 0 {
		c.t.errorf(lit, LoopCapture, "move the closure out of the loop", "variadic closure in a loop captures loop variables")
	}
	if len(nonlocals) > 0 {
		def.Body = append([]pyast.Stmt{&pyast.Nonlocal{Names: nonlocals}}, def.Body...)
	}
	c.pre = append(c.pre, def)
	return pyName(name)
}

// isLoopPostOnly reports whether obj is a three-clause loop variable whose
// only assignments are in the loop's post statement: with Go 1.22 each
// iteration has its own copy, so a closure sees that iteration's value.
func isLoopPostOnly(c *funcCtx, obj types.Object) bool {
	return c.t.postOnly[obj]
}

// elementWritten reports whether obj's elements are assigned in body.
func elementWritten(info *types.Info, body ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		var lhs []ast.Expr
		switch s := n.(type) {
		case *ast.AssignStmt:
			lhs = s.Lhs
		case *ast.IncDecStmt:
			lhs = []ast.Expr{s.X}
		}
		for _, l := range lhs {
			if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok {
				if id, ok := ast.Unparen(ix.X).(*ast.Ident); ok && info.Uses[id] == obj {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// capturedVars returns the local variables used in lit but declared
// outside it (not package-level).
func capturedVars(info *types.Info, lit *ast.FuncLit) []types.Object {
	seen := map[types.Object]bool{}
	var out []types.Object
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		obj, ok := info.Uses[id].(*types.Var)
		if !ok || seen[obj] || obj.IsField() || obj.Parent() == nil || obj.Parent() == obj.Pkg().Scope() {
			return true
		}
		if obj.Pos() < lit.Pos() || obj.Pos() >= lit.End() {
			seen[obj] = true
			out = append(out, obj)
		}
		return true
	})
	return out
}

// assignedIn reports whether obj is assigned anywhere inside n.
func assignedIn(info *types.Info, n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		switch s := x.(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE {
				break
			}
			for _, l := range s.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.Uses[id] == obj {
					found = true
				}
			}
		case *ast.IncDecStmt:
			if id, ok := ast.Unparen(s.X).(*ast.Ident); ok && info.Uses[id] == obj {
				found = true
			}
		case *ast.RangeStmt:
			if s.Tok == token.ASSIGN {
				for _, l := range []ast.Expr{s.Key, s.Value} {
					if id, ok := l.(*ast.Ident); ok && info.Uses[id] == obj {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// countAssigns counts, for each variable, the assignments after its
// declaration within body.
func countAssigns(info *types.Info, body ast.Node) map[types.Object]int {
	m := map[types.Object]int{}
	mark := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if obj := info.Uses[id]; obj != nil {
				m[obj]++
			}
		}
	}
	ast.Inspect(body, func(x ast.Node) bool {
		// A := redeclaring an existing variable uses Uses.
		for _, l := range assignedBy(x) {
			mark(l)
		}
		return true
	})
	return m
}

// nodeString prints a node's source briefly for internal-error messages.
func nodeString(fset *token.FileSet, n ast.Node) string {
	return fmt.Sprintf("%T at %s", n, fset.Position(n.Pos()))
}
