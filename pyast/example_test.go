package pyast_test

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/gogears/gogears/pyast"
)

// Example builds a gear step function with its origin comment and prints
// it. Parentheses come from the tree's shape, not from the caller.
func Example() {
	x := pyast.NewName("x")
	m := &pyast.Module{Body: []pyast.Stmt{
		&pyast.FunctionDef{
			Comments: []string{"go: example.com/shop/gears.Count step 1 (gears.go)"},
			Name:     "step_1",
			Args:     pyast.Arguments{Args: []string{"x"}, Defaults: []pyast.Expr{pyast.NewInt(-2)}},
			Body: []pyast.Stmt{
				&pyast.Return{Value: &pyast.BinOp{
					Left:  &pyast.BinOp{Left: x, Op: pyast.Add, Right: pyast.NewInt(1)},
					Op:    pyast.Mult,
					Right: &pyast.UnaryOp{Op: pyast.USub, Operand: x},
				}},
			},
		},
	}}
	if err := pyast.Fprint(os.Stdout, m); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # go: example.com/shop/gears.Count step 1 (gears.go)
	// def step_1(x=-2):
	//     return (x + 1) * -x
}

// ExampleQuote renders Go strings as Python literals. Invalid UTF-8 has
// no str literal; QuoteBytes renders raw bytes.
func ExampleQuote() {
	for _, s := range []string{"it's", "tab\there", "line\u2028sep", "caf\u00e9 \U0001F600"} {
		lit, _ := pyast.Quote(s)
		fmt.Println(lit)
	}
	_, err := pyast.Quote("\xff")
	fmt.Println(errors.Is(err, pyast.ErrInvalidUTF8))
	fmt.Println(pyast.QuoteBytes([]byte("\xff'")))
	// Output:
	// "it's"
	// 'tab\there'
	// 'line\u2028sep'
	// 'café 😀'
	// true
	// b"\xff'"
}

// ExampleDump shows the CPython ast.dump form of a tree, the form tests
// compare with what CPython parses from the printed text.
func ExampleDump() {
	e := &pyast.BinOp{Left: pyast.NewInt(-1), Op: pyast.Pow, Right: pyast.NewInt(2)}
	src, _ := pyast.ExprString(e)
	fmt.Println(src)
	fmt.Println(pyast.Dump(e))
	// Output:
	// (-1) ** 2
	// BinOp(left=UnaryOp(op=USub(), operand=Constant(value=1)), op=Pow(), right=Constant(value=2))
}

// ExampleSafeName derives Python names for Go identifiers.
func ExampleSafeName() {
	used := map[string]bool{"total": true}
	taken := func(s string) bool { return used[s] }
	for _, goName := range []string{"count", "len", "lambda", "total", "naïve"} {
		fmt.Println(pyast.SafeName(goName, taken))
	}
	// Output:
	// count
	// len_
	// lambda_
	// total_2
	// na_u00efve
}

// ExampleInspect lists the names a tree reads.
func ExampleInspect() {
	e := &pyast.Call{Func: pyast.NewName("f"), Args: []pyast.Expr{
		&pyast.BinOp{Left: pyast.NewName("a"), Op: pyast.Add, Right: pyast.NewName("b")},
	}}
	pyast.Inspect(e, func(n pyast.Node) bool {
		if name, ok := n.(*pyast.Name); ok {
			fmt.Println(name.ID)
		}
		return true
	})
	// Output:
	// f
	// a
	// b
}

// ExampleConfig_Fprint records the output line of each statement.
func ExampleConfig_Fprint() {
	m := &pyast.Module{Body: []pyast.Stmt{
		&pyast.Import{Names: []pyast.Alias{{Name: "json"}}},
		&pyast.FunctionDef{Comments: []string{"go: a.F (a.go)"}, Name: "f", Body: []pyast.Stmt{&pyast.Pass{}}},
	}}
	cfg := &pyast.Config{Lines: func(s pyast.Stmt, line int) {
		fmt.Printf("line %d: %T\n", line, s)
	}}
	if err := cfg.Fprint(io.Discard, m); err != nil {
		fmt.Println(err)
	}
	// Output:
	// line 1: *pyast.Import
	// line 5: *pyast.FunctionDef
	// line 6: *pyast.Pass
}
