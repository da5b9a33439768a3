package transpile

// This file translates generic functions and methods. Each instantiation
// reached (types.Info.Instances at the call site, with the caller's own
// type arguments substituted) is translated from the generic body with
// every type parameter replaced by its type argument, so the typed
// lowering of integers, floats and strings applies: Sum[int8] wraps at 8
// bits, Sum[float64] does not. Instantiations whose Python is identical
// share one def named after the function; the others get one def each,
// named F__<type args>.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/gogears/gogears/pyast"
)

// maxInstances caps the instantiations of one generic function. go/types
// rejects instantiation cycles (F[T] calling F[[]T]), so the set is
// finite; the cap keeps a bug from translating forever.
const maxInstances = 1000

// A genericFunc is a generic function or method of the module with the
// instantiations reached so far.
type genericFunc struct {
	fn    *types.Func // the generic declaration (its Origin)
	base  string      // Python name of the one shared def
	what  string      // Go name in origin comments: F or Recv.M
	insts []*instance // in the order first reached
	// split is set when the instantiations translate differently: each
	// keeps its own def.
	split bool
}

// An instance is one instantiation of a generic function or method: type
// arguments for the receiver's type parameters, then for its own.
type instance struct {
	g     *genericFunc
	targs []types.Type
	sub   *subster
	name  string             // Python name of its own def
	what  string             // Go name, e.g. Sum[int8]
	at    token.Pos          // first reference, for diagnostics
	def   *pyast.FunctionDef // translation; or nil when it failed
}

// An instRef is a Python name referring to an instance; its text is set
// once the instances are resolved to shared or own defs.
type instRef struct {
	name *pyast.Name
	inst *instance
}

// isGeneric reports whether fn (an Origin) has type parameters of its own
// or through its receiver.
func isGeneric(fn *types.Func) bool {
	sig := fn.Signature()
	return sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0
}

// typeParamsOf returns the receiver's type parameters, then fn's own.
func typeParamsOf(fn *types.Func) []*types.TypeParam {
	sig := fn.Signature()
	var out []*types.TypeParam
	for _, l := range []*types.TypeParamList{sig.RecvTypeParams(), sig.TypeParams()} {
		for i := 0; i < l.Len(); i++ {
			out = append(out, l.At(i))
		}
	}
	return out
}

// instRef returns a name referring to the instantiation of fn (an Origin)
// with targs, queueing its translation the first time.
func (t *translator) instRef(fn *types.Func, targs []types.Type, at ast.Node) pyast.Expr {
	g := t.generics[fn]
	if g == nil {
		g = &genericFunc{fn: fn, base: t.module.fresh(funcBaseName(fn)), what: funcWhat(fn)}
		t.generics[fn] = g
		t.genericOrder = append(t.genericOrder, g)
	}
	tps := typeParamsOf(fn)
	if len(tps) != len(targs) {
		bug(at, "%s has %d type parameters, got %d type arguments", fn.Name(), len(tps), len(targs))
	}
	var inst *instance
	for _, in := range g.insts {
		if identicalTypes(in.targs, targs) {
			inst = in
			break
		}
	}
	if inst == nil {
		if len(g.insts) >= maxInstances {
			t.errorf(at, UnsupportedType, "instantiate it with a fixed set of types", "generic %s instantiated with more than %d type argument lists (does it instantiate itself with a growing type?)", g.what, maxInstances)
			return pyName(g.base)
		}
		sub := &subster{m: map[*types.TypeParam]types.Type{}, ctxt: t.typeCtxt, vars: map[*types.Var]*types.Var{}}
		var mangled, goArgs []string
		for i, tp := range tps {
			sub.m[tp] = targs[i]
			mangled = append(mangled, mangleType(targs[i]))
			goArgs = append(goArgs, types.TypeString(targs[i], qualifier))
		}
		inst = &instance{g: g, targs: targs, sub: sub, at: at.Pos(),
			name: t.module.fresh(g.base + "__" + strings.Join(mangled, "__")),
			what: instWhat(fn, goArgs)}
		g.insts = append(g.insts, inst)
		t.instQueue = append(t.instQueue, inst)
	}
	n := pyName(g.base)
	t.instRefs = append(t.instRefs, instRef{n, inst})
	return n
}

