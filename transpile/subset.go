package transpile

// This file holds the checks that need a whole function body before any
// statement is translated: where subslices go. Statement-level rejections
// (go, defer, select, labels...) are reported by the translator as it meets
// them, so every problem is reported exactly once.

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
)

// checkSlices rejects subslices of slices that could be written through:
// in Go s[i:j] shares s's backing array, a Python slice is a copy. A
// subslice may be read (ranged over, passed to the allowed standard
// functions, spread into append) or kept in a variable that nothing
// writes through: neither it nor the sliced variable is element-assigned,
// appended to elsewhere, or passed to the module's functions.
func (t *translator) checkSlices(info *types.Info, body ast.Node) {
	written := map[types.Object]bool{} // element-assigned or handed to user code
	identObj := func(e ast.Expr) types.Object {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			return info.Uses[id]
		}
		return nil
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.AssignStmt:
			for _, l := range s.Lhs {
				if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok {
					if o := identObj(ix.X); o != nil {
						written[o] = true
					}
				}
			}
		case *ast.IncDecStmt:
			if ix, ok := ast.Unparen(s.X).(*ast.IndexExpr); ok {
				if o := identObj(ix.X); o != nil {
					written[o] = true
				}
			}
		case *ast.CallExpr:
			fn, _ := calleeFunc(info, s)
			if fn != nil && fn.Pkg() != nil && readsArgsOnly(fn) && !sortsArgs(fn) {
				break
			}
			if id, ok := ast.Unparen(s.Fun).(*ast.Ident); ok {
				if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() != "copy" && b.Name() != "clear" {
					break
				}
			}
			args := s.Args
			if c, ok := ast.Unparen(s.Fun).(*ast.Ident); ok && c.Name == "copy" && len(args) == 2 {
				args = args[:1] // copy writes its first argument only
			}
			for _, a := range args {
				if o := identObj(a); o != nil {
					written[o] = true
				}
			}
		}
		return true
	})
	astutil.Apply(body, func(cur *astutil.Cursor) bool {
		se, ok := cur.Node().(*ast.SliceExpr)
		if !ok {
			return true
		}
		if _, isSlice := info.TypeOf(se.X).Underlying().(*types.Slice); !isSlice {
			return true
		}
		src := identObj(se.X)
		ok = false
		switch p := cur.Parent().(type) {
		case *ast.RangeStmt:
			ok = cur.Name() == "X"
		case *ast.CallExpr:
			if cur.Name() == "Args" {
				fn, _ := calleeFunc(info, p)
				if fn != nil && fn.Pkg() != nil && readsArgsOnly(fn) && !sortsArgs(fn) {
					ok = true
				}
				if id, isID := ast.Unparen(p.Fun).(*ast.Ident); isID {
					if b, isB := info.Uses[id].(*types.Builtin); isB {
						switch b.Name() {
						case "len", "cap":
							ok = true
						case "append":
							ok = cur.Index() > 0 && p.Ellipsis.IsValid()
						case "copy":
							ok = cur.Index() == 1
						}
					}
				}
			}
		case *ast.AssignStmt:
			if cur.Name() == "Rhs" && len(p.Lhs) == len(p.Rhs) {
				dst := p.Lhs[cur.Index()]
				var dobj types.Object
				if id, isID := dst.(*ast.Ident); isID {
					dobj = info.Defs[id]
					if dobj == nil {
						dobj = info.Uses[id]
					}
				}
				if v, isVar := dobj.(*types.Var); isVar && v.Parent() != v.Pkg().Scope() {
					self := src != nil && src == dobj
					ok = !written[dobj] && (self || src == nil || !written[src])
				}
			}
		case *ast.ReturnStmt:
			ok = src != nil && !written[src]
		}
		if !ok {
			t.errorf(se, SliceAlias, "copy it first (slices.Clone(s[i:j])) or index the original", "subslice of a slice that may be written through: Go shares the backing array, Python copies")
		}
		return true
	}, nil)
}

