package transpile

// This file finds gears: package-level variables of type dsl.Job[T] or
// dsl.Registration[T], built by one chain of dsl calls. Calls are matched
// by *types.Func identity (typeutil.StaticCallee), never by their text.

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"
)

// A gearDecl is one gear variable and its decoded builder chain.
type gearDecl struct {
	pkg    *packages.Package
	obj    *types.Var
	spec   *ast.ValueSpec
	doc    string
	reader *chainCall   // the reader constructor
	steps  []*chainCall // operations, in order (Requires excluded)
	action *chainCall   // Run or Register
	reqs   []string
	// elem is the record type after each step: elem[0] is the reader's.
	elem []types.Type
}

// A chainCall is one call of the builder chain.
type chainCall struct {
	call *ast.CallExpr
	fn   *types.Func // the dsl function or method (origin)
	name string
}

// findGears returns the gears of pkg, reporting chains it cannot follow.
func findGears(pkg *packages.Package, fset *token.FileSet, ds *Diagnostics) []*gearDecl {
	var out []*gearDecl
	eachVarSpec(pkg, func(g *ast.GenDecl, vs *ast.ValueSpec) {
		for i, id := range vs.Names {
			v, ok := pkg.TypesInfo.Defs[id].(*types.Var)
			if !ok || !isGearType(v.Type()) {
				continue
			}
			if len(vs.Values) != len(vs.Names) {
				ds.add(diagAt(fset, id, GearShape, "build each gear in its own var with one initializer", "gear variable %s has no initializer of its own", id.Name))
				continue
			}
			doc := vs.Doc
			if doc == nil && len(g.Specs) == 1 {
				doc = g.Doc
			}
			gd := &gearDecl{pkg: pkg, obj: v, spec: vs, doc: strings.TrimSpace(doc.Text())}
			if decodeChain(gd, vs.Values[i], fset, ds) {
				out = append(out, gd)
			}
		}
	})
	sort.Slice(out, func(i, j int) bool { return out[i].obj.Pos() < out[j].obj.Pos() })
	return out
}

// isGearType reports whether t is dsl.Job[T] or dsl.Registration[T].
func isGearType(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != dslPath {
		return false
	}
	return n.Obj().Name() == "Job" || n.Obj().Name() == "Registration"
}

func diagAt(fset *token.FileSet, n ast.Node, code Code, hint, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: fset.Position(n.Pos()), End: fset.Position(n.End()), Code: code, Message: fmt.Sprintf(format, args...), Hint: hint}
}

// decodeChain walks the chain from the action back to the reader,
// following package-level Gear variables that hold a shared prefix.
func decodeChain(gd *gearDecl, e ast.Expr, fset *token.FileSet, ds *Diagnostics) bool {
	info := gd.pkg.TypesInfo
	var calls []*chainCall
	cur := e
	seen := map[*types.Var]bool{}
	for {
		cur = ast.Unparen(cur)
		if id, ok := cur.(*ast.Ident); ok {
			// A shared prefix: var base = dsl.HashKeys(...).Filter(...)
			v, ok := info.Uses[id].(*types.Var)
			if !ok || v.Parent() != v.Pkg().Scope() || seen[v] {
				break
			}
			seen[v] = true
			init := varInit(gd.pkg, v)
			if init == nil {
				break
			}
			cur = init
			continue
		}
		call, ok := cur.(*ast.CallExpr)
		if !ok {
			break
		}
		fn := typeutil.StaticCallee(info, call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != dslPath {
			break
		}
		fn = fn.Origin()
		calls = append(calls, &chainCall{call: call, fn: fn, name: fn.Name()})
		if fn.Signature().Recv() == nil {
			// The reader constructor starts the chain.
			for i, j := 0, len(calls)-1; i < j; i, j = i+1, j-1 {
				calls[i], calls[j] = calls[j], calls[i]
			}
			gd.reader = calls[0]
			for _, c := range calls[1 : len(calls)-1] {
				if c.name == "Requires" {
					for _, a := range c.call.Args {
						if s, ok := constStr(info, a); ok {
							gd.reqs = append(gd.reqs, s)
						} else {
							ds.add(diagAt(fset, a, OptionArg, "pass a string constant", "requirement is not a constant"))
						}
					}
					continue
				}
				gd.steps = append(gd.steps, c)
			}
			gd.action = calls[len(calls)-1]
			if gd.action.name != "Run" && gd.action.name != "Register" {
				ds.add(diagAt(fset, e, GearShape, "end the chain with Run or Register", "gear %s does not end with Run or Register", gd.obj.Name()))
				return false
			}
			gd.elem = append(gd.elem, recordType(info.TypeOf(gd.reader.call)))
			for _, s := range gd.steps {
				gd.elem = append(gd.elem, recordType(info.TypeOf(s.call)))
			}
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			break
		}
		cur = sel.X
	}
	ds.add(diagAt(fset, e, GearShape, "write the gear as one chain: var G = dsl.Reader(...).Step(...).Run()", "gear %s is not a dsl builder chain", gd.obj.Name()))
	return false
}

// varInit returns the initializer of a package-level variable of pkg.
func varInit(pkg *packages.Package, v *types.Var) ast.Expr {
	var init ast.Expr
	eachVarSpec(pkg, func(_ *ast.GenDecl, vs *ast.ValueSpec) {
		for i, id := range vs.Names {
			if pkg.TypesInfo.Defs[id] == v && len(vs.Values) == len(vs.Names) {
				init = vs.Values[i]
			}
		}
	})
	return init
}

// eachVarSpec calls f for every package-level var spec of pkg except those
// of the generated file.
func eachVarSpec(pkg *packages.Package, f func(*ast.GenDecl, *ast.ValueSpec)) {
	for _, file := range pkg.Syntax {
		if pkg.Fset != nil && strings.HasSuffix(pkg.Fset.Position(file.Pos()).Filename, GeneratedFile) {
			continue
		}
		for _, d := range file.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, sp := range g.Specs {
				f(g, sp.(*ast.ValueSpec))
			}
		}
	}
}

// recordType returns T of Gear[T], Job[T] or Registration[T].
func recordType(t types.Type) types.Type {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.TypeArgs().Len() == 0 {
		return nil
	}
	return n.TypeArgs().At(0)
}

// constStr returns a constant string argument.
func constStr(info *types.Info, e ast.Expr) (string, bool) {
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