// methodRef returns a name for method fn (an Origin) called on a value of
// type recv, with own the method's own type arguments.
func (t *translator) methodRef(fn *types.Func, recv types.Type, own []types.Type, at ast.Node) pyast.Expr {
	if !isGeneric(fn) {
		return pyName(t.funcName(fn))
	}
	var targs []types.Type
	if fn.Signature().RecvTypeParams().Len() > 0 {
		named, ok := types.Unalias(derefType(recv)).(*types.Named)
		if !ok {
			bug(at, "generic method %s on %s", fn.Name(), recv)
		}
		for i := 0; i < named.TypeArgs().Len(); i++ {
			targs = append(targs, named.TypeArgs().At(i))
		}
	}
	return t.instRef(fn, append(targs, own...), at)
}

// funcRef returns the Python name of the module function fn (an Origin)
// referred to by e (F, pkg.F, F[int]...), instantiated when generic.
func (c *funcCtx) funcRef(e ast.Expr, fn *types.Func) pyast.Expr {
	return c.t.funcRef(c.info, c.sub, e, fn)
}

// funcRef is funcCtx.funcRef for the types info, substituted by sub (or
// nil).
func (t *translator) funcRef(info *types.Info, sub *subster, e ast.Expr, fn *types.Func) pyast.Expr {
	if !isGeneric(fn) {
		return pyName(t.funcName(fn))
	}
	return t.instRef(fn, instTypeArgs(info, sub, e), e)
}

// instTypeArgs returns the type arguments of the instantiation e names,
// substituted by sub (or nil).
func instTypeArgs(info *types.Info, sub *subster, e ast.Expr) []types.Type {
	id := instIdent(e)
	if id == nil {
		bug(e, "instantiation %T", e)
	}
	in, ok := info.Instances[id]
	if !ok {
		return nil
	}
	out := make([]types.Type, in.TypeArgs.Len())
	for i := range out {
		out[i] = in.TypeArgs.At(i)
		if sub != nil {
			out[i] = sub.typ(out[i])
		}
	}
	return out
}

// instIdent returns the identifier types.Info.Instances keys e's
// instantiation by.
func instIdent(e ast.Expr) *ast.Ident {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	case *ast.IndexExpr:
		return instIdent(x.X)
	case *ast.IndexListExpr:
		return instIdent(x.X)
	}
	return nil
}

// funcBaseName is the Python base name of a function or method: F, or
// Recv_M.
func funcBaseName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		return recvTypeName(recv.Type()) + "_" + fn.Name()
	}
	return fn.Name()
}

// funcWhat is the Go name of a function or method in origin comments.
func funcWhat(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		return recvTypeName(recv.Type()) + "." + fn.Name()
	}
	return fn.Name()
}

// instWhat is the Go name of an instantiation: F[int8], Pair[int].Sum, or
// Pair[int].Map[string] for a generic method of a generic type.
func instWhat(fn *types.Func, args []string) string {
	sig := fn.Signature()
	if recv := sig.Recv(); recv != nil {
		nr := sig.RecvTypeParams().Len()
		r := recvTypeName(recv.Type())
		if nr > 0 {
			r += "[" + strings.Join(args[:nr], ",") + "]"
		}
		m := fn.Name()
		if len(args) > nr {
			m += "[" + strings.Join(args[nr:], ",") + "]"
		}
		return r + "." + m
	}
	return fn.Name() + "[" + strings.Join(args, ",") + "]"
}

// mangleType spells a type argument as part of a Python name.
func mangleType(typ types.Type) string {
	switch t := types.Unalias(typ).(type) {
	case *types.Basic:
		return types.Typ[t.Kind()].Name() // byte and uint8 are one type
	case *types.Named:
		s := t.Obj().Name()
		for i := 0; i < t.TypeArgs().Len(); i++ {
			s += "_" + mangleType(t.TypeArgs().At(i))
		}
		return s
	case *types.Pointer:
		return "ptr_" + mangleType(t.Elem())
	case *types.Slice:
		return "list_" + mangleType(t.Elem())
	case *types.Map:
		return "dict_" + mangleType(t.Key()) + "_" + mangleType(t.Elem())
	case *types.Interface:
		if t.Empty() {
			return "any"
		}
	case *types.Signature:
		return "func"
	case *types.Struct:
		return "struct"
	}
	return "T"
}