// checkAliasedAppends rejects an append to a slice variable that shares
// its value with another variable (b := a) when either is written through
// by index: Go's append may reuse the shared backing array, so whether the
// write shows through the other variable depends on capacity; Python's
// append never shares.
func (t *translator) checkAliasedAppends(info *types.Info, body ast.Node) {
	sliceVar := func(e ast.Expr) types.Object { return sliceVarOf(info, e) }
	group := map[types.Object]types.Object{}
	var find func(types.Object) types.Object
	find = func(o types.Object) types.Object {
		if p, ok := group[o]; ok && p != o {
			r := find(p)
			group[o] = r
			return r
		}
		return o
	}
	aliased := map[types.Object]bool{}
	written := map[types.Object]bool{}
	var appends []*ast.CallExpr
	// share records that a holds a slice value that may share its backing
	// array with b's: a := b, or a := append(b, ...), which writes into
	// b's spare capacity.
	share := func(l, r ast.Expr) {
		if call, ok := ast.Unparen(r).(*ast.CallExpr); ok && len(call.Args) > 0 {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
					r = call.Args[0]
				}
			}
		}
		a, b := sliceVar(l), sliceVar(r)
		if a != nil && b != nil && a != b {
			group[find(a)] = find(b)
			aliased[a], aliased[b] = true, true
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.ValueSpec:
			if len(s.Names) == len(s.Values) {
				for i, r := range s.Values {
					share(s.Names[i], r)
				}
			}
		case *ast.AssignStmt:
			if len(s.Lhs) == len(s.Rhs) {
				for i, r := range s.Rhs {
					share(s.Lhs[i], r)
				}
			}
			for _, l := range s.Lhs {
				if v := elemWritten(info, l); v != nil {
					written[v] = true
				}
			}
		case *ast.IncDecStmt:
			if v := elemWritten(info, s.X); v != nil {
				written[v] = true
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(s.Fun).(*ast.Ident); ok && len(s.Args) > 0 {
				if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
					appends = append(appends, s)
				}
			}
		}
		return true
	})
	writtenGroup := map[types.Object]bool{}
	for v := range written {
		if aliased[v] {
			writtenGroup[find(v)] = true
		}
	}
	for _, call := range appends {
		v := sliceVar(call.Args[0])
		if v != nil && aliased[v] && writtenGroup[find(v)] {
			t.errorf(call, AliasingAppend, "copy the slice (slices.Clone) before appending to one of its aliases", "append to %s, which shares its backing array with another variable written by index", v.Name())
		}
	}
	// A range over s reads the elements of the slice value it started
	// with: a loop body that appends to s and writes s[i] sees its own
	// writes in Go only while the append reuses the backing array.
	ast.Inspect(body, func(n ast.Node) bool {
		rs, ok := n.(*ast.RangeStmt)
		if !ok || rs.Value == nil {
			return true
		}
		v := sliceVar(rs.X)
		if v == nil {
			return true
		}
		var grow []*ast.CallExpr
		write := false
		ast.Inspect(rs.Body, func(n ast.Node) bool {
			switch s := n.(type) {
			case *ast.CallExpr:
				if id, ok := ast.Unparen(s.Fun).(*ast.Ident); ok && len(s.Args) > 0 && sliceVar(s.Args[0]) == v {
					if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
						grow = append(grow, s)
					}
				}
			case *ast.AssignStmt:
				for _, l := range s.Lhs {
					if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok && sliceVar(ix.X) == v {
						write = true
					}
				}
			case *ast.IncDecStmt:
				if ix, ok := ast.Unparen(s.X).(*ast.IndexExpr); ok && sliceVar(ix.X) == v {
					write = true
				}
			}
			return true
		})
		if write {
			for _, call := range grow {
				t.errorf(call, AliasingAppend, "append to a new slice and assign it after the loop", "append to %s while ranging over it and writing its elements", v.Name())
			}
		}
		return true
	})
}

// sortsArgs reports whether an allowed standard function sorts or
// reorders its slice argument in place.
func sortsArgs(fn *types.Func) bool {
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "sort.Strings", "sort.Ints", "sort.Float64s", "sort.Slice", "sort.SliceStable",
		"slices.Sort", "slices.SortFunc", "slices.SortStableFunc", "slices.Reverse":
		return true
	}
	return false
}

// elemWritten returns the slice variable whose element an assignment to
// l writes: s[i] = ..., or a field of it, s[i].F.G = ...; or nil.
func elemWritten(info *types.Info, l ast.Expr) types.Object {
	for {
		switch x := ast.Unparen(l).(type) {
		case *ast.SelectorExpr:
			l = x.X
		case *ast.IndexExpr:
			return sliceVarOf(info, x.X)
		default:
			return nil
		}
	}
}
