package pyast

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestInspect(t *testing.T) {
	m := &Module{Body: []Stmt{
		&FunctionDef{Name: "f", Args: Arguments{Args: []string{"a"}, Defaults: []Expr{i(1)}}, Body: []Stmt{
			&Return{Value: &IfExp{Body: n("a"), Test: n("b"), Else: call(n("g"), &Starred{Value: n("c")})}},
		}},
		&ExprStmt{Value: &ListComp{Elt: n("x"), Generators: []Comprehension{{Target: n("x"), Iter: n("y"), Ifs: []Expr{n("z")}}}}},
	}}
	var got []string
	Inspect(m, func(n Node) bool {
		switch n := n.(type) {
		case nil:
		case *Name:
			got = append(got, n.ID)
		default:
			got = append(got, strings.TrimPrefix(fmt.Sprintf("%T", n), "*pyast."))
		}
		return true
	})
	want := []string{"Module", "FunctionDef", "Arguments", "Int", "Return", "IfExp", "a", "b", "Call", "g", "Starred", "c",
		"ExprStmt", "ListComp", "x", "Comprehension", "x", "y", "z"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Inspect order mismatch (-want +got):\n%s", diff)
	}
}

// TestInspectPrune checks that returning false skips a node's children and
// that every visited node is followed by exactly one f(nil).
func TestInspectPrune(t *testing.T) {
	m := &Module{Body: []Stmt{&FunctionDef{Name: "f", Body: []Stmt{&Pass{}}}, &ExprStmt{Value: n("x")}}}
	var seen []string
	depth := 0
	Inspect(m, func(n Node) bool {
		if n == nil {
			depth--
			return false
		}
		depth++
		seen = append(seen, fmt.Sprintf("%T", n))
		_, isDef := n.(*FunctionDef)
		if isDef {
			depth-- // pruned nodes get no f(nil)
		}
		return !isDef
	})
	if depth != 0 {
		t.Errorf("Inspect: unbalanced f(nil) calls, depth %d", depth)
	}
	want := []string{"*pyast.Module", "*pyast.FunctionDef", "*pyast.ExprStmt", "*pyast.Name"}
	if diff := cmp.Diff(want, seen); diff != "" {
		t.Errorf("Inspect with pruning mismatch (-want +got):\n%s", diff)
	}
}

// TestOrigin checks that a Tag set by the creator is reachable from any
// node and does not change the output.
func TestOrigin(t *testing.T) {
	name := &Name{ID: "x", Tag: Tag{Origin: "gears.go:12"}}
	m := &Module{Body: []Stmt{&ExprStmt{Value: name}}}
	var origins []any
	Inspect(m, func(n Node) bool {
		if n != nil && n.Tagged().Origin != nil {
			origins = append(origins, n.Tagged().Origin)
		}
		return true
	})
	if diff := cmp.Diff([]any{"gears.go:12"}, origins); diff != "" {
		t.Errorf("origins mismatch (-want +got):\n%s", diff)
	}
	if got, err := Print(m); err != nil || string(got) != "x\n" {
		t.Errorf("Print(tagged tree) = %q, %v; want %q", got, err, "x\n")
	}
}