func identicalTypes(a, b []types.Type) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !types.Identical(a[i], b[i]) {
			return false
		}
	}
	return true
}

// translateInstance translates one instantiation from the generic body.
func (t *translator) translateInstance(inst *instance) {
	fd, ok := t.decls[inst.g.fn]
	if !ok || fd.decl.Body == nil {
		return
	}
	t.curInst = inst
	defer func() { t.curInst = nil }()
	info := inst.sub.info(fd)
	def := t.topFunc(inst.g.fn, fd, info, inst.sub, inst.name, inst.what)
	if def != nil {
		inst.def = def
		t.defs = append(t.defs, def)
	}
}

// resolveInstances decides, for each generic function, whether its
// instantiations share one def, and names every reference accordingly.
// Instantiations share a def when their translations print the same, with
// the references to other instantiations named as decided so far; a
// function whose instantiations differ splits, which may make its callers'
// instantiations differ in turn, so the decision repeats until nothing
// changes.
func (t *translator) resolveInstances() {
	for changed := true; changed; {
		changed = false
		for _, r := range t.instRefs {
			r.name.ID = r.inst.pyName()
		}
		for _, g := range t.genericOrder {
			if g.split || len(g.insts) < 2 {
				continue
			}
			first := ""
			for i, in := range g.insts {
				if in.def == nil {
					continue
				}
				src := printShared(in.def, g.base)
				if i > 0 && first != "" && src != first {
					g.split = true
					changed = true
					break
				}
				if first == "" {
					first = src
				}
			}
		}
	}
	drop := map[*pyast.FunctionDef]bool{}
	for _, g := range t.genericOrder {
		kept := false
		for _, in := range g.insts {
			if in.def == nil {
				continue
			}
			if g.split {
				continue
			}
			if kept {
				drop[in.def] = true
				continue
			}
			kept = true
			in.def.Name = g.base
			fd := t.decls[g.fn]
			in.def.Comments = []string{origin(fd.pkg.PkgPath, g.what, t.fset.Position(fd.decl.Pos()))}
		}
	}
	if len(drop) == 0 {
		return
	}
	out := t.defs[:0]
	for _, d := range t.defs {
		if fd, ok := d.(*pyast.FunctionDef); ok && drop[fd] {
			continue
		}
		out = append(out, d)
	}
	t.defs = out
}

// pyName is the name references to the instance print as.
func (in *instance) pyName() string {
	if in.g.split {
		return in.name
	}
	return in.g.base
}

// printShared prints def as the shared def would print.
func printShared(def *pyast.FunctionDef, name string) string {
	saveName, saveComments := def.Name, def.Comments
	def.Name, def.Comments = name, nil
	defer func() { def.Name, def.Comments = saveName, saveComments }()
	b, err := pyast.Print(&pyast.Module{Body: []pyast.Stmt{def}})
	if err != nil {
		return "unprintable: " + err.Error()
	}
	return string(b)
}

// A subster replaces type parameters by type arguments in types and in
// the objects of one function body.
type subster struct {
	m    map[*types.TypeParam]types.Type
	ctxt *types.Context
	// vars maps the body's variables to copies of the substituted type.
	vars map[*types.Var]*types.Var
}

// typ returns typ with the type parameters replaced.
func (s *subster) typ(typ types.Type) types.Type {
	switch t := typ.(type) {
	case nil, *types.Basic, *types.Interface, *types.Union:
		// Interfaces of values (any, error, the module's) mention no type
		// parameter; constraints are not value types.
		return typ
	case *types.TypeParam:
		if r, ok := s.m[t]; ok {
			return r
		}
		return typ
	case *types.Alias:
		return s.typ(types.Unalias(t))
	case *types.Pointer:
		if e := s.typ(t.Elem()); e != t.Elem() {
			return types.NewPointer(e)
		}
	case *types.Slice:
		if e := s.typ(t.Elem()); e != t.Elem() {
			return types.NewSlice(e)
		}
	case *types.Array:
		if e := s.typ(t.Elem()); e != t.Elem() {
			return types.NewArray(e, t.Len())
		}
	case *types.Chan:
		if e := s.typ(t.Elem()); e != t.Elem() {
			return types.NewChan(t.Dir(), e)
		}
	case *types.Map:
		k, v := s.typ(t.Key()), s.typ(t.Elem())
		if k != t.Key() || v != t.Elem() {
			return types.NewMap(k, v)
		}
	case *types.Tuple:
		if t == nil {
			return typ
		}
		if vs, changed := s.tuple(t); changed {
			return vs
		}
	case *types.Signature:
		p, pc := s.tuple(t.Params())
		r, rc := s.tuple(t.Results())
		if pc || rc {
			return types.NewSignatureType(t.Recv(), nil, nil, p, r, t.Variadic())
		}
	case *types.Struct:
		fields := make([]*types.Var, t.NumFields())
		tags := make([]string, t.NumFields())
		changed := false
		for i := range fields {
			f := t.Field(i)
			fields[i], tags[i] = f, t.Tag(i)
			if ft := s.typ(f.Type()); ft != f.Type() {
				fields[i] = types.NewField(f.Pos(), f.Pkg(), f.Name(), ft, f.Embedded())
				changed = true
			}
		}
		if changed {
			return types.NewStruct(fields, tags)
		}
	case *types.Named:
		args := t.TypeArgs()
		if args.Len() == 0 {
			return typ
		}
		targs := make([]types.Type, args.Len())
		changed := false
		for i := range targs {
			targs[i] = s.typ(args.At(i))
			changed = changed || targs[i] != args.At(i)
		}
		if !changed {
			return typ
		}
		inst, err := types.Instantiate(s.ctxt, t.Origin(), targs, false)
		if err != nil {
			return typ
		}
		return inst
	}
	return typ
}

// tuple substitutes the types of a parameter or result list.
func (s *subster) tuple(t *types.Tuple) (*types.Tuple, bool) {
	if t == nil {
		return nil, false
	}
	vs := make([]*types.Var, t.Len())
	changed := false
	for i := range vs {
		v := t.At(i)
		vs[i] = v
		if vt := s.typ(v.Type()); vt != v.Type() {
			vs[i] = types.NewParam(v.Pos(), v.Pkg(), v.Name(), vt)
			changed = true
		}
	}
	return types.NewTuple(vs...), changed
}

// obj returns the object standing for o in the instance: a copy of a
// local variable whose type mentions a type parameter, o otherwise.
func (s *subster) obj(o types.Object) types.Object {
	v, ok := o.(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return o
	}
	if nv, ok := s.vars[v]; ok {
		return nv
	}
	vt := s.typ(v.Type())
	if vt == v.Type() {
		s.vars[v] = v
		return v
	}
	nv := types.NewVar(v.Pos(), v.Pkg(), v.Name(), vt)
	// A scope of its own gives the copy a parent, which tells locals from
	// fields and package variables; sharing one would refuse shadowed
	// names.
	types.NewScope(nil, v.Pos(), v.Pos(), "instance").Insert(nv)
	s.vars[v] = nv
	return nv
}

// info returns the type information of the declaration fd with the type
// parameters replaced: the translation of the body then sees only the
// instance's types.
func (s *subster) info(fd funcDecl) *types.Info {
	orig := fd.pkg.TypesInfo
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Instances:    map[*ast.Ident]types.Instance{},
		FileVersions: orig.FileVersions,
	}
	ast.Inspect(fd.decl, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if e, ok := n.(ast.Expr); ok {
			if tv, ok := orig.Types[e]; ok {
				tv.Type = s.typ(tv.Type)
				info.Types[e] = tv
			}
		}
		switch n := n.(type) {
		case *ast.Ident:
			if o, ok := orig.Defs[n]; ok {
				if o != nil {
					o = s.obj(o)
				}
				info.Defs[n] = o
			}
			if o, ok := orig.Uses[n]; ok {
				info.Uses[n] = s.obj(o)
			}
			if in, ok := orig.Instances[n]; ok {
				info.Instances[n] = in
			}
		case *ast.SelectorExpr:
			if sel, ok := orig.Selections[n]; ok {
				info.Selections[n] = sel
			}
		}
		if o, ok := orig.Implicits[n]; ok {
			info.Implicits[n] = s.obj(o)
		}
		return true
	})
	return info
}
